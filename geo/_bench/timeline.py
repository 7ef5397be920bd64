"""Benchmark the control timeline: one-off index and control_on(day) over 100 000 generated claims."""
from __future__ import annotations

import datetime as dt
import random
import statistics
import time

from geo.models import Claim, EvidenceClaim

__all__ = ["run", "generate_claims"]

_FACTIONS = ("government", "rebels", "kurds", "isis")
_KINDS = ("capture", "control", "control", "attack", "siege")


def generate_claims(n: int, gazetteer, *, seed: int = 7) -> list[EvidenceClaim]:
    """n random claims over 2012-2016: 90 % quarter, 10 % region; day, month and year dates; some reviewed."""
    rng = random.Random(seed)
    quarters = [p for p in gazetteer.places.values() if p.kind == "quarter"]
    regions = [p for p in gazetteer.places.values() if p.kind == "region"]
    first = dt.date(2012, 1, 1).toordinal()
    span = dt.date(2016, 12, 31).toordinal() - first
    out = []
    for i in range(n):
        p = rng.choice(regions) if regions and rng.random() < 0.1 else rng.choice(quarters)
        day = dt.date.fromordinal(first + rng.randrange(span))
        r = rng.random()
        date, precision = (day.isoformat(), "day") if r < 0.9 else ((day.isoformat()[:7], "month") if r < 0.97 else (str(day.year), "year"))
        faction = rng.choice(_FACTIONS)
        c = Claim(place_id=p.id, place=p.name_en, place_kind=p.kind, mention=p.name_en, start=0, end=len(p.name_en),
                  faction=faction, kind=rng.choice(_KINDS), date=date, date_precision=precision,
                  quote=f"{faction} {p.name_en} {date}")
        review = rng.choices(("auto", "accepted", "edited", "rejected"), weights=(90, 5, 2, 3))[0]
        out.append(EvidenceClaim(claim_id=i + 1, claim=c, document_id=i // 5 + 1, source="bench", url="",
                                 published=day.isoformat(), review=review))
    return out


def run(quick: bool = False) -> list[str]:
    """Figures: index build, control_on per day (median, p95, max), change_dates, one-shot control_on."""
    from geo.gazetteer import load_gazetteer
    from geo.timeline import Timeline, control_on

    gaz = load_gazetteer()
    n = 10_000 if quick else 100_000
    claims = generate_claims(n, gaz)
    t0 = time.perf_counter()
    tl = Timeline(claims, gaz)
    build = time.perf_counter() - t0
    rng = random.Random(1)
    days = [dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365)) for _ in range(200 if quick else 1000)]
    times = []
    for d in days:
        t = time.perf_counter()
        tl.control_on(d)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    t = time.perf_counter()
    ticks = tl.change_dates()
    ticks_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    control_on(claims, dt.date(2016, 11, 28), gaz)
    oneshot = time.perf_counter() - t
    quarters = len(gaz.quarters)
    return [
        f"{n} claims, {quarters} quarters, window {tl.window_days} days",
        f"one-off index (Timeline build): {build:.2f} s",
        f"Timeline.control_on(day) over {len(days)} random days: median {statistics.median(times):.3f} ms, "
        f"p95 {times[int(len(times) * 0.95) - 1]:.3f} ms, max {times[-1]:.3f} ms (target <= 20 ms)",
        f"change_dates: {len(ticks)} ticks in {ticks_ms:.1f} ms",
        f"control_on(claims, day) without a prebuilt index: {oneshot:.2f} s",
    ]

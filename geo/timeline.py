"""Decide each quarter's control on any day from the effective claims, by rules a reader can check.

Pure functions: claims and a gazetteer in, ``ControlState`` values out.

The rules (docs/store-and-timeline.md says them in plain words):

1. Only capture and control claims with a known faction count; rejected claims count for
   nothing; a claim dated by month or year counts from the first day of that period and
   makes the date it sets approximate.
2. A region claim applies to every quarter of the region (regions inside regions too).
3. On a day D, look at the latest day L <= D with a claim for the quarter and at every
   claim from L - window to L (window = settings.CONTESTED_WINDOW_DAYS).
4. In that window, reviewed claims (accepted, edited, added by hand) outrank automatic
   ones: if any reviewed claim is there, automatic ones are set aside.
5. Then a quarter's own claim outranks a region claim of the same day or earlier; a region
   claim that is strictly more recent outranks the quarter's own older claim.
6. If the claims left name one faction, the quarter is held by it; if they name several,
   it is contested (both sides' claims are kept) until a claim comes more than ``window``
   days after the last claim of the other side. With no claim on or before D: unknown.
7. "since" is the first day of the current run of the same state.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from geo import settings
from geo.models import ControlState, EvidenceClaim

__all__ = ["Timeline", "control_on", "change_dates", "quarter_history", "claim_start", "COLOUR_KINDS"]

COLOUR_KINDS = frozenset({"capture", "control"})
_REVIEWED = frozenset({"accepted", "edited"})


def claim_start(date: str) -> tuple[dt.date, bool] | None:
    """The first day a claim date covers and whether it is approximate; None if malformed.

    '2016-11-28' -> (2016-11-28, False); '2016-11' -> (2016-11-01, True); '2016' -> (2016-01-01, True).
    """
    s = (date or "").strip()
    try:
        if len(s) == 10:
            return dt.date.fromisoformat(s), False
        if len(s) == 7 and s[4] == "-":
            return dt.date(int(s[:4]), int(s[5:7]), 1), True
        if len(s) == 4 and s.isdigit():
            return dt.date(int(s), 1, 1), True
    except ValueError:
        return None
    return None


@dataclass(frozen=True, slots=True)
class _Item:
    """A claim as one quarter sees it."""

    start: dt.date
    approximate: bool
    own: bool  # the quarter's own claim (not through a region)
    reviewed: bool
    faction: str
    ec: EvidenceClaim


def _places(gazetteer: Any) -> Mapping[str, Any]:
    places = getattr(gazetteer, "places", gazetteer)
    return places if isinstance(places, Mapping) else {p.id: p for p in places}


def _quarter_ids(places: Mapping[str, Any]) -> list[str]:
    return [pid for pid, p in places.items() if p.kind == "quarter"]


def _expand(places: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Region id -> the quarter ids it covers, through nested regions, cycles tolerated."""
    out: dict[str, tuple[str, ...]] = {}
    for pid, p in places.items():
        if p.kind != "region":
            continue
        seen: set[str] = set()
        quarters: list[str] = []
        stack = list(reversed(p.members))
        while stack:
            m = stack.pop()
            if m in seen:
                continue
            seen.add(m)
            mp = places.get(m)
            if mp is None:
                continue
            if mp.kind == "quarter":
                quarters.append(m)
            else:
                stack.extend(reversed(mp.members))
        out[pid] = tuple(quarters)
    return out


def _items_by_quarter(claims: Iterable[EvidenceClaim], places: Mapping[str, Any]) -> dict[str, list[_Item]]:
    regions = _expand(places)
    factions = set(settings.FACTIONS)
    by_q: dict[str, list[_Item]] = {}
    starts: dict[str, tuple[dt.date, bool] | None] = {}  # many claims share a date string
    for ec in claims:
        c = ec.claim
        if ec.review == "rejected" or c.kind not in COLOUR_KINDS or c.faction not in factions or not c.place_id:
            continue
        if c.date in starts:
            start = starts[c.date]
        else:
            start = starts[c.date] = claim_start(c.date)
        if start is None:
            continue
        p = places.get(c.place_id)
        if p is None:
            continue
        reviewed = ec.review in _REVIEWED
        if p.kind == "quarter":
            by_q.setdefault(c.place_id, []).append(_Item(start[0], start[1], True, reviewed, c.faction, ec))
        else:
            for q in regions.get(c.place_id, ()):
                by_q.setdefault(q, []).append(_Item(start[0], start[1], False, reviewed, c.faction, ec))
    for items in by_q.values():
        items.sort(key=lambda i: (i.start, i.own, i.reviewed, i.ec.claim_id))
    return by_q


def _decide(window: list[_Item]) -> list[_Item]:
    """The claims of a window that no other claim there outranks (rules 4 and 5)."""
    if any(i.reviewed for i in window):
        window = [i for i in window if i.reviewed]
    own = [i.start for i in window if i.own]
    region = [i.start for i in window if not i.own]
    max_own = max(own) if own else None
    max_region = max(region) if region else None
    return [i for i in window
            if (i.own and (max_region is None or i.start >= max_region))
            or (not i.own and (max_own is None or i.start > max_own))]


def _history(place_id: str, items: list[_Item], window_days: int) -> list[tuple[dt.date, ControlState]]:
    """The quarter's state from each day its state changes, oldest first."""
    out: list[tuple[dt.date, ControlState]] = []
    width = dt.timedelta(days=window_days)
    lo = 0
    n = len(items)
    i = 0
    prev: ControlState | None = None
    while i < n:
        day = items[i].start
        j = i
        while j < n and items[j].start == day:
            j += 1
        while items[lo].start < day - width:
            lo += 1
        kept = _decide(items[lo:j]) if j - lo > 1 else items[lo:j]
        factions = sorted({k.faction for k in kept})
        status = "held" if len(factions) == 1 else "contested"
        faction = factions[0] if status == "held" else None
        if prev is not None and prev.status == status and prev.faction == faction:
            since, approximate = prev.since, prev.approximate
        else:
            today = [k for k in kept if k.start == day] or kept
            since, approximate = day.isoformat(), all(k.approximate for k in today)
        ordered = kept if len(kept) == 1 else sorted(kept, key=lambda k: (k.start, k.ec.claim_id), reverse=True)
        state = ControlState(place_id=place_id, status=status, faction=faction, since=since, approximate=approximate,
                             claims=tuple(k.ec for k in ordered))
        if prev is None or since != prev.since or state.claims != prev.claims:
            out.append((day, state))
        prev = state
        i = j
    return out


class Timeline:
    """Every quarter's history, computed once; ``control_on(day)`` is then a binary search per quarter."""

    def __init__(self, claims: Iterable[EvidenceClaim], gazetteer: Any, *, window_days: int | None = None) -> None:
        self.window_days = settings.CONTESTED_WINDOW_DAYS if window_days is None else int(window_days)
        if self.window_days < 0:
            raise ValueError(f"window_days {window_days!r} is negative; use 0 or more days.")
        places = _places(gazetteer)
        self._quarters = _quarter_ids(places)
        by_q = _items_by_quarter(claims, places)
        self._days: dict[str, list[dt.date]] = {}
        self._states: dict[str, list[ControlState]] = {}
        self._unknown = {q: ControlState(place_id=q, status="unknown", faction=None, since=None) for q in self._quarters}
        for q in self._quarters:
            hist = _history(q, by_q.get(q, []), self.window_days)
            self._days[q] = [d for d, _ in hist]
            self._states[q] = [s for _, s in hist]

    def control_on(self, day: dt.date) -> dict[str, ControlState]:
        """Every quarter's state on ``day`` (unknown where no claim dates from that day or before)."""
        out: dict[str, ControlState] = {}
        for q in self._quarters:
            k = bisect.bisect_right(self._days[q], day)
            out[q] = self._states[q][k - 1] if k else self._unknown[q]
        return out

    def history(self, place_id: str) -> list[tuple[dt.date, ControlState]]:
        """(first day, state) for each change of one quarter; [] for a region or an unknown id."""
        return list(zip(self._days.get(place_id, []), self._states.get(place_id, []), strict=True))

    def change_dates(self) -> list[dt.date]:
        """Every day on which some quarter's state (status, faction) changes, sorted."""
        days: set[dt.date] = set()
        for q in self._quarters:
            prev: tuple[str, str | None] | None = None
            for d, s in zip(self._days[q], self._states[q], strict=True):
                if (s.status, s.faction) != prev:
                    days.add(d)
                prev = (s.status, s.faction)
        return sorted(days)


def control_on(claims: Iterable[EvidenceClaim], day: dt.date, gazetteer: Any, *,
               window_days: int | None = None) -> dict[str, ControlState]:
    """Every quarter of the gazetteer with its state on ``day``: held, contested or unknown."""
    return Timeline(claims, gazetteer, window_days=window_days).control_on(day)


def change_dates(claims: Iterable[EvidenceClaim], gazetteer: Any, *, window_days: int | None = None) -> list[dt.date]:
    """The days on which some quarter changes hands or becomes contested (ticks for a date slider)."""
    return Timeline(claims, gazetteer, window_days=window_days).change_dates()


def quarter_history(claims: Iterable[EvidenceClaim], place_id: str, gazetteer: Any, *,
                    window_days: int | None = None) -> list[tuple[dt.date, ControlState]]:
    """Who held one quarter when: (first day, state) per change, oldest first; [] if never claimed."""
    places = _places(gazetteer)
    p = places.get(place_id)
    if p is None or p.kind != "quarter":
        return []
    w = settings.CONTESTED_WINDOW_DAYS if window_days is None else int(window_days)
    return _history(place_id, _items_by_quarter(claims, places).get(place_id, []), w)

"""Pure logic of the app's page: link parameters, quote highlighting, disagreements, history bars.

Nothing here imports Streamlit; every function takes data and returns data or HTML
strings in which all text from articles and users is escaped.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Iterable, Sequence
from urllib.parse import urlparse

from geo.models import ControlState, EvidenceClaim

__all__ = [
    "DateChoice", "parse_date_param", "parse_quarter_param", "claims_span", "step_change",
    "clean_text", "highlight_quote", "safe_link", "disagreements", "history_bar_html", "claim_card_html",
    "claim_day",
]


@dataclass(frozen=True, slots=True)
class DateChoice:
    """A date picked from a link, with a message for the user when the link needed fixing."""

    day: dt.date
    message: str = ""


def claim_day(date_text: str) -> dt.date | None:
    """The first day a claim's date can mean ("2016-11", "2016" -> first of month/year); None if malformed."""
    s = (date_text or "").strip()
    try:
        if len(s) == 10:
            return dt.date.fromisoformat(s)
        if len(s) == 7:
            return dt.date(int(s[:4]), int(s[5:7]), 1)
        if len(s) == 4:
            return dt.date(int(s), 1, 1)
    except ValueError:
        return None
    return None


def claims_span(claims: Iterable[EvidenceClaim], *, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day the slider offers: the claims' dates and publication dates, plus a week.

    Without claims the span is the battle of Aleppo (2012-07-19 .. 2016-12-22).
    """
    days = []
    for c in claims:
        for text in (c.claim.date, c.published):
            d = claim_day(text)
            if d:
                days.append(d)
    if not days:
        return dt.date(2012, 7, 19), dt.date(2016, 12, 22)
    # A week after the last evidence, so the last change shows on the slider and the history bar.
    return min(days), max(days) + dt.timedelta(days=7)


def parse_date_param(value: str | None, lo: dt.date, hi: dt.date, default: dt.date) -> DateChoice:
    """Read ``?date=YYYY-MM-DD``: a date inside lo..hi, else the nearest end or the default, with a message."""
    if not value:
        return DateChoice(default)
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        return DateChoice(default, f"The link's date {value!r} is not a date; write it as YYYY-MM-DD "
                                   f"(e.g. ?date=2016-11-28). Showing {default.isoformat()}.")
    if day < lo:
        return DateChoice(lo, f"The link's date {day.isoformat()} is before the first claim; "
                              f"showing {lo.isoformat()}, the first day with evidence.")
    if day > hi:
        return DateChoice(hi, f"The link's date {day.isoformat()} is after the last claim; "
                              f"showing {hi.isoformat()}, the last day with evidence.")
    return DateChoice(day)


def parse_quarter_param(value: str | None, known: Iterable[str]) -> tuple[str | None, str]:
    """Read ``?quarter=<place id>``: (id, "") when known, (None, message) when not."""
    if not value:
        return None, ""
    pid = value.strip()
    if pid in set(known):
        return pid, ""
    return None, (f"The link names the quarter {pid!r}, which is not in the gazetteer; "
                  f"click a quarter on the map to select one.")


def step_change(changes: Sequence[dt.date], day: dt.date, direction: int) -> dt.date | None:
    """The previous (direction -1) or next (+1) change date strictly before/after ``day``, or None."""
    if direction < 0:
        before = [d for d in changes if d < day]
        return max(before) if before else None
    after = [d for d in changes if d > day]
    return min(after) if after else None


def clean_text(text: object) -> str:
    """Text safe to send to the browser: NUL dropped, lone surrogates replaced (they break the page's messages)."""
    s = "" if text is None else str(text)
    return s.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def highlight_quote(quote: str, mention: str, *, extra: Iterable[str] = ()) -> str:
    """Escape a quote and wrap each occurrence of the place name in ``<mark>``."""
    quote, mention = clean_text(quote), clean_text(mention)
    extra = [clean_text(e) for e in extra]
    names = sorted({n for n in (mention, *extra) if n and n.strip()}, key=len, reverse=True)
    if not names:
        return html.escape(quote)
    rx = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)
    out, pos = [], 0
    for m in rx.finditer(quote):
        out.append(html.escape(quote[pos:m.start()]))
        out.append(f"<mark>{html.escape(m.group(0))}</mark>")
        pos = m.end()
    out.append(html.escape(quote[pos:]))
    return "".join(out)


def safe_link(url: str, text: str = "link") -> str:
    """An ``<a>`` for http(s) URLs, else the URL as escaped text (no javascript: links)."""
    u = (url or "").strip()
    if not u:
        return ""
    if urlparse(u).scheme in ("http", "https"):
        return (f'<a href="{html.escape(u, quote=True)}" target="_blank" rel="noopener noreferrer">'
                f"{html.escape(text)}</a>")
    return html.escape(u)


def disagreements(claims: Sequence[EvidenceClaim], *, window_days: int = 2) -> list[list[EvidenceClaim]]:
    """Groups of claims about one quarter, dated within ``window_days``, that name different factions."""
    dated = sorted(((claim_day(c.claim.date), c) for c in claims if claim_day(c.claim.date)),
                   key=lambda t: (t[0], t[1].claim_id))
    groups: list[list[EvidenceClaim]] = []
    current: list[tuple[dt.date, EvidenceClaim]] = []
    for day, c in dated:
        if current and (day - current[0][0]).days > window_days:
            groups.append([x for _, x in current])
            current = []
        current.append((day, c))
    if current:
        groups.append([x for _, x in current])
    return [g for g in groups if len({c.claim.faction for c in g}) > 1]


def history_bar_html(history: Sequence[tuple[dt.date, ControlState]], *, lo: dt.date, hi: dt.date,
                     colours: dict[str, str], labels: dict[str, str], day: dt.date) -> str:
    """A horizontal bar of who held a quarter when, from lo to hi, with a tick at ``day``."""
    span = max((hi - lo).days, 1)
    segs = []
    points = [(d, s) for d, s in history if d <= hi]
    for i, (start, st) in enumerate(points):
        end = points[i + 1][0] if i + 1 < len(points) else hi
        a, b = max(start, lo), min(end, hi)
        if b < a:
            continue
        left = 100 * (a - lo).days / span
        width = max(100 * (b - a).days / span, 0.6)
        key = "unknown" if st.status == "unknown" else ("contested" if st.status == "contested" else (st.faction or "unknown"))
        colour = colours.get(key, colours["unknown"])
        title = html.escape(f"{labels.get(key, key)} from {a.isoformat()}", quote=True)
        segs.append(f'<div title="{title}" style="position:absolute;left:{left:.2f}%;width:{width:.2f}%;'
                    f'top:0;bottom:0;background:{html.escape(colour, quote=True)}"></div>')
    tick = 100 * min(max((day - lo).days, 0), span) / span
    segs.append(f'<div style="position:absolute;left:{tick:.2f}%;top:-3px;bottom:-3px;width:2px;background:#0b3d91"></div>')
    return (f'<div class="q-history" style="position:relative;height:16px;border:1px solid #999;'
            f'background:{colours["unknown"]};margin:4px 0 2px 0">{"".join(segs)}</div>'
            f'<div style="display:flex;justify-content:space-between;font-size:11px;color:#555">'
            f"<span>{lo.isoformat()}</span><span>{hi.isoformat()}</span></div>")


def claim_card_html(c: EvidenceClaim, *, names: Iterable[str] = (), deciding: bool = False,
                    faction_label: str = "") -> str:
    """One claim as an escaped HTML card: quote with the place highlighted, outlet, dates, cited source, link."""
    cl = c.claim
    e = lambda v: html.escape(clean_text(v))  # noqa: E731 - every field goes through the same door
    quote = highlight_quote(cl.quote or "", cl.mention or cl.place or "", extra=names)
    badge = ('<span class="q-decides" style="background:#0b3d91;color:#fff;border-radius:3px;'
             'padding:0 4px;font-size:11px">decides the colour</span> ') if deciding else ""
    review = "" if c.review == "auto" else f" · review: {e(c.review)}"
    cited = f" · citing {e(cl.attributed_to)}" if cl.attributed_to else ""
    link = safe_link(clean_text(c.url), "open the article")
    meta = (f"{e(faction_label or cl.faction or '?')} · {e(cl.kind)} · "
            f"{e(cl.date)} · <b>{e(c.source or 'unknown outlet')}</b>, "
            f"published {e(c.published or '?')}{cited}{review}")
    border = "#0b3d91" if deciding else "#ccc"
    return (f'<div class="q-claim" data-claim-id="{int(c.claim_id)}" style="border-left:4px solid {border};'
            f'padding:4px 8px;margin:6px 0">{badge}<div style="font-size:12px;color:#333">{meta}</div>'
            f'<blockquote class="q-quote" style="margin:4px 0;font-style:italic">“{quote}”</blockquote>'
            f'<div style="font-size:12px">{link}</div></div>')

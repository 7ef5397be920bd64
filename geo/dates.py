"""Find date expressions in news text and resolve them against the publication date.

Newsrooms date events relative to the dispatch: a weekday name means the most recent
such day on or before publication ("lundi" in a Monday dispatch is that Monday),
"hier"/"yesterday" the day before, "le 26 novembre" the last 26 November not after
publication, "en 2012" a year. ``find_dates`` returns every expression with its span,
the resolved date string (YYYY-MM-DD, YYYY-MM or YYYY) and its honest precision.
Pure functions; nothing here raises on odd text.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateMention", "find_dates", "weekday_on_or_before"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in text: ``text[start:end]``, resolved value and precision."""

    start: int
    end: int
    value: str  # YYYY-MM-DD | YYYY-MM | YYYY
    precision: str  # day | month | year
    relative: bool  # resolved from the publication date (weekday, yesterday...)
    vague: bool = False  # "recently", "in the last hours": about publication, not a named day


_WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate((
    "lundi monday lunedì lunedi lunes segunda-feira segunda الاثنين الإثنين",
    "mardi tuesday martedì martedi martes terça-feira terça الثلاثاء",
    "mercredi wednesday mercoledì mercoledi miércoles miercoles quarta-feira الأربعاء الاربعاء",
    "jeudi thursday giovedì giovedi jueves quinta-feira الخميس",
    "vendredi friday venerdì venerdi viernes sexta-feira الجمعة",
    "samedi saturday sabato sábado sabado السبت",
    "dimanche sunday domenica domingo الأحد الاحد",
)):
    for _n in _names.split():
        _WEEKDAYS[_n] = _i

MONTHS: dict[str, int] = {}
for _i, _names in enumerate((
    "janvier january jan gennaio enero janeiro",
    "février fevrier february feb febbraio febrero fevereiro",
    "mars march mar marzo março marco",
    "avril april apr aprile abril",
    "mai may maggio mayo maio",
    "juin june jun giugno junio junho",
    "juillet july jul luglio julio julho",
    "août aout august aug agosto",
    "septembre september sep sept settembre septiembre setembro",
    "octobre october oct ottobre octubre outubro",
    "novembre november nov noviembre novembro",
    "décembre decembre december dec dicembre diciembre dezembro",
), start=1):
    for _n in _names.split():
        MONTHS[_n] = _i

# Relative expressions -> offset in days from publication (None: handled apart).
_RELATIVE_DAYS = {
    "avant-hier": -2, "day before yesterday": -2, "anteayer": -2, "anteontem": -2, "l'altro ieri": -2,
    "hier soir": -1, "hier": -1, "la veille": -1, "la nuit dernière": -1, "cette nuit": -1, "dans la nuit": -1,
    "yesterday": -1, "last night": -1, "overnight": -1, "the previous day": -1, "the day before": -1,
    "a day earlier": -1, "one day earlier": -1, "a day before": -1, "un jour plus tôt": -1, "le jour précédent": -1,
    "two days earlier": -2, "deux jours plus tôt": -2,
    "ieri sera": -1, "ieri": -1, "stanotte": -1, "ayer": -1, "anoche": -1, "ontem": -1, "ontem à noite": -1,
    "أمس": -1, "امس": -1, "البارحة": -1,
    "aujourd'hui": 0, "aujourd’hui": 0, "ce jour": 0, "today": 0, "this morning": 0, "tonight": 0,
    "ce matin": 0, "oggi": 0, "stamattina": 0, "hoy": 0, "esta mañana": 0, "hoje": 0, "اليوم": 0,
}
_VAGUE = ("ces dernières heures", "ces derniers jours", "récemment", "in the last hours", "in recent hours",
          "in recent days", "recently", "en las últimas horas", "recientemente", "da poco", "di recente",
          "recentemente", "nas últimas horas")
_WEEKEND = ("ce week-end", "ce weekend", "le week-end dernier", "this weekend", "over the weekend",
            "at the weekend", "last weekend", "el fin de semana", "questo fine settimana", "no fim de semana")
_LAST_MONTH = ("le mois dernier", "le mois passé", "last month", "il mese scorso", "el mes pasado",
               "mês passado", "mes passado")
_LAST_WEEK = ("la semaine dernière", "la semaine passée", "last week", "la settimana scorsa", "la semana pasada",
              "na semana passada", "a semana passada")
_THIS_YEAR = ("cette année", "this year", "quest'anno", "este año", "este ano")
_LAST_YEAR = ("l'an dernier", "l’an dernier", "l'année dernière", "l’année dernière", "last year",
              "l'anno scorso", "el año pasado", "o ano passado", "no ano passado")
_THAT_YEAR = ("cette année-là", "cette année là", "that year", "quell'anno", "ese año", "aquele ano", "naquele ano")

_WD_RE = "|".join(sorted((re.escape(w) for w in _WEEKDAYS), key=len, reverse=True))
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_PHRASES = {p: ("days", d) for p, d in _RELATIVE_DAYS.items()}
_PHRASES.update({p: ("weekend", 0) for p in _WEEKEND})
_PHRASES.update({p: ("vague", 0) for p in _VAGUE})
_PHRASES.update({p: ("last_month", 0) for p in _LAST_MONTH})
_PHRASES.update({p: ("this_year", 0) for p in _THIS_YEAR})
_PHRASES.update({p: ("last_week", 0) for p in _LAST_WEEK})
_PHRASES.update({p: ("last_year", 0) for p in _LAST_YEAR})
_PHRASES.update({p: ("that_year", 0) for p in _THAT_YEAR})
_PHRASE_RE = "|".join(sorted((re.escape(p).replace("'", "['’]") for p in _PHRASES), key=len, reverse=True))

_RX = re.compile(
    rf"(?P<iso>\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)"
    # 26 novembre 2016 / 26 de noviembre / 1er décembre
    rf"|(?P<dmy>\b(?P<d1>[0-3]?\d)(?:er|st|nd|rd|th|º)?\s+(?:de\s+)?(?P<m1>{_MONTH_RE})\.?(?:\s+(?:de\s+)?(?P<y1>(?:19|20)\d\d))?\b)"
    # November 26, 2016 / Nov. 26
    rf"|(?P<mdy>\b(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>(?:19|20)\d\d))?)"
    # novembre 2016 / in November
    rf"|(?P<my>\b(?P<m3>{_MONTH_RE})\b(?:\s+(?:de\s+|of\s+)?(?P<y3>(?:19|20)\d\d))?)"
    rf"|(?P<phrase>(?<![\w])(?:{_PHRASE_RE})(?![\w]))"
    rf"|(?P<wd>(?<![\w-])(?P<wdn>{_WD_RE})(?![\w-]))"
    rf"|(?P<year>(?<![\w/.])(?<!\d-)(?<!\d‑)(?P<yy>(?:19|20)\d\d)(?![\w/-]))",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\W_]+")
_TRIGGERS = frozenset(
    [w.lower() for w in _WEEKDAYS] + [m.lower() for m in MONTHS]
    + [_TOKEN.match(p).group(0).lower() for p in _PHRASES if _TOKEN.match(p)]
)
# "passé" before a weekday is a verb ("est passé lundi sous contrôle"): only "lundi passé" means last Monday.
_LAST_BEFORE = re.compile(r"(?:\b(?:last|past|dernier|scorso|pasado|passado)\s*$)", re.IGNORECASE)
_LAST_AFTER = re.compile(r"^\s*(?:dernier|passé|scorso|pasado|passado)\b", re.IGNORECASE)
_NEXT_AFTER = re.compile(r"^\s*(?:prochain|next|prossimo|próximo|que vient)\b", re.IGNORECASE)
_NEXT_BEFORE = re.compile(r"\b(?:next|prochain|coming)\s*$", re.IGNORECASE)


def weekday_on_or_before(published: dt.date, weekday: int, *, strictly_before: bool = False) -> dt.date:
    """The most recent day with this weekday (0 = Monday) on or before ``published``."""
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - dt.timedelta(days=back)


def _year_for(published: dt.date, month: int, day: int = 1) -> int:
    """The year of a month/day named without a year: the latest not after publication."""
    try:
        candidate = dt.date(published.year, month, min(day, 28) if month == 2 and day > 28 else day)
    except ValueError:
        return published.year
    return published.year if candidate <= published else published.year - 1


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in text, resolved against ``published``, in text order.

    Without a publication date only absolute expressions (with a year) are resolved.
    """
    out: list[DateMention] = []
    last_year: int | None = None
    # Try the full pattern only where a trigger word starts (linear and fast on long text).
    pos = 0
    for t in _TOKEN.finditer(text):
        if t.start() < pos:
            continue
        w = t.group(0).lower()
        if not (w[0].isdigit() or w in _TRIGGERS):
            continue
        m = _RX.match(text, t.start())
        if m is None or m.end() == m.start():
            continue
        pos = m.end()
        dm = _resolve(m, text, published, last_year)
        if dm is None:
            continue
        if dm.precision == "year" or not dm.relative:
            last_year = int(dm.value[:4])
        out.append(dm)
    return out


def _resolve(m: re.Match[str], text: str, pub: dt.date | None, last_year: int | None) -> DateMention | None:
    s, e = m.start(), m.end()
    g = m.group
    try:
        if g("iso"):
            d = dt.date(int(g("iy")), int(g("im")), int(g("id")))
            return DateMention(s, e, d.isoformat(), "day", False)
        if g("dmy") or g("mdy"):
            month = MONTHS[(g("m1") or g("m2")).lower()]
            day = int(g("d1") or g("d2"))
            year_s = g("y1") or g("y2")
            if g("mdy") and (g("m2") == "may" or g("m2") == "mar"):
                return None  # the verb "may", "mar" in other words: not a date
            if year_s:
                year = int(year_s)
            elif pub is not None:
                year = _year_for(pub, month, day)
            else:
                return None
            d = dt.date(year, month, day)
            return DateMention(s, e, d.isoformat(), "day", not year_s)
        if g("my"):
            name = g("m3")
            if name in ("may", "mar", "jan", "sep", "oct", "dec", "mai", "marco") and not g("y3"):
                # Verbs and short forms ("may", "mar") are dates only with a year.
                if name != "mai" or text[max(0, s - 3):s].lower().strip() not in ("en", "de", "mi-"):
                    return None
            if len(name) <= 4 and name.lower() not in ("mai", "juin", "mayo", "maio", "july", "june", "août", "aout") and not g("y3"):
                return None
            month = MONTHS[name.lower()]
            if g("y3"):
                year = int(g("y3"))
            elif pub is not None:
                year = _year_for(pub, month)
            else:
                return None
            return DateMention(s, e, f"{year:04d}-{month:02d}", "month", not g("y3"))
        if g("phrase"):
            kind, days = _PHRASES[_norm_phrase(g("phrase"))]
            if kind == "that_year":
                return DateMention(s, e, f"{last_year:04d}", "year", True) if last_year else None
            if pub is None:
                return None
            if kind == "days":
                return DateMention(s, e, (pub + dt.timedelta(days=days)).isoformat(), "day", True)
            if kind == "vague":
                return DateMention(s, e, pub.isoformat(), "day", True, True)
            if kind == "weekend":
                sat = weekday_on_or_before(pub, 5, strictly_before=g("phrase").lower().startswith(("last", "le week")))
                return DateMention(s, e, sat.isoformat(), "day", True)
            if kind == "last_month":
                first = pub.replace(day=1) - dt.timedelta(days=1)
                return DateMention(s, e, f"{first.year:04d}-{first.month:02d}", "month", True)
            if kind == "last_week":
                # Seven days back could be any day of that week: say only its month.
                week = pub - dt.timedelta(days=7)
                return DateMention(s, e, f"{week.year:04d}-{week.month:02d}", "month", True)
            if kind == "this_year":
                return DateMention(s, e, f"{pub.year:04d}", "year", True)
            if kind == "last_year":
                return DateMention(s, e, f"{pub.year - 1:04d}", "year", True)
            return None
        if g("wd"):
            if pub is None:
                return None
            name = g("wdn").lower()
            if name in ("segunda", "terça", "quarta", "quinta", "sexta"):
                return None  # Portuguese ordinals unless written with "-feira"
            before, after = text[max(0, s - 12):s], text[e:e + 14]
            if _NEXT_AFTER.match(after) or _NEXT_BEFORE.search(before):
                return None  # future: "lundi prochain", "next Monday"
            strictly = bool(_LAST_BEFORE.search(before) or _LAST_AFTER.match(after))
            d = weekday_on_or_before(pub, _WEEKDAYS[name], strictly_before=strictly)
            return DateMention(s, e, d.isoformat(), "day", True)
        if g("year"):
            return DateMention(s, e, g("yy"), "year", False)
    except (ValueError, KeyError, OverflowError):
        return None
    return None


def _norm_phrase(p: str) -> str:
    key = p.lower().replace("’", "'")
    if key in _PHRASES:
        return key
    for cand in _PHRASES:
        if cand.replace("’", "'") == key:
            return cand
    return key

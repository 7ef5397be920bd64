"""Extract control claims (who took or holds which quarter, when, says who) from news text.

Rules, not a parser: the text is cut into sentences and clauses; only sentences that
name a place are examined. In each, cue words from ``geo/data/cues.csv`` (capture
verbs, passives, nominal forms, holding verbs, attributive "rebel-held") are tied to
the places they govern and to the faction that acts (``geo/data/factions.csv``), with
vetoes for attempts, intentions, negations, conditions and partial control. Dates come
from ``geo.dates`` (relative to the publication date). Everything runs in linear time.

Public API: ``extract_claims(doc, *, gazetteer=None)``, ``extract_from_text(text, *,
published, lang, gazetteer=None)`` and ``EXTRACTOR_VERSION``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from geo._lexicon import LANGS, NAME_RE, Lexicon, group, load_lexicon
from geo.dates import DateMention, find_dates
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.models import Claim, Document

__all__ = ["EXTRACTOR_VERSION", "extract_claims", "extract_from_text"]

EXTRACTOR_VERSION = "rules-1.5"

_CAPTURE_TYPES = ("capture", "capture_pass", "capture_noun", "loss_pass")
_PRIORITY = {"capture_pass": 0, "control_pass": 1, "loss_pass": 2, "loss": 3, "capture_noun": 4, "attrib": 5, "divided": 6,
             "capture": 7, "control": 8, "confined": 9}
_BASE_CONFIDENCE = {"loss": 0.75, "loss_pass": 0.7, "capture": 0.85, "capture_pass": 0.8, "capture_noun": 0.7, "control": 0.8,
                    "control_pass": 0.8, "attrib": 0.85, "divided": 0.7, "confined": 0.7}
_WINDOW_AFTER = 110  # characters from a cue to the first place it governs
_WINDOW_BEFORE = 150  # characters from a place to a passive cue after it
_BLOCK_WINDOW = 70  # characters before a cue where a veto (attempt, negation...) counts

_SENT_END = re.compile(r"(?<=[.!?])[\"»”’')\]]*\s+|\n\s*")
_ABBREV = re.compile(r"(?:\b(?:[A-Z]|Dr|Mr|Mrs|Ms|St|Mt|Gen|Col|Lt|Sgt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|M|Mme|etc|vs|al)\.)$")
_CLAUSE_SPLIT = re.compile(
    r";|:\s"
    r"|,?\s+(?:while|whereas|but|alors\s+que|tandis\s+que|mais|cependant|mientras|pero|mentre|enquanto|mas)\s"
    r"|,\s+(?:as|after|before|when|where|après|avant|lorsque|quand|où|dopo|después|depois)\s"
    r"|\s(?:après|after|dopo|después|depois)\s",
    re.IGNORECASE,
)
_AREAS_END = re.compile(r"\b(?:quartiers|secteurs|zones|parties|districts|neighbou?rhoods|areas|parts)\s*,?\s*$", re.IGNORECASE)
_AREAS_IN_GAP = re.compile(
    r"[^,;.:!?]{0,45}?\s(?:dans|in|à)\s+(?:the\s+|l['’]|la\s+|le\s+)?(?:(?:eastern|western|northern|southern)\s+)?",
    re.IGNORECASE,
)
_ADJACENT_DATE = re.compile(r"\s*(?:,\s*)?(?:(?:early|late)\s+)?(?:on|this|le|ce)?\s*", re.IGNORECASE)
_GAP_LINK = re.compile(
    r"\s*(?:[,;]\s*(?:and\s+|et\s+|while\s+|whereas\s+|tandis\s+que\s+|alors\s+que\s+)?|\s+(?:and|et|while|whereas)\s+)"
    r"(?:the\s+|les\s+|le\s+|la\s+|l['’])?", re.IGNORECASE)
_GAP_OBJECT = re.compile(r"\s+(?:(?:the|le|la|les)\s+|l['’])?(?:(?:quartiers?|districts?|neighbou?rhoods?)\s+(?:de\s+|d['’]|of\s+)?)?", re.IGNORECASE)
_COMPASS_END = re.compile(r"\b(?:eastern|western|northern|southern)$", re.IGNORECASE)
_PLURAL_AREAS = re.compile(r"\s+(?:districts|neighbou?rhoods|quarters|areas|parts)\b", re.IGNORECASE)
_FRONTED_START = re.compile(r"(?:tenue?s?|contrôlée?s?|held|controlled|run)\s+", re.IGNORECASE)
_EXCEPT_AFTER = re.compile(r"\s*,?\s*(?:except|excepting|save\s+for|apart\s+from|but\s+for|sauf|hormis|excepté|à\s+l['’]exception)\b", re.IGNORECASE)
_WORD_TAIL = re.compile(r"[\w‑-]*")
_MANNER = re.compile(r"\b(?:entièrement|totalement|complètement|intégralement|fermement|fully|completely|entirely|totally|wholly|firmly|securely)\b", re.IGNORECASE)
_JOINED_TAIL = re.compile(
    r"[^,;.:!?]{0,60}?,?\s*(?:along\s+with|as\s+well\s+as|together\s+with|ainsi\s+que|de\s+même\s+que|tout\s+comme)\s+"
    r"(?:(?:the|le|la|les|l['’]|de|du|des|d['’]|of|nearby|neighbou?ring|adjacent|voisins?|voisines?|proches?"
    r"|quartiers?|districts?|neighbou?rhoods?|areas?)\s+|l['’]|d['’])*",
    re.IGNORECASE,
)
_CONNECTOR = re.compile(
    r"(?:\s*[,،]\s*(?:(?:and|et|y|e|ed|و|as\s+well\s+as|along\s+with|together\s+with|ainsi\s+que|de\s+même\s+que|plus)\s+)?"
    r"|\s+(?:and|et|y|e|ed|و|as\s+well\s+as|along\s+with|together\s+with|ainsi\s+que|de\s+même\s+que|plus)\s+|\s*و)"
    r"(?:(?:the|le|la|les|l['’])\s*(?:nearby|neighbou?ring|adjacent|adjoining|voisins?|voisines?|proches?)\s+)?"
    r"(?:(?:the|le|la|les|l['’]|de|du|des|d['’]|of|quartiers?|districts?|neighbou?rhoods?|areas?|barrios?|bairros?"
    r"|quartieri|quartiere|il|el|los|o|os|del|dos|di|villages?|localités?|villaggio|pueblo|aldeia)\s+|l['’]|d['’])*",
    re.IGNORECASE,
)
_NAME_AT = re.compile(NAME_RE)
_TOTALITY = re.compile(
    r"\b(?:entire|whole|all\s+of|all|full(?:y)?|complete(?:ly)?|totalit[ée]|total(?:e|ement)?|toute?s?|enti[èe]re?"
    r"|complètement|intera|tutta|toda|entera|inteira|كامل\w*)\b",
    re.IGNORECASE,
)
_PREPOSITIONS = frozenset(
    "de des du d' d’ aux au à a contre avec entre par sur vers pour dans from of against with between by to at on over "
    "towards toward into for di da dei degli delle alle ai al contro con del por dos das pelos pelas pelo pela em "
    "desde sobre under sous".split()
)
_ARTICLES = frozenset("le la les l' l’ the a an un une leur leurs their its ses son sa il lo gli i el los las o os as "
                      "these those ces this that cet cette".split())
_SUBJECT_HINT = re.compile(r"(?:\b(?:qui|who|which|that|still|now|also|désormais|toujours|they|ils|elles)\s+$)", re.IGNORECASE)
_STOPWORDS = {
    "fr": frozenset("le la les des du est sont dans une pour avec ont selon qui aux sur".split()),
    "en": frozenset("the of and in to is are was were has have with said from by on that".split()),
    "it": frozenset("il gli della delle nel dei sono che per con alla degli".split()),
    "es": frozenset("el los las del que con por para una según fueron".split()),
    "pt": frozenset("os das dos não uma pelo pelos pela com que para foram segundo".split()),
}
_WORD = re.compile(r"[\w'’]+")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


@dataclass(frozen=True, slots=True)
class _Item:
    """A place-like mention in the text: gazetteer hit, unknown name, compass region or anaphor."""

    start: int
    end: int
    surface: str
    place_id: str | None  # None: unknown place; "by_faction": the half of the city the faction holds
    kind: str  # quarter | region
    origin: str  # gazetteer | name | region | anaphor


@dataclass(frozen=True, slots=True)
class _Faction:
    start: int
    end: int
    faction: str
    role: str  # noun | adj


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    type: str
    fac: tuple[str, int, int] | None = None  # faction word inside an attributive cue


def extract_from_text(text: str, *, published: dt.date | None, lang: str = "", gazetteer: Gazetteer | None = None) -> list[Claim]:
    """Claims of a raw text (the app's preview); see ``extract_claims``."""
    return extract_claims(Document(text=text or "", date=published, lang=lang or ""), gazetteer=gazetteer)


def extract_claims(doc: Document, *, gazetteer: Gazetteer | None = None) -> list[Claim]:
    """Every capture/control claim of an article, in text order; [] when there is none.

    Pure: reads only ``doc`` and the lexicons. Offsets are into ``doc.text``. Raises
    ``GeoError`` only when a lexicon file is malformed.
    """
    text = doc.text if isinstance(doc.text, str) else ""
    if not text.strip():
        return []
    gaz = gazetteer or load_gazetteer()
    lex = load_lexicon()
    return _Extractor(text, doc.date, (doc.lang or "").lower()[:2], gaz, lex).run()


class _Extractor:
    """One pass over one document (holds the per-document indexes)."""

    def __init__(self, text: str, published: dt.date | None, lang: str, gaz: Gazetteer, lex: Lexicon) -> None:
        self.text = text
        self.pub = published
        self.gaz = gaz
        self.lex = lex
        self.doc_lang = lang if lang in LANGS else _guess_lang(text[:5000])
        self.dates = find_dates(text, published)
        dl = _DATELINE.match(text[:120])
        if dl is not None:
            self.dates = [d for d in self.dates if d.start >= dl.end()]  # the dateline dates the dispatch, not an event
        self.date_starts = [d.start for d in self.dates]
        self.sent_facs: list[_Faction] = []
        self.gaz_items = self._gazetteer_items()
        self.quarter_starts = [i.start for i in self.gaz_items if i.kind == "quarter"]
        self.quarters = [i for i in self.gaz_items if i.kind == "quarter"]
        self.gaz_starts = [i.start for i in self.gaz_items]
        self.last_agent: tuple[str, int] | None = None  # (faction, sentence index) of the last claim
        self.prev_capture_date: tuple[DateMention, int] | None = None
        self.lead_date = self._lead_date()
        self.cues: list[_Cue] = []
        self._attr_cache: tuple[int, str | None] = (-1, None)
        self._last_source: str | None = None
        self._subject_cache: dict[int, bool] = {}
        self.sent_spans: list[tuple[int, int]] = []
        self.cur_sent: tuple[int, int] = (0, 0)

    # ---------------------------------------------------------------- indexes
    def _find_factions(self, s: int, e: int) -> list[_Faction]:
        out = []
        for m in self.lex.faction_rx.finditer(self.text, s, e):
            info = self.lex.faction(m.group(0))
            if info is None:
                continue
            role = info[1]
            if role == "adj" and (_GROUP_AFTER.match(self.text, m.end()) or _GROUP_BEFORE.search(self.text[max(0, m.start() - 24):m.start()])):
                role = "noun"  # "Kurdish units", "rebel brigades", "les unités kurdes": a group that can act
            out.append(_Faction(m.start(), m.end(), info[0], role))
        return out

    def _gazetteer_items(self) -> list[_Item]:
        out = []
        # Feed the gazetteer paragraph-sized pieces so that the whole stays linear in the text size.
        for base, piece in _pieces(self.text, _PIECE_CHARS):
            for m in self.gaz.find_mentions(piece):
                if not (0 <= m.start < m.end <= len(piece)):
                    continue
                if _fold(m.surface) in self.lex.not_places or _VERB_EST.search(m.surface):
                    continue
                if m.kind == "region" and base + m.start > 0 and self.text[base + m.start - 1] in "-‑":
                    continue  # "ouest d'Alep" inside "nord-ouest d'Alep": part of another compass word
                out.append(_Item(base + m.start, base + m.end, m.surface, m.place_id, m.kind or "quarter", "gazetteer"))
        return out

    def _slice(self, starts: list[int], items: list, a: int, b: int) -> list:
        return items[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]

    # ---------------------------------------------------------------- driver
    def run(self) -> list[Claim]:
        found: list[tuple[Claim, bool]] = []
        self.sent_spans = _sentences(self.text)
        for idx, (s, e) in enumerate(self.sent_spans):
            self.cur_sent = (s, e)
            found.extend(self._sentence_claims(idx, s, e))
        # A capture dated only from context yields to the same capture dated in its own sentence.
        explicit = {(c.place_id or c.place.casefold(), c.faction) for c, dated in found if dated and c.kind == "capture"}
        claims: list[Claim] = []
        seen: set[tuple[str, str, str, str]] = set()
        for c, dated in found:
            key = (c.place_id or c.place.casefold(), c.faction, c.date, c.kind)
            if key in seen or (c.kind == "capture" and not dated and key[:2] in explicit):
                continue
            seen.add(key)
            claims.append(c)
        return claims

    def _sentence_lang(self, s: int, e: int) -> str:
        chunk = self.text[s:e]
        if _ARABIC.search(chunk[:400]):
            return "ar"
        counts = dict.fromkeys(_STOPWORDS, 0)
        for w in _WORD.findall(chunk[:600].lower()):
            for lang, words in _STOPWORDS.items():
                if w in words:
                    counts[lang] += 1
        best = max(counts, key=lambda k: (counts[k], k == self.doc_lang))
        if counts[best] == 0 or counts[best] <= counts.get(self.doc_lang, 0) + 1:
            return self.doc_lang if self.doc_lang in self.lex.cues else "en"
        return best

    def _sentence_items(self, s: int, e: int, rx: dict[str, re.Pattern[str]]) -> list[_Item]:
        items = list(self._slice(self.gaz_starts, self.gaz_items, s, e))
        taken = [(i.start, i.end) for i in items]
        extra: list[_Item] = []
        chunk = self.text[s:e]
        pn = rx.get("placename")
        if pn is not None:
            for m in pn.finditer(chunk):
                g = group(m, "name")
                if g is None:
                    continue
                name, a, b = g[0].rstrip("'’"), s + g[1], s + g[1] + len(g[0].rstrip("'’"))
                if name.isdigit():
                    # "the 1070 housing project", "le projet 1070": a number alone names nothing.
                    a, b = s + m.start(), s + m.end()
                    name = self.text[a:b]
                if _overlaps(a, b, taken) or self._is_faction_or_source(name) or name.casefold() in _DETERMINERS:
                    continue
                res = self.gaz.resolve(name)
                place = res.place
                extra.append(_Item(a, b, name, place.id if place else None, place.kind if place else "quarter", "name"))
                taken.append((a, b))
        for prx, rid in self.lex.region_rx:
            for m in prx.finditer(chunk):
                a, b = s + m.start(), s + m.end()
                inner = [i for i in items if a <= i.start and i.end <= b and (i.start, i.end) != (a, b)]
                if inner and not _overlaps(a, b, [(i.start, i.end) for i in items if i not in inner] + [t for t in taken if t not in [(i.start, i.end) for i in items]]):
                    # "west Aleppo" where the gazetteer only saw "Aleppo": the longer phrase wins.
                    items = [i for i in items if i not in inner]
                    taken = [t for t in taken if t not in [(i.start, i.end) for i in inner]]
                elif _overlaps(a, b, taken):
                    continue
                extra.append(_Item(a, b, m.group(0), rid or None, "region", "region"))
                taken.append((a, b))
        an = rx.get("anaphor")
        if an is not None:
            for m in an.finditer(chunk):
                a, b = s + m.start(), s + m.end()
                if _overlaps(a, b, taken):
                    continue
                k = bisect.bisect_left(self.quarter_starts, a) - 1
                if k < 0:
                    continue
                ante = self.quarters[k]
                extra.append(_Item(a, b, m.group(0), ante.place_id, "quarter", "anaphor"))
                taken.append((a, b))
        items.extend(extra)
        items.sort(key=lambda i: i.start)
        kept = [i for i in items if not self._is_modifier(i)]
        # "le quartier kurde de Cheikh Maqsoud": a region descriptor followed by its named quarter.
        return [i for k, i in enumerate(kept) if not (i.kind == "region" and k + 1 < len(kept)
                and kept[k + 1].kind == "quarter" and _DESCRIPTOR_GAP.fullmatch(self.text[i.end:kept[k + 1].start]))]

    def _is_modifier(self, item: _Item) -> bool:
        """"Aleppo's Old City", "a major eastern Aleppo neighbourhood": the name modifies another noun."""
        after = self.text[item.end:item.end + 16]
        if _POSSESSIVE.match(after) or item.surface.endswith(("'s", "’s")):
            return True
        if item.kind == "region" and _QUANTIFIED.search(self.text[max(0, item.start - 30):item.start]):
            return True  # "cinq nouveaux quartiers rebelles", "six more districts": some, not the region
        if item.kind == "region" and _COMPASS_END.search(item.surface) and _PLURAL_AREAS.match(after):
            return False  # "Aleppo's eastern districts", "the western neighbourhoods": the region itself
        return item.kind == "region" and bool(_QUARTER_NOUN_AFTER.match(after))

    def _has_place(self, s: int, e: int) -> bool:
        """Cheap test before any rule runs: a gazetteer name, a quarter noun or a compass word."""
        k = bisect.bisect_left(self.gaz_starts, s)
        if k < len(self.gaz_items) and self.gaz_items[k].start < e:
            return True
        return bool(_PLACE_HINT.search(self.text, s, e))

    def _is_faction_or_source(self, name: str) -> bool:
        if self.lex.faction(name) is not None:
            return True
        return any(rx.fullmatch(name) for rx, _ in self.lex.source_of)

    # ---------------------------------------------------------------- sentences
    def _sentence_claims(self, idx: int, s: int, e: int) -> list[tuple[Claim, bool]]:
        if not self._has_place(s, e):
            return []
        lang = self._sentence_lang(s, e)
        rx = self.lex.cues.get(lang) or self.lex.cues["en"]
        chunk = self.text[s:e]
        facs = self.sent_facs = self._find_factions(s, e)
        self._subject_cache.clear()
        cues = self._find_cues(chunk, s, rx)
        if not cues:
            return []
        self.cues = cues
        items = self._sentence_items(s, e, rx)
        if not items:
            return []
        clauses = _clauses(chunk, s)
        out: list[tuple[Claim, bool]] = []
        emitted_capture = False
        for cue in cues:
            clause = _clause_of(clauses, cue.start)
            for item, faction, kind, conf in self._resolve_cue(cue, clause, (s, e), items, facs, rx, idx):
                if _EXCEPT_AFTER.match(self.text, item.end):
                    continue  # "all of eastern Aleppo except a small pocket", "tout l'est sauf": not all of it
                date = self._date_for(cue, item, clause, (s, e), kind, idx)
                if date is None:
                    continue
                claim = self._claim(item, faction, kind, date, conf, s, e)
                if claim is not None:
                    out.append((claim, date.start >= 0))
                    self.last_agent = (faction, idx)
                    emitted_capture = emitted_capture or kind == "capture"
        if emitted_capture:
            day_dates = [d for d in self._slice(self.date_starts, self.dates, s, e) if d.precision == "day"]
            self.prev_capture_date = (day_dates[-1], idx) if day_dates else None
        elif self.prev_capture_date and self.prev_capture_date[1] < idx - 1:
            self.prev_capture_date = None
        return out

    def _find_cues(self, chunk: str, s: int, rx: dict[str, re.Pattern[str]]) -> list[_Cue]:
        found: list[_Cue] = []
        for kind in _PRIORITY:
            crx = rx.get(kind)
            if crx is None:
                continue
            for m in crx.finditer(chunk):
                if kind == "control" and not self._is_verb_control(chunk, m, s):
                    continue
                fac = group(m, "fac")
                fac = (fac[0], s + fac[1], s + fac[2]) if fac else None
                found.append(_Cue(s + m.start(), s + m.end(), kind, fac))
        found.sort(key=lambda c: (_PRIORITY[c.type], c.start))
        kept: list[_Cue] = []
        for c in found:
            if any(c.start < k.end and k.start < c.end for k in kept):
                continue
            kept.append(c)
        kept.sort(key=lambda c: c.start)
        return kept

    def _is_verb_control(self, chunk: str, m: re.Match[str], s: int) -> bool:
        """Bare "control"/"contrôle" is a noun unless a subject stands right before it."""
        word = m.group(0).lower()
        if word not in ("control", "contrôle", "controle"):
            return True
        before = chunk[max(0, m.start() - 40):m.start()]
        if _SUBJECT_HINT.search(before):
            return True
        return any(f.role == "noun" and 0 <= s + m.start() - f.end <= 2 for f in self.sent_facs)

    # ---------------------------------------------------------------- cue -> places, agent
    def _resolve_cue(self, cue: _Cue, clause: tuple[int, int], sent: tuple[int, int], items: list[_Item],
                     facs: list[_Faction], rx: dict[str, re.Pattern[str]], idx: int) -> list[tuple[_Item, str, str, float]]:
        t = cue.type
        if t in ("capture", "control", "capture_noun") and self._blocked(cue, clause, rx):
            return []
        if t == "loss" and self._blocked(cue, clause, rx, loss=True):
            return []
        if t in ("capture_pass", "control_pass") and self._blocked(cue, clause, rx, passive=True):
            return []
        conf = _BASE_CONFIDENCE[t]
        kind = "capture" if t in _CAPTURE_TYPES else "control"
        if t == "divided":
            return self._divided(cue, clause, items, facs)
        if t == "attrib":
            faction = self._attrib_faction(cue)
            former = rx.get("former")
            if faction is None or (former is not None and former.search(self.text[max(clause[0], cue.start - 20):cue.start])):
                return []
            partial = rx.get("partial")
            if partial is not None and any(_PARTIAL_OF.fullmatch(self.text, m.end(), cue.start)
                                           for m in partial.finditer(self.text, max(clause[0], cue.start - 40), cue.start)):
                return []  # "control 90 percent of the rebel-held east": part of it
            places = self._attrib_places(cue, clause, items, rx)
            if re.match(r"(?i)quartier\s", self.text[cue.start:cue.end]):
                places = [p for p in places if p.kind != "region"]  # "le plus grand quartier rebelle de l'est"
            prior = [c for c in self.cues if c.type in _CAPTURE_TYPES and clause[0] <= c.end <= cue.start
                     and _OBJECT_NP.fullmatch(self.text[c.end:cue.start])]
            if prior:
                return []  # "overran the government-held X": the state before the capture, not now
            return [(p, faction, "control", conf) for p in places]
        if t == "loss_pass":
            # "Cheikh Saïd, perdu la veille face aux troupes": the taker follows "face à"/"to".
            places = self._places_before(cue, clause, items, rx)
            faction = self._agent_after(cue, clause, facs) if places else None
            return [(p, faction, "capture", conf) for p in places] if faction else []
        if t in ("capture_pass", "control_pass"):
            places = self._places_before(cue, clause, items, rx)
            if not places and t == "control_pass":
                places = self._held_areas_in(cue, clause, items) or self._fronted_subject(cue, sent, items, rx)
            if not places:
                return []
            block = rx.get("block")
            if block is not None and block.search(self.text[max(clause[0], places[0].start - 60):places[0].start]):
                return []  # "it is only a matter of time before X is back in government hands"
            faction = self._agent_after(cue, clause, facs)
            if faction is None and t == "capture_pass" and not [f for f in facs if sent[0] <= f.start < sent[1]]:
                # "X a été reconquis mardi, selon une source militaire": a government source reports its own gains.
                if _SPEAKER_SIDE.get(self._attribution(sent[0], sent[1]) or "") == "government":
                    faction, conf = "government", conf * 0.7
            if faction is None:
                faction, conf = self._agent_active(cue, clause, sent, facs, idx, conf, exclude_after_from=True)
            if faction is None:
                return []
            if t == "control_pass" and rx.get("change") is not None:
                # "X est repassé sous contrôle", "left X under government control": a change of hands.
                if rx["change"].search(self.text[places[-1].end:cue.start]) or _LEFT_BEFORE.search(
                        self.text[max(clause[0], places[0].start - 20):places[0].start]):
                    kind = "capture"
            return [(p, faction, kind, conf) for p in places]
        places = self._places_after(cue.end, clause, items, rx, window=_WINDOW_AFTER)
        if not places and t in ("capture", "control", "confined"):
            places = self._relative_antecedent(cue, sent, items)
        if not places and t in ("capture", "control") and (_PRONOUN_OBJECT.match(self.text, cue.end)
                                                            or _CLITIC_BEFORE.search(self.text[max(clause[0], cue.start - 12):cue.start])):
            places = self._pronoun_antecedent(cue, sent, items)  # "entered X and now control it", "l'ont repris"
        if not places and t == "capture_noun" and _POSSESSIVE_NOUN.search(self.text[max(sent[0], cue.start - 12):cue.start]):
            places = self._pronoun_antecedent(cue, sent, items)  # "X ..., deux jours après sa prise par l'armée"
        if not places:
            return []
        if t == "loss":
            # "Rebels lost X to the army", "ont abandonné X aux forces loyalistes": the taker follows "to"/"aux".
            faction = self._agent_by(places[-1].end, clause, facs, to_rx=_TO_BEFORE)
            return [(p, faction, "capture", conf) for p in places] if faction else []
        if t == "capture_noun":
            faction = self._agent_by(max(places[-1].end, cue.end), clause, facs)
            if faction is None:
                faction, conf = self._agent_any(cue, sent, facs, idx, conf)
        elif t == "capture" and _PASSIVE_AUX.search(self.text[max(clause[0], cue.start - 14):cue.start]):
            # "Les rebelles ont été chassés de X par l'armée": the subject lost; the agent follows "par".
            faction = self._agent_by(places[-1].end, clause, facs) or self._agent_by(places[-1].end, sent, facs, reach=160)
            if faction is None:
                # "Rebels have been driven out of X, the army said": the side that announces it took X.
                side = _SPEAKER_SIDE.get(self._attribution(sent[0], sent[1]) or "")
                losers = {f.faction for f in facs if clause[0] <= f.start < cue.start}
                faction = side if side is not None and losers and side not in losers else None
        else:
            faction, conf = self._agent_active(cue, clause, sent, facs, idx, conf)
        if faction is None:
            return []
        out = [(p, faction, kind, conf) for p in places]
        if t in ("capture", "control"):
            out += [(p, f, kind, conf * 0.9) for p, f in self._gapped(places[-1], sent, items, facs) if f != faction]
        return out

    def _gapped(self, last: _Item, sent: tuple[int, int], items: list[_Item], facs: list[_Faction]) -> list[tuple[_Item, str]]:
        """Gapping: "Le régime contrôle l'ouest, les rebelles l'est", "the army holds the west and the rebels the east":
        the verb is left out after a second subject, which holds or takes the place that follows it."""
        m = _GAP_LINK.match(self.text, last.end, sent[1])
        if m is None:
            return []
        f = next((f for f in facs if f.start == m.end() and f.role == "noun"), None)
        if f is None:
            return []
        it = next((it for it in items if it.start >= f.end), None)
        if it is None or it.end > sent[1] or not _GAP_OBJECT.fullmatch(self.text[f.end:it.start]):
            return []
        return [(it, f.faction)]

    def _pronoun_antecedent(self, cue: _Cue, sent: tuple[int, int], items: list[_Item]) -> list[_Item]:
        """The quarter a pronoun ("it", "l'", "sa prise") stands for: the last one named before it in the sentence."""
        prev = [it for it in items if sent[0] <= it.start and it.end <= cue.start and it.kind == "quarter" and it.place_id]
        return [prev[-1]] if prev else []

    def _relative_antecedent(self, cue: _Cue, sent: tuple[int, int], items: list[_Item]) -> list[_Item]:
        """"X, which rebels seized in 2012" / "X, que les rebelles tiennent": the place before the pronoun."""
        before = self.text[max(sent[0], cue.start - 60):cue.start]
        m = _RELATIVE_BEFORE.search(before)
        if m is None:
            return []
        pron = cue.start - len(before) + m.start()
        prev = [it for it in items if it.end <= pron and pron - it.end <= 60 and it.kind == "quarter"]
        if not prev:
            return []
        gap = self.text[prev[-1].end:pron]
        if pron - prev[-1].end <= 25 and re.fullmatch(r"[\s,]*(?:(?:district|neighbou?rhood|quartier|area)s?\s*,?\s*)?", gap, re.IGNORECASE):
            return [prev[-1]]
        # "Sheikh Saeed, a district in southern Aleppo that government forces seized": the apposition's head.
        if _APPOSITIVE_HEAD.fullmatch(gap):
            return [prev[-1]]
        return []

    def _fronted_subject(self, cue: _Cue, sent: tuple[int, int], items: list[_Item], rx: dict[str, re.Pattern[str]]) -> list[_Item]:
        """"Tenu par les rebelles depuis 2012, le quartier de X ...", "Held by rebels since 2012, X ...": a participle
        phrase opening the sentence qualifies the subject after its comma."""
        if self.text[sent[0]:cue.start].strip(" \t\n\"«“") or not _FRONTED_START.match(self.text, cue.start):
            return []
        comma = self.text.find(",", cue.end, min(sent[1], cue.end + 80))
        if comma < 0:
            return []
        for it in items:
            if it.start > comma:
                gap = self.text[comma + 1:it.start]
                if not gap.strip() or _QUARTER_INTRO.fullmatch(gap):
                    return self._chain(it, (comma + 1, sent[1]), items, rx)
                return []
        return []

    def _held_areas_in(self, cue: _Cue, clause: tuple[int, int], items: list[_Item]) -> list[_Item]:
        """"les quartiers tenus par les rebelles dans l'est d'Alep", "the districts held by rebels in the east":
        the areas a group holds inside a region are that region's holding."""
        if not _AREAS_END.search(self.text[max(clause[0], cue.start - 30):cue.start]):
            return []
        for it in items:
            if it.start >= cue.end and it.start < clause[1]:
                if it.kind == "region" and _AREAS_IN_GAP.fullmatch(self.text[cue.end:it.start]):
                    return [it]
                break
        return []

    def _attrib_places(self, cue: _Cue, clause: tuple[int, int], items: list[_Item], rx: dict[str, re.Pattern[str]]) -> list[_Item]:
        """The place an attributive qualifies: the one that contains it or follows it closely."""
        for it in items:
            if it.start <= cue.start and cue.end <= it.end:
                return [it]
        for it in items:
            if it.start >= cue.end and it.start < clause[1]:
                if _ATTRIB_GAP.fullmatch(self.text[cue.end:it.start]):
                    return self._chain(it, clause, items, rx)
                break
        # Apposition: "Shaar, one of the largest rebel-held districts", "In Sakhour, a rebel-held district".
        prev = [it for it in items if it.end <= cue.start and it.kind == "quarter"]
        if prev and _APPOSITION.fullmatch(self.text[prev[-1].end:cue.start]):
            return [prev[-1]]
        return []

    def _blocked(self, cue: _Cue, clause: tuple[int, int], rx: dict[str, re.Pattern[str]], *, passive: bool = False, loss: bool = False) -> bool:
        a = max(clause[0], cue.start - _BLOCK_WINDOW)
        rel = None
        for m in _RELATIVE_START.finditer(self.text, a, cue.start):
            rel = m.end()
        for m in _SPEECH_PARTICIPLE.finditer(self.text, a, cue.start):
            rel = max(rel or 0, m.end())  # "a démenti la perte de X, affirmant que l'armée en gardait le contrôle"
        if rel is not None:
            a = rel  # "se sont retirés de X, qui a été repris par": the veto belongs to the main clause
        before = self.text[a:cue.start]
        inner = self.text[cue.start:cue.end]  # "n'a pas repris": the negation sits inside the cue
        block = rx.get("block")
        success = rx.get("success")
        inf = rx.get("infinitive")
        if loss:
            block = rx.get("block_loss") or block
        retreat = rx.get("block_retreat")
        if retreat is not None and not passive and not loss and cue.type != "confined" and retreat.search(self.text[a:cue.end]):
            if not self._lifted(before, clause, rx):
                return True
        if cue.type == "confined":
            inner = ""
            hit = block is not None and block.search(before)
        else:
            hit = block is not None and (block.search(before) or block.search(self.text[a:cue.end]) or (inner and block.search(inner)))
        if hit:
            if not self._lifted(before, clause, rx):
                return True
        if inf is not None and inf.search(before):
            if not self._lifted(self.text[max(clause[0], cue.start - 90):cue.start], clause, rx):
                return True
        return False

    def _lifted(self, before: str, clause: tuple[int, int], rx: dict[str, re.Pattern[str]]) -> bool:
        """A success word lifts a veto ("réussi à", "managed to") unless it is negated ("n'ont pas réussi à")."""
        success = rx.get("success")
        m = None
        for m in success.finditer(before) if success is not None else ():
            pass
        if m is None:
            return False
        neg = rx.get("negation")
        return not (neg is not None and neg.search(before[max(0, m.start() - 20):m.start()]))

    def _attrib_faction(self, cue: _Cue) -> str | None:
        if cue.fac is None:
            return None
        word = cue.fac[0]
        info = self.lex.faction(word)
        if info is None:
            # "tenu par les rebelles", "rebelles d'": the faction word is the last one.
            for f in self.sent_facs:
                if cue.fac[1] <= f.start < cue.fac[2]:
                    return f.faction
            return None
        return info[0]

    def _places_after(self, pos: int, clause: tuple[int, int], items: list[_Item], rx: dict[str, re.Pattern[str]], *, window: int) -> list[_Item]:
        cands = [it for it in items if it.start >= pos and it.start < clause[1] and it.start - pos <= window]
        nxt = [c.start for c in self.cues if pos <= c.start and c.type not in ("attrib",)]
        if nxt:
            cands = [it for it in cands if it.start < nxt[0] or it.start <= pos]
        cands = [it for it in cands if not (it.place_id == "aleppo_city" and not self._whole_city(it, clause[0]))]
        if not cands:
            return []
        first = cands[0]
        gap = self.text[pos:first.start]
        partial = rx.get("partial")
        inside = _INSIDE.search(_TIME_PHRASE.sub(" ", gap))  # "un poste de police dans le quartier de X"
        if (partial is not None and partial.search(gap) and not _is_half_city(first)) or _blocking_verb_between(gap) or inside:
            # "huit quartiers dans X, dont celui de Y": the examples after "dont" are claims.
            inc = rx.get("including")
            # "confined to a few districts, the largest of them X and Y": the examples before the first place count too.
            m = None
            if inc is not None:
                for m in inc.finditer(self.text, pos, first.start):
                    pass
                if m is None or first.start - m.end() > 40:
                    m = inc.search(self.text, first.end, clause[1])
            if m is None:
                return []
            rest = [it for it in cands if it.start >= m.end() and it.start - m.end() <= 40]
            if not rest:
                return []
            first = rest[0]
        return self._chain(first, clause, items, rx)

    def _places_before(self, cue: _Cue, clause: tuple[int, int], items: list[_Item], rx: dict[str, re.Pattern[str]]) -> list[_Item]:
        before = [it for it in items if it.end <= cue.start and it.start >= clause[0] and cue.start - it.end <= _WINDOW_BEFORE
                  and not (it.place_id == "aleppo_city" and not self._whole_city(it, clause[0]))]
        # Skip a relative clause ("X, qui se trouvent dans Y, ont été pris"): the head is before it.
        seg = self.text[clause[0]:cue.start]
        rel = None
        for m in re.finditer(r",\s*(?:qui|which|who|que|où|where|dont|that)\b", seg, re.IGNORECASE):
            rel = clause[0] + m.start()
        # A place that an earlier active cue governs is its object, not this passive's subject
        # (unless a relative pronoun makes it the antecedent: "took X, which had been held by...").
        governed: set[int] = set()
        for c in self.cues:
            if c.type in ("capture", "control", "capture_noun", "loss") and clause[0] <= c.start < cue.start:
                firsts = [it for it in items if c.end <= it.start < cue.start and it.start - c.end <= _WINDOW_AFTER]
                if firsts:
                    governed.update(it.start for it in self._chain(firsts[0], clause, items, rx))
        if cue.type != "loss_pass":  # "a repris X, perdu la veille face à...": the participle qualifies the object
            before = [it for it in before if it.start not in governed or (rel is not None and it.end <= rel)]
        if not before:
            return []
        head = [it for it in before if rel is None or it.end <= rel] or before
        # The place must be the subject of the passive: no other finite verb in between,
        # except a copula naming it ("X was the first district taken by..."). Failing the
        # nearest place, try the clause's opening subject.
        last = None
        starts = [head[-1]]
        if head[0] is not head[-1] and (not self.text[clause[0]:head[0].start].strip(" \t\"«“'")
                                        or _QUARTER_INTRO.fullmatch(self.text[clause[0]:head[0].start])):
            starts.append(head[0])
        for k, cand in enumerate(starts):
            if k == 0 and len(starts) > 1 and cand.kind == "region" and _PREP_END.search(self.text[max(clause[0], cand.start - 12):cand.start]):
                continue  # "X, premier quartier d'Alep-Est à ..., a été pris": the region only locates the apposition
            gap = self.text[cand.end:rel] if rel is not None and cand.end <= rel else self.text[cand.end:cue.start]
            trimmed = re.sub(r"(?:\s*\b\w+\b){0,2}\s*$", "", _MANNER.sub(" ", gap))  # "est désormais sous", "sont tombés"
            lead_in = self.text[clause[0]:cand.start]
            is_subject = k == 1 or not lead_in.strip(" \t\"«“'") or bool(_COMPLEMENT_END.search(lead_in))
            if _FINITE.search(trimmed) and not (is_subject and (_COPULA_NP.match(gap) or _APPOSED_GAP.fullmatch(gap))):
                continue
            if cue.type == "control_pass" and _PAST_COPULA.search(gap) and not _STILL.search(gap):
                return []  # "X was held by": then, not now ("X was still held by" is now)
            last = cand
            break
        if last is None:
            return []
        partial = rx.get("partial")
        k = items.index(last)
        if partial is not None and k > 0 and items[k - 1].start >= clause[0]:
            gap = self.text[items[k - 1].end:last.start]
            if _LIST_THEN_PARTIAL.fullmatch(gap) and partial.search(gap):
                last = items[k - 1]  # "Mashhad, Sukkari and part of Ansari remained in rebel hands"
        chain = [last]
        k = items.index(last)
        while k > 0:
            prev = items[k - 1]
            if prev.start < clause[0]:
                break
            if not _CONNECTOR.fullmatch(self.text[prev.end:chain[0].start]):
                break
            chain.insert(0, prev)
            k -= 1
        partial = rx.get("partial")
        if rel is None and partial is not None and any(_PARTIAL_OF.fullmatch(self.text, _WORD_TAIL.match(self.text, m.end()).end(), chain[0].start) for m in partial.finditer(
                self.text, max(clause[0], chain[0].start - 40), chain[0].start)):
            return []  # "La quasi-totalité de l'est d'Alep est contrôlée par": part of it
        if rel is None and partial is not None and partial.search(self.text[max(clause[0], chain[0].start - 15):chain[0].start]):
            return []  # (but "on the outskirts of X, which has been under Kurdish control": the relative is about X)
        chain = self._extend_unknown(chain, clause)
        # "X fell on Wednesday, along with Y and Z" / "X a été reprise, ainsi que Y": the tail joins the subject.
        tail = [it for it in items if it.start >= cue.end and it.start < clause[1] and it.origin != "anaphor"]
        if tail and _JOINED_TAIL.fullmatch(self.text[cue.end:tail[0].start]) and not any(
                cue.end < c.start < tail[0].start for c in self.cues):
            chain += self._chain(tail[0], clause, items, rx)
        return chain

    def _chain(self, first: _Item, clause: tuple[int, int], items: list[_Item], rx: dict[str, re.Pattern[str]]) -> list[_Item]:
        chain = [first]
        k = items.index(first)
        while True:
            cur = chain[-1]
            nxt = items[k + 1] if k + 1 < len(items) else None
            if nxt is not None and nxt.start < clause[1]:
                gap = self.text[cur.end:nxt.start]
                if _CONNECTOR.fullmatch(gap) or (not gap.strip() and nxt.origin != "anaphor"):
                    chain.append(nxt)
                    k += 1
                    continue
            ext = self._unknown_after(cur, clause, nxt)
            if ext is None:
                break
            chain.append(ext)
        return chain

    def _extend_unknown(self, chain: list[_Item], clause: tuple[int, int]) -> list[_Item]:
        out = list(chain)
        while True:
            ext = self._unknown_after(out[-1], clause, None)
            if ext is None:
                return out
            out.append(ext)

    def _unknown_after(self, cur: _Item, clause: tuple[int, int], nxt: _Item | None) -> _Item | None:
        """A capitalised name right after a list connector: an unknown quarter of the list."""
        limit = min(clause[1], nxt.start if nxt else clause[1])
        m = _CONNECTOR.match(self.text, cur.end, limit)
        if m is None or m.end() == cur.end:
            return None
        n = _NAME_AT.match(self.text, m.end(), limit)
        if n is None:
            # Arabic lists glue "و" (and) to the last name: resolve the name without it.
            a = _AR_NAME.match(self.text, m.end(), limit)
            if a is None:
                return None
            place = self.gaz.resolve(a.group(1)).place
            if place is None and not re.match(r"\s*[(،,.؛]", self.text[a.end():a.end() + 3]):
                return None
            return _Item(a.start(1), a.end(1), a.group(1), place.id if place else None,
                         place.kind if place else "quarter", "name")
        name = n.group(0)
        after = self.text[n.end():n.end() + 20]
        if not re.match(r"\s*(?:[,.;)»\"”]|et\b|and\b|y\b|e\b|$|(?:districts?|neighbou?rhoods?|quartiers?)\b|qui\b|which\b|,)", after, re.IGNORECASE):
            return None
        if re.match(r"['’]s\b", after) or self._is_faction_or_source(name) or len(name) < 3:
            return None
        if self.lex.faction_rx.search(name):
            return None
        res = self.gaz.resolve(name)
        place = res.place
        return _Item(n.start(), n.end(), name, place.id if place else None, place.kind if place else "quarter", "name")

    # agents
    def _subject_like(self, f: _Faction) -> bool:
        """A faction noun not introduced by a preposition ("des rebelles", "from rebels" are not subjects)."""
        got = self._subject_cache.get(f.start)
        if got is None:
            got = self._subject_cache[f.start] = self._is_subject_like(f)
        return got

    def _is_subject_like(self, f: _Faction) -> bool:
        if f.role != "noun":
            return False
        before = self.text[max(0, f.start - 30):f.start]
        adj = _ADJ_AFTER_NOUN.search(before)
        if adj and " " not in self.text[f.start:f.end].strip() and not _GROUP_AFTER.match(" " + adj.group(1)) \
                and self.text[f.start:f.start + 1].islower() and adj.group(1) not in _DETERMINERS:
            return False  # "des défenses rebelles", "les zones kurdes": an adjective after its noun
        if _GROUP_OF.search(before) and not _PREP_BEFORE_GROUP.search(self.text[max(0, f.start - 60):f.start]):
            return True  # "les combattants de Fateh al-Cham ont repris", "fighters of the Nusra Front took"
        words = re.findall(r"[\w'’]+", before.lower())
        for w in reversed(words[-2:]):
            if w in _ARTICLES:
                continue
            return w not in _PREPOSITIONS and not w.endswith(("'", "’")) or w in ("l'", "l’")
        return True

    def _agent_active(self, cue: _Cue, clause: tuple[int, int], sent: tuple[int, int], facs: list[_Faction], idx: int,
                      conf: float, *, exclude_after_from: bool = False) -> tuple[str | None, float]:
        in_clause = [f for f in facs if clause[0] <= f.start and f.end <= cue.start and self._subject_like(f)]
        if in_clause:
            return in_clause[-1].faction, conf
        after = [f for f in facs if cue.end <= f.start < clause[1] and self._subject_like(f)]
        if after and not exclude_after_from:
            return after[0].faction, conf * 0.85
        earlier = [f for f in facs if sent[0] <= f.start and f.end <= clause[0] and self._subject_like(f)]
        if earlier:
            return earlier[-1].faction, conf * 0.8
        later = [f for f in facs if clause[1] <= f.start < sent[1] and self._subject_like(f)]
        if later:
            return later[0].faction, conf * 0.7
        speaker = self._speaker_faction(sent)
        if speaker is not None:
            return speaker, conf * 0.7
        if _REL_PRONOUN_SUBJECT.search(self.text[max(clause[0], cue.start - 30):cue.start]):
            # "l'opposition : X, qu'elle contrôlait depuis 2012": the pronoun stands for the last faction named.
            prior = [f for f in facs if sent[0] <= f.start and f.end <= cue.start and f.role == "noun"]
            if prior:
                return prior[-1].faction, conf * 0.75
        if _PRONOUN_SUBJECT.match(self.text, clause[0], cue.start) and idx > 0:
            # "Ils tiennent désormais X": the subject of the previous sentence.
            ps, pe = self.sent_spans[idx - 1]
            prev = [f for f in self._find_factions(ps, pe) if self._is_subject_like(f)]
            if prev:
                return prev[0].faction, conf * 0.75
        if self.last_agent and self.last_agent[1] >= idx - 2:
            return self.last_agent[0], conf * 0.6
        return None, conf

    def _speaker_faction(self, sent: tuple[int, int]) -> str | None:
        """"« Nous avons repris X », a dit un commandant rebelle": the quoted speaker's side acts."""
        chunk = self.text[sent[0]:sent[1]]
        if not _FIRST_PERSON.search(chunk):
            return None
        side = _SPEAKER_SIDE.get(self._attribution(sent[0], sent[1]) or "")
        if side is None:
            # "« Nous avons libéré X », a déclaré un officier syrien", "said a Kurdish commander"
            m = _SPEAKER.search(chunk)
            if m is not None:
                q = m.group("side").lower()
                side = ("kurds" if q.startswith(("kurd", "ypg")) else
                        "rebels" if q.startswith(("rebel", "insurg", "opposi", "de l'opp", "of the opp", "jihad")) else "government")
        return side

    def _agent_any(self, cue: _Cue, sent: tuple[int, int], facs: list[_Faction], idx: int, conf: float) -> tuple[str | None, float]:
        nouns = [f for f in facs if f.role == "noun"]
        subj = [f for f in nouns if self._subject_like(f)]
        pool = subj or nouns
        if pool:
            best = min(pool, key=lambda f: abs(f.start - cue.start))
            return best.faction, conf * (0.9 if subj else 0.75)
        if self.last_agent and self.last_agent[1] >= idx - 2:
            return self.last_agent[0], conf * 0.6
        return None, conf

    def _agent_after(self, cue: _Cue, clause: tuple[int, int], facs: list[_Faction]) -> str | None:
        for f in facs:
            if cue.start <= f.start and f.start < min(clause[1], cue.end + 60):
                pre = self.text[max(cue.start, f.start - 8):f.start].lower()
                if re.search(r"\b(?:from|out\s+of)\s*(?:the\s+)?$", pre) and f.start >= cue.end:
                    continue
                return f.faction
        return None

    def _agent_by(self, pos: int, clause: tuple[int, int], facs: list[_Faction], *, reach: int = 60,
                  to_rx: re.Pattern[str] | None = None) -> str | None:
        for f in facs:
            if pos <= f.start < min(clause[1], pos + reach):
                pre = self.text[max(pos, f.start - 24):f.start].lower()
                if _BY_BEFORE.search(pre) or (to_rx is not None and to_rx.search(pre)):
                    return f.faction
        return None

    def _divided(self, cue: _Cue, clause: tuple[int, int], items: list[_Item], facs: list[_Faction]) -> list[tuple[_Item, str, str, float]]:
        out = []
        region_items = [it for it in items if it.start >= cue.end and it.kind == "region" and it.start < clause[1] + 200]
        for f in facs:
            if not (cue.end <= f.start < clause[1] + 200):
                continue
            near = [it for it in region_items if 0 <= it.start - f.end <= 30 and _IN_THE.fullmatch(self.text[f.end:it.start])]
            if near:
                out.append((near[0], f.faction, "control", _BASE_CONFIDENCE["divided"]))
        return out

    # ---------------------------------------------------------------- dates, claims
    def _date_for(self, cue: _Cue, item: _Item, clause: tuple[int, int], sent: tuple[int, int], kind: str, idx: int) -> DateMention | None:
        dates = [d for d in self._slice(self.date_starts, self.dates, sent[0], sent[1]) if self._date_ok(d)]
        if cue.type == "attrib":
            # Attributive status is as of publication, unless "since 2012" follows.
            for d in dates:
                if item.end <= d.start < clause[1] and _SINCE_AFTER.match(self.text[item.end:d.start]):
                    return d
            return self._since_opening(sent, dates) or self._default_date(None)
        lo, hi = min(cue.start, item.start), max(cue.end, item.end)
        if item.end <= cue.start and kind == "capture":
            # "entered X on Saturday and secured it on Sunday": the day right after the pronoun object is the verb's.
            pron = _PRONOUN_OBJECT.match(self.text, cue.end)
            if pron is not None:
                adj = [d for d in dates if pron.end() <= d.start < clause[1] and _ADJACENT_DATE.fullmatch(self.text[pron.end():d.start])]
                if adj:
                    return adj[0]
        inside = [d for d in dates if lo <= d.start and d.end <= hi and d.start >= clause[0]]
        if kind == "control" and item.end <= cue.start:
            # "moved into X on Sunday and now control it": the day belongs to the other verb.
            inside = [d for d in inside if _SINCE_BEFORE.search(self.text[max(0, d.start - 12):d.start])]
        if inside:
            return min(inside, key=lambda d: abs(d.start - cue.start))
        if item.end <= cue.start:
            # The place precedes its verb ("X, that the army seized a day earlier", "X was taken on Sunday"):
            # the verb's own date, right after it, wins over one before the place.
            right = [d for d in dates if cue.end <= d.start < clause[1] and d.start - cue.end <= 30]
            if right:
                return right[0]
        if kind == "control":
            # A holding is as of publication unless the sentence dates it right there ("since 2012", "in July").
            near = [d for d in dates if hi <= d.start < clause[1] and d.start - hi <= 30]
            near += [d for d in dates if clause[0] <= d.start and d.end <= lo and lo - d.end <= 12]
            near += [d for d in dates if lo <= d.start < clause[1] and _SINCE_BEFORE.search(self.text[max(0, d.start - 12):d.start])
                     and not (d.start > hi and _OTHER_RELATIVE.search(self.text[hi:d.start]))]  # "..., a division that has held since 2013"
            return near[0] if near else (self._since_opening(sent, dates) or self._default_date(kind))
        if item.start >= cue.end:
            # "entered X on Sunday and took control of the district on Monday": the day right after the object is its verb's.
            adj = [d for d in dates if item.end <= d.start < clause[1] and _ADJACENT_DATE.fullmatch(self.text[item.end:d.start])]
            if adj and any(clause[0] <= d.start and d.end <= lo for d in dates):
                return adj[0]
        before = [d for d in dates if clause[0] <= d.start and d.end <= lo]
        # "Tenu par les rebelles depuis 2012, X a été repris": a "since" date belongs to the holding before it.
        before = [d for d in before if not (_SINCE_BEFORE.search(self.text[max(0, d.start - 12):d.start]) and any(
            c is not cue and c.type in ("control", "control_pass", "attrib") and clause[0] <= c.start and c.end <= d.start
            for c in self.cues))]
        if before:
            return before[-1]
        nxt_cue = [c.start for c in self.cues if c is not cue and c.start >= hi]
        after = [d for d in dates if hi <= d.start < clause[1] and d.start - hi <= 60 and (not nxt_cue or d.start < nxt_cue[0])]
        if after:
            return after[0]  # "captured X on the southern edge of the city early on Sunday" (no other verb in between)
        sent_before = [d for d in dates if d.end <= clause[0]]
        if sent_before:
            return sent_before[-1]
        nxt = [c.start for c in self.cues if c is not cue and c.start >= hi]
        sent_after = [d for d in dates if d.start >= clause[1] and d.start - hi <= 60 and (not nxt or d.start < nxt[0])]
        if sent_after and kind == "capture":
            return sent_after[0]
        if kind == "capture" and self.prev_capture_date and self.prev_capture_date[1] == idx - 1:
            return _as_default(self.prev_capture_date[0])
        return self._default_date(kind)

    def _since_opening(self, sent: tuple[int, int], dates: list[DateMention]) -> DateMention | None:
        """"Depuis l'été 2012, Alep est coupée en deux : l'ouest aux mains du régime...": the opening frames every holding."""
        head = self.text[sent[0]:sent[1]]
        if not _SINCE_OPENING.match(head):
            return None
        first = [d for d in dates if d.start - sent[0] <= 25 and not d.vague]
        return first[0] if first else None

    def _default_date(self, kind: str | None) -> DateMention | None:
        """No date in the sentence: a capture takes the dispatch's event date (its lead), else publication."""
        if kind == "capture" and self.lead_date is not None and self.lead_date.start < self.cur_sent[0]:
            return _as_default(self.lead_date)  # only an earlier sentence's day sets the context
        if self.pub is None:
            return None
        return DateMention(-1, -1, self.pub.isoformat(), "day", True)

    def _lead_date(self) -> DateMention | None:
        sents = _sentences(self.text[:4000])[:5]
        if not sents:
            return None
        end = sents[-1][1]
        lead = [d for d in self.dates if d.end <= end and d.precision == "day" and not d.vague and self._date_ok(d)]
        rel = [d for d in lead if d.relative]
        return (rel or lead or [None])[0]  # type: ignore[list-item]

    def _date_ok(self, d: DateMention) -> bool:
        if self.pub is None:
            return True
        return d.value <= self.pub.isoformat()[:len(d.value)]

    def _claim(self, item: _Item, faction: str, kind: str, date: DateMention, conf: float, s: int, e: int) -> Claim | None:
        pid = item.place_id
        if pid == "by_faction":
            pid = {"rebels": "east_aleppo", "government": "west_aleppo"}.get(faction)
            if pid is None:
                return None
        place = self.gaz.get(pid) if pid else None
        if pid and place is None:
            pid = None
        if place is not None and place.id == "aleppo_city" and not self._whole_city(item, s):
            return None
        if self._is_landmark(item):
            return None
        if item.origin == "anaphor":
            conf *= 0.8
        if place is None:
            conf *= 0.8
        quote = self.text[s:e].strip()
        return Claim(
            place_id=place.id if place else None,
            place=place.name_en if place else item.surface,
            place_kind=place.kind if place else item.kind,
            mention=item.surface, start=item.start, end=item.end,
            faction=faction, kind=kind, date=date.value, date_precision=date.precision,
            quote=quote, attributed_to=self._attribution(s, e), confidence=round(min(max(conf, 0.05), 0.99), 2),
        )

    def _whole_city(self, item: _Item, s: int) -> bool:
        window = self.text[max(s, item.start - 40):item.end + 15]
        return bool(_TOTALITY.search(window))

    def _is_landmark(self, item: _Item) -> bool:
        """"la citadelle", "Hanano barracks", "the airport of X": a landmark, not a quarter."""
        surface_rx, before_rx, after_rx = _landmark_rx(self.lex)
        before = self.text[max(0, item.start - 30):item.start]
        after = self.text[item.end:item.end + 20]
        return bool(surface_rx.match(item.surface) or before_rx.search(before) or after_rx.match(after))

    def _attribution(self, s: int, e: int) -> str | None:
        if self._attr_cache[0] == s:
            return self._attr_cache[1]
        value = self._find_attribution(s, e)
        if value is None and self._last_source and _SOURCE_ANAPHOR.search(self.text, s, e):
            value = self._last_source  # "a précisé l'ONG", "the same source said"
        if value is not None:
            self._last_source = value
        self._attr_cache = (s, value)
        return value

    def _find_attribution(self, s: int, e: int) -> str | None:
        chunk = self.text[s:e]
        best: tuple[int, str] | None = None
        for rx, name in self.lex.source_of:
            m = rx.search(chunk)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), name)
        return best[1] if best else None


# -------------------------------------------------------------------- helpers
_PIECE_CHARS = 20_000


def _pieces(text: str, size: int) -> list[tuple[int, str]]:
    """(offset, piece) cuts of text at line ends, each about ``size`` characters."""
    if len(text) <= size:
        return [(0, text)]
    out = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut != -1 else end
        out.append((start, text[start:end]))
        start = end
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; a period after an abbreviation or an initial does not end a sentence."""
    out = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.start()
        if end <= start:
            start = m.end()
            continue
        if text[end - 1:end] == "." and _ABBREV.search(text[max(start, end - 6):end]):
            continue
        out.extend(_cap(start, end, text))
        start = m.end()
    if start < len(text) and text[start:].strip():
        out.extend(_cap(start, len(text), text))
    return out


_MAX_SENTENCE = 1000


def _cap(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Cut a run-on "sentence" (no punctuation for pages) into pieces, so each rule stays local."""
    if end - start <= _MAX_SENTENCE:
        return [(start, end)]
    out = []
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        cut = cut if cut != -1 else start + _MAX_SENTENCE
        out.append((start, cut))
        start = cut + 1
    out.append((start, end))
    return out


def _clauses(chunk: str, s: int) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in _CLAUSE_SPLIT.finditer(chunk):
        if m.start() > start:
            out.append((s + start, s + m.start()))
        start = m.end()
    out.append((s + start, s + len(chunk)))
    return out


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos < b:
            return a, b
    return clauses[-1]


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


_LANDMARK_CACHE: dict[int, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {}


def _landmark_rx(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    got = _LANDMARK_CACHE.get(id(lex))
    if got is None:
        nouns = "|".join(f"(?:{lex.cues[lang]['noplace'].pattern})" for lang in lex.cues if "noplace" in lex.cues[lang])
        got = (
            re.compile(rf"(?:{nouns})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{nouns})\s+(?:\w+\s+)?(?:de\s+|d['’]|du\s+|of\s+|di\s+|del\s+|do\s+|da\s+)?(?:la\s+|l['’]|the\s+)?$", re.IGNORECASE),
            re.compile(rf"\s+(?:{nouns})\b", re.IGNORECASE),
        )
        _LANDMARK_CACHE[id(lex)] = got
    return got


def _as_default(d: DateMention) -> DateMention:
    """The same date, marked as taken from context rather than from the claim's sentence."""
    return DateMention(-1, -1, d.value, d.precision, d.relative)


def _is_half_city(item: _Item) -> bool:
    return item.place_id == "by_faction"


_ATTRIB_GAP = re.compile(
    r"\s*(?:(?-i:[a-zà-ÿ]+)\s+)?(?:(?:d['’]|de\s+(?:la\s+|l['’])?|du\s+|des\s+|of\s+(?:the\s+)?|the\s+|a\s+|an\s+|di\s+|del\s+|de\s+)\s*)?",
    re.IGNORECASE)
_QUANTIFIED = re.compile(
    r"\b(?:\d+|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs|quelques|nouveaux|autres|two|three|four|five|"
    r"seven|eight|nine|ten|several|some|few|more|other|due|tre|quattro|cinque|dos|tres|cuatro|cinco|dois|três|quatro)\s+"
    r"(?:(?!(?:to|in|into|from|of|à|au|aux|de|vers|dans|a|em|en|para)\b)\w+\s+)?$",
    re.IGNORECASE)
_PLACE_HINT = re.compile(
    r"quarti|distri|neighbo|villag|vila\b|aldeia|aldea|pueblo|localit|suburb|barrio|bairro|secteur|housing|project|projet|lotissement|moitié|half|metà|mitad|metade|\best\b|\bouest\b|"
    r"\beast|\bwest|\bleste|\beste\b|\bnorte|orienta|حي|أحياء", re.IGNORECASE)
_DESCRIPTOR_GAP = re.compile(r"\s*(?:de\s+|d['’]|du\s+|of\s+(?:the\s+)?|di\s+|del\s+)", re.IGNORECASE)
# "Alep est divisée": the French verb "est" (is), not the alias "Alep Est".
_VERB_EST = re.compile(r"\s(?-i:est)$")
_IN_THE = re.compile(r"\s+(?:in|dans|à|a|en|no|na|nel|nella)\s+(?:the\s+|l['’]|la\s+|le\s+)?", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:été|been|were|was|fueron|foram|stati|state)\s+$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(
    r"(?:,\s*)?(?:\b(?:which|that|que|lequel|laquelle|lesquels|che|que|dont)\s+|\bqu['’]\s*)(?:(?:the|les|le|la|l['’]|i|gli|los|las|os|as)\s*)?\S+(?:\s+\S+){0,3}\s+(?:had\s+|have\s+|has\s+|avaient\s+|avait\s+|ont\s+|a\s+)?$",
    re.IGNORECASE)
_BY_BEFORE = re.compile(
    r"(?:\b(?:par|by|to|aux\s+mains\s+d\w*|au\s+profit\s+d\w*|face\s+aux?|face\s+à|por|da|dalle|pelos?|pelas?)\s+|\b(?:par|au\s+profit\s+de|face\s+à)\s+l['’]"
    r"|\baux\s+mains\s+d['’])(?:the\s+|les\s+|le\s+|la\s+|l['’])?"
    r"(?:(?:advancing|attacking|approaching|oncoming|victorious)\s+)?"
    r"(?:(?:a|an|the|une?|des)\s+(?:coalition|alliance|group|groupe|number|nombre|force|unit|unité|mix|mélange)\s+(?:of|de|d['’])\s+(?:the\s+|les\s+)?)?$",
    re.IGNORECASE)
_LEFT_BEFORE = re.compile(r"\b(?:left|leaves|leaving|put|puts|placed|brought|laissant|laissé|mis)\b", re.IGNORECASE)
_COMPLEMENT_END = re.compile(r"\b(?:that|que|qu['’]|said|says|adding|ajoutant|selon\s+qui)\s*$", re.IGNORECASE)
_AR_NAME = re.compile(r"و?([\u0621-\u064A]+(?:\s+ال[\u0621-\u064A]+)?)")
_FIRST_PERSON = re.compile(r"\b(?:nous|we|our|nos|notre|nosotros|noi|nós)\b", re.IGNORECASE)
_SPEAKER_SIDE = {"a rebel official": "rebels", "a military source": "government", "the army": "government",
                 "SANA": "government", "state TV": "government", "state media": "government"}
_OBJECT_NP = re.compile(r"\s*(?:(?:the|a|an|le|la|les|l['’]|un|une|des|du|de|of|all|tout|tous|toute)\s*)*(?:(?-i:[a-zà-ÿ]+)\s+)?", re.IGNORECASE)
_INSIDE = re.compile(r"\w+\s+(?:dans|in|inside|within|near|près|autour|à\s+l['’]intérieur|nel|nella|en\s+el|no|na|dentro)\s", re.IGNORECASE)
_TIME_PHRASE = re.compile(
    r"\b(?:dans|in|durant|during)\s+(?:la|the|l['’])\s*(?:nuit|journée|matinée|soirée|après-midi|night|morning|afternoon|evening|"
    r"early\s+hours|day|week|weekend|fighting|battle|combats?|offensive)\b|\bin\s+(?:a|an|heavy|fierce|days\s+of)\b[^,]*?(?:offensive|fighting|battle|assault|push)\b",
    re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\b(?:since|depuis|desde|dal|dall['’]|dès|from)\s+(?:mid-|early\s+|late\s+|la\s+fin\s+|le\s+début\s+)?$", re.IGNORECASE)
_SOURCE_ANAPHOR = re.compile(
    r"\b(?:l['’]ONG|l['’]organisation|la\s+même\s+source|cette\s+source|the\s+same\s+source|the\s+monitor|the\s+group|"
    r"la\s+ONG|la\s+misma\s+fuente|la\s+fuente|la\s+stessa\s+fonte|a\s+mesma\s+fonte|a\s+ONG)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\b(?!\w)")
_QUARTER_NOUN_AFTER = re.compile(r"\s+(?:neighbou?rhoods?|districts?|quarters?|areas?)\b", re.IGNORECASE)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|est|sont|était|étaient|a|ont|avait|avaient|sera|era|erano|è|sono|es|"
    r"fue|fueron|son|estaba|estaban|eran|foi|foram|são|está|estava|estavam|eram)\b",
    re.IGNORECASE)
_COPULA_NP = re.compile(
    r"^\s*,?\s*(?:(?:et|and|e|y)\s+)?(?:is|was|est|était|era|è|es|fue|foi)\s+(?:\w+\s+){0,4}?(?:neighbou?rhood|district|area|quarter|quartier|secteur|zone|quartiere|distretto|barrio|bairro)\b",
    re.IGNORECASE)
_PAST_COPULA = re.compile(r"\b(?:was|were|était|étaient|era|erano|fue|foi|had\s+been|avait\s+été)\b", re.IGNORECASE)
_SINCE_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:since|depuis|desde|dal|dall['’])\s*$", re.IGNORECASE)


_GROUP_NOUNS = (r"(?:units?|forces|troops|fighters|militias|militiamen|brigades|groups|factions|battalions|gunmen|soldiers|militants|"
                r"unités|troupes|combattants|milices|miliciens|brigades|groupes|factions|soldats|bataillons|jihadistes|jihadists|"
                r"membres|members|insurgés|insurgents|rebelles|rebels|forze|fuerzas|tropas|forças|tropas|combatientes|combatentes)")
_GROUP_AFTER = re.compile(r"[\s‑-]+" + _GROUP_NOUNS + r"\b", re.IGNORECASE)
_GROUP_BEFORE = re.compile(r"\b" + _GROUP_NOUNS + r"\s+$", re.IGNORECASE)
_GROUP_OF = re.compile(r"\b" + _GROUP_NOUNS + r"\s+(?:\w+\s+)?(?:de|des|du|d['’]|of|from|di|del|do|da)\s*(?:the\s+|l['’]|la\s+|le\s+)?$", re.IGNORECASE)
_PREP_BEFORE_GROUP = re.compile(
    r"\b(?:contre|par|aux|from|by|against|with|avec|to|entre|between|de|des|du|of)\s+(?:(?:les|la|le|the|des)\s+)?(?:\w+\s+)?"
    + _GROUP_NOUNS + r"\s+(?:\w+\s+)?(?:de|des|du|d['’]|of|from|di|del|do|da)\s*(?:the\s+|l['’]|la\s+|le\s+)?$", re.IGNORECASE)
_RELATIVE_START = re.compile(r",\s*(?:qui|which|who|where|où|que|qu['’]|dont|che|donde|onde)\b", re.IGNORECASE)


_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:one|l['’]une?|une?|uno|una|um|uma)\s+(?:of|des|de|dei|delle|degli|de\s+los|de\s+las|dos|das)\s+)?"
    r"(?:(?:the|a|an|le|la|les|l['’]|un|une|il|el|lo|o)\s*)?(?:[\w-]+\s+){0,2}", re.IGNORECASE)
# "BEIRUT, November 27 -", "ALEP, 28 novembre 2016 (AFP) -": the dispatch's own date, not an event's.
_DATELINE = re.compile(r"^\s*(?:(?-i:[A-ZÀ-Ý][A-ZÀ-Ý' .()-]+),\s*)?[^-–—\n]{0,40}?(?:\([A-Z][\w .-]*\)\s*)?[-–—]\s", re.IGNORECASE)
_PRONOUN_OBJECT = re.compile(r"\s*(?<![\w])(?:it|them)\b(?!\s+(?:was|is|had|has|were|are)\b)", re.IGNORECASE)
_CLITIC_BEFORE = re.compile(r"\b(?:l['’]|les\s+|la\s+|le\s+|en\s+)(?:ont\s+|a\s+|avaient\s+|avait\s+)?$", re.IGNORECASE)
_REL_PRONOUN_SUBJECT = re.compile(r"(?:\bqu['’]|\b(?:que|which|that|whom)\s+)(?:elle|il|elles|ils|they|it|he|she)\s+(?:[\w'’]+\s+)?$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"\s*(?:[«\"“]\s*)?(?:ils|elles|they|ellos|loro|eles)\b", re.IGNORECASE)
_POSSESSIVE_NOUN = re.compile(r"\b(?:sa|son|leur|its|their|su|sua|la\s+sua)\s+$", re.IGNORECASE)
_APPOSITIVE_HEAD = re.compile(
    r"\s*,\s*(?:a|an|the|un|une|le|la)\s+(?:[\w-]+\s+)?(?:district|neighbou?rhood|quarter|area|quartier|secteur|zone)"
    r"(?:\s+(?:in|of|on|dans|de|du|au|à)\s+(?:the\s+|l['’]|la\s+|le\s+)?[\w' -]{1,30}?)?\s*,?\s*", re.IGNORECASE)
_PARTIAL_OF = re.compile(r"\s*(?:of|de|d['’]|du|des)\s*(?:(?!them\b|eux\b|which\b)[\w'’]+\s*){0,4}", re.IGNORECASE)
_STILL = re.compile(r"\b(?:still|now|toujours|encore|désormais|maintenant|ancora|todavía|ainda)\b", re.IGNORECASE)
_DETERMINERS = frozenset("the this that these those a an le la les ce cet cette ces un une il lo el los las o os each every all "
                         "tout toute tous toutes chaque".split())
_ADJ_AFTER_NOUN = re.compile(r"(?:\b(?:les|des|la|le|aux|du|de|ses|leurs|sus|los|las|gli|os|as)\s+|\bl['’]\s*)([a-zà-ÿ]{3,})\s+$")
_SPEECH_PARTICIPLE = re.compile(
    r"\b(?:affirmant|assurant|ajoutant|indiquant|précisant|estimant|soulignant|saying|adding|insisting|claiming|stating|"
    r"afirmando|asegurando|affermando|dicendo)\b(?:\s+(?:que|qu['’]|that|che))?", re.IGNORECASE)
_PREP_END = re.compile(r"(?:\b(?:de|du|des|of|in|dans|à|au|en|di|del|da|do)\s+|\bd['’])(?:the\s+|la\s+|le\s+|les\s+|l['’])?$", re.IGNORECASE)
# "X, premier quartier à avoir été repris, a été sécurisé par": an apposition between commas, then the verb.
_APPOSED_GAP = re.compile(r"\s*,[^,;:]{1,90},\s*(?:[\w'’]+\s+){0,3}")
_SPEAKER = re.compile(
    r"\b(?:un|une|a|an|le|the)\s+(?:haut\s+|senior\s+|local\s+)?(?:officier|officer|commandant|commander|chef|responsable|official|"
    r"porte-parole|spokesman|spokeswoman|soldat|soldier|combattant|fighter|général|general)\s+"
    r"(?P<side>syrien|syrian|militaire|military|de\s+l['’]armée|of\s+the\s+army|army|loyaliste|loyalist|gouvernemental|government|"
    r"rebelle|rebel|insurgé|insurgent|de\s+l['’]opposition|of\s+the\s+opposition|opposition|jihadiste|jihadist|kurde|kurdish|ypg|des\s+ypg)\b",
    re.IGNORECASE)
_QUARTER_INTRO = re.compile(
    r"\s*[\"«“]?\s*(?:(?:le|la|les|l['’]|the|el|il|o)\s*)?(?:quartiers?|districts?|neighbou?rhoods?|secteur|zone|barrio|bairro|quartiere)\s+"
    r"(?:(?:de|d['’]|du|of|di|do)\s*)?", re.IGNORECASE)
_TO_BEFORE = re.compile(r"(?:\b(?:aux|à|alle|ai)\s+|\bà\s+l['’])(?:les\s+|la\s+)?$", re.IGNORECASE)  # a loss's taker
_OTHER_RELATIVE = re.compile(r",\s*(?:a|an|the|une?|la|le)\s+(?:[\w-]+\s+){1,3}(?:that|which|who|qui|que|qu['’])\b", re.IGNORECASE)
_LIST_THEN_PARTIAL = re.compile(r"\s*(?:,\s*)?(?:and|et|y|e|ed)\s+(?:[\w'’]+\s+){1,3}", re.IGNORECASE)
_SINCE_OPENING = re.compile(r"^\s*(?:since|depuis|desde|dal|dall['’]|dès)\b", re.IGNORECASE)


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'").casefold()).strip()


_VERBISH = re.compile(r"\b(?:a|ont|est|sont|has|have|had|was|were|is|are)\s+\w+(?:é|ée|és|ées|ed)\b", re.IGNORECASE)


def _blocking_verb_between(gap: str) -> bool:
    """A new finite verb between a cue and a place means the place belongs to another predicate."""
    return bool(_VERBISH.search(gap))


def _guess_lang(text: str) -> str:
    if _ARABIC.search(text[:2000]):
        return "ar"
    counts = dict.fromkeys(_STOPWORDS, 0)
    for w in _WORD.findall(text[:3000].lower()):
        for lang, words in _STOPWORDS.items():
            if w in words:
                counts[lang] += 1
    return max(counts, key=counts.get) if any(counts.values()) else "en"

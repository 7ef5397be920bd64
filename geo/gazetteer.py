"""Load gazetteer.csv and resolve place names (quarters and regions) in names and running text.

- ``load_gazetteer(path)`` reads and validates the file (errors name file, line, column, fix).
- ``Gazetteer.resolve(name)``: exact lookup on a normalised key (see ``geo.normalize``), then
  rapidfuzz under ``settings.FUZZY_MIN_SCORE``; an ambiguous or unknown name is a
  Resolution with ``place=None`` and scored candidates (never an exception).
- ``Gazetteer.find_mentions(text)``: every quarter and region name in a text with exact
  character spans, in one pass over the words; fuzzy matches only after cue words
  ("quartier de", "district of", "حي").
- ``Gazetteer.unknown_place_names(text)``: names after cue words that resolve to nothing.
"""
from __future__ import annotations

import bisect
import csv
import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from pathlib import Path
from typing import Any, Iterable

from rapidfuzz import fuzz, process

from geo import settings
from geo.errors import GazetteerError
from geo.models import Mention, Place, Resolution
from geo.normalize import (
    ARABIC_PREFIXES, fold_arabic, fold_latin, is_arabic, name_key, split_words, token_key,
)

__all__ = ["Gazetteer", "load_gazetteer", "places_from_csv", "places_from_rows", "resolution_to_dict"]

COLUMNS = ("id", "kind", "name_en", "name_fr", "name_ar", "aliases", "lat", "lon", "members",
           "coord_confidence", "sector", "source")
KINDS = ("quarter", "region")
_NO_APOS = str.maketrans("", "", "'’‘`´ʼʾʿ′ʻʽˈ")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_APOS = "'’‘`´ʼʾʿ′ʻʽˈ"
_ELISION_RX = re.compile(rf"(?:[ldjnsmtcLDJNSMTC]|[Qq]u|[Ll]orsqu|[Pp]uisqu|[Jj]usqu)[{_APOS}](?=[^\W\d_])")
_GAP_RX = re.compile(r"[ \t\u00a0\u202f\-\u2010\u2011\u2012\u2013\u2014]{1,3}|[ \t]*\r?\n[ \t]*")
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640"
_SPLIT_RX = re.compile(rf"([^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*|[{_APOS}]+[^\W\d_]+)*)")
# Ordinary words whose skeleton equals a place name's ("Syrian" ~ "Siryan", the Syriac
# quarter): never a place on their own. Folded (lower case, no accents).
COMMON_WORDS = frozenset({
    "syrian", "syrians", "syrien", "syrienne", "syriens", "syriennes", "siriano", "siriana", "sirianos",
    "sirianas", "siriani", "syria", "syrie", "siria", "sirio", "siri",
})
_SHORT_FUZZY, _SHORT_FUZZY_MIN = 10, 92.0  # a one-word name under 10 letters needs a closer fuzzy score
_SHORT = 5  # one-word names this short (skeleton letters) must match a known spelling exactly
# A word that is a place name unless the next word says otherwise: تشرين الأول/الثاني are
# months; the Tishreen dam (on the Euphrates) and Tishreen university (Latakia) are elsewhere.
_VETO_NEXT = {
    "تشرين": frozenset({"اول", "ثاني"}),
    token_key("Tishreen"): frozenset(token_key(w) for w in (
        "dam", "barrage", "diga", "presa", "barragem", "university", "université", "università", "universidad",
        "universidade")),
}
_END = ""  # trie key that marks the end of a name
_ARABIC_RX = re.compile("[\u0600-\u06ff]")
_NEAR_DEG = 0.4  # a city's places lie within about 40 km of their median
_CITY_WORDS = frozenset(token_key(w) for w in ("city", "ville", "città", "ciudad", "cidade", "مدينة"))
_OF_WORDS = frozenset({"uf", "in", "di", "da", "du", "de", "a"})  # "of", "in", "di", "de" (d' is an elision)


def settings_city_id() -> str:
    """The id of the region that stands for the whole city (its names frame queries: "X of Aleppo")."""
    return getattr(settings, "CITY_REGION_ID", "aleppo_city")
# Words naming a part of a quarter ("Sheikh Maqsoud West", "الهلك التحتاني", "Hellok Tahtani"):
# a name that is a quarter's once one of them is dropped from either end is that quarter.
_PART_WORDS = frozenset(filter(None, (token_key(w) for w in (
    "east", "west", "north", "south", "eastern", "western", "northern", "southern", "est", "ouest",
    "lower", "upper", "inférieur", "supérieur", "tahtani", "fawqani", "fouqani", "sharqi", "gharbi",
    "shamali", "janubi", "شرقي", "غربي", "شمالي", "جنوبي", "تحتاني", "فوقاني", "شرقيه", "غربيه",
    "شماليه", "جنوبيه"))))
# Towns elsewhere whose names are one letter from a quarter's alias: never fuzzy-matched
# (an exact alias still wins). al-Malikiyah (Hasakah) ~ Malkiya (Jibreen industrial area).
_ELSEWHERE = frozenset(name_key(n) for n in ("Malikiyah", "Malikiya", "Malikiyeh", "Derik"))
_MIN_FUZZY_KEY = 5
_CANDIDATE_FLOOR = 70.0


# ---------------------------------------------------------------- loading and validation

def _fail(path: Any, line: int, col: str, problem: str, fix: str) -> GazetteerError:
    where = f"{path} line {line}" + (f", column {COLUMNS.index(col) + 1} ({col})" if col in COLUMNS else f", column {col}")
    return GazetteerError(f"{where}: {problem}; {fix}.")


def _exact_form(name: str) -> str:
    """Case, accents, apostrophes, Arabic letter variants and separators folded; articles kept."""
    return " ".join(split_words(fold_arabic(fold_latin(name)))).translate(_NO_APOS)


def places_from_rows(rows: Iterable[dict[str, str]], *, path: Any = "gazetteer.csv",
                     header: Iterable[str] | None = None, first_line: int = 2) -> list[Place]:
    """Validate rows of gazetteer.csv (dicts by column) and turn them into places.

    Raises GazetteerError naming the file, line, column, the value and the fix.
    """
    if header is not None:
        missing = [c for c in ("id", "kind", "name_en", "lat", "lon") if c not in header]
        if missing:
            raise _fail(path, 1, missing[0], f"the header has no column {missing[0]!r}",
                        f"the header must list {', '.join(COLUMNS)}")
    places: list[Place] = []
    lines: dict[str, int] = {}
    for line, row in enumerate(rows, start=first_line):
        row = {k: (v or "").strip() for k, v in row.items() if k is not None}
        pid = row.get("id", "")
        if not pid:
            raise _fail(path, line, "id", "the id is empty", "give every row a unique ASCII slug such as 'bab_al_nasr'")
        if not _SLUG.match(pid):
            raise _fail(path, line, "id", f"id {pid!r} is not an ASCII slug",
                        "use lower-case letters, digits and underscores, e.g. 'bab_al_nasr'")
        if pid in lines:
            raise _fail(path, line, "id", f"id {pid!r} is already used on line {lines[pid]}", "rename one of the two rows")
        lines[pid] = line
        kind = row.get("kind", "")
        if kind not in KINDS:
            raise _fail(path, line, "kind", f"kind {kind!r} is not one of {', '.join(KINDS)}",
                        "write 'quarter' for a neighbourhood with coordinates or 'region' for a group of quarters")
        if not row.get("name_en"):
            raise _fail(path, line, "name_en", f"row {pid!r} has no English name", "fill name_en")
        lat = _coordinate(row, "lat", line, path)
        lon = _coordinate(row, "lon", line, path)
        if kind == "quarter" and (lat is None or lon is None):
            raise _fail(path, line, "lat", f"quarter {pid!r} has no coordinates",
                        "give lat and lon in decimal degrees (Aleppo is about 36.2, 37.15)")
        members = tuple(m.strip() for m in row.get("members", "").split("|") if m.strip())
        if kind == "region" and not members:
            raise _fail(path, line, "members", f"region {pid!r} has no members", "list its quarter ids separated by '|'")
        places.append(Place(
            id=pid, kind=kind, name_en=row.get("name_en", ""), name_fr=row.get("name_fr", ""),
            name_ar=row.get("name_ar", ""), aliases=tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip()),
            lat=lat, lon=lon, members=members, coord_confidence=row.get("coord_confidence", ""),
            sector=row.get("sector", ""), source=row.get("source", ""),
        ))
    _check_coordinates(places, lines, path)
    _check_members(places, lines, path)
    _check_aliases(places, lines, path)
    return places


def _coordinate(row: dict[str, str], col: str, line: int, path: Any) -> float | None:
    raw = row.get(col, "")
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise _fail(path, line, col, f"{col} {raw!r} is not a number", "write decimal degrees, e.g. 36.2 for lat, 37.15 for lon") from None
    limit = 90 if col == "lat" else 180
    if not -limit <= value <= limit:
        raise _fail(path, line, col, f"{col} {value!r} is outside -{limit}..{limit}", "check whether lat and lon are swapped")
    return value


def _check_coordinates(places: list[Place], lines: dict[str, int], path: Any) -> None:
    """Catch a row whose lat and lon are swapped or that lies far from every other row."""
    located = [p for p in places if p.lat is not None and p.lon is not None]
    if len(located) < 5:
        return
    mlat = statistics.median(p.lat for p in located)
    mlon = statistics.median(p.lon for p in located)
    for p in located:
        if abs(p.lat - mlat) <= _NEAR_DEG and abs(p.lon - mlon) <= _NEAR_DEG:
            continue
        if abs(p.lon - mlat) <= _NEAR_DEG and abs(p.lat - mlon) <= _NEAR_DEG:
            raise _fail(path, lines[p.id], "lat", f"lat {p.lat!r}, lon {p.lon!r} of {p.id!r} look swapped (the other places lie near {mlat:.2f} N, {mlon:.2f} E)",
                        f"write lat {p.lon!r} and lon {p.lat!r}")
        raise _fail(path, lines[p.id], "lat", f"lat {p.lat!r}, lon {p.lon!r} of {p.id!r} lie more than {_NEAR_DEG} degrees from the other places ({mlat:.2f} N, {mlon:.2f} E)",
                    "check the coordinates (decimal degrees, lat first)")


def _check_members(places: list[Place], lines: dict[str, int], path: Any) -> None:
    ids = {p.id for p in places}
    for p in places:
        for m in p.members:
            if m not in ids:
                raise _fail(path, lines[p.id], "members", f"member {m!r} of region {p.id!r} is not an id of this file",
                            "fix the spelling or add a row for it")


def _check_aliases(places: list[Place], lines: dict[str, int], path: Any) -> None:
    owner: dict[str, str] = {}
    for p in places:
        for n in p.names:
            form = _exact_form(n)
            other = owner.setdefault(form, p.id) if form else p.id
            if other != p.id:
                col = "aliases" if n in p.aliases else next(c for c in ("name_en", "name_fr", "name_ar") if getattr(p, c) == n)
                raise _fail(path, lines[p.id], col, f"name {n!r} of {p.id!r} is also a name of {other!r} (line {lines[other]})",
                            "keep it on one row only, so that every name points to one place")


def places_from_csv(path: Path) -> list[Place]:
    """Parse and validate gazetteer.csv; raise GazetteerError naming file, line, column and fix."""
    try:
        f = Path(path).open(encoding="utf-8-sig", newline="")
    except OSError as err:
        raise GazetteerError(f"{path}: cannot be read ({err.strerror}); check settings.GAZETTEER_PATH or rebuild it with python scripts/build_gazetteer.py.") from err
    with f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        try:
            rows = list(reader)
        except (csv.Error, UnicodeDecodeError) as err:
            raise GazetteerError(f"{path} line {reader.line_num}: not readable as UTF-8 CSV ({err}); save it as UTF-8 CSV with a header row.") from err
    return places_from_rows(rows, path=path, header=header)


# ---------------------------------------------------------------- the gazetteer

@dataclass
class Gazetteer:
    """Places by id, with name resolution and mention finding (build once, reuse)."""

    places: dict[str, Place]
    _exact: dict[str, set[str]] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._exact = {}
        self._joined: dict[str, set[tuple[str, int]]] = {}
        self._seqs: dict[str, Any] = {}
        self._first_cache: dict[str, tuple[int, str] | None] = {}
        self._word_keys: dict[str, str | None] = {}
        self._gap_ok: dict[str, bool] = {}
        self._short_surfaces: dict[str, bool] = {}
        self._resolutions: dict[str, Resolution] = {}
        self._key_tokens: dict[str, tuple[str, ...]] = {}
        self._exact_forms: set[str] = set()
        seq_owner: dict[tuple[str, ...], set[str]] = {}
        first_places: dict[str, set[str]] = {}
        stripped: dict[str, set[str]] = {}
        for p in self.places.values():
            for n in p.names:
                toks = tuple(t for t in (token_key(w) for w in split_words(n)) if t)
                if not toks:
                    continue
                k = " ".join(toks)
                self._exact.setdefault(k, set()).add(p.id)
                self._key_tokens.setdefault(k, toks)
                self._exact_forms.add(_exact_form(n))
                bare = name_key(n, strip_cues=True)
                # a leading cue word only ("مخيم حندرات" also answers "حندرات"; "Christian quarter" not "Christian")
                if p.kind == "quarter" and bare and bare != k and k.endswith(" " + bare):
                    stripped.setdefault(bare, set()).add(p.id)
                self._joined.setdefault(k.replace(" ", ""), set()).add((p.id, len(toks)))
                seq_owner.setdefault(toks, set()).add(p.id)
                first_places.setdefault(toks[0], set()).add(p.id)
        # A trie of name tokens: node = {token: child, _END: place id}; a name shared by
        # two places is left out of it (find_mentions cannot choose; resolve reports both).
        for bare, ids in stripped.items():
            if bare not in self._exact and len(ids) == 1:
                self._exact[bare] = ids
                self._key_tokens.setdefault(bare, tuple(bare.split()))
        for toks, owners in seq_owner.items():
            if len(owners) == 1:
                node = self._seqs
                for t in toks:
                    node = node.setdefault(t, {})
                node[_END] = next(iter(owners))
        self._tokens = frozenset(t for toks in seq_owner for t in toks)
        city = [p for p in self.places.values() if p.kind == "region" and p.id == settings_city_id()]
        self._city_tokens = frozenset(name_key(n) for p in city for n in p.names if " " not in name_key(n))
        # Words that begin the names of several places ("Bab", "Karm", "Sheikh") say little alone.
        self._generic = frozenset(t for t, ids in first_places.items() if len(ids) >= 3)
        # Keys with their vowels blurred ("Inzirat" = "Inzarat"): kept only where one place owns
        # the blurred form and it still has enough consonants to say something.
        blurred: dict[str, set[str]] = {}
        for k, ids in self._exact.items():
            b = _vowel_blind(k)
            if b:
                blurred.setdefault(b, set()).update(ids)
        self._blurred = {b: ids for b, ids in blurred.items() if len(ids) == 1}
        self._choices = sorted(self._exact)
        self._choice_ids = [self._exact[k] for k in self._choices]

    # ------------------------------------------------------------ lookups

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or None."""
        return self.places.get(place_id)

    @property
    def quarters(self) -> list[Place]:
        """Every quarter (not regions)."""
        return [p for p in self.places.values() if p.kind == "quarter"]

    @property
    def regions(self) -> list[Place]:
        """Every region (named group of quarters)."""
        return [p for p in self.places.values() if p.kind == "region"]

    def with_extra_places(self, places: Iterable[Place]) -> Gazetteer:
        """A new gazetteer with these places added (an existing id is replaced)."""
        return Gazetteer({**self.places, **{p.id: p for p in places}})

    def resolve(self, name: str, *, min_score: float | None = None) -> Resolution:
        """Resolve one name to a place; place None (with candidates) when unknown or ambiguous."""
        if fold_latin((name or "").strip()) in COMMON_WORDS:
            return Resolution(query=name, place=None, score=0.0)
        ids = self._exact_ids(name or "")
        if ids and len(ids) == 1:
            return Resolution(query=name, place=self.places[next(iter(ids))], score=100.0)
        if ids:
            return Resolution(query=name, place=None, score=100.0, candidates=tuple((i, 100.0) for i in sorted(ids)))
        part = self._part_of(name or "")
        if part:
            return Resolution(query=name, place=self.places[part], score=100.0)
        if self._query_key(name or "") in _ELSEWHERE:
            return Resolution(query=name, place=None, score=0.0)
        scored = self._fuzzy(self._query_key(name or ""))
        if not scored or scored[0][1] < settings.FUZZY_MIN_SCORE:
            scored = self._fuzzy(self._query_key(name or "", drop_city=True)) or scored
        if not scored:
            return Resolution(query=name, place=None, score=0.0)
        threshold = settings.FUZZY_MIN_SCORE if min_score is None else min_score
        key = self._query_key(name or "")
        if " " not in key and len(key) < _SHORT_FUZZY:  # "Aziza" (a village), "Suleiman" (a man)
            threshold = max(threshold, _SHORT_FUZZY_MIN)
        (best_id, best), *rest = scored
        runner_up = rest[0][1] if rest else 0.0
        if best >= threshold and best - runner_up >= settings.FUZZY_AMBIGUITY_MARGIN:
            return Resolution(query=name, place=self.places[best_id], score=best, candidates=tuple(scored[:5]))
        return Resolution(query=name, place=None, score=best, candidates=tuple(scored[:5]))

    def _part_of(self, name: str) -> str | None:
        """The quarter whose name this is with a part word ("west", "تحتاني") at either end."""
        toks = self._query_key(name, drop_city=True).split()
        if len(toks) < 2:
            return None
        for rest in (toks[1:] if toks[0] in _PART_WORDS else None, toks[:-1] if toks[-1] in _PART_WORDS else None):
            if rest:
                ids = self._exact.get(" ".join(rest), set())
                if len(ids) == 1 and self.places[next(iter(ids))].kind == "quarter" and (
                        len(rest) > 1 or len(rest[0]) > _SHORT or self._short_ok(name)):
                    return next(iter(ids))
        return None

    def _short_ok(self, name: str) -> bool:
        """A short one-word name must be written as one of the known spellings ("Chaar", not "Char")."""
        forms = [_exact_form(w) for w in split_words(name)]
        return any(f in self._exact_forms for f in forms) or any(
            f"{a} {b}" in self._exact_forms for a, b in zip(forms, forms[1:]))

    def _query_key(self, name: str, *, drop_city: bool = False, trailing: bool = True) -> str:
        """The cue-stripped key of a query: an article glued to a known word split off
        ("Aljabal"), and the city named around it dropped ("old city of Aleppo", "Aleppo's citadel")."""
        toks = name_key(name, strip_cues=True, strip_trailing=trailing).split()
        for i, t in enumerate(toks):
            if t not in self._tokens:
                m = re.match(r"^(?:al|as|ash|ad|ar|at|az|an)(.{3,})$", t)
                if m and m.group(1) in self._tokens:
                    toks[i] = m.group(1)
        city = self._city_tokens
        if len(toks) > 1 and toks[-1] in _CITY_WORDS and toks[-2] in city:  # "Aleppo city"
            toks = toks[:-1]
        elif 1 < len(toks) <= 3 and toks[0] in _CITY_WORDS and toks[-1] in city:  # "city of Aleppo", "ville d'Alep"
            toks = toks[-1:]
        if drop_city and len(toks) > 2 and toks[-1] in city and toks[-2] in _OF_WORDS:
            toks = toks[:-2]
        elif drop_city and len(toks) > 1 and toks[0] in city:
            toks = toks[1:]
        elif drop_city and len(toks) > 1 and (toks[-1] in city or (  # "Sheikh Maqsoud, Aleppo", "X (Alep)"
                toks[-1][:1] in ("ل", "ب") and toks[-1][1:] in city)):  # "الأحياء الشرقية لحلب"
            toks = toks[:-1]
        return " ".join(toks)

    def _exact_ids(self, name: str) -> set[str]:
        """Ids whose names share the query's key: as written, without cue words, or
        written as one word where the name has several ("Salaheddine" / "Salah al-Din")."""
        for key in (name_key(name), self._query_key(name, trailing=False), self._query_key(name),
                    self._query_key(name, drop_city=True), self._query_key(name, drop_city=True, trailing=False)):
            if key in self._exact:
                if " " not in key and len(key) <= _SHORT and not self._short_ok(name):
                    return set()
                return self._exact[key]
        key = self._query_key(name)
        if not key:
            return set()
        n = len(key.split())
        joined = key.replace(" ", "")
        found = {pid for pid, count in self._joined.get(joined, ()) if count != n}
        if not found:  # only a vowel differs: "Inzirat" / "Inzarat" (not "Sheikh Saad" / "Sheikh Saeed")
            core = "".join(t for t in key.split() if t not in self._generic)
            if sum(c not in "aiu" for c in core) >= _MIN_BLIND_CORE:
                found = set(self._blurred.get(_vowel_blind(key) or "", ()))
        if not found and n == 1:  # "Bustanalqasr": an article written inside one word
            for m in re.finditer(r"(?<=[a-z]{3})a[lsdrtzn](?=[a-z]{3})", joined):
                found |= {pid for pid, _ in self._joined.get(joined[:m.start()] + joined[m.end():], ())}
        return found

    def _fuzzy(self, key: str) -> list[tuple[str, float]]:
        """Places scored against a query key, best first: the lower of the whole-name score and
        the score of the distinctive part (leading generic words such as "Bab", "Karm" removed)."""
        if len(key.replace(" ", "")) < _MIN_FUZZY_KEY or not self._choices:
            return []
        q_core = "".join(t for t in key.split() if t not in self._generic)
        best: dict[str, float] = {}
        for choice, score, idx in process.extract(key, self._choices, scorer=fuzz.ratio,
                                                  score_cutoff=_CANDIDATE_FLOOR, limit=25):
            c_core = "".join(t for t in self._key_tokens[choice] if t not in self._generic)
            if len(q_core) <= 3 and q_core != c_core:  # "Bab Amr" is not "Bab al-Ahmar"
                score = min(score, _CANDIDATE_FLOOR)
            elif (key.endswith("i") and choice.endswith("ia")) or (key.endswith("ي") and choice.endswith("يه")):
                # a nisba: "Soleimani", "Khalidi", "سليماني" are people, not the -iya quarter
                score = min(score, _CANDIDATE_FLOOR)
            elif q_core and c_core:
                score = min(score, fuzz.ratio(q_core, c_core))
            elif q_core != c_core:
                score = min(score, _CANDIDATE_FLOOR)
            for pid in self._choice_ids[idx]:
                if score > best.get(pid, 0.0):
                    best[pid] = score
        return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))

    # ------------------------------------------------------------ text

    def find_mentions(self, text: str, *, fuzzy: bool = True) -> list[Mention]:
        """Every quarter and region name in text, with exact spans, sorted, non-overlapping.

        Known spellings are found anywhere (longest name wins); with ``fuzzy`` other
        spellings are found after cue words ("quartier de X", "the X district", "حي X").
        """
        out = self._exact_mentions(text)
        if fuzzy:
            extra = []
            for start, end, surface in self._uncovered_cue_names(text, out):
                res = self._resolve_cached(surface)
                if res.place is not None and res.score < 100.0:
                    extra.append(Mention(res.place.id, surface, start, end, res.place.kind, round(res.score, 1)))
            if extra:
                out = sorted(out + extra, key=lambda m: m.start)
        return out

    def unknown_place_names(self, text: str) -> list[Mention]:
        """Names after cue words ("le quartier de X", "the X district", "حي X") that resolve to no place."""
        return [Mention(None, surface, start, end, "quarter", 0.0)
                for start, end, surface in self._uncovered_cue_names(text, self.find_mentions(text))
                if self._resolve_cached(surface).place is None]

    def _uncovered_cue_names(self, text: str, found: list[Mention]) -> list[tuple[int, int, str]]:
        """Cue-introduced names that overlap none of the mentions already found (sorted by start)."""
        starts = [m.start for m in found]
        out = []
        for start, end, surface in _cue_names(text):
            i = bisect.bisect_left(starts, end)  # mentions starting before this name ends
            if i and found[i - 1].end > start:
                continue
            out.append((start, end, surface))
        return out

    def _resolve_cached(self, surface: str) -> Resolution:
        res = self._resolutions.get(surface)
        if res is None:
            if len(self._resolutions) > 50_000:
                self._resolutions.clear()
            res = self._resolutions[surface] = self.resolve(surface)
        return res

    def _first(self, word: str) -> tuple[int, str] | None:
        """(offset into word, key) if the word can start a known name, else None (cached)."""
        if word in self._first_cache:
            return self._first_cache[word]
        found = None
        if fold_latin(word) in COMMON_WORDS:
            self._first_cache[word] = None
            return None
        m = _ELISION_RX.match(word)
        skip = m.end() if m else 0
        k = token_key(word[skip:])
        if k in self._seqs:
            found = (skip, k)
        elif is_arabic(word) and len(word) > 3 and word[0] in ARABIC_PREFIXES:
            rest = "ال" + word[2:] if word.startswith("لل") else word[1:]
            k = token_key(rest)
            if k in self._seqs:
                found = (1, k)
        if len(self._first_cache) > 1_000_000:  # bound memory in a long-running app
            self._first_cache.clear()
            self._word_keys.clear()
        self._first_cache[word] = found
        return found

    def _exact_mentions(self, text: str) -> list[Mention]:
        """Known names in one pass: split text into words and gaps (C speed), keep the words
        that can start a name, then extend each over the following words."""
        parts = _SPLIT_RX.split(text)  # gap, word, gap, word, ..., tail
        words = parts[1::2]
        first = self._first_cache
        for w in set(words).difference(first):
            self._first(w)
        hits = list(compress(range(len(words)), map(first.__getitem__, words)))
        if not hits:
            return []
        cum = list(accumulate(map(len, parts), initial=0))  # word i spans cum[2i+1]:cum[2i+2]
        gap_ok, keys_of, trie, short_ok = self._gap_ok, self._word_keys, self._seqs, self._short_surfaces
        out: list[Mention] = []
        last_end = 0
        n_words = len(words)
        for i in hits:
            if cum[2 * i + 1] < last_end:
                continue
            skip, k0 = first[words[i]]  # type: ignore[misc]
            node = trie[k0]
            best = (node[_END], cum[2 * i + 2]) if _END in node else None
            j = i + 1
            while j < n_words and len(node) > (_END in node):
                gap = parts[2 * j]
                ok = gap_ok.get(gap)
                if ok is None:
                    ok = gap_ok[gap] = _GAP_RX.fullmatch(gap) is not None
                if not ok:
                    break
                w = words[j]
                k = keys_of[w] if w in keys_of else keys_of.setdefault(w, token_key(w))
                j += 1
                if k is None:  # an article inside the name
                    continue
                node = node.get(k)
                if node is None:
                    break
                if _END in node:
                    best = (node[_END], cum[2 * j])
            if best is None:
                continue
            pid, end = best
            place = self.places[pid]
            start = cum[2 * i + 1] + skip
            single = end == cum[2 * i + 2]
            if (place.kind == "quarter" or single) and not _capitalised(text[start:end]):
                continue
            if single and len(k0) <= _SHORT:
                surface = text[start:end]
                ok = short_ok.get(surface)
                if ok is None:
                    ok = short_ok[surface] = _exact_form(surface) in self._exact_forms
                if not ok:
                    continue
            veto = _VETO_NEXT.get(k0)
            if veto and single and i + 1 < n_words and token_key(words[i + 1]) in veto:
                continue
            if veto and single and i and _word_before(words, i) in veto:
                continue  # "le barrage de Tichrine"
            start = _with_article(text, start)
            out.append(Mention(pid, text[start:end], start, end, place.kind, 100.0))
            last_end = end
        return out


_MIN_BLIND_CORE = 3  # consonants in the distinctive part (generic words such as "Sheikh" left out)
_MIN_BLIND_CONSONANTS = 4  # "Hilluk" (h-l-k) is too close to surnames such as "Hallak" to blur


def _vowel_blind(key: str) -> str | None:
    """A Latin key with each vowel group between two consonants replaced by one mark
    ("inzirat" -> "inz_r_t"), or None when the key is not Latin or keeps fewer than 4
    consonants. A word's first and last vowels stay: "Khalidi" (a surname) is not
    "Khalidiya", "Soleimani" is not "Suleimaniyeh"."""
    if not key.isascii():
        return None
    blind = re.sub(r"(?<=[^\W\d_aiu])[aiu]+(?=[^\W\d_aiu])", "_", key)
    if sum(c.isalpha() and c not in "aiu" for c in blind) < _MIN_BLIND_CONSONANTS:
        return None
    return blind


def _word_before(words: list[str], i: int) -> str | None:
    """The key of the word before words[i], looking past "de", "of", "du", "di", "d'"."""
    j = i - 1
    if j > 0 and fold_latin(words[j]) in ("de", "of", "du", "di", "del", "do", "da", "d"):
        j -= 1
    return token_key(words[j])


def _capitalised(surface: str) -> bool:
    """A Latin name must show a capital letter (lower-case "marja", "sabil" are common words)."""
    return surface != surface.lower() or _ARABIC_RX.search(surface) is not None


_ARTICLES_BEFORE = frozenset(a + sep for a in ("al", "el", "as", "ad", "ar", "at", "az", "an", "ash")
                             for sep in ("-", " ", "\u2010", "\u2011"))
_BEFORE_ARTICLE_OK = frozenset(" \t\n\r\u00a0(\"«“'’‘`")


def _with_article(text: str, start: int) -> int:
    """Extend a span back over an article written before the name ("al-Sakhour")."""
    for n in (3, 4):
        s = start - n
        if s >= 0 and text[s:start].lower() in _ARTICLES_BEFORE and (s == 0 or text[s - 1] in _BEFORE_ARTICLE_OK):
            return s
    return start


def _key_tokens(name: str) -> list[str]:
    return [t for t in (token_key(w) for w in split_words(name)) if t]


# Cue words before a name ("le quartier de X", "district of X", "حي X") and after a list
# of names ("the X, Y and Z districts").
_NAME = r"(?:(?:[Aa]l|[Ee]l|[Aa][sdrtzn]|[Aa]sh)[\-\u2010\u2011 ])?(?:\d{3,5}|[A-ZÀ-ÖØ-Þ][\w'’\-\u2010\u2011]*)(?:[ \u00a0\-\u2010\u2011](?:(?:[Aa]l|[Ee]l|[Aa][sdrtzn]|[Aa]sh|ibn|bin|bani|abu|de)[\-\u2010\u2011 ])?[A-ZÀ-ÖØ-Þ\d][\w'’]*)*"
_CUE_BEFORE = re.compile(
    r"\b(?:[Qq]uartiers?|[Dd]istricts?|[Nn]eighbou?rhoods?|[Ss]ecteur|[Qq]uarter|[Bb]arrio|[Qq]uartiere|[Bb]airro|[Ll]ocalit[ée])"
    r"\s+(?:(?:de|du|des|of|di|del|do|da|dei)\s+(?:la\s+|l['’]|the\s+)?|d['’]\s*)(" + _NAME + r")")
_CUE_AFTER = re.compile(r"\b(?:the|les)\s+(" + _NAME + r"(?:\s*,\s*" + _NAME + r")*(?:\s*,?\s+(?:and|et)\s+" + _NAME + r")?)\s+"
                        r"(?:districts?|neighbou?rhoods?|quarters?|areas?|housing\s+project|project|quartiers?)\b")
_LIST_MORE = re.compile(r"\s*(?:,\s*(?:(?:and|et|y|e)\s+)?|\s+(?:and|et|y|e|ou|or)\s+)(?:(?:de|du|d['’])\s*)?(" + _NAME + r")")
_AR_LETTERS = "\u0621-\u063a\u0641-\u064a\u064b-\u065f\u0640\u0670-\u06d3"
_AR_CUE = re.compile(rf"(?:(?<=\s)|^)[وب]?(?:حيّ?|أحياء|احياء|منطقة)\s+([{_AR_LETTERS}]+(?:\s+[{_AR_LETTERS}]+)?)")
_ADJECTIVE_TAIL = re.compile(r"[\-\u2010\u2011](?!(?:al|el|as|ash|ad|ar|at|az|an|ibn|bin)\b)[a-z]{3,}")
_AR_MORE = re.compile(rf"\s*[،,]?\s*و(ال[{_AR_LETTERS}]+)|\s*[،,]\s*(ال[{_AR_LETTERS}]+)")
_AR_GENERIC_FIRST = ("الشيخ", "باب", "كرم", "جبل", "تل", "بستان", "ارض", "أرض", "عين", "سوق", "ساحة", "قاضي", "مساكن", "ضاحية", "جورة", "ضهرة", "مقر", "الشيخ")
_LIST_PART = re.compile(r"[^,]+")
_LIST_AND = re.compile(r"\s+(?:and|et)\s+")


# Cue words are rare, so each is found with str.find (C speed) before a regex runs there.
_BEFORE_STEMS = ("uartier", "istrict", "eighbo", "ecteur", "uarter", "arrio", "airro", "ocalit")
_AFTER_STEMS = ("istrict", "eighbo", "uarter", "area", "roject", "uartier")
_AR_STEMS = ("حي ", "حيّ ", "أحياء", "احياء", "منطقة")


def _find_all(text: str, stems: tuple[str, ...]) -> list[int]:
    found = set()
    for stem in stems:
        i = text.find(stem)
        while i != -1:
            found.add(i)
            i = text.find(stem, i + 1)
    return sorted(found)


def _cue_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) of names introduced by cue words; lists after a cue included."""
    out: list[tuple[int, int, str]] = []
    for i in _find_all(text, _BEFORE_STEMS):
        m = _CUE_BEFORE.match(text, max(0, i - 1))
        if m is None:
            continue
        out.append((m.start(1), m.end(1), m.group(1)))
        pos = m.end(1)
        while (more := _LIST_MORE.match(text, pos)) is not None:
            out.append((more.start(1), more.end(1), more.group(1)))
            pos = more.end(1)
    for i in _find_all(text, _AFTER_STEMS):
        for m in _CUE_AFTER.finditer(text, max(0, i - 200), i + 20):
            if not i <= m.end() <= i + 20:
                continue
            base = m.start(1)
            for part in _LIST_PART.finditer(m.group(1)):
                for piece in _LIST_AND.split(part.group()):
                    piece_s = piece.strip()
                    if piece_s:
                        s = base + part.start() + part.group().find(piece_s)
                        out.append((s, s + len(piece_s), piece_s))
    for i in _find_all(text, _AR_STEMS):
        m = _AR_CUE.match(text, i - 1 if i and text[i - 1] in "وب" else i)
        if m is None:
            continue
        words = m.group(1).split()
        n = 2 if len(words) > 1 and words[0] in _AR_GENERIC_FIRST else 1
        surface = " ".join(words[:n])
        out.append((m.start(1), m.start(1) + len(surface), surface))
        pos = m.start(1) + len(surface)
        while (more := _AR_MORE.match(text, pos)) is not None:  # "حي الصاخور والحيدرية، الهلك"
            g = 1 if more.group(1) else 2
            out.append((more.start(g), more.end(g), more.group(g)))
            pos = more.end(g)
    seen, uniq = set(), []
    for item in sorted(out):
        if _ADJECTIVE_TAIL.search(item[2]):  # "the Kurdish-populated district": an adjective
            continue
        if item[0] not in seen:
            seen.add(item[0])
            uniq.append(item)
    return uniq


# ---------------------------------------------------------------- entry points

@lru_cache(maxsize=4)
def _load_cached(path: str) -> Gazetteer:
    return Gazetteer({p.id: p for p in places_from_csv(Path(path))})


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load (and cache) the gazetteer from path, default settings.GAZETTEER_PATH; raise GazetteerError if malformed."""
    return _load_cached(str(path or settings.GAZETTEER_PATH))


def resolution_to_dict(r: Resolution) -> dict[str, Any]:
    """The JSON line of ``python -m geo resolve``."""
    p = r.place
    d: dict[str, Any] = {"query": r.query, "id": p.id if p else None, "name": p.name_en if p else None,
                         "kind": p.kind if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
                         "score": round(r.score, 1)}
    if p is None:
        d["candidates"] = [{"id": pid, "score": round(s, 1)} for pid, s in r.candidates]
    return d

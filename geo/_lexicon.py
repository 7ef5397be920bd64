"""Load the extractor's lexicons (factions, cues, cited sources, regions, non-places) from geo/data.

The words live in CSV files so that analysts can extend them without touching code;
this module compiles them once into regular expressions. A malformed file raises
``GeoError`` naming the file, the line and the fix.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from geo import settings
from geo.errors import GeoError

__all__ = ["Lexicon", "load_lexicon", "group", "LANGS", "NAME_RE"]

LANGS = ("fr", "en", "it", "es", "pt", "ar")
# A place name as news write it: capitalised words, Arabic articles, digits ("Karm al-Beik", "1070").
NAME_RE = (
    r"(?-i:(?:(?:al|el|ad|as|ash|ar|an|at|ech|ed|es)[-\s‑])?[A-ZÀ-ÝŞ0-9][\w'’‑]*"
    r"(?:[-\s‑](?:(?:al|el|ad|as|ash|ar|an|at|ech|ed|es|ad-)[-\s‑])?[A-ZÀ-ÝŞ0-9][\w'’‑]*){0,3})"
)
CUE_TYPES = ("capture", "capture_pass", "capture_noun", "control", "control_pass", "attrib", "divided", "loss", "loss_pass", "confined")
OTHER_TYPES = ("block", "block_retreat", "block_loss", "negation", "success", "partial", "change", "noplace", "infinitive", "placename", "anaphor", "including", "former")


@dataclass
class Lexicon:
    """Compiled lexicons: faction surface forms, cue patterns per language, sources, regions."""

    faction_rx: re.Pattern[str]
    faction_of: dict[str, tuple[str, str]]  # casefolded surface -> (faction, role)
    cues: dict[str, dict[str, re.Pattern[str]]] = field(default_factory=dict)  # lang -> type -> rx
    source_rx: re.Pattern[str] | None = None
    source_of: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    region_rx: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    not_places: frozenset[str] = frozenset()

    def faction(self, surface: str) -> tuple[str, str] | None:
        """(faction, role) of a surface form, or None."""
        return self.faction_of.get(_fold(surface))


def group(m: re.Match[str], name: str) -> tuple[str, int, int] | None:
    """The first matched group called ``name`` or ``name_<i>``: (text, start, end), or None."""
    for key, value in m.groupdict().items():
        if value is not None and (key == name or key.rsplit("_", 1)[0] == name):
            return value, m.start(key), m.end(key)
    return None


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'").casefold()).strip()


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        f = path.open(encoding="utf-8", newline="")
    except OSError as err:
        msg = f"{path}: cannot be read ({err.strerror}); the extractor's lexicons live in geo/data/."
        raise GeoError(msg) from err
    with f:
        lines = [(i, line) for i, line in enumerate(f, start=1) if line.strip() and not line.startswith("#")]
    if not lines:
        raise GeoError(f"{path}: is empty; restore it from git.")
    reader = csv.DictReader(line for _, line in lines)
    out = []
    for (lineno, _), row in zip(lines[1:], reader):
        if None in row or any(v is None for v in row.values()):
            msg = f"{path} line {lineno}: wrong number of columns; quote a field that holds a comma."
            raise GeoError(msg)
        out.append((lineno, row))
    return out


def _compile(path: Path, lineno: int, pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as err:
        msg = f"{path} line {lineno}: {pattern!r} is not a valid regular expression ({err}); fix or quote it."
        raise GeoError(msg) from None


def _bounded(alternatives: list[str]) -> str:
    # Left boundary: no word character before; right boundary only after a word character.
    return r"(?<![\w])(?:" + "|".join(f"(?:{a})" for a in alternatives) + r")(?!(?<=\w)\w)"


@lru_cache(maxsize=4)
def _load(factions: str, cues: str, sources: str, regions: str, not_places: str) -> Lexicon:
    fpath, cpath, spath, rpath, npath = Path(factions), Path(cues), Path(sources), Path(regions), Path(not_places)
    faction_of: dict[str, tuple[str, str]] = {}
    ci: list[str] = []
    cs: list[str] = []
    for lineno, row in _rows(fpath):
        surface, faction, role = row["surface"].strip(), row["faction"].strip(), row["role"].strip()
        if faction not in settings.FACTIONS:
            msg = f"{fpath} line {lineno}: faction {faction!r} is not one of {', '.join(settings.FACTIONS)}."
            raise GeoError(msg)
        if role not in ("noun", "adj"):
            raise GeoError(f"{fpath} line {lineno}: role {role!r} must be 'noun' or 'adj'.")
        faction_of.setdefault(_fold(surface), (faction, role))
        pat = r"[\s‑-]+".join(re.escape(w) for w in re.split(r"[\s‑-]+", surface.replace("’", "'")))
        pat = pat.replace("'", "['’]")
        (cs if row["case"].strip() == "cs" else ci).append(pat)
    ci.sort(key=len, reverse=True)
    cs.sort(key=len, reverse=True)
    alt = []
    if ci:
        alt.append("(?i:" + "|".join(ci) + ")")
    if cs:
        alt.append("(?-i:" + "|".join(cs) + ")")
    # A faction word glued to -held/-backed is an attribute, not an actor.
    faction_rx = re.compile(r"(?<![\w-])(?:" + "|".join(alt) + r")(?![\w‑-])", 0)

    by_lang: dict[str, dict[str, list[str]]] = {}
    for lineno, row in _rows(cpath):
        lang, kind, pattern = row["lang"].strip(), row["type"].strip(), row["pattern"]
        if kind not in CUE_TYPES + OTHER_TYPES:
            msg = f"{cpath} line {lineno}: type {kind!r} is unknown; use one of {', '.join(CUE_TYPES + OTHER_TYPES)}."
            raise GeoError(msg)
        pattern = pattern.replace("{NAME}", NAME_RE)
        _compile(cpath, lineno, pattern)
        by_lang.setdefault(lang, {}).setdefault(kind, []).append(pattern)
    compiled: dict[str, dict[str, re.Pattern[str]]] = {}
    for lang, kinds in by_lang.items():
        compiled[lang] = {}
        for kind, pats in kinds.items():
            # Named groups (fac, name) are numbered per alternative: fac_0, fac_1...
            pats = [re.sub(r"\(\?P<(\w+)>", rf"(?P<\1_{i}>", p) for i, p in enumerate(pats)]
            if kind in CUE_TYPES or kind == "anaphor":
                compiled[lang][kind] = re.compile(_bounded(pats), re.IGNORECASE)
            elif kind == "placename":
                compiled[lang][kind] = re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in pats) + ")", re.IGNORECASE)
            elif kind == "partial":
                compiled[lang][kind] = re.compile(_bounded(pats), re.IGNORECASE)
            else:
                compiled[lang][kind] = re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)

    source_of = []
    for lineno, row in _rows(spath):
        source_of.append((_compile(spath, lineno, r"(?<![\w])(?:" + row["surface"].replace("'", "['’]") + r")(?![\w])"), row["canonical"].strip()))
    region_rx = []
    for lineno, row in _rows(rpath):
        region_rx.append((_compile(rpath, lineno, r"(?<![\w-])(?:" + row["pattern"] + ")"), row["region_id"].strip()))
    not_places = frozenset(_fold(row["surface"]) for _, row in _rows(npath))
    return Lexicon(faction_rx=faction_rx, faction_of=faction_of, cues=compiled, source_of=source_of,
                   region_rx=region_rx, not_places=not_places)


def load_lexicon(data_dir: Path | None = None) -> Lexicon:
    """Load (and cache) the lexicons from ``data_dir`` (default settings.DATA_DIR)."""
    d = Path(data_dir or settings.DATA_DIR)
    return _load(str(d / "factions.csv"), str(d / "cues.csv"), str(d / "sources.csv"), str(d / "regions.csv"),
                 str(d / "not_places.csv"))

"""Load gazetteer.csv and resolve place names (quarters and regions) found in text.

FIRST CUT: exact alias matching only. The gazetteer issue (#2) replaces the
internals with full normalisation, fuzzy matching and validation while keeping
this public API: ``load_gazetteer``, ``Gazetteer.resolve``, ``Gazetteer.find_mentions``,
``Gazetteer.places``, ``Gazetteer.get``.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo import settings
from geo.errors import GazetteerError
from geo.models import Mention, Place, Resolution

__all__ = ["Gazetteer", "load_gazetteer", "places_from_csv"]


def places_from_csv(path: Path) -> list[Place]:
    """Parse gazetteer.csv into places; raise GazetteerError naming file, line and column."""
    try:
        f = path.open(encoding="utf-8", newline="")
    except OSError as err:
        raise GazetteerError(f"{path}: cannot be read ({err.strerror}); check settings.GAZETTEER_PATH.") from err
    out = []
    with f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            try:
                lat = float(row["lat"]) if row["lat"] else None
                lon = float(row["lon"]) if row["lon"] else None
            except ValueError:
                raise GazetteerError(f"{path} line {line}, column lat/lon: {row['lat']!r}, {row['lon']!r} are not numbers; write decimal degrees, e.g. 36.2, 37.15.") from None
            out.append(Place(
                id=row["id"], kind=row["kind"], name_en=row["name_en"], name_fr=row["name_fr"],
                name_ar=row["name_ar"], aliases=tuple(a for a in row["aliases"].split("|") if a),
                lat=lat, lon=lon, members=tuple(m for m in row["members"].split("|") if m),
                coord_confidence=row["coord_confidence"], sector=row["sector"], source=row["source"],
            ))
    return out


@dataclass
class Gazetteer:
    """Places by id, with name lookup and mention finding."""

    places: dict[str, Place]

    def __post_init__(self) -> None:
        self._by_name: dict[str, str] = {}
        for p in self.places.values():
            for n in p.names:
                self._by_name.setdefault(_key(n), p.id)
        names = sorted(self._by_name, key=len, reverse=True)
        alt = "|".join(_pattern(n) for n in names if n)
        self._rx = re.compile(rf"(?<![\w])(?:{alt})(?![\w])", re.IGNORECASE)

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or None."""
        return self.places.get(place_id)

    @property
    def quarters(self) -> list[Place]:
        """Every quarter (not regions)."""
        return [p for p in self.places.values() if p.kind == "quarter"]

    def resolve(self, name: str) -> Resolution:
        """Resolve one name; a Resolution with place None when nothing matches."""
        pid = self._by_name.get(_key(name))
        if pid:
            return Resolution(query=name, place=self.places[pid], score=100.0)
        return Resolution(query=name, place=None, score=0.0)

    def find_mentions(self, text: str) -> list[Mention]:
        """Every quarter and region name in text, with character spans, in order."""
        out = []
        for m in self._rx.finditer(text):
            pid = self._by_name.get(_key(m.group(0)))
            if pid:
                out.append(Mention(pid, m.group(0), m.start(), m.end(), self.places[pid].kind))
        return out


def _key(name: str) -> str:
    return re.sub(r"[\s\-’'`]+", " ", name.casefold()).strip()


def _pattern(name: str) -> str:
    parts = re.split(r"[\s\-’'`]+", name.strip())
    return r"[\s\-’'`]+".join(re.escape(p) for p in parts if p)


@lru_cache(maxsize=4)
def _load_cached(path: str) -> Gazetteer:
    return Gazetteer({p.id: p for p in places_from_csv(Path(path))})


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load (and cache) the gazetteer from path, default settings.GAZETTEER_PATH."""
    return _load_cached(str(path or settings.GAZETTEER_PATH))


def resolution_to_dict(r: Resolution) -> dict:
    """The JSON line of ``python -m geo resolve``."""
    p = r.place
    d = {"query": r.query, "id": p.id if p else None, "name": p.name_en if p else None,
         "kind": p.kind if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
         "score": round(r.score, 1)}
    if p is None:
        d["candidates"] = [{"id": pid, "score": round(s, 1)} for pid, s in r.candidates]
    return d

"""Value objects shared by every module: places, mentions, documents, claims, control states."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Place", "Mention", "Resolution", "Document", "Claim", "EvidenceClaim", "ControlState"]


@dataclass(frozen=True, slots=True)
class Place:
    """A quarter or a region of the gazetteer; coordinates in (lat, lon) order."""

    id: str
    kind: str  # "quarter" | "region"
    name_en: str
    name_fr: str
    name_ar: str
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    members: tuple[str, ...] = ()
    coord_confidence: str = ""
    sector: str = ""
    source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the place: English, French, Arabic, then aliases."""
        return tuple(n for n in (self.name_en, self.name_fr, self.name_ar, *self.aliases) if n)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text: ``text[start:end] == surface``; place_id None if unknown."""

    place_id: str | None
    surface: str
    start: int
    end: int
    kind: str = "quarter"  # "quarter" | "region"; for unknown places, "quarter"
    score: float = 100.0


@dataclass(frozen=True, slots=True)
class Resolution:
    """The answer to "which place is this name?": a place, or None with scored candidates."""

    query: str
    place: Place | None
    score: float
    candidates: tuple[tuple[str, float], ...] = ()  # (place id, score), best first


@dataclass(frozen=True, slots=True)
class Document:
    """An article: front matter fields plus its text (unchanged apart from decoding)."""

    text: str
    date: dt.date | None
    lang: str = ""
    source: str = ""
    url: str = ""
    title: str = ""
    path: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    sha256: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement that a faction took (capture) or holds (control) a place on a date."""

    place_id: str | None
    place: str
    place_kind: str
    mention: str
    start: int
    end: int
    faction: str
    kind: str  # capture | control | contested | attack | siege
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: str  # day | month | year
    quote: str
    attributed_to: str | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        """The extractor's JSON contract (see ../shared/tools/score_claims.py)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        """Build a claim from its JSON form, ignoring unknown keys."""
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True, slots=True)
class EvidenceClaim:
    """A claim as the store serves it: the effective values after review, plus provenance."""

    claim_id: int
    claim: Claim  # effective values (an edit replaces place/faction/date/kind)
    document_id: int
    source: str
    url: str
    published: str  # publication date of the article, YYYY-MM-DD
    title: str = ""
    review: str = "auto"  # auto | accepted | edited | rejected
    review_note: str = ""


@dataclass(frozen=True, slots=True)
class ControlState:
    """A quarter's state on a day: held by a faction, contested, or unknown."""

    place_id: str
    status: str  # held | contested | unknown
    faction: str | None
    since: str | None  # YYYY-MM-DD of the claim that set the state
    approximate: bool = False  # since comes from a month/year-precision claim
    claims: tuple[EvidenceClaim, ...] = ()  # the claims that decide the state

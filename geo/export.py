"""Write claims and control states as data: JSON-ready dicts, CSV (ACLED-like) and GeoJSON.

Writers take an open text file (``fp``) and write to it; nothing here opens paths.
Pictures (PNG, HTML) live in ``geo.report``.
"""
from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import IO, Any

from geo import settings
from geo.errors import ExportError
from geo.models import ControlState, EvidenceClaim

__all__ = [
    "EVIDENCE_COLUMNS", "STATE_COLUMNS", "evidence_to_dict", "evidence_to_csv", "state_to_dict", "state_to_csv",
    "state_to_geojson",
]

EVIDENCE_COLUMNS = ("event_date", "time_precision", "place", "place_kind", "latitude", "longitude", "actor", "kind",
                    "source", "attributed_to", "quote", "url", "review", "place_id", "claim_id", "document_id",
                    "published")
STATE_COLUMNS = ("id", "name", "status", "faction", "since", "approximate", "claims", "sources", "quotes")
_CSV_RISKY = ("=", "+", "@", "\t", "\r")


def _places(gazetteer: Any) -> Mapping[str, Any]:
    places = getattr(gazetteer, "places", gazetteer)
    return places if isinstance(places, Mapping) else {p.id: p for p in places}


def _cell(value: Any) -> Any:
    """Keep spreadsheet programs from running article text as a formula."""
    if isinstance(value, str) and value.startswith(_CSV_RISKY):
        return "'" + value
    return value


def evidence_to_dict(ec: EvidenceClaim) -> dict[str, Any]:
    """One claim as JSON-ready data: the extractor's fields after review, plus provenance."""
    d = ec.claim.to_dict()
    d.update(claim_id=ec.claim_id, document_id=ec.document_id, source=ec.source, url=ec.url,
             published=ec.published, title=ec.title, review=ec.review, review_note=ec.review_note)
    return d


def evidence_to_csv(claims: Iterable[EvidenceClaim], gazetteer: Any, fp: IO[str]) -> None:
    """Write claims as CSV with ACLED-like columns (``EVIDENCE_COLUMNS``); time_precision is day|month|year."""
    places = _places(gazetteer)
    w = csv.writer(fp, lineterminator="\n")
    w.writerow(EVIDENCE_COLUMNS)
    for ec in claims:
        c = ec.claim
        p = places.get(c.place_id) if c.place_id else None
        w.writerow([_cell(v) for v in (
            c.date, c.date_precision, p.name_en if p else (c.place or c.mention), p.kind if p else c.place_kind,
            _coord(p.lat if p else None), _coord(p.lon if p else None), c.faction, c.kind, ec.source,
            c.attributed_to or "", c.quote, ec.url, ec.review, c.place_id or "", ec.claim_id, ec.document_id,
            ec.published)])


def _coord(v: float | None) -> str:
    return "" if v is None else f"{v:.6f}"


def _claim_brief(ec: EvidenceClaim) -> dict[str, Any]:
    c = ec.claim
    return {"claim_id": ec.claim_id, "faction": c.faction, "kind": c.kind, "date": c.date, "place_id": c.place_id,
            "quote": c.quote, "source": ec.source, "url": ec.url, "published": ec.published,
            "attributed_to": c.attributed_to, "review": ec.review}


def state_to_dict(state: ControlState, gazetteer: Any) -> dict[str, Any]:
    """A quarter's state as JSON-ready data: id, name, status, faction, since, approximate, claims."""
    p = _places(gazetteer).get(state.place_id)
    return {"id": state.place_id, "name": p.name_en if p else state.place_id, "status": state.status,
            "faction": state.faction, "since": state.since, "approximate": state.approximate,
            "claims": [_claim_brief(ec) for ec in state.claims]}


def _sources(state: ControlState) -> str:
    return " | ".join(dict.fromkeys(ec.source for ec in state.claims if ec.source))


def _quotes(state: ControlState) -> str:
    return " | ".join(f"{ec.claim.quote} ({ec.source or 'unknown source'}, {ec.claim.date})" for ec in state.claims)


def state_to_csv(states: Mapping[str, ControlState] | Iterable[ControlState], gazetteer: Any, fp: IO[str]) -> None:
    """Write one CSV row per quarter (``STATE_COLUMNS``); quotes joined with ' | '."""
    values = states.values() if isinstance(states, Mapping) else states
    w = csv.writer(fp, lineterminator="\n")
    w.writerow(STATE_COLUMNS)
    places = _places(gazetteer)
    for s in values:
        p = places.get(s.place_id)
        w.writerow([_cell(v) for v in (
            s.place_id, p.name_en if p else s.place_id, s.status, s.faction or "", s.since or "",
            "yes" if s.approximate else "no", len(s.claims), _sources(s), _quotes(s))])


def state_to_geojson(states: Mapping[str, ControlState] | Iterable[ControlState], gazetteer: Any, *,
                     day: dt.date | str, boundaries: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection: one MultiPolygon feature per quarter, lon/lat, exterior rings counterclockwise.

    Each feature has the quarter id as its ``id`` and the state, the quotes and the outlets
    in its properties. ``boundaries`` defaults to ``geo.geometry.load_boundaries()``; a
    quarter with no polygon becomes a Point at its gazetteer centre (``geometry_kind``
    says so). Raises ExportError if the boundaries cannot be loaded.
    """
    from shapely.geometry import MultiPolygon, mapping
    from shapely.geometry.polygon import orient

    if boundaries is None:
        try:
            from geo.geometry import load_boundaries

            boundaries = load_boundaries()
        except ImportError as err:
            raise ExportError(f"quarter boundaries are not available ({err}); install geo/geometry.py and geo/data/boundaries.geojson.") from err
    places = _places(gazetteer)
    day_s = day.isoformat() if isinstance(day, dt.date) else str(day)
    values = states.values() if isinstance(states, Mapping) else states
    features = []
    for s in values:
        p = places.get(s.place_id)
        shape = boundaries.get(s.place_id)
        geometry: dict[str, Any] | None
        if shape is not None:
            geom = shape.geometry
            # every quarter a MultiPolygon: one geometry type, so QGIS opens one layer, not one per type
            if geom.geom_type == "Polygon":
                geom = MultiPolygon([orient(geom, sign=1.0)])
            elif geom.geom_type == "MultiPolygon":
                geom = MultiPolygon([orient(g, sign=1.0) for g in geom.geoms])
            geometry = _round(mapping(geom))
            kind = "approximate polygon" if getattr(shape, "approximate", False) else "polygon"
            geo_source = getattr(shape, "source", "")
        elif p is not None and p.lat is not None and p.lon is not None:
            geometry = {"type": "Point", "coordinates": [round(p.lon, 6), round(p.lat, 6)]}
            kind, geo_source = "point (no boundary)", p.source
        else:
            geometry, kind, geo_source = None, "none", ""
        colour_key = s.faction if s.status == "held" and s.faction else s.status
        props = {
            "id": s.place_id, "name": p.name_en if p else s.place_id, "name_fr": p.name_fr if p else "",
            "name_ar": p.name_ar if p else "", "date": day_s, "status": s.status, "faction": s.faction,
            "since": s.since, "approximate": s.approximate,
            "colour": settings.FACTION_COLOURS.get(colour_key, settings.FACTION_COLOURS.get("unknown", "#d9d9d9")),
            "n_claims": len(s.claims), "outlets": _sources(s), "quotes": _quotes(s),
            "claims": [_claim_brief(ec) for ec in s.claims],
            "geometry_kind": kind, "geometry_source": geo_source,
        }
        features.append({"type": "Feature", "id": s.place_id, "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def _round(obj: Any) -> Any:
    """Coordinates to 6 decimals (about 10 cm), as plain lists."""
    if isinstance(obj, float):
        return round(obj, 6)
    if isinstance(obj, (list, tuple)):
        return [_round(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _round(v) for k, v in obj.items()}
    return obj

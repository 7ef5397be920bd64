"""Quarter shapes and the city outline: shapely geometry in (lon, lat), the only place that swaps order.

Shapes come from ``geo/data/boundaries.geojson`` (built by ``scripts/build_boundaries.py``):
one Feature per quarter, ``id`` = gazetteer id, ``approximate`` true where the shape is
an estimate around a point rather than a surveyed polygon. Regions have no shape of
their own: ``region_geometry`` is the union of their members.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geo import settings
from geo.errors import GeoError
from geo.models import Place

__all__ = [
    "QuarterShape", "load_boundaries", "load_city_outline", "boundaries_geojson", "region_geometry",
    "place_geometry", "centroid_lat_lon", "label_lat_lon", "bounds_lat_lon", "lat_lon_to_point",
    "quarter_at",
]


@dataclass(frozen=True, slots=True)
class QuarterShape:
    """A quarter's shape: shapely geometry in (lon, lat) order, real or approximate."""

    place_id: str
    geometry: BaseGeometry
    approximate: bool
    source: str


def _read_geojson(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        msg = f"{path}: cannot be read ({err.strerror}); rebuild it with: python scripts/build_boundaries.py"
        raise GeoError(msg) from err
    except json.JSONDecodeError as err:
        msg = f"{path} line {err.lineno}: not valid JSON ({err.msg}); rebuild it with: python scripts/build_boundaries.py"
        raise GeoError(msg) from err
    if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        msg = f"{path}: expected a GeoJSON FeatureCollection, found type {data.get('type')!r}; rebuild it with: python scripts/build_boundaries.py"
        raise GeoError(msg)
    return data


@lru_cache(maxsize=4)
def _geojson_cached(path: str) -> dict[str, Any]:
    return _read_geojson(Path(path))


def boundaries_geojson(path: str | Path | None = None) -> dict[str, Any]:
    """The boundaries FeatureCollection as parsed JSON (a copy; cached read)."""
    return copy.deepcopy(_geojson_cached(str(path or settings.BOUNDARIES_PATH)))


@lru_cache(maxsize=4)
def _boundaries_cached(path: str) -> dict[str, QuarterShape]:
    out: dict[str, QuarterShape] = {}
    for i, f in enumerate(_geojson_cached(path)["features"]):
        pid = f.get("id") or (f.get("properties") or {}).get("id")
        if not pid:
            raise GeoError(f"{path}: feature {i} has no id; every feature needs the gazetteer id of its quarter.")
        if pid in out:
            raise GeoError(f"{path}: quarter {pid!r} has two features; keep one per quarter.")
        geom = shape(f["geometry"])
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        props = f.get("properties") or {}
        out[pid] = QuarterShape(pid, geom, bool(props.get("approximate", False)), str(props.get("source", "")))
    return out


def load_boundaries(path: str | Path | None = None) -> dict[str, QuarterShape]:
    """Quarter shapes by gazetteer id (cached); raise GeoError if the file is missing or malformed."""
    return dict(_boundaries_cached(str(path or settings.BOUNDARIES_PATH)))


def load_city_outline(path: str | Path | None = None) -> BaseGeometry:
    """The city outline as one (Multi)Polygon in (lon, lat); raise GeoError if unreadable."""
    data = _geojson_cached(str(path or settings.CITY_OUTLINE_PATH))
    return shapely.union_all([shape(f["geometry"]) for f in data["features"]])


def region_geometry(place: Place, boundaries: dict[str, QuarterShape]) -> BaseGeometry | None:
    """The union of a region's member shapes (or a quarter's own shape); None if none is known."""
    ids: Iterable[str] = place.members if place.kind == "region" else (place.id,)
    geoms = [boundaries[i].geometry for i in ids if i in boundaries]
    if not geoms:
        return None
    return shapely.union_all(geoms)


place_geometry = region_geometry


def lat_lon_to_point(lat: float, lon: float) -> shapely.Point:
    """A shapely point from (lat, lon); raise ValueError for a value outside -90..90 / -180..180."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"({lat!r}, {lon!r}) is not a (lat, lon) pair; latitude must be within -90..90, longitude -180..180.")
    return shapely.Point(lon, lat)


def centroid_lat_lon(geom: BaseGeometry) -> tuple[float, float]:
    """The geometric centroid as (lat, lon) (may fall outside a concave shape)."""
    c = geom.centroid
    return (c.y, c.x)


def label_lat_lon(geom: BaseGeometry) -> tuple[float, float]:
    """A point guaranteed inside the shape, as (lat, lon): where to put a label or marker."""
    p = geom.representative_point()
    return (p.y, p.x)


def bounds_lat_lon(geom: BaseGeometry) -> tuple[tuple[float, float], tuple[float, float]]:
    """((south, west), (north, east)): the (lat, lon) corners folium's fit_bounds takes."""
    minx, miny, maxx, maxy = geom.bounds
    return ((miny, minx), (maxy, maxx))


def quarter_at(lat: float, lon: float, boundaries: dict[str, QuarterShape]) -> str | None:
    """The id of the quarter whose shape contains (lat, lon), or None."""
    p = lat_lon_to_point(lat, lon)
    for pid, qs in boundaries.items():
        if qs.geometry.covers(p):
            return pid
    return None

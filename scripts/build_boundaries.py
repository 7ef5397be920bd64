"""Build geo/data/boundaries.geojson and geo/data/city_outline.geojson.

Run when gazetteer.csv or the reference layers change:

    python scripts/build_boundaries.py [--data ../shared/data/aleppo] [--gazetteer gazetteer.csv]

One Feature per quarter of gazetteer.csv, id = gazetteer id:

1. Real polygons: the OCHA Syria COD ``city_neighbourhoods`` polygon whose
   ``gazetteer_id`` is the quarter (109 quarters).
2. Real polygons from the Columbia CSR layer for quarters OCHA lacks: the Citadel
   (carved out of the OCHA "old souq" polygon that contains it) and Sheikh Najjar
   (outside the OCHA layer).
3. Approximations (``approximate: true``) for quarters known only by a point: the
   point's Voronoi cell among all quarter points, cut to a disc around the point
   (300 m inside the city, 900 m on the outskirts), then
   - inside a real polygon of another quarter (e.g. Inzarat in OCHA "Hanano"):
     clipped to that polygon and carved out of it, so the two never overlap; the
     containing quarter keeps the rest and its source says so;
   - outside every real polygon: clipped to the city outline buffered by 1.5 km
     (or 300 m around the point, whichever is larger there) and to the area no
     real polygon covers.
   A point-only quarter whose point coincides with its container's point (Bani
   Zeid = OCHA Rasafeh centre, an estimate) gets a 150 m disc; the container's
   point then lies on the rim of its own hole.

Geometry is computed in a local metric projection (equirectangular at 36.2 N),
simplified as a coverage (shared edges stay shared) and snapped to a 1e-6 degree
grid (about 0.1 m), so the file stays small and quarters stay non-overlapping.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

LAT0, LON0 = 36.2, 37.15
M_PER_DEG_LAT = 111_000.0
M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(LAT0))
R_INSIDE_M = 300.0
R_OUTSIDE_M = 900.0
R_COINCIDENT_M = 150.0
COINCIDENT_M = 30.0
OUTLINE_BUFFER_M = 1500.0
SIMPLIFY_M = 4.0
GRID_DEG = 1e-6
MIN_PART_M2 = 50.0

OCHA_SOURCE = "UN OCHA Syria COD city_neighbourhoods (Aleppo)"
CSR_SOURCE = "Columbia Center for Spatial Research, Conflict Urbanism: Aleppo (MIT)"
CSR_NAMES = {"citadel": "Aleppo Citadel", "sheikh_najjar": "Sheikh Najjar"}


def _to_m(geom: BaseGeometry) -> BaseGeometry:
    return shapely.transform(geom, lambda c: _scale(c, M_PER_DEG_LON, M_PER_DEG_LAT, -LON0, -LAT0))


def _to_deg(geom: BaseGeometry) -> BaseGeometry:
    return shapely.transform(geom, _unscale)


def _scale(c: np.ndarray, sx: float, sy: float, dx: float, dy: float) -> np.ndarray:
    out = c.copy()
    out[:, 0] = (c[:, 0] + dx) * sx
    out[:, 1] = (c[:, 1] + dy) * sy
    return out


def _unscale(c: np.ndarray) -> np.ndarray:
    out = c.copy()
    out[:, 0] = c[:, 0] / M_PER_DEG_LON + LON0
    out[:, 1] = c[:, 1] / M_PER_DEG_LAT + LAT0
    return out


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep only polygon parts larger than MIN_PART_M2 (metric geometry)."""
    geom = shapely.make_valid(geom)
    parts = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, (Polygon, MultiPolygon))]
    polys = [p for g in parts for p in getattr(g, "geoms", [g]) if p.area >= MIN_PART_M2]
    if not polys:
        return Polygon()
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def _read_quarters(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["kind"] == "quarter"]


def _read_layer(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def build(data: Path, gazetteer: Path) -> tuple[dict, dict, list[str]]:
    """Return (boundaries FeatureCollection, outline FeatureCollection, report lines)."""
    rows = _read_quarters(gazetteer)
    pts = {r["id"]: _to_m(Point(float(r["lon"]), float(r["lat"]))) for r in rows}
    shapes: dict[str, BaseGeometry] = {}
    source: dict[str, str] = {}
    approx: dict[str, bool] = {}
    report: list[str] = []

    for f in _read_layer(data / "aleppo_neighbourhoods_ocha.geojson"):
        gid = f["properties"].get("gazetteer_id")
        if gid in pts:
            shapes[gid] = _polygonal(_to_m(shape(f["geometry"])))
            source[gid] = f"{OCHA_SOURCE}, P-code {f['properties']['pcode']}"
            approx[gid] = False
    csr = {f["properties"]["NAME"]: _to_m(shape(f["geometry"])) for f in _read_layer(data / "aleppo_neighbourhoods_csr.geojson")}
    for gid, name in CSR_NAMES.items():
        if gid in pts and gid not in shapes and name in csr:
            geom = _polygonal(csr[name])
            for other in list(shapes):  # carve it out of whatever OCHA polygon it sits in
                if shapes[other].intersects(geom):
                    cut = shapes[other].intersection(geom).area
                    shapes[other] = _polygonal(shapes[other].difference(geom))
                    source[other] += f"; minus the CSR {name} polygon"
                    report.append(f"{gid}: CSR polygon carved {cut:.0f} m2 out of {other}")
            shapes[gid], source[gid], approx[gid] = geom, f"{CSR_SOURCE}, polygon {name!r}", False

    point_only = [r["id"] for r in rows if r["id"] not in shapes]
    # Voronoi cells among distinct quarter points (coincident points handled below).
    distinct: dict[tuple[float, float], str] = {}
    for r in rows:
        key = (round(pts[r["id"]].x), round(pts[r["id"]].y))
        if key not in distinct or distinct[key] in point_only:
            distinct[key] = r["id"]
    mpts = shapely.MultiPoint([pts[i] for i in distinct.values()])
    cells = {}
    for cell in shapely.voronoi_polygons(mpts, extend_to=mpts.envelope.buffer(20_000)).geoms:
        for i in distinct.values():
            if cell.contains(pts[i]):
                cells[i] = cell
    real_union = unary_union([shapes[i] for i in shapes])
    outline = _to_m(shape(_read_layer(data / "aleppo_city_outline_ocha_union.geojson")[0]["geometry"]))
    city = unary_union([outline, real_union]).buffer(OUTLINE_BUFFER_M)

    for gid in point_only:
        p = pts[gid]
        near = min((p.distance(pts[o]), o) for o in pts if o != gid)
        container = next((o for o in shapes if not approx[o] and shapes[o].contains(p)), None)
        if near[0] < COINCIDENT_M:
            region = p.buffer(R_COINCIDENT_M)
            how = f"{R_COINCIDENT_M:.0f} m disc (its point coincides with {near[1]}'s)"
        else:
            region = p.buffer(R_INSIDE_M if container else R_OUTSIDE_M).intersection(cells[gid])
            how = f"Voronoi cell of its point cut to {R_INSIDE_M if container else R_OUTSIDE_M:.0f} m"
        if container:
            region = _polygonal(region.intersection(shapes[container]))
            shapes[container] = _polygonal(shapes[container].difference(region))
            source[container] += f"; minus approximate {gid}"
            how += f", carved out of {container}"
        else:
            region = _polygonal(region.intersection(city.union(p.buffer(R_INSIDE_M))).difference(real_union))
            how += ", outside the real polygons"
        for other in point_only:  # approximations never overlap each other
            if other in shapes and approx[other]:
                region = _polygonal(region.difference(shapes[other]))
        shapes[gid], approx[gid] = region, True
        source[gid] = f"approximate: {how} (point from {next(r['source'] for r in rows if r['id'] == gid)})"
        report.append(f"{gid}: {how}, {region.area / 1e6:.3f} km2")

    ids = [r["id"] for r in rows]
    simplified = shapely.coverage_simplify([shapes[i] for i in ids], SIMPLIFY_M)
    snapped = {gid: _snapped(_to_deg(geom)) for gid, geom in zip(ids, simplified)}
    # Snapping moves vertices that lie on a neighbour's edge by up to half a grid cell,
    # which opens slivers of overlap; remove them on the grid, real polygons first.
    taken = Polygon()
    for gid in sorted(ids, key=lambda i: approx[i]):
        if snapped[gid].intersects(taken):
            snapped[gid] = _to_deg(_polygonal(_to_m(shapely.difference(snapped[gid], taken, grid_size=GRID_DEG))))
        taken = shapely.union(taken, snapped[gid], grid_size=GRID_DEG)
    # A vertex on a neighbour's edge may still sit a fraction of a grid cell off it; insert it.
    tree = shapely.STRtree([snapped[i] for i in ids])
    for k, gid in enumerate(ids):
        near = [snapped[ids[j]] for j in tree.query(snapped[gid]) if j != k]
        if near:
            fixed = _to_deg(_polygonal(_to_m(shapely.snap(snapped[gid], shapely.union_all(near), 1.5 * GRID_DEG))))
            snapped[gid] = fixed if not fixed.is_empty else snapped[gid]
    features = []
    by_id = {r["id"]: r for r in rows}
    for gid in ids:
        geom = snapped[gid]
        r = by_id[gid]
        features.append({
            "type": "Feature", "id": gid,
            "properties": {"id": gid, "name_en": r["name_en"], "name_fr": r["name_fr"], "name_ar": r["name_ar"],
                           "approximate": approx[gid], "source": source[gid]},
            "geometry": _rounded(mapping(geom)),
        })
    full_outline = _snapped(_to_deg(shapely.simplify(
        unary_union([outline, *(shapes[i] for i in ids)]).buffer(1).buffer(-1), SIMPLIFY_M)))
    boundaries = {"type": "FeatureCollection", "name": "quarters_of_aleppo",
                  "attribution": f"{OCHA_SOURCE}; {CSR_SOURCE}; approximations by Quarters", "features": features}
    outline_fc = {"type": "FeatureCollection", "name": "aleppo_city_outline", "features": [{
        "type": "Feature", "id": "aleppo_city",
        "properties": {"id": "aleppo_city", "source": "union of the quarter shapes of boundaries.geojson and the OCHA outline"},
        "geometry": _rounded(mapping(full_outline))}]}
    return boundaries, outline_fc, report


def _snapped(geom: BaseGeometry) -> BaseGeometry:
    """Snap a lon/lat geometry to the GRID_DEG grid, keeping it valid and polygonal."""
    geom = shapely.set_precision(shapely.make_valid(geom), GRID_DEG)
    return _to_deg(_polygonal(_to_m(geom)))


def _rounded(obj: Any) -> Any:
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], float):
            return [round(v, 6) for v in obj]
        return [_rounded(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    return obj


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=here.parent / "shared" / "data" / "aleppo")
    ap.add_argument("--gazetteer", type=Path, default=here / "gazetteer.csv")
    ap.add_argument("--out", type=Path, default=here / "geo" / "data")
    a = ap.parse_args()
    boundaries, outline, report = build(a.data, a.gazetteer)
    a.out.mkdir(parents=True, exist_ok=True)
    for name, obj in (("boundaries.geojson", boundaries), ("city_outline.geojson", outline)):
        path = a.out / name
        path.write_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB)", file=sys.stderr)
    for line in report:
        print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Quarter shapes: one per quarter, valid, non-overlapping, honest about approximations."""
from __future__ import annotations

import json

import pytest
import shapely

from geo import settings
from geo.errors import GeoError
from geo.geometry import (
    bounds_lat_lon, boundaries_geojson, centroid_lat_lon, label_lat_lon, lat_lon_to_point,
    load_boundaries, load_city_outline, quarter_at, region_geometry,
)

M2_PER_DEG2 = 89_600 * 111_000  # near 36.2 N


@pytest.fixture(scope="module")
def shapes():
    return load_boundaries()


def test_every_quarter_has_exactly_one_shape_and_nothing_else(gazetteer, shapes):
    feature_ids = [f["id"] for f in boundaries_geojson()["features"]]
    assert len(feature_ids) == len(set(feature_ids))
    assert set(feature_ids) == {p.id for p in gazetteer.quarters}
    assert len(gazetteer.quarters) == 132


def test_all_shapes_are_valid_polygons_with_area(shapes):
    for pid, qs in shapes.items():
        assert qs.geometry.is_valid, pid
        assert qs.geometry.geom_type in ("Polygon", "MultiPolygon"), pid
        assert qs.geometry.area * M2_PER_DEG2 > 10_000, f"{pid} is smaller than 1 ha"


def test_no_two_quarters_overlap(shapes):
    geoms = list(shapes.values())
    tree = shapely.STRtree([q.geometry for q in geoms])
    worst = 0.0
    for i, j in tree.query([q.geometry for q in geoms], predicate="intersects").T:
        if i < j:
            worst = max(worst, geoms[i].geometry.intersection(geoms[j].geometry).area * M2_PER_DEG2)
    assert worst < 1.0, f"two quarters overlap by {worst:.1f} m2"


def test_approximate_exactly_where_no_surveyed_polygon_exists(gazetteer, shapes):
    """Surveyed polygons exist for the OCHA rows and the two Columbia (CSR) rows; every other quarter is a point."""
    for p in gazetteer.quarters:
        surveyed = p.source.startswith(("OCHA", "Columbia"))
        assert shapes[p.id].approximate is (not surveyed), p.id
    approx = sorted(pid for pid, q in shapes.items() if q.approximate)
    assert "inzarat" in approx and "sheikh_lutfi" in approx and "masaken_hanano" not in approx
    assert len(approx) == 21


def test_every_gazetteer_point_lies_in_its_own_shape(gazetteer, shapes):
    """Exception: a quarter whose point is shared with a point-only quarter carved around it (Rasafeh/Bani Zeid)."""
    for p in gazetteer.quarters:
        pt = lat_lon_to_point(p.lat, p.lon)
        if shapes[p.id].geometry.distance(pt) * 111_000 < 2:
            continue
        twins = [q for q in gazetteer.quarters if q.id != p.id and (q.lat, q.lon) == (p.lat, p.lon)]
        assert twins and all(shapes[t.id].approximate and shapes[t.id].geometry.covers(pt) for t in twins), p.id
        assert shapes[p.id].geometry.distance(pt) * 111_000 < 200, p.id


def test_point_only_quarter_is_carved_out_of_the_polygon_that_contained_it(shapes, gazetteer):
    hanano, inzarat = shapes["masaken_hanano"], shapes["inzarat"]
    assert not hanano.approximate and inzarat.approximate
    assert inzarat.geometry.touches(hanano.geometry)
    assert quarter_at(gazetteer.get("inzarat").lat, gazetteer.get("inzarat").lon, shapes) == "inzarat"
    assert quarter_at(gazetteer.get("masaken_hanano").lat, gazetteer.get("masaken_hanano").lon, shapes) == "masaken_hanano"
    assert "inzarat" in hanano.source


def test_citadel_has_its_surveyed_polygon_and_the_old_souq_keeps_the_rest(shapes):
    citadel = shapes["citadel"]
    assert not citadel.approximate and "Columbia" in citadel.source
    assert 0.08 < citadel.geometry.area * M2_PER_DEG2 / 1e6 < 0.2  # the citadel mound is about 0.13 km2


def test_region_is_the_union_of_its_members(gazetteer, shapes):
    ne = gazetteer.get("north_east_aleppo")
    geom = region_geometry(ne, shapes)
    members_area = sum(shapes[m].geometry.area for m in ne.members)
    assert geom.area == pytest.approx(members_area, rel=1e-6)
    assert region_geometry(gazetteer.get("sakhour"), shapes).equals(shapes["sakhour"].geometry)


def test_city_outline_contains_every_quarter(shapes):
    outline = load_city_outline()
    assert outline.geom_type in ("Polygon", "MultiPolygon") and outline.is_valid
    for pid, qs in shapes.items():
        assert outline.buffer(1e-4).covers(qs.geometry), pid


def test_coordinate_helpers_speak_lat_lon(shapes):
    lat, lon = centroid_lat_lon(shapes["sakhour"].geometry)
    assert 36.1 < lat < 36.3 and 37.0 < lon < 37.3
    lat, lon = label_lat_lon(shapes["sakhour"].geometry)
    assert shapes["sakhour"].geometry.covers(lat_lon_to_point(lat, lon))
    (s, w), (n, e) = bounds_lat_lon(shapes["sakhour"].geometry)
    assert s < lat < n and w < lon < e
    with pytest.raises(ValueError, match="latitude must be within -90..90"):
        lat_lon_to_point(137.1, 36.2)


def test_geojson_follows_the_contract_and_stays_small():
    data = boundaries_geojson()
    assert data["type"] == "FeatureCollection"
    f = data["features"][0]
    assert set(f["properties"]) >= {"id", "name_en", "name_fr", "name_ar", "approximate", "source"}
    assert f["id"] == f["properties"]["id"] and f["id"].isascii()
    lon, lat = f["geometry"]["coordinates"][0][0] if f["geometry"]["type"] == "Polygon" else f["geometry"]["coordinates"][0][0][0]
    assert 37.0 < lon < 37.3 and 36.1 < lat < 36.3  # RFC 7946: lon first
    assert settings.BOUNDARIES_PATH.stat().st_size < 400_000
    data["features"].clear()
    assert boundaries_geojson()["features"], "callers get a copy, not the cache"


def test_a_missing_or_broken_boundaries_file_says_how_to_rebuild(tmp_path):
    with pytest.raises(GeoError, match="cannot be read.*build_boundaries.py"):
        load_boundaries(tmp_path / "nope.geojson")
    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps({"type": "Feature"}))
    with pytest.raises(GeoError, match="expected a GeoJSON FeatureCollection, found type 'Feature'"):
        load_boundaries(bad)


REFERENCE = settings.ROOT.parent / "shared" / "data" / "aleppo"


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="reference layers (../shared/data/aleppo) not present")
def test_the_committed_file_is_what_the_build_script_makes_from_gazetteer_csv():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_boundaries", settings.ROOT / "scripts" / "build_boundaries.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    built, outline, _ = mod.build(REFERENCE, settings.GAZETTEER_PATH)
    committed = boundaries_geojson()
    assert [f["id"] for f in built["features"]] == [f["id"] for f in committed["features"]]
    assert [f["properties"] for f in built["features"]] == [f["properties"] for f in committed["features"]]
    assert all(a["geometry"] == b["geometry"] for a, b in zip(built["features"], committed["features"])), \
        "rebuild with: python scripts/build_boundaries.py"

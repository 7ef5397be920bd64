"""Data exports: claim dicts, ACLED-like CSV, state JSON/CSV, RFC 7946 GeoJSON; and the claims/state commands."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from shapely.geometry import Polygon, shape

from geo.documents import document_from_text
from geo.export import (EVIDENCE_COLUMNS, evidence_to_csv, evidence_to_dict, state_to_csv, state_to_dict,
                        state_to_geojson)
from geo.geometry import QuarterShape
from geo.models import Claim, EvidenceClaim, Place
from geo.store import open_store
from geo.timeline import control_on

GAZ = {
    "alpha": Place(id="alpha", kind="quarter", name_en="Alpha", name_fr="Alpha-fr", name_ar="ألفا", lat=36.2, lon=37.15),
    "beta": Place(id="beta", kind="quarter", name_en="Beta", name_fr="Bêta", name_ar="", lat=36.21, lon=37.16),
    "gamma": Place(id="gamma", kind="quarter", name_en="Gamma", name_fr="Gamma", name_ar=""),
}
# alpha's ring is written clockwise on purpose: the export must turn it counterclockwise
SHAPES = {"alpha": QuarterShape("alpha", Polygon([(37.1, 36.1), (37.1, 36.2), (37.2, 36.2), (37.2, 36.1)]), False, "test survey")}


def ec(place="alpha", faction="government", date="2016-11-26", quote="Government troops took Alpha.", review="auto",
       claim_id=1, source="Test wire"):
    c = Claim(place_id=place, place=place, place_kind="quarter", mention=place.title(), start=0, end=5,
              faction=faction, kind="capture", date=date, date_precision="day" if len(date) == 10 else "month",
              quote=quote, attributed_to="an observatory")
    return EvidenceClaim(claim_id=claim_id, claim=c, document_id=3, source=source, url="https://example.org/x",
                         published="2016-11-28", title="T", review=review)


def test_evidence_dict_has_the_claim_fields_and_provenance():
    d = evidence_to_dict(ec(review="edited"))
    assert {k: d[k] for k in ("claim_id", "place_id", "faction", "kind", "date", "quote", "source", "url", "review",
                              "document_id", "published")} == {
        "claim_id": 1, "place_id": "alpha", "faction": "government", "kind": "capture", "date": "2016-11-26",
        "quote": "Government troops took Alpha.", "source": "Test wire", "url": "https://example.org/x",
        "review": "edited", "document_id": 3, "published": "2016-11-28"}
    json.dumps(d)


def test_evidence_csv_has_acled_like_columns_with_names_and_coordinates():
    buf = io.StringIO()
    evidence_to_csv([ec(), ec(place="gamma", date="2016-11", claim_id=2)], GAZ, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0])[:13] == ["event_date", "time_precision", "place", "place_kind", "latitude", "longitude",
                                  "actor", "kind", "source", "attributed_to", "quote", "url", "review"]
    assert tuple(rows[0]) == EVIDENCE_COLUMNS
    assert {k: rows[0][k] for k in ("event_date", "time_precision", "place", "latitude", "longitude", "actor")} == {
        "event_date": "2016-11-26", "time_precision": "day", "place": "Alpha", "latitude": "36.200000",
        "longitude": "37.150000", "actor": "government"}
    assert (rows[1]["time_precision"], rows[1]["latitude"]) == ("month", "")


def test_csv_cells_starting_like_a_formula_are_defused():
    buf = io.StringIO()
    evidence_to_csv([ec(quote="=HYPERLINK(\"http://evil\")")], GAZ, buf)
    assert list(csv.DictReader(io.StringIO(buf.getvalue())))[0]["quote"] == "'=HYPERLINK(\"http://evil\")"


def test_state_dict_and_csv():
    states = control_on([ec(), ec(place="beta", faction="rebels", claim_id=2),
                         ec(place="beta", faction="government", date="2016-11-27", claim_id=3, source="Other")],
                        dt.date(2016, 11, 28), GAZ, window_days=2)
    d = state_to_dict(states["alpha"], GAZ)
    assert {k: d[k] for k in ("id", "name", "status", "faction", "since")} == {
        "id": "alpha", "name": "Alpha", "status": "held", "faction": "government", "since": "2016-11-26"}
    assert d["claims"][0]["quote"] == "Government troops took Alpha."
    buf = io.StringIO()
    state_to_csv(states, GAZ, buf)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(buf.getvalue()))}
    assert (rows["beta"]["status"], rows["beta"]["claims"], rows["beta"]["sources"]) == ("contested", "2", "Other | Test wire")
    assert (rows["gamma"]["status"], rows["gamma"]["faction"], rows["gamma"]["since"]) == ("unknown", "", "")


def test_geojson_follows_rfc_7946():
    states = control_on([ec()], dt.date(2016, 11, 28), GAZ)
    fc = state_to_geojson(states, GAZ, day=dt.date(2016, 11, 28), boundaries=SHAPES)
    assert fc["type"] == "FeatureCollection" and "crs" not in fc
    feats = {f["id"]: f for f in fc["features"]}
    alpha = feats["alpha"]
    assert alpha["geometry"]["type"] == "MultiPolygon"
    ring = alpha["geometry"]["coordinates"][0][0]
    assert ring[0] == ring[-1]
    assert Polygon(ring).exterior.is_ccw  # right-hand rule: exterior counterclockwise
    assert all(37 < lon < 38 and 36 < lat < 37 for lon, lat in ring)  # lon, lat order
    assert shape(alpha["geometry"]).is_valid
    p = alpha["properties"]
    assert {k: p[k] for k in ("id", "name", "status", "faction", "since", "date", "n_claims", "outlets")} == {
        "id": "alpha", "name": "Alpha", "status": "held", "faction": "government", "since": "2016-11-26",
        "date": "2016-11-28", "n_claims": 1, "outlets": "Test wire"}
    assert p["quotes"] == "Government troops took Alpha. (Test wire, 2016-11-26)"
    assert feats["beta"]["geometry"] == {"type": "Point", "coordinates": [37.16, 36.21]}
    assert feats["beta"]["properties"]["geometry_kind"] == "point (no boundary)"
    assert feats["gamma"]["geometry"] is None
    json.dumps(fc)


def test_geojson_of_the_real_boundaries_covers_every_quarter(gazetteer):
    states = control_on([], dt.date(2016, 11, 28), gazetteer)
    fc = state_to_geojson(states, gazetteer, day="2016-11-28")
    assert len(fc["features"]) == len(gazetteer.quarters)
    for f in fc["features"]:
        geom = shape(f["geometry"])
        assert geom.is_valid, f["id"]
        assert geom.geom_type == "MultiPolygon", f["id"]
        polys = list(geom.geoms)
        assert all(pg.exterior.is_ccw and all(not r.is_ccw for r in pg.interiors) for pg in polys), f["id"]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "q.sqlite"
    doc = document_from_text("---\ndate: 2016-11-28\nsource: Test wire\n---\nGovernment troops took Sakhour.\n", name="t.md")
    with open_store(path) as s:
        r = s.add_document(doc, [ec(place="sakhour", date="2016-11-28", quote="Government troops took Sakhour.").claim,
                                 ec(place="hellok", faction="rebels", quote="Rebels hold Hellok.").claim],
                           extractor_version="v1")
        hellok = [c for c in s.effective_claims() if c.claim.place_id == "hellok"][0]
        s.review(hellok.claim_id, "reject")
        assert r.status == "new"
    return path


def test_claims_command_lists_effective_claims(db, capsys):
    from geo.cli import main

    assert main(["claims", "--db", str(db)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(c["place_id"], c["faction"], c["review"]) for c in lines] == [("sakhour", "government", "auto")]
    assert main(["claims", "--db", str(db), "--format", "csv", "--place", "sakhour"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["place"], r["actor"], r["source"]) for r in rows] == [("Sakhour", "government", "Test wire")]


def test_state_command_in_three_formats(db, capsys):
    from geo.cli import main

    assert main(["state", "--date", "2016-11-28", "--db", str(db)]) == 0
    states = {d["id"]: d for d in map(json.loads, capsys.readouterr().out.splitlines())}
    assert (states["sakhour"]["status"], states["sakhour"]["faction"]) == ("held", "government")
    assert states["hellok"]["status"] == "unknown"  # its only claim was rejected
    assert main(["state", "--date", "2016-11-27", "--db", str(db), "--format", "geojson"]) == 0
    fc = json.loads(capsys.readouterr().out)
    sak = next(f for f in fc["features"] if f["id"] == "sakhour")
    assert (fc["type"], sak["properties"]["status"], sak["geometry"]["type"] in ("Polygon", "MultiPolygon")) == (
        "FeatureCollection", "unknown", True)
    assert main(["state", "--date", "2016-11-28", "--db", str(db), "--format", "csv"]) == 0
    assert "sakhour,Sakhour,held,government,2016-11-28" in capsys.readouterr().out


def test_state_command_on_an_empty_store_says_how_to_fill_it(tmp_path, capsys):
    from geo.cli import main

    assert main(["state", "--date", "2016-11-28", "--db", str(tmp_path / "empty.sqlite")]) == 0
    err = capsys.readouterr().err
    assert "holds no claims; add articles with: python -m geo ingest seeds/" in err


def test_bad_date_and_bad_store_are_messages_not_tracebacks(tmp_path, capsys):
    from geo.cli import main

    with pytest.raises(SystemExit) as e:
        main(["state", "--date", "28/11/2016"])
    assert e.value.code == 2
    assert "'28/11/2016' is not a date; write YYYY-MM-DD" in capsys.readouterr().err
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"not a database at all" * 100)
    assert main(["claims", "--db", str(bogus)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {bogus}: is not a Quarters store or is damaged") and "Traceback" not in err

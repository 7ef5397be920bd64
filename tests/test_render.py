"""geo/render.py and geo/ui_state.py: the map's pieces and the page's pure logic."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from geo import render, settings, ui_state
from geo.models import Claim, ControlState, EvidenceClaim


def _ec(cid: int, place: str, faction: str, date: str, *, quote: str = "", mention: str = "", url: str = "",
        source: str = "AFP") -> EvidenceClaim:
    c = Claim(place_id=place, place=mention or place, place_kind="quarter", mention=mention or place, start=0, end=0,
              faction=faction, kind="capture", date=date, date_precision="day", quote=quote or f"{place} taken")
    return EvidenceClaim(claim_id=cid, claim=c, document_id=1, source=source, url=url, published=date)


SQUARE = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "id": "sakhour", "properties": {"id": "sakhour", "name_en": "Sakhour", "approximate": False},
     "geometry": {"type": "Polygon", "coordinates": [[[37.18, 36.21], [37.19, 36.21], [37.19, 36.22], [37.18, 36.21]]]}},
    {"type": "Feature", "id": "x_appr", "properties": {"id": "x_appr", "name_en": "X", "approximate": True},
     "geometry": {"type": "Polygon", "coordinates": [[[37.1, 36.2], [37.11, 36.2], [37.11, 36.21], [37.1, 36.2]]]}},
]}


def test_base_map_loads_leaflet_from_the_given_local_urls_only():
    m = render.base_map(SQUARE, leaflet_js_url="/app/static/leaflet/leaflet.js",
                        leaflet_css_url="/app/static/leaflet/leaflet.css")
    assert m.default_js == [("leaflet", "/app/static/leaflet/leaflet.js")]
    assert m.default_css == [("leaflet_css", "/app/static/leaflet/leaflet.css")]
    page = m.get_root().render()
    assert "cdn" not in page.lower() and "openstreetmap.org" not in page
    assert '"approximate":true' in page and "5 4" in page  # dashed outline for approximate boundaries


def test_base_map_with_tiles_adds_the_osm_layer():
    m = render.base_map(SQUARE, leaflet_js_url="a.js", leaflet_css_url="a.css", tiles=True)
    assert "tile.openstreetmap.org" in m.get_root().render()


def test_base_map_script_does_not_depend_on_the_date():
    from streamlit_folium import _get_map_string, generate_js_hash

    def key() -> str:
        m = render.base_map(SQUARE, leaflet_js_url="a.js", leaflet_css_url="a.css")
        m.get_root().render()
        return generate_js_hash(_get_map_string(m), "map")

    assert key() == key()


def test_names_typed_by_users_reach_the_page_as_json_text_not_markup():
    fc = json.loads(json.dumps(SQUARE))
    fc["features"][0]["properties"]["name_en"] = "<img src=x onerror=alert(1)>"
    m = render.base_map(fc, leaflet_js_url="a.js", leaflet_css_url="a.css",
                        labels=[(36.2, 37.1, "</script><script>alert(2)</script>", 12, "sakhour")])
    page = m.get_root().render()
    assert "<img src=x" not in page and "</script><script>alert(2)" not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page


def test_quarter_paint_colours_by_faction_and_hatches_contested_quarters():
    gov = _ec(1, "sakhour", "government", "2016-11-28")
    reb = _ec(2, "sakhour", "rebels", "2016-11-27")
    states = {
        "sakhour": ControlState("sakhour", "contested", None, "2016-11-27", claims=(gov, reb)),
        "x_appr": ControlState("x_appr", "held", "kurds", "2016-11-28", claims=()),
    }
    paint = render.quarter_paint(states, ["sakhour", "x_appr", "other"], day=dt.date(2016, 11, 28), selected="x_appr")
    q = paint["quarters"]
    colours = settings.FACTION_COLOURS
    assert q["sakhour"]["hatch"] == [colours["government"], colours["rebels"]]
    assert q["sakhour"]["holder"] == "Contested (Government / Rebels)"
    assert q["x_appr"] == {"fill": colours["kurds"], "hatch": None, "key": "kurds", "holder": "Kurdish forces",
                           "since": "2016-11-28"}
    assert q["other"]["fill"] == colours["unknown"] and q["other"]["holder"] == "Unknown"
    assert paint["selected"] == "x_appr" and paint["day"] == "2016-11-28"


def test_legend_counts_every_quarter_once():
    states = {"a": ControlState("a", "held", "government", "2016-01-01"),
              "b": ControlState("b", "held", "isis", "2016-01-01"),
              "c": ControlState("c", "unknown", None, None)}
    counts = render.legend_counts(states, ["a", "b", "c", "d"])
    assert counts == {"government": 1, "rebels": 0, "kurds": 0, "isis": 1, "contested": 0, "unknown": 2}


def test_date_layer_calls_the_paint_function_with_the_day():
    fg = render.date_layer(render.quarter_paint({}, ["sakhour"], day=dt.date(2016, 11, 28)))
    from streamlit_folium import generate_leaflet_string
    import folium

    m = folium.Map(tiles=None)
    fg.add_to(m)
    js = generate_leaflet_string(fg, base_id="feature_group_0")
    assert "window.quartersPaint(" in js and '"day": "2016-11-28"' in js


@pytest.mark.parametrize(("value", "day", "fragment"), [
    (None, dt.date(2016, 11, 28), ""),
    ("2016-11-27", dt.date(2016, 11, 27), ""),
    ("2016-13-01", dt.date(2016, 11, 28), "is not a date; write it as YYYY-MM-DD"),
    ("2010-01-01", dt.date(2012, 1, 1), "is before the first claim"),
    ("2020-01-01", dt.date(2016, 12, 5), "is after the last claim"),
])
def test_the_date_in_a_link_is_read_or_explained(value, day, fragment):
    choice = ui_state.parse_date_param(value, dt.date(2012, 1, 1), dt.date(2016, 12, 5), dt.date(2016, 11, 28))
    assert choice.day == day
    assert (fragment in choice.message) if fragment else choice.message == ""


def test_the_quarter_in_a_link_must_be_known():
    assert ui_state.parse_quarter_param("sakhour", {"sakhour"}) == ("sakhour", "")
    pid, msg = ui_state.parse_quarter_param("<b>x</b>", {"sakhour"})
    assert pid is None and "'<b>x</b>', which is not in the gazetteer" in msg


def test_step_change_finds_the_neighbouring_change_dates():
    days = [dt.date(2016, 11, 26), dt.date(2016, 11, 28)]
    assert ui_state.step_change(days, dt.date(2016, 11, 27), -1) == dt.date(2016, 11, 26)
    assert ui_state.step_change(days, dt.date(2016, 11, 27), +1) == dt.date(2016, 11, 28)
    assert ui_state.step_change(days, dt.date(2016, 11, 28), +1) is None


def test_claims_span_covers_claims_and_a_week_after():
    lo, hi = ui_state.claims_span([_ec(1, "a", "rebels", "2012"), _ec(2, "a", "government", "2016-11-28")])
    assert lo == dt.date(2012, 1, 1) and hi == dt.date(2016, 12, 5)


def test_highlight_quote_escapes_and_marks_the_place_name():
    out = ui_state.highlight_quote('<script>x</script> prise de Sakhour & "al-Sakhour"', "Sakhour")
    assert out == ('&lt;script&gt;x&lt;/script&gt; prise de <mark>Sakhour</mark> &amp; '
                   '&quot;al-<mark>Sakhour</mark>&quot;')


def test_links_are_only_made_for_http_urls():
    assert ui_state.safe_link("javascript:alert(1)") == "javascript:alert(1)"
    assert ui_state.safe_link('https://x.org/?a="b"').startswith('<a href="https://x.org/?a=&quot;b&quot;"')


def test_disagreements_pair_claims_of_different_factions_close_in_time():
    a = _ec(1, "s", "government", "2016-11-28")
    b = _ec(2, "s", "rebels", "2016-11-29")
    c = _ec(3, "s", "rebels", "2016-12-20")
    assert ui_state.disagreements([a, b, c], window_days=2) == [[a, b]]


def test_claim_card_escapes_every_field():
    ec = _ec(7, "sakhour", "government", "2016-11-28", quote="<img src=x onerror=1> Sakhour",
             source="<b>AFP</b>", url="javascript:alert(1)")
    card = ui_state.claim_card_html(ec, names=["Sakhour"], deciding=True)
    assert "<img" not in card and "<b>AFP</b>" not in card and 'href="javascript' not in card
    assert "&lt;img src=x onerror=1&gt; <mark>Sakhour</mark>" in card and "decides the colour" in card


def test_lone_surrogates_and_nul_never_reach_the_page():
    ec = _ec(1, "sakhour", "government", "2016-11-28", quote="bytes \udce9 and nul \x00 in Sakhour",
             source="X\udcff")
    card = ui_state.claim_card_html(ec, names=["Sakhour"])
    card.encode("utf-8")  # would raise on a lone surrogate
    assert "\x00" not in card and "<mark>Sakhour</mark>" in card

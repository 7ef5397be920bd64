"""Build the folium map of the app: a base map drawn once, and a small per-date paint layer.

Pure: functions take data (GeoJSON dicts, control states, the gazetteer) and return
folium objects or plain dicts; nothing here reads files or talks to the network.

Why two parts. streamlit-folium re-mounts its map (losing zoom and pan) whenever the
JavaScript of the map changes, so everything that varies with the date lives outside it:

* :func:`base_map` holds Leaflet from local URLs, the city outline, the quarter polygons
  (one SVG path each, class ``q-path q-<place id>``, dashed when the boundary is
  approximate), their names, and ``window.quartersPaint``. Its script is identical for
  every date, so its component key never changes.
* :func:`date_layer` is a ``folium.FeatureGroup`` for ``st_folium(feature_group_to_add=)``.
  It carries the paint of one date (fill per quarter, hatch patterns for contested
  quarters, tooltip lines, the selected quarter) as JSON, about 20 kB, and calls
  ``quartersPaint`` with it; no geometry is resent when the date moves.

Every string from the gazetteer or the store reaches the page through ``textContent``
or JSON, never through ``innerHTML``, so names typed by users cannot inject markup.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any, Iterable, Mapping

import folium
from branca.element import MacroElement
from jinja2 import Template

from geo import settings
from geo.models import ControlState

__all__ = [
    "ALEPPO_CENTER_LAT_LON", "LEGEND_ORDER", "base_map", "quarter_layer_data", "date_layer", "quarter_paint",
    "state_label", "legend_counts", "contested_factions", "outline_to_geojson",
]

ALEPPO_CENTER_LAT_LON = (36.2021, 37.1343)
DEFAULT_ZOOM = 12
LEGEND_ORDER = ("government", "rebels", "kurds", "isis", "contested", "unknown")
FACTION_LABELS = {
    "government": "Government", "rebels": "Rebels", "kurds": "Kurdish forces", "isis": "ISIS",
    "contested": "Contested", "unknown": "Unknown",
}
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "&copy; OpenStreetMap contributors"


def state_label(state: ControlState | None) -> str:
    """Say who holds a quarter, e.g. "Government", "Contested (Government / Rebels)", "Unknown"."""
    if state is None or state.status == "unknown":
        return "Unknown"
    if state.status == "contested":
        names = [FACTION_LABELS.get(f, f) for f in contested_factions(state)]
        return "Contested" + (f" ({' / '.join(names)})" if names else "")
    return FACTION_LABELS.get(state.faction or "", state.faction or "Unknown")


def contested_factions(state: ControlState) -> list[str]:
    """The factions whose claims make a quarter contested, in LEGEND_ORDER (at most two shown)."""
    found = {c.claim.faction for c in state.claims if c.claim.faction}
    if state.faction:
        found.add(state.faction)
    ordered = [f for f in LEGEND_ORDER if f in found] + sorted(found - set(LEGEND_ORDER))
    return ordered


def legend_key(state: ControlState | None) -> str:
    """The legend entry a state counts under: a faction, "contested" or "unknown"."""
    if state is None or state.status == "unknown":
        return "unknown"
    if state.status == "contested":
        return "contested"
    return state.faction if state.faction in settings.FACTION_COLOURS else "unknown"


def legend_counts(states: Mapping[str, ControlState], place_ids: Iterable[str]) -> dict[str, int]:
    """Count the quarters under each legend entry (LEGEND_ORDER); quarters without a state are unknown."""
    counts = Counter(legend_key(states.get(pid)) for pid in place_ids)
    return {k: counts.get(k, 0) for k in LEGEND_ORDER}


def _fill_for(state: ControlState | None, colours: Mapping[str, str]) -> tuple[str, list[str] | None]:
    """Return (fill, hatch) where hatch is the two colours of a contested quarter, else None."""
    key = legend_key(state)
    if key != "contested":
        return colours.get(key, colours["unknown"]), None
    facs = [f for f in contested_factions(state) if f in colours]  # type: ignore[arg-type]
    pair = [colours[f] for f in facs[:2]]
    if len(pair) == 0:
        pair = [colours["contested"], colours["unknown"]]
    elif len(pair) == 1:
        pair.append(colours["contested"])
    return colours["contested"], pair


def quarter_paint(states: Mapping[str, ControlState], place_ids: Iterable[str], *, day: dt.date,
                  selected: str | None = None, nonce: int = 0,
                  colours: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Return the JSON-ready paint of one date: per quarter fill, hatch pair, holder label and since.

    ``nonce`` is copied into each clicked feature so that clicking the same quarter again
    after the selection was cleared still reaches Python (streamlit-folium drops repeats).
    """
    colours = dict(settings.FACTION_COLOURS if colours is None else colours)
    quarters: dict[str, dict[str, Any]] = {}
    for pid in place_ids:
        st = states.get(pid)
        fill, hatch = _fill_for(st, colours)
        since = st.since if st is not None and st.status != "unknown" else None
        quarters[pid] = {
            "fill": fill,
            "hatch": hatch,
            "key": legend_key(st),
            "holder": state_label(st),
            "since": (since or "") + (" (approx.)" if st is not None and st.approximate and since else ""),
        }
    return {"day": day.isoformat(), "selected": selected or "", "nonce": nonce, "quarters": quarters}


_BASE_JS = Template("""
{% macro header(this, kwargs) %}
<style>
  .folium-map, .leaflet-container { background: #f4f1ea; }
  .q-label { pointer-events: none; }
  .q-label span { display: block; width: max-content; transform: translate(-50%, -50%); white-space: nowrap;
    font: 600 11px/1.1 system-ui, sans-serif; color: #222;
    text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }
  .q-tip b { font-size: 13px; } .q-tip .q-ar { direction: rtl; }
  .q-tip .q-muted { color: #555; }
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var data = {{ this.data_js }};
  var shapes = data.shapes, outline = data.outline, names = data.names, blank = data.blank;
  var paint = {quarters: {}, day: "", selected: "", nonce: 0};
  if (outline) {
    L.geoJSON(outline, {interactive: false, style: function () {
      return {color: "#444", weight: 2.5, fill: false, dashArray: null, className: "q-outline"};
    }}).addTo(map);
  }
  function baseStyle(f) {
    return {color: "#5a5a5a", weight: 1, opacity: 0.9, fillColor: blank, fillOpacity: 0.72,
            dashArray: f.properties.approximate ? "5 4" : null,
            className: "q-path q-" + f.id};
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }
  function tipFor(layer) {
    var f = layer.feature, p = f.properties, q = paint.quarters[f.id] || {};
    var box = el("div", "q-tip");
    box.appendChild(el("b", "", p.name_en));
    if (p.name_fr && p.name_fr !== p.name_en) { box.appendChild(el("div", "", p.name_fr)); }
    if (p.name_ar) { box.appendChild(el("div", "q-ar", p.name_ar)); }
    box.appendChild(el("div", "", (q.holder || "Unknown") + (q.since ? " since " + q.since : "")));
    if (p.approximate) { box.appendChild(el("div", "q-muted", "boundary approximate")); }
    return box;
  }
  var layer = L.geoJSON(shapes, {style: baseStyle, onEachFeature: function (f, l) {
    l.bindTooltip(tipFor, {sticky: true, direction: "top"});
  }}).addTo(map);
  var labels = L.layerGroup();
  var points = {};
  var marks = names.map(function (n) {
    var span = el("span", "", n[2]);
    var mk = L.marker([n[0], n[1]], {interactive: false, keyboard: false,
      icon: L.divIcon({className: "q-label", html: span, iconSize: null})});
    mk.minZoom = n[3];
    points[n[4]] = [n[0], n[1]];
    labels.addLayer(mk);
    return mk;
  });
  labels.addTo(map);
  // Show as many names as fit: candidates for this zoom in the order given (biggest quarter
  // first), each kept only if it overlaps no name already kept. One layout pass per zoom.
  function toggleLabels() {
    var z = map.getZoom(), kept = [], boxes = [];
    marks.forEach(function (mk) {
      var e = mk.getElement();
      if (e) { e.style.display = z >= mk.minZoom ? "" : "none"; }
    });
    marks.forEach(function (mk) {
      var e = mk.getElement();
      boxes.push(e && e.style.display === "" && e.firstChild ? e.firstChild.getBoundingClientRect() : null);
    });
    marks.forEach(function (mk, i) {
      var r = boxes[i];
      if (!r) { return; }
      var clash = kept.some(function (k) {
        return !(r.right + 2 < k.left || r.left - 2 > k.right || r.bottom < k.top || r.top > k.bottom);
      });
      if (clash) { mk.getElement().style.display = "none"; } else { kept.push(r); }
    });
  }
  map.on("zoomend resize", toggleLabels);
  toggleLabels();
  // While the component's iframe is still being laid out, names measure wrongly: place them
  // again once the page has settled (and on the first paint, below).
  setTimeout(toggleLabels, 250);
  var labelsSettled = false;
  var SVGNS = "http://www.w3.org/2000/svg";
  function hatch(pair) {
    var svg = map.getPanes().overlayPane.querySelector("svg");
    if (!svg) { return pair[0]; }
    var id = "q-hatch-" + pair.join("-").replace(/[^0-9a-zA-Z-]/g, "");
    if (!svg.querySelector("#" + id)) {
      var defs = svg.querySelector("defs");
      if (!defs) { defs = document.createElementNS(SVGNS, "defs"); svg.insertBefore(defs, svg.firstChild); }
      var pat = document.createElementNS(SVGNS, "pattern");
      pat.setAttribute("id", id); pat.setAttribute("patternUnits", "userSpaceOnUse");
      pat.setAttribute("width", "10"); pat.setAttribute("height", "10");
      pat.setAttribute("patternTransform", "rotate(45)");
      [0, 5].forEach(function (x, i) {
        var r = document.createElementNS(SVGNS, "rect");
        r.setAttribute("x", String(x)); r.setAttribute("y", "0");
        r.setAttribute("width", "5"); r.setAttribute("height", "10");
        r.setAttribute("fill", pair[i]); pat.appendChild(r);
      });
      defs.appendChild(pat);
    }
    return "url(#" + id + ")";
  }
  window.quartersLayer = layer;
  window.quarterPoints = points;  // a point inside each quarter (lat, lon), where its name sits
  window.quartersPaint = function (p) {
    var t0 = performance.now();
    paint = p;
    layer.eachLayer(function (l) {
      var id = l.feature.id, q = p.quarters[id];
      l.feature.properties.day = p.day;
      l.feature.properties.nonce = p.nonce;
      var sel = id === p.selected;
      var style = {fillColor: q ? (q.hatch ? hatch(q.hatch) : q.fill) : blank,
                   weight: sel ? 3.5 : 1, color: sel ? "#0b3d91" : "#5a5a5a"};
      l.setStyle(style);
      if (l._path) {
        l._path.setAttribute("data-state", q ? q.key : "unknown");
        l._path.setAttribute("data-fill", q ? q.fill : blank);
      }
      if (sel) { l.bringToFront(); }
      if (l.isTooltipOpen && l.isTooltipOpen()) { l.getTooltip().setContent(tipFor(l)); }
    });
    if (!labelsSettled) { labelsSettled = true; toggleLabels(); }
    window.quartersPainted = {day: p.day, count: Object.keys(p.quarters).length,
                              ms: performance.now() - t0, at: Date.now()};
    map.getContainer().setAttribute("data-painted-day", p.day);
  };
})();
{% endmacro %}
""")


class _QuarterLayer(MacroElement):
    """The static part of the quarter layer: geometry, names, outline and the paint function."""

    _template = _BASE_JS

    def __init__(self, data_js: str) -> None:
        super().__init__()
        self._name = "QuarterLayer"
        self.data_js = data_js


def _js_literal(obj: Any) -> str:
    """JSON that is also a safe JavaScript literal inside HTML: <, >, & and ' escaped."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("'", "\\u0027").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def quarter_layer_data(boundaries: dict, *, outline: Any = None,
                       labels: list[tuple[float, float, str, int, str]] | None = None,
                       place_ids: set[str] | None = None) -> str:
    """The base map's quarter data as a JavaScript literal; compute it once and pass it to base_map(layer_data=)."""
    return _js_literal({
        "shapes": _slim_shapes(boundaries, place_ids),
        "outline": outline_to_geojson(outline),
        "names": [[round(a, 5), round(b, 5), n, int(z), pid] for a, b, n, z, pid in (labels or [])],
        "blank": settings.FACTION_COLOURS["unknown"],
    })


_PAINT_JS = Template("""
{% macro script(this, kwargs) %}
if (window.quartersPaint) { window.quartersPaint({{ this.paint|tojson }}); }
{% endmacro %}
""")


class _Paint(MacroElement):
    """Apply one date's paint to the quarter layer of the base map."""

    _template = _PAINT_JS

    def __init__(self, paint: dict) -> None:
        super().__init__()
        self._name = "QuarterPaint"
        self.paint = paint


def outline_to_geojson(outline: Any) -> dict | None:
    """Accept a GeoJSON dict, a shapely geometry or None and return GeoJSON (or None)."""
    if outline is None or isinstance(outline, dict):
        return outline
    from shapely.geometry import mapping

    return {"type": "Feature", "properties": {}, "geometry": mapping(outline)}


def _slim_shapes(boundaries: dict, keep: set[str] | None) -> dict:
    """Keep the properties the page needs and round coordinates to 5 decimals (about 1 m)."""

    def rnd(c: Any) -> Any:
        if c and isinstance(c[0], (list, tuple)):
            return [rnd(x) for x in c]
        return [round(float(v), 5) for v in c]

    feats = []
    for f in boundaries.get("features", []):
        pid = f.get("id") or f.get("properties", {}).get("id")
        if not pid or (keep is not None and pid not in keep):
            continue
        p = f.get("properties", {})
        geom = f["geometry"]
        feats.append({
            "type": "Feature", "id": pid,
            "properties": {"id": pid, "name_en": p.get("name_en", pid), "name_fr": p.get("name_fr", ""),
                           "name_ar": p.get("name_ar", ""), "approximate": bool(p.get("approximate"))},
            "geometry": {"type": geom["type"], "coordinates": rnd(geom["coordinates"])},
        })
    return {"type": "FeatureCollection", "features": feats}


def base_map(boundaries: dict | None = None, *, outline: Any = None,
             labels: list[tuple[float, float, str, int, str]] | None = None, layer_data: str | None = None,
             leaflet_js_url: str, leaflet_css_url: str, tiles: bool = False, place_ids: set[str] | None = None,
             center_lat_lon: tuple[float, float] = ALEPPO_CENTER_LAT_LON, zoom: int = DEFAULT_ZOOM) -> folium.Map:
    """Return the date-independent map: local Leaflet, outline, quarter polygons and names.

    ``boundaries`` is a GeoJSON FeatureCollection whose features have the place id as
    top-level ``id``; ``labels`` are (lat, lon, name, min zoom, place id) tuples: a name shows from that zoom on.
    ``layer_data`` (from :func:`quarter_layer_data`) replaces boundaries/outline/labels and
    saves serialising 150 kB of geometry on every rerun. With ``tiles=False`` no
    request leaves the machine; with ``tiles=True`` an OpenStreetMap layer is added.
    """
    m = folium.Map(location=list(center_lat_lon), zoom_start=zoom, tiles=None, control_scale=True,
                   prefer_canvas=False, zoom_snap=1)
    # folium points these at CDNs; the app serves Leaflet itself (geo/assets.py), nothing else is needed.
    m.default_js = [("leaflet", leaflet_js_url)]
    m.default_css = [("leaflet_css", leaflet_css_url)]
    if tiles:
        folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, name="OpenStreetMap", max_zoom=19).add_to(m)
    if layer_data is None:
        layer_data = quarter_layer_data(boundaries or {"features": []}, outline=outline, labels=labels,
                                        place_ids=place_ids)
    _QuarterLayer(layer_data).add_to(m)
    return m


def date_layer(paint: dict) -> folium.FeatureGroup:
    """Return the per-date layer for ``st_folium(feature_group_to_add=)``: it repaints the quarters."""
    fg = folium.FeatureGroup(name=f"control {paint.get('day', '')}", control=False)
    _Paint(paint).add_to(fg)
    return fg


def paint_json(paint: dict) -> str:
    """The paint as compact JSON (what the page receives on each date change)."""
    return json.dumps(paint, ensure_ascii=False, separators=(",", ":"))

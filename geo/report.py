"""Make the report picture (PNG) and the standalone offline HTML map of a date.

Both work without a display, a browser or the internet: the PNG is drawn with Pillow,
the HTML page inlines Leaflet from xstatic-leaflet (geo.assets) and a small vanilla
script. Text from articles is untrusted: the HTML escapes it (html.escape, JSON that
cannot close its <script>, DOM text nodes only); the PNG draws any Unicode without
failing (Arabic is shaped when Pillow has libraqm).

Public API
----------
report_png_bytes(claims, gazetteer, day, *, title=None, width=2000) -> bytes
export_png(claims, gazetteer, day, path) -> None
standalone_html(claims, gazetteer, day, *, title=None) -> str
export_html(claims, gazetteer, day, path) -> None
report_projection(gazetteer, *, width=2000) -> MapProjection   (pixel of a lon/lat in the PNG)

Every function also takes keyword-only ``states``/``shapes``/``outline`` overrides so
callers (the app, tests) can pass what they already computed. Failures raise
ExportError with the problem and the fix.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo import settings
from geo.errors import ExportError, GeoError
from geo.models import ControlState, EvidenceClaim, Place

__all__ = [
    "DATA_CREDITS", "MapProjection", "export_html", "export_png", "report_png_bytes",
    "report_projection", "standalone_html", "date_in_words",
]

DATA_CREDITS = (
    "Boundaries and names: UN OCHA Syria COD (city_neighbourhoods), UNITAR-UNOSAT (2015 damage "
    "assessment), Columbia University Center for Spatial Research \u201cConflict Urbanism: Aleppo\u201d "
    "(MIT licence), Wikipedia (CC BY-SA 4.0), GeoNames (CC BY 4.0)."
)
APPROX_NOTE = "Dashed outline: approximate boundary (no surveyed polygon for that quarter)."
DEFAULT_TITLE = "Aleppo: who controls each quarter"
FACTION_LABELS = {
    "government": "Government forces",
    "rebels": "Rebels",
    "kurds": "Kurdish forces",
    "isis": "Islamic State (ISIS)",
}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MIN_WIDTH = 1600
MAX_WIDTH = 6000


# --------------------------------------------------------------------------- shared data

def date_in_words(day: dt.date) -> str:
    """Return 'Monday 28 November 2016' (English, independent of the machine's locale)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _short_date(iso: str | None) -> str:
    """'2016-11-28' -> '28 Nov 2016'; month or year precision kept; anything else returned as is."""
    if not iso:
        return "date unknown"
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            d = dt.date.fromisoformat(iso)
            return f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
    except (ValueError, IndexError):
        pass
    return iso


# Control characters, and the bidi embedding/override/isolate controls: an article must not be
# able to reverse the text around its quote (Arabic needs none of them; ZWJ/ZWNJ are kept).
# Lone surrogates (from bytes decoded with surrogateescape) cannot be written as UTF-8: dropped too.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _clean(text: object) -> str:
    """One line of untrusted text: control characters dropped, whitespace collapsed."""
    s = _CONTROL_CHARS.sub("", str(text or ""))
    return " ".join(s.split())


def _truncate(text: str, limit: int) -> str:
    """Cut text at a word boundary near limit characters and add an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "\u2026"


def _load_states(claims: Sequence[EvidenceClaim], gazetteer: Any, day: dt.date) -> dict[str, ControlState]:
    try:
        from geo.timeline import control_on
    except ImportError as err:
        msg = f"the control timeline (geo.timeline) cannot be imported ({err}); update Quarters or pass states= explicitly"
        raise ExportError(msg) from err
    return control_on(list(claims), day, gazetteer)


def _states_by_change_date(claims: Sequence[EvidenceClaim], gazetteer: Any,
                           day: dt.date) -> dict[dt.date, dict[str, ControlState]]:
    """Every quarter's state on each change date and on day (one Timeline, many look-ups)."""
    try:
        from geo.timeline import Timeline
    except ImportError as err:
        msg = f"the control timeline (geo.timeline) cannot be imported ({err}); update Quarters"
        raise ExportError(msg) from err
    tl = Timeline(list(claims), gazetteer)
    days = sorted(set(tl.change_dates()) | {day})
    return {d: tl.control_on(d) for d in days}


@dataclass(frozen=True, slots=True)
class _Shape:
    place_id: str
    geometry: Any  # shapely Polygon/MultiPolygon in lon/lat
    approximate: bool


def _load_shapes(gazetteer: Any, shapes: Mapping[str, Any] | None) -> dict[str, _Shape]:
    """Every quarter's polygon: from geo.geometry (or the override), else a small dashed disc."""
    from shapely.geometry import Point

    if shapes is None:
        try:
            from geo.geometry import load_boundaries
        except ImportError as err:
            msg = f"quarter boundaries (geo.geometry) cannot be imported ({err}); update Quarters"
            raise ExportError(msg) from err
        try:
            shapes = load_boundaries()
        except GeoError:
            raise
        except Exception as err:  # a broken data file must become a message, not a traceback
            msg = f"quarter boundaries cannot be loaded ({type(err).__name__}: {err}); check {settings.BOUNDARIES_PATH}"
            raise ExportError(msg) from err
    out: dict[str, _Shape] = {}
    for pid, s in shapes.items():
        geom = getattr(s, "geometry", s)
        if geom is None or geom.is_empty:
            continue
        out[pid] = _Shape(pid, geom, bool(getattr(s, "approximate", False)))
    # Quarters with coordinates but no polygon still get a mark: a small disc (~150 m), dashed.
    for p in _quarters(gazetteer):
        if p.id not in out and p.lat is not None and p.lon is not None:
            disc = Point(p.lon, p.lat).buffer(0.0014, quad_segs=8)
            disc = _scale_lon(disc, 1 / math.cos(math.radians(p.lat)), p.lon)
            out[p.id] = _Shape(p.id, disc, True)
    if not out:
        msg = "no quarter has a boundary or coordinates, so there is nothing to draw; check gazetteer.csv and geo/data/boundaries.geojson"
        raise ExportError(msg)
    return out


def _scale_lon(geom: Any, factor: float, origin_lon: float) -> Any:
    from shapely import affinity

    return affinity.scale(geom, xfact=factor, yfact=1.0, origin=(origin_lon, 0.0))


def _load_outline(outline: Any) -> Any:
    if outline is not None:
        return getattr(outline, "geometry", outline)
    try:
        from geo.geometry import load_city_outline
    except ImportError:
        return None
    try:
        o = load_city_outline()
    except Exception:  # noqa: BLE001 - the outline is decoration; the map is still right without it
        return None
    return getattr(o, "geometry", o)


def _quarters(gazetteer: Any) -> list[Place]:
    places = getattr(gazetteer, "places", {})
    return [p for p in places.values() if p.kind == "quarter"]


def _place_name(gazetteer: Any, pid: str) -> str:
    p = gazetteer.get(pid) if hasattr(gazetteer, "get") else None
    return (p.name_en or p.name_fr or pid) if p else pid


def _contest_factions(state: ControlState) -> list[str]:
    """The factions of a contested quarter, in the order of settings.FACTIONS."""
    seen = {c.claim.faction for c in state.claims if c.claim.faction}
    if state.faction:
        seen.add(state.faction)
    order = list(settings.FACTIONS)
    return sorted(seen, key=lambda f: (order.index(f) if f in order else len(order), f))


def _state_key(state: ControlState | None) -> str:
    """'government' | 'rebels' | ... | 'contested' | 'unknown' (for legend counts)."""
    if state is None or state.status == "unknown":
        return "unknown"
    if state.status == "contested":
        return "contested"
    return state.faction or "unknown"


def _legend_counts(states: Mapping[str, ControlState], drawn: Iterable[str]) -> dict[str, int]:
    counts = {f: 0 for f in settings.FACTIONS} | {"contested": 0, "unknown": 0}
    for pid in drawn:
        k = _state_key(states.get(pid))
        counts[k] = counts.get(k, 0) + 1
    return counts


def _legend_label(key: str) -> str:
    if key == "contested":
        return "Contested (stripes: both sides)"
    if key == "unknown":
        return "Unknown (no report)"
    return FACTION_LABELS.get(key, key.capitalize())


@dataclass(frozen=True, slots=True)
class _SourceEntry:
    source: str
    published: str
    quote: str
    cited: str
    url: str
    places: tuple[str, ...]  # place ids it decides
    factions: tuple[str, ...]


def _source_entries(states: Mapping[str, ControlState]) -> list[_SourceEntry]:
    """The claims deciding each non-unknown quarter, de-duplicated, newest first."""
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for pid, st in states.items():
        if st.status == "unknown":
            continue
        for ev in st.claims:
            key = (_clean(ev.source), _clean(ev.published), _clean(ev.claim.quote))
            e = merged.setdefault(key, {"cited": _clean(ev.claim.attributed_to), "url": _clean(ev.url),
                                        "places": [], "factions": []})
            if pid not in e["places"]:
                e["places"].append(pid)
            if ev.claim.faction and ev.claim.faction not in e["factions"]:
                e["factions"].append(ev.claim.faction)
    out = [_SourceEntry(k[0] or "unknown outlet", k[1], k[2], v["cited"], v["url"], tuple(v["places"]), tuple(v["factions"]))
           for k, v in merged.items()]
    out.sort(key=lambda e: (e.published, e.source, e.quote), reverse=True)
    return out


# --------------------------------------------------------------------------- projection

@dataclass(frozen=True, slots=True)
class MapProjection:
    """Equirectangular lon/lat -> pixel projection with a cos(lat) aspect correction.

    ``box`` is (left, top, right, bottom) in pixels of the final picture; the bounds are
    centred in it with equal scale on both axes (metres on the ground).
    """

    lon_min: float
    lat_min: float
    lon_max: float
    lat_max: float
    box: tuple[int, int, int, int]
    scale: float  # pixels per degree of latitude
    kx: float  # cos(mid latitude)
    x0: float
    y0: float

    def lon_lat_to_px(self, lon: float, lat: float) -> tuple[float, float]:
        """Return the (x, y) pixel of a point given in (lon, lat) order."""
        return (self.x0 + (lon - self.lon_min) * self.kx * self.scale,
                self.y0 + (self.lat_max - lat) * self.scale)

    def scaled(self, factor: float) -> MapProjection:
        """The same projection on a picture factor times larger (for supersampling)."""
        return MapProjection(self.lon_min, self.lat_min, self.lon_max, self.lat_max,
                             tuple(int(round(v * factor)) for v in self.box),  # type: ignore[arg-type]
                             self.scale * factor, self.kx, self.x0 * factor, self.y0 * factor)


def _fit_projection(bounds: tuple[float, float, float, float], box: tuple[int, int, int, int]) -> MapProjection:
    lon_min, lat_min, lon_max, lat_max = bounds
    kx = math.cos(math.radians((lat_min + lat_max) / 2))
    w_deg = max((lon_max - lon_min) * kx, 1e-9)
    h_deg = max(lat_max - lat_min, 1e-9)
    left, top, right, bottom = box
    scale = min((right - left) / w_deg, (bottom - top) / h_deg)
    x0 = left + ((right - left) - w_deg * scale) / 2
    y0 = top + ((bottom - top) - h_deg * scale) / 2
    return MapProjection(lon_min, lat_min, lon_max, lat_max, box, scale, kx, x0, y0)


def _bounds(shapes: Mapping[str, _Shape], outline: Any) -> tuple[float, float, float, float]:
    xs0, ys0, xs1, ys1 = [], [], [], []
    for s in shapes.values():
        b = s.geometry.bounds
        xs0.append(b[0]); ys0.append(b[1]); xs1.append(b[2]); ys1.append(b[3])  # noqa: E702
    if outline is not None and not outline.is_empty:
        b = outline.bounds
        xs0.append(b[0]); ys0.append(b[1]); xs1.append(b[2]); ys1.append(b[3])  # noqa: E702
    lon_min, lat_min, lon_max, lat_max = min(xs0), min(ys0), max(xs1), max(ys1)
    pad_x, pad_y = (lon_max - lon_min) * 0.03, (lat_max - lat_min) * 0.03
    return lon_min - pad_x, lat_min - pad_y, lon_max + pad_x, lat_max + pad_y


@dataclass(frozen=True, slots=True)
class _Layout:
    width: int
    s: float  # size factor relative to a 2000 px picture
    margin: int
    header_h: int
    map_box: tuple[int, int, int, int]
    side_x: int


def _layout(width: int, bounds: tuple[float, float, float, float]) -> _Layout:
    s = width / 2000
    margin = round(48 * s)
    header_h = round(190 * s)
    map_w = round(width * 0.64)
    lon_min, lat_min, lon_max, lat_max = bounds
    kx = math.cos(math.radians((lat_min + lat_max) / 2))
    aspect = (lat_max - lat_min) / max((lon_max - lon_min) * kx, 1e-9)
    map_h = round(map_w * min(max(aspect, 0.6), 1.25))
    box = (margin, margin + header_h, margin + map_w, margin + header_h + map_h)
    return _Layout(width, s, margin, header_h, box, margin + map_w + round(44 * s))


def _check_width(width: int) -> int:
    if not isinstance(width, int) or isinstance(width, bool) or not MIN_WIDTH <= width <= MAX_WIDTH:
        msg = f"width {width!r} is outside {MIN_WIDTH}..{MAX_WIDTH} px; use e.g. 2000 (screen) or 2400 (print)"
        raise ExportError(msg)
    return width


def report_projection(gazetteer: Any, *, width: int = 2000, shapes: Mapping[str, Any] | None = None,
                      outline: Any = None) -> MapProjection:
    """Return the projection report_png_bytes uses for this width: lon/lat -> picture pixel."""
    width = _check_width(width)
    shp = _load_shapes(gazetteer, shapes)
    out = _load_outline(outline)
    b = _bounds(shp, out)
    return _fit_projection(b, _layout(width, b).map_box)


# --------------------------------------------------------------------------- PNG

_FONT_FILES = {
    False: ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
            "DejaVuSans.ttf", "NotoSans-Regular.ttf", "Arial.ttf"),
    True: ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
           "DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf", "Arial Bold.ttf"),
}
# Looked up by name in the system's font folders (Linux XDG dirs, macOS and Windows font folders).
_FONT_FALLBACK_NAMES = {
    False: ("LiberationSans-Regular.ttf", "arial.ttf", "Arial Unicode.ttf", "segoeui.ttf", "Helvetica.ttc"),
    True: ("LiberationSans-Bold.ttf", "arialbd.ttf", "segoeuib.ttf", "Helvetica.ttc"),
}
_font_cache: dict[tuple[int, bool], Any] = {}


def _font(size: int, *, bold: bool = False) -> Any:
    """A TrueType font of this pixel size: DejaVu, else Noto, else Pillow's bundled scalable font."""
    from PIL import ImageFont

    size = max(6, int(size))
    key = (size, bold)
    if key not in _font_cache:
        font = None
        for name in (*_FONT_FILES[bold], *_FONT_FALLBACK_NAMES[bold]):
            try:
                font = ImageFont.truetype(name, size)
                break
            except OSError:
                continue
        if font is None:
            font = ImageFont.load_default(size=size)
        _font_cache[key] = font
    return _font_cache[key]


_ASCII_SUBSTITUTES = {"\u2192": "->", "\u2014": "-", "\u2013": "-", "\u00b7": "-", "\u2026": "...",
                      "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00ab": '"', "\u00bb": '"'}
_glyph_cache: dict[tuple[int, str], bool] = {}
_glyph_fonts: dict[int, Any] = {}


def _has_glyph(font: Any, ch: str) -> bool:
    """Whether font draws ch as something other than its 'missing glyph' box."""
    key = (id(font), ch)
    _glyph_fonts.setdefault(id(font), font)  # keep the font alive so its id is never reused
    if key not in _glyph_cache:
        try:
            if ch.isspace() or ord(ch) < 0x7F or unicodedata.category(ch) == "Cf":
                _glyph_cache[key] = True
            else:
                missing = (id(font), "\U000e0001")
                if missing not in _glyph_cache:
                    _glyph_cache[missing] = bytes(font.getmask("\U000e0001"))  # type: ignore[assignment]
                _glyph_cache[key] = bytes(font.getmask(ch)) != _glyph_cache[missing]
        except Exception:  # noqa: BLE001 - unknown: assume it draws
            _glyph_cache[key] = True
    return bool(_glyph_cache[key])


def _renderable(font: Any, text: str) -> str:
    """Text with characters the font lacks replaced: accents dropped (é -> e), arrows and quotes in ASCII.

    With DejaVu or Noto this changes almost nothing (emoji stay as boxes); with Pillow's bundled
    font, which has only ASCII, it keeps French and English readable instead of printing boxes.
    """
    if all(_has_glyph(font, ch) for ch in set(text)):
        return text
    out = []
    for ch in text:
        if _has_glyph(font, ch):
            out.append(ch)
        elif ch in _ASCII_SUBSTITUTES:
            out.append(_ASCII_SUBSTITUTES[ch])
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            out.append(base if base and base != ch and all(_has_glyph(font, c) for c in base) else "?")
    return "".join(out)


def _text_width(font: Any, text: str) -> float:
    try:
        return float(font.getlength(_renderable(font, text)))
    except Exception:  # noqa: BLE001 - an odd glyph must not stop a report; estimate instead
        return len(text) * font.size * 0.6


def _wrap(text: str, font: Any, max_w: float, *, max_lines: int = 0) -> list[str]:
    """Break text into lines no wider than max_w px (very long words are cut by character)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        cand = f"{line} {word}" if line else word
        if _text_width(font, cand) <= max_w:
            line = cand
            continue
        if line:
            lines.append(line)
        line = ""
        while _text_width(font, word) > max_w and len(word) > 1:
            # Cut the longest prefix that fits (binary search keeps this fast on huge words).
            lo, hi = 1, len(word)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if _text_width(font, word[:mid]) <= max_w:
                    lo = mid
                else:
                    hi = mid - 1
            lines.append(word[:lo])
            word = word[lo:]
        line = word
    if line:
        lines.append(line)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and _text_width(font, last + "\u2026") > max_w:
            last = last[:-1]
        lines[-1] = last.rstrip() + "\u2026"
    return lines


def _draw_text(draw: Any, xy: tuple[float, float], text: str, font: Any, fill: str, **kw: Any) -> None:
    text = _renderable(font, text)
    try:
        draw.text(xy, text, font=font, fill=fill, **kw)
    except Exception:  # noqa: BLE001 - a glyph the shaper rejects: draw what ASCII we can, never fail
        safe = unicodedata.normalize("NFKD", text).encode("ascii", "replace").decode("ascii")
        draw.text(xy, safe, font=font, fill=fill, **kw)


def _hex_rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _rings_px(geom: Any, proj: MapProjection) -> list[tuple[list[tuple[float, float]], list[list[tuple[float, float]]]]]:
    """Exterior and holes of each polygon part, in pixels."""
    parts = list(getattr(geom, "geoms", [geom]))
    out = []
    for poly in parts:
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        ext = [proj.lon_lat_to_px(x, y) for x, y in poly.exterior.coords]
        holes = [[proj.lon_lat_to_px(x, y) for x, y in r.coords] for r in poly.interiors]
        out.append((ext, holes))
    return out


def _stripes(size: tuple[int, int], colours: Sequence[str], band: int) -> Any:
    """An image of 45-degree stripes cycling through colours, each band px wide."""
    from PIL import Image, ImageDraw

    w, h = size
    img = Image.new("RGB", size, colours[0])
    d = ImageDraw.Draw(img)
    n = len(colours)
    period = band * n
    # Lines x + y = c for c in a band of width `band`; draw as thick polygons.
    i = 0
    for c in range(-period, w + h + period, band):
        col = colours[i % n]
        i += 1
        d.polygon([(c, 0), (c + band, 0), (c + band - h, h), (c - h, h)], fill=col)
    return img


def _dashed(draw: Any, pts: Sequence[tuple[float, float]], fill: str, width: int, on: float, off: float) -> None:
    """Draw a dashed polyline (Pillow has no dash style)."""
    carry = 0.0  # distance already used in the current on/off period
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        seg = math.hypot(x1 - x0, y1 - y0)
        if seg == 0:
            continue
        pos = 0.0
        while pos < seg:
            period_pos = carry % (on + off)
            if period_pos < on:
                step = min(on - period_pos, seg - pos)
                a, b = pos / seg, (pos + step) / seg
                draw.line([(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a), (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)],
                          fill=fill, width=width)
            else:
                step = min(on + off - period_pos, seg - pos)
            pos += step
            carry += step


def _fill_for(state: ControlState | None) -> tuple[str, list[str] | None]:
    """(solid colour, stripe colours or None) of a quarter's state."""
    colours = settings.FACTION_COLOURS
    if state is None or state.status == "unknown":
        return colours["unknown"], None
    if state.status == "contested":
        fs = [colours[f] for f in _contest_factions(state) if f in colours]
        if len(fs) < 2:
            fs = (fs or [colours["contested"]]) + ["#ffffff"]
        return colours["contested"], fs
    return colours.get(state.faction or "", colours["unknown"]), None


def _render_map(proj: MapProjection, shapes: Mapping[str, _Shape], states: Mapping[str, ControlState],
                outline: Any, ss: int, s: float) -> Any:
    """The map box drawn at ss times the size, then reduced (antialiased edges)."""
    from PIL import Image, ImageDraw

    left, top, right, bottom = proj.box
    big = proj.scaled(ss)
    bl, bt = big.box[0], big.box[1]
    size = (big.box[2] - bl, big.box[3] - bt)

    def shift(pts: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(x - bl, y - bt) for x, y in pts]

    img = Image.new("RGB", size, "#f4f3ee")
    draw = ImageDraw.Draw(img)
    if outline is not None and not outline.is_empty:
        for ext, holes in _rings_px(outline, big):
            draw.polygon(shift(ext), fill="#e6e4dc")
            for h in holes:
                draw.polygon(shift(h), fill="#f4f3ee")
    stripe_cache: dict[tuple[str, ...], Any] = {}
    band = max(2, round(7 * s)) * ss  # 7 px stripes on a 2000 px picture, in proportion otherwise
    for pid, shape in shapes.items():
        colour, stripes = _fill_for(states.get(pid))
        rings = _rings_px(shape.geometry, big)
        if stripes:
            key = tuple(stripes)
            if key not in stripe_cache:
                stripe_cache[key] = _stripes(size, stripes, band)
            mask = Image.new("L", size, 0)
            md = ImageDraw.Draw(mask)
            for ext, holes in rings:
                md.polygon(shift(ext), fill=255)
                for h in holes:
                    md.polygon(shift(h), fill=0)
            img.paste(stripe_cache[key], (0, 0), mask)
        else:
            for ext, holes in rings:
                draw.polygon(shift(ext), fill=colour)
                for h in holes:
                    draw.polygon(shift(h), fill="#e6e4dc")
    # Borders after fills so neighbours do not cover each other's edges.
    for shape in shapes.values():
        for ext, holes in _rings_px(shape.geometry, big):
            for ring in [ext, *holes]:
                pts = shift(ring)
                if shape.approximate:
                    _dashed(draw, pts, "#222222", max(2, round(1.6 * ss)), on=7 * ss, off=5 * ss)
                else:
                    draw.line(pts, fill="#ffffff", width=max(1, round(1.0 * ss)), joint="curve")
    if outline is not None and not outline.is_empty:
        for ext, holes in _rings_px(outline, big):
            for ring in [ext, *holes]:
                draw.line(shift(ring), fill="#6b6b6b", width=max(2, round(2.2 * ss)), joint="curve")
    # A box average of each ss x ss block is exactly supersampling, and 3x faster than Lanczos here.
    small = img.reduce(ss)
    if small.size != (right - left, bottom - top):
        small = small.resize((right - left, bottom - top), Image.Resampling.BILINEAR)
    return small


_TextOp = tuple[tuple[float, float], str, Any, str, str]  # (x, y), text, font, fill, halo


def _plan_labels(proj: MapProjection, shapes: Mapping[str, _Shape], states: Mapping[str, ControlState],
                 gazetteer: Any, s: float) -> tuple[int, list[tuple[int, str]], list[_TextOp], int]:
    """Place English names inside quarters where they fit without overlap, numbers in small coloured ones.

    Return how many names fit, the (number, place id) key of the numbered quarters, the text
    to draw (the picture's height depends on the key, so nothing is drawn here), and how many
    coloured quarters got neither a name nor a number (no room left).
    """
    ops: list[_TextOp] = []
    from shapely.geometry import Polygon, box
    from shapely.ops import polylabel

    placed: list[Any] = []
    unlabeled: list[tuple[str, Any]] = []
    count = 0
    # Largest quarters first: they get the best spots.
    items = []
    for pid, shape in shapes.items():
        polys = [Polygon(ext, holes) for ext, holes in _rings_px(shape.geometry, proj)]
        polys = [p if p.is_valid else p.buffer(0) for p in polys]
        polys = [p for p in polys if not p.is_empty]
        if not polys:
            continue
        main = max(polys, key=lambda p: p.area)
        if main.geom_type == "MultiPolygon":
            main = max(main.geoms, key=lambda p: p.area)
        items.append((main.area, pid, main))
    items.sort(reverse=True, key=lambda t: t[0])
    for _area, pid, poly in items:
        name = _clean(_place_name(gazetteer, pid))
        if not name:
            continue
        try:
            anchor = polylabel(poly, tolerance=1.0)
        except Exception:  # noqa: BLE001 - odd rings: fall back to a point surely inside
            anchor = poly.representative_point()
        roomy = poly.buffer(3 * s)
        done = False
        for size in (19, 17, 15, 13, 12):
            font = _font(round(size * s), bold=True)
            for lines in _label_layouts(name, font):
                lw = max(_text_width(font, ln) for ln in lines)
                lh = font.size * 1.15 * len(lines)
                bx = box(anchor.x - lw / 2, anchor.y - lh / 2, anchor.x + lw / 2, anchor.y + lh / 2)
                if not roomy.contains(bx) or any(bx.intersects(p) for p in placed):
                    continue
                st = states.get(pid)
                dark = _state_key(st) in ("isis",)
                fill, halo = ("#ffffff", "#000000") if dark else ("#111111", "#ffffff")
                y = anchor.y - lh / 2
                for ln in lines:
                    w = _text_width(font, ln)
                    ops.append(((anchor.x - w / 2, y), ln, font, fill, halo))
                    y += font.size * 1.15
                placed.append(bx.buffer(2 * s))
                count += 1
                done = True
                break
            if done:
                break
        if not done:
            unlabeled.append((pid, anchor))
    # Coloured quarters too small for a name get a number (north to south, then west to east),
    # keyed beside the map, so every colour on the picture can be named.
    key: list[tuple[int, str]] = []
    rows = sorted((a.y // max(1.0, 40 * s), a.x, pid, a) for pid, a in unlabeled
                  if _state_key(states.get(pid)) != "unknown")
    small_fonts = [_font(round(13 * s), bold=True), _font(round(11 * s), bold=True), _font(round(9.5 * s), bold=True)]
    for _row, _x, pid, anchor in rows:
        text = str(len(key) + 1)
        for font in small_fonts:  # a smaller number where the big one would touch a neighbour's
            w, h = _text_width(font, text), font.size * 1.1
            bx = box(anchor.x - w / 2 - 1, anchor.y - h / 2, anchor.x + w / 2 + 1, anchor.y + h / 2)
            if not any(bx.intersects(p) for p in placed):
                break
        else:
            continue
        dark = _state_key(states.get(pid)) == "isis"
        fill, halo = ("#ffffff", "#000000") if dark else ("#111111", "#ffffff")
        ops.append(((anchor.x - w / 2, anchor.y - h / 2), text, font, fill, halo))
        placed.append(bx.buffer(1 * s))
        key.append((len(key) + 1, pid))
    return count, key, ops, len(rows) - len(key)


def _number_key_grid(n: int, width: int, s: float) -> tuple[int, int, int, int]:
    """(columns, rows, column width, line height) of the numbered-quarter key."""
    col_w = round(300 * s)
    cols = max(1, min(n, width // col_w)) if n else 1
    rows = -(-n // cols) if n else 0
    return cols, rows, col_w, round(15 * s * 1.45)


def _draw_number_key(draw: Any, key: Sequence[tuple[int, str]], gazetteer: Any, xy: tuple[int, int],
                     width: int, s: float) -> None:
    """'1 Sakhour' entries in columns, numbered north to south."""
    x, y = xy
    _draw_text(draw, (x, y), "Numbered quarters", _font(round(22 * s), bold=True), "#111111")
    y += round(36 * s)
    f = _font(round(15 * s))
    fb = _font(round(15 * s), bold=True)
    cols, rows, col_w, line_h = _number_key_grid(len(key), width, s)
    for i, (num, pid) in enumerate(key):
        cx = x + (i // rows) * col_w
        cy = y + (i % rows) * line_h
        _draw_text(draw, (cx, cy), str(num), fb, "#111111")
        name = _wrap(_clean(_place_name(gazetteer, pid)), f, col_w - round(44 * s), max_lines=1)[0]
        _draw_text(draw, (cx + round(36 * s), cy), name, f, "#333333")


def _label_layouts(name: str, font: Any) -> list[list[str]]:
    """One line, then the most balanced two-line split at a space or hyphen."""
    out = [[name]]
    cuts = [i for i, ch in enumerate(name) if ch in " -"]
    if cuts:
        best = min(cuts, key=lambda i: abs(_text_width(font, name[:i]) - _text_width(font, name[i + 1:])))
        first = name[: best + (1 if name[best] == "-" else 0)].strip()
        out.append([first, name[best + 1:].strip()])
    return out


def report_png_bytes(claims: list[EvidenceClaim], gazetteer: Any, day: dt.date, *, title: str | None = None,
                     width: int = 2000, states: Mapping[str, ControlState] | None = None,
                     shapes: Mapping[str, Any] | None = None, outline: Any = None,
                     max_sources: int = 24) -> bytes:
    """Draw the report picture of day and return PNG bytes; raise ExportError on failure.

    The picture has the map (quarters coloured by state, contested striped, approximate
    boundaries dashed, the city outline, English names where they fit), the title, the date
    in words, a legend with counts, the sources behind the colours and the data credits.
    """
    try:
        from PIL import Image, ImageDraw
    except ImportError as err:
        msg = "Pillow is not installed, so no picture can be drawn; run: python3 -m pip install pillow==13.0.0"
        raise ExportError(msg) from err
    width = _check_width(width)
    if not isinstance(day, dt.date):
        msg = f"day {day!r} is not a date; pass datetime.date(2016, 11, 28) or --date 2016-11-28"
        raise ExportError(msg)
    shp = _load_shapes(gazetteer, shapes)
    out_geom = _load_outline(outline)
    st = dict(states) if states is not None else _load_states(claims, gazetteer, day)
    bounds = _bounds(shp, out_geom)
    lay = _layout(width, bounds)
    proj = _fit_projection(bounds, lay.map_box)
    s = lay.s
    ss = 3 if width <= 2600 else 2

    # Sources block (below the map, two columns) decides the picture's height.
    entries = _source_entries({pid: v for pid, v in st.items() if pid in shp or gazetteer.get(pid)})
    col_gap = round(40 * s)
    col_w = (width - 2 * lay.margin - col_gap) // 2
    f_src = _font(round(17 * s))
    f_src_b = _font(round(17 * s), bold=True)
    line_h = round(17 * s * 1.35)
    blocks = []
    for e in entries[:max_sources]:
        head = f"{e.source} \u00b7 {_short_date(e.published)}" + (f" \u00b7 citing {_truncate(e.cited, 60)}" if e.cited else "")
        names = ", ".join(_place_name(gazetteer, p) for p in e.places[:6]) + (f" and {len(e.places) - 6} more" if len(e.places) > 6 else "")
        facts = "/".join(FACTION_LABELS.get(f, f) for f in e.factions)
        body = f"\u201c{_truncate(e.quote, 220)}\u201d" if e.quote else "(no quote)"
        lines = [("b", ln) for ln in _wrap(_truncate(head, 160), f_src_b, col_w, max_lines=2)]
        lines += [("q", ln) for ln in _wrap(body, f_src, col_w, max_lines=4)]
        lines += [("p", ln) for ln in _wrap(f"\u2192 {names}" + (f" ({facts})" if facts else ""), f_src, col_w, max_lines=2)]
        blocks.append(lines)
    more = len(entries) - len(blocks)
    # Fill column 1 then column 2, balancing heights.
    total = sum(len(b) + 0.6 for b in blocks)
    cols: list[list[list[tuple[str, str]]]] = [[], []]
    acc = 0.0
    for b in blocks:
        cols[0 if acc + len(b) / 2 <= total / 2 else 1].append(b)
        acc += len(b) + 0.6
    col_h = max((sum(len(b) + 0.6 for b in c) for c in cols), default=0) * line_h
    n_labels, number_key, label_ops, n_unmarked = _plan_labels(proj, shp, st, gazetteer, s)
    key_top = lay.map_box[3] + round(40 * s)
    _cols, key_rows, _cw, key_lh = _number_key_grid(len(number_key), width - 2 * lay.margin, s)
    key_h = round(36 * s) + key_rows * key_lh + round(10 * s) if number_key else 0
    src_top = key_top + key_h + round(20 * s) if number_key else lay.map_box[3] + round(50 * s)
    src_h = round(50 * s) + col_h + (line_h * 2 if more else 0) + (line_h if not blocks else 0)
    credits_top = src_top + src_h + round(30 * s)
    f_cred = _font(round(16 * s))
    cred_lines = _wrap(DATA_CREDITS + " Map made with Quarters (open source); no map tiles are used.",
                       f_cred, width - 2 * lay.margin)
    height = int(credits_top + len(cred_lines) * round(16 * s * 1.4) + lay.margin)

    img = Image.new("RGB", (width, height), "#ffffff")
    try:
        img.paste(_render_map(proj, shp, st, out_geom, ss, s), lay.map_box[:2])
    except MemoryError as err:
        msg = f"not enough memory to draw a {width} px picture; try a smaller width, e.g. 1600"
        raise ExportError(msg) from err
    draw = ImageDraw.Draw(img)
    draw.rectangle(lay.map_box, outline="#9a9a9a", width=max(1, round(s)))
    for (lx, ly), text, font, fill, halo in label_ops:
        _draw_text(draw, (lx, ly), text, font, fill, stroke_width=max(1, round(2 * s)), stroke_fill=halo)
    if number_key:
        _draw_number_key(draw, number_key, gazetteer, (lay.margin, key_top), width - 2 * lay.margin, s)

    # Header.
    m = lay.margin
    f_title = _font(round(46 * s), bold=True)
    title_text = _wrap(_clean(title) or DEFAULT_TITLE, f_title, width - 2 * m, max_lines=1)[0]
    _draw_text(draw, (m, m), title_text, f_title, "#111111")
    _draw_text(draw, (m, m + round(62 * s)), date_in_words(day), _font(round(34 * s)), "#222222")
    counted = [c for c in claims if c.review != "rejected"]
    n_docs = len({c.document_id for c in counted})
    sub = (f"Control of each quarter on this day, from {len(counted)} claim{'s' * (len(counted) != 1)} "
           f"in {n_docs} article{'s' * (n_docs != 1)}. Every colour is backed by the sources listed below.")
    _draw_text(draw, (m, m + round(112 * s)), sub, _font(round(20 * s)), "#555555")

    # Legend (right of the map).
    x = lay.side_x
    y = lay.map_box[1]
    side_w = width - m - x
    _draw_text(draw, (x, y), "Legend", _font(round(28 * s), bold=True), "#111111")
    y += round(50 * s)
    counts = _legend_counts(st, shp.keys())
    sw = round(34 * s)
    f_leg = _font(round(20 * s))
    for key in (*settings.FACTIONS, "contested", "unknown"):
        if key == "contested":
            sample = _stripes((sw, sw), [settings.FACTION_COLOURS["government"], settings.FACTION_COLOURS["rebels"]],
                              max(3, round(6 * s)))
            img.paste(sample, (x, y))
        else:
            draw.rectangle((x, y, x + sw, y + sw), fill=settings.FACTION_COLOURS.get(key, "#cccccc"))
        draw.rectangle((x, y, x + sw, y + sw), outline="#555555", width=1)
        n = counts.get(key, 0)
        _draw_text(draw, (x + sw + round(14 * s), y + round(5 * s)),
                   f"{_legend_label(key)}: {n} quarter{'s' * (n != 1)}", f_leg, "#111111")
        y += sw + round(14 * s)
    # Line samples.
    y += round(10 * s)
    _dashed(draw, [(x, y + sw / 2), (x + sw, y + sw / 2)], "#222222", max(2, round(2 * s)), on=7 * s, off=5 * s)
    for ln in _wrap("Approximate boundary (dashed)", f_leg, side_w - sw - 14 * s):
        _draw_text(draw, (x + sw + round(14 * s), y + round(5 * s)), ln, f_leg, "#111111")
        y += round(26 * s)
    y += round(14 * s)
    draw.line([(x, y + sw / 2), (x + sw, y + sw / 2)], fill="#6b6b6b", width=max(2, round(3 * s)))
    _draw_text(draw, (x + sw + round(14 * s), y + round(5 * s)), "City outline", f_leg, "#111111")
    y += sw + round(30 * s)
    f_note = _font(round(17 * s))
    notes = [
        APPROX_NOTE,
        "Contested: sources name different factions within a few days; the stripes show both colours.",
        "Unknown: no report about the quarter yet. Nothing is guessed.",
        f"Names are shown where they fit ({n_labels} of {len(shp)} quarters); numbers mark "
        "coloured quarters too small for a name (key below the map)"
        + (f"; {n_unmarked} tiny coloured quarter{'s' * (n_unmarked != 1)} had room for neither (the HTML map names them)."
           if n_unmarked else "."),
    ]
    for note in notes:
        for ln in _wrap(note, f_note, side_w):
            _draw_text(draw, (x, y), ln, f_note, "#444444")
            y += round(17 * s * 1.35)
        y += round(10 * s)

    # Sources.
    _draw_text(draw, (m, src_top), "Sources behind the colours", _font(round(28 * s), bold=True), "#111111")
    y0 = src_top + round(50 * s)
    if not blocks:
        _draw_text(draw, (m, y0), "No quarter has a known state on this day, so no source is cited.", f_src, "#444444")
    for ci, col in enumerate(cols):
        cx = m + ci * (col_w + col_gap)
        cy = y0
        for b in col:
            for kind, ln in b:
                colr = {"b": "#111111", "q": "#333333", "p": "#555555"}[kind]
                _draw_text(draw, (cx, cy), ln, f_src_b if kind == "b" else f_src, colr)
                cy += line_h
            cy += round(line_h * 0.6)
    if more:
        _draw_text(draw, (m, y0 + col_h + round(line_h * 0.5)),
                   f"and {more} more source{'s' * (more != 1)}: see the HTML map or `python -m geo claims`.",
                   f_src_b, "#111111")
    # Credits.
    draw.line([(m, credits_top - round(12 * s)), (width - m, credits_top - round(12 * s))], fill="#cccccc", width=1)
    cy = credits_top
    for ln in cred_lines:
        _draw_text(draw, (m, cy), ln, f_cred, "#555555")
        cy += round(16 * s * 1.4)

    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False, compress_level=6, dpi=(200, 200))
    return buf.getvalue()


def _write_bytes(path: Path, data: bytes, what: str) -> None:
    path = Path(path)
    try:
        if path.parent and not path.parent.exists():
            msg = f"cannot write {what} to {path}: the folder {path.parent} does not exist; create it or choose another path"
            raise ExportError(msg)
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as err:
        msg = f"cannot write {what} to {path} ({err.strerror or err}); check the path and that you may write there"
        raise ExportError(msg) from err


def export_png(claims: list[EvidenceClaim], gazetteer: Any, day: dt.date, path: Path, **kw: Any) -> None:
    """Write the report picture of day to path (PNG); raise ExportError on failure."""
    _write_bytes(Path(path), report_png_bytes(claims, gazetteer, day, **kw), "the report picture")


# --------------------------------------------------------------------------- HTML

def _json_for_script(obj: Any) -> str:
    """JSON that is safe inside <script>: no '<', '>', '&', U+2028/9 survive unescaped."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _safe_url(url: str) -> str:
    u = _clean(url)
    return u if re.match(r"^https?://[^\s\"'<>]+$", u, re.IGNORECASE) else ""


def _geojson_coords(geom: Any, ndigits: int = 5) -> tuple[str, Any]:
    """(type, coordinates) of a shapely polygon/multipolygon, rounded (~1 m)."""
    def ring(r: Any) -> list[list[float]]:
        return [[round(x, ndigits), round(y, ndigits)] for x, y in r.coords]

    parts = [p for p in getattr(geom, "geoms", [geom]) if p.geom_type == "Polygon" and not p.is_empty]
    polys = [[ring(p.exterior), *[ring(h) for h in p.interiors]] for p in parts]
    if len(polys) == 1:
        return "Polygon", polys[0]
    return "MultiPolygon", polys


def _label_lon_lat(geom: Any) -> tuple[float, float]:
    """A point well inside the largest part of geom (pole of inaccessibility), in (lon, lat)."""
    from shapely.ops import polylabel

    part = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
    try:
        pt = polylabel(part, tolerance=0.00005)
    except Exception:  # noqa: BLE001 - invalid rings: any interior point will do
        pt = part.representative_point()
    return pt.x, pt.y


def _region_quarters(gazetteer: Any) -> dict[str, list[str]]:
    """Each region's quarters, following regions inside regions (cycles are cut)."""
    places = getattr(gazetteer, "places", {})

    def expand(pid: str, seen: frozenset[str]) -> list[str]:
        out: list[str] = []
        for m in places[pid].members:
            p = places.get(m)
            if p is None or m in seen:
                continue
            out += expand(m, seen | {m}) if p.kind == "region" else [m]
        return out

    return {p.id: sorted(set(expand(p.id, frozenset({p.id})))) for p in places.values() if p.kind == "region"}


def _html_payload(claims: Sequence[EvidenceClaim], gazetteer: Any, day: dt.date,
                  states_by_day: Mapping[dt.date, Mapping[str, ControlState]],
                  shapes: Mapping[str, _Shape], outline: Any) -> dict[str, Any]:
    """Everything the page script needs, with a de-duplicated table of states."""
    order = sorted(shapes)
    quarters = []
    for pid in order:
        p = gazetteer.get(pid)
        gtype, coords = _geojson_coords(shapes[pid].geometry)
        lon, lat = _label_lon_lat(shapes[pid].geometry)
        quarters.append({
            "id": pid, "en": _clean(p.name_en if p else pid), "fr": _clean(p.name_fr if p else ""),
            "ar": _clean(p.name_ar if p else ""), "approx": shapes[pid].approximate,
            "label": [round(lat, 5), round(lon, 5)],
            "geom": {"type": gtype, "coordinates": coords},
        })
    claim_index: dict[int, int] = {}
    claim_rows: list[dict[str, Any]] = []

    def claim_ref(ev: EvidenceClaim) -> int:
        if ev.claim_id not in claim_index:
            claim_index[ev.claim_id] = len(claim_rows)
            c = ev.claim
            claim_rows.append({
                "place": c.place_id or "", "mention": _clean(c.mention), "faction": c.faction or "",
                "kind": c.kind or "", "date": c.date or "", "quote": _clean(c.quote),
                "cited": _clean(c.attributed_to), "source": _clean(ev.source), "published": _clean(ev.published),
                "title": _clean(ev.title), "url": _safe_url(ev.url), "review": ev.review,
            })
        return claim_index[ev.claim_id]

    for ev in claims:  # every claim, for the per-quarter history in the panel
        if ev.review != "rejected":
            claim_ref(ev)
    state_index: dict[tuple[Any, ...], int] = {}
    state_rows: list[list[Any]] = []
    dates = sorted(states_by_day)
    table: list[list[int]] = []
    for d in dates:
        sts = states_by_day[d]
        row = []
        for pid in order:
            stt = sts.get(pid)
            if stt is None:
                key: tuple[Any, ...] = ("unknown", "", [], None, False, ())
            else:
                fs = _contest_factions(stt) if stt.status == "contested" else ([stt.faction] if stt.faction else [])
                key = (stt.status, stt.faction or "", tuple(fs), stt.since, stt.approximate,
                       tuple(claim_ref(c) for c in stt.claims))
            if key not in state_index:
                state_index[key] = len(state_rows)
                state_rows.append([key[0], key[1], list(key[2]), key[3], key[4], list(key[5])])
            row.append(state_index[key])
        table.append(row)
    region_members = _region_quarters(gazetteer)
    outline_geo = None
    if outline is not None and not outline.is_empty:
        gtype, coords = _geojson_coords(outline)
        outline_geo = {"type": gtype, "coordinates": coords}
    return {
        "dates": [d.isoformat() for d in dates],
        "dateWords": [date_in_words(d) for d in dates],
        "start": dates.index(day) if day in dates else len(dates) - 1,
        "quarters": quarters, "states": state_rows, "table": table, "claims": claim_rows,
        "regions": region_members, "outline": outline_geo,
        "colours": dict(settings.FACTION_COLOURS), "factions": list(settings.FACTIONS),
        "labels": {k: _legend_label(k) for k in (*settings.FACTIONS, "contested", "unknown")},
        "factionLabels": FACTION_LABELS,
    }


_PAGE_CSS = """
html,body{margin:0;height:100%;font:14px/1.4 "DejaVu Sans","Noto Sans",Arial,sans-serif;color:#111}
#wrap{display:flex;height:100%}
#map{flex:1 1 auto;background:#f4f3ee}
#side{width:380px;flex:0 0 380px;overflow:auto;padding:12px 16px;border-left:1px solid #ccc;box-sizing:border-box;background:#fff}
h1{font-size:18px;margin:0 0 4px} h2{font-size:15px;margin:14px 0 6px}
#datewords{font-size:16px;font-weight:bold;margin:4px 0}
#controls{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
#slider{width:100%}
.sw{display:inline-block;width:16px;height:16px;border:1px solid #555;vertical-align:middle;margin-right:6px}
.legend div{margin:3px 0}
.claim{border-top:1px solid #ddd;padding:6px 0}
.claim.deciding{background:#fff8dc}
.quote{font-style:italic}
.meta{color:#555;font-size:12px}
.note{color:#555;font-size:12px}
.ar{font-family:"DejaVu Sans","Noto Sans Arabic",sans-serif}
.qlabel{background:none;border:none;box-shadow:none;font-weight:bold;font-size:11px;color:#111;
 text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 2px #fff}
.qlabel:before{display:none}
"""

_PAGE_JS = r"""
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("quarters-data").textContent);
  var C = D.colours;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  // Hatch patterns for contested quarters: one per pair of colours, in a hidden SVG.
  var svgNS = "http://www.w3.org/2000/svg";
  var defs = document.getElementById("hatches");
  var patterns = {};
  function hatch(colours) {
    var key = colours.join("_").replace(/[^0-9a-zA-Z_]/g, "");
    if (patterns[key]) return patterns[key];
    var id = "hatch_" + key;
    var p = document.createElementNS(svgNS, "pattern");
    p.setAttribute("id", id);
    p.setAttribute("patternUnits", "userSpaceOnUse");
    var band = 6, n = colours.length;
    p.setAttribute("width", String(band * n));
    p.setAttribute("height", String(band * n));
    p.setAttribute("patternTransform", "rotate(45)");
    for (var i = 0; i < n; i++) {
      var r = document.createElementNS(svgNS, "rect");
      r.setAttribute("x", String(i * band)); r.setAttribute("y", "0");
      r.setAttribute("width", String(band)); r.setAttribute("height", String(band * n));
      r.setAttribute("fill", colours[i]);
      p.appendChild(r);
    }
    defs.appendChild(p);
    patterns[key] = "url(#" + id + ")";
    return patterns[key];
  }
  function fillOf(st) {
    var status = st[0], faction = st[1], fs = st[2];
    if (status === "held") return C[faction] || C.unknown;
    if (status === "contested") {
      var cols = fs.map(function (f) { return C[f]; }).filter(Boolean);
      if (cols.length < 2) cols = (cols.length ? cols : [C.contested]).concat(["#ffffff"]);
      return hatch(cols);
    }
    return C.unknown;
  }
  function keyOf(st) {
    if (st[0] === "held") return st[1] || "unknown";
    return st[0] === "contested" ? "contested" : "unknown";
  }

  var map = L.map("map", {zoomSnap: 0.25, preferCanvas: false});
  var osm = null;
  var outlineLayer = D.outline ? L.geoJSON(D.outline, {interactive: false,
      style: {color: "#6b6b6b", weight: 2, fill: true, fillColor: "#e6e4dc", fillOpacity: 1}}) : null;
  var tips = {};
  function tipNode(q) {
    var box = el("div");
    box.appendChild(el("b", null, q.en));
    var names = el("div", null, q.fr);
    if (q.ar) {
      names.appendChild(document.createTextNode(" \u00b7 "));
      var ar = el("span", "ar", q.ar); ar.setAttribute("dir", "rtl"); ar.setAttribute("lang", "ar");
      names.appendChild(ar);
    }
    box.appendChild(names);
    var stateLine = el("div");
    (tips[q.id] = tips[q.id] || []).push(stateLine);
    box.appendChild(stateLine);
    return box;
  }
  function stateText(st) {
    var what = st[0] === "held" ? (D.factionLabels[st[1]] || st[1]) :
               st[0] === "contested" ? "Contested (" + st[2].map(function (f) { return D.factionLabels[f] || f; }).join(" / ") + ")" :
               "Unknown: no report yet";
    return what + (st[3] ? " since " + st[3] + (st[4] ? " (approximate)" : "") : "");
  }
  var layers = {};
  var labels = {};
  var labelLayer = L.layerGroup();
  var bounds = null;
  var selected = null;
  D.quarters.forEach(function (q, i) {
    var lyr = L.geoJSON({type: "Feature", properties: {}, geometry: q.geom}, {
      style: {color: q.approx ? "#222" : "#fff", weight: q.approx ? 1.6 : 1, dashArray: q.approx ? "6 4" : null,
              fillOpacity: 1, fillColor: C.unknown}
    });
    lyr.eachLayer(function (l) {
      l.on("click", function () { select(i); });
      // A DOM node, not a string: Leaflet would parse a string as HTML.
      l.bindTooltip(tipNode(q), {sticky: true});
    });
    labels[q.id] = L.tooltip({permanent: true, direction: "center", className: "qlabel", interactive: false})
      .setLatLng(q.label).setContent(el("span", null, q.en));
    layers[q.id] = lyr;
    bounds = bounds ? bounds.extend(lyr.getBounds()) : L.latLngBounds(lyr.getBounds().getSouthWest(), lyr.getBounds().getNorthEast());
  });
  // The view must exist before layers are added, or Leaflet defers drawing their paths.
  if (bounds) map.fitBounds(bounds, {padding: [10, 10]}); else map.setView([36.2, 37.15], 12);
  if (outlineLayer) outlineLayer.addTo(map);
  labelLayer.addTo(map);
  // Names where they fit at the current zoom (the map has no tiles, so this is the only place-name layer).
  var bySize = D.quarters.slice().sort(function (x, y) {
    function area(q) { var b = layers[q.id].getBounds(); return (b.getEast() - b.getWest()) * (b.getNorth() - b.getSouth()); }
    return area(y) - area(x);
  });
  function placeLabels() {
    var boxes = [];
    bySize.forEach(function (q) {
      var b = layers[q.id].getBounds();
      var a = map.latLngToLayerPoint(b.getNorthWest()), c = map.latLngToLayerPoint(b.getSouthEast());
      var w = q.en.length * 6.5 + 6, p = map.latLngToLayerPoint(q.label);
      var box = [p.x - w / 2, p.y - 8, p.x + w / 2, p.y + 8];
      var fits = (c.x - a.x) > w && (c.y - a.y) > 16 && !boxes.some(function (o) {
        return box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3];
      });
      if (fits) boxes.push(box);
      if (fits && !labelLayer.hasLayer(labels[q.id])) labelLayer.addLayer(labels[q.id]);
      if (!fits && labelLayer.hasLayer(labels[q.id])) labelLayer.removeLayer(labels[q.id]);
    });
  }
  map.on("zoomend", placeLabels);
  placeLabels();
  D.quarters.forEach(function (q) {
    layers[q.id].addTo(map);
    layers[q.id].eachLayer(function (l) {
      var p = l.getElement && l.getElement();
      if (p) { p.setAttribute("data-place", q.id); p.classList.add("quarter"); }
    });
  });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Boundaries: UN OCHA Syria COD, UNITAR-UNOSAT, Columbia CSR, Wikipedia, GeoNames");

  var slider = document.getElementById("slider");
  var select_ = document.getElementById("dateselect");
  slider.max = String(D.dates.length - 1);
  D.dates.forEach(function (d, i) {
    var o = el("option", null, D.dateWords[i]);
    o.value = String(i);
    select_.appendChild(o);
  });
  var cur = -1;

  function show(i) {
    i = Math.max(0, Math.min(D.dates.length - 1, i));
    cur = i;
    slider.value = String(i);
    select_.value = String(i);
    document.getElementById("datewords").textContent = D.dateWords[i];
    document.body.setAttribute("data-date", D.dates[i]);
    var row = D.table[i];
    var counts = {};
    D.quarters.forEach(function (q, k) {
      var st = D.states[row[k]];
      var f = fillOf(st);
      counts[keyOf(st)] = (counts[keyOf(st)] || 0) + 1;
      layers[q.id].setStyle({fillColor: f});
      (tips[q.id] || []).forEach(function (t) { t.textContent = stateText(st); });
    });
    legend(counts);
    document.getElementById("prev").disabled = i === 0;
    document.getElementById("next").disabled = i === D.dates.length - 1;
    try { history.replaceState(null, "", "#" + D.dates[i]); } catch (e) { /* some file:// setups refuse */ }
    if (selected !== null) panel(selected);
  }
  function legend(counts) {
    var box = document.getElementById("legend");
    box.textContent = "";
    D.factions.concat(["contested", "unknown"]).forEach(function (k) {
      var row = el("div");
      var sw = el("span", "sw");
      if (k === "contested") {
        sw.style.background = "repeating-linear-gradient(45deg," + C.government + " 0 4px," + C.rebels + " 4px 8px)";
      } else {
        sw.style.background = C[k];
      }
      row.appendChild(sw);
      var n = counts[k] || 0;
      row.appendChild(document.createTextNode(D.labels[k] + ": " + n + (n === 1 ? " quarter" : " quarters")));
      row.setAttribute("data-key", k);
      box.appendChild(row);
    });
  }
  function claimBox(c, deciding) {
    var box = el("div", "claim" + (deciding ? " deciding" : ""));
    if (c.quote) {
      // The place name marked inside the quote, built from text nodes (never HTML).
      var qd = el("div", "quote");
      var at = c.mention ? c.quote.toLowerCase().indexOf(c.mention.toLowerCase()) : -1;
      qd.appendChild(document.createTextNode("\u201c" + (at < 0 ? c.quote : c.quote.slice(0, at))));
      if (at >= 0) {
        qd.appendChild(el("mark", null, c.quote.slice(at, at + c.mention.length)));
        qd.appendChild(document.createTextNode(c.quote.slice(at + c.mention.length)));
      }
      qd.appendChild(document.createTextNode("\u201d"));
      box.appendChild(qd);
    }
    var meta = el("div", "meta");
    var bits = [c.source || "unknown outlet", c.published || "no date"];
    if (c.cited) bits.push("citing " + c.cited);
    bits.push((D.factionLabels[c.faction] || c.faction || "?") + " \u00b7 " + c.kind + " \u00b7 " + c.date);
    if (c.review && c.review !== "auto") bits.push("review: " + c.review);
    meta.appendChild(document.createTextNode(bits.join(" \u00b7 ")));
    if (c.url && /^https?:\/\//i.test(c.url)) {
      meta.appendChild(document.createTextNode(" \u00b7 "));
      var a = el("a", null, "link");
      a.href = c.url; a.target = "_blank"; a.rel = "noopener noreferrer nofollow";
      meta.appendChild(a);
    }
    box.appendChild(meta);
    return box;
  }
  function panel(i) {
    var q = D.quarters[i];
    var box = document.getElementById("panel");
    box.textContent = "";
    var h = el("h2", null, q.en);
    box.appendChild(h);
    var names = el("div", "meta", q.fr);
    if (q.ar) {
      names.appendChild(document.createTextNode(" \u00b7 "));
      var ar = el("span", "ar", q.ar); ar.setAttribute("dir", "rtl"); ar.setAttribute("lang", "ar");
      names.appendChild(ar);
    }
    box.appendChild(names);
    var st = D.states[D.table[cur][i]];
    var line = el("div", null, stateText(st));
    line.setAttribute("id", "panel-state");
    box.appendChild(line);
    if (q.approx) box.appendChild(el("div", "note", "Approximate boundary (dashed)."));
    var deciding = {};
    st[5].forEach(function (k) { deciding[k] = true; });
    if (st[5].length) box.appendChild(el("h2", null, "Claims behind this colour"));
    st[5].forEach(function (k) { box.appendChild(claimBox(D.claims[k], true)); });
    var others = [];
    D.claims.forEach(function (c, k) {
      if (deciding[k]) return;
      var about = c.place === q.id || (D.regions[c.place] || []).indexOf(q.id) >= 0;
      if (about) others.push(k);
    });
    others.sort(function (a, b) { return D.claims[a].date < D.claims[b].date ? 1 : -1; });
    if (others.length) box.appendChild(el("h2", null, "Other reports about this quarter"));
    others.slice(0, 50).forEach(function (k) { box.appendChild(claimBox(D.claims[k], false)); });
    if (others.length > 50) box.appendChild(el("div", "note", "and " + (others.length - 50) + " more"));
  }
  function outlineStyle(q, on) {
    return on ? {color: "#000", weight: 3} : {color: q.approx ? "#222" : "#fff", weight: q.approx ? 1.6 : 1};
  }
  function select(i) {
    if (selected !== null) layers[D.quarters[selected].id].setStyle(outlineStyle(D.quarters[selected], false));
    selected = i;
    layers[D.quarters[i].id].setStyle(outlineStyle(D.quarters[i], true)).bringToFront();
    panel(i);
  }

  slider.addEventListener("input", function () { show(parseInt(slider.value, 10)); });
  select_.addEventListener("change", function () { show(parseInt(select_.value, 10)); });
  document.getElementById("prev").addEventListener("click", function () { show(cur - 1); });
  document.getElementById("next").addEventListener("click", function () { show(cur + 1); });
  document.getElementById("tiles").addEventListener("change", function (e) {
    // Optional background; off by default. Offline, tiles simply fail to load: nothing else depends on them.
    if (e.target.checked) {
      osm = osm || L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        {maxZoom: 19, attribution: "\u00a9 OpenStreetMap contributors"});
      osm.addTo(map); osm.bringToBack();
    } else if (osm) { map.removeLayer(osm); }
  });
  window.quartersShow = show;
  // A link ending in #YYYY-MM-DD reopens that date (the nearest change date on or before it).
  var want = decodeURIComponent((location.hash || "").slice(1));
  var start = D.start;
  if (/^\d{4}-\d{2}-\d{2}$/.test(want)) {
    start = 0;
    D.dates.forEach(function (d, k) { if (d <= want) start = k; });
  }
  show(start);
  document.body.setAttribute("data-ready", "1");
})();
"""


def standalone_html(claims: list[EvidenceClaim], gazetteer: Any, day: dt.date, *, title: str | None = None,
                    states_by_day: Mapping[dt.date, Mapping[str, ControlState]] | None = None,
                    shapes: Mapping[str, Any] | None = None, outline: Any = None) -> str:
    """Return a one-file HTML map with a date slider over every change date; works offline.

    Leaflet is inlined from xstatic-leaflet; the per-date states are computed here with
    geo.timeline (change_dates + control_on) unless states_by_day is given. Raise ExportError.
    """
    from geo import assets

    if not isinstance(day, dt.date):
        msg = f"day {day!r} is not a date; pass datetime.date(2016, 11, 28) or --date 2016-11-28"
        raise ExportError(msg)
    shp = _load_shapes(gazetteer, shapes)
    out_geom = _load_outline(outline)
    if states_by_day is None:
        states_by_day = _states_by_change_date(claims, gazetteer, day)
    elif day not in states_by_day:
        states_by_day = dict(states_by_day) | {day: _load_states(claims, gazetteer, day)}
    payload = _html_payload(claims, gazetteer, day, states_by_day, shp, out_geom)
    page_title = html.escape(_clean(title) or DEFAULT_TITLE)
    credits = html.escape(DATA_CREDITS)
    leaflet_js = assets.leaflet_js()
    if "</script" in leaflet_js.lower():  # would end the inline script early
        msg = "the installed leaflet.js contains '</script' and cannot be inlined; reinstall xstatic-leaflet==1.9.3.0"
        raise ExportError(msg)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src {_csp_hash(leaflet_js)} {_csp_hash(_PAGE_JS)}; style-src 'unsafe-inline'; img-src data: https:; connect-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>{page_title} \u2014 {html.escape(date_in_words(day))}</title>
<style>{assets.leaflet_css_inline()}</style>
<style>{_PAGE_CSS}</style>
</head>
<body>
<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs id="hatches"></defs></svg>
<div id="wrap">
<div id="map"></div>
<div id="side">
<h1>{page_title}</h1>
<div id="datewords"></div>
<input id="slider" type="range" min="0" max="0" step="1" value="0" aria-label="Date">
<div id="controls">
<button id="prev" type="button">&#9664; previous change</button>
<select id="dateselect" aria-label="Change date"></select>
<button id="next" type="button">next change &#9654;</button>
</div>
<h2>Legend</h2>
<div id="legend" class="legend"></div>
<div class="note">{html.escape(APPROX_NOTE)} Contested quarters are striped in both sides' colours.</div>
<div class="note"><label><input id="tiles" type="checkbox"> OpenStreetMap background (needs internet; off by default)</label></div>
<div id="panel"><p class="note">Click a quarter to read the claims behind its colour.</p></div>
<h2>Data</h2>
<div class="note">{credits} Made with Quarters (open source). Map tiles, when switched on: \u00a9 OpenStreetMap contributors.</div>
</div>
</div>
<script id="quarters-data" type="application/json">{_json_for_script(payload)}</script>
<script>{leaflet_js}</script>
<script>{_PAGE_JS}</script>
</body>
</html>
"""


def _csp_hash(script: str) -> str:
    """The CSP source for one inline script: only scripts we wrote or inlined may run, never injected ones."""
    import base64
    import hashlib

    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def export_html(claims: list[EvidenceClaim], gazetteer: Any, day: dt.date, path: Path, **kw: Any) -> None:
    """Write the standalone HTML map of day to path; raise ExportError on failure."""
    _write_bytes(Path(path), standalone_html(claims, gazetteer, day, **kw).encode("utf-8"), "the HTML map")

"""Quarters in the browser: slide through dates, click a quarter for its quotes, review, export.

Run with ``streamlit run app.py``. The page only lays things out and calls ``geo``:
the map comes from geo/render.py, control states from geo/timeline.py, the evidence
from geo/store.py. State lives in ``st.session_state``; the date and the selected
quarter are mirrored in the URL (``?date=2016-11-28&quarter=sakhour``).

Errors from geo (GeoError) are shown with st.error and the page goes on; anything
else is logged with its traceback for developers and shown as a short message.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import json
import logging
import os
import re
import shutil
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit_folium import st_folium

from geo import settings
from geo.errors import GeoError
from geo.models import Claim, Place
from geo import render
from geo import ui_state

log = logging.getLogger("quarters.app")
APP_DIR = Path(__file__).resolve().parent
STATIC_DIR = APP_DIR / "static"
LEAFLET_URL = "/app/static/leaflet/leaflet.js"
LEAFLET_CSS_URL = "/app/static/leaflet/leaflet.css"
KINDS = ("capture", "control", "contested", "attack", "siege")
REVIEW_STATES = ("auto", "accepted", "edited", "rejected")
LANGS = ("fr", "en", "ar", "it", "es", "pt")


# -- errors ---------------------------------------------------------------------------
class _Guard:
    """``with _Guard("saving the article"):`` shows GeoError text, or a short note for bugs; never a traceback."""

    def __init__(self, doing: str, *, hint: str = "") -> None:
        self.doing = doing
        self.hint = hint

    def __enter__(self) -> _Guard:
        return self

    def __exit__(self, typ: Any, err: BaseException | None, tb: Any) -> bool:
        if err is None:
            return False
        if isinstance(err, GeoError):
            st.error(f"{err} {self.hint}".strip())
            return True
        if isinstance(err, Exception) and not _is_control_flow(err):
            log.exception("unexpected error while %s", self.doing)
            st.error(f"Something went wrong while {self.doing} ({type(err).__name__}). Your work is kept; "
                     f"try again, and if it happens again report it with the server log (it has the details).")
            return True
        return False


def _is_control_flow(err: BaseException) -> bool:
    """Streamlit's rerun/stop signals must pass through."""
    return type(err).__name__ in ("RerunException", "StopException")


def _flash(where: str, message: str) -> None:
    """Keep a success message for the next run, then rerun so the map shows the change."""
    st.session_state.setdefault("flash", {})[where] = message
    st.rerun()


def _show_flash(where: str) -> None:
    msg = st.session_state.get("flash", {}).pop(where, None)
    if msg:
        st.success(msg)


# -- resources ------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def _static_assets() -> str:
    """Copy Leaflet from the installed xstatic-leaflet into static/leaflet/ (served by Streamlit)."""
    from geo.assets import leaflet_dir

    src = leaflet_dir()
    dst = STATIC_DIR / "leaflet"
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        if not (dst / name).exists() or (dst / name).stat().st_size != (src / name).stat().st_size:
            shutil.copyfile(src / name, dst / name)
    if (src / "images").is_dir():
        shutil.copytree(src / "images", dst / "images", dirs_exist_ok=True)
    return str(dst)


@st.cache_resource(show_spinner=False)
def _inline_leaflet() -> tuple[str, str]:
    """Leaflet as data: URLs, for a server started without static serving (still no network)."""
    import base64

    from geo.assets import leaflet_css_inline, leaflet_js

    js = base64.b64encode(leaflet_js().encode("utf-8")).decode("ascii")
    css = base64.b64encode(leaflet_css_inline().encode("utf-8")).decode("ascii")
    return f"data:text/javascript;base64,{js}", f"data:text/css;base64,{css}"


def _leaflet_urls() -> tuple[str, str]:
    """Where the map loads Leaflet from: ./static when Streamlit serves it, else inlined.

    ``.streamlit/config.toml`` turns static serving on, but Streamlit reads it from the
    current folder: started from elsewhere, the app must not lose its map.
    """
    if st.get_option("server.enableStaticServing"):
        return LEAFLET_URL, LEAFLET_CSS_URL
    return _inline_leaflet()


@st.cache_resource(show_spinner=False)
def _gazetteer() -> Any:
    from geo.gazetteer import load_gazetteer

    return load_gazetteer()


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Any:
    """One store per database file for the whole server (the store serialises its calls)."""
    from geo.store import open_store

    return open_store(path)


@st.cache_resource(show_spinner=False)
def _revision() -> dict[str, int]:
    """Bumped after every write the app makes, so cached reads of the store are refreshed."""
    return {"rev": 0}


def _db_path() -> str:
    return os.environ.get("QUARTERS_DB") or str(settings.DB_PATH)


def _store_stamp(path: str) -> tuple:
    stamps = []
    for p in (path, path + "-wal"):
        try:
            s = os.stat(p)
            stamps.append((s.st_mtime_ns, s.st_size))
        except OSError:
            stamps.append(None)
    return (_revision()["rev"], *stamps)


def _bump() -> None:
    _revision()["rev"] += 1


@st.cache_resource(show_spinner=False)
def _claims_cache() -> dict:
    return {}


def _claims(path: str, *, include_rejected: bool = False) -> list:
    """Effective claims, re-read when the store changed (app writes or another process)."""
    key = (path, include_rejected, _store_stamp(path))
    cache = _claims_cache()
    if key not in cache:
        if len(cache) > 8:
            cache.clear()
        cache[key] = _store(path).effective_claims(include_rejected=include_rejected)
    return cache[key]


@st.cache_resource(show_spinner=False)
def _timeline_cache() -> dict:
    return {}


def _places_gazetteer(path: str) -> Any:
    """The gazetteer plus the places analysts added (kept in the store)."""
    gaz = _gazetteer()
    user = _store(path).user_places()
    if not user:
        return gaz
    key = ("gaz", tuple(p for p in user))
    cache = _timeline_cache()
    if key not in cache:
        extend = getattr(gaz, "with_extra_places", None)
        if extend is not None:
            cache[key] = extend(user)
        else:
            from geo.gazetteer import Gazetteer

            cache[key] = Gazetteer({**gaz.places, **{p.id: p for p in user}})
    return cache[key]


def _timeline(path: str) -> tuple[Any, Any]:
    """(Timeline, gazetteer) for the current claims; computed once per store change."""
    from geo.timeline import Timeline

    gaz = _places_gazetteer(path)
    claims = _claims(path)
    key = ("tl", id(claims), id(gaz))
    cache = _timeline_cache()
    if key not in cache:
        for k in [k for k in cache if k[0] == "tl"]:
            del cache[k]
        cache[key] = (Timeline(claims, gaz), claims)
    return cache[key][0], gaz


@st.cache_resource(show_spinner=False)
def _shapes(user_places: tuple) -> tuple[dict, str, list]:
    """(boundaries FeatureCollection, base-map layer data, labels) with user places as small dashed circles."""
    import shapely
    from shapely.geometry import mapping

    from geo.geometry import boundaries_geojson, label_lat_lon, load_boundaries, load_city_outline

    fc = boundaries_geojson()
    shapes = load_boundaries()
    labels = []
    gaz = _gazetteer()
    for pid, shp in shapes.items():
        p = gaz.get(pid)
        lat, lon = label_lat_lon(shp.geometry)
        labels.append((lat, lon, p.name_en if p else pid, _label_zoom(shp.geometry.area), pid))
    labels.sort(key=lambda x: -shapes[x[4]].geometry.area)  # biggest quarter first: it wins overlaps
    for p in user_places:
        if p.lat is None or p.lon is None or p.id in shapes:
            continue
        circle = shapely.Point(p.lon, p.lat).buffer(0.0025, quad_segs=8)
        fc["features"].append({"type": "Feature", "id": p.id, "geometry": mapping(circle), "properties": {
            "id": p.id, "name_en": p.name_en, "name_fr": p.name_fr, "name_ar": p.name_ar, "approximate": True}})
        labels.append((p.lat, p.lon, p.name_en or p.id, 14, p.id))
    outline = render.outline_to_geojson(load_city_outline())
    return fc, render.quarter_layer_data(fc, outline=outline, labels=labels), labels


def _label_zoom(area_deg2: float) -> int:
    """The zoom from which a quarter's name fits inside it (bigger quarters are named earlier)."""
    # At zoom 12 one square degree is about 1e7 px² here; a name fits in about 45 x 45 px of a
    # quarter. Names that would overlap are hidden in the browser (biggest quarter first).
    for zoom, area in ((11, 8e-4), (12, 2e-4), (13, 5e-5), (14, 1.2e-5)):
        if area_deg2 > area:
            return zoom
    return 16


def _seed_if_empty(path: str) -> None:
    """First start: ingest seeds/ into an empty store, with a progress message."""
    store = _store(path)
    if store.documents():
        return
    from geo.ingest import ingest_paths, summary_line

    seeds = Path(settings.SEEDS_DIR)
    with st.status(f"First start: reading the seed articles in {seeds.name}/ into the evidence store…",
                   expanded=False) as status:
        summary = ingest_paths(store, [seeds], progress=False, gazetteer=_gazetteer())
        _bump()
        status.update(label=f"Seed articles read: {summary_line(summary)}", state="complete")
    for f in summary.failures:
        st.error(f"A seed article could not be read: {f}")


# -- session ---------------------------------------------------------------------------
def _init_state(lo: dt.date, hi: dt.date, default: dt.date, quarter_ids: set[str]) -> None:
    """Read the link once per session; later the widgets own the state."""
    ss = st.session_state
    ss.setdefault("selected", None)
    ss.setdefault("nonce", 0)
    ss.setdefault("click_sig", None)
    ss.setdefault("notes", [])
    if "day" not in ss:
        choice = ui_state.parse_date_param(st.query_params.get("date"), lo, hi, default)
        ss["day"] = choice.day
        if choice.message:
            ss["notes"].append(choice.message)
        pid, msg = ui_state.parse_quarter_param(st.query_params.get("quarter"), quarter_ids)
        ss["selected"] = pid
        if msg:
            ss["notes"].append(msg)
    ss["day"] = min(max(ss["day"], lo), hi)


def _go(day: dt.date | None) -> None:
    if day is not None:
        st.session_state["day"] = day


def _clear_selection() -> None:
    st.session_state["selected"] = None
    st.session_state["nonce"] += 1


def _sync_url() -> None:
    day = st.session_state["day"].isoformat()
    if st.query_params.get("date") != day:
        st.query_params["date"] = day
    sel = st.session_state.get("selected")
    if sel and st.query_params.get("quarter") != sel:
        st.query_params["quarter"] = sel
    elif not sel and "quarter" in st.query_params:
        del st.query_params["quarter"]


# -- map -------------------------------------------------------------------------------
def _legend_html(counts: dict[str, int]) -> str:
    items = []
    colours = settings.FACTION_COLOURS
    for key in render.LEGEND_ORDER:
        if key == "contested":
            swatch = ("background:repeating-linear-gradient(45deg,"
                      f"{colours['government']} 0 4px,{colours['rebels']} 4px 8px)")
        else:
            swatch = f"background:{colours[key]}"
        items.append(f'<span class="q-legend-item" data-key="{key}" style="margin-right:14px;white-space:nowrap">'
                     f'<span style="display:inline-block;width:14px;height:14px;border:1px solid #777;'
                     f'vertical-align:middle;{swatch}"></span> {html.escape(render.FACTION_LABELS[key])}: '
                     f"<b>{counts[key]}</b></span>")
    items.append('<span style="white-space:nowrap"><span style="display:inline-block;width:14px;height:0;'
                 'border-top:2px dashed #555;vertical-align:middle"></span> approximate boundary</span>')
    return f'<div class="q-legend" style="font-size:13px;line-height:1.9">{"".join(items)}</div>'


def _map_section(path: str, timeline: Any, gaz: Any, changes: list[dt.date], lo: dt.date, hi: dt.date) -> dict:
    ss = st.session_state
    st.slider("Date", min_value=lo, max_value=hi, step=dt.timedelta(days=1), key="day", format="YYYY-MM-DD")
    prev_day = ui_state.step_change(changes, ss["day"], -1)
    next_day = ui_state.step_change(changes, ss["day"], +1)
    c1, c2, c3 = st.columns([1.4, 1.4, 1])
    c1.button(f"◀ previous change ({prev_day.isoformat()})" if prev_day else "◀ no earlier change", key="prev_change",
              on_click=_go, args=(prev_day,), disabled=prev_day is None, use_container_width=True)
    c2.button(f"next change ({next_day.isoformat()}) ▶" if next_day else "no later change ▶", key="next_change",
              on_click=_go, args=(next_day,), disabled=next_day is None, use_container_width=True)
    c3.markdown(f"<div style='padding-top:6px'>Showing <b>{ss['day'].isoformat()}</b></div>", unsafe_allow_html=True)
    day: dt.date = ss["day"]
    states = timeline.control_on(day)
    fc, layer_data, labels = _shapes(tuple(_store(path).user_places()))
    quarter_ids = [f["id"] for f in fc["features"]]
    paint = render.quarter_paint(states, quarter_ids, day=day, selected=ss.get("selected"), nonce=ss["nonce"])
    tiles = bool(ss.get("tiles_on"))
    js_url, css_url = _leaflet_urls()
    m = render.base_map(layer_data=layer_data, leaflet_js_url=js_url,
                        leaflet_css_url=css_url, tiles=tiles, center_lat_lon=_center(labels))
    out = st_folium(m, key="map", height=640, use_container_width=True, returned_objects=["last_active_drawing", "last_clicked"],
                    feature_group_to_add=render.date_layer(paint))
    _read_click(out, set(quarter_ids))
    st.markdown(_legend_html(render.legend_counts(states, quarter_ids)), unsafe_allow_html=True)
    return states


def _center(labels: list) -> tuple[float, float]:
    """The mean of the quarters' label points as (lat, lon): the middle of the built-up city."""
    if not labels:
        return render.ALEPPO_CENTER_LAT_LON
    return (sum(x[0] for x in labels) / len(labels), sum(x[1] for x in labels) / len(labels))


def _read_click(out: Any, known: set[str]) -> None:
    """Select the clicked quarter; ignore the component's value when it is the one already handled.

    With "pick the point on the map" on, a click also fills the coordinates of the place form.
    """
    point = (out or {}).get("last_clicked") if isinstance(out, dict) else None
    if isinstance(point, dict) and st.session_state.get("place_pick"):
        psig = json.dumps(point, sort_keys=True)
        if psig != st.session_state.get("point_sig"):
            st.session_state["point_sig"] = psig
            st.session_state["place_lat"] = f"{float(point['lat']):.5f}"
            st.session_state["place_lon"] = f"{float(point['lng']):.5f}"
    feat = (out or {}).get("last_active_drawing") if isinstance(out, dict) else None
    if not isinstance(feat, dict):
        return
    props = feat.get("properties") or {}
    pid = props.get("id") or feat.get("id")
    sig = json.dumps([pid, props.get("day"), props.get("nonce")])
    if sig == st.session_state.get("click_sig"):
        return
    st.session_state["click_sig"] = sig
    if pid in known and pid != st.session_state.get("selected"):
        st.session_state["selected"] = pid
        st.rerun()


# -- quarter panel ---------------------------------------------------------------------
def _place_names(p: Any) -> list[str]:
    return [n for n in (getattr(p, "names", ()) or ()) if n]


def _quarter_panel(path: str, timeline: Any, gaz: Any, states: dict, lo: dt.date, hi: dt.date) -> None:
    ss = st.session_state
    pid = ss.get("selected")
    if not pid:
        st.info("Click a quarter on the map to read the sentences behind its colour.")
        return
    p = gaz.get(pid)
    day: dt.date = ss["day"]
    state = states.get(pid)
    title = p.name_en if p else pid
    st.subheader(title)
    if p:
        st.caption(" · ".join(html.escape(n) for n in (p.name_fr, p.name_ar) if n) or " ")
    st.button("Clear selection", key="clear_sel", on_click=_clear_selection)
    label = render.state_label(state)
    since = f" since {state.since}" if state is not None and state.since and state.status != "unknown" else ""
    st.markdown(f"On **{day.isoformat()}**: **{html.escape(label)}**{html.escape(since)}")
    history = timeline.history(pid)
    if history:
        st.markdown(ui_state.history_bar_html(history, lo=lo, hi=hi, colours=settings.FACTION_COLOURS,
                                              labels=render.FACTION_LABELS, day=day), unsafe_allow_html=True)
        near_lo, near_hi = max(lo, day - dt.timedelta(days=30)), min(hi, day + dt.timedelta(days=30))
        if (near_hi - near_lo) < (hi - lo):
            st.caption("The 30 days either side:")
            st.markdown(ui_state.history_bar_html(history, lo=near_lo, hi=near_hi, colours=settings.FACTION_COLOURS,
                                                  labels=render.FACTION_LABELS, day=day), unsafe_allow_html=True)
        rows = "".join(f"<li>{d.isoformat()}: {html.escape(render.state_label(s))}</li>"
                       for d, s in _changes_only(history))
        st.markdown(f'<ul class="q-history-list" style="font-size:13px;margin:0">{rows}</ul>', unsafe_allow_html=True)
    else:
        st.caption("No capture or control claim for this quarter yet.")
    # The quarter's own claims, plus region claims ("east Aleppo") that decided one of its states.
    claims = {c.claim_id: c for c in _claims(path) if c.claim.place_id == pid}
    for _, s in history:
        for c in s.claims:
            claims.setdefault(c.claim_id, c)
    claims = list(claims.values())
    deciding = {c.claim_id for c in (state.claims if state is not None else ())}
    names = _place_names(p) if p else []
    groups = ui_state.disagreements(claims, window_days=settings.CONTESTED_WINDOW_DAYS)
    if groups:
        st.markdown("**Sources disagree**")
        for g in groups:
            cols = st.columns(min(len(g), 3))
            for i, c in enumerate(g):
                with cols[i % len(cols)]:
                    st.markdown(_card(c, names, c.claim_id in deciding), unsafe_allow_html=True)
    st.markdown(f"**Claims about {html.escape(title)}** ({len(claims)})")
    for c in sorted(claims, key=lambda c: (c.claim.date, c.claim_id), reverse=True):
        st.markdown(_card(c, names, c.claim_id in deciding), unsafe_allow_html=True)


def _changes_only(history: list) -> list:
    """Drop history steps that repeat the previous holder (new evidence, same colour)."""
    out, prev = [], None
    for d, s in history:
        key = (s.status, s.faction, tuple(sorted(render.contested_factions(s))) if s.status == "contested" else ())
        if key != prev:
            out.append((d, s))
        prev = key
    return out


def _card(c: Any, names: list[str], deciding: bool) -> str:
    return ui_state.claim_card_html(c, names=names, deciding=deciding,
                                    faction_label=render.FACTION_LABELS.get(c.claim.faction, c.claim.faction))


# -- add an article --------------------------------------------------------------------
def _add_article(path: str, gaz: Any) -> None:
    ss = st.session_state
    st.markdown("Paste an article or upload a file. The publication date is needed unless the text has a dateline.")
    with st.form("article_form"):
        text = st.text_area("Article text", key="art_text", height=180)
        up = st.file_uploader("…or a file", type=["txt", "md", "html", "htm"], key="art_file")
        c1, c2, c3, c4 = st.columns(4)
        date = c1.text_input("Publication date (YYYY-MM-DD)", key="art_date")
        outlet = c2.text_input("Outlet", key="art_source")
        url = c3.text_input("URL", key="art_url")
        lang = c4.selectbox("Language", LANGS, key="art_lang")
        title = st.text_input("Title (optional)", key="art_title")
        go = st.form_submit_button("Read the claims")
    if go:
        ss.pop("preview", None)
        with _Guard("reading the article"):
            _extract_preview(text, up, date=date, source=outlet, url=url, lang=lang, title=title, gaz=gaz)
    if "preview" in ss:
        _preview(path, gaz)
    _add_place_form(path, ss.get("preview", {}).get("unknown", []))


def _extract_preview(text: str, up: Any, *, date: str, source: str, url: str, lang: str, title: str, gaz: Any) -> None:
    from geo.documents import document_from_bytes

    if up is not None:
        data, name = up.getvalue(), up.name
    elif text.strip():
        data, name = text.encode("utf-8"), "pasted article"
    else:
        st.error("There is no article to read: paste its text in the box, or choose a .txt, .md or .html file.")
        return
    if url.strip() and not re.match(r"^https?://", url.strip()):
        st.error(f"The URL {url.strip()!r} does not start with http:// or https://; paste the article's web address, or leave it empty.")
        return
    doc = document_from_bytes(data, name=name, date=date.strip() or None, lang=lang or None,
                              source=source.strip() or None, url=url.strip() or None, title=title.strip() or None)
    from geo.extract import extract_claims

    claims = extract_claims(doc, gazetteer=gaz)
    unknown = [c.mention or c.place for c in claims if not c.place_id and (c.mention or c.place)]
    finder = getattr(gaz, "unknown_place_names", None)
    mentions = finder(doc.text) if finder else [m for m in gaz.find_mentions(doc.text) if m.place_id is None]
    unknown += [m.surface for m in mentions]
    st.session_state["preview"] = {"doc": doc, "claims": claims, "unknown": sorted(set(unknown))}


def _preview(path: str, gaz: Any) -> None:
    ss = st.session_state
    pv = ss["preview"]
    doc, claims = pv["doc"], pv["claims"]
    st.markdown(f"**{html.escape(doc.title or doc.path)}** · {html.escape(doc.source or 'unknown outlet')} · "
                f"published {doc.date.isoformat() if doc.date else '?'} · {len(claims)} claim(s) found")
    import pandas as pd

    places = sorted(p.id for p in gaz.places.values())
    rows = [{"decision": "accept", "place": c.place_id or "", "mention": c.mention, "faction": c.faction,
             "date": c.date, "kind": c.kind, "quote": ui_state.clean_text(c.quote),
             "cites": ui_state.clean_text(c.attributed_to or "")} for c in claims]
    if rows:
        df = pd.DataFrame(rows)
        edited = st.data_editor(df, key="preview_editor", hide_index=True, column_config={
            "decision": st.column_config.SelectboxColumn("decision", options=["accept", "reject"], required=True),
            "place": st.column_config.SelectboxColumn("place", options=[""] + places),
            "faction": st.column_config.SelectboxColumn("faction", options=list(settings.FACTIONS), required=True),
            "kind": st.column_config.SelectboxColumn("kind", options=list(KINDS), required=True),
            "date": st.column_config.TextColumn("date", help="YYYY-MM-DD, YYYY-MM or YYYY"),
            "mention": st.column_config.TextColumn("mention", disabled=True),
            "quote": st.column_config.TextColumn("quote", disabled=True, width="large"),
            "cites": st.column_config.TextColumn("cites", disabled=True),
        })
    else:
        edited = None
        st.info("No claim of capture or control was found in this text. You can still save the article.")
    if pv["unknown"]:
        st.markdown("**Names that look like places but are not in the gazetteer:** "
                    + ", ".join(f"`{html.escape(n)}`" for n in pv["unknown"]))
    c1, c2 = st.columns(2)
    if c1.button("Save the article and the decisions", key="save_article", type="primary"):
        with _Guard("saving the article"):
            _save_preview(path, doc, claims, edited)
    if c2.button("Discard", key="discard_article"):
        ss.pop("preview", None)
        st.rerun()


def _save_preview(path: str, doc: Any, claims: list[Claim], edited: Any) -> None:
    """Store the machine's claims as they were, then the analyst's decisions as reviews (audit trail)."""
    from geo.extract import EXTRACTOR_VERSION

    store = _store(path)
    result = store.add_document(doc, claims, extractor_version=EXTRACTOR_VERSION)
    stored = [c for c in store.effective_claims(include_rejected=True) if c.document_id == result.document_id]
    by_key = {(c.claim.mention, c.claim.start, c.claim.end, c.claim.quote): c for c in stored}
    reviewed = 0
    if edited is not None:
        for original, row in zip(claims, edited.to_dict("records")):
            ec = by_key.get((original.mention, original.start, original.end, original.quote))
            if ec is None:
                continue
            reviewed += _apply_row(store, ec, row)
    _bump()
    st.session_state.pop("preview", None)
    verb = {"new": "Saved", "unchanged": "Already in the store (same text);", "re-extracted": "Re-read"}.get(result.status, "Saved")
    _flash("add", f"{verb} article #{result.document_id}: {result.claims_added} claim(s) stored, {reviewed} decision(s) recorded.")


def _apply_row(store: Any, ec: Any, row: dict) -> int:
    """Turn one edited table row into store reviews; return how many were written."""
    if row.get("decision") == "reject" or row.get("review") == "rejected":
        if ec.review != "rejected":
            store.review(ec.claim_id, "reject", note=str(row.get("note") or ""))
            return 1
        return 0
    changes: dict[str, Any] = {}
    place = (row.get("place") or "").strip() or None
    if place and place != (ec.claim.place_id or None):
        changes["place_id"] = place
    for field in ("faction", "date", "kind"):
        val = (str(row.get(field) or "")).strip()
        if val and val != getattr(ec.claim, field):
            changes[field] = val
    if changes:
        store.review(ec.claim_id, "edit", note=str(row.get("note") or ""), **changes)
        return 1
    if row.get("decision") == "accept" or row.get("review") == "accepted":
        if ec.review not in ("accepted", "edited"):
            store.review(ec.claim_id, "accept", note=str(row.get("note") or ""))
            return 1
    return 0


def _add_place_form(path: str, suggestions: list[str]) -> None:
    with st.expander("Add a place to the gazetteer", expanded=bool(suggestions)):
        st.toggle("Pick the point by clicking the map (Map tab)", key="place_pick",
                  help="While this is on, a click on the map fills latitude and longitude below.")
        with st.form("place_form"):
            c1, c2 = st.columns(2)
            name = c1.selectbox("Name", options=[""] + suggestions, accept_new_options=True, key="place_name")
            name_ar = c2.text_input("Arabic name (optional)", key="place_name_ar")
            c3, c4 = st.columns(2)
            lat = c3.text_input("Latitude (e.g. 36.2126)", key="place_lat")
            lon = c4.text_input("Longitude (e.g. 37.1745)", key="place_lon")
            ok = st.form_submit_button("Add the place")
        if ok:
            with _Guard("adding the place"):
                _save_place(path, name or "", name_ar, lat, lon)


def _save_place(path: str, name: str, name_ar: str, lat_s: str, lon_s: str) -> None:
    name = name.strip()
    if not name:
        st.error("The place needs a name; type it as the article spells it.")
        return
    try:
        lat, lon = float(lat_s.replace(",", ".")), float(lon_s.replace(",", "."))
    except ValueError:
        st.error(f"Latitude {lat_s!r} and longitude {lon_s!r} must be decimal degrees, e.g. 36.2126 and 37.1745.")
        return
    if not (35.9 <= lat <= 36.5 and 36.9 <= lon <= 37.5):
        st.error(f"({lat}, {lon}) is not in or near Aleppo (about 36.2 N, 37.15 E); check whether latitude and longitude are swapped.")
        return
    pid = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "place"  # the store checks the id
    _store(path).add_place(Place(id=pid, kind="quarter", name_en=name, name_fr=name, name_ar=name_ar.strip(),
                                 lat=lat, lon=lon, coord_confidence="low", source="added in the app"))
    _bump()
    _flash("add", f"Added {name} ({pid}) at {lat:.5f}, {lon:.5f}. Read the article again to link its claims to it.")


# -- review ------------------------------------------------------------------------------
def _review(path: str, gaz: Any) -> None:
    import pandas as pd

    claims = _claims(path, include_rejected=True)
    if not claims:
        st.info("No claims yet: add an article first.")
        return
    names = {pid: (p.name_en or pid) for pid, p in gaz.places.items()}
    c1, c2, c3, c4 = st.columns(4)
    f_q = c1.multiselect("Quarter", sorted({c.claim.place_id or "" for c in claims}), key="f_quarter",
                         format_func=lambda x: names.get(x, x or "(unresolved)"))
    f_o = c2.multiselect("Outlet", sorted({c.source for c in claims}), key="f_outlet")
    f_f = c3.multiselect("Faction", list(settings.FACTIONS), key="f_faction")
    f_r = c4.multiselect("Review state", list(REVIEW_STATES), key="f_review")
    shown = [c for c in claims if (not f_q or (c.claim.place_id or "") in f_q) and (not f_o or c.source in f_o)
             and (not f_f or c.claim.faction in f_f) and (not f_r or c.review in f_r)]
    st.caption(f"{len(shown)} of {len(claims)} claims. Edit cells, then apply; every change is kept in the store's history.")
    df = pd.DataFrame([{
        "id": c.claim_id, "review": c.review, "place": c.claim.place_id or "", "faction": c.claim.faction,
        "date": c.claim.date, "kind": c.claim.kind, "outlet": c.source, "published": c.published,
        "quote": ui_state.clean_text(c.claim.quote), "note": "",
    } for c in shown])
    places = sorted(gaz.places)
    edited = st.data_editor(df, key="review_editor", hide_index=True, disabled=["id", "outlet", "published", "quote"],
                            column_config={
        "review": st.column_config.SelectboxColumn("review", options=list(REVIEW_STATES), required=True),
        "place": st.column_config.SelectboxColumn("place", options=[""] + places),
        "faction": st.column_config.SelectboxColumn("faction", options=list(settings.FACTIONS), required=True),
        "kind": st.column_config.SelectboxColumn("kind", options=list(KINDS), required=True),
        "quote": st.column_config.TextColumn("quote", width="large"),
    })
    if st.button("Apply changes", key="apply_review", type="primary"):
        with _Guard("saving the review"):
            store = _store(path)
            by_id = {c.claim_id: c for c in shown}
            written = 0
            for row in edited.to_dict("records"):
                ec = by_id.get(int(row["id"]))
                if ec is None:
                    continue
                before = {"review": ec.review, "place": ec.claim.place_id or "", "faction": ec.claim.faction,
                          "date": ec.claim.date, "kind": ec.claim.kind, "note": ""}
                if all(str(row.get(k) or "") == str(v or "") for k, v in before.items()):
                    continue
                written += _apply_row(store, ec, row)
            _bump()
            _flash("review", f"{written} change(s) saved.")
    _review_one(path, gaz, shown)
    with st.expander("History of one claim"):
        cid = st.selectbox("Claim", [c.claim_id for c in shown], key="history_claim")
        if cid is not None:
            with _Guard("reading the claim's history"):
                hist = _store(path).review_history(int(cid))
                machine = _store(path).machine_claim(int(cid))
                st.markdown(f"As first read: **{html.escape(machine.place_id or machine.place or '?')}**, "
                            f"{html.escape(machine.faction)}, {html.escape(machine.kind)}, {html.escape(machine.date)}")
                if hist:
                    st.dataframe(pd.DataFrame(hist), hide_index=True)
                else:
                    st.caption("Not reviewed yet.")


def _review_one(path: str, gaz: Any, shown: list) -> None:
    """Accept, reject or edit one claim through a form (keyboard-friendly; the table does the same in bulk)."""
    if not shown:
        return
    by_id = {c.claim_id: c for c in shown}
    with st.form("review_one"):
        st.markdown("**Review one claim**")
        cid = st.selectbox("Claim", list(by_id), key="r1_claim", format_func=lambda i: (
            f"#{i} · {by_id[i].claim.place_id or by_id[i].claim.mention} · {by_id[i].claim.faction} · "
            f"{by_id[i].claim.date} · {by_id[i].source}"))
        action = st.radio("Decision", ["accept", "reject", "edit"], key="r1_action", horizontal=True)
        c1, c2, c3, c4 = st.columns(4)
        place = c1.selectbox("Place (edit)", [""] + sorted(gaz.places), key="r1_place")
        faction = c2.selectbox("Faction (edit)", [""] + list(settings.FACTIONS), key="r1_faction")
        date = c3.text_input("Date (edit, YYYY-MM-DD)", key="r1_date")
        kind = c4.selectbox("Kind (edit)", [""] + list(KINDS), key="r1_kind")
        note = st.text_input("Note (why)", key="r1_note")
        ok = st.form_submit_button("Record the decision")
    if ok and cid is not None:
        with _Guard("recording the decision"):
            if action == "edit":
                _store(path).review(int(cid), "edit", place_id=place or None, faction=faction or None,
                                    date=date.strip() or None, kind=kind or None, note=note)
            else:
                _store(path).review(int(cid), action, note=note)
            _bump()
            _flash("review", f"Claim #{cid}: {action} recorded.")


# -- export ------------------------------------------------------------------------------
def _export(path: str, timeline: Any, gaz: Any, states: dict) -> None:
    day: dt.date = st.session_state["day"]
    claims = _claims(path)
    st.markdown(f"**Export {day.isoformat()}**")

    def png() -> bytes:
        from geo.report import report_png_bytes

        return report_png_bytes(claims, gaz, day)

    def geojson() -> bytes:
        from geo.export import state_to_geojson

        return json.dumps(state_to_geojson(states, gaz, day=day), ensure_ascii=False).encode("utf-8")

    def csv_day() -> bytes:
        from geo.export import state_to_csv

        buf = io.StringIO()
        state_to_csv(states, gaz, buf)
        return buf.getvalue().encode("utf-8")

    def csv_evidence() -> bytes:
        from geo.export import evidence_to_csv

        buf = io.StringIO()
        evidence_to_csv(claims, gaz, buf)
        return buf.getvalue().encode("utf-8")

    def page() -> bytes:
        from geo.report import standalone_html

        return standalone_html(claims, gaz, day).encode("utf-8")

    stem = f"aleppo-{day.isoformat()}"
    st.download_button("Report picture (PNG)", _safe(png, "the report picture"), f"{stem}.png", "image/png",
                       key="dl_png", on_click="ignore", use_container_width=True)
    st.download_button("Map data (GeoJSON)", _safe(geojson, "the GeoJSON"), f"{stem}.geojson",
                       "application/geo+json", key="dl_geojson", on_click="ignore", use_container_width=True)
    st.download_button("Quarters of the day (CSV)", _safe(csv_day, "the CSV"), f"{stem}.csv", "text/csv",
                       key="dl_csv", on_click="ignore", use_container_width=True)
    st.download_button("All evidence (CSV)", _safe(csv_evidence, "the evidence CSV"), "aleppo-evidence.csv",
                       "text/csv", key="dl_evidence", on_click="ignore", use_container_width=True)
    st.download_button("Standalone map with slider (HTML)", _safe(page, "the HTML map"), f"{stem}.html",
                       "text/html", key="dl_html", on_click="ignore", use_container_width=True)


def _safe(fn: Any, what: str) -> Any:
    """Wrap a deferred download so a failure becomes a short text file saying what went wrong."""

    def run() -> bytes:
        try:
            return fn()
        except GeoError as err:
            return f"Could not make {what}: {err}\n".encode()
        except Exception as err:  # noqa: BLE001 - never a traceback in the user's download
            log.exception("export of %s failed", what)
            return f"Could not make {what} ({type(err).__name__}); the server log has the details.\n".encode()

    return run


# -- page --------------------------------------------------------------------------------
def main() -> None:
    st.set_page_config(page_title="Quarters · Aleppo", page_icon="🗺️", layout="wide")
    try:  # also when started outside the project folder (no .streamlit/config.toml): no tracebacks
        st.set_option("client.showErrorDetails", "none")
    except Exception:  # noqa: BLE001 - an older Streamlit refuses; config.toml still sets it
        log.debug("client.showErrorDetails cannot be set at runtime")
    path = _db_path()
    # Everything that appears only on some runs (first-start status, link warnings) goes in
    # this one container, so the tabs below keep their place in the page and their selection.
    top = st.container()
    with top:
        with _Guard("preparing the map assets"):
            _static_assets()
        ok = False
        with _Guard("opening the evidence store", hint=(
                "In the app, choose the store with the QUARTERS_DB environment variable, e.g. "
                "QUARTERS_DB=/path/to/other.sqlite streamlit run app.py.")):
            _seed_if_empty(path)
            timeline, gaz = _timeline(path)
            claims = _claims(path)
            ok = True
    if not ok:
        st.stop()
    lo, hi = ui_state.claims_span(claims)
    changes = timeline.change_dates()
    default = max([d for d in changes if d <= hi], default=hi)
    fc_ids = {f for f in gaz.places if gaz.places[f].kind == "quarter"}
    _init_state(lo, hi, default, fc_ids)
    with top:
        for note in st.session_state["notes"]:
            st.warning(note)
    st.session_state["notes"] = []

    with st.sidebar:
        st.title("Quarters")
        st.caption("Who controlled each quarter of Aleppo, day by day, from news reports.")
        st.toggle("Map tiles (OpenStreetMap, needs internet)", key="tiles_want")
        _tiles_gate()
        states = timeline.control_on(st.session_state["day"])
        with _Guard("preparing the exports"):
            _export(path, timeline, gaz, states)
        st.caption(f"Evidence store: {html.escape(path)} · {len(claims)} claims")

    tab_map, tab_add, tab_review = st.tabs(["Map", "Add an article", "Review claims"])
    with tab_map:
        left, right = st.columns([5, 3])
        with left:
            with _Guard("drawing the map"):
                states = _map_section(path, timeline, gaz, changes, lo, hi)
        with right:
            with _Guard("showing the quarter"):
                _quarter_panel(path, timeline, gaz, states, lo, hi)
    with tab_add:
        _show_flash("add")
        with _Guard("showing the article form"):
            _add_article(path, gaz)
    with tab_review:
        _show_flash("review")
        with _Guard("showing the review table"):
            _review(path, gaz)
    _sync_url()


def _tiles_gate() -> None:
    """Turn tiles on only when the tile server answers; offline, say so and keep the map without them."""
    want = bool(st.session_state.get("tiles_want"))
    if not want:
        st.session_state["tiles_on"] = False
        return
    if st.session_state.get("tiles_on"):
        return
    import socket

    try:
        socket.create_connection(("tile.openstreetmap.org", 443), timeout=1.5).close()
    except OSError:
        st.session_state["tiles_on"] = False
        st.warning("The tile server cannot be reached (offline?); the map shows quarters, names and the city outline without tiles.")
        return
    st.session_state["tiles_on"] = True


main()

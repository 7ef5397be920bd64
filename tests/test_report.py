"""The report picture (PNG) and the standalone offline HTML map: colours, escaping, offline use."""
from __future__ import annotations

import datetime as dt
import html as html_mod
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from geo import report, settings
from geo.errors import ExportError
from geo.models import Claim, EvidenceClaim

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_QUOTE = ("Les forces ont pris le quartier de Cheikh Khodr </script><script>window.__pwned=1</script> "
                 "<img src=x onerror=\"window.__pwned=2\"> `${window.__pwned=3}` 'single' \"double\" "
                 "\u0633\u064a\u0637\u0631\u0629 \u0639\u0644\u0649 \u062d\u064a \u0627\u0644\u0634\u064a\u062e \u062e\u0636\u0631 "
                 "\U0001f525\U0001f4a5 \u202e reversed \u2028 line-sep")
HOSTILE_SOURCE = "Evil \"><svg onload=window.__pwned=4> Press"


def _ev(cid: int, place_id: str, faction: str, date: str, quote: str, *, source: str = "AFP", cited: str | None = "OSDH",
        doc: int = 1, kind: str = "capture", url: str = "https://example.org/a", review: str = "auto") -> EvidenceClaim:
    c = Claim(place_id=place_id, place=place_id, place_kind="quarter", mention=place_id, start=0, end=len(place_id),
              faction=faction, kind=kind, date=date, date_precision="day", quote=quote, attributed_to=cited, confidence=0.9)
    return EvidenceClaim(claim_id=cid, claim=c, document_id=doc, source=source, url=url, published=date,
                         title="t", review=review)


@pytest.fixture(scope="module")
def claims() -> list[EvidenceClaim]:
    return [
        _ev(1, "masaken_hanano", "government", "2016-11-26", "Capture samedi du quartier de Massaken Hanano."),
        _ev(2, "sakhour", "rebels", "2016-10-01", "Les rebelles tiennent Sakhour.", doc=2, source="Reuters", cited=None),
        _ev(3, "sakhour", "government", "2016-11-28", "Prendre le contrôle lundi des quartiers de Sakhour."),
        _ev(4, "sheikh_maqsoud", "kurds", "2016-11-28", "Les forces kurdes contrôlent Cheikh Maqsoud.", kind="control"),
        _ev(5, "sheikh_fares", "kurds", "2016-11-28", "Contrôler le quartier de Cheikh Fares."),
        _ev(6, "jabal_badro", "government", "2016-11-28", "Government troops entered Jabal Badro.", doc=3, source="SANA", cited=None),
        _ev(7, "jabal_badro", "rebels", "2016-11-28", "Rebels still hold Jabal Badro.", doc=4, source="Reuters", cited="a commander"),
        _ev(8, "sheikh_khodr", "government", "2016-11-28", HOSTILE_QUOTE, doc=5, source=HOSTILE_SOURCE,
            cited="<b>bold</b> & co", url="javascript:alert(1)"),
        _ev(9, "haydariya", "government", "2016-11-28", "x" * 5000 + " " + "\u0627" * 3000, doc=6, source="Long"),
        _ev(10, "ramouseh", "isis", "2016-11-20", "A test claim that ISIS holds Ramouseh (fixture).", doc=7, source="Test"),
    ]


@pytest.fixture(scope="module")
def boundaries():
    from geo.geometry import load_boundaries

    return load_boundaries()


@pytest.fixture(scope="module")
def png_1128(claims, gazetteer, artifacts):
    data = report.report_png_bytes(claims, gazetteer, dt.date(2016, 11, 28), width=2000)
    (artifacts / "report_fixture_2016-11-28.png").write_bytes(data)
    return data


def _open(data: bytes):
    from PIL import Image

    img = Image.open(io.BytesIO(data))
    img.load()
    return img.convert("RGB")


def _interior_colours(img, proj, geom, n: int = 9) -> Counter:
    """Colours at a grid of points well inside geom (away from edges and labels' halo is tolerated)."""
    from shapely.geometry import Point

    inner = geom.buffer(-0.0008)  # ~80 m inside the boundary
    if inner.is_empty:
        inner = geom.buffer(-0.0003)
    lon0, lat0, lon1, lat1 = inner.bounds
    out: Counter = Counter()
    for i in range(n):
        for j in range(n):
            lon = lon0 + (lon1 - lon0) * (i + 0.5) / n
            lat = lat0 + (lat1 - lat0) * (j + 0.5) / n
            if inner.contains(Point(lon, lat)):
                x, y = proj.lon_lat_to_px(lon, lat)
                out[img.getpixel((int(x), int(y)))] += 1
    return out


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[k:k + 2], 16) for k in (0, 2, 4))


def _share(counts: Counter, colour: str, tol: int = 8) -> float:
    target = _rgb(colour)
    near = sum(v for c, v in counts.items() if all(abs(a - b) <= tol for a, b in zip(c, target)))
    return near / max(1, sum(counts.values()))


# --------------------------------------------------------------------------- PNG

def test_png_is_valid_and_wide(png_1128):
    assert png_1128[:8] == b"\x89PNG\r\n\x1a\n"
    img = _open(png_1128)
    assert img.width == 2000
    assert img.height > 1200


def test_png_minimum_width_and_print_width(claims, gazetteer, artifacts):
    for w in (1600, 2400):
        data = report.report_png_bytes(claims, gazetteer, dt.date(2016, 11, 28), width=w)
        assert _open(data).width == w
    (artifacts / "report_fixture_2400.png").write_bytes(data)


@pytest.mark.parametrize("width", [800, 1599, 10_000, "2000"])
def test_png_bad_width_is_a_clear_error(claims, gazetteer, width):
    with pytest.raises(ExportError, match="width"):
        report.report_png_bytes(claims, gazetteer, dt.date(2016, 11, 28), width=width)


@pytest.mark.parametrize(("place", "state"), [
    ("masaken_hanano", "government"), ("sakhour", "government"), ("sheikh_maqsoud", "kurds"),
    ("ramouseh", "isis"), ("salaheddine", "unknown"),
])
def test_png_interior_pixel_matches_state(png_1128, gazetteer, boundaries, place, state):
    img = _open(png_1128)
    proj = report.report_projection(gazetteer, width=2000)
    counts = _interior_colours(img, proj, boundaries[place].geometry)
    assert sum(counts.values()) >= 5, f"too few sample points inside {place}"
    share = _share(counts, settings.FACTION_COLOURS[state])
    assert share >= 0.6, f"{place}: expected {state} colour, got {counts.most_common(3)}"


def test_png_follows_the_date(claims, gazetteer, boundaries):
    img = _open(report.report_png_bytes(claims, gazetteer, dt.date(2016, 11, 27), width=2000))
    proj = report.report_projection(gazetteer, width=2000)
    counts = _interior_colours(img, proj, boundaries["sakhour"].geometry)
    assert _share(counts, settings.FACTION_COLOURS["rebels"]) >= 0.6
    assert _share(counts, settings.FACTION_COLOURS["government"]) < 0.1


def test_png_contested_shows_both_colours(png_1128, gazetteer, boundaries):
    img = _open(png_1128)
    proj = report.report_projection(gazetteer, width=2000)
    counts = _interior_colours(img, proj, boundaries["jabal_badro"].geometry, n=21)
    gov = _share(counts, settings.FACTION_COLOURS["government"], tol=30)
    reb = _share(counts, settings.FACTION_COLOURS["rebels"], tol=30)
    # The quarter's name (dark text, white halo) covers part of it: both colours, no third fill colour.
    assert gov >= 0.12 and reb >= 0.12 and gov + reb >= 0.35, counts.most_common(5)
    assert _share(counts, settings.FACTION_COLOURS["unknown"], tol=12) < 0.05
    assert _share(counts, settings.FACTION_COLOURS["contested"], tol=12) < 0.05


def test_png_hostile_text_and_no_system_fonts(claims, gazetteer, monkeypatch):
    # Without DejaVu/Noto (a laptop with only pip packages) Pillow's bundled font is used.
    monkeypatch.setattr(report, "_FONT_FILES", {False: ("/nonexistent.ttf",), True: ("/nonexistent-bold.ttf",)})
    monkeypatch.setattr(report, "_FONT_FALLBACK_NAMES", {False: (), True: ()})
    monkeypatch.setattr(report, "_font_cache", {})
    assert "FreeTypeFont" in type(report._font(20)).__name__  # Pillow's bundled scalable font
    assert report._renderable(report._font(20), "contrôle \u2192 x") == "controle -> x"
    data = report.report_png_bytes(claims, gazetteer, dt.date(2016, 11, 28),
                                   title="\u062d\u0644\u0628 \U0001f525 </script> " + "very long title " * 30)
    assert _open(data).width == 2000


def test_lone_surrogates_and_nul_do_not_break_exports(gazetteer, tmp_path):
    bad = [_ev(1, "sakhour", "government", "2016-11-28", "bytes \udce9 and nul \x00 here", source="X\udcff",
               cited="\ud800")]
    report.export_png(bad, gazetteer, dt.date(2016, 11, 28), tmp_path / "b.png")
    report.export_html(bad, gazetteer, dt.date(2016, 11, 28), tmp_path / "b.html")
    assert "bytes and nul here" in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_source_entries_are_deduplicated_and_truncated(claims, gazetteer):
    from geo.timeline import control_on

    st = control_on(claims, dt.date(2016, 11, 28), gazetteer)
    entries = report._source_entries(st)
    keys = [(e.source, e.published, e.quote) for e in entries]
    assert len(keys) == len(set(keys))
    assert {e.source for e in entries} >= {"AFP", "SANA", "Reuters"}
    # The same quote deciding two quarters is listed once with both places.
    dup = [_ev(20, "sakhour", "government", "2016-11-28", "Same sentence."),
           _ev(21, "haydariya", "government", "2016-11-28", "Same sentence.")]
    st2 = control_on(dup, dt.date(2016, 11, 28), gazetteer)
    e2 = report._source_entries(st2)
    assert len(e2) == 1 and set(e2[0].places) == {"sakhour", "haydariya"}
    assert report._truncate("word " * 100, 50).endswith("\u2026")
    assert len(report._truncate("word " * 100, 50)) <= 51


def test_png_lists_only_so_many_sources(gazetteer):
    many = [_ev(100 + i, q.id, "government", "2016-11-28", f"Quote number {i}.", doc=100 + i, source=f"Outlet {i}")
            for i, q in enumerate(gazetteer.quarters[:40])]
    data = report.report_png_bytes(many, gazetteer, dt.date(2016, 11, 28), max_sources=5)
    assert _open(data).height < 3000


def test_date_in_words():
    assert report.date_in_words(dt.date(2016, 11, 28)) == "Monday 28 November 2016"


def test_export_png_to_missing_folder_is_a_clear_error(claims, gazetteer, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        report.export_png(claims, gazetteer, dt.date(2016, 11, 28), tmp_path / "nope" / "r.png")


def test_export_png_writes_file(claims, gazetteer, tmp_path):
    p = tmp_path / "r.png"
    report.export_png(claims, gazetteer, dt.date(2016, 11, 28), p)
    assert p.read_bytes()[:4] == b"\x89PNG"
    assert not (tmp_path / "r.png.part").exists()


# --------------------------------------------------------------------------- HTML

@pytest.fixture(scope="module")
def page(claims, gazetteer, artifacts) -> str:
    text = report.standalone_html(claims, gazetteer, dt.date(2016, 11, 28), title="Aleppo <test> & \"title\"")
    (artifacts / "map_fixture.html").write_text(text, encoding="utf-8")
    return text


def _data_json(page: str) -> dict:
    m = re.search(r'<script id="quarters-data" type="application/json">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def test_html_has_no_remote_scripts_or_styles(page):
    low = page.lower()
    assert "<script src" not in low and not re.search(r"<script[^>]*\ssrc\s*=", low)
    assert "<link" not in low
    assert "@import" not in low
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", low)
    # Outside the data block, the only http(s) URLs are the SVG namespace and the optional tile layer.
    from geo import assets

    outside = re.sub(r'<script id="quarters-data" type="application/json">.*?</script>', "", page, flags=re.S)
    # Leaflet's own files (inlined verbatim) name leafletjs.com and a bug report in comments: not requests.
    assert assets.leaflet_js() in outside and assets.leaflet_css_inline() in outside
    outside = outside.replace(assets.leaflet_js(), "").replace(assets.leaflet_css_inline(), "")
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", outside))
    allowed = {"http://www.w3.org/2000/svg", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"}
    assert urls <= allowed, urls - allowed
    # The tile URL appears only in the optional layer's code.
    assert outside.count("tile.openstreetmap.org") == 1
    idx = outside.index("tile.openstreetmap.org")
    assert "L.tileLayer(" in outside[idx - 80: idx]


def test_html_escapes_hostile_text(page):
    assert "<script>window.__pwned" not in page
    assert "<img src=x onerror" not in page
    assert "<svg onload" not in page
    assert page.count("</script>") == 3  # data, Leaflet, our script: nothing from articles closes a tag
    assert html_mod.escape("Aleppo <test> & \"title\"") in page
    data = _data_json(page)
    quotes = [c["quote"] for c in data["claims"]]
    assert any("</script><script>window.__pwned=1</script>" in q for q in quotes)  # kept exactly, as text
    sources = {c["source"] for c in data["claims"]}
    assert HOSTILE_SOURCE in sources
    assert not any("\u202e" in q for q in quotes)  # a bidi override cannot reverse the page's text
    urls = {c["url"] for c in data["claims"]}
    assert "javascript:alert(1)" not in urls


def test_html_table_covers_every_change_date(page, claims, gazetteer):
    from geo.timeline import change_dates

    data = _data_json(page)
    want = {d.isoformat() for d in change_dates(claims, gazetteer)} | {"2016-11-28"}
    assert set(data["dates"]) == want
    assert data["dates"][data["start"]] == "2016-11-28"
    assert all(len(row) == len(data["quarters"]) for row in data["table"])
    qi = [q["id"] for q in data["quarters"]].index("sakhour")
    by_date = {d: data["states"][row[qi]] for d, row in zip(data["dates"], data["table"], strict=True)}
    assert by_date["2016-10-01"][:2] == ["held", "rebels"]
    assert by_date["2016-11-28"][:2] == ["held", "government"]


def test_export_html_writes_utf8(claims, gazetteer, tmp_path):
    p = tmp_path / "m.html"
    report.export_html(claims, gazetteer, dt.date(2016, 11, 28), p)
    assert p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --------------------------------------------------------------------------- browser

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed; run scripts/test.sh, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM,
                              args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


def _open_page(browser, path: Path, fragment: str = ""):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    outside: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri() + fragment)
    page.wait_for_selector("body[data-ready='1']", timeout=15_000)
    return page, outside, dialogs, errors


@pytest.mark.browser
def test_browser_offline_slider_and_panel(browser, page, claims, gazetteer, artifacts, tmp_path):
    path = tmp_path / "map.html"
    path.write_text(page, encoding="utf-8")
    data = _data_json(page)
    pg, outside, dialogs, errors = _open_page(browser, path)
    try:
        n_paths = pg.locator("path.quarter").count()
        assert n_paths >= len(data["quarters"])
        drawn = set(pg.eval_on_selector_all("path.quarter", "ps => ps.map(p => p.getAttribute('data-place'))"))
        assert drawn == {q["id"] for q in data["quarters"]}
        assert pg.evaluate("document.body.getAttribute('data-date')") == "2016-11-28"
        sak = pg.locator("path[data-place='sakhour']").first
        assert sak.get_attribute("fill") == settings.FACTION_COLOURS["government"]
        jb = pg.locator("path[data-place='jabal_badro']").first
        assert jb.get_attribute("fill").startswith("url(#hatch_")
        pg.screenshot(path=str(artifacts / "map_fixture_2016-11-28.png"))
        # Move the slider with the keyboard: back one change date.
        pg.locator("#slider").focus()
        pg.keyboard.press("ArrowLeft")
        assert pg.evaluate("document.body.getAttribute('data-date')") < "2016-11-28"
        assert sak.get_attribute("fill") == settings.FACTION_COLOURS["rebels"]
        pg.locator("#next").click()
        assert sak.get_attribute("fill") == settings.FACTION_COLOURS["government"]
        # Legend counts follow the date.
        kurds = pg.locator("#legend div[data-key='kurds']").inner_text()
        assert "2 quarters" in kurds
        # Click the quarter with the hostile claim: shown as text, nothing runs.
        pg.locator("path[data-place='sheikh_khodr']").first.dispatch_event("click")
        panel = pg.locator("#panel").inner_text()
        assert "</script><script>window.__pwned=1</script>" in panel
        assert "<img src=x onerror" in panel
        assert HOSTILE_SOURCE in panel
        assert pg.locator("#panel a").count() == 0  # javascript: URL dropped
        assert pg.evaluate("typeof window.__pwned") == "undefined"
        # Hover: names and the state on the shown date, as text.
        pg.locator("path[data-place='sakhour']").first.dispatch_event("mouseover")
        tip = pg.locator(".leaflet-tooltip:not(.qlabel)").last.inner_text()
        assert "Sakhour" in tip and "Government forces since 2016-11-28" in tip
        pg.locator("path[data-place='sakhour']").first.dispatch_event("click")
        assert "Prendre le contrôle lundi des quartiers de Sakhour" in pg.locator("#panel").inner_text()
        assert pg.locator("#panel .claim.deciding mark").first.inner_text() == "Sakhour"  # mention found in the quote
        assert pg.locator("#panel a[href='https://example.org/a']").count() >= 1
        pg.screenshot(path=str(artifacts / "map_fixture_panel.png"))
        # The optional tile layer: on, it tries the network (blocked here) and the map still works.
        pg.locator("#tiles").check()
        pg.wait_for_timeout(300)
        pg.locator("#prev").click()
        assert sak.get_attribute("fill") == settings.FACTION_COLOURS["rebels"]
        pg.locator("#tiles").uncheck()
        assert dialogs == [] and errors == [], (dialogs, errors)
        assert all("tile.openstreetmap.org" in u for u in outside), outside
        # Defence in depth: the page only runs the two scripts whose hashes its CSP lists.
        assert "'unsafe-inline'" not in re.search(r"script-src[^;]*", page).group(0)
    finally:
        pg.close()


@pytest.mark.browser
def test_browser_no_request_leaves_the_machine(browser, page, tmp_path):
    path = tmp_path / "map.html"
    path.write_text(page, encoding="utf-8")
    pg, outside, dialogs, errors = _open_page(browser, path)
    try:
        pg.wait_for_timeout(500)
        for _ in range(3):
            pg.locator("#prev").click()
        pg.mouse.wheel(0, -300)
        pg.wait_for_timeout(300)
        assert outside == []
        assert errors == [] and dialogs == []
    finally:
        pg.close()


# --------------------------------------------------------------------------- CLI end-to-end

def test_cli_ingest_then_export(tmp_path, artifacts, gazetteer, boundaries):
    try:
        import geo.store  # noqa: F401
    except ImportError as err:
        pytest.skip(f"geo.store is not importable yet ({err}); the CLI export needs the store")
    try:
        import geo.extract  # noqa: F401
    except ImportError as err:
        pytest.skip(f"geo.extract is not importable yet ({err}); ingest cannot extract claims from seeds/")
    db = tmp_path / "q.sqlite"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "geo", "ingest", "seeds/", "--db", str(db), "--quiet"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    png, page = tmp_path / "f.png", tmp_path / "f.html"
    r = subprocess.run([sys.executable, "-m", "geo", "export", "--date", "2016-11-28", "--png", str(png),
                        "--html", str(page), "--db", str(db)], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    shutil.copy(png, artifacts / "report_seed_2016-11-28.png")
    shutil.copy(page, artifacts / "map_seed.html")
    img = _open(png.read_bytes())
    assert img.width >= 1600
    proj = report.report_projection(gazetteer, width=img.width)
    counts = _interior_colours(img, proj, boundaries["sakhour"].geometry)
    assert _share(counts, settings.FACTION_COLOURS["government"]) >= 0.6, counts.most_common(3)
    data = _data_json(page.read_text(encoding="utf-8"))
    assert "2016-11-28" in data["dates"]
    assert any("Sakhour" in c["quote"] for c in data["claims"])


def test_cli_export_bad_path_is_a_message(tmp_path):
    try:
        import geo.store  # noqa: F401
    except ImportError as err:
        pytest.skip(f"geo.store is not importable yet ({err})")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "geo", "export", "--date", "2016-11-28", "--png",
                        str(tmp_path / "missing" / "f.png"), "--db", str(tmp_path / "q.sqlite")],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 1
    assert r.stderr.startswith("Error: ") and "does not exist" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.browser
def test_browser_date_in_link(browser, page, tmp_path):
    path = tmp_path / "map.html"
    path.write_text(page, encoding="utf-8")
    pg, outside, dialogs, errors = _open_page(browser, path, "#2016-11-27")
    try:
        # The nearest change date on or before 2016-11-27: Sakhour still rebel.
        assert pg.evaluate("document.body.getAttribute('data-date')") <= "2016-11-27"
        assert pg.locator("path[data-place='sakhour']").first.get_attribute("fill") == settings.FACTION_COLOURS["rebels"]
        pg.locator("#next").click()
        assert pg.evaluate("location.hash") == "#2016-11-28"
        assert pg.locator("#next").is_disabled()
        assert outside == [] and errors == [] and dialogs == []
    finally:
        pg.close()


@pytest.mark.browser
def test_browser_csp_blocks_a_script_that_slipped_in(browser, page, tmp_path):
    # If escaping ever failed, the page's CSP (script hashes) would still stop the injected script.
    path = tmp_path / "map.html"
    path.write_text(page.replace("<div id=\"panel\">", "<script>window.__pwned=9</script><div id=\"panel\">", 1),
                    encoding="utf-8")
    pg, outside, dialogs, errors = _open_page(browser, path)
    try:
        assert pg.evaluate("typeof window.__pwned") == "undefined"
        assert pg.locator("path.quarter").count() > 0  # our own scripts still ran
    finally:
        pg.close()


def test_small_coloured_quarters_are_numbered(claims, gazetteer, boundaries):
    from geo.timeline import control_on

    st = control_on(claims, dt.date(2016, 11, 28), gazetteer)
    proj = report.report_projection(gazetteer, width=2000)
    shapes = report._load_shapes(gazetteer, None)
    n_names, key, ops, n_unmarked = report._plan_labels(proj, shapes, st, gazetteer, 1.0)
    assert n_names >= 10
    assert [n for n, _ in key] == list(range(1, len(key) + 1))
    assert all(st[pid].status != "unknown" for _, pid in key)
    named = {text for _, text, *_ in ops}
    coloured = [pid for pid, s in st.items() if s.status != "unknown" and pid in shapes]
    # Every coloured quarter is named or numbered, except those counted as without room.
    marked = {pid for _, pid in key} | {pid for pid in coloured
                                         if any(w in named for w in gazetteer.get(pid).name_en.split())}
    assert len([pid for pid in coloured if pid not in marked]) <= n_unmarked

"""The real app in headless Chromium: map drawn, offline, date links, clicks, downloads, escaping, zoom.

One ``streamlit run app.py`` server for the module, on a fresh temporary store, so the
first start ingests seeds/ exactly as a user's first start does. Screenshots go to
artifacts/. Every request the browser makes is recorded; none may leave localhost.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from browser import AppServer, is_local, launch_chromium, map_frame, wait_painted

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
SEED_QUOTE = "prendre le contrôle lundi des quartiers de Sakhour"

if not Path("/usr/bin/chromium").exists() and not shutil.which("chromium"):
    pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = None
    template = os.environ.get("QUARTERS_BROWSER_DB_TEMPLATE")  # developers only: start from a copy of a store
    if template:
        db = str(tmp_path_factory.mktemp("db") / "quarters.sqlite")
        shutil.copyfile(template, db)
    srv = AppServer(db_path=db)
    try:
        srv.start()
    except RuntimeError as err:
        pytest.fail(str(err))
    yield srv
    out = srv.output()
    srv.cleanup()
    if "Traceback" in out:
        print(out)


@pytest.fixture(scope="module")
def requests_seen():
    return []


@pytest.fixture(scope="module")
def browser(requests_seen):
    with sync_api.sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


@pytest.fixture()
def page(browser, requests_seen, server):
    ctx = browser.new_context(viewport={"width": 1500, "height": 1100}, accept_downloads=True)
    ctx.on("request", lambda r: requests_seen.append(r.url))
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)


def _open(page, server, query: str = ""):
    page.goto(f"{server.url}/{query}")
    return map_frame(page)


def _sakhour_fill(frame) -> str:
    return frame.evaluate("() => document.querySelector('path.q-sakhour').getAttribute('fill')")


def _click_quarter(page, frame, pid: str) -> None:
    """A real mouse click on the point inside the quarter where its name sits."""
    xy = frame.evaluate("""(pid) => {
        const m = window.map, ll = window.quarterPoints[pid];
        const p = m.latLngToContainerPoint(L.latLng(ll[0], ll[1]));
        const r = m.getContainer().getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""", pid)
    box = page.locator("iframe[title*='st_folium']").bounding_box()
    page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])


def _idle(page, quiet_ms: int = 400) -> None:
    """Wait until the script has not been running for ``quiet_ms`` (a rerun re-draws the grid)."""
    page.wait_for_function(f"""() => {{
        const app = document.querySelector('[data-testid=stApp]');
        const idle = app && app.getAttribute('data-test-script-state') !== 'running';
        const now = Date.now();
        if (!idle) {{ window.__idleSince = null; return false; }}
        window.__idleSince = window.__idleSince || now;
        return now - window.__idleSince >= {quiet_ms};
    }}""", polling=50, timeout=30_000)


def _quarter_count() -> int:
    from geo.gazetteer import load_gazetteer

    return len(load_gazetteer().quarters)


def test_page_loads_with_every_quarter_drawn_and_a_legend(page, server):
    frame = _open(page, server)
    n = frame.evaluate("() => document.querySelectorAll('.leaflet-overlay-pane path.q-path').length")
    assert n == _quarter_count()
    assert frame.evaluate("() => document.querySelectorAll('path.q-outline').length") >= 1
    page.get_by_text("Government:").first.wait_for()
    # Without tiles the names are on the map, as many as fit without overlapping.
    frame.wait_for_timeout(400)
    boxes = frame.evaluate("""() => [...document.querySelectorAll('.q-label')]
        .filter(e => e.style.display !== 'none')
        .map(e => { const r = e.firstChild.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    assert len(boxes) >= 8
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    _shot(page, "loaded")


def test_date_link_turns_sakhour_from_not_government_to_government(page, server):
    from geo import settings

    gov = settings.FACTION_COLOURS["government"]
    frame = _open(page, server, "?date=2016-11-27")
    wait_painted(frame, "2016-11-27")
    before = _sakhour_fill(frame)
    _shot(page, "2016-11-27")
    frame = _open(page, server, "?date=2016-11-28")
    wait_painted(frame, "2016-11-28")
    after = _sakhour_fill(frame)
    _shot(page, "2016-11-28")
    assert before.lower() != gov.lower()
    assert after.lower() == gov.lower()


def test_clicking_sakhour_shows_the_seed_quote_and_keeps_it_in_the_link(page, server):
    frame = _open(page, server, "?date=2016-11-28")
    wait_painted(frame, "2016-11-28")
    _click_quarter(page, frame, "sakhour")
    quote = page.locator("blockquote.q-quote").filter(has_text=SEED_QUOTE).first
    quote.wait_for(timeout=30_000)
    assert quote.locator("mark").filter(has_text="Sakhour").count() >= 1
    page.wait_for_url("**quarter=sakhour**", timeout=10_000)
    assert "date=2016-11-28" in page.url
    _shot(page, "sakhour-clicked")
    # The link reopens the same view.
    page.goto(page.url)
    map_frame(page)
    page.locator("blockquote.q-quote").filter(has_text=SEED_QUOTE).first.wait_for(timeout=30_000)


def test_zoom_survives_a_date_change_and_the_map_is_not_remounted(page, server):
    frame = _open(page, server, "?date=2016-11-28")
    wait_painted(frame, "2016-11-28")
    frame.evaluate("() => { window.__sameMap = 'yes'; }")
    z0 = frame.evaluate("() => window.map.getZoom()")
    frame.locator(".leaflet-control-zoom-in").click()
    frame.wait_for_function("(z) => window.map.getZoom() === z + 1", arg=z0)
    page.get_by_role("button", name="previous change").click()
    frame.wait_for_function("() => window.quartersPainted.day !== '2016-11-28'", timeout=30_000)
    day = frame.evaluate("() => window.quartersPainted.day")
    assert day < "2016-11-28"
    assert frame.evaluate("() => window.map.getZoom()") == z0 + 1
    assert frame.evaluate("() => window.__sameMap") == "yes"
    page.wait_for_url(f"**date={day}**", timeout=10_000)
    _shot(page, "after-date-change")


def test_report_png_downloads_as_a_wide_image(page, server):
    from PIL import Image

    _open(page, server, "?date=2016-11-28")
    with page.expect_download(timeout=120_000) as dl:
        page.get_by_role("button", name="Report picture (PNG)").click()
    path = dl.value.path()
    data = Path(path).read_bytes()
    img = Image.open(io.BytesIO(data))
    img.load()
    assert img.format == "PNG"
    assert img.width >= 1600
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "browser-report.png").write_bytes(data)


def _download(page, label: str) -> bytes:
    with page.expect_download(timeout=120_000) as dl:
        page.get_by_role("button", name=label).click()
    return Path(dl.value.path()).read_bytes()


def test_the_days_data_and_the_standalone_map_download(page, server):
    import csv
    import json

    _open(page, server, "?date=2016-11-28")
    fc = json.loads(_download(page, "Map data (GeoJSON)"))
    by_id = {f["id"]: f["properties"] for f in fc["features"]}
    assert len(by_id) >= _quarter_count()
    assert by_id["sakhour"]["faction"] == "government" and by_id["sakhour"]["date"] == "2016-11-28"
    rows = list(csv.DictReader(io.StringIO(_download(page, "Quarters of the day (CSV)").decode("utf-8"))))
    assert len(rows) >= _quarter_count()
    evidence = _download(page, "All evidence (CSV)").decode("utf-8")
    assert SEED_QUOTE in evidence
    page_html = _download(page, "Standalone map with slider (HTML)").decode("utf-8")
    assert page_html.lstrip().lower().startswith("<!doctype html") and "Sakhour" in page_html
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "browser-standalone.html").write_text(page_html, encoding="utf-8")


HOSTILE = ("ALEP, 29 novembre 2016 - Les forces du régime ont pris le contrôle mardi du quartier de Sakhour "
           '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> '
           "`backticks` \"double\" 'single', selon l'OSDH.")


def test_hostile_article_text_is_shown_as_text(page, server):
    _open(page, server, "?date=2016-11-29")
    page.get_by_role("tab", name="Add an article").click()
    page.get_by_label("Article text").fill(HOSTILE)
    page.get_by_label("Publication date (YYYY-MM-DD)").fill("2016-11-29")
    page.get_by_role("textbox", name="Outlet", exact=True).fill('<b onmouseover="window.__pwned=3">Evil</b> "outlet"')
    page.get_by_role("button", name="Read the claims").click()
    page.get_by_text("claim(s) found").wait_for(timeout=60_000)
    page.get_by_role("button", name="Save the article and the decisions").click()
    page.get_by_text("Saved article").wait_for(timeout=60_000)
    page.goto(f"{server.url}/?date=2016-11-29&quarter=sakhour")
    map_frame(page)
    card = page.locator("blockquote.q-quote").filter(has_text="<script>window.__pwned = 1</script>").first
    card.wait_for(timeout=30_000)
    text = card.inner_text()
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert "`backticks`" in text and '"double"' in text and "'single'" in text
    assert page.locator("div.q-claim").filter(has_text='<b onmouseover="window.__pwned=3">Evil</b>').count() >= 1
    card.hover()
    for fr in page.frames:
        assert fr.evaluate("() => typeof window.__pwned") == "undefined"
    _shot(page, "hostile-article")


def _add_article(page, text: str, date: str, outlet: str) -> None:
    page.get_by_role("tab", name="Add an article").click()
    page.get_by_label("Article text").fill(text)
    page.get_by_label("Publication date (YYYY-MM-DD)").fill(date)
    page.get_by_role("textbox", name="Outlet", exact=True).fill(outlet)
    page.get_by_role("button", name="Read the claims").click()
    page.get_by_text("claim(s) found").wait_for(timeout=60_000)
    page.get_by_role("button", name="Save the article and the decisions").click()
    page.get_by_text("Saved article").wait_for(timeout=60_000)


def test_sources_that_disagree_make_a_hatched_quarter_and_sit_side_by_side(page, server):
    _open(page, server, "?date=2016-12-01")
    _add_article(page, "ALEP, 1 décembre 2016 - Les forces du régime ont pris le contrôle jeudi du quartier de Hellok, "
                       "selon l'OSDH.", "2016-12-01", "Outlet A")
    _add_article(page, "ALEP, 1 décembre 2016 - Les rebelles ont repris le contrôle jeudi du quartier de Hellok, "
                       "selon des militants.", "2016-12-01", "Outlet B")
    frame = _open(page, server, "?date=2016-12-01&quarter=hellok")
    wait_painted(frame, "2016-12-01")
    fill = frame.evaluate("() => document.querySelector('path.q-hellok').getAttribute('fill')")
    assert fill.startswith("url(#q-hatch-")
    pattern = frame.evaluate("(id) => [...document.querySelectorAll(id + ' rect')].map(r => r.getAttribute('fill'))",
                             fill[4:-1])
    from geo import settings

    assert sorted(pattern) == sorted([settings.FACTION_COLOURS["government"], settings.FACTION_COLOURS["rebels"]])
    page.get_by_text("Sources disagree").wait_for(timeout=30_000)
    assert page.get_by_text("Contested (Government / Rebels)").count() >= 1
    _shot(page, "contested")


def test_a_binary_upload_is_refused_with_a_message_not_a_traceback(page, server):
    _open(page, server)
    page.get_by_role("tab", name="Add an article").click()
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "scan.txt", "mimeType": "text/plain", "buffer": b"PK\x03\x04\x00\x00binary\x00" * 50}])
    page.get_by_text("scan.txt").first.wait_for(timeout=30_000)
    page.get_by_role("button", name="Read the claims").click()
    alert = page.locator("[data-testid='stAlertContentError']").filter(has_text="looks like a binary file")
    alert.first.wait_for(timeout=30_000)
    assert "save the article as plain text" in alert.first.inner_text()
    assert page.get_by_text("Traceback").count() == 0
    _shot(page, "binary-upload")


def test_a_claim_edited_in_the_review_table_is_kept_in_the_store(page, server):
    from geo.store import open_store

    _open(page, server, "?date=2016-11-28")
    page.get_by_role("tab", name="Review claims").click()
    page.get_by_role("combobox", name="Quarter").click()
    page.keyboard.type("Sakhour", delay=20)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.get_by_role("combobox", name="Outlet").click()  # other tests add Sakhour claims from other outlets
    page.keyboard.type("AFP", delay=20)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.get_by_text(re.compile(r"^1 of \d+ claims\.")).wait_for(timeout=30_000)
    grid = page.locator(".st-key-review_editor")
    grid.locator("[role=row]").filter(has_text="sakhour").first.wait_for(state="attached")
    sync_api.expect(grid.locator("[role=row]")).to_have_count(2, timeout=10_000)  # header + the Sakhour claim
    date_cell = grid.locator("[role=row]").nth(1).locator("[role=gridcell][aria-colindex='5']")
    for _attempt in range(3):  # keyboard into a canvas grid: redo if a rerun stole the focus
        _idle(page)
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 20, box["y"] + 35 + 17)  # first body cell (id)
        for _ in range(4):  # id, review, place, faction, date
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        page.keyboard.press("Control+A")
        page.keyboard.type("2016-11-27", delay=30)
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        try:
            sync_api.expect(date_cell).to_have_text("2016-11-27", timeout=3_000)
            break
        except AssertionError:
            continue
    _shot(page, "review-edit")
    _idle(page)
    page.get_by_role("button", name="Apply changes").click()

    def afp_sakhour_claims():
        with open_store(server.db_path) as store:
            return [c for c in store.effective_claims() if c.claim.place_id == "sakhour" and c.source == "AFP"]

    # The confirmation is transient (a rerun may clear it), so wait on the store itself.
    for _ in range(60):
        if [c.review for c in afp_sakhour_claims()] == ["edited"]:
            break
        page.wait_for_timeout(500)
    _shot(page, "review-applied")
    with open_store(server.db_path) as store:
        sakhour = [c for c in store.effective_claims() if c.claim.place_id == "sakhour" and c.source == "AFP"]
        assert [c.claim.date for c in sakhour] == ["2016-11-27"] and sakhour[0].review == "edited"
        hist = store.review_history(sakhour[0].claim_id)
        assert hist[-1]["action"] == "edit" and hist[-1]["date"] == "2016-11-27"
        assert store.machine_claim(sakhour[0].claim_id).date == "2016-11-28"  # the machine's reading is kept


def test_no_request_left_localhost(page, server, requests_seen):
    _open(page, server, "?date=2016-11-28&quarter=sakhour")
    page.get_by_role("tab", name="Review claims").click()
    page.wait_for_timeout(500)
    assert len(requests_seen) > 20
    outside = sorted({u for u in requests_seen if not is_local(u)})
    assert outside == []

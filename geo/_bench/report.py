"""Benchmark the report: PNG drawing time and size, standalone HTML build time and size."""
from __future__ import annotations

import datetime as dt
import time

__all__ = ["run"]


def run(quick: bool = False) -> list[str]:
    """Lines of figures: PNG at 2000 and 2400 px, HTML for generated claim sets."""
    from geo._bench.timeline import generate_claims
    from geo.gazetteer import load_gazetteer
    from geo.report import report_png_bytes, standalone_html

    gaz = load_gazetteer()
    day = dt.date(2016, 11, 28)
    out = []
    claims = generate_claims(200, gaz)
    report_png_bytes(claims, gaz, day)  # warm caches (boundaries, fonts)
    for width in (2000,) if quick else (1600, 2000, 2400):
        t0 = time.perf_counter()
        data = report_png_bytes(claims, gaz, day, width=width)
        out.append(f"PNG {width} px, 200 claims: {time.perf_counter() - t0:.2f} s, {len(data) / 1e6:.2f} MB")
    for n in (200,) if quick else (200, 2_000, 10_000):
        claims = generate_claims(n, gaz)
        t0 = time.perf_counter()
        page = standalone_html(claims, gaz, day)
        out.append(f"HTML, {n} claims: {time.perf_counter() - t0:.2f} s, {len(page.encode()) / 1e6:.2f} MB")
        if n == 2_000 or quick:
            out += _browser_figures(page)
    return out


def _browser_figures(page_html: str) -> list[str]:
    """Load-to-drawn and slider-to-repaint times of the standalone HTML in headless Chromium."""
    import shutil
    import statistics
    import tempfile
    from pathlib import Path

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        return ["HTML in Chromium: skipped (no chromium; scripts/test.sh installs it)"]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.html"
        path.write_text(page_html, encoding="utf-8")
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=chromium,
                                  args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            try:
                page = b.new_page(viewport={"width": 1400, "height": 900})
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
                loads = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    page.goto(path.as_uri())
                    page.wait_for_selector("body[data-ready='1']")
                    loads.append(time.perf_counter() - t0)
                # Repaint after a date change, timed inside the page (two animation frames = painted).
                ms = page.evaluate("""async () => {
                    const out = [];
                    for (let k = 0; k < 20; k++) {
                        const t0 = performance.now();
                        window.quartersShow(k % 2 ? 0 : 1e9);
                        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                        out.push(performance.now() - t0);
                    }
                    return out;
                }""")
            finally:
                b.close()
    return [f"HTML in Chromium: open to all quarters drawn {statistics.median(loads) * 1000:.0f} ms (median of 3), "
            f"date change to repaint {statistics.median(ms):.0f} ms (median of 20)"]

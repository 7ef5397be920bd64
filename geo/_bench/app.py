"""Speed of the app in Chromium: page load to all quarters drawn, date change to repainted map.

Starts the real app (``streamlit run app.py``) on a free port with a fresh temporary
store (so the first load includes ingesting seeds/), then drives Debian's Chromium
headless through Playwright (tests/browser.py). Times are taken inside the browser:

* load: ``performance.timeOrigin`` of the page to the moment the paint layer of the map
  iframe has coloured every quarter (``window.quartersPainted.at``);
* date change: ``Date.now()`` when "previous/next change" is clicked (from a script in the
  page, so no Playwright round trip is counted) to the moment the map shows the new day.

Targets (issue 5): load <= 2 s warm, date change <= 300 ms. Rerun with
``python -m geo bench --only app`` (``--quick`` for fewer rounds).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _helpers():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import browser  # tests/browser.py
    finally:
        sys.path.pop(0)
    return browser


def _fmt(xs: list[float]) -> str:
    xs = sorted(xs)
    p90 = xs[min(len(xs) - 1, int(round(0.9 * (len(xs) - 1))))]
    return f"median {statistics.median(xs):.0f} ms, p90 {p90:.0f} ms, min {xs[0]:.0f} ms, max {xs[-1]:.0f} ms (n={len(xs)})"


def _load_ms(page, b, url: str) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    page.goto(url)
    frame = b.map_frame(page, timeout=120_000)
    origin = page.evaluate("() => performance.timeOrigin")
    painted = frame.evaluate("() => window.quartersPainted")
    n = frame.evaluate("() => document.querySelectorAll('.leaflet-overlay-pane path.q-path').length")
    return painted["at"] - origin, n


def run(quick: bool = False) -> list[str]:
    """Lines of figures for the app section."""
    if not Path(_helpers().CHROMIUM).exists():
        raise RuntimeError("Debian's chromium is not installed (apt-get install chromium); the app benchmark needs it.")
    from playwright.sync_api import sync_playwright

    from geo.geometry import load_boundaries

    b = _helpers()
    n_quarters = len(load_boundaries())
    loads = 3 if quick else 10
    changes = 6 if quick else 30
    lines: list[str] = []
    with b.AppServer() as srv, sync_playwright() as p:
        browser = b.launch_chromium(p)
        try:
            ctx = browser.new_context(viewport={"width": 1500, "height": 1000})
            page = ctx.new_page()
            t0 = time.perf_counter()
            first, n = _load_ms(page, b, f"{srv.url}/?date=2016-11-28")
            lines.append(f"first load on an empty store (ingests seeds/): {first:.0f} ms to {n} quarters drawn "
                         f"(wall {1000 * (time.perf_counter() - t0):.0f} ms)")
            warm = []
            for _ in range(loads):
                ms, n = _load_ms(page, b, f"{srv.url}/?date=2016-11-28")
                if n != n_quarters:
                    raise RuntimeError(f"the map drew {n} quarters, expected {n_quarters}")
                warm.append(ms)
            lines.append(f"warm page load to all {n_quarters} quarters drawn: {_fmt(warm)}; target <= 2000 ms")
            frame = b.map_frame(page)
            steps, paint = [], []
            direction = "prev_change"
            for _ in range(changes):
                before = frame.evaluate("() => window.quartersPainted.day")
                btn = page.locator(f".st-key-{direction} button")
                if btn.is_disabled():
                    direction = "next_change" if direction == "prev_change" else "prev_change"
                    btn = page.locator(f".st-key-{direction} button")
                # Click from inside the page so the figure has no Playwright round trip in it.
                t_click = page.evaluate("(sel) => { const t = Date.now(); document.querySelector(sel).click(); return t; }",
                                        f".st-key-{direction} button")
                frame.wait_for_function("(d) => window.quartersPainted.day !== d", arg=before, timeout=30_000)
                done = frame.evaluate("() => window.quartersPainted")
                steps.append(done["at"] - t_click)
                paint.append(done["ms"])
                page.wait_for_timeout(50)
            lines.append(f"date change (button) to repainted map: {_fmt(steps)}; target <= 300 ms")
            lines.append(f"of which repainting {n_quarters} quarters in the browser: median {statistics.median(paint):.1f} ms")
            ctx.close()
        finally:
            browser.close()
    return lines


if __name__ == "__main__":
    for line in run(quick="--quick" in sys.argv):
        print(line)

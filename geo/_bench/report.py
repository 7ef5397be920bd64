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
    return out

"""Leaflet assets come from the installed xstatic-leaflet package, never from the network."""
from __future__ import annotations

import re

import pytest

from geo import assets
from geo.errors import ExportError


def test_leaflet_dir_has_the_files():
    d = assets.leaflet_dir()
    assert (d / "leaflet.js").is_file()
    assert (d / "leaflet.css").is_file()
    assert (d / "images" / "layers.png").is_file()


def test_leaflet_js_is_the_pinned_version():
    js = assets.leaflet_js()
    assert f"Leaflet {assets.LEAFLET_VERSION}" in js[:300]
    assert len(js) > 100_000
    # Safe to inline inside <script>...</script>.
    assert "</script" not in js.lower()


def test_leaflet_css_inline_has_no_relative_or_remote_urls():
    css = assets.leaflet_css_inline()
    urls = re.findall(r"url\(([^)]*)\)", css)
    assert urls, "leaflet.css should reference its images"
    for u in urls:
        u = u.strip("'\" ")
        assert u.startswith("data:image/png;base64,") or u.startswith("#default#"), u
    assert "images/" not in css
    assert ".leaflet-container" in css


def test_leaflet_image_bytes_are_png():
    assert assets.leaflet_image("layers.png")[:8] == b"\x89PNG\r\n\x1a\n"
    assert assets.leaflet_image_data_uri("marker-icon.png").startswith("data:image/png;base64,iVBOR")


@pytest.mark.parametrize("name", ["../leaflet.js", "nope.png", ".hidden"])
def test_leaflet_image_refuses_bad_names(name):
    with pytest.raises(ExportError) as exc:
        assets.leaflet_image(name)
    assert "xstatic-leaflet" in str(exc.value) or "bare name" in str(exc.value)


def test_missing_package_is_a_clear_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "xstatic.pkg.leaflet", None)
    with pytest.raises(ExportError, match="pip install xstatic-leaflet==1.9.3.0"):
        assets.leaflet_dir()

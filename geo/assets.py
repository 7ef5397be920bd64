"""Find the web assets Quarters serves offline: Leaflet from the installed xstatic-leaflet.

Nothing here touches the network. The files come from the ``xstatic-leaflet`` package
(pinned in requirements.txt; Leaflet 1.9.3, the version folium 0.20 expects), so a page
built with them works on a laptop with no internet connection.

Functions raise ExportError, with the fix, when the package is missing or damaged.
"""
from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

from geo.errors import ExportError

__all__ = [
    "LEAFLET_VERSION", "leaflet_dir", "leaflet_js", "leaflet_css", "leaflet_css_inline",
    "leaflet_image", "leaflet_image_data_uri",
]

LEAFLET_VERSION = "1.9.3"

_FIX = "reinstall it with: python3 -m pip install xstatic-leaflet==1.9.3.0"


def leaflet_dir() -> Path:
    """Return the folder holding leaflet.js, leaflet.css and images/; raise ExportError if absent."""
    try:
        import xstatic.pkg.leaflet as xl
    except ImportError as err:
        msg = f"the Python package xstatic-leaflet is not installed, so Leaflet cannot be served offline; {_FIX}"
        raise ExportError(msg) from err
    folder = Path(xl.BASE_DIR)
    if not (folder / "leaflet.js").is_file() or not (folder / "leaflet.css").is_file():
        msg = f"{folder} lacks leaflet.js or leaflet.css (a damaged xstatic-leaflet install); {_FIX}"
        raise ExportError(msg)
    return folder


def _read_text(name: str) -> str:
    path = leaflet_dir() / name
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        msg = f"{path} cannot be read ({err}); {_FIX}"
        raise ExportError(msg) from err


@lru_cache(maxsize=1)
def leaflet_js() -> str:
    """Return the text of the minified leaflet.js (about 140 kB)."""
    return _read_text("leaflet.js")


@lru_cache(maxsize=1)
def leaflet_css() -> str:
    """Return the text of leaflet.css as shipped (its url(images/...) are relative to leaflet_dir())."""
    return _read_text("leaflet.css")


def leaflet_image(name: str) -> bytes:
    """Return the bytes of one of Leaflet's images (e.g. ``layers.png``); raise ExportError if unknown."""
    if "/" in name or "\\" in name or name.startswith("."):
        msg = f"{name!r} is not a file name; pass a bare name such as 'layers.png'"
        raise ExportError(msg)
    path = leaflet_dir() / "images" / name
    try:
        return path.read_bytes()
    except OSError as err:
        msg = f"Leaflet image {name!r} is not in {path.parent} ({err.strerror}); {_FIX}"
        raise ExportError(msg) from err


def leaflet_image_data_uri(name: str) -> str:
    """Return one Leaflet image as a ``data:image/png;base64,...`` URI."""
    return "data:image/png;base64," + base64.b64encode(leaflet_image(name)).decode("ascii")


_CSS_URL = re.compile(r"url\(\s*(['\"]?)images/([A-Za-z0-9_.\-]+)\1\s*\)")


@lru_cache(maxsize=1)
def leaflet_css_inline() -> str:
    """Return leaflet.css with every ``url(images/...)`` replaced by a data URI (for one-file pages)."""
    return _CSS_URL.sub(lambda m: f'url("{leaflet_image_data_uri(m.group(2))}")', leaflet_css())

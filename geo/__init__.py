"""Quarters: turn news reports about a city at war into a sourced, day-by-day control map.

The public API used by ``app.py`` and the command line; everything else is internal.
Heavier parts (extractor, store, timeline, exports) load on first use, so
``import geo`` stays quick.
"""
from __future__ import annotations

import importlib
from typing import Any

from geo.documents import document_from_bytes, document_from_text, load_document
from geo.errors import BadDocument, ExportError, GazetteerError, GeoError, MissingDate, StoreError
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.models import Claim, ControlState, Document, EvidenceClaim, Mention, Place, Resolution

_LAZY = {
    "extract_claims": "geo.extract", "extract_from_text": "geo.extract", "EXTRACTOR_VERSION": "geo.extract",
    "open_store": "geo.store", "Store": "geo.store",
    "ingest_paths": "geo.ingest", "ingest_document": "geo.ingest",
    "Timeline": "geo.timeline", "control_on": "geo.timeline", "change_dates": "geo.timeline",
    "quarter_history": "geo.timeline",
    "load_boundaries": "geo.geometry", "load_city_outline": "geo.geometry",
    "evidence_to_csv": "geo.export", "state_to_csv": "geo.export", "state_to_geojson": "geo.export",
    "report_png_bytes": "geo.report", "standalone_html": "geo.report",
    "export_png": "geo.report", "export_html": "geo.report",
}

__all__ = [
    "BadDocument", "Claim", "ControlState", "Document", "EvidenceClaim", "ExportError", "Gazetteer",
    "GazetteerError", "GeoError", "Mention", "MissingDate", "Place", "Resolution", "StoreError",
    "document_from_bytes", "document_from_text", "load_document", "load_gazetteer", *sorted(_LAZY),
]


def __getattr__(name: str) -> Any:
    """Load a lazily exported name from its module on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

"""Quarters: turn news reports about a city at war into a sourced, day-by-day control map.

The public API used by ``app.py`` and the command line; everything else is internal.
"""
from __future__ import annotations

from geo.documents import document_from_bytes, document_from_text, load_document
from geo.errors import BadDocument, GazetteerError, GeoError, MissingDate, StoreError
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.models import Claim, ControlState, Document, EvidenceClaim, Mention, Place, Resolution

__all__ = [
    "BadDocument", "Claim", "ControlState", "Document", "EvidenceClaim", "Gazetteer", "GazetteerError",
    "GeoError", "Mention", "MissingDate", "Place", "Resolution", "StoreError",
    "document_from_bytes", "document_from_text", "load_document", "load_gazetteer",
]

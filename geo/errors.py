"""Exceptions of Quarters: one tree rooted in GeoError, each also a builtin."""
from __future__ import annotations

__all__ = [
    "GeoError", "GazetteerError", "BadDocument", "MissingDate", "StoreError", "ExportError",
    "GeocoderUnavailable",
]


class GeoError(Exception):
    """Root of every error Quarters raises on purpose; its message is meant for users."""


class GazetteerError(GeoError, ValueError):
    """The gazetteer file is malformed (the message gives file, line, column and fix)."""


class BadDocument(GeoError, ValueError):
    """An article cannot be read: encoding, front matter, binary content."""


class MissingDate(BadDocument):
    """An article has no publication date and none could be found in its text."""


class StoreError(GeoError, RuntimeError):
    """The evidence store cannot be opened, migrated or written."""


class ExportError(GeoError, RuntimeError):
    """A picture, page or data file cannot be written."""


class GeocoderUnavailable(GeoError, ConnectionError):
    """The optional online geocoder is off or cannot be reached."""

"""Read articles: decode bytes, parse the front matter, strip pasted HTML, find the date.

The format (seeds/ and the dev corpus)::

    ---
    date: 2016-11-28
    source: AFP
    lang: fr
    title: ...
    url: ...
    ---
    Text of the article, unchanged.

Front matter is optional when a date is passed or a dateline ("ALEP, 28 novembre
2016 (AFP)") can be found. Errors are ``BadDocument``/``MissingDate`` with the
file, the line and the fix.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from html.parser import HTMLParser
from pathlib import Path

from geo.errors import BadDocument, MissingDate
from geo.models import Document

__all__ = ["load_document", "document_from_bytes", "document_from_text", "find_dateline"]

KNOWN_KEYS = {"id", "date", "date_note", "lang", "source", "url", "title", "note", "author"}
MONTHS = {
    # fr
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    # en
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATELINE_DMY = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH_RE})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_DATELINE_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MAX_BYTES = 50 * 1024 * 1024


def decode_bytes(data: bytes, *, name: str = "<text>") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Latin-1/cp1252; refuse binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            msg = f"{name}: starts with a UTF-16 mark but does not decode as UTF-16 ({err.reason}); save it as UTF-8."
            raise BadDocument(msg) from err
    if b"\x00" in data[:8192]:
        msg = f"{name}: looks like a binary file (it holds NUL bytes), not an article; save the article as plain text (.txt, .md or .html)."
        raise BadDocument(msg)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
        if controls > 8:
            msg = f"{name}: is neither UTF-8 nor Latin-1 text (it looks binary); save the article as UTF-8 text."
            raise BadDocument(msg) from None
        return text


class _TextOnly(HTMLParser):
    """Collect the visible text of an HTML page, one block per line."""

    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "title"}
    SKIP = {"script", "style", "noscript", "template", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:  # noqa: ARG002
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True for pasted web pages (a doctype or several block tags)."""
    head = text[:4000].lower()
    return "<!doctype html" in head or "<html" in head or len(re.findall(r"</(p|div|li|h\d)>", head)) >= 2


def html_to_text(text: str) -> str:
    """Visible text of an HTML page; scripts and styles dropped, entities decoded."""
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    out = "".join(parser.parts)
    out = re.sub(r"[ \t\xa0]+", " ", out)
    out = re.sub(r"\n\s*\n+", "\n", out)
    return html.unescape(out).strip()


def parse_front_matter(text: str, *, name: str = "<text>") -> tuple[dict[str, str], str]:
    """Split ``---`` front matter from the body; raise BadDocument naming the bad line."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=2):
        s = line.strip()
        if s == "---":
            return meta, "\n".join(lines[i:])
        if not s or s.startswith("#"):
            continue
        if ":" not in s:
            msg = f"{name} line {i}: {s[:60]!r} is not 'key: value'; write front matter lines as 'date: 2016-11-28' and close it with a line '---'."
            raise BadDocument(msg)
        key, value = s.split(":", 1)
        key = key.strip().lower()
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", key):
            msg = f"{name} line {i}: {key!r} is not a front matter key; use letters and '_' only (date, source, lang, title, url)."
            raise BadDocument(msg)
        meta[key] = value.strip().strip('"').strip("'")
    msg = f"{name} line 1: the front matter opened with '---' is never closed; add a line '---' after the last 'key: value' line."
    raise BadDocument(msg)


def parse_date_value(value: str, *, name: str, line_hint: str = "date") -> dt.date:
    """Parse a front matter date (YYYY-MM-DD); raise BadDocument with the fix."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        msg = f"{name}: {line_hint} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 'date: 2016-11-28'."
        raise BadDocument(msg) from None


def find_dateline(text: str) -> dt.date | None:
    """The date of a dateline near the top ("ALEP, 28 novembre 2016 (AFP)", "Nov. 28, 2016"), or None."""
    head = text[:1500]
    found: list[tuple[int, dt.date]] = []
    for m in _DATELINE_DMY.finditer(head):
        d = _safe_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in _DATELINE_MDY.finditer(head):
        d = _safe_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        if d:
            found.append((m.start(), d))
    for m in _ISO.finditer(head):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), d))
    return min(found)[1] if found else None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d) if 1990 <= y <= 2100 else None
    except ValueError:
        return None


def document_from_text(text: str, *, name: str = "<text>", date: dt.date | str | None = None,
                       lang: str | None = None, source: str | None = None, url: str | None = None,
                       title: str | None = None, require_date: bool = True) -> Document:
    """Build a Document from decoded text; overrides win over the front matter."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = parse_front_matter(text, name=name)
    if looks_like_html(body):
        body = html_to_text(body)
    if not body.strip():
        msg = f"{name}: the article has no text; paste the article's text below the front matter."
        raise BadDocument(msg)
    if isinstance(date, str) and date:
        date = parse_date_value(date, name=name, line_hint="--date")
    if not date and meta.get("date"):
        date = parse_date_value(meta["date"], name=name)
    if not date:
        date = find_dateline(body)
    if not date and require_date:
        msg = (f"{name}: no publication date; add a line 'date: YYYY-MM-DD' to the front matter, "
               f"or pass --date YYYY-MM-DD.")
        raise MissingDate(msg)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        text=body, date=date or None, lang=(lang or meta.get("lang") or "").lower(),
        source=source or meta.get("source", ""), url=url or meta.get("url", ""),
        title=title or meta.get("title", ""), path=name, meta=meta, sha256=sha,
    )


def document_from_bytes(data: bytes, *, name: str = "<text>", **overrides) -> Document:
    """Decode bytes (any supported encoding) and build a Document."""
    if len(data) > _MAX_BYTES:
        msg = f"{name}: {len(data) // 1_000_000} MB is more than an article can be (limit {_MAX_BYTES // 1_000_000} MB); split it."
        raise BadDocument(msg)
    return document_from_text(decode_bytes(data, name=name), name=name, **overrides)


def load_document(path: str | Path, **overrides) -> Document:
    """Read an article file; raise BadDocument (never OSError) with the file name and the fix."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise BadDocument(f"{path}: no such file; check the path.") from None
    except IsADirectoryError:
        raise BadDocument(f"{path}: is a folder; name the article files in it, or use 'ingest' for folders.") from None
    except OSError as err:
        raise BadDocument(f"{path}: cannot be read ({err.strerror}); check its permissions.") from err
    return document_from_bytes(data, name=str(path), **overrides)

"""Keep every article, machine claim and human correction in SQLite; serve the effective claims.

The store is append-only where it matters: a review (accept, reject, edit) is a new row
that points at a claim, and the machine's claim is never overwritten. Re-extracting an
article with a new extractor version *retires* the old machine claims (the rows stay) and
adds the new ones, carrying each review over to the new claim that matches the old one
(see ``claim_key``). Every write is one transaction; a process killed mid-write leaves
the store as it was before that write.

Schema changes are numbered migrations recorded in the ``schema_migrations`` table.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from geo import settings
from geo.errors import StoreError
from geo.models import Claim, Document, EvidenceClaim, Place

__all__ = ["Store", "AddResult", "open_store", "claim_key", "CLAIM_KINDS", "REVIEW_ACTIONS", "parse_claim_date"]

CLAIM_KINDS = ("capture", "control", "contested", "attack", "siege")
REVIEW_ACTIONS = ("accept", "reject", "edit")
_REVIEW_STATUS = {"accept": "accepted", "reject": "rejected", "edit": "edited"}
_PLACE_ID = re.compile(r"[a-z0-9][a-z0-9_]*")
_DATE_FORMS = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"\d{4}-\d{2}"), "month"),
    (re.compile(r"\d{4}"), "year"),
)

# Numbered migrations: (version, name, statements). Never edit one that has shipped; add the next.
_MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (1, "documents, claims, reviews, places", (
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            lang TEXT NOT NULL DEFAULT '',
            published TEXT,
            meta_json TEXT NOT NULL DEFAULT '{}',
            text TEXT NOT NULL,
            extractor_version TEXT NOT NULL DEFAULT '',
            extraction_error TEXT,
            added_at TEXT NOT NULL,
            extracted_at TEXT NOT NULL
        )""",
        """CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            origin TEXT NOT NULL CHECK (origin IN ('machine', 'user')),
            extractor_version TEXT NOT NULL DEFAULT '',
            place_id TEXT,
            place TEXT NOT NULL DEFAULT '',
            place_kind TEXT NOT NULL DEFAULT '',
            mention TEXT NOT NULL DEFAULT '',
            start INTEGER NOT NULL DEFAULT 0,
            "end" INTEGER NOT NULL DEFAULT 0,
            faction TEXT NOT NULL,
            kind TEXT NOT NULL,
            date TEXT NOT NULL,
            date_precision TEXT NOT NULL,
            quote TEXT NOT NULL DEFAULT '',
            attributed_to TEXT,
            confidence REAL NOT NULL DEFAULT 0.5,
            match_key TEXT NOT NULL DEFAULT '',
            carried_from INTEGER REFERENCES claims(id),
            retired_at TEXT,
            retired_by TEXT,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX claims_document ON claims(document_id)",
        "CREATE INDEX claims_place ON claims(place_id)",
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id),
            action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'edit')),
            place_id TEXT,
            faction TEXT,
            date TEXT,
            kind TEXT,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            carried_from INTEGER REFERENCES reviews(id)
        )""",
        "CREATE INDEX reviews_claim ON reviews(claim_id)",
        """CREATE TABLE places (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('quarter', 'region')),
            name_en TEXT NOT NULL DEFAULT '',
            name_fr TEXT NOT NULL DEFAULT '',
            name_ar TEXT NOT NULL DEFAULT '',
            aliases_json TEXT NOT NULL DEFAULT '[]',
            lat REAL,
            lon REAL,
            members_json TEXT NOT NULL DEFAULT '[]',
            coord_confidence TEXT NOT NULL DEFAULT '',
            sector TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL
        )""",
    )),
    (2, "documents: source file and revisions", (
        "ALTER TABLE documents ADD COLUMN source_file TEXT",
        "ALTER TABLE documents ADD COLUMN superseded_by INTEGER REFERENCES documents(id)",
        "CREATE INDEX documents_source_file ON documents(source_file)",
    )),
)
SCHEMA_VERSION = _MIGRATIONS[-1][0]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``Store.add_document`` did: status new | unchanged | re-extracted."""

    status: str
    document_id: int
    claims_added: int = 0
    reviews_carried: int = 0
    replaced_document_id: int | None = None  # the earlier version of the same file, now superseded


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def parse_claim_date(value: str) -> tuple[str, str]:
    """Return (date, precision) for 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; raise StoreError otherwise."""
    v = (value or "").strip() if isinstance(value, str) else ""
    for rx, precision in _DATE_FORMS:
        if rx.fullmatch(v):
            try:
                if precision == "day":
                    dt.date.fromisoformat(v)
                elif precision == "month":
                    dt.date(int(v[:4]), int(v[5:7]), 1)
            except ValueError:
                break
            if not 1900 <= int(v[:4]) <= 2100:
                break
            return v, precision
    msg = f"date {value!r} is not a valid date; write YYYY-MM-DD (or YYYY-MM, YYYY when only the month or year is known), e.g. 2016-11-28."
    raise StoreError(msg)


def claim_key(place_id: str | None, mention: str, faction: str, kind: str, date: str, quote: str) -> str:
    """The stable key that matches a claim across extractor versions.

    (place id, or the mention when the place is unknown; faction; kind; date; quote with
    whitespace collapsed), all case-folded. Offsets and confidence are left out: they
    change between versions without changing what the claim says.
    """
    where = place_id or ("?" + " ".join(mention.split()).casefold())
    parts = (where, faction.casefold(), kind.casefold(), date.strip(), " ".join(quote.split()).casefold())
    return "\x1f".join(parts)


def _check_faction(faction: str) -> None:
    if faction not in settings.FACTIONS:
        msg = f"faction {faction!r} is unknown; use one of {', '.join(settings.FACTIONS)}."
        raise StoreError(msg)


def _check_kind(kind: str) -> None:
    if kind not in CLAIM_KINDS:
        msg = f"kind {kind!r} is unknown; use one of {', '.join(CLAIM_KINDS)}."
        raise StoreError(msg)


def _check_place_id(place_id: str) -> None:
    if not isinstance(place_id, str) or not _PLACE_ID.fullmatch(place_id):
        msg = f"place id {place_id!r} is not a place id; use a gazetteer id such as 'sakhour' (lower-case letters, digits, '_')."
        raise StoreError(msg)


class Store:
    """The evidence store on one SQLite connection; use ``open_store`` to get one.

    Safe to share between threads (one lock serialises calls); usable as a context manager.
    """

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()

    # -- lifecycle -------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None  # type: ignore[assignment]

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed; open it again with open_store().")
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""
        with self._lock:
            conn = self.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as err:
                raise _store_error(self.path, err) from err
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as err:
                conn.execute("ROLLBACK")
                raise _store_error(self.path, err) from err

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self.conn.execute(sql, tuple(params)).fetchall()
            except sqlite3.OperationalError as err:
                raise _store_error(self.path, err) from err

    @property
    def schema_version(self) -> int:
        """The highest migration applied."""
        return int(self._read("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0][0])

    # -- documents -------------------------------------------------------------
    def find_document(self, sha256: str) -> dict[str, Any] | None:
        """The stored document with this content hash (id, extractor_version, extraction_error), or None."""
        rows = self._read("SELECT id, extractor_version, extraction_error FROM documents WHERE sha256 = ?", (sha256,))
        return dict(rows[0]) if rows else None

    def needs_extraction(self, sha256: str, extractor_version: str) -> bool:
        """True if the document is not stored, was extracted by another version, or its extraction failed."""
        found = self.find_document(sha256)
        return found is None or found["extractor_version"] != extractor_version or bool(found["extraction_error"])

    def add_document(self, doc: Document, claims: list[Claim], *, extractor_version: str,
                     extraction_error: str | None = None, source_file: str | None = None) -> AddResult:
        """Store an article and its machine claims in one transaction; idempotent by ``doc.sha256``.

        Same hash and same extractor version: "unchanged", nothing written. Same hash and
        another version (or a previous failed extraction): "re-extracted": the old machine
        claims are retired, the new ones added, and every review carried over to the new
        claim with the same ``claim_key``; a reviewed claim that the new version no longer
        finds stays active unless it was rejected. ``extraction_error`` records a failed
        extraction (the text is kept so claims can be added by hand; the next ingest retries);
        for a document already stored, a failed extraction leaves its claims as they are.

        ``source_file`` (an absolute path, given by ingest) marks revisions: a new text for a
        file already stored supersedes the earlier version, whose claims are treated as in a
        re-extraction (reviews carried over, reviewed claims kept, the rest retired).
        Raises StoreError if the document has no hash or the write fails.
        """
        if not doc.sha256:
            raise StoreError(f"{doc.path or 'document'}: has no sha256; build it with geo.documents.load_document().")
        now = _now()
        with self._write() as conn:
            row = conn.execute("SELECT id, extractor_version, extraction_error FROM documents WHERE sha256 = ?",
                               (doc.sha256,)).fetchone()
            if row is None:
                cur = conn.execute(
                    "INSERT INTO documents (sha256, path, title, source, url, lang, published, meta_json, text,"
                    " extractor_version, extraction_error, added_at, extracted_at, source_file)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (doc.sha256, doc.path, doc.title, doc.source, doc.url, doc.lang,
                     doc.date.isoformat() if doc.date else None, json.dumps(doc.meta, ensure_ascii=False),
                     doc.text, extractor_version, extraction_error, now, now, source_file))
                doc_id = int(cur.lastrowid)
                prev = _previous_version(conn, source_file, doc_id) if extraction_error is None else None
                if prev is None:
                    _insert_machine_claims(conn, doc_id, claims, extractor_version, now)
                    return AddResult("new", doc_id, len(claims))
                added, carried = _reextract(conn, prev, doc_id, claims, extractor_version, now)
                conn.execute("UPDATE documents SET superseded_by = ? WHERE id = ?", (doc_id, prev))
                return AddResult("new", doc_id, added, carried, prev)
            doc_id = int(row["id"])
            if row["extractor_version"] == extractor_version and not row["extraction_error"] and extraction_error is None:
                return AddResult("unchanged", doc_id, 0)
            if extraction_error is not None:
                # a failed re-extraction must not take away the claims that are there: record it, change nothing else
                conn.execute("UPDATE documents SET extraction_error = ? WHERE id = ?", (extraction_error, doc_id))
                return AddResult("unchanged", doc_id, 0)
            prev = None
            if row["extraction_error"] and conn.execute(
                    "SELECT 1 FROM claims WHERE document_id = ? AND origin = 'machine' AND retired_at IS NULL",
                    (doc_id,)).fetchone() is None:
                # a revised file whose first extraction failed: take over from the earlier version now
                prev = _previous_version(conn, source_file, doc_id)
            if prev is None:
                added, carried = _reextract(conn, doc_id, doc_id, claims, extractor_version, now)
            else:
                added, carried = _reextract(conn, prev, doc_id, claims, extractor_version, now)
                conn.execute("UPDATE documents SET superseded_by = ? WHERE id = ?", (doc_id, prev))
            conn.execute("UPDATE documents SET extractor_version = ?, extraction_error = ?, extracted_at = ?,"
                         " source_file = COALESCE(source_file, ?) WHERE id = ?",
                         (extractor_version, extraction_error, now, source_file, doc_id))
            return AddResult("re-extracted", doc_id, added, carried, prev)

    def documents(self) -> list[dict[str, Any]]:
        """Every stored article: id, title, source, date, url, path, lang, sha256, extractor_version,
        extraction_error, added_at, source_file, superseded_by (id of the newer text of the same
        file, or None) and claims (count of active claims), oldest first."""
        rows = self._read(
            "SELECT d.id, d.title, d.source, d.published AS date, d.url, d.path, d.lang, d.sha256,"
            " d.extractor_version, d.extraction_error, d.added_at, d.source_file, d.superseded_by,"
            " (SELECT COUNT(*) FROM claims c WHERE c.document_id = d.id AND c.retired_at IS NULL) AS claims"
            " FROM documents d ORDER BY d.id")
        return [dict(r) for r in rows]

    def document_text(self, document_id: int) -> str:
        """The stored text of an article; raise StoreError if there is no such document."""
        rows = self._read("SELECT text FROM documents WHERE id = ?", (document_id,))
        if not rows:
            raise StoreError(f"document {document_id!r} is not in the store; list them with Store.documents().")
        return str(rows[0][0])

    # -- claims and reviews ----------------------------------------------------
    def add_user_claim(self, document_id: int, claim: Claim, *, note: str = "added by hand") -> int:
        """Add a claim the analyst wrote; it counts as reviewed and survives re-extraction.

        Returns the new claim id. Raises StoreError for an unknown document, faction or
        kind, or a malformed date.
        """
        _check_faction(claim.faction)
        _check_kind(claim.kind)
        date, precision = parse_claim_date(claim.date)
        if claim.place_id is not None:
            _check_place_id(claim.place_id)
        elif not (claim.place or claim.mention).strip():
            raise StoreError("a claim needs a place: give place_id (a gazetteer id) or at least the place name.")
        claim = replace(claim, date=date, date_precision=precision)
        now = _now()
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is None:
                raise StoreError(f"document {document_id!r} is not in the store; pick one from Store.documents().")
            cid = _insert_claim(conn, document_id, claim, "user", "", now)
            conn.execute("INSERT INTO reviews (claim_id, action, note, created_at) VALUES (?, 'accept', ?, ?)",
                         (cid, note, now))
        return cid

    def review(self, claim_id: int, action: str, *, place_id: str | None = None, faction: str | None = None,
               date: str | None = None, kind: str | None = None, note: str = "") -> None:
        """Record a review of a claim as a new row: accept, reject, or edit (place, faction, date, kind).

        Edits add up: each edit replaces only the fields it gives. Raises StoreError for an
        unknown claim, action, faction or kind, a malformed date, or an edit with no field.
        """
        if action not in REVIEW_ACTIONS:
            raise StoreError(f"review action {action!r} is unknown; use accept, reject or edit.")
        fields = {"place_id": place_id, "faction": faction, "date": date, "kind": kind}
        if action == "edit":
            if all(v is None for v in fields.values()):
                raise StoreError("an edit needs at least one of place_id, faction, date, kind; to confirm a claim as it is, use accept.")
            if place_id is not None:
                _check_place_id(place_id)
            if faction is not None:
                _check_faction(faction)
            if kind is not None:
                _check_kind(kind)
            if date is not None:
                date = parse_claim_date(date)[0]
        elif any(v is not None for v in fields.values()):
            raise StoreError(f"{action} takes no place/faction/date/kind; use action 'edit' to change them.")
        with self._write() as conn:
            row = conn.execute("SELECT retired_at FROM claims WHERE id = ?", (claim_id,)).fetchone()
            if row is None:
                raise StoreError(f"claim {claim_id!r} is not in the store; list claims with Store.effective_claims().")
            if row["retired_at"] is not None:
                raise StoreError(f"claim {claim_id!r} was replaced when its article was re-extracted; review the current claim instead (Store.effective_claims()).")
            conn.execute("INSERT INTO reviews (claim_id, action, place_id, faction, date, kind, note, created_at)"
                         " VALUES (?,?,?,?,?,?,?,?)", (claim_id, action, place_id, faction, date, kind, note or "", _now()))

    def review_history(self, claim_id: int) -> list[dict[str, Any]]:
        """Every review of a claim, oldest first (reviews carried over from earlier extractions included)."""
        rows = self._read("SELECT id, claim_id, action, place_id, faction, date, kind, note, created_at, carried_from"
                          " FROM reviews WHERE claim_id = ? ORDER BY id", (claim_id,))
        return [dict(r) for r in rows]

    def machine_claim(self, claim_id: int) -> Claim:
        """The claim as the extractor (or the analyst, for a hand-added claim) first wrote it."""
        rows = self._read("SELECT * FROM claims WHERE id = ?", (claim_id,))
        if not rows:
            raise StoreError(f"claim {claim_id!r} is not in the store; list claims with Store.effective_claims().")
        return _claim_from_row(rows[0])

    def effective_claims(self, *, place_id: str | None = None, include_rejected: bool = False) -> list[EvidenceClaim]:
        """The active claims with their reviews applied, oldest claim first.

        Edits replace place/faction/date/kind (each edit only the fields it gives); the
        review field is the latest action (auto when none). ``place_id`` filters on the
        effective place. Rejected claims are left out unless ``include_rejected``.
        """
        with self._lock:
            conn = self.conn
            cur = conn.cursor()
            cur.row_factory = None  # plain tuples: about twice as fast as sqlite3.Row here
            claim_rows = cur.execute(
                'SELECT c.id, c.document_id, c.place_id, c.place, c.place_kind, c.mention, c.start, c."end", c.faction,'
                " c.kind, c.date, c.date_precision, c.quote, c.attributed_to, c.confidence,"
                " d.source, d.url, d.published, d.title"
                " FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.retired_at IS NULL ORDER BY c.id").fetchall()
            review_rows = cur.execute(
                "SELECT r.claim_id, r.action, r.place_id, r.faction, r.date, r.kind, r.note FROM reviews r"
                " JOIN claims c ON c.id = r.claim_id WHERE c.retired_at IS NULL ORDER BY r.id").fetchall()
            user_kinds = {r[0]: r[1] for r in cur.execute("SELECT id, kind FROM places")}
            cur.close()
        reviews: dict[int, list[tuple]] = {}
        for r in review_rows:
            reviews.setdefault(r[0], []).append(r)
        out = []
        for (cid, doc_id, pid, place, place_kind, mention, start, end, faction, kind, date, precision, quote,
             attributed_to, confidence, source, url, published, title) in claim_rows:
            claim = Claim(pid, place, place_kind, mention, start, end, faction, kind, date, precision, quote,
                          attributed_to, confidence)
            status, note = "auto", ""
            for r in reviews.get(cid, ()):
                status, note = _REVIEW_STATUS[r[1]], r[6]
                if r[1] == "edit":
                    claim = _apply_edit(claim, r[2], r[3], r[4], r[5], user_kinds)
            if status == "rejected" and not include_rejected:
                continue
            if place_id is not None and claim.place_id != place_id:
                continue
            out.append(EvidenceClaim(cid, claim, doc_id, source or "", url or "", published or "", title or "",
                                     status, note))
        return out

    # -- places ----------------------------------------------------------------
    def add_place(self, place: Place) -> None:
        """Add (or replace) a place the analyst defines; kept across runs. Raises StoreError if invalid."""
        _check_place_id(place.id)
        if place.kind not in ("quarter", "region"):
            raise StoreError(f"place {place.id!r}: kind {place.kind!r} is unknown; use 'quarter' or 'region'.")
        if not (place.name_en or place.name_fr or place.name_ar):
            raise StoreError(f"place {place.id!r} has no name; give at least name_en.")
        for v, what in ((place.lat, "lat"), (place.lon, "lon")):
            if v is not None and not isinstance(v, (int, float)):
                raise StoreError(f"place {place.id!r}: {what} {v!r} is not a number; write decimal degrees, e.g. 36.2.")
        if place.lat is not None and not -90 <= place.lat <= 90:
            raise StoreError(f"place {place.id!r}: lat {place.lat!r} is outside -90..90; check whether lat and lon are swapped.")
        if place.lon is not None and not -180 <= place.lon <= 180:
            raise StoreError(f"place {place.id!r}: lon {place.lon!r} is outside -180..180; check the coordinates.")
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO places (id, kind, name_en, name_fr, name_ar, aliases_json, lat, lon, members_json,"
                " coord_confidence, sector, source, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (place.id, place.kind, place.name_en, place.name_fr, place.name_ar,
                 json.dumps(list(place.aliases), ensure_ascii=False), place.lat, place.lon,
                 json.dumps(list(place.members)), place.coord_confidence, place.sector,
                 place.source or "added by an analyst", _now()))

    def user_places(self) -> list[Place]:
        """The places analysts added, in the order they were added."""
        rows = self._read("SELECT * FROM places ORDER BY added_at, id")
        return [Place(id=r["id"], kind=r["kind"], name_en=r["name_en"], name_fr=r["name_fr"], name_ar=r["name_ar"],
                      aliases=tuple(json.loads(r["aliases_json"])), lat=r["lat"], lon=r["lon"],
                      members=tuple(json.loads(r["members_json"])), coord_confidence=r["coord_confidence"],
                      sector=r["sector"], source=r["source"]) for r in rows]

    def integrity_check(self) -> str:
        """SQLite's PRAGMA integrity_check answer ('ok' when the file is sound)."""
        return str(self._read("PRAGMA integrity_check")[0][0])


# -- helpers (inside one transaction) ------------------------------------------

def _insert_claim(conn: sqlite3.Connection, document_id: int, c: Claim, origin: str, version: str, now: str,
                  carried_from: int | None = None) -> int:
    cur = conn.execute(
        'INSERT INTO claims (document_id, origin, extractor_version, place_id, place, place_kind, mention, start, "end",'
        " faction, kind, date, date_precision, quote, attributed_to, confidence, match_key, carried_from, created_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (document_id, origin, version, c.place_id, c.place or "", c.place_kind or "", c.mention or "",
         int(c.start or 0), int(c.end or 0), c.faction or "", c.kind or "", c.date or "", c.date_precision or "",
         c.quote or "", c.attributed_to, float(c.confidence if c.confidence is not None else 0.5),
         claim_key(c.place_id, c.mention or c.place or "", c.faction or "", c.kind or "", c.date or "", c.quote or ""),
         carried_from, now))
    return int(cur.lastrowid)


def _insert_machine_claims(conn: sqlite3.Connection, document_id: int, claims: list[Claim], version: str, now: str) -> list[int]:
    return [_insert_claim(conn, document_id, c, "machine", version, now) for c in claims]


def _previous_version(conn: sqlite3.Connection, source_file: str | None, doc_id: int) -> int | None:
    """The latest earlier document of the same file that no newer text has superseded, or None."""
    if not source_file:
        return None
    row = conn.execute("SELECT id FROM documents WHERE source_file = ? AND id != ? AND superseded_by IS NULL"
                       " ORDER BY id DESC LIMIT 1", (source_file, doc_id)).fetchone()
    return int(row[0]) if row else None


def _reextract(conn: sqlite3.Connection, old_doc: int, doc_id: int, claims: list[Claim], version: str,
               now: str) -> tuple[int, int]:
    """Retire the old machine claims of ``old_doc``, insert the new ones into ``doc_id``, carry reviews over.

    ``old_doc`` is ``doc_id`` for a re-extraction, the earlier text for a revised file.
    Returns (claims with no earlier match, reviews carried).
    """
    why = f"replaced ({version})" if old_doc == doc_id else f"replaced by document {doc_id}"
    missing = f"not found by {version}" if old_doc == doc_id else f"not in the revised text (document {doc_id})"
    old = conn.execute("SELECT id, match_key FROM claims WHERE document_id = ? AND origin = 'machine' AND retired_at IS NULL"
                       " ORDER BY id", (old_doc,)).fetchall()
    last_action = {r[0]: r[1] for r in conn.execute(
        "SELECT r.claim_id, r.action FROM reviews r JOIN claims c ON c.id = r.claim_id"
        " WHERE c.document_id = ? AND c.retired_at IS NULL ORDER BY r.id", (old_doc,))}
    by_key: dict[str, list[int]] = {}
    for r in old:
        by_key.setdefault(r["match_key"], []).append(int(r["id"]))
    matched: set[int] = set()
    added = carried = 0
    for c in claims:
        key = claim_key(c.place_id, c.mention or c.place or "", c.faction or "", c.kind or "", c.date or "", c.quote or "")
        olds = by_key.get(key)
        old_id = olds.pop(0) if olds else None
        new_id = _insert_claim(conn, doc_id, c, "machine", version, now, carried_from=old_id)
        if old_id is None:
            added += 1
            continue
        matched.add(old_id)
        for rv in conn.execute("SELECT * FROM reviews WHERE claim_id = ? ORDER BY id", (old_id,)).fetchall():
            conn.execute("INSERT INTO reviews (claim_id, action, place_id, faction, date, kind, note, created_at, carried_from)"
                         " VALUES (?,?,?,?,?,?,?,?,?)",
                         (new_id, rv["action"], rv["place_id"], rv["faction"], rv["date"], rv["kind"], rv["note"],
                          rv["created_at"], rv["id"]))
            carried += 1
    for r in old:
        oid = int(r["id"])
        if oid in matched:
            conn.execute("UPDATE claims SET retired_at = ?, retired_by = ? WHERE id = ?", (now, why, oid))
        elif last_action.get(oid) in ("accept", "edit"):
            continue  # the analyst vouched for it: it stays although the new extractor misses it
        else:
            conn.execute("UPDATE claims SET retired_at = ?, retired_by = ? WHERE id = ?", (now, missing, oid))
    return added, carried


def _claim_from_row(row: sqlite3.Row) -> Claim:
    return Claim(place_id=row["place_id"], place=row["place"], place_kind=row["place_kind"], mention=row["mention"],
                 start=row["start"], end=row["end"], faction=row["faction"], kind=row["kind"], date=row["date"],
                 date_precision=row["date_precision"], quote=row["quote"], attributed_to=row["attributed_to"],
                 confidence=row["confidence"])


def _apply_edit(claim: Claim, place_id: str | None, faction: str | None, date: str | None, kind: str | None,
                user_kinds: dict[str, str]) -> Claim:
    changes: dict[str, Any] = {}
    if place_id is not None and place_id != claim.place_id:
        # the name and kind follow the new id; the timeline reads the kind from the gazetteer
        changes.update(place_id=place_id, place=place_id, place_kind=user_kinds.get(place_id, ""))
    if faction is not None:
        changes["faction"] = faction
    if kind is not None:
        changes["kind"] = kind
    if date is not None:
        d, precision = parse_claim_date(date)
        changes.update(date=d, date_precision=precision)
    return replace(claim, **changes) if changes else claim


def _store_error(path: str, err: sqlite3.Error) -> StoreError:
    text = str(err)
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: the store is busy (another Quarters process is writing); wait for it to finish and try again.")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path}: the store is read-only; check the file's permissions or pass --db with a writable file.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(f"{path}: is not a Quarters store or is damaged ({text}); pass --db with another file, or restore a backup.")
    if "disk" in text and "full" in text:
        return StoreError(f"{path}: the disk is full; free some space and try again (nothing was written).")
    return StoreError(f"{path}: the store failed ({text}); check the file and try again.")


def _migrate(conn: sqlite3.Connection, path: str) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    applied = {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}
    if applied and max(applied) > SCHEMA_VERSION:
        msg = (f"{path}: was written by a newer Quarters (schema {max(applied)}, this one knows {SCHEMA_VERSION}); "
               f"update Quarters, or pass --db with another file.")
        raise StoreError(msg)
    for version, name, statements in _MIGRATIONS:
        if version in applied:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone() is None:
                for sql in statements:
                    conn.execute(sql)
                conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?,?,?)", (version, name, _now()))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def open_store(path: Path | str | None = None) -> Store:
    """Open (creating and migrating if needed) the evidence store.

    ``path`` None means ``settings.DB_PATH`` read now; ``":memory:"`` gives a private
    in-memory store. The parent folder is created. Raises StoreError with the fix when
    the file cannot be created, is not a store, or comes from a newer Quarters.
    """
    raw = settings.DB_PATH if path is None else path
    name = str(raw)
    if name != ":memory:":
        p = Path(raw).expanduser()
        if p.is_dir():
            raise StoreError(f"{p}: is a folder; pass --db with a file name, e.g. {p / 'quarters.sqlite'}.")
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"{p.parent}: cannot create the store's folder ({err.strerror}); pass --db with a writable place.") from err
        name = str(p)
    try:
        conn = sqlite3.connect(name, isolation_level=None, check_same_thread=False, timeout=30.0)
    except sqlite3.Error as err:
        raise StoreError(f"{name}: cannot open the store ({err}); pass --db with a writable file.") from err
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        if name != ":memory:":
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{name}: cannot switch the store to WAL mode (got {mode!r}); put it on a local disk.")
        # NORMAL in WAL survives a killed process; only a power cut may lose the last commits.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, name)
    except sqlite3.Error as err:
        conn.close()
        raise _store_error(name, err) from err
    except StoreError:
        conn.close()
        raise
    return Store(conn, name)

"""Add article files and folders to the evidence store: read, extract, store, one transaction each.

A file that cannot be read is reported (file and fix) and the others go on. An article
whose extraction fails is stored without claims and reported; the next ingest retries it.
Unchanged articles (same content hash, same extractor version) are skipped before
extraction, so a re-run after an interruption only does the rest.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.documents import load_document
from geo.errors import GeoError
from geo.models import Document
from geo.store import AddResult, Store

__all__ = ["IngestSummary", "ingest_paths", "ingest_document", "summary_line", "find_article_files", "ARTICLE_SUFFIXES"]

ARTICLE_SUFFIXES = (".md", ".txt", ".html", ".htm")
_PROGRESS_FROM = 10  # files; shorter ingests print only the summary


@dataclass
class IngestSummary:
    """Counts of one ingest, and one message (file and fix) per failure."""

    new: int = 0
    unchanged: int = 0
    reextracted: int = 0
    failed: int = 0
    claims_added: int = 0
    failures: list[str] = field(default_factory=list)
    interrupted: bool = False  # Ctrl-C: the articles before it are stored; run the same command again

    @property
    def documents(self) -> int:
        return self.new + self.unchanged + self.reextracted + self.failed


def summary_line(summary: IngestSummary) -> str:
    """One line for people: 'ingest: 3 new, 1 unchanged, 0 re-extracted, 1 failed; 12 claims added.'"""
    line = (f"ingest: {summary.new} new, {summary.unchanged} unchanged, {summary.reextracted} re-extracted, "
            f"{summary.failed} failed; {summary.claims_added} claims added.")
    if summary.interrupted:
        line += " Interrupted: what is listed is stored; run the same command again to do the rest."
    return line


def find_article_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders (recursing for *.md, *.txt, *.html) into files; return (files, problems)."""
    files: list[Path] = []
    problems: list[str] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                problems.append(f"{p}: the folder holds no article (.md, .txt or .html); put the articles there or name the files.")
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            problems.append(f"{p}: no such file or folder; check the path.")
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, problems


def _extractor() -> tuple[Any, str]:
    try:
        from geo.extract import EXTRACTOR_VERSION, extract_claims
    except ImportError as err:
        msg = f"the extractor geo/extract.py cannot be loaded ({err}); install Quarters fully (pip install -r requirements.txt)."
        raise GeoError(msg) from err
    return extract_claims, EXTRACTOR_VERSION


def _gazetteer_with_user_places(store: Store) -> Any:
    """The gazetteer, plus the places analysts added, so that their names are found too."""
    from geo.gazetteer import Gazetteer, load_gazetteer

    gaz = load_gazetteer()
    user = store.user_places()
    return Gazetteer({**gaz.places, **{p.id: p for p in user}}) if user else gaz


def ingest_document(store: Store, doc: Document, *, gazetteer: Any = None, extractor: Any = None,
                    extractor_version: str | None = None, source_file: str | None = None) -> AddResult:
    """Extract claims from one document and store both (skipping extraction when unchanged).

    ``extractor``/``extractor_version`` default to ``geo.extract``. ``source_file`` (absolute
    path) lets a new text of a file already stored supersede the earlier one (see
    ``Store.add_document``). If the extractor raises,
    the document is stored without claims, the error recorded, and GeoError raised with
    the file and what to do.
    """
    if extractor is None or extractor_version is None:
        extract, version = _extractor()
        extractor = extractor or extract
        extractor_version = extractor_version or version
    found = store.find_document(doc.sha256)
    if found is not None and found["extractor_version"] == extractor_version and not found["extraction_error"]:
        return AddResult("unchanged", int(found["id"]), 0)
    if gazetteer is None:
        gazetteer = _gazetteer_with_user_places(store)
    try:
        claims = list(extractor(doc, gazetteer=gazetteer))
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the batch
        reason = f"{type(err).__name__}: {err}"
        store.add_document(doc, [], extractor_version=extractor_version, extraction_error=reason, source_file=source_file)
        msg = (f"{doc.path or 'document'}: the extractor failed ({reason}); the article is stored without claims "
               f"(add claims by hand in the app) and will be retried on the next ingest; please report it with this file.")
        raise GeoError(msg) from err
    return store.add_document(doc, claims, extractor_version=extractor_version, source_file=source_file)


def ingest_paths(store: Store, paths: list[Path], *, progress: bool = True, gazetteer: Any = None,
                 extractor: Any = None, extractor_version: str | None = None) -> IngestSummary:
    """Ingest files and folders; return the counts. Never raises for a bad article: it is in ``failures``.

    Ctrl-C stops after the current article (rolled back if unfinished) and returns the counts
    so far with ``interrupted`` set.
    """
    summary = IngestSummary()
    files, problems = find_article_files(paths)
    summary.failures.extend(problems)
    summary.failed += len(problems)
    if not files:
        return summary
    if extractor is None or extractor_version is None:
        extract, version = _extractor()
        extractor = extractor or extract
        extractor_version = extractor_version or version
    if gazetteer is None:
        gazetteer = _gazetteer_with_user_places(store)
    bar = None
    if progress and len(files) >= _PROGRESS_FROM:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="doc", desc="ingest", file=sys.stderr, dynamic_ncols=True)
    try:
        for f in files:
            try:
                doc = load_document(f)
                result = ingest_document(store, doc, gazetteer=gazetteer, extractor=extractor,
                                         extractor_version=extractor_version, source_file=str(f.resolve()))
            except GeoError as err:
                summary.failed += 1
                summary.failures.append(str(err))
            else:
                if result.status == "new":
                    summary.new += 1
                elif result.status == "unchanged":
                    summary.unchanged += 1
                else:
                    summary.reextracted += 1
                summary.claims_added += result.claims_added
            if bar is not None:
                bar.update(1)
    except KeyboardInterrupt:
        summary.interrupted = True  # the article being written was rolled back; the others are stored
    finally:
        if bar is not None:
            bar.close()
    return summary

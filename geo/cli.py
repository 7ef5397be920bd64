"""Command line: ``python -m geo <verb>``; one thin function per verb, JSON Lines on stdout.

Library errors (GeoError) become ``Error: ...`` on stderr and exit code 1; nothing
prints a traceback unless QUARTERS_DEBUG=1.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from geo.errors import GeoError

__all__ = ["main"]


def _print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def cmd_resolve(a: argparse.Namespace) -> int:
    """Resolve names against the gazetteer: one JSON line per name."""
    from geo.gazetteer import load_gazetteer, resolution_to_dict

    gaz = load_gazetteer()
    for name in a.names:
        _print_json(resolution_to_dict(gaz.resolve(name)))
    return 0


def cmd_extract(a: argparse.Namespace) -> int:
    """Extract control claims from article files: one JSON line per file."""
    from geo.documents import load_document
    from geo.extract import extract_claims
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    failed = False
    for f in a.files:
        try:
            doc = load_document(f, date=a.date, lang=a.lang)
            claims = extract_claims(doc, gazetteer=gaz)
            _print_json({"file": f, "claims": [c.to_dict() for c in claims]})
        except GeoError as err:
            failed = True
            _print_json({"file": f, "error": str(err)})
        except Exception as err:  # noqa: BLE001 - the batch goes on; a bug must not stop it
            failed = True
            _print_json({"file": f, "error": f"internal error ({type(err).__name__}: {err}); please report it with this file."})
    return 1 if failed else 0


def cmd_ingest(a: argparse.Namespace) -> int:
    """Ingest article files or folders into the evidence store."""
    from geo.ingest import ingest_paths, summary_line
    from geo.store import open_store

    with open_store(a.db) as store:
        summary = ingest_paths(store, [Path(p) for p in a.paths], progress=not a.quiet)
    print(summary_line(summary), file=sys.stderr)
    for f in summary.failures:
        print(f"failed: {f}", file=sys.stderr)
    if summary.interrupted:
        return 130
    return 1 if summary.failed else 0


def cmd_claims(a: argparse.Namespace) -> int:
    """List the effective claims (after review) as JSON lines or CSV."""
    from geo.export import evidence_to_csv, evidence_to_dict
    from geo.gazetteer import load_gazetteer
    from geo.store import open_store

    with open_store(a.db) as store:
        claims = store.effective_claims(place_id=a.place, include_rejected=False)
        places = {**load_gazetteer().places, **{p.id: p for p in store.user_places()}}
        if not claims and a.place is None:
            print(f"note: the store {store.path} holds no claims; add articles with: python -m geo ingest seeds/ --db {store.path}", file=sys.stderr)
    if a.place is not None and a.place not in places:
        print(f"note: {a.place!r} is not a place id of the gazetteer; find ids with: python -m geo resolve NAME", file=sys.stderr)
    if a.format == "csv":
        evidence_to_csv(claims, places, sys.stdout)
    else:
        for c in claims:
            _print_json(evidence_to_dict(c))
    return 0


def cmd_state(a: argparse.Namespace) -> int:
    """Print every quarter's control state on a date."""
    import datetime as dt

    from geo.export import state_to_csv, state_to_dict, state_to_geojson
    from geo.gazetteer import load_gazetteer
    from geo.store import open_store
    from geo.timeline import control_on

    day = dt.date.fromisoformat(a.date)
    with open_store(a.db) as store:
        claims = store.effective_claims()
        places = {**load_gazetteer().places, **{p.id: p for p in store.user_places()}}  # analysts' places too
        if not claims:
            print(f"note: the store {store.path} holds no claims; add articles with: python -m geo ingest seeds/ --db {store.path}", file=sys.stderr)
    states = control_on(claims, day, places)
    if a.format == "geojson":
        _print_json(state_to_geojson(states, places, day=day))
    elif a.format == "csv":
        state_to_csv(states, places, sys.stdout)
    else:
        for s in states.values():
            _print_json(state_to_dict(s, places))
    return 0


def cmd_export(a: argparse.Namespace) -> int:
    """Write the report picture (PNG) and/or a standalone HTML map of a date."""
    import datetime as dt

    from geo.gazetteer import load_gazetteer
    from geo.report import export_html, export_png
    from geo.store import open_store

    if not (a.png or a.html):
        raise GeoError("export needs --png FILE and/or --html FILE; e.g. python -m geo export --date 2016-11-28 --png report.png")
    day = dt.date.fromisoformat(a.date)
    gaz = load_gazetteer()
    with open_store(a.db) as store:
        claims = store.effective_claims()
    if a.png:
        export_png(claims, gaz, day, Path(a.png))
        print(f"wrote {a.png}", file=sys.stderr)
    if a.html:
        export_html(claims, gaz, day, Path(a.html))
        print(f"wrote {a.html}", file=sys.stderr)
    return 0


def cmd_bench(a: argparse.Namespace) -> int:
    """Run the benchmarks and print their figures."""
    from geo.bench import run_benchmarks

    return run_benchmarks(only=a.only, quick=a.quick)


def _date_arg(value: str) -> str:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write YYYY-MM-DD, e.g. 2016-11-28") from None
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every verb, with help and examples."""
    from geo import settings

    p = argparse.ArgumentParser(prog="python -m geo", description="Quarters: news reports to a day-by-day control map.")
    sub = p.add_subparsers(dest="verb", required=True, metavar="VERB")

    s = sub.add_parser("resolve", help="resolve place names against the gazetteer",
                       description="Example: python -m geo resolve 'Massaken Hanano' 'Cheikh Maqsoud'")
    s.add_argument("names", nargs="+", metavar="NAME")
    s.set_defaults(func=cmd_resolve)

    s = sub.add_parser("extract", help="extract control claims from articles",
                       description="Example: python -m geo extract seeds/*.md --lang fr")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--date", type=_date_arg, help="publication date YYYY-MM-DD (overrides front matter)")
    s.add_argument("--lang", help="language code fr|en|ar|… (overrides front matter)")
    s.set_defaults(func=cmd_extract)

    db_help = f"SQLite store (default {settings.DB_PATH}, env QUARTERS_DB)"
    s = sub.add_parser("ingest", help="add articles (files or folders) to the evidence store",
                       description="Example: python -m geo ingest seeds/ --db data/quarters.sqlite")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--db", type=Path, default=None, help=db_help)
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("claims", help="list the effective claims",
                       description="Example: python -m geo claims --place sakhour --format csv")
    s.add_argument("--db", type=Path, default=None, help=db_help)
    s.add_argument("--place", help="only claims about this place id")
    s.add_argument("--format", choices=["json", "csv"], default="json")
    s.set_defaults(func=cmd_claims)

    s = sub.add_parser("state", help="every quarter's control on a date",
                       description="Example: python -m geo state --date 2016-11-28 --format geojson > day.geojson")
    s.add_argument("--date", type=_date_arg, required=True)
    s.add_argument("--db", type=Path, default=None, help=db_help)
    s.add_argument("--format", choices=["json", "geojson", "csv"], default="json")
    s.set_defaults(func=cmd_state)

    s = sub.add_parser("export", help="report picture (PNG) or standalone HTML map of a date",
                       description="Example: python -m geo export --date 2016-11-28 --png report.png --html map.html")
    s.add_argument("--date", type=_date_arg, required=True)
    s.add_argument("--png", help="write the report PNG here")
    s.add_argument("--html", help="write a standalone offline HTML map here")
    s.add_argument("--db", type=Path, default=None, help=db_help)
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("bench", help="measure speed (throughput and latency figures)",
                       description="Example: python -m geo bench --only gazetteer")
    s.add_argument("--only", action="append", help="run only this section (repeatable)")
    s.add_argument("--quick", action="store_true", help="smaller inputs, for a smoke run")
    s.set_defaults(func=cmd_bench)
    return p


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run one verb, turn GeoError into 'Error: …' and exit 1."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except GeoError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:
        if os.environ.get("QUARTERS_DEBUG"):
            raise
        print(f"Error: internal error ({type(err).__name__}: {err}); rerun with QUARTERS_DEBUG=1 for details and report it.", file=sys.stderr)
        return 2

"""Build gazetteer.csv from the reference tables in ../shared/data/aleppo.

Run once when the reference data changes:

    python scripts/build_gazetteer.py [--data ../shared/data/aleppo] [--out gazetteer.csv]

Facts (names, coordinates, member lists) are carried over with their source;
nothing is invented here. Aliases shared by two rows are dropped from both and
reported, so every alias stays unambiguous.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

COLUMNS = ["id", "kind", "name_en", "name_fr", "name_ar", "aliases", "lat", "lon",
           "members", "coord_confidence", "sector", "source"]


def _rows(data: Path) -> list[dict[str, str]]:
    out = []
    with (data / "quarters_reference.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.append({
                "id": r["id"], "kind": "quarter", "name_en": r["name_en"], "name_fr": r["name_fr"],
                "name_ar": r["name_ar"], "aliases": r["aliases"], "lat": r["lat"], "lon": r["lon"],
                "members": "", "coord_confidence": r["coord_confidence"], "sector": r["sector"],
                "source": r["coord_source"].split(";")[0].split(" as redistributed")[0].strip(),
            })
    with (data / "regions.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            names = [n.strip() for n in r["names"].split("|") if n.strip()]
            en = names[0]
            fr = next((n for n in names if re.search(r"\bAlep\b|ville|quartiers|\bd'|\bsud\b|ouest", n)), en)
            ar = next((n for n in names if any("\u0600" <= c <= "\u06ff" for c in n)), "")
            aliases = [n for n in names if n not in (en, fr, ar)]
            out.append({
                "id": r["id"], "kind": "region", "name_en": en, "name_fr": fr, "name_ar": ar,
                "aliases": "|".join(aliases), "lat": "", "lon": "", "members": r["member_ids"],
                "coord_confidence": "", "sector": "",
                "source": "regions.csv (compiled from 2016 news; members from side_2016/sector)",
            })
    return out


# Forms seen in Italian, Spanish, Portuguese and French reporting that the reference tables
# lack (translations of region names, the city's own name, the Arabic name of the Old City
# in Latin letters, the Arabic short name of Karm al-Jazmati). Added by Quarters; each stays
# unambiguous (checked below like every other alias).
EXTRA_ALIASES = {
    "aleppo_city": ["Alepo", "Halep", "Haleb", "حلب الشهباء", "Halab al-Shahba"],  # the city's epithet, not the Shahba quarter
    "east_aleppo": ["Aleppo Est", "Aleppo orientale", "est di Aleppo", "Alepo oriental", "Alepo Este",
                    "este de Alepo", "leste de Alepo"],
    "west_aleppo": ["Aleppo Ovest", "Aleppo occidentale", "ovest di Aleppo", "Alepo occidental", "Alepo Oeste",
                    "oeste de Alepo"],
    "old_city": ["Halab al-Qadima", "Halab al-Qadimah", "città vecchia", "città vecchia di Aleppo", "centro storico di Aleppo", "Ciudad Vieja",
                 "ciudad vieja de Alepo", "cidade velha", "cidade velha de Alepo", "casco antiguo", "casco antiguo de Alepo",
                 "ciudad antigua", "ciudad antigua de Alepo", "centro histórico de Alepo", "cidade antiga",
                 "cidade antiga de Alepo"],
    "karm_al_jazmati": ["الجزماتي", "حي الجزماتي"],
    "citadel": ["Citadelle", "citadelle d'Alep", "cittadella di Aleppo", "ciudadela de Alepo", "cidadela de Alepo"],
}
EXTRA_SOURCE = "; it/es/pt/fr/ar forms added by Quarters (scripts/build_gazetteer.py EXTRA_ALIASES)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    here = Path(__file__).resolve().parent.parent
    ap.add_argument("--data", type=Path, default=here.parent / "shared" / "data" / "aleppo")
    ap.add_argument("--out", type=Path, default=here / "gazetteer.csv")
    a = ap.parse_args()
    rows = _rows(a.data)
    for r in rows:
        extra = [n for n in EXTRA_ALIASES.get(r["id"], []) if n not in r["aliases"].split("|")]
        if extra:
            r["aliases"] = "|".join([*filter(None, r["aliases"].split("|")), *extra])
            r["source"] += EXTRA_SOURCE
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for n in [r["name_en"], r["name_fr"], r["name_ar"], *r["aliases"].split("|")]:
            if n.strip():
                owners[n.strip().casefold()].add(r["id"])
    shared = {n for n, ids in owners.items() if len(ids) > 1}
    for n in sorted(shared):
        print(f"dropped ambiguous alias {n!r}: {sorted(owners[n])}", file=sys.stderr)
    for r in rows:
        kept = [n for n in r["aliases"].split("|") if n.strip() and n.strip().casefold() not in shared]
        r["aliases"] = "|".join(kept)
    with a.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

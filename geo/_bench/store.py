"""Benchmark ingest: generated articles written to files, then read, extracted and stored one by one."""
from __future__ import annotations

import datetime as dt
import random
import tempfile
import time
import zlib
from pathlib import Path

__all__ = ["run", "write_articles"]

_FR = ("Les forces du régime ont pris le contrôle du quartier de {fr} le {day_fr}, selon l'OSDH.",
       "Les rebelles contrôlent toujours le quartier de {fr}, a indiqué un militant sur place.",
       "Des combats ont opposé l'armée et les insurgés près de {fr}.")
_EN = ("Government forces captured the {en} district on {day_en}, a monitor said.",
       "Rebel fighters still hold {en}, according to activists.",
       "Kurdish fighters took control of {en} overnight, the group said.")
_FILLER_FR = ("Des milliers de civils ont fui vers l'ouest de la ville, selon des habitants joints par téléphone.",
              "Les bombardements ont repris dans la nuit et les hôpitaux manquent de tout, a dit un médecin.",
              "Les négociations sur une trêve humanitaire n'ont pas abouti, selon des diplomates.",
              "La situation reste très confuse et les informations sont difficiles à vérifier de façon indépendante.")
_FILLER_EN = ("Thousands of civilians fled towards the west of the city, residents reached by phone said.",
              "Shelling resumed overnight and hospitals are short of everything, a doctor said.",
              "Talks on a humanitarian truce ended without agreement, diplomats said.",
              "The situation remains confused and reports could not be independently verified.")
_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre")


def write_articles(folder: Path, n: int, gazetteer, *, seed: int = 11) -> list[Path]:
    """Write n articles of about 1-2 KB (French and English, our own sentences) naming gazetteer quarters."""
    rng = random.Random(seed)
    quarters = gazetteer.quarters
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        day = dt.date(2012, 7, 1) + dt.timedelta(days=rng.randrange(1600))
        lang = rng.choice(("fr", "en"))
        lines = []
        for _ in range(rng.randint(3, 8)):
            if rng.random() < 0.6:
                lines.append(" ".join(rng.sample(_FILLER_FR if lang == "fr" else _FILLER_EN, 3)))
            q = rng.choice(quarters)
            tpl = rng.choice(_FR if lang == "fr" else _EN)
            lines.append(tpl.format(fr=q.name_fr or q.name_en, en=q.name_en,
                                    day_fr=f"{day.day} {_MONTHS_FR[day.month - 1]} {day.year}",
                                    day_en=day.strftime("%B %d, %Y")))
        p = folder / f"{i:05d}.md"
        p.write_text(f"---\ndate: {day.isoformat()}\nsource: Bench wire\nlang: {lang}\ntitle: Article {i}\n---\n"
                     + f"Article {i}.\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
        paths.append(p)
    return paths


def _trivial_extractor(doc, *, gazetteer=None):
    """One claim per paragraph, place picked by hash: measures the store and file reading alone."""
    from geo.models import Claim

    ids = sorted(p.id for p in gazetteer.quarters)
    out = []
    for k, para in enumerate(doc.text.split("\n\n")[1:]):
        pid = ids[zlib.crc32(para.encode()) % len(ids)]
        out.append(Claim(place_id=pid, place=pid, place_kind="quarter", mention=pid, start=k, end=k + 1,
                         faction="government", kind="control", date=doc.date.isoformat(), date_precision="day",
                         quote=para))
    return out


def _ingest(folder: Path, db: Path, n: int, gaz, **kw) -> list[str]:
    from geo.ingest import ingest_paths
    from geo.store import open_store

    with open_store(db) as store:
        t0 = time.perf_counter()
        s = ingest_paths(store, [folder], progress=False, gazetteer=gaz, **kw)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = ingest_paths(store, [folder], progress=False, gazetteer=gaz, **kw)
        rerun = time.perf_counter() - t0
        t0 = time.perf_counter()
        claims = store.effective_claims()
        eff = time.perf_counter() - t0
    return [f"first ingest of {n} generated articles: {first:.1f} s, {n / first:.0f} documents/s, "
            f"{s.claims_added} claims, {s.failed} failed",
            f"re-run (all unchanged): {rerun:.1f} s, {n / rerun:.0f} documents/s, {again.unchanged} unchanged",
            f"effective_claims() of {len(claims)} claims: {eff * 1000:.0f} ms; store file {db.stat().st_size / 1e6:.1f} MB"]


def run(quick: bool = False) -> list[str]:
    """Figures: documents per second for a first ingest and a re-run, and effective_claims time."""
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    n = 500 if quick else 10_000
    lines = [f"{n} generated articles (target: 10 000 through the real extractor in <= 300 s on 2 cores)"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        write_articles(folder, n, gaz)
        lines += ["store alone (trivial extractor): " + x for x in
                  _ingest(folder, Path(tmp) / "trivial.sqlite", n, gaz, extractor=_trivial_extractor,
                          extractor_version="trivial")]
        try:
            from geo.extract import EXTRACTOR_VERSION
        except ImportError as err:
            lines.append(f"real extractor: skipped, geo.extract cannot be imported ({err})")
            return lines
        lines += [f"real extractor {EXTRACTOR_VERSION}: " + x for x in _ingest(folder, Path(tmp) / "real.sqlite", n, gaz)]
    return lines

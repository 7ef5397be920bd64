"""Speed of the gazetteer: find_mentions throughput (MB/s) and resolve time per name (µs).

The text is generated: sentence templates written for this benchmark (French, English,
Arabic) filled with gazetteer names, misspellings after cue words and non-place names,
about 6 MB (1 MB with ``quick``). Rerun with ``python -m geo bench --only gazetteer``.
"""
from __future__ import annotations

import random
import time

from geo.gazetteer import load_gazetteer

TEMPLATES = (
    "Les forces gouvernementales ont repris {a} et {b} après des combats qui ont duré toute la nuit, selon une ONG.",
    "Des frappes aériennes ont visé les quartiers de {a}, {b} et {c}, faisant plusieurs victimes civiles.",
    "Selon un correspondant sur place, les rebelles tiennent encore le quartier de {a} mais ont perdu {b}.",
    "Government troops advanced into the {a} and {b} districts on Sunday, a monitoring group said.",
    "Shelling hit {a} overnight while residents fled towards {b}, according to activists in the city.",
    "The opposition still controls parts of {a}; fighting continued near {b} and the {c} neighbourhood.",
    "قالت مصادر ميدانية إن القوات سيطرت على حي {a} وأجزاء من {b} بعد اشتباكات عنيفة.",
    "Nour al-Din al-Zinki and Ahrar al-Sham fighters moved towards Idlib and Bab al-Hawa, Hezbollah said.",
    "Les négociations à Genève n'ont pas abouti, a indiqué un diplomate à Damas sous couvert d'anonymat.",
    "Aid convoys waited at the Castello road while the UN called for a humanitarian pause in the city.",
)
MISSPELT = ("Cheikh Makhsoud", "Boustane al-Kasr", "Haydarié", "Salah Uddin", "Sheikh Khedr", "Karm al-Katarji")


def _text(target_bytes: int, seed: int = 7) -> str:
    gaz = load_gazetteer()
    rng = random.Random(seed)
    latin = [n for p in gaz.places.values() for n in p.names if n and not ("\u0600" <= n[0] <= "\u06ff")]
    arabic = [p.name_ar for p in gaz.places.values() if p.name_ar]
    parts, size = [], 0
    while size < target_bytes:
        t = rng.choice(TEMPLATES)
        pool = arabic if "{a}" in t and "\u0600" <= t[0] <= "\u06ff" else latin + list(MISSPELT)
        s = t.format(a=rng.choice(pool), b=rng.choice(pool), c=rng.choice(pool))
        parts.append(s)
        size += len(s.encode("utf-8")) + 1
    return "\n".join(parts)


def run(quick: bool = False) -> list[str]:
    """Lines of figures: text size, mentions found, MB/s; µs per exact and per fuzzy resolve."""
    gaz = load_gazetteer()
    lines = []
    t0 = time.perf_counter()
    fresh = type(gaz)(dict(gaz.places))
    lines.append(f"build the gazetteer index: {1000 * (time.perf_counter() - t0):.0f} ms")
    text = _text(1_000_000 if quick else 6_000_000)
    mb = len(text.encode("utf-8")) / 1e6
    for fuzzy in (False, True):
        best = float("inf")
        for _ in range(1 if quick else 3):
            t0 = time.perf_counter()
            found = fresh.find_mentions(text, fuzzy=fuzzy)
            best = min(best, time.perf_counter() - t0)
        lines.append(f"find_mentions(fuzzy={fuzzy}): {mb:.1f} MB, {len(found)} mentions, {mb / best:.1f} MB/s (best of runs, one core)")
    names = [n for p in gaz.places.values() for n in p.names][:2000]
    exact_t = _per_call(gaz.resolve, names)
    fuzzy_names = ["Sheikh Makhsoud", "Boustane al-Kasr", "Haydarié", "Karm al-Aqed", "Sheikh Khedr", "Qazi Askar",
                   "Hezbollah", "Rami Abdel Rahmane", "Bab al-Hawa", "Jaysh al-Fatah"]
    fuzzy_t = _per_call(gaz.resolve, fuzzy_names * (20 if quick else 100))
    lines.append(f"resolve, known spelling: {exact_t:.0f} µs/name over {len(names)} names")
    lines.append(f"resolve, unknown spelling (fuzzy path): {fuzzy_t:.0f} µs/name")
    return lines


def _per_call(fn, items: list[str]) -> float:
    from geo.normalize import name_key, token_key

    name_key.cache_clear()  # measure the normalisation too, not a cache hit
    token_key.cache_clear()
    t0 = time.perf_counter()
    for x in items:
        fn(x)
    return 1e6 * (time.perf_counter() - t0) / max(1, len(items))

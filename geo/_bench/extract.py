"""Benchmark of the extractor: articles per second on one core, 600-word articles.

The articles are composed from sentences written for this benchmark (no corpus text):
about one sentence in four names a quarter and carries a cue, the rest is the filler
prose of war reporting (casualties, diplomacy, humanitarian news).
"""
from __future__ import annotations

import datetime as dt
import random
import time

from geo.extract import extract_from_text
from geo.gazetteer import load_gazetteer

_CLAIM_FR = [
    "Les troupes gouvernementales ont repris {day} le quartier de {q}, selon une ONG.",
    "Les rebelles se sont emparés {day} des quartiers de {q} et {q2}, a indiqué une source locale.",
    "Le quartier de {q}, tenu par les insurgés depuis 2012, est tombé {day} aux mains de l'armée.",
    "Les forces kurdes, qui contrôlent le quartier de {q}, ont accueilli des centaines de déplacés.",
    "L'armée a tenté en vain de reprendre le quartier de {q}.",
]
_CLAIM_EN = [
    "Government forces recaptured the {q} district on {day}, a monitor said.",
    "Rebel fighters seized the {q} and {q2} neighbourhoods {day}, activists said.",
    "The {q} district fell to the army on {day} after weeks of shelling.",
    "Thousands fled to the Kurdish-held {q} neighbourhood, according to aid workers.",
    "The army failed to retake {q} despite heavy air strikes.",
]
_FILLER_FR = [
    "Les organisations humanitaires réclament depuis des semaines un accès aux civils pris au piège.",
    "Le conflit a fait plus de trois cent mille morts depuis son déclenchement, selon les estimations disponibles.",
    "Les diplomates réunis à Genève n'ont pas trouvé d'accord sur une trêve durable.",
    "Les habitants racontent des nuits sans électricité et des files d'attente devant les boulangeries.",
    "Plusieurs hôpitaux ont cessé de fonctionner faute de carburant et de médicaments.",
    "Le gouvernement affirme vouloir rétablir l'ordre dans l'ensemble du pays.",
]
_FILLER_EN = [
    "Aid agencies have called for weeks for safe passage for civilians trapped by the fighting.",
    "The war has killed hundreds of thousands of people since it began, according to monitoring groups.",
    "Diplomats meeting in Geneva again failed to agree on a lasting ceasefire.",
    "Residents described nights without electricity and long queues outside the few bakeries still open.",
    "Several hospitals stopped working for lack of fuel and medicine, doctors said.",
    "The United Nations warned that food stocks would run out within days.",
]
_DAYS_FR = ["samedi", "lundi", "hier", "le 26 novembre", "dimanche soir"]
_DAYS_EN = ["Saturday", "Monday", "yesterday", "November 26", "Sunday night"]


def make_articles(n: int, *, words: int = 600, seed: int = 7) -> list[tuple[str, str]]:
    """n generated (lang, text) articles of about ``words`` words, half French, half English."""
    rng = random.Random(seed)
    quarters = [p.name_en for p in load_gazetteer().quarters] or ["Sakhour"]
    out = []
    for i in range(n):
        lang = "fr" if i % 2 == 0 else "en"
        claims, filler, days = (_CLAIM_FR, _FILLER_FR, _DAYS_FR) if lang == "fr" else (_CLAIM_EN, _FILLER_EN, _DAYS_EN)
        parts: list[str] = []
        count = 0
        while count < words:
            if rng.random() < 0.25:
                s = rng.choice(claims).format(q=rng.choice(quarters), q2=rng.choice(quarters), day=rng.choice(days))
            else:
                s = rng.choice(filler)
            parts.append(s)
            count += len(s.split())
        out.append((lang, " ".join(parts)))
    return out


def run(quick: bool = False) -> list[str]:
    """Articles per second (one core) of extract_from_text on 600-word articles."""
    n = 60 if quick else 600
    articles = make_articles(n)
    gaz = load_gazetteer()
    published = dt.date(2016, 11, 28)
    extract_from_text(articles[0][1], published=published, lang=articles[0][0], gazetteer=gaz)  # warm caches
    t0 = time.perf_counter()
    claims = 0
    for lang, text in articles:
        claims += len(extract_from_text(text, published=published, lang=lang, gazetteer=gaz))
    elapsed = time.perf_counter() - t0
    words = sum(len(t.split()) for _, t in articles)
    rate = n / elapsed if elapsed else float("inf")
    return [
        f"{n} articles, {words // n} words each on average, {claims} claims",
        f"{rate:.0f} articles/s on one core ({elapsed * 1000 / n:.1f} ms per article); target >= 60",
    ]

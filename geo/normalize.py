"""Normalise place names written in Latin or Arabic script into comparison keys (pure functions).

Two levels:

``name_tokens(name)``
    Tokens of a name with case, accents, apostrophes, hyphens, articles (al-, el-, ash-,
    ال...) and French elisions (l', d') removed, and each token reduced to a
    *skeleton* that merges the usual transliteration variants: Sheikh/Cheikh/Shaykh,
    -iya/-iyeh/-iyé/-ieh/-iyah, ch/sh, ou/oo/u, ee/i, q/k, dh/z, doubled letters, a
    final -eh/-ah/-é. Arabic tokens lose diacritics, tatweel, the article and have
    hamza/alef, ta marbuta and alef maqsura unified.
``name_key(name, strip_cues=False)``
    The skeleton tokens of a name joined by spaces: the key an alias and a query share
    when they spell the same name. With ``strip_cues``, leading cue words ("quartier
    de", "district of", "the", "حي") and a trailing "district"/"neighbourhood" go.

``token_key(token)`` is the per-token skeleton (None for an article), used by
``Gazetteer.find_mentions`` on words of running text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "fold_latin", "fold_arabic", "token_key", "name_tokens", "name_key", "is_arabic", "split_words",
    "ARTICLES", "ARABIC_PREFIXES",
]

ARTICLES = frozenset({"al", "el", "as", "ash", "ad", "ar", "at", "az", "an", "ed", "es", "et", "ez", "en",
                      "ul", "il", "ath", "adh", "dh", "l", "d"})
# Words that introduce or follow a name in a query; dropped by name_key only.
_LEADING_CUES = frozenset({"quartier", "quartiers", "de", "du", "des", "the", "district", "districts", "of",
                           "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "area", "le",
                           "la", "les", "in", "hay", "hayy", "حي", "احياء", "منطقه", "في", "barrio", "quartiere",
                           "bairro", "di", "del", "do", "da", "مخيم", "camp", "secteur", "sector", "settore",
                           # Spanish/Portuguese/Italian plurals and "district" words, the Latin "hai"
                           "distrito", "distritos", "distretto", "barrios", "bairros", "quartieri", "hai",
                           "nel", "no", "na", "em", "en", "dans"})
_TRAILING_CUES = frozenset({"district", "districts", "neighbourhood", "neighborhood", "neighbourhoods",
                            "neighborhoods", "quarter", "area", "camp", "city",
                            # a place named by what lies in it: "the Bustan al-Qasr crossing", "Ramouseh front"
                            "crossing", "front", "frontline", "sector", "axis", "refugee", "refugees"})
ARABIC_PREFIXES = ("و", "ب", "ل", "ف", "ك")
_SHEIKH = re.compile(r"^(?:sh|ch|sch|s)(?:e|a|ai|ay|ei|ey|ie|i)?(?:y|i)?(?:kh|k|q|ch|j)h?$")
# Compass words in the languages of the reports, reduced to one form (French est/ouest
# and English east/west already share a skeleton).
_COMPASS = {
    "eastern": "east", "western": "west", "northern": "north", "southern": "south",
    "northeastern": "northeast", "northwestern": "northwest", "southeastern": "southeast",
    "southwestern": "southwest", "oriental": "est", "orientale": "est", "orientaux": "est",
    "orientales": "est", "orientali": "est", "occidental": "ouest", "occidentale": "ouest",
    "occidentaux": "ouest", "occidentales": "ouest", "occidentali": "ouest", "este": "est",
    "leste": "est", "oeste": "ouest", "ovest": "ouest", "nord": "north", "sud": "south",
}
# Vowelled spellings of generic words that begin many names ("Karam al-Jabal" = "Karm al-Jabal").
_GENERIC_FORMS = {"karam": "karm", "kiram": "karm", "kurum": "karm"}
_SHEIKH_WORDS = frozenset({"jeque", "xeque", "sceicco", "scheich", "scheik"})
_APOSTROPHES = "'’‘`´ʼʾʿ′ʻʽˈ"
_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
                              "ء": "", "ک": "ك", "ی": "ي"})
_LATIN_EXTRA = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i",
                              "ḥ": "h", "ṣ": "s", "ṭ": "t", "ḍ": "d", "ẓ": "z"})
_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640]|[{_APOSTROPHES}](?=[^\W\d_]))*")
_ELISION = re.compile(rf"^(?:[ldjnsmtc]|qu|lorsqu|puisqu|jusqu)[{_APOSTROPHES}]", re.IGNORECASE)
_ENDINGS = re.compile(r"(?:iyy?[ae]h?|iyy?e|i[ae]h|i[ae]|iyé|iye)$")


def is_arabic(text: str) -> bool:
    """True if text contains Arabic letters."""
    return any("\u0600" <= c <= "\u06ff" for c in text)


def fold_latin(text: str) -> str:
    """Lower-case, strip accents and apostrophes: "Cheikh Saïd" -> "cheikh said"."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_LATIN_EXTRA))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text


def fold_arabic(text: str) -> str:
    """Drop diacritics and tatweel; unify alef/hamza, ta marbuta, alef maqsura."""
    return _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_FOLD)


def split_words(text: str) -> list[str]:
    """Words of text (letters, with apostrophes inside a word kept), French elisions split off."""
    out = []
    for w in _WORD.findall(text):
        m = _ELISION.match(w)
        out.append(w[m.end():] if m and m.end() < len(w) else w)
    return out


@lru_cache(maxsize=65536)
def token_key(token: str) -> str | None:
    """The skeleton of one word, or None for an article or a bare elision ("al", "l'")."""
    if is_arabic(token):
        return _arabic_token(token)
    if len(token) > 4 and token.endswith("ne") and token[-3] in "aiouy":
        token = token[:-1]  # French mute e: Midane, Tichrine, Fourqane
    t = fold_latin(token)
    m = _ELISION.match(t)
    if m:
        t = t[m.end():]
    for a in _APOSTROPHES:
        t = t.replace(a, "")
    if not t or t in ARTICLES:
        return None
    if len(t) > 3 and t.endswith("s") and token[-2] in _APOSTROPHES:  # English possessive: Aleppo's
        t = t[:-1]
    if (_SHEIKH.match(t) and len(t) >= 4) or t in _SHEIKH_WORDS:
        return "shk"
    t = _COMPASS.get(t, t)
    t = t.replace("sch", "sh").replace("ch", "sh").replace("dj", "j").replace("dh", "z").replace("ph", "f")
    t = t.replace("gh", "k")  # Aghyol/Aqyol, Maghsoud/Maqsoud: ghayn and qaf are confused in transliteration
    t = _ENDINGS.sub("iya", t)
    if len(t) >= 8:  # Salaheddine, Salahudin, Noureddine: the attached "ad-Din"
        t = re.sub(r"(?:e|a|u|i|ou)d{1,2}(?:i|ee|ii)ne?$", "ddin", t)
    t = t.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("ei", "ay").replace("ey", "ay")
    t = t.replace("ai", "ay").replace("q", "k").replace("ck", "k").replace("w", "u").replace("e", "a")
    t = t.replace("o", "u").replace("y", "i")
    t = re.sub(r"(?<=[aiu])h(?![aiu])", "", t)  # Marjeh/Marja, Salah/Sala, Shahba/Chaba
    t = re.sub(r"(.)\1+", r"\1", t)
    return _GENERIC_FORMS.get(t, t) or None


def _arabic_token(token: str) -> str | None:
    t = fold_arabic(token)
    if t == "ال" or not t:
        return None
    if t.startswith("ال") and len(t) > 3:
        t = t[2:]
    return t


def name_tokens(name: str) -> tuple[str, ...]:
    """Skeleton tokens of a name, articles dropped (cue words kept)."""
    keys = (token_key(w) for w in split_words(name))
    return tuple(k for k in keys if k)


def _leading_cue(folded: str) -> bool:
    """A cue word that may open a query; in Arabic also with a prefix glued on ("بحي", "وحي")."""
    w = folded.strip(_APOSTROPHES)
    return w in _LEADING_CUES or (len(w) > 2 and w[0] in ARABIC_PREFIXES and w[1:] in _LEADING_CUES)


@lru_cache(maxsize=65536)
def name_key(name: str, *, strip_cues: bool = False, strip_trailing: bool = True) -> str:
    """The comparison key of a name: skeleton tokens joined by spaces.

    With ``strip_cues``, cue words at either end ("quartier de", "the", "district") are
    dropped first, as a query may carry them (the trailing ones only with ``strip_trailing``).
    """
    words = split_words(name)
    pairs = [(fold_arabic(fold_latin(w)), k) for w, k in zip(words, map(token_key, words)) if k]
    if strip_cues:
        while len(pairs) > 1 and _leading_cue(pairs[0][0]):
            pairs.pop(0)
        while strip_trailing and len(pairs) > 1 and pairs[-1][0] in _TRAILING_CUES:
            pairs.pop()
    return " ".join(k for _, k in pairs)

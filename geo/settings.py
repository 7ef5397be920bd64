"""Documented defaults of Quarters; functions read them at call time and take overrides.

Each setting can be overridden by an environment variable of the same name
prefixed with ``QUARTERS_`` (for paths and numbers) where noted.

ROOT : Path
    The project folder (parent of ``geo/``).
GAZETTEER_PATH : Path
    ``gazetteer.csv``: quarters and regions with names, aliases, coordinates.
BOUNDARIES_PATH : Path
    ``geo/data/boundaries.geojson``: one polygon per quarter (real or approximate).
CITY_OUTLINE_PATH : Path
    ``geo/data/city_outline.geojson``: the outline drawn under the quarters.
FACTIONS_PATH : Path
    ``geo/data/factions.csv``: surface forms (fr, en, …) mapped to a faction.
SEEDS_DIR : Path
    ``seeds/``: articles ingested on the app's first start.
DB_PATH : Path
    The SQLite evidence store (env ``QUARTERS_DB``; default ``data/quarters.sqlite``).
GEOCODER_CACHE_PATH : Path
    On-disk cache of the optional online geocoder.
FUZZY_MIN_SCORE : float
    Lowest rapidfuzz score (0-100) at which a spelling not in the alias list resolves.
FUZZY_AMBIGUITY_MARGIN : float
    Two candidates closer than this in score make a name ambiguous.
CONTESTED_WINDOW_DAYS : int
    Claims of different factions for one quarter within this many days make it contested.
FACTION_COLOURS : dict[str, str]
    Map colours by Syrian war map convention; ``unknown`` light grey.
FACTIONS : tuple[str, ...]
    The factions a claim can name.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"
GAZETTEER_PATH = ROOT / "gazetteer.csv"
BOUNDARIES_PATH = DATA_DIR / "boundaries.geojson"
CITY_OUTLINE_PATH = DATA_DIR / "city_outline.geojson"
FACTIONS_PATH = DATA_DIR / "factions.csv"
SEEDS_DIR = ROOT / "seeds"
DB_PATH = Path(os.environ.get("QUARTERS_DB", ROOT / "data" / "quarters.sqlite"))
GEOCODER_CACHE_PATH = Path(os.environ.get("QUARTERS_GEOCODER_CACHE", ROOT / "data" / "geocoder_cache.json"))
FUZZY_MIN_SCORE = 88.0
FUZZY_AMBIGUITY_MARGIN = 3.0
CONTESTED_WINDOW_DAYS = int(os.environ.get("QUARTERS_CONTESTED_WINDOW_DAYS", "2"))
FACTIONS = ("government", "rebels", "kurds", "isis")
FACTION_COLOURS = {
    "government": "#d7301f",
    "rebels": "#1a9850",
    "kurds": "#f2c500",
    "isis": "#1a1a1a",
    "contested": "#8c6bb1",
    "unknown": "#d9d9d9",
}

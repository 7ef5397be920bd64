"""Optional online fallback for names the gazetteer does not know: OpenStreetMap Nominatim via geopy.

Off by default (Quarters works offline). Turn it on with the environment variable
``QUARTERS_ONLINE=1`` or ``geocode(..., online=True)``. Requests go through geopy's
``RateLimiter`` (at most one per second, Nominatim's usage policy) and every answer,
including "not found", is cached on disk in ``settings.GEOCODER_CACHE_PATH`` so a name
is asked once. A result outside the Aleppo box is treated as not found.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo import settings
from geo.errors import GeocoderUnavailable
from geo.normalize import fold_arabic, fold_latin

__all__ = ["GeocodeResult", "geocode", "is_online_allowed", "CITY_BOX"]

# (south, west), (north, east) in (lat, lon): Aleppo and its outskirts.
CITY_BOX = ((36.08, 36.98), (36.36, 37.34))
USER_AGENT = "Quarters/0.1 (offline-first conflict map of Aleppo quarters)"
_limiters: dict[tuple[str, str, float], Any] = {}
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    """A place found online: (lat, lon), the name the service gave, and its raw answer."""

    query: str
    lat: float
    lon: float
    display_name: str
    source: str = "OpenStreetMap Nominatim (© OpenStreetMap contributors, ODbL)"
    cached: bool = False


def is_online_allowed() -> bool:
    """True if the user allowed network look-ups (QUARTERS_ONLINE=1)."""
    return os.environ.get("QUARTERS_ONLINE", "").strip().lower() in ("1", "true", "yes", "on")


def geocode(name: str, *, online: bool | None = None, cache_path: str | Path | None = None,
            domain: str = "nominatim.openstreetmap.org", scheme: str = "https", timeout: float = 10.0,
            min_delay_seconds: float = 1.0) -> GeocodeResult | None:
    """Look a place name up online (cached); None if the service knows no such place in Aleppo.

    Raises GeocoderUnavailable when look-ups are off and the name is not cached, or when
    the service cannot be reached.
    """
    path = Path(cache_path or settings.GEOCODER_CACHE_PATH)
    key = _cache_key(name)
    cache = _load_cache(path)
    if key in cache:
        hit = cache[key]
        return None if hit is None else GeocodeResult(name, hit["lat"], hit["lon"], hit["display_name"], cached=True)
    allowed = is_online_allowed() if online is None else online
    if not allowed:
        msg = (f"cannot look up {name!r} online: the online geocoder is off (Quarters works offline by default); "
               "set QUARTERS_ONLINE=1 to allow queries to OpenStreetMap Nominatim, or add the place by hand.")
        raise GeocoderUnavailable(msg)
    found = _ask(name, domain=domain, scheme=scheme, timeout=timeout, min_delay_seconds=min_delay_seconds)
    cache[key] = found
    _save_cache(path, cache)
    return None if found is None else GeocodeResult(name, found["lat"], found["lon"], found["display_name"])


def _ask(name: str, *, domain: str, scheme: str, timeout: float, min_delay_seconds: float) -> dict[str, Any] | None:
    from geopy.exc import GeopyError

    geocode_once = _limiter(domain, scheme, min_delay_seconds, timeout)
    (south, west), (north, east) = CITY_BOX
    try:
        loc = geocode_once(f"{name}, Aleppo, Syria", exactly_one=True, viewbox=[(south, west), (north, east)],
                           bounded=True, language="en")
    except (GeopyError, OSError) as err:
        msg = (f"cannot look up {name!r}: the geocoder at {scheme}://{domain} did not answer "
               f"({type(err).__name__}: {err}); check the internet connection, or work offline and add the place by hand.")
        raise GeocoderUnavailable(msg) from err
    if loc is None:
        return None
    lat, lon = float(loc.latitude), float(loc.longitude)
    if not (south <= lat <= north and west <= lon <= east):
        return None
    return {"lat": lat, "lon": lon, "display_name": str(loc.address)}


def _limiter(domain: str, scheme: str, min_delay_seconds: float, timeout: float) -> Any:
    """One geopy client and RateLimiter per service, shared by every call."""
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    with _lock:
        k = (domain, scheme, min_delay_seconds)
        if k not in _limiters:
            client = Nominatim(user_agent=USER_AGENT, domain=domain, scheme=scheme, timeout=timeout)
            _limiters[k] = RateLimiter(client.geocode, min_delay_seconds=min_delay_seconds, max_retries=0,
                                       swallow_exceptions=False)
        return _limiters[k]


def _cache_key(name: str) -> str:
    return " ".join(fold_arabic(fold_latin(name)).split())


def _load_cache(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, json.JSONDecodeError):
        return {}  # a damaged cache is only a cache: start again
    return data if isinstance(data, dict) else {}


def _save_cache(path: Path, cache: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(cache, ensure_ascii=False, indent=0), encoding="utf-8")
    os.replace(tmp, path)

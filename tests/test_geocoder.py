"""The optional online geocoder, run for real against a local server that answers like Nominatim."""
from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geo.errors import GeocoderUnavailable, GeoError
from geo.geocoder import geocode

PLACES = {  # what the fake service knows: first word of the query -> answer
    "minyan": [{"place_id": 1, "lat": "36.1932", "lon": "37.0801", "display_name": "Minyan, Aleppo, Syria",
                "boundingbox": ["36.18", "36.20", "37.07", "37.09"], "class": "place", "type": "suburb"}],
    "elsewhere": [{"place_id": 2, "lat": "48.85", "lon": "2.35", "display_name": "Paris, France",
                   "boundingbox": ["48.8", "48.9", "2.3", "2.4"], "class": "place", "type": "city"}],
}


class _Nominatim(BaseHTTPRequestHandler):
    requests: list[dict[str, list[str]]] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urlparse(self.path)
        q = parse_qs(url.query)
        type(self).requests.append(q)
        if url.path != "/search":
            self.send_error(404)
            return
        first = q.get("q", [""])[0].split(",")[0].strip().lower()
        body = json.dumps(PLACES.get(first, [])).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server():
    _Nominatim.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Nominatim)
    t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _ask(name, domain, tmp_path, **kw):
    return geocode(name, online=True, cache_path=tmp_path / "cache.json", domain=domain, scheme="http",
                   min_delay_seconds=0, timeout=5, **kw)


def test_a_name_is_found_over_http_and_cached(server, tmp_path):
    res = _ask("Minyan", server, tmp_path)
    assert (res.lat, res.lon, res.display_name, res.cached) == (36.1932, 37.0801, "Minyan, Aleppo, Syria", False)
    q = _Nominatim.requests[0]
    assert q["q"] == ["Minyan, Aleppo, Syria"] and q["format"] == ["json"] and q["bounded"] == ["1"]
    again = _ask("minyan", server, tmp_path)
    assert again.cached and (again.lat, again.lon) == (36.1932, 37.0801)
    assert len(_Nominatim.requests) == 1, "a cached name is not asked twice"


def test_not_found_and_far_away_answers_are_none_and_cached_too(server, tmp_path):
    assert _ask("Nowhere Street", server, tmp_path) is None
    assert _ask("Elsewhere", server, tmp_path) is None  # Paris is not in Aleppo
    assert _ask("Nowhere Street", server, tmp_path) is None
    assert len(_Nominatim.requests) == 2


def test_a_server_that_is_down_gives_a_clear_message(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(GeocoderUnavailable) as err:
        _ask("Minyan", f"127.0.0.1:{port}", tmp_path)
    msg = str(err.value)
    assert msg.startswith(f"cannot look up 'Minyan': the geocoder at http://127.0.0.1:{port} did not answer (")
    assert msg.endswith("check the internet connection, or work offline and add the place by hand.")
    assert isinstance(err.value, GeoError) and isinstance(err.value, ConnectionError)
    assert not (tmp_path / "cache.json").exists(), "a failure is not cached"


def test_off_by_default_says_how_to_turn_it_on(tmp_path, monkeypatch):
    monkeypatch.delenv("QUARTERS_ONLINE", raising=False)
    with pytest.raises(GeocoderUnavailable, match=r"^cannot look up 'Minyan' online: the online geocoder is off .* set QUARTERS_ONLINE=1"):
        geocode("Minyan", cache_path=tmp_path / "cache.json")


def test_the_environment_switch_turns_it_on(server, tmp_path, monkeypatch):
    monkeypatch.setenv("QUARTERS_ONLINE", "1")
    res = geocode("Minyan", cache_path=tmp_path / "c.json", domain=server, scheme="http", min_delay_seconds=0)
    assert res is not None and res.display_name.startswith("Minyan")

"""Start the real app for browser tests and benchmarks, and drive Debian's Chromium with Playwright.

``AppServer`` runs ``streamlit run app.py`` on a free port with a temporary QUARTERS_DB,
waits until the page answers (polling, never a fixed sleep) and prints the server's
output when it does not start. ``launch_chromium`` opens /usr/bin/chromium headless with
everything that would phone home switched off.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("QUARTERS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class AppServer:
    """``streamlit run app.py`` in a subprocess; use as a context manager."""

    def __init__(self, *, db_path: str | None = None, timeout: float = 90.0) -> None:
        self.port = free_port()
        self._tmp = tempfile.TemporaryDirectory(prefix="quarters-app-")
        self.db_path = db_path or str(Path(self._tmp.name) / "quarters.sqlite")
        self.log_path = Path(self._tmp.name) / "server.log"
        self.timeout = timeout
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    def output(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def start(self) -> AppServer:
        env = {**os.environ, "QUARTERS_DB": self.db_path, "PYTHONUNBUFFERED": "1"}
        self._log = self.log_path.open("w", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(self.port),
             "--server.address", "localhost", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=str(ROOT), env=env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.proc.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"streamlit did not answer on {self.url} within {self.timeout:.0f} s:\n{self.output()}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if getattr(self, "_log", None):
            self._log.close()

    def cleanup(self) -> None:
        self.stop()
        self._tmp.cleanup()

    def __enter__(self) -> AppServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.cleanup()


def launch_chromium(playwright, **kw):  # type: ignore[no-untyped-def]
    """Debian's Chromium, headless, nothing downloaded and no background traffic."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, **kw)


def map_frame(page, timeout: float = 60_000):  # type: ignore[no-untyped-def]
    """The streamlit-folium iframe (a Frame), once its quarter layer has been painted."""
    page.wait_for_selector("iframe[title*='st_folium']", timeout=timeout)
    deadline = time.monotonic() + timeout / 1000
    while time.monotonic() < deadline:
        for fr in page.frames:
            if "st_folium" in fr.url:
                try:
                    if fr.evaluate("() => !!(window.quartersPainted)"):
                        return fr
                except Exception:  # noqa: BLE001 - the frame may be navigating
                    pass
        time.sleep(0.05)
    raise TimeoutError("the map iframe never painted its quarters")


def wait_painted(frame, day: str, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until the map shows ``day`` (the paint layer records the day it drew)."""
    frame.wait_for_function("(d) => window.quartersPainted && window.quartersPainted.day === d", arg=day,
                            timeout=timeout * 1000)


def is_local(url: str) -> bool:
    """True for URLs that stay on this machine (localhost, 127.0.0.1, data:, blob:, about:)."""
    if url.startswith(("data:", "blob:", "about:", "chrome-error:")):
        return True
    from urllib.parse import urlparse

    host = (urlparse(url).hostname or "").lower()
    return host in ("localhost", "127.0.0.1", "::1", "[::1]")

"""Shared fixtures: paths, the real gazetteer, small articles written for the tests."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def gazetteer():
    from geo.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and exported files that people look at after a run."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS

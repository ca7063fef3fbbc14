"""Hypothesis profiles: `dev` (default, quick) and `ci` (more examples); choose with HYPOTHESIS_PROFILE."""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

SMALL = Path(__file__).parent / "data" / "small"


@pytest.fixture
def small_dir() -> Path:
    return SMALL


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the small fixture data set."""
    target = tmp_path / "data"
    target.mkdir()
    for path in SMALL.glob("*.yaml"):
        (target / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return target

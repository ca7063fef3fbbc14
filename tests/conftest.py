"""Shared test set-up.

Hypothesis profiles: ``dev`` (default, quick) and ``ci`` (more examples, chosen when ``CI`` is set
or with ``HYPOTHESIS_PROFILE``). Golden files everywhere are refreshed after an intended change of
output with ``pytest --update-golden`` (the same as ``UPDATE_GOLDEN=1 pytest``).
"""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite golden files instead of comparing."
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--update-golden"):
        os.environ["UPDATE_GOLDEN"] = "1"


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

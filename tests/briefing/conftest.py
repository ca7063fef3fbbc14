"""Fixtures for the briefing tests: the fixture data set, its scenario, and golden-file checks.

Golden files are refreshed after an intended change with ``UPDATE_GOLDEN=1 pytest tests/briefing``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from postrack.briefing import Memo, build_memo
from postrack.loading import load_record
from postrack.record import Record

HERE = Path(__file__).parent
DATA = HERE / "data"
SCENARIO = HERE / "scenarios" / "aid_pause.yaml"
GOLDEN = HERE / "golden"
AS_OF = date(2025, 6, 10)
SINCE = date(2025, 5, 20)
PARTIES = ["east", "west", "mediator"]


@pytest.fixture(scope="session")
def as_of() -> date:
    return AS_OF


@pytest.fixture(scope="session")
def parties() -> list[str]:
    return list(PARTIES)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def scenario_file() -> Path:
    return SCENARIO


@pytest.fixture(scope="session")
def record() -> Record:
    return load_record(DATA)


@pytest.fixture(scope="session")
def memo(record: Record) -> Memo:
    """The full memo of the fixture data: what moved since SINCE, and one scenario."""
    return build_memo(record, PARTIES, AS_OF, SINCE, [SCENARIO])


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN"):
            path.write_text(actual, encoding="utf-8")
        assert path.exists(), f"no golden file {path}; create it with UPDATE_GOLDEN=1"
        assert actual == path.read_text(encoding="utf-8")

    return check

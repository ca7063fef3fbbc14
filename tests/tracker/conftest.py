"""Fixtures for the tracker tests, and the golden-file switch.

Golden files under ``golden/`` hold the expected Markdown and JSON of history, diff and timeline on
the fixed data set in ``data/``. After an intended change of output, refresh them with
``pytest --update-golden`` (or ``UPDATE_GOLDEN=1 pytest``) and review the diff before committing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def tracker_data() -> Path:
    return DATA


@pytest.fixture
def tracker_copy(tmp_path: Path) -> Path:
    """A writable copy of the tracker's fixture data set."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with ``golden/<name>``, or rewrite the file when updating."""
    update = os.environ.get("UPDATE_GOLDEN")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_text(text, encoding="utf-8")
            return
        assert path.is_file(), f"missing golden file {path}; run pytest --update-golden"
        assert text == path.read_text(encoding="utf-8"), (
            f"output differs from {path} (refresh with pytest --update-golden)"
        )

    return check

"""The committed JSON Schemas stay in sync with the models (regenerate: `positions schema -o schema`)."""

from pathlib import Path

import pytest

from postrack.schema import KINDS, schema_text

SCHEMA_DIR = Path(__file__).parents[2] / "schema"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_is_current(kind: str) -> None:
    committed = (SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), f"run `positions schema -o schema` to refresh {kind}.schema.json"

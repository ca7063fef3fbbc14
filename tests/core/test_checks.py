"""Consistency checks, one parametrized case per entry of check_cases.yaml."""

from pathlib import Path

import pytest
import yaml

from postrack.checks import REGISTRY
from postrack.loading import load_record
from postrack.problems import UserError

CASES = yaml.safe_load((Path(__file__).parent / "check_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_check_case(case: dict[str, object], small_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "issues.yaml").write_text((small_dir / "issues.yaml").read_text())
    (tmp_path / "x.yaml").write_text(str(case["party"]))
    (tmp_path / "sources.yaml").write_text(str(case["sources"]))
    try:
        record = load_record(tmp_path, display_root=tmp_path)
        found = [str(p) for p in record.warnings]
    except UserError as error:
        found = [str(p) for p in sorted(error.problems)]
    assert found == case["expect"]


def test_registry_codes_are_unique_and_documented() -> None:
    codes = [c.code for c in REGISTRY]
    assert len(codes) == len(set(codes))
    for check in REGISTRY:
        doc = (check.run.__module__ and __import__(check.run.__module__, fromlist=["_"]).__doc__) or ""
        assert doc.startswith(f"{check.code} {check.name}"), check.code
        assert "Failing" in doc and "Passing" in doc

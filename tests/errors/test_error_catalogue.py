"""The error catalogue: every bad input in cases/ exits 1 (bad usage 2) with its golden message, no traceback.

Each case folder holds files laid over a copy of the small fixture data set (``data/``), an
optional ``case.yaml`` (``args`` to run, default ``validate data``; ``remove``: files to delete;
``generate``: a large file to create; ``exit``: 2 for bad command-line usage; ``symlinks``: link ->
target, relative to the work folder; ``fifos``: named pipes to make; ``files``: file name -> text,
for text awkward to keep in a file of its own such as control characters), other files and folders
the command reads (a scenario, a stability model, a template folder), and ``expected.txt``, the
exact stderr. Refresh the golden files after an intended change of wording with
``UPDATE_GOLDEN=1 pytest tests/errors``.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from postrack.cli.app import app

LOCATED = re.compile(r"^(\S+:\d+:\d+: |\S+\.yaml: |\S+\.j2: |error: |\d+ errors?$)")
HERE = Path(__file__).parent
CASES = sorted(p for p in (HERE / "cases").iterdir() if p.is_dir())
SMALL = HERE.parent / "data" / "small"


def prepare(case: Path, work: Path) -> list[str]:
    spec = (yaml.safe_load((case / "case.yaml").read_text()) if (case / "case.yaml").exists() else {}) or {}
    shutil.copytree(SMALL, work / "data")
    if (case / "data").is_dir():
        for path in (case / "data").iterdir():
            shutil.copyfile(path, work / "data" / path.name)
    for path in case.iterdir():
        if path.is_dir() and path.name != "data":
            shutil.copytree(path, work / path.name)
        elif path.suffix == ".yaml" and path.name != "case.yaml":
            shutil.copyfile(path, work / path.name)
    for name in spec.get("remove", []):
        (work / "data" / name).unlink()
    for link, target in spec.get("symlinks", {}).items():
        (work / link).parent.mkdir(parents=True, exist_ok=True)
        (work / link).unlink(missing_ok=True)
        (work / link).symlink_to(target)
    for fifo in spec.get("fifos", []):
        os.mkfifo(work / fifo)
    for name, text in spec.get("files", {}).items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")
    if "generate" in spec:
        gen = spec["generate"]
        line = "# " + "x" * 1022 + "\n"
        (work / "data" / gen["file"]).write_text(line * (gen["megabytes"] * 1024))
    return list(spec.get("args", ["validate", "data"]))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_error_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = prepare(case, tmp_path)
    spec = (yaml.safe_load((case / "case.yaml").read_text()) if (case / "case.yaml").exists() else None) or {}
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == spec.get("exit", 1), result.output
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    golden = case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stderr, encoding="utf-8")
    assert result.stderr == golden.read_text(encoding="utf-8")
    for line in result.stderr.splitlines():
        assert LOCATED.match(line), f"unlocated message: {line}"

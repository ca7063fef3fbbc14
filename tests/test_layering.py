"""The core never imports the command line (typer, rich or postrack.cli): results are presented there."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "postrack"
CORE = sorted(p for p in SRC.rglob("*.py") if "cli" not in p.relative_to(SRC).parts)
FORBIDDEN = ("typer", "rich", "click", "postrack.cli")


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", CORE, ids=[str(p.relative_to(SRC)) for p in CORE])
def test_core_module_does_not_import_the_cli(path: Path) -> None:
    bad = sorted(n for n in imported(path) if n.split(".")[0] in FORBIDDEN or n.startswith("postrack.cli"))
    assert bad == [], f"{path.relative_to(SRC)} imports {bad}"

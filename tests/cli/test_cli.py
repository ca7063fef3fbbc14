"""The command line as a user meets it: exit codes, streams, JSON contract, help texts."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from postrack.cli.app import COMMANDS, SUMMARIES, app

SMALL = Path(__file__).parent.parent / "data" / "small"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_clean_data_exits_0_with_a_summary() -> None:
    code, out, err = run("validate", str(SMALL))
    assert code == 0
    assert out.strip().endswith("ok: 3 parties, 4 issues, 8 statements, 5 sources")
    assert err == ""


def test_validate_bad_data_exits_1_with_located_messages(tmp_path: Path) -> None:
    (tmp_path / "issues.yaml").write_text((SMALL / "issues.yaml").read_text())
    (tmp_path / "north.yaml").write_text("party: {id: north, name: N, role: belligerent}\nparty: {}\n")
    code, out, err = run("validate", str(tmp_path))
    assert code == 1
    assert out == ""
    assert "north.yaml:2:1: party: duplicate key 'party' (first defined on line 1)" in err
    assert "Traceback" not in err


def test_usage_error_exits_2() -> None:
    code, _, err = run("compare", "--no-such-option")
    assert code == 2
    assert "No such option" in err


def test_unknown_party_is_bad_usage() -> None:
    code, out, err = run("compare", "--data", str(SMALL), "--parties", "north,nobody")
    assert code == 2
    assert out == ""
    assert err.strip() == "error: --parties: unknown party 'nobody' (known: broker, north, south)"


def test_bad_date_is_bad_usage() -> None:
    code, _, err = run("compare", "--data", str(SMALL), "--as-of", "16/05/2025")
    assert code == 2
    assert "--as-of: '16/05/2025' is not a date in the form YYYY-MM-DD" in err


def test_internal_error_exits_3_with_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    import postrack.cli.compare_cmd as cmd

    def broken(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cmd, "run_compare", broken)
    code, _, err = run("compare", "--data", str(SMALL), "-p", "north,south")
    assert code == 3
    assert "RuntimeError: boom" in err
    assert "please report it" in err


def test_compare_json_contract() -> None:
    code, out, _ = run(
        "compare", "--data", str(SMALL), "-p", "south,north", "--as-of", "2025-06-10", "-f", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["as_of"] == "2025-06-10"
    assert data["parties"] == ["south", "north"]
    first = data["issues"][0]
    assert first["issue"] == "ceasefire"
    assert first["pairs"][0]["parties"] == ["north", "south"]
    assert first["pairs"][0]["status"] == "incompatible"
    assert first["pairs"][0]["common"] == ["immediate"]
    assert first["pairs"][0]["reason"].endswith("blocked: south red-lines every way to meet it")
    statuses = {p["status"] for i in data["issues"] for p in i["pairs"]}
    assert statuses <= {"overlap", "conditional", "incompatible", "unknown"}


def test_compare_markdown_and_table_agree_on_status() -> None:
    _, md, _ = run("compare", "--data", str(SMALL), "-p", "north,south", "--as-of", "2025-06-10", "-f", "md")
    _, table, _ = run("compare", "--data", str(SMALL), "-p", "north,south", "--as-of", "2025-06-10")
    assert "| ceasefire | ✘ incompatible; blocked: immediate |" in md
    assert "- north × south: **incompatible**: north accepts immediate only if" in md
    assert "✘ incompatible" in table


def test_no_color_is_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = run("compare", "--data", str(SMALL), "-p", "north,south")
    assert "\x1b[" not in out


def _commands(command: object, prefix: str = "") -> list[tuple[str, object]]:
    """Every command under ``command``, loading the lazily registered ones."""
    if not hasattr(command, "list_commands"):
        return [(prefix, command)]
    ctx = typer.Context(command)  # type: ignore[arg-type]
    out: list[tuple[str, object]] = []
    for name in sorted(command.list_commands(ctx)):
        out += _commands(command.get_command(ctx, name), f"{prefix} {name}".strip())
    return out


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_summary_in_the_top_level_help_starts_its_command_help(name: str) -> None:
    """``positions --help`` shows summaries kept in app.py (so it imports no command module)."""
    command = typer.main.get_command(app).get_command(typer.Context(typer.main.get_command(app)), name)
    assert " ".join((command.help or "").split()).startswith(SUMMARIES[name])


def test_the_top_level_help_imports_no_command_module() -> None:
    code = (
        "import sys; from postrack.cli.app import main; sys.argv = ['positions', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pydantic', 'numpy', 'networkx', 'jinja2', 'typst', 'postrack.model')"
        " if m in sys.modules]\n"
        "heavy += [m for m in sys.modules if m.endswith('_cmd')]\n"
        "assert not heavy, heavy"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name,command", _commands(typer.main.get_command(app)))
def test_every_command_has_help_text(name: str, command: object) -> None:
    assert (getattr(command, "help", None) or "").strip(), f"{name} has no help text"
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") == "option" and param.name not in ("help",):
            assert (param.help or "").strip(), f"{name} {param.name} has no help"


def test_compare_fits_80_columns_and_keys_pairs_when_the_matrix_is_wide() -> None:
    from rich.cells import cell_len

    result = CliRunner().invoke(
        app,
        ["compare", "-p", "russia,ukraine,us,europe,turkey", "--as-of", "2025-12-31"],
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 80
    assert "A europe × russia" in result.stdout and "details: -i ISSUE or -f md" in result.stdout
    single = CliRunner().invoke(
        app, ["compare", "-i", "ceasefire", "--as-of", "2025-12-31"], env={"COLUMNS": "80"}
    )
    assert (
        single.exit_code == 0
        and "blocked:" in single.stdout
        and "ukraine red-lines every way" in single.stdout
    )

"""``positions brief`` as a user meets it: streams, files, exit codes, and the shipped data."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app
from postrack.paths import shipped_templates_dir

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["brief", *args])
    return result.exit_code, result.stdout, result.stderr


def test_markdown_goes_to_stdout(data_dir: Path) -> None:
    code, out, err = run("--data", str(data_dir), "-p", "east,west", "--as-of", "2025-06-10")
    assert code == 0, err
    assert out.startswith("# Briefing: Схід (East) and Захід (West)".replace("(", "\\(").replace(")", "\\)"))
    assert err == ""


def test_pdf_is_written_to_the_default_name_in_the_current_folder(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("--data", str(data_dir), "--as-of", "2025-06-10", "--format", "pdf")
    assert code == 0, err
    assert (tmp_path / "brief-2025-06-10.pdf").read_bytes().startswith(b"%PDF-")
    assert out == ""
    assert err.startswith("wrote brief-2025-06-10.pdf (")


def test_output_ending_in_pdf_means_pdf(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "memo.pdf"
    code, _, err = run("--data", str(data_dir), "--as-of", "2025-06-10", "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF-")


def test_output_ending_in_html_means_one_html_page(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "memo.html"
    code, out, err = run("--data", str(data_dir), "--as-of", "2025-06-10", "-o", str(target))
    assert code == 0 and out == "", err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and 'id="memo-timeline"' in page


def test_html_goes_to_stdout_without_output(data_dir: Path) -> None:
    code, out, _ = run("--data", str(data_dir), "--as-of", "2025-06-10", "-f", "html")
    assert code == 0 and out.startswith("<!doctype html>")


def test_markdown_to_a_file(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    code, out, _ = run("--data", str(data_dir), "--as-of", "2025-06-10", "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("# Briefing")


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_failed_render_leaves_the_previous_file_untouched(data_dir: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"memo.{fmt}"
    target.write_bytes(b"the good memo")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "memo.md.j2").write_text("{{ nothing }}\n", encoding="utf-8")
    (templates / "memo.typ.j2").write_text("#nothing\n", encoding="utf-8")
    code, _, err = run("--data", str(data_dir), "--template", str(templates), "-o", str(target), "-f", fmt)
    assert code == 1
    assert "Traceback" not in err
    assert target.read_bytes() == b"the good memo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo." + fmt, "templates"]


def test_template_error_message_names_file_and_line(data_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "memo.md.j2").write_text("# {{ title }}\n{{ nothing }}\n", encoding="utf-8")
    code, out, err = run("--data", str(data_dir), "--template", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == f"{tmp_path / 'memo.md.j2'}:2:1: template error: 'nothing' is undefined\n"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["--since", "2025-07-01", "--as-of", "2025-06-10"],
            2,
            "error: --since 2025-07-01 is after the memo's date 2025-06-10",
        ),
        (["--since", "June"], 2, "error: --since: 'June' is not a date in the form YYYY-MM-DD"),
        (["-p", "east,nobody"], 2, "error: --parties: unknown party 'nobody' (known: east, mediator, west)"),
        (["-o", "/nonexistent/folder/memo.md"], 1, "error: --output: no such folder: /nonexistent/folder"),
    ],
)
def test_user_errors_exit_with_one_clean_line(
    data_dir: Path, args: list[str], code: int, message: str
) -> None:
    """Bad usage (a date, a party) exits 2; a place that cannot be written exits 1."""
    assert run("--data", str(data_dir), *args) == (code, "", message + "\n")


def test_a_scenario_dated_after_the_memo_is_refused(data_dir: Path, scenario_file: Path) -> None:
    code, _, err = run("--data", str(data_dir), "-s", str(scenario_file), "--as-of", "2025-06-01")
    assert code == 1
    assert err == (
        f"{scenario_file}: scenario is set on 2025-06-10, after the memo's date 2025-06-01:"
        " its changes would not show\n"
    )


def test_a_scenario_sets_the_default_date(data_dir: Path, scenario_file: Path) -> None:
    code, out, err = run("--data", str(data_dir), "-s", str(scenario_file))
    assert code == 0, err
    assert "**As of 2025-06-10**" in out
    assert "## Scenarios against the baseline" in out


def test_shipped_templates_are_the_top_level_folder_in_a_checkout() -> None:
    assert shipped_templates_dir() == ROOT / "templates"
    assert (shipped_templates_dir() / "memo.md.j2").is_file() and (
        shipped_templates_dir() / "memo.typ.j2"
    ).is_file()


@pytest.mark.parametrize("fmt", ["md", "pdf", "html"])
def test_shipped_data_renders(tmp_path: Path, fmt: str) -> None:
    """Smoke test on the data being curated: only that it renders, never what it says."""
    target = tmp_path / f"memo.{fmt}"
    code, _, err = run(
        "--data", str(ROOT / "positions"), "--since", "2025-01-01", "-o", str(target), "-f", fmt
    )
    assert code == 0, err
    assert target.stat().st_size > 1000

"""User templates: found before the shipped ones, sandboxed, strict, and every error located."""

from __future__ import annotations

from pathlib import Path

import pytest

from postrack.briefing import Memo, markdown, pdf
from postrack.briefing.render import render
from postrack.problems import UserError


def user_templates(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "templates"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def only_problem(error: pytest.ExceptionInfo[UserError]) -> str:
    (problem,) = error.value.problems
    return str(problem)


def test_reaching_for_python_internals_fails_naming_template_and_line(memo: Memo, tmp_path: Path) -> None:
    folder = user_templates(tmp_path, {"memo.md.j2": "# {{ title }}\n\n{{ ''.__class__.__mro__ }}\n"})
    with pytest.raises(UserError) as error:
        markdown(memo, folder)
    assert only_problem(error) == (
        f"{folder / 'memo.md.j2'}:3:1: template error:"
        " access to attribute '__class__' of 'str' object is unsafe."
    )


def test_a_missing_field_fails_naming_the_partial_and_line(memo: Memo, tmp_path: Path) -> None:
    folder = user_templates(
        tmp_path, {"md/sources.md.j2": "## Sources\n{% for n in sources %}\n{{ n.page }}\n{% endfor %}\n"}
    )
    with pytest.raises(UserError) as error:
        markdown(memo, folder)
    assert (
        only_problem(error)
        == f"{folder / 'md' / 'sources.md.j2'}:3:1: template error: 'dict object' has no attribute 'page'"
    )


def test_a_runtime_failure_in_template_code_is_located_too(memo: Memo, tmp_path: Path) -> None:
    folder = user_templates(tmp_path, {"memo.md.j2": "# {{ title }}\n\n{{ 1 // 0 }}\n"})
    with pytest.raises(UserError) as error:
        markdown(memo, folder)
    assert only_problem(error) == (
        f"{folder / 'memo.md.j2'}:3:1: template error: ZeroDivisionError: integer division or modulo by zero"
    )


def test_a_syntax_error_fails_naming_template_and_line(memo: Memo, tmp_path: Path) -> None:
    folder = user_templates(tmp_path, {"memo.md.j2": "# {{ title }}\n{% for x in %}\n"})
    with pytest.raises(UserError) as error:
        markdown(memo, folder)
    assert only_problem(error).startswith(
        f"{folder / 'memo.md.j2'}:2:1: template error: Expected an expression"
    )


def test_a_user_partial_replaces_only_that_part(memo: Memo, tmp_path: Path) -> None:
    folder = user_templates(tmp_path, {"md/sources.md.j2": "## Sources\n\n{{ sources | length }} sources.\n"})
    text = markdown(memo, folder)
    assert text.endswith(f"## Sources\n\n{len(memo.sources)} sources.\n")
    assert "## Issue by issue" in text


def test_templates_see_plain_data_only(memo: Memo, tmp_path: Path) -> None:
    folder = user_templates(tmp_path, {"memo.md.j2": "{{ issues[0].stances[0].notes.__class__ }}"})
    with pytest.raises(UserError, match="unsafe"):
        markdown(memo, folder)
    folder = user_templates(
        tmp_path / "b", {"memo.md.j2": "{{ matrix.rows[0].cells[0].keys() | list | join(',') }}"}
    )
    assert markdown(memo, folder) == "pair,status,common,gap,parties,findings"


def test_safe_filter_does_not_let_data_through_unescaped(tmp_path: Path) -> None:
    folder = user_templates(tmp_path, {"t.md.j2": "{{ x | safe }}", "t.typ.j2": "{{ x | safe }}"})
    assert render("md", "t.md.j2", {"x": "<b>*x*</b>"}, folder) == "\\<b\\>\\*x\\*\\</b\\>"
    assert render("typ", "t.typ.j2", {"x": '#x"'}, folder) == '#"#x\\"";'


def test_a_missing_template_folder_is_a_user_error(memo: Memo, tmp_path: Path) -> None:
    with pytest.raises(UserError) as error:
        markdown(memo, tmp_path / "nowhere")
    assert only_problem(error) == f"error: --template: no such folder: {tmp_path / 'nowhere'}"


def test_typst_that_does_not_compile_names_the_template(memo: Memo, tmp_path: Path) -> None:
    folder = user_templates(tmp_path, {"memo.typ.j2": "#let x = \n"})
    with pytest.raises(UserError) as error:
        pdf(memo, folder)
    assert only_problem(error).startswith(
        f"{folder / 'memo.typ.j2'}: the template's Typst output does not compile:"
    )


def test_a_typst_template_cannot_read_files_of_the_machine(memo: Memo, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    folder = user_templates(tmp_path, {"memo.typ.j2": f'#read("{secret}")\n'})
    with pytest.raises(UserError, match="does not compile"):
        pdf(memo, folder)

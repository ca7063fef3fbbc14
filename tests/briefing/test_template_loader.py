"""User templates stay inside their folder: links out are refused, FIFOs are not waited on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2 import Environment, TemplateNotFound

from postrack.briefing.template_loader import ConfinedLoader
from postrack.problems import UserError


def source(folder: Path, name: str) -> str:
    return ConfinedLoader([folder]).get_source(Environment(), name)[0]


def test_a_link_inside_the_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real.j2").write_text("hello")
    (tmp_path / "alias.j2").symlink_to("real.j2")
    assert source(tmp_path, "alias.j2") == "hello"


@pytest.mark.parametrize("target", ["/etc/hostname", "/dev/zero", "../outside.j2"])
def test_a_link_leading_out_of_the_folder_is_refused(tmp_path: Path, target: str) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (tmp_path / "outside.j2").write_text("secret")
    (folder / "p").symlink_to(target)
    with pytest.raises(UserError, match="outside the template folder"):
        source(folder, "p")


def test_a_fifo_template_is_refused_and_dotdot_is_not_found(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.j2")
    with pytest.raises(UserError, match="FIFO"):
        source(tmp_path, "f.j2")
    with pytest.raises(TemplateNotFound):
        source(tmp_path, "../f.j2")

"""Finding a template file: in the user's folder first, then the shipped ones, never outside them.

Jinja's ``FileSystemLoader`` follows symlinks and opens whatever it finds, so ``ln -s /etc/passwd
tpl/p`` with ``{% include 'p' %}`` would put that file into the memo, and a FIFO would hang the
render. Here a template must resolve to a regular file inside the folder it was found in, and is
read through the same bounded routine as every data file (:mod:`postrack.inputs`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import BaseLoader, Environment, TemplateNotFound
from jinja2.loaders import split_template_path

from postrack.inputs import read_regular
from postrack.problems import UserError

MAX_TEMPLATE_BYTES = 1024 * 1024


class ConfinedLoader(BaseLoader):
    """Like ``FileSystemLoader`` over ``folders``, but a template may not leave its folder."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        parts = split_template_path(template)  # refuses '..'
        for folder in self.folders:
            candidate = folder.joinpath(*parts)
            if not (candidate.is_symlink() or candidate.exists()):
                continue
            try:
                inside = candidate.resolve(strict=True).is_relative_to(folder.resolve())
            except (OSError, RuntimeError):
                inside = False
            if not inside:
                raise UserError.single(
                    f"template {template!r} is a link to outside the template folder {folder}; refused",
                    candidate,
                    line=1,
                )
            raw = read_regular(candidate, str(candidate), MAX_TEMPLATE_BYTES)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise UserError.single(f"template {template!r} is not UTF-8 text", candidate) from None
            return text, str(candidate), lambda: False
        raise TemplateNotFound(template)

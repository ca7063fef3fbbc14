"""Read a stability model from YAML: safe parsing, typed validation, then compilation, all located."""

from __future__ import annotations

from pathlib import Path

from postrack.loading import validate_model
from postrack.model.stability import ModelFile
from postrack.problems import Problem, UserError
from postrack.stability.compile import Locate, compile_model
from postrack.stability.game import Game
from postrack.yamlsource import Path_, format_path, read_file


def load_model(path: Path | str, display: str | None = None) -> Game:
    """Load and compile ``path``; raise :class:`UserError` naming file:line:col for every problem."""
    located = read_file(Path(path), display)
    if not isinstance(located.data, dict):
        raise UserError([located.problem((), "expected a mapping at the top of the file")])
    spec, problems = validate_model(ModelFile, located)
    if spec is None:
        raise UserError(problems)
    return compile_model(spec, located.problem)


def generated_locator(name: str) -> Locate:
    """Locate problems in a model built in memory, which has no lines to point at."""

    def locate(path: Path_, message: str) -> Problem:
        return Problem(name, 0, 0, format_path(path), message)

    return locate

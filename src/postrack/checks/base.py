"""What a consistency check is, and how it points at the statement it is about."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from postrack.problems import Problem
from postrack.record import Record, StatementRef
from postrack.yamlsource import Located, Path_


@dataclass(frozen=True)
class Locator:
    """Turns a statement plus a field path inside it into a located problem."""

    located: dict[str, Located]

    def problem(self, ref: StatementRef, field: Path_, message: str, severity: str = "error") -> Problem:
        path: Path_ = ("positions", ref.issue, ref.index, *field)
        doc = self.located.get(ref.party)
        if doc is None or doc.file != ref.file:  # a statement merged in from a scenario file
            return Problem(ref.file, ref.line, 1, "", f"{ref.party}.{ref.issue}: {message}", severity)
        return doc.problem(path, f"{ref.party}: {message}", severity)


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    run: Callable[[Record, Locator], Iterator[Problem]]

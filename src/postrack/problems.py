"""Problems found in user input, and the one exception that carries them.

Every user-facing error in the product is a :class:`Problem` naming file, line, column and the
field path, so that a person can jump straight to it; a run collects all of them before failing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as the source allows."""

    file: str
    line: int = 0
    col: int = 0
    path: str = ""
    message: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        if not self.file:
            return (
                f"error: {self.message}" if self.severity == "error" else f"{self.severity}: {self.message}"
            )
        where = self.file
        if self.line:
            where = f"{where}:{self.line}:{self.col or 1}"
        field_part = f" {self.path}:" if self.path else ""
        label = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}:{field_part} {label}{self.message}"

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "path": self.path,
            "message": self.message,
            "severity": self.severity,
        }


@dataclass
class UserError(Exception):
    """Raised when input cannot be used; the CLI prints the problems and exits 1."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.summary())

    @classmethod
    def single(cls, message: str, file: str | Path = "", path: str = "", line: int = 0) -> UserError:
        return cls([Problem(file=str(file), line=line, path=path, message=message)])

    def summary(self) -> str:
        return "\n".join(str(p) for p in sorted(self.problems))


class UsageError(UserError):
    """A command-line value that cannot be used (a date that is not one, an unknown party or
    issue): the README's "bad command-line usage", so the CLI exits 2 rather than 1."""

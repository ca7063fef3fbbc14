"""positions: a sourced negotiation position tracker and scenario modeller.

The library is the product; the ``positions`` command line only presents its results. The names
below load on first use, so that ``positions --help`` (which imports this package) builds no
pydantic model.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from postrack.compare import Comparison, compare
    from postrack.loading import load_record
    from postrack.problems import Problem, UserError
    from postrack.record import Record
    from postrack.scenarios import load_with_scenarios

_HOMES = {
    "Comparison": "postrack.compare",
    "compare": "postrack.compare",
    "load_record": "postrack.loading",
    "Problem": "postrack.problems",
    "UserError": "postrack.problems",
    "Record": "postrack.record",
    "load_with_scenarios": "postrack.scenarios",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'postrack' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)


__all__ = ["Comparison", "Problem", "Record", "UserError", "compare", "load_record", "load_with_scenarios"]

"""Self-consistency checks on each party's record, run by validation after the references resolve.

Each check is one module with a stable code and a docstring example; the registry below is the
explicit list of what runs, in order.
"""

from __future__ import annotations

from postrack.checks import (
    contradictory_stances,
    idle_condition,
    nothing_acceptable,
    stale_demand,
    unmeetable_condition,
    weak_sources,
)
from postrack.checks.base import Check, Locator
from postrack.problems import Problem
from postrack.record import Record
from postrack.yamlsource import Located

REGISTRY: tuple[Check, ...] = (
    contradictory_stances.CHECK,
    unmeetable_condition.CHECK,
    nothing_acceptable.CHECK,
    weak_sources.CHECK,
    idle_condition.CHECK,
    stale_demand.CHECK,
)


def run_checks(record: Record, located: dict[str, Located]) -> list[Problem]:
    locate = Locator(located)
    return [problem for check in REGISTRY for problem in check.run(record, locate)]


__all__ = ["REGISTRY", "Check", "Locator", "run_checks"]

"""Reading scenario files and checking every id they use against the baseline record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from postrack.checks import run_checks
from postrack.loading import load_record, validate_model
from postrack.model.parties import STANCES
from postrack.paths import default_data_dir
from postrack.problems import Problem, UserError
from postrack.record import Record
from postrack.references import check_references
from postrack.scenarios.apply import apply_scenario
from postrack.scenarios.model import Scenario
from postrack.yamlsource import Located, Path_, read_file


def read_scenario(path: Path) -> tuple[Scenario, Located]:
    doc = read_file(path)
    if not isinstance(doc.data, dict):
        raise UserError([doc.problem((), "expected a mapping at the top of the scenario file")])
    scenario, problems = validate_model(Scenario, doc)
    if scenario is None:
        raise UserError(problems)
    return scenario, doc


def overlay(record: Record, path: Path) -> tuple[Record, Scenario]:
    """Apply one scenario file to ``record``, failing with located problems if it does not fit."""
    scenario, doc = read_scenario(path)
    problems = list(_reference_problems(record, scenario, doc))
    for i, added in enumerate(scenario.add_parties):
        sub = Located(doc.file, doc.data["add_parties"][i], _sub_marks(doc, ("add_parties", i)))
        problems += [p for p in check_references(added, record.issues, sub) if p.severity == "error"]
    if problems:
        raise UserError(problems)
    lines = [doc.where(("changes", i))[0] for i in range(len(scenario.changes))]
    merged = apply_scenario(record, scenario, path, lines)
    found = [p for p in run_checks(merged, {}) if p.severity == "error" and p.file == str(path)]
    if found:
        raise UserError(found)
    return merged, scenario


def load_with_scenarios(data: Path | None, scenario_files: list[Path]) -> Record:
    """The baseline record from ``data`` with each scenario file overlaid in order."""
    record = load_record(data if data is not None else default_data_dir())
    for path in scenario_files:
        record, _ = overlay(record, path)
    return record


def _reference_problems(record: Record, scenario: Scenario, doc: Located) -> Iterator[Problem]:
    parties = set(record.parties) | {p.party.id for p in scenario.add_parties}
    for i, change in enumerate(scenario.changes):
        at: Path_ = ("changes", i)
        if change.party not in parties:
            yield doc.problem((*at, "party"), f"unknown party {change.party!r} (known: {', '.join(sorted(parties))})")
        issue = record.issues.get(change.issue)
        if issue is None:
            yield doc.problem((*at, "issue"), f"unknown issue {change.issue!r}")
            continue
        known = issue.option_ids()
        for field in (*STANCES, "withdrawn"):
            for k, option in enumerate(getattr(change, field)):
                if option not in known:
                    yield doc.problem((*at, field, k), f"unknown option {option!r} for issue {issue.id!r}")
        for k, cond in enumerate(change.conditions):
            for j, option in enumerate(cond.when):
                if option not in known:
                    yield doc.problem((*at, "conditions", k, "when", j), f"unknown option {option!r} for {issue.id!r}")
            for j, req in enumerate(cond.requires):
                target = record.issues.get(req.issue)
                where: Path_ = (*at, "conditions", k, "requires", j)
                if target is None or target.id == issue.id:
                    yield doc.problem((*where, "issue"), f"condition must link to another known issue, not {req.issue!r}")
                    continue
                for m, option in enumerate(req.options):
                    if option not in target.option_ids():
                        yield doc.problem((*where, "options", m), f"unknown option {option!r} for {target.id!r}")


def _sub_marks(doc: Located, prefix: Path_) -> dict[Path_, tuple[int, int]]:
    n = len(prefix)
    return {path[n:]: mark for path, mark in doc.marks.items() if path[:n] == prefix}

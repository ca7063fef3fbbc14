"""Reading scenario files and checking every id they use against the baseline record."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from postrack.checks import run_checks
from postrack.loading import load_record, validate_model
from postrack.model import Issue
from postrack.model.parties import STANCES
from postrack.model.scenario import Scenario
from postrack.paths import default_data_dir
from postrack.problems import Problem, UserError
from postrack.record import Record, ScenarioName
from postrack.references import check_references
from postrack.scenarios.apply import apply_scenario
from postrack.yamlsource import Located, Path_, read_file


def _parse(path: Path) -> tuple[Scenario | None, Located, list[Problem]]:
    doc = read_file(path)
    if not isinstance(doc.data, dict):
        raise UserError([doc.problem((), "expected a mapping at the top of the scenario file")])
    scenario, problems = validate_model(Scenario, doc)
    return scenario, doc, problems


def read_scenario(path: Path) -> tuple[Scenario, Located]:
    scenario, doc, problems = _parse(path)
    if scenario is None:
        raise UserError(problems)
    return scenario, doc


def overlay(record: Record, path: Path) -> tuple[Record, Scenario]:
    """Apply one scenario file to ``record``, failing with located problems if it does not fit."""
    scenario, doc, problems = _parse(path)
    problems += _reference_problems(record, doc)
    if scenario is None or problems:
        raise UserError(problems)
    sources = {**record.sources, **{s.id: s for s in scenario.sources}}
    for i, added in enumerate(scenario.add_parties):
        sub = Located(doc.file, doc.data["add_parties"][i], _sub_marks(doc, ("add_parties", i)))
        problems += [p for p in check_references(added, record.issues, sources, sub) if p.severity == "error"]
    if problems:
        raise UserError(problems)
    lines = [doc.where(("changes", i))[0] for i in range(len(scenario.changes))]
    merged = apply_scenario(record, scenario, path, lines)
    found = [p for p in run_checks(merged, {}) if p.severity == "error" and p.file == str(path)]
    if found:
        raise UserError(found)
    named = ScenarioName(path.stem, scenario.title, scenario.as_of)
    return replace(merged, scenarios=(*record.scenarios, named)), scenario


def load_with_scenarios(data: Path | None, scenario_files: list[Path]) -> Record:
    """The baseline record from ``data`` with each scenario file overlaid in order."""
    record = load_record(data if data is not None else default_data_dir())
    for path in scenario_files:
        record, _ = overlay(record, path)
    return record


def _reference_problems(record: Record, doc: Located) -> list[Problem]:
    """Check ids on the raw data, so they are reported even beside type errors."""
    changes = doc.data.get("changes")
    added = doc.data.get("add_parties")
    parties = set(record.parties) | {
        p["party"]["id"]
        for p in (added if isinstance(added, list) else [])
        if isinstance(p, dict) and isinstance(p.get("party"), dict) and isinstance(p["party"].get("id"), str)
    }
    problems: list[Problem] = []
    for i, change in enumerate(changes if isinstance(changes, list) else []):
        if isinstance(change, dict):
            problems += _change_problems(record, parties, change, ("changes", i), doc)
    return problems


def _change_problems(
    record: Record, parties: set[str], change: dict[str, Any], at: Path_, doc: Located
) -> Iterator[Problem]:
    party = change.get("party")
    if isinstance(party, str) and party not in parties:
        yield doc.problem((*at, "party"), f"unknown party {party!r} (known: {', '.join(sorted(parties))})")
    issue_id = change.get("issue")
    if not isinstance(issue_id, str):
        return
    issue = record.issues.get(issue_id)
    if issue is None:
        yield doc.problem((*at, "issue"), f"unknown issue {issue_id!r}")
        return
    for field in (*STANCES, "withdrawn"):
        yield from _options(doc, (*at, field), change.get(field), issue)
    conditions = change.get("conditions")
    for k, cond in enumerate(conditions if isinstance(conditions, list) else []):
        if not isinstance(cond, dict):
            continue
        yield from _options(doc, (*at, "conditions", k, "when"), cond.get("when"), issue)
        requires = cond.get("requires")
        for j, req in enumerate(requires if isinstance(requires, list) else []):
            where: Path_ = (*at, "conditions", k, "requires", j)
            target = record.issues.get(str(req.get("issue"))) if isinstance(req, dict) else None
            if target is None or target.id == issue.id:
                yield doc.problem((*where, "issue"), "condition must link to another known issue")
            else:
                yield from _options(doc, (*where, "options"), req.get("options"), target)


def _options(doc: Located, at: Path_, values: object, issue: Issue) -> Iterator[Problem]:
    for k, option in enumerate(values if isinstance(values, list) else []):
        if isinstance(option, str) and option not in issue.option_ids():
            yield doc.problem((*at, k), f"unknown option {option!r} for issue {issue.id!r}")


def _sub_marks(doc: Located, prefix: Path_) -> dict[Path_, tuple[int, int]]:
    n = len(prefix)
    return {path[n:]: mark for path, mark in doc.marks.items() if path[:n] == prefix}

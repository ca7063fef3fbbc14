"""Cross-reference checks on one party file: every id it uses must exist where it points.

Types are pydantic's job; this module checks what types cannot see: issue and option ids against
the catalogue, citations against the file's sources, conditions against the issues they link,
statement order and corrections against earlier statements.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from postrack.model import Issue, PartyFile, Statement
from postrack.model.parties import STANCES
from postrack.problems import Problem
from postrack.yamlsource import Located, Path_


def check_references(party: PartyFile, issues: dict[str, Issue], doc: Located) -> list[Problem]:
    return list(_check(party, issues, doc))


def _check(party: PartyFile, issues: dict[str, Issue], doc: Located) -> Iterator[Problem]:
    source_ids: set[str] = set()
    for i, source in enumerate(party.sources):
        if source.id in source_ids:
            yield doc.problem(("sources", i, "id"), f"duplicate source id {source.id!r}")
        source_ids.add(source.id)
    cited: set[str] = set()
    statement_ids: set[str] = set()
    source_dates = {s.id: s.date for s in party.sources}

    for issue_id, statements in party.positions.items():
        issue = issues.get(issue_id)
        if issue is None:
            yield doc.problem(
                ("positions", issue_id), f"unknown issue {issue_id!r}{_suggest(issue_id, issues)}"
            )
            continue
        defined_conditions: set[str] = set()
        previous = None
        for n, st in enumerate(statements):
            at: Path_ = ("positions", issue_id, n)
            if previous is not None and st.date < previous:
                yield doc.problem(
                    (*at, "date"),
                    f"dates out of order: {st.date} comes after {previous} (list statements oldest first)",
                )
            previous = st.date
            yield from _options(st, issue, issues, doc, at)
            for k, cond in enumerate(st.conditions):
                if cond.id in defined_conditions and cond.id not in st.drop_conditions:
                    yield doc.problem(
                        (*at, "conditions", k, "id"),
                        f"condition {cond.id!r} is already in force; drop it first or give it a new id",
                    )
            for k, dropped in enumerate(st.drop_conditions):
                if dropped not in defined_conditions:
                    yield doc.problem(
                        (*at, "drop_conditions", k),
                        f"drops condition {dropped!r}, which no earlier statement set",
                    )
            defined_conditions -= set(st.drop_conditions)
            if st.reset:
                defined_conditions.clear()
            defined_conditions |= {c.id for c in st.conditions}
            for k, cite in enumerate(st.sources):
                cited.add(cite.ref)
                if cite.ref not in source_ids:
                    yield doc.problem(
                        (*at, "sources", k, "ref"),
                        f"unknown source {cite.ref!r} (not in this file's sources)",
                    )
                elif (
                    (published := source_dates[cite.ref])
                    and published < st.date
                    and st.date_precision == "day"
                ):
                    yield _warning(
                        doc,
                        (*at, "sources", k, "ref"),
                        f"source dated {published} predates the statement ({st.date})",
                    )
            if st.id is not None:
                if st.id in statement_ids:
                    yield doc.problem((*at, "id"), f"duplicate statement id {st.id!r}")
                statement_ids.add(st.id)
            if st.corrects is not None and st.corrects not in statement_ids - {st.id}:
                yield doc.problem(
                    (*at, "corrects"), f"corrects {st.corrects!r}, which is not an earlier statement id"
                )

    for i, source in enumerate(party.sources):
        if source.id not in cited:
            yield _warning(doc, ("sources", i, "id"), f"source {source.id!r} is never cited")


def _options(
    st: Statement, issue: Issue, issues: dict[str, Issue], doc: Located, at: Path_
) -> Iterator[Problem]:
    known = set(issue.option_ids())
    for stance in (*STANCES, "withdrawn"):
        for k, option in enumerate(getattr(st, stance)):
            if option not in known:
                yield doc.problem((*at, stance, k), _unknown_option(option, issue))
    for k, cond in enumerate(st.conditions):
        for j, option in enumerate(cond.when):
            if option not in known:
                yield doc.problem((*at, "conditions", k, "when", j), _unknown_option(option, issue))
        for j, req in enumerate(cond.requires):
            where: Path_ = (*at, "conditions", k, "requires", j)
            target = issues.get(req.issue)
            if target is None:
                yield doc.problem((*where, "issue"), f"condition refers to unknown issue {req.issue!r}")
            elif target.id == issue.id:
                yield doc.problem((*where, "issue"), "a condition must link to another issue, not its own")
            else:
                for m, option in enumerate(req.options):
                    if option not in target.option_ids():
                        yield doc.problem((*where, "options", m), _unknown_option(option, target))


def _unknown_option(option: str, issue: Issue) -> str:
    return (
        f"unknown option {option!r} for issue {issue.id!r} (expected one of: {', '.join(issue.option_ids())})"
    )


def _suggest(name: str, issues: dict[str, Issue]) -> str:
    close = difflib.get_close_matches(name, list(issues), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _warning(doc: Located, path: Path_, message: str) -> Problem:
    return doc.problem(path, message, severity="warning")

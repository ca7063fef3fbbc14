"""Cross-reference checks on one party file: every id it uses must exist where it points.

Types are pydantic's job; this module checks what types cannot see: issue and option ids against
the catalogue, citations against the source registry (and that no statement cites a source
published after it: ``--as-of`` means "what was on record then", so a statement is dated when it was
first reported and keeps the day it was said in ``said``), conditions against the issues
they link, statement order and corrections against earlier statements.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Iterator

from postrack.model import Citation, Issue, PartyFile, Source, SourceRegistry, Statement
from postrack.model.parties import STANCES
from postrack.problems import Problem
from postrack.yamlsource import Located, Path_


def check_references(
    party: PartyFile, issues: dict[str, Issue], sources: dict[str, Source], doc: Located
) -> list[Problem]:
    return list(_check(party, issues, sources, doc))


def check_sources(
    registry: SourceRegistry, doc: Located, parties: Iterable[PartyFile] | None
) -> list[Problem]:
    """Each source once: no repeated id, URL or key; a source nothing cites is a warning.

    ``parties`` is None when some party file did not load: then nobody can say what is cited.
    """
    cited = None if parties is None else {c.ref for party in parties for c in _citations(party)}
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    for i, source in enumerate(registry.sources):
        for name, value in (("id", source.id), ("url", source.url.strip()), ("key", source.key or "")):
            if not value:
                continue
            if (name, value) in seen:
                first = registry.sources[seen[(name, value)]].id
                what = f"source id {value!r}" if name == "id" else f"{name} {value!r} (also source {first!r})"
                problems.append(doc.problem(("sources", i, name), f"duplicate {what}"))
            seen.setdefault((name, value), i)
        if cited is not None and source.id not in cited:
            problems.append(_warning(doc, ("sources", i, "id"), f"source {source.id!r} is never cited"))
    return problems


def _citations(party: PartyFile) -> Iterator[Citation]:
    for statements in party.positions.values():
        for st in statements:
            yield from st.sources
    for capability in party.capabilities:
        yield from capability.sources


def cited_after(source: Source, stated: dt.date, precision: str) -> bool:
    """True when ``source`` was published after a statement made on ``stated`` (to its precision)."""
    if source.date is None or precision == "approximate":
        return False
    if precision == "month":
        return (source.date.year, source.date.month) > (stated.year, stated.month)
    return source.date > stated


def citation_problems(
    citations: list[Citation],
    stated: dt.date,
    precision: str,
    sources: dict[str, Source],
    doc: Located,
    at: Path_,
) -> Iterator[Problem]:
    """Every citation names a registered source published no later than the statement."""
    for k, cite in enumerate(citations):
        source = sources.get(cite.ref)
        if source is None:
            yield doc.problem(
                (*at, "sources", k, "ref"),
                f"unknown source {cite.ref!r}{_suggest(cite.ref, sources)}"
                " (sources are listed in sources.yaml)",
            )
        elif cited_after(source, stated, precision):
            yield doc.problem(
                (*at, "sources", k, "ref"),
                f"source {cite.ref!r} is dated {source.date}, after the statement ({stated}), so it was"
                " not on record then: date the statement when it was first reported (keep the day it was"
                " said in `said:`), or cite a source from that day",
            )


def _check(
    party: PartyFile, issues: dict[str, Issue], sources: dict[str, Source], doc: Located
) -> Iterator[Problem]:
    statement_ids: set[str] = set()

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
            if st.said is not None and st.said > st.date:
                yield doc.problem(
                    (*at, "said"),
                    f"said on {st.said}, after the statement's date {st.date}: `said` is the earlier day"
                    " the party said it; `date` is when it was first on record",
                )
            yield from citation_problems(st.sources, st.date, st.date_precision, sources, doc, at)
            if st.id is not None:
                if st.id in statement_ids:
                    yield doc.problem((*at, "id"), f"duplicate statement id {st.id!r}")
                statement_ids.add(st.id)
            if st.corrects is not None and st.corrects not in statement_ids - {st.id}:
                yield doc.problem(
                    (*at, "corrects"), f"corrects {st.corrects!r}, which is not an earlier statement id"
                )

    previous = None
    for n, capability in enumerate(party.capabilities):
        at = ("capabilities", n)
        if previous is not None and capability.date < previous:
            yield doc.problem((*at, "date"), f"dates out of order: {capability.date} comes after {previous}")
        previous = capability.date
        for issue_id in capability.issues:
            if issue_id not in issues:
                yield doc.problem(
                    (*at, "issues", issue_id), f"unknown issue {issue_id!r}{_suggest(issue_id, issues)}"
                )
        yield from citation_problems(
            capability.sources, capability.date, capability.date_precision, sources, doc, at
        )


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


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _warning(doc: Located, path: Path_, message: str) -> Problem:
    return doc.problem(path, message, severity="warning")

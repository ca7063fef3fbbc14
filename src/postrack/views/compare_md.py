"""A comparison as Markdown, and the cell text every view of the matrix shares."""

from __future__ import annotations

from postrack.compare import Comparison, IssueComparison, PairResult
from postrack.views.markdown import md_cell
from postrack.views.titles import under

MARK = {
    "overlap": "✔ overlap",
    "conditional": "◐ conditional",
    "incompatible": "✘ incompatible",
    "unknown": "? unknown",
}


def pairs(result: Comparison) -> list[tuple[str, str]]:
    """The matrix's columns: every pair of parties, in the comparison's order."""
    return [p.parties for p in result.issues[0].pairs] if result.issues else []


def cell(pair: PairResult) -> str:
    """A matrix cell as plain text (each target escapes it): status, shared options, gap."""
    text = MARK[pair.status]
    if pair.common:
        blocked = "blocked: " if pair.status == "incompatible" else ""
        text += "\n" + blocked + ", ".join(pair.common)
    if pair.gap:
        text += f"\ngap {pair.gap}"
    return text


def markdown(result: Comparison) -> str:
    columns = pairs(result)
    lines = [f"# Positions as of {result.as_of}{md_cell(under(result.scenarios))}", ""]
    if result.workspace:
        lines += [f"Negotiation: {md_cell(result.workspace)}", ""]
    lines += [f"Parties: {', '.join(result.parties)}", ""]
    lines.append("| issue | " + " | ".join(f"{a} × {b}" for a, b in columns) + " |")
    lines.append("|---|" + "---|" * len(columns))
    for issue in result.issues:
        cells = [md_cell(cell(p).replace("\n", "; ")) for p in issue.pairs]
        lines.append(f"| {issue.issue} | " + " | ".join(cells) + " |")
    for issue in result.issues:
        lines += ["", *_issue_section(issue)]
    return "\n".join(lines) + "\n"


def _issue_section(issue: IssueComparison) -> list[str]:
    lines = [f"## {md_cell(issue.title)} (`{issue.issue}`)", ""]
    for stance in issue.stances:
        if stance is None:
            continue
        sources = "; ".join(md_cell(s.label()) + (f" <{s.url}>" if s.url else "") for s in stance.sources)
        flag = " ⚠ weakly sourced" if stance.weakly_sourced else ""
        lines.append(
            f"- **{stance.party}** (since {stance.since}{flag}): {md_cell(stance.summary)} — {sources}"
        )
    for pair in issue.pairs:
        lines.append(f"- {' × '.join(pair.parties)}: **{pair.status}**: {md_cell(pair.reason)}")
        lines += [f"  - {md_cell(f.message)}" for f in pair.findings if f.code != "PR002"]
    return lines

"""The robustness report as Markdown (``positions robustness -f md``)."""

from __future__ import annotations

from postrack.robustness import wording
from postrack.robustness.report import RobustnessReport
from postrack.views.markdown import md_cell


def markdown(report: RobustnessReport) -> str:
    lines = [f"# How sure are we: verdicts as of {report.as_of}", ""]
    if report.workspace:
        lines += [f"Negotiation: {md_cell(report.workspace)}", ""]
    lines += [
        f"Parties: {', '.join(report.parties)}. {method(report)}",
        "",
        "| verdict | value | probability kept | rests on | smallest flip |",
        "|---|---|---|---|---|",
    ]
    for r in report.verdicts:
        cells = [
            wording.label(r.verdict),
            wording.value(r.verdict),
            wording.estimate(r.estimate),
            wording.rests_on(r),
            wording.flip(r),
        ]
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    weak = report.weak_ground()
    if weak:
        lines += ["", "## On weak ground", ""]
        lines += [f"- {md_cell(wording.sentence(r))}" for r in weak]
    return "\n".join(lines) + "\n"


def method(report: RobustnessReport) -> str:
    """How the numbers were obtained, in one sentence."""
    sampled = (
        f" Others: Monte Carlo, {report.samples} worlds, seed {report.seed}, 95% intervals."
        if report.samples
        else ""
    )
    return (
        f"{report.doubtful} of {report.statements} statements are doubtful, citing {report.sources}"
        f" sources. Verdicts touched by at most {report.exact_bound} uncertain events are exact." + sampled
    )

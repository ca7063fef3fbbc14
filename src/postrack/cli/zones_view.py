"""Terminal presentation of a deal-zone report (imported only when ``positions zones`` runs)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from postrack.views.terminal import term as escape
from postrack.views.titles import under
from postrack.views.zones_md import RANKING_NAMES, headline, packages, render, source_note, why_excluded
from postrack.zones.report import ConcessionReport, ZoneReport

markdown = render


def table(report: ZoneReport) -> RenderableType:
    """Every part of the report, in the order the Markdown view gives them."""
    out: list[RenderableType] = []
    size = f"{report.count:,}" if report.count_exact else f"at least {report.count:,}"
    state = "[bold red]empty[/]" if report.empty else f"[bold green]{size} packages[/]"
    where = f"{report.workspace}: " if report.workspace else ""
    title = f"{where}deal zone of {', '.join(report.parties)} as of {report.as_of}{under(report.scenarios)}"
    out.append(Text(title))
    out += [Text(f"  {line}") for line in headline(report)]
    out.append(f"Below, the {report.tier} zone: {state}")
    zones = Table(title="Per-issue zone", show_lines=True)
    for name in ("Issue", "Part", "In the zone (packages)", "Never in the zone: why"):
        zones.add_column(name, overflow="fold")
    for z in report.issue_zones:
        why = [f"{e.option}: {why_excluded(e, z.issue)}" for e in z.excluded if e.blocked_by]
        elsewhere = [e.option for e in z.excluded if not e.blocked_by]
        if elsewhere:
            why.append(f"{', '.join(elsewhere)}: only because another part has no package")
        zones.add_row(
            escape(z.issue),
            str(z.part),
            escape("\n".join(f"{c.option} ({packages(c.packages)})" for c in z.in_zone) or "-"),
            escape("\n".join(why) or "-"),
        )
    out.append(zones)
    if report.best:
        best = Table(title=f"Best packages: {RANKING_NAMES[report.ranking]}")
        for name in ("#", "Score", "Pareto", *report.parties, "Package"):
            best.add_column(name, overflow="fold")
        for p in report.best:
            utils = ["-" if u.utility is None else f"{u.utility:.3f}" for u in p.utilities]
            package = ", ".join(f"{i}={o}" for i, o in p.options)
            best.add_row(str(p.rank), f"{p.score:.4g}", "yes" if p.pareto else "no", *utils, escape(package))
        out.append(best)
    if report.concessions is not None:
        out += _concessions(report.concessions)
    out += [f"[dim]note: {escape(note)}[/]" for note in report.notes]
    return Group(*out)


def _concessions(c: ConcessionReport) -> list[RenderableType]:
    goal = "open the zone" if c.mode == "open" else escape(f"give {c.party} at least {c.target:.3f}")
    if c.cost is None:
        return [f"No concessions by the others can {goal}."]
    if c.cost == 0:
        return [f"No concession is needed to {goal}."]
    more = "" if c.complete else " (more of the same cost exist)"
    out: list[RenderableType] = [f"Cheapest concessions to {goal}: cost {c.cost}, {len(c.sets)} set(s){more}"]
    table = Table(show_lines=True)
    for name in ("Set", "Concession", "Cost", "Source", "Opens"):
        table.add_column(name, overflow="fold")
    for k, s in enumerate(c.sets, start=1):
        for j, x in enumerate(s.concessions):
            table.add_row(
                str(k) if j == 0 else "",
                escape(x.concession()),
                str(x.cost),
                escape(source_note(x)),
                f"{s.opens:,}" if j == 0 else "",
            )
    out.append(table)
    if not c.counts_exact:
        out.append("Zone sizes here are proven lower bounds: some counts did not finish in time.")
    singles = Table(title="Each concession alone")
    for name in ("Concession", "Cost", "Zone size after it alone"):
        singles.add_column(name, overflow="fold")
    for single in c.singles:
        singles.add_row(
            escape(single.concession.concession()), str(single.concession.cost), f"{single.opens:,}"
        )
    out.append(singles)
    return out

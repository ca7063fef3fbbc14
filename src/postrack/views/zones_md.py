"""A zone report as Markdown: the same content as the table and JSON views, data text escaped."""

from __future__ import annotations

from postrack.views.markdown import md_cell as _cell
from postrack.views.titles import under
from postrack.zones.report import ConcessionReport, Constraint, Excluded, ZoneReport

RANKING_NAMES = {
    "nash": "Nash product of gains over no-deal",
    "egalitarian": "smallest gain over no-deal (max-min)",
    "utilitarian": "sum of gains over no-deal",
}


def source_note(c: Constraint) -> str:
    """``outlet, date, url`` of the first source of the statement behind a constraint."""
    if not c.sources:
        return f"stated {c.stated}" if c.stated else ""
    s = c.sources[0]
    parts = [s.outlet, s.date.isoformat() if s.date else "", s.url]
    return ", ".join(p for p in parts if p)


def why_excluded(ex: Excluded, issue: str) -> str:
    """Short reason: the option's own red lines by party, then any other blocker in full."""
    if not ex.blocked_by:
        return "only because another part has no package"

    def mine(c: Constraint, kind: str) -> bool:
        return c.kind == kind and c.issue == issue and c.option == ex.option

    own = [c.party for c in ex.blocked_by if mine(c, "red_line")]
    unaccepted = [c.party for c in ex.blocked_by if mine(c, "not_accepted")]
    other = [c.label() for c in ex.blocked_by if not (mine(c, "red_line") or mine(c, "not_accepted"))]
    parts = [f"red line of {', '.join(own)}"] if own else []
    parts += [f"not accepted by {', '.join(unaccepted)}"] if unaccepted else []
    return "; ".join(parts + other)


TIER_MEANING = {
    "agreed": "every party with a stance accepts its option on every issue",
    "tolerated": "no red line rejects it; options a party never mentioned pass",
}


def headline(report: ZoneReport) -> list[str]:
    """Both tiers' sizes, then who has no stance where: the first thing an analyst should read."""
    sizes = [
        f"{t.tier} zone: {'' if t.exact else 'at least '}{t.count:,} packages"
        f" ({TIER_MEANING.get(t.tier, '')})"
        for t in report.tiers
    ]
    silent = [f"{c.party} has no stance on {', '.join(c.issues)}" for c in report.coverage]
    if silent:
        silent.append("a party constrains nothing where it has no stance")
    return [*sizes, *silent, *methods(report)]


def methods(report: ZoneReport) -> list[str]:
    """How each part was solved: one line when elimination did everything, else one per part."""
    if all(p.method == "elimination" and p.search == "elimination" and p.exact for p in report.parts):
        widest = max((p.width for p in report.parts), default=0)
        return [f"method: exact elimination on every part (largest width {widest})"]
    out = []
    for p in report.parts:
        size = f"{p.packages:,}" if p.exact else f"between {p.packages:,} and {p.packages_upper:,} (bounds)"
        out.append(
            f"part {p.part}: width {p.width}, counted by {p.method}, searched by {p.search}; {size} packages"
        )
    return out


def packages(n: int | None) -> str:
    """A per-option count, or that it occurs when its count did not finish in time."""
    return "occurs" if n is None else f"{n:,}"


def render(report: ZoneReport) -> str:
    out = [f"# Deal zone as of {report.as_of}{_cell(under(report.scenarios))}", ""]
    if report.workspace:
        out += [f"Negotiation: {_cell(report.workspace)}", ""]
    out.append(f"Parties: {', '.join(report.parties)}. Issues: {len(report.issues)}.")
    out.append("")
    out += [f"- {_cell(line)}" for line in headline(report)]
    out.append("")
    if report.empty:
        out.append(f"**The {report.tier} zone is empty**: no package passes every constraint of the tier.")
    else:
        size = (
            f"{report.count:,}"
            if report.count_exact
            else f"at least {report.count:,} (at most {report.count_upper:,})"
        )
        out.append(f"**{size} packages** are in the {report.tier} zone, described below.")
    out += [
        "",
        "## Per-issue zone",
        "",
        "| Issue | In the zone (packages) | Never in the zone: why |",
        "|---|---|---|",
    ]
    for zone in report.issue_zones:
        inside = ", ".join(f"{c.option} ({packages(c.packages)})" for c in zone.in_zone) or "—"
        why = [f"{ex.option}: {why_excluded(ex, zone.issue)}" for ex in zone.excluded]
        out.append(f"| {zone.issue} | {_cell(inside)} | {'<br>'.join(map(_cell, why)) or '—'} |")
    if report.best:
        out += ["", f"## Best packages ({RANKING_NAMES[report.ranking]})", ""]
        out += [
            "| # | Score | Pareto | " + " | ".join(report.parties) + " | Package |",
            "|---" * (len(report.parties) + 4) + "|",
        ]
        for p in report.best:
            utils = " | ".join("—" if u.utility is None else f"{u.utility:.3f}" for u in p.utilities)
            package = ", ".join(f"{i}={o}" for i, o in p.options)
            out.append(
                f"| {p.rank} | {p.score:.4g} | {'yes' if p.pareto else 'no'} | {utils} | {_cell(package)} |"
            )
    if report.concessions is not None:
        out += ["", *_concessions(report.concessions)]
    if report.notes:
        out += ["", "## Notes", "", *(f"- {_cell(n)}" for n in report.notes)]
    return "\n".join(out) + "\n"


def _concessions(c: ConcessionReport) -> list[str]:
    if c.mode == "open":
        title = "## Cheapest concessions to open the zone"
    else:
        title = f"## Cheapest concessions by others to give {c.party} at least {c.target:.3f}"
    out = [title, ""]
    if c.cost is None:
        return [*out, "Not possible, even relaxing every other party's red lines and conditions."]
    if c.cost == 0:
        return [*out, "None needed."]
    more = "" if c.complete else " (more sets of the same cost exist)"
    out.append(
        f"Minimum cost {c.cost} (salience × steps on the scale of what is relaxed);"
        f" {len(c.sets)} set(s){more}."
    )
    if not c.counts_exact:
        out.append("Zone sizes below are proven lower bounds: some counts did not finish in time.")
    for k, s in enumerate(c.sets, start=1):
        out += ["", f"{k}. opens {s.opens:,} packages:"]
        out += [
            f"   - {_cell(x.concession())} — cost {x.cost}; {_cell(source_note(x))}" for x in s.concessions
        ]
    out += ["", "| Single concession | Cost | Zone size after it alone | Source |", "|---|---|---|---|"]
    out += [
        f"| {_cell(s.concession.concession())} | {s.concession.cost} | {s.opens:,}"
        f" | {_cell(source_note(s.concession))} |"
        for s in c.singles
    ]
    return out

"""How robustness results read: one wording for the terminal, Markdown, JSON and the memo."""

from __future__ import annotations

from postrack.robustness.estimate import Estimate
from postrack.robustness.report import StatementNote, VerdictRobustness
from postrack.robustness.verdicts import Verdict


def label(verdict: Verdict) -> str:
    """What the verdict is about: "territory: russia × ukraine", "agreed zone"."""
    if verdict.kind == "cell":
        return f"{verdict.issue}: {' × '.join(verdict.parties)}"
    if verdict.kind == "zone":
        return f"{verdict.tier} zone"
    return f"{'top package' if verdict.kind == 'top' else 'cheapest concession set'} ({verdict.tier})"


def value(verdict: Verdict, text: str | None = None) -> str:
    """The verdict's value, short: a status, "empty", or how many moves a concession set has."""
    text = verdict.value if text is None else text
    if verdict.kind == "cheapest" and text != "none":
        moves = text.split(" | ")[0].count(" + ") + 1
        more = text.count(" | ")
        return f"{moves} move{'s' if moves > 1 else ''}" + (f" ({more + 1} ways)" if more else "")
    if verdict.kind == "top" and text != "none":
        return "a package"
    return text


def estimate(est: Estimate) -> str:
    """ "0.97 exact" or "0.65 (0.61-0.69)": a probability with its 95% interval."""
    if est.method == "exact":
        return f"{est.probability:.2f} exact"
    return f"{est.probability:.2f} ({est.low:.2f}-{est.high:.2f})"


def cite(note: StatementNote) -> str:
    """A statement as "party on issue, date (outlet, date)"."""
    source = note.sources[0] if note.sources else None
    where = ""
    if source is not None:
        where = f" ({source.outlet}{', ' + source.date.isoformat() if source.date else ''})"
    return f"{note.party} on {note.issue}, {note.date.isoformat()}{where}"


def rests_on(result: VerdictRobustness) -> str:
    """ "rests on 2 statements, both high confidence" (or "on no single statement")."""
    notes = result.rests_on
    if not notes:
        return "rests on no single statement"
    levels = [n.confidence for n in notes]
    if len(notes) == 1:
        return f"rests on one {levels[0]}-confidence statement ({cite(notes[0])})"
    if len(set(levels)) == 1:
        both = "both" if len(notes) == 2 else "all"
        return f"rests on {len(notes)} statements, {both} {levels[0]} confidence"
    counts = ", ".join(f"{levels.count(c)} {c}" for c in ("high", "medium", "low") if c in levels)
    return f"rests on {len(notes)} statements ({counts} confidence)"


def flip(result: VerdictRobustness) -> str:
    """The smallest set of doubtful statements whose absence flips the verdict."""
    if not result.flip:
        searched = "" if result.flip_complete else " (search cut short)"
        return f"no one or two doubtful statements flip it{searched}"
    who = "; ".join(cite(n) for n in result.flip)
    return f"without {who} it would be {value(result.verdict, result.flip_value)}"


def sentence(result: VerdictRobustness) -> str:
    """One line for a reader: the verdict, what it rests on, and how likely it holds."""
    v = result.verdict
    if v.kind == "cell":
        head = f"{v.value} on {v.issue} ({' × '.join(v.parties)})"
    elif v.kind == "zone":
        head = f"the {v.tier} zone is {v.value}"
    else:
        head = f"the {label(v)} is {value(v)}"
    notes = result.rests_on
    if v.kind == "cell":
        body = f" {rests_on(result)}"
    elif len(notes) == 1:
        body = f" because of {notes[0].party}'s position on {notes[0].issue}, which {rests_on(result)}"
    else:
        body = f", which {rests_on(result)}"
    return f"{head}{body}; it holds with probability {estimate(result.estimate)}"

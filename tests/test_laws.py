"""Laws that span the engines, all read from the one stance model (src/postrack/stance.py).

On generated records (tests/core/strategies.py), and on the shipped data:

- the zone builder agrees with a brute-force reading of the stance model, package by package, in
  both tiers;
- a statement the stance model calls *softening* never shrinks the agreed or tolerated zone, never
  raises what any package costs to reach (so never the cheapest concession), and never turns an
  ``overlap`` into anything else; *hardening* does the reverse;
- the tracker labels a statement with exactly that order;
- compare is symmetric in the pair.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.strategies import START, records, statements
from postrack.compare import compare
from postrack.loading import load_record
from postrack.paths import default_data_dir
from postrack.record import Record
from postrack.stance import Reading, movement, of_position
from postrack.tracker.history import history
from postrack.zones.build import TIERS, Tier, build
from postrack.zones.model import ZoneModel

LAW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
AFTER = START + timedelta(days=31)
"""The generated statements are dated within 30 days of START; the new one comes after them all."""


def packages(model: ZoneModel) -> list[tuple[int, ...]]:
    return list(product(*(range(len(i.options)) for i in model.issues)))


def costs(model: ZoneModel) -> dict[tuple[int, ...], int]:
    """What each package costs to let in: the summed costs of the constraints it breaks."""
    return {x: sum(model.cost(k) for k in model.violated(x)) // model.cost_unit for x in packages(model)}


def readings(record: Record, party: str, on: date) -> dict[str, Reading | None]:
    return {i: of_position(record.issue(i), record.position(party, i, on)) for i in record.issues}


def brute_zone(record: Record, on: date, tier: Tier) -> set[tuple[str, ...]]:
    """Every package the stance model admits, read option by option with ``level_in``."""
    ids = list(record.issues)
    read = {p: readings(record, p, on) for p in record.parties}
    out = set()
    for choice in product(*(record.issue(i).option_ids() for i in ids)):
        package = dict(zip(ids, choice, strict=True))
        ok = all(
            (r.level_in(package[i], package) == "accepted")
            if tier == "agreed"
            else (r.level_in(package[i], package) != "red_line")
            for by_issue in read.values()
            for i, r in by_issue.items()
            if r is not None
        )
        if ok:
            out.add(choice)
    return out


def engine_zone(model: ZoneModel) -> set[tuple[str, ...]]:
    return {
        tuple(issue.options[o] for issue, o in zip(model.issues, x, strict=True))
        for x in packages(model)
        if not model.violated(x)
    }


@LAW
@given(records(), st.sampled_from(TIERS))
def test_the_zone_builder_is_the_stance_model_package_by_package(record: Record, tier: Tier) -> None:
    model = build(record, list(record.parties), AFTER, tier=tier)
    assert engine_zone(model) == brute_zone(record, AFTER, tier)


@st.composite
def moves(draw: st.DrawFn) -> tuple[Record, Record, str, str]:
    """A record, the same record with one more statement by one party, the party and the issue.

    The new statement keeps the salience (a change of salience moves costs, not stances)."""
    record = draw(records())
    party = draw(st.sampled_from(sorted(record.parties)))
    issue = draw(st.sampled_from(sorted(record.issues)))
    said = draw(statements(record.issue(issue), record.issues, 31)).model_copy(update={"salience": None})
    files = dict(record.parties)
    positions = dict(files[party].positions)
    positions[issue] = [*positions.get(issue, []), said]
    files[party] = files[party].model_copy(update={"positions": positions})
    return record, Record(issues=record.issues, parties=files, sources=record.sources), party, issue


def statuses(record: Record) -> dict[tuple[str, tuple[str, str]], str]:
    result = compare(record, sorted(record.parties), AFTER)
    return {(i.issue, p.parties): p.status for i in result.issues for p in i.pairs}


@LAW
@given(moves())
def test_softening_never_closes_and_hardening_never_opens(move: tuple[Record, Record, str, str]) -> None:
    before, after, party, issue = move
    was = of_position(before.issue(issue), before.position(party, issue, AFTER))
    now = of_position(after.issue(issue), after.position(party, issue, AFTER))
    if now is None:
        return
    kind, _ = movement(was, now)
    if kind not in ("softening", "hardening"):
        return
    sign = 1 if kind == "softening" else -1
    parties = sorted(before.parties)
    for tier in TIERS:
        old, new = build(before, parties, AFTER, tier=tier), build(after, parties, AFTER, tier=tier)
        old_zone, new_zone = engine_zone(old), engine_zone(new)
        assert new_zone >= old_zone if sign > 0 else new_zone <= old_zone
        old_costs, new_costs = costs(old), costs(new)
        for x, cost in old_costs.items():  # so the cheapest concession never costs more (or less)
            assert sign * (cost - new_costs[x]) >= 0
    old_status, new_status = statuses(before), statuses(after)
    for cell, status in old_status.items():
        if sign > 0 and status == "overlap":
            assert new_status[cell] == "overlap"
        if sign < 0 and new_status[cell] == "overlap":
            assert status == "overlap"


@LAW
@given(records())
def test_the_tracker_labels_each_change_by_the_same_order(record: Record) -> None:
    for party in record.parties:
        for issue in history(record, party, AFTER).issues:
            for change in issue.changes:
                if change.before is None or change.kind == "opening":
                    continue
                was = Reading(
                    record.issue(issue.issue), dict(change.before.stances), change.before.conditions
                )
                now = Reading(record.issue(issue.issue), dict(change.after.stances), change.after.conditions)
                expected, _ = movement(was, now)
                assert change.kind == expected or (expected == "reaffirmed" and change.kind == "reframing")


@LAW
@given(records())
def test_compare_is_symmetric_in_the_pair(record: Record) -> None:
    parties = sorted(record.parties)
    forward = compare(record, parties, AFTER)
    backward = compare(record, parties[::-1], AFTER)
    for a, b in zip(forward.issues, backward.issues, strict=True):
        assert [(p.parties, p.status, p.common, p.reason) for p in a.pairs] == [
            (p.parties, p.status, p.common, p.reason) for p in b.pairs
        ]


def test_the_shipped_data_obeys_the_laws_statement_by_statement() -> None:
    """Each shipped statement the stance model calls softening (hardening) grows (shrinks) both
    tiers of the three main parties' zone on its issue and the issues it links to."""
    record = load_record(default_data_dir())
    parties = ["russia", "ukraine", "us"]
    checked = 0
    for party in parties:
        for issue in record.issues:
            refs = list(record.statements(party, issue))
            for ref in refs[1:]:
                day = ref.date
                was = of_position(record.issue(issue), record.position(party, issue, day - timedelta(days=1)))
                now = of_position(record.issue(issue), record.position(party, issue, day))
                if now is None or was is None:
                    continue
                kind, _ = movement(was, now)
                if kind not in ("softening", "hardening"):
                    continue
                linked = sorted({issue, *(r.issue for c in now.conditions for r in c.requires)})
                sign = 1 if kind == "softening" else -1
                for tier in TIERS:
                    old = engine_zone(build(record, parties, day - timedelta(days=1), linked, tier))
                    new = engine_zone(build(record, parties, day, linked, tier))
                    others = [
                        r
                        for p in parties
                        for i in linked
                        for r in record.statements(p, i)
                        if r.date == day and (p, i) != (party, issue)
                    ]
                    if sum(r.date == day for r in refs) == 1 and not others:
                        assert new >= old if sign > 0 else new <= old, (party, issue, day, tier)
                        checked += 1
    assert checked > 20


@LAW
@given(records(min_parties=2, max_parties=3))
def test_the_stability_bridge_offers_the_stance_models_next_concessions(record: Record) -> None:
    """Each option of the generated stability model is an option its party does not accept yet,
    which another party accepts, and no such option is nearer on the scale to what it accepts."""
    from postrack.problems import UserError
    from postrack.stability.bridge import build_model

    try:
        bridge = build_model(record, sorted(record.parties), AFTER)
    except UserError:  # too little contest or too many concessions: nothing to check
        return
    for c in bridge.concessions:
        own = of_position(record.issue(c.issue), record.position(c.party, c.issue, AFTER))
        assert own is not None and own.level(c.option) in ("red_line", "unstated")
        others = [
            r
            for p in record.parties
            if p != c.party and (r := of_position(record.issue(c.issue), record.position(p, c.issue, AFTER)))
        ]
        backed = [
            o
            for o in record.issue(c.issue).option_ids()
            if own.level(o) in ("red_line", "unstated")
            and any(r.level(o) in ("conditional", "accepted") for r in others)
        ]
        assert c.option in backed
        assert own.steps(c.option, "conditional") == min(own.steps(o, "conditional") for o in backed)

"""Scenario files: validation with locations, identities, and the run against the baseline."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postrack.compare import compare
from postrack.loading import load_record
from postrack.paths import shipped_data_dir, shipped_scenarios_dir
from postrack.problems import UserError
from postrack.record import ScenarioName
from postrack.scenarios import load_with_scenarios, overlay
from postrack.scenarios.impact import run_scenario
from postrack.zones import analyse

SMALL = Path(__file__).parent.parent / "data" / "small"
AID = Path(__file__).parent.parent / "data" / "scenarios" / "aid_pause.yaml"
PARTIES = ["broker", "north", "south"]


def test_unknown_ids_are_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("""title: t
rationale: r
as_of: 2025-06-10
changes:
  - party: nowhere
    issue: ceasefire
  - party: north
    issue: cease
  - party: north
    issue: ceasefire
    acceptable: [soon]
""")
    with pytest.raises(UserError) as caught:
        overlay(load_record(SMALL), path)
    found = [f"{p.line}:{p.col} {p.path}: {p.message}" for p in sorted(caught.value.problems)]
    assert found == [
        "5:5 changes[0].party: unknown party 'nowhere' (known: broker, north, south)",
        "8:5 changes[1].issue: unknown issue 'cease'",
        "11:18 changes[2].acceptable[0]: unknown option 'soon' for issue 'ceasefire'",
    ]


def test_missing_fields_and_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "title: t\nas_of: 2025-06-10\nchanges:\n  - {party: north, issue: ceasefire, stance: x}\n"
    )
    with pytest.raises(UserError) as caught:
        overlay(load_record(SMALL), path)
    found = sorted(f"{p.line} {p.path}: {p.message}" for p in caught.value.problems)
    assert found == ["1 rationale: field required", "4 changes[0].stance: unknown field (check the spelling)"]


def test_empty_scenario_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("title: nothing\nrationale: a control\nas_of: 2025-06-10\n")
    base = load_record(SMALL)
    merged, _ = overlay(base, path)
    named = (ScenarioName("empty", "nothing", date(2025, 6, 10)),)
    day = date(2025, 6, 10)
    assert compare(merged, PARTIES, day) == replace(compare(base, PARTIES, day), scenarios=named)
    assert analyse(merged, PARTIES, day) == replace(analyse(base, PARTIES, day), scenarios=named)


@given(st.dates(min_value=date(2025, 5, 1), max_value=date(2025, 8, 1)))
def test_applying_twice_equals_once(day: date) -> None:
    once = load_with_scenarios(SMALL, [AID])
    twice = load_with_scenarios(SMALL, [AID, AID])
    assert once.scenarios * 2 == twice.scenarios  # the record says what was applied, twice
    twice = replace(twice, scenarios=once.scenarios)
    assert compare(once, PARTIES, day).to_dict() == compare(twice, PARTIES, day).to_dict()
    assert analyse(once, PARTIES, day).to_dict() == analyse(twice, PARTIES, day).to_dict()


def test_run_reports_what_the_concession_opens() -> None:
    base = load_record(SMALL)
    merged, scenario = overlay(base, AID)
    result = run_scenario(base, merged, scenario, ["north", "south"], scenario.as_of)
    changes = {(c.issue, c.before, c.after) for c in result.impact.status_changes}
    # south now accepts a halt, which meets north's condition on the ceasefire: no obstacle left
    assert changes == {("military_aid", "incompatible", "overlap"), ("ceasefire", "incompatible", "overlap")}
    assert [c.message for c in result.impact.conflicts_resolved] == [
        "north accepts immediate only if military_aid in {halted};"
        " blocked: south red-lines every way to meet it",
        "south's red line blocks halted, which north demands",
    ]
    assert result.impact.conflicts_new == ()
    assert result.impact.conflicts_changed == ()


def test_a_conflict_that_changes_wording_is_changed_not_resolved_and_new() -> None:
    shipped = load_record(shipped_data_dir())
    merged, scenario = overlay(shipped, shipped_scenarios_dir() / "russia_donbas_only.yaml")
    impact = run_scenario(shipped, merged, scenario, ["russia", "ukraine"], date(2025, 6, 2)).impact
    changed = [c for c in impact.conflicts_changed if c.issue == "territory"]
    assert changed and changed[0].was.endswith("which russia demands")
    assert changed[0].message.endswith("which russia accepts")
    gone = {(c.issue, c.parties, c.message.split(",")[0]) for c in impact.conflicts_resolved}
    came = {(c.issue, c.parties, c.message.split(",")[0]) for c in impact.conflicts_new}
    assert gone.isdisjoint(came)


def test_shipped_scenarios_apply_to_the_shipped_data() -> None:
    from postrack.paths import default_data_dir

    paths = sorted(shipped_scenarios_dir().glob("*.yaml"))
    assert len(paths) >= 3
    base = load_record(default_data_dir())
    for path in paths:
        merged, scenario = overlay(base, path)
        assert scenario.title and scenario.rationale
        assert merged != base

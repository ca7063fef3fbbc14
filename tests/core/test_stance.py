"""The stance model read on small hand-made cases: levels, fallbacks, verdicts, movements."""

from __future__ import annotations

from postrack.model import Condition, Issue
from postrack.model.issues import Option
from postrack.stance import Reading, holds, movement, verdict

SCALE = Issue(
    id="line",
    title="Line",
    ordered=True,
    options=[Option(id=o, label=o) for o in ("west", "middle", "east", "far_east")],
)
OTHER = Issue(id="aid", title="Aid", options=[Option(id=o, label=o) for o in ("goes_on", "halted")])


def cond(otherwise: str = "red_line", requires: tuple[str, ...] = ("halted",)) -> Condition:
    return Condition.model_validate(
        {
            "id": "c",
            "when": ["middle"],
            "requires": [{"issue": "aid", "options": list(requires)}],
            "otherwise": otherwise,
        }
    )


def test_levels_follow_the_ladder() -> None:
    r = Reading(SCALE, {"west": "demand", "middle": "acceptable", "far_east": "red_line"}, (cond(),))
    assert [r.level(o) for o in SCALE.option_ids()] == ["accepted", "conditional", "unstated", "red_line"]
    assert r.demanded() == ("west",)
    assert r.at_least("conditional") == ("west", "middle")


def test_a_condition_on_a_red_line_or_unstated_option_changes_nothing() -> None:
    r = Reading(SCALE, {"middle": "red_line"}, (cond(),))
    assert r.level("middle") == "red_line" and r.conditions_on("middle") == ()


def test_a_failing_condition_falls_back_to_its_otherwise() -> None:
    for fallback in ("red_line", "unstated"):
        r = Reading(SCALE, {"middle": "acceptable"}, (cond(fallback),))
        assert r.level_in("middle", {"aid": "halted"}) == "accepted"
        assert r.level_in("middle", {"aid": "goes_on"}) == fallback
        assert r.level_in("middle", {}) == fallback  # an unsettled issue does not meet it


def test_holds_needs_one_alternative() -> None:
    c = Condition.model_validate(
        {
            "id": "c",
            "when": ["middle"],
            "requires": [{"issue": "aid", "options": ["halted"]}, {"issue": "line", "options": ["west"]}],
            "otherwise": "red_line",
        }
    )
    assert holds(c, {"line": "west", "aid": "goes_on"}) and not holds(c, {"aid": "goes_on"})


def test_steps_measure_distance_from_what_the_party_supports() -> None:
    r = Reading(SCALE, {"west": "acceptable", "far_east": "red_line"})
    assert [r.steps(o, "conditional") for o in SCALE.option_ids()] == [0, 1, 2, 3]
    nothing = Reading(SCALE, {"far_east": "red_line"})
    assert nothing.steps("west", "conditional") == 3  # nothing accepted: the width of the scale
    assert Reading(OTHER, {"goes_on": "demand"}).steps("halted", "conditional") == 1


def test_verdict_of_a_condition_with_the_counterpart() -> None:
    def counterpart(stances: dict[str, str]) -> object:
        return lambda issue: Reading(OTHER, stances) if issue == "aid" else None  # type: ignore[arg-type]

    assert verdict(cond(), counterpart({"halted": "acceptable"})) == "endorsed"  # type: ignore[arg-type]
    assert verdict(cond(), counterpart({"halted": "red_line"})) == "blocked"  # type: ignore[arg-type]
    assert verdict(cond(), counterpart({"goes_on": "demand"})) == "open"  # type: ignore[arg-type]
    assert verdict(cond(), lambda issue: None) == "open"


def test_movement_is_the_pointwise_ladder_order() -> None:
    base = Reading(SCALE, {"west": "demand", "east": "red_line"})
    assert movement(base, Reading(SCALE, {"west": "demand"}))[0] == "softening"  # red line dropped
    assert (
        movement(base, Reading(SCALE, {"west": "demand", "middle": "red_line", "east": "red_line"}))[0]
        == "hardening"
    )
    assert movement(base, Reading(SCALE, {"west": "acceptable", "east": "red_line"}))[0] == "reaffirmed"
    moved = Reading(SCALE, {"middle": "demand", "east": "red_line"})  # west dropped, middle taken
    assert movement(base, moved)[0] == "reframing"
    conditional = Reading(SCALE, {"west": "demand", "middle": "acceptable", "east": "red_line"}, (cond(),))
    # unstated -> accepted only if, else red-lined: higher where the condition holds, lower where not
    assert movement(base, conditional)[0] == "reframing"
    would = Reading(
        SCALE, {"west": "demand", "middle": "acceptable", "east": "red_line"}, (cond("unstated"),)
    )
    assert movement(base, would)[0] == "softening"  # "would accept if": never lower than unstated
    assert movement(conditional, would)[0] == "softening"  # the fallback moved up
    unconditional = Reading(SCALE, {"west": "demand", "middle": "acceptable", "east": "red_line"})
    assert movement(conditional, unconditional)[0] == "softening"  # a condition dropped
    assert movement(unconditional, conditional)[0] == "hardening"


def test_a_first_acceptance_is_an_opening_not_a_softening() -> None:
    refusing = Reading(SCALE, {"far_east": "red_line"})
    assert movement(refusing, Reading(SCALE, {"west": "demand", "far_east": "red_line"}))[0] == "opening"
    assert movement(None, refusing)[0] == "opening"

"""Laws of the forecast models, checked on generated actors (docs/forecast.md, "What must hold")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from postrack.forecast.baselines import weighted_mean, weighted_median
from postrack.forecast.eu_model import Actor, Run, run

SCALE = 6  # positions on 0..6, like an issue with seven options


@st.composite
def actor_sets(draw: st.DrawFn, min_size: int = 1, max_size: int = 7) -> list[Actor]:
    n = draw(st.integers(min_size, max_size))
    return [
        Actor(
            name=f"p{k}",
            position=draw(st.integers(0, SCALE * 2)) / 2,  # whole and half steps, as ideals are
            capability=float(draw(st.integers(0, 100))),
            salience=draw(st.integers(1, 10)) / 10,
        )
        for k in range(n)
    ]


def _by_name(result: Run) -> dict[str, tuple[float, ...]]:
    names = [a.name for a in result.actors]
    return {name: tuple(r.positions[k] for r in result.rounds) for k, name in enumerate(names)}


@given(actor_sets(max_size=1))
def test_one_actor_forecast_is_its_position(actors: list[Actor]) -> None:
    result = run(actors, 0, SCALE)
    assert result.final.median == actors[0].position
    assert result.rounds_run == 0 and result.converged


@given(actor_sets(max_size=1), st.integers(2, 6))
def test_identical_actors_do_not_move(one: list[Actor], copies: int) -> None:
    actors = [Actor(f"p{k}", one[0].position, one[0].capability, one[0].salience) for k in range(copies)]
    result = run(actors, 0, SCALE)
    assert all(r.positions == tuple(a.position for a in actors) for r in result.rounds)
    assert result.final.median == one[0].position


@given(actor_sets(), st.integers(2, 1000))
def test_scaling_every_capability_changes_nothing(actors: list[Actor], factor: int) -> None:
    scaled = [Actor(a.name, a.position, a.capability * factor, a.salience) for a in actors]
    plain, bigger = run(actors, 0, SCALE), run(scaled, 0, SCALE)
    assert [r.positions for r in plain.rounds] == [r.positions for r in bigger.rounds]
    assert plain.final.median == bigger.final.median


@given(actor_sets())
def test_weighted_median_is_within_the_convex_hull(actors: list[Actor]) -> None:
    positions = [a.position for a in actors]
    weights = [a.capability * a.salience for a in actors]
    assert min(positions) <= weighted_median(positions, weights) <= max(positions)
    assert min(positions) <= weighted_mean(positions, weights) <= max(positions)
    final = run(actors, 0, SCALE).final
    assert min(positions) <= final.median <= max(positions)
    assert all(min(positions) <= x <= max(positions) for x in final.positions)


@given(actor_sets(min_size=2), st.randoms(use_true_random=False))
def test_forecast_is_invariant_to_relabelling_parties(actors: list[Actor], rng: object) -> None:
    shuffled = list(actors)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    renamed = [Actor(f"q{a.name}", a.position, a.capability, a.salience) for a in shuffled]
    first, second = run(actors, 0, SCALE), run(renamed, 0, SCALE)
    assert first.final.median == second.final.median
    assert first.rounds_run == second.rounds_run
    assert _by_name(first) == {name[1:]: path for name, path in _by_name(second).items()}


@given(actor_sets(min_size=2))
def test_the_model_is_deterministic(actors: list[Actor]) -> None:
    assert run(actors, 0, SCALE) == run(list(actors), 0, SCALE)

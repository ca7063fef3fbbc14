"""The expected-utility model on the worked example of its literature.

Inputs: the European Community's decision on when to introduce emission standards for
medium-sized cars, Bueno de Mesquita (1994), "Political forecasting: an expected utility method",
in *European Community Decision Making*, the table on p. 78, as reprinted in Scholz, Calbert &
Smith (2011), "Unravelling Bueno de Mesquita's group decision model", Table 1 (positions are the
years until the standards apply, 4 to 10; capability; salience 0-100). The figures below are as
transcribed in the open replication github.com/dmasad/BDM_DecisionModel_Replication
(ExampleActors.csv).

What is checked, and what is not: the baselines below are computed by hand from the table (see
each test). The per-round outputs Scholz et al. report for the model could not be read from the
paper itself while this was written, so this file does not claim to reproduce them; it checks the
direction the published accounts describe (the outcome moves from the median, 7, towards the
later date favoured by France, Italy and the UK) and that the model stops by its stop rule.
"""

from __future__ import annotations

import pytest

from postrack.forecast.baselines import weighted_mean, weighted_median
from postrack.forecast.eu_model import Actor, run

TABLE = [  # actor, capability, position (years), salience
    ("Netherlands", 0.08, 7, 40),
    ("Belgium", 0.08, 4, 80),
    ("Luxembourg", 0.03, 4, 20),
    ("Germany", 0.16, 4, 80),
    ("France", 0.16, 10, 60),
    ("Italy", 0.16, 10, 60),
    ("UK", 0.16, 10, 90),
    ("Ireland", 0.05, 7, 10),
    ("Denmark", 0.05, 4, 100),
    ("Greece", 0.08, 7, 70),
]
ACTORS = [Actor(name, float(x), c, s / 100) for name, c, x, s in TABLE]


def _baseline_inputs() -> tuple[list[float], list[float]]:
    return [a.position for a in ACTORS], [a.capability * a.salience for a in ACTORS]


def test_weighted_mean_of_the_table() -> None:
    # Σ c·s = 0.677 and Σ c·s·x = 5.003 (by hand from the table), so the mean is 7.39.
    assert weighted_mean(*_baseline_inputs()) == pytest.approx(5.003 / 0.677)


def test_weighted_median_of_the_table_is_seven() -> None:
    # Weight at year 4: 0.064 + 0.006 + 0.128 + 0.05 = 0.248 of 0.677 (< half, 0.3385);
    # up to year 7: 0.248 + 0.032 + 0.005 + 0.056 = 0.341 (>= half), so the median voter is at 7.
    assert weighted_median(*_baseline_inputs()) == 7


def test_model_moves_the_outcome_towards_the_later_date_and_stops() -> None:
    result = run(ACTORS, 4, 10)
    assert result.converged
    assert result.rounds[0].median == 7
    assert 7 < result.final.median <= 10
    # France, Italy and the UK, at the far end and with the most clout, never move.
    for name in ("France", "Italy", "UK"):
        k = [a.name for a in ACTORS].index(name)
        assert {r.positions[k] for r in result.rounds} == {10.0}

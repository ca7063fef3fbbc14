"""Counts beyond int64 stay exact: residues modulo primes rebuilt by the Chinese remainder theorem."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from postrack.zones.count import count_zone
from postrack.zones.decompose import decompose
from postrack.zones.model import IssueSpec, LinkCondition, PartySpec, Requirement, ZoneModel
from postrack.zones.modular import crt, primes_for


def _chain(issues: int, options: int, needs: frozenset[int] | None = None) -> ZoneModel:
    """Issues linked in a chain; each condition asks its next issue for ``needs`` (default: anything)."""
    every = frozenset(range(options))
    return ZoneModel(
        issues=tuple(IssueSpec(f"i{k}", tuple(f"o{j}" for j in range(options))) for k in range(issues)),
        parties=(PartySpec("a", (1,) * issues, ((500,) * options,) * issues),),
        conditions=tuple(
            LinkCondition(0, f"c{k}", k, frozenset({0}), (Requirement(k + 1, needs or every),), 1)
            for k in range(issues - 1)
        ),
    )


def test_a_chain_of_24_six_option_issues_counts_six_to_the_24() -> None:
    model = _chain(24, 6)
    (part,) = decompose(model)
    zone = count_zone(model, (part,))
    assert zone.total == 6**24
    assert all(n == 6**23 for row in zone.per_option for n in row)


def test_a_constrained_chain_beyond_int64_matches_the_recurrence() -> None:
    """Option 0 of each issue needs option 1 of the next: count by the two-state recurrence."""
    model = _chain(40, 6, frozenset({1}))
    zero, each_other = 1, 1  # completions from the last issue taking option 0 / one given other option
    for _ in range(39):
        zero, each_other = each_other, zero + 5 * each_other
    assert zero + 5 * each_other > 2**62
    assert count_zone(model, decompose(model)).total == zero + 5 * each_other


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**400))
def test_crt_rebuilds_any_value_below_the_bound(value: int) -> None:
    moduli = primes_for(value)
    assert crt([value % m for m in moduli], moduli) == value

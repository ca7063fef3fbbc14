"""A short run of the CLI fuzzer: no generated or mutated document may crash any command."""

from fuzz.harness import fuzz
from fuzz.hostile import fuzz_hostile


def test_short_fuzz_run_has_no_crashes() -> None:
    tally = fuzz(cases=24, seed=7)
    assert tally.runs >= 24
    assert tally.outcomes["crash"] == 0, "\n".join(tally.crashes)
    assert tally.outcomes["ok"] + tally.outcomes["rejected"] == tally.runs


def test_short_hostile_run_has_no_crashes() -> None:
    """Tags, control characters, special files, -o targets, amplification and record text."""
    tally = fuzz_hostile(cases=20, seed=3)
    assert tally.runs >= 20
    assert tally.outcomes["crash"] == 0, "\n".join(tally.crashes)

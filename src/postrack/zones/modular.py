"""Exact counts of any size on int64 tables: count modulo primes, rebuild by the Chinese remainder theorem.

A part's count is at most the product of its domain sizes; while that stays below 2**62 one int64
elimination is exact. Beyond it, each elimination runs modulo a prime below 2**31 (a product of
two residues fits int64) and enough primes are taken for their product to exceed the bound, so
the residues determine the count exactly. This keeps every inner loop on numpy int64 instead of
Python integers (a chain of 24 six-option issues needs 3 primes; 512 twelve-option issues, 60).
"""

from __future__ import annotations

from functools import lru_cache
from math import prod

from postrack.zones.decompose import Part
from postrack.zones.eliminate import Elimination, Space, count_bound

EXACT_INT64 = 2**62
_TOP = 2**31


def _is_prime(n: int) -> bool:
    """Deterministic Miller-Rabin: bases 2, 3, 5, 7 decide every n below 3.2e9."""
    if n < 2 or n % 2 == 0:
        return n == 2
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in (2, 3, 5, 7):
        if a % n == 0:
            continue
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


@lru_cache(maxsize=64)
def primes_for(bound: int) -> tuple[int, ...]:
    """The largest primes below 2**31, as many as make their product exceed ``bound``."""
    out: list[int] = []
    candidate = _TOP - 1
    while prod(out) <= bound:
        if _is_prime(candidate):
            out.append(candidate)
        candidate -= 2
    return tuple(out)


def crt(residues: list[int], moduli: tuple[int, ...]) -> int:
    """The unique integer in [0, prod(moduli)) with the given residues."""
    value, modulus = 0, 1
    for r, m in zip(residues, moduli, strict=True):
        step = (r - value) * pow(modulus, -1, m) % m
        value, modulus = value + modulus * step, modulus * m
    return value


class PartCount:
    """A part's exact count and per-option counts, on int64 eliminations (one per modulus)."""

    def __init__(self, part: Part, space: Space) -> None:
        bound = count_bound(space, part)
        self.moduli: tuple[int, ...] = () if bound < EXACT_INT64 else primes_for(bound)
        mods: tuple[int | None, ...] = self.moduli or (None,)
        self.runs = [Elimination(part, space, modulus=m, keep_full=False) for m in mods]
        self.total = self._exact([int(run.total) for run in self.runs])

    def _exact(self, residues: list[int]) -> int:
        return crt(residues, self.moduli) if self.moduli else residues[0]

    def marginal(self, v: int) -> list[int]:
        """Packages of the part using each kept option of ``v``."""
        columns = [run.marginal(v).tolist() for run in self.runs]
        return [self._exact([int(c) for c in row]) for row in zip(*columns, strict=True)]

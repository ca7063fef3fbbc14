"""Bucket elimination over one part, in three semirings: count (+, *), min-cost (min, +), best (max, +).

A :class:`Space` says which options each issue may take and what every function is worth; an
:class:`Elimination` runs the upward pass (one message per bucket towards the root), and on
request the downward pass, after which each issue's marginal (packages per option, cheapest cost
per option) and a decode clamped to any option are available. Tables are dense numpy arrays over
the kept options of their (sorted) issues, so a bucket costs one broadcast and one reduction.

Counts are int64: exact while the product of the domain sizes (which bounds every entry) stays
below 2**62, and beyond that computed modulo a prime below 2**31 (``modulus``: every product of
two residues fits int64), several primes being combined by :mod:`postrack.zones.count` with the
Chinese remainder theorem, so counts stay exact at any size with no Python integers in the
tables. Costs are small integers, exact in float32 while their total stays below 2**24,
utilities integers exact in float64; +-inf marks "impossible".

Only a search or a decode needs each bucket's whole table (``full``); counting and minimum costs
need the messages alone, so ``keep_full=False`` lets every bucket's table go once reduced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import prod
from typing import Any, Literal

import numpy as np

from postrack.zones.decompose import Part

Semiring = Literal["count", "min", "max"]
Array = np.ndarray[Any, Any]


@dataclass(frozen=True)
class Space:
    """What each issue may take (``domains``: option indices) and the functions to combine."""

    semiring: Semiring
    domains: tuple[tuple[int, ...], ...]
    unary: tuple[Array, ...]
    tables: dict[int, tuple[tuple[int, ...], Array]]
    """Condition index -> (its sorted issues, table over their domains)."""


def count_bound(space: Space, part: Part) -> int:
    """No count of the part, nor any entry of its tables, exceeds the product of its domain sizes."""
    return prod(len(space.domains[v]) for v in part.issues)


def zero(semiring: Semiring) -> Any:
    return {"count": 0, "min": np.inf, "max": -np.inf}[semiring]


def _combine(semiring: Semiring, arrays: list[Array], modulus: int | None = None) -> Array:
    out = arrays[0]
    for a in arrays[1:]:
        if semiring != "count":
            out = out + a
        elif modulus is None:
            out = out * a
        else:
            out = out * a % modulus
    return out


def _reduce(semiring: Semiring, array: Array, axes: tuple[int, ...], modulus: int | None = None) -> Array:
    if not axes:
        return array
    out: Array
    if semiring == "count":
        out = array.sum(axis=axes) if modulus is None else array.sum(axis=axes) % modulus
    else:
        out = array.min(axis=axes) if semiring == "min" else array.max(axis=axes)
    return out


def _best(semiring: Semiring, array: Array) -> tuple[int, ...]:
    """Index of the best entry, the first one in C order among equals (deterministic ties)."""
    flat = int(np.argmin(array) if semiring == "min" else np.argmax(array))
    return tuple(int(i) for i in np.unravel_index(flat, array.shape))


def _align(space: Space, vars_: tuple[int, ...], array: Array, scope: tuple[int, ...]) -> Array:
    """Reshape a table over ``vars_`` (a sorted subset of ``scope``) to broadcast over ``scope``."""
    return array.reshape([len(space.domains[v]) if v in vars_ else 1 for v in scope])


@dataclass
class Elimination:
    """The messages of one part in one space; ``total`` is the part's count, min cost or max value."""

    part: Part
    space: Space
    modulus: int | None = None
    """Count modulo this prime (below 2**31); None: exact int64, for parts counted below 2**62."""
    keep_full: bool = True
    inputs: dict[int, list[tuple[tuple[int, ...], Array, int | None]]] = field(default_factory=dict)
    full: dict[int, Array] = field(default_factory=dict)
    message: dict[int, Array] = field(default_factory=dict)
    outside: dict[int, Array] = field(default_factory=dict)
    total: Any = None

    def __post_init__(self) -> None:
        sr = self.space.semiring
        if any(not self.space.domains[v] for v in self.part.issues):
            self.total = zero(sr)
            return
        dtype = self._dtype()
        mod = self.modulus if sr == "count" else None
        for v in self.part.order:
            bucket = self.part.buckets[v]
            ins: list[tuple[tuple[int, ...], Array, int | None]] = [
                ((v,), self.space.unary[v].astype(dtype), None)
            ]
            ins += [
                (self.space.tables[k][0], self.space.tables[k][1].astype(dtype, copy=False), None)
                for k in bucket.conditions
                if k in self.space.tables
            ]
            ins += [(self.part.buckets[c].sep, self.message[c], c) for c in bucket.children]
            self.inputs[v] = ins
            whole = _combine(sr, [_align(self.space, vs, a, bucket.scope) for vs, a, _ in ins], mod)
            whole = np.broadcast_to(whole, [len(self.space.domains[u]) for u in bucket.scope])
            if self.keep_full:
                self.full[v] = whole
            self.message[v] = _reduce(sr, whole, (bucket.scope.index(v),), mod)
        self.total = self.message[self.part.root][()]

    def _dtype(self) -> Any:
        """The smallest exact type: every count, or every sum of costs, must fit."""
        if self.space.semiring == "count":
            if self.modulus is None and count_bound(self.space, self.part) >= 2**62:
                raise ValueError("a part this large is counted modulo primes (postrack.zones.count)")
            return np.int64
        if self.space.semiring == "min":
            arrays = [self.space.unary[v] for v in self.part.issues]
            arrays += [t for k, (_, t) in self.space.tables.items() if k in self._conditions()]
            total = sum(float(np.max(a, where=np.isfinite(a), initial=0.0)) for a in arrays)
            if total < 2**24:
                return np.float32
        return np.float64

    def _conditions(self) -> set[int]:
        return {k for b in self.part.buckets.values() for k in b.conditions}

    @property
    def feasible(self) -> bool:
        return bool(self.total != zero(self.space.semiring))

    def calibrate(self) -> None:
        """The downward pass: for each bucket, the best (or total) over everything outside it."""
        if self.outside or not self.feasible:
            return
        sr = self.space.semiring
        one = 1 if sr == "count" else 0.0
        self.outside[self.part.root] = np.asarray(one, dtype=self.message[self.part.root].dtype)
        for u in reversed(self.part.order):
            bucket = self.part.buckets[u]
            for c in bucket.children:
                sep = self.part.buckets[c].sep
                rest = self._without(u, c)
                axes = tuple(k for k, v in enumerate(bucket.scope) if v not in sep)
                self.outside[c] = _reduce(sr, rest, axes, self._mod)

    def _without(self, u: int, child: int | None) -> Array:
        """Bucket ``u`` combined with its outside message, leaving out ``child``'s message."""
        bucket = self.part.buckets[u]
        arrays = [
            _align(self.space, vs, a, bucket.scope) for vs, a, c in self.inputs[u] if c is None or c != child
        ]
        arrays.append(_align(self.space, bucket.sep, self.outside[u], bucket.scope))
        shape = [len(self.space.domains[v]) for v in bucket.scope]
        return np.broadcast_to(_combine(self.space.semiring, arrays, self._mod), shape)

    @property
    def _mod(self) -> int | None:
        return self.modulus if self.space.semiring == "count" else None

    def marginal(self, v: int) -> Array:
        """Per kept option of ``v``: packages using it (count) or the best value with it (min/max)."""
        self.calibrate()
        if not self.feasible:
            return np.full(len(self.space.domains[v]), zero(self.space.semiring), dtype=object)
        bucket = self.part.buckets[v]
        belief = self._without(v, None)
        axes = tuple(k for k, u in enumerate(bucket.scope) if u != v)
        return _reduce(self.space.semiring, belief, axes, self._mod)

    def decode(self) -> dict[int, int]:
        """A best package of the part (option indices), ties to the earliest options."""
        chosen: dict[int, int] = {}
        self._down(self.part.root, chosen)
        return chosen

    def decode_with(self, var: int, option: int) -> dict[int, int]:
        """A best package of the part that uses ``option`` on ``var`` (after :meth:`calibrate`)."""
        self.calibrate()
        bucket = self.part.buckets[var]
        fixed = {var: self.space.domains[var].index(option)}
        chosen = self._choose(var, None, fixed)
        for c in bucket.children:
            self._down(c, chosen)
        below, u = var, bucket.parent
        while u is not None:
            up = self.part.buckets[u]
            known = {v: self.space.domains[v].index(chosen[v]) for v in up.scope if v in chosen}
            chosen.update(self._choose(u, below, known))
            for c in up.children:
                if c != below:
                    self._down(c, chosen)
            below, u = u, up.parent
        return chosen

    def _choose(self, u: int, child: int | None, fixed: dict[int, int]) -> dict[int, int]:
        """Best options for bucket ``u``'s issues given ``fixed`` ones, outside ``child``'s subtree.

        Each input is sliced to the fixed options before combining, so only the free part of the
        bucket's table is ever built.
        """
        bucket = self.part.buckets[u]
        inputs = [(vs, a) for vs, a, c in self.inputs[u] if c is None or c != child]
        inputs.append((bucket.sep, self.outside[u]))
        arrays = []
        for vs, a in inputs:
            at = tuple(slice(fixed[v], fixed[v] + 1) if v in fixed else slice(None) for v in vs)
            sub = np.asarray(a[at])
            arrays.append(sub.reshape([sub.shape[vs.index(v)] if v in vs else 1 for v in bucket.scope]))
        whole = _combine(self.space.semiring, arrays)
        shape = [1 if v in fixed else len(self.space.domains[v]) for v in bucket.scope]
        best = _best(self.space.semiring, np.broadcast_to(whole, shape))
        return {
            v: self.space.domains[v][fixed[v] if v in fixed else best[k]] for k, v in enumerate(bucket.scope)
        }

    def _best_index(self, array: Array, scope: tuple[int, ...], fixed: dict[int, int]) -> tuple[int, ...]:
        index = tuple(slice(fixed[v], fixed[v] + 1) if v in fixed else slice(None) for v in scope)
        sub = array[index] if array.ndim else array
        best = _best(self.space.semiring, sub)
        return tuple(fixed[v] if v in fixed else best[k] for k, v in enumerate(scope))

    def _down(self, v: int, chosen: dict[int, int]) -> None:
        """Choose ``v`` given its (already chosen) separator, then its children, depth first."""
        stack = [v]
        while stack:
            u = stack.pop()
            bucket = self.part.buckets[u]
            known = {w: self.space.domains[w].index(chosen[w]) for w in bucket.sep}
            index = self._best_index(self.full[u], bucket.scope, known)
            chosen[u] = self.space.domains[u][index[bucket.scope.index(u)]]
            stack.extend(reversed(bucket.children))

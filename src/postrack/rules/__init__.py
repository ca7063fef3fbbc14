"""Pair rules of the compare engine: one module each, run in the order of this registry."""

from __future__ import annotations

from postrack.rules import common_ground, conditional_overlap, no_stance, red_line_conflict
from postrack.rules.base import Finding, PairContext, Rule

REGISTRY: tuple[Rule, ...] = (
    no_stance.RULE,
    common_ground.RULE,
    conditional_overlap.RULE,
    red_line_conflict.RULE,
)

__all__ = ["REGISTRY", "Finding", "PairContext", "Rule"]

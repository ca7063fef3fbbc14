"""Hypothesis strategies for small random stability models, built as model files.

Options are named ``o0``, ``o1``... in creation order and statements refer to them by name, so a
model can be rewritten with decision makers or options in another order (or renamed) and still mean
the same conflict; infeasible patterns are kept as {option: Y/N} maps for the same reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from hypothesis import strategies as st

from postrack.model.stability import DecisionMakerSpec, InfeasibleRule, ModelFile, OptionSpec


@dataclass(frozen=True)
class Blueprint:
    """A model independent of the order in which it is written down."""

    owners: tuple[tuple[str, tuple[str, ...]], ...]  # decision maker id and its option ids
    irreversible: dict[str, Literal["forward", "backward"]]
    statements: dict[str, tuple[str, ...]]
    exclusive: tuple[tuple[str, ...], ...]
    forbidden: tuple[dict[str, str], ...]

    def options(self) -> list[str]:
        return [o for _, opts in self.owners for o in opts]

    def write(
        self,
        dm_order: list[int] | None = None,
        option_orders: dict[str, list[int]] | None = None,
        rename: dict[str, str] | None = None,
    ) -> ModelFile:
        """The model file, with decision makers and options in the given orders and ids renamed."""
        renamed = rename or {}

        def name(ident: str) -> str:
            return renamed.get(ident, ident)

        dms = [self.owners[i] for i in (dm_order or range(len(self.owners)))]
        written: list[DecisionMakerSpec] = []
        order: list[str] = []
        for dm_id, opts in dms:
            perm = (option_orders or {}).get(dm_id, list(range(len(opts))))
            chosen = [opts[k] for k in perm]
            order += chosen
            written.append(
                DecisionMakerSpec(
                    id=name(dm_id),
                    options=[
                        OptionSpec(id=name(o), label=f"option {o}", irreversible=self.irreversible.get(o))
                        for o in chosen
                    ],
                    statements=[_rename_statement(s, renamed) for s in self.statements[dm_id]],
                )
            )
        rules = [InfeasibleRule(mutually_exclusive=[name(o) for o in group]) for group in self.exclusive]
        rules += [InfeasibleRule(pattern="".join(f.get(o, "-") for o in order)) for f in self.forbidden]
        return ModelFile(title="random", decision_makers=written, infeasible=rules)


def _rename_statement(text: str, rename: dict[str, str]) -> str:
    return re.sub(r"[a-z][a-z0-9_]*", lambda m: rename.get(m.group(0), m.group(0)), text)


@st.composite
def literals(draw: st.DrawFn, options: list[str]) -> str:
    return ("-" if draw(st.booleans()) else "") + draw(st.sampled_from(options))


@st.composite
def statements(draw: st.DrawFn, options: list[str]) -> str:
    first = draw(literals(options))
    kind = draw(st.sampled_from(["", "&", "|", "IF", "IFF"]))
    if not kind:
        return first
    return f"{first} {kind} {draw(literals(options))}"


@st.composite
def blueprints(draw: st.DrawFn, max_dms: int = 4, max_options: int = 7) -> Blueprint:
    n = draw(st.integers(2, max_dms))
    counts = [draw(st.integers(1, 3)) for _ in range(n)]
    while sum(counts) > max_options:
        counts[counts.index(max(counts))] -= 1
    owners = []
    k = 0
    for d, count in enumerate(counts):
        owners.append((f"dm{d}", tuple(f"o{k + j}" for j in range(count))))
        k += count
    options = [o for _, opts in owners for o in opts]
    kinds: list[Literal["forward", "backward"] | None] = [None, None, None, "forward", "backward"]
    irreversible = {o: kind for o in options if (kind := draw(st.sampled_from(kinds)))}
    prefs = {dm: tuple(draw(st.lists(statements(options), min_size=1, max_size=4))) for dm, _ in owners}
    exclusive = tuple(
        tuple(draw(st.lists(st.sampled_from(options), min_size=2, max_size=2, unique=True)))
        for _ in range(draw(st.integers(0, 1)))
    )
    forbidden = tuple(
        draw(st.dictionaries(st.sampled_from(options), st.sampled_from("YN"), min_size=2, max_size=3))
        for _ in range(draw(st.integers(0, 2)))
    )
    return Blueprint(tuple(owners), irreversible, prefs, exclusive, forbidden)

"""The stability model file: decision makers, the yes/no options each controls, what cannot happen,
and how each decision maker ranks the resulting states.

Only the shape is checked here (pydantic, so every error carries file:line:col); what refers to
what, and whether the rankings cover every state, is checked when the model is compiled.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from postrack.model.base import Id, StrictModel, Text

Pattern = str
"""A state written option by option in model order: ``Y`` taken, ``N`` not taken, ``-`` either."""


class OptionSpec(StrictModel):
    """One yes/no choice; ``irreversible: forward`` means it can be taken but never undone."""

    id: Id
    label: Text
    irreversible: Literal["forward", "backward"] | None = None
    note: str = ""


class DecisionMakerSpec(StrictModel):
    """A decision maker, its options, and its preferences: a ``ranking`` or prioritised ``statements``."""

    id: Id
    name: str = ""
    options: list[OptionSpec] = Field(min_length=1)
    ranking: list[Pattern | list[Pattern]] | None = Field(
        None, description="Best first; an inner list holds equally preferred states; patterns may use '-'."
    )
    statements: list[str] | None = Field(
        None,
        description="Most important first, e.g. '1', '-2', 'a & -b', 'a | b', 'a IF b', 'a IFF b'.",
    )
    note: str = ""

    @model_validator(mode="after")
    def _one_kind_of_preference(self) -> DecisionMakerSpec:
        if (self.ranking is None) == (self.statements is None):
            raise ValueError("give exactly one of 'ranking' or 'statements'")
        return self


class InfeasibleRule(StrictModel):
    """States that cannot occur: at most one of a set, at least one of a set, or an explicit pattern."""

    mutually_exclusive: list[Id] | None = Field(None, min_length=2)
    at_least_one: list[Id] | None = Field(None, min_length=1)
    pattern: Pattern | None = None
    note: str = ""

    @model_validator(mode="after")
    def _one_kind_of_rule(self) -> InfeasibleRule:
        given = [self.mutually_exclusive, self.at_least_one, self.pattern]
        if sum(g is not None for g in given) != 1:
            raise ValueError("give exactly one of 'mutually_exclusive', 'at_least_one' or 'pattern'")
        return self


class ModelFile(StrictModel):
    """A whole stability model as written in YAML."""

    title: Text
    description: str = ""
    decision_makers: list[DecisionMakerSpec] = Field(min_length=2)
    infeasible: list[InfeasibleRule] = Field(default_factory=list)
    status_quo: Pattern | None = Field(
        None, description="The state the analysis of reachable paths starts from."
    )

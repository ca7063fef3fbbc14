"""The scenario file: a titled, dated what-if overlaid on the baseline record."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from postrack.model import Condition, PartyFile, Source
from postrack.model.base import Id, StrictModel, Text


class Basis(StrictModel):
    """A document that motivates the scenario (e.g. the published plan it reads as concessions)."""

    outlet: Text
    title: str = ""
    date: dt.date | None = None
    url: str = ""


class Change(StrictModel):
    """One party's changed position on one issue; the fields mean what they mean in a statement."""

    party: Id
    issue: Id
    summary: str = ""
    demand: list[Id] = Field(default_factory=list)
    acceptable: list[Id] = Field(default_factory=list)
    red_line: list[Id] = Field(default_factory=list)
    withdrawn: list[Id] = Field(default_factory=list)
    reset: bool = False
    salience: int | None = Field(None, ge=1, le=10)
    conditions: list[Condition] = Field(default_factory=list)
    drop_conditions: list[Id] = Field(default_factory=list)
    note: str = ""


class Scenario(StrictModel):
    title: Text
    rationale: Text
    as_of: dt.date = Field(
        description="The date the what-if is set on; commands use it unless --as-of is given."
    )
    basis: list[Basis] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    sources: list[Source] = Field(
        default_factory=list, description="Sources added to the registry, cited by the parties added here."
    )
    add_parties: list[PartyFile] = Field(
        default_factory=list, description="Whole parties to add; one with an existing id replaces it."
    )

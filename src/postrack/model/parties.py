"""A party's file: who it is, the sources it cites, and its dated statements per issue.

Statements are folded in date order: each one sets the stance of the options it names and leaves
the rest as they were (``reset`` clears earlier stances first). So the position on any date is the
fold of the statements up to it, and every option's stance points back to the statement and
sources that set it.
"""

import datetime as dt
from typing import Literal

from pydantic import Field

from postrack.model.base import Id, SourceId, StrictModel, Text

Stance = Literal["demand", "acceptable", "red_line"]
STANCES: tuple[Stance, ...] = ("demand", "acceptable", "red_line")
Confidence = Literal["high", "medium", "low"]
Role = Literal["belligerent", "mediator", "guarantor", "supporter", "observer"]


class PartyInfo(StrictModel):
    id: Id
    name: Text
    role: Role
    description: str = ""
    no_deal: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="Utility (0-1, same scale as package utilities) the party expects without a deal.",
    )


class Source(StrictModel):
    """A document cited by statements: outlet or title, its date, and a URL where known."""

    id: SourceId
    outlet: Text
    title: str = ""
    date: dt.date | None = None
    url: str = ""
    reliability: Literal["primary", "secondary", "weak"] = "secondary"
    note: str = ""


class Citation(StrictModel):
    """A statement's reference to a source, with a short quote or a paraphrase as evidence."""

    ref: SourceId
    quote: str = Field("", max_length=300)
    paraphrase: str = ""


class Requirement(StrictModel):
    """Another issue must end in one of ``options``."""

    issue: Id
    options: list[Id] = Field(min_length=1)


class Condition(StrictModel):
    """The party accepts the ``when`` options of this issue only if one of ``requires`` holds."""

    id: Id
    when: list[Id] = Field(min_length=1)
    requires: list[Requirement] = Field(min_length=1)
    note: str = ""


class Statement(StrictModel):
    """What a party said, on a date, about one issue."""

    date: dt.date
    date_precision: Literal["day", "month", "approximate"] = "day"
    summary: Text
    demand: list[Id] = Field(default_factory=list)
    acceptable: list[Id] = Field(default_factory=list)
    red_line: list[Id] = Field(default_factory=list)
    withdrawn: list[Id] = Field(
        default_factory=list,
        description="Options the party no longer takes any stance on (back to unstated).",
    )
    reset: bool = False
    salience: int | None = Field(None, ge=1, le=10)
    conditions: list[Condition] = Field(default_factory=list)
    drop_conditions: list[Id] = Field(default_factory=list)
    sources: list[Citation] = Field(min_length=1)
    confidence: Confidence = "medium"
    id: Id | None = None
    corrects: Id | None = Field(None, description="Id of an earlier statement this one corrects.")
    note: str = ""

    def stance_lists(self) -> dict[Stance, list[str]]:
        return {"demand": self.demand, "acceptable": self.acceptable, "red_line": self.red_line}


class PartyFile(StrictModel):
    party: PartyInfo
    sources: list[Source] = Field(default_factory=list)
    positions: dict[Id, list[Statement]] = Field(default_factory=dict)

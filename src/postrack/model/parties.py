"""A party's file: who it is and its dated statements per issue (sources live in ``sources.yaml``).

Statements are folded in date order: each one sets the stance of the options it names and leaves
the rest as they were (``reset`` clears earlier stances first). So the position on any date is the
fold of the statements up to it, and every option's stance points back to the statement and
sources that set it.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from postrack.model.base import Id, SourceId, StrictModel, Text

Stance = Literal["demand", "acceptable", "red_line"]
STANCES: tuple[Stance, ...] = ("demand", "acceptable", "red_line")
Confidence = Literal["high", "medium", "low"]
Fallback = Literal["unstated", "red_line"]


class PartyInfo(StrictModel):
    id: Id
    name: Text
    role: Text = Field(
        description="The party's role in the talks, one of the manifest's `roles` when it lists any.",
    )
    description: str = ""
    no_deal: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="Utility (0-1, same scale as package utilities) the party expects without a deal.",
    )


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
    """The party accepts the ``when`` options of this issue only if one of ``requires`` holds.

    ``otherwise`` says what the options fall back to when no alternative holds: ``red_line`` for a
    true "only if" (the party rejects them otherwise), ``unstated`` for "would accept them if" (it
    has said nothing about the other case). The stance model (``postrack.stance``) reads it.
    """

    id: Id
    when: list[Id] = Field(min_length=1)
    requires: list[Requirement] = Field(min_length=1)
    otherwise: Fallback = Field(
        description="What the `when` options fall back to when the condition fails: red_line or unstated."
    )
    note: str = ""


class Statement(StrictModel):
    """What a party said, on a date, about one issue."""

    date: dt.date = Field(
        description="The day the statement was first on record (its earliest source); --as-of reads this."
    )
    date_precision: Literal["day", "month", "approximate"] = "day"
    said: dt.date | None = Field(
        None, description="The day the party said it, where that is before `date` (reported later)."
    )
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
    credence: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Probability (0-1) that the statement stands, set by hand: replaces the credence"
        " derived from its confidence and its sources' reliability (docs/robustness.md).",
    )
    id: Id | None = None
    corrects: Id | None = Field(None, description="Id of an earlier statement this one corrects.")
    note: str = ""

    def stance_lists(self) -> dict[Stance, list[str]]:
        return {"demand": self.demand, "acceptable": self.acceptable, "red_line": self.red_line}


class Capability(StrictModel):
    """A party's clout in the talks from a date on: 0-100 overall, optionally per issue, with sources."""

    date: dt.date
    date_precision: Literal["day", "month", "approximate"] = "day"
    summary: Text
    value: float = Field(ge=0, le=100, description="Clout on every issue (0-100) unless `issues` overrides.")
    issues: dict[Id, Annotated[float, Field(ge=0, le=100)]] = Field(default_factory=dict)
    sources: list[Citation] = Field(min_length=1)
    confidence: Confidence = "medium"
    note: str = ""


class IssueStances(StrictModel):
    """What one document says on one issue; summary, confidence and note default to the document's."""

    summary: Text | None = None
    demand: list[Id] = Field(default_factory=list)
    acceptable: list[Id] = Field(default_factory=list)
    red_line: list[Id] = Field(default_factory=list)
    withdrawn: list[Id] = Field(default_factory=list)
    reset: bool = False
    salience: int | None = Field(None, ge=1, le=10)
    conditions: list[Condition] = Field(default_factory=list)
    drop_conditions: list[Id] = Field(default_factory=list)
    confidence: Confidence | None = None
    id: Id | None = None
    corrects: Id | None = None
    note: str = ""


class Document(StrictModel):
    """One dated, sourced text that takes stances on several issues (a plan, a memorandum).

    Read as one statement per issue in ``issues`` (see ``postrack.multi_issue``), so only a document
    that cannot be read that way is ever validated as a whole, to report where it is malformed.
    """

    date: dt.date
    date_precision: Literal["day", "month", "approximate"] = "day"
    said: dt.date | None = None
    summary: Text
    sources: list[Citation] = Field(min_length=1)
    confidence: Confidence = "medium"
    note: str = ""
    issues: dict[Id, IssueStances] = Field(min_length=1)


class PartyFile(StrictModel):
    party: PartyInfo
    positions: dict[Id, list[Statement]] = Field(default_factory=dict)
    documents: list[Document] = Field(
        default_factory=list,
        description="Texts that take stances on several issues at once; each becomes one statement"
        " per issue, placed among that issue's statements by date.",
    )
    capabilities: list[Capability] = Field(
        default_factory=list,
        description="Dated, sourced clout of the party (used by forecasts), oldest first.",
    )

"""The workspace's one source registry (``sources.yaml``): every document any statement cites, once.

One registry, not a list per party file, so a source has one date, one title and one URL wherever
it is cited, and statements of different parties resting on the same report share it (robustness
treats a source as the unit that stands or falls).
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from postrack.model.base import SourceId, StrictModel, Text

Reliability = Literal["primary", "secondary", "weak"]

SourceKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$", max_length=40)]
"""A source's key in an external reference list the data was curated from (e.g. a fact sheet's ``S63``)."""


class Source(StrictModel):
    """A document cited by statements: its outlet, date and URL, and its real title when it has one."""

    id: SourceId
    key: SourceKey | None = Field(
        None, description="The source's key in the reference list it was curated from, e.g. S63."
    )
    outlet: Text
    title: str = Field(
        "", description="The document's own headline or title; leave it out rather than make one up."
    )
    date: dt.date | None = None
    url: str = ""
    reliability: Reliability = "secondary"
    note: str = ""


class SourceRegistry(StrictModel):
    """``sources.yaml``: the sources of a workspace."""

    sources: list[Source] = Field(default_factory=list)

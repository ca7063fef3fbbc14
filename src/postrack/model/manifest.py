"""The workspace manifest (``negotiation.yaml``): what the negotiation is and how to present it.

Everything that would otherwise be a default assumed by the code lives here: the default party set
and its order, blocs of parties that negotiate as one, the role vocabulary, the memo's
classification line, fonts, and the data horizon (the last date the data is meant to cover).
"""

import datetime as dt
from typing import Annotated

from pydantic import Field

from postrack.model.base import Id, StrictModel, Text
from postrack.model.parties import Citation


class Bloc(StrictModel):
    """Parties that negotiate as one from ``since`` to ``until``: a concession by the bloc counts once."""

    id: Id
    name: Text
    members: list[Id] = Field(min_length=2)
    since: dt.date | None = None
    until: dt.date | None = None
    note: str = ""
    sources: list[Citation] = Field(default_factory=list)

    def active(self, on: dt.date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)


Probability = Annotated[float, Field(ge=0.0, le=1.0)]


class ConfidenceCredence(StrictModel):
    """How likely a statement is to stand, by its confidence, before its sources are doubted."""

    high: Probability = 0.95
    medium: Probability = 0.85
    low: Probability = 0.6


class ReliabilityCredence(StrictModel):
    """How likely a source is to be right, by its reliability; a failing source takes down every
    statement that cites it and no other source."""

    primary: Probability = 0.98
    secondary: Probability = 0.92
    weak: Probability = 0.7


class Credence(StrictModel):
    """The doubt model of robustness analysis (docs/robustness.md): defaults for the workspace."""

    confidence: ConfidenceCredence = Field(default_factory=ConfidenceCredence)
    reliability: ReliabilityCredence = Field(default_factory=ReliabilityCredence)


class Manifest(StrictModel):
    """``negotiation.yaml``. Every field is optional; a folder without one uses all parties."""

    title: str = ""
    description: str = ""
    parties: list[Id] = Field(
        default_factory=list, description="The default party set and its order (default: every party)."
    )
    blocs: list[Bloc] = Field(default_factory=list)
    roles: list[Text] = Field(
        default_factory=list, description="The role vocabulary; when given, every party's role is one of it."
    )
    classification: str = Field("", description="The line printed at the top of every memo page.")
    fonts: list[Text] = Field(
        default_factory=list, description="Font families for memos, tried in order before the bundled ones."
    )
    horizon: dt.date | None = Field(
        None, description="The last date the data is meant to cover; later --as-of dates are warned about."
    )
    credence: Credence = Field(
        default_factory=Credence,
        description="Probabilities (0-1) that statements and sources stand, by confidence and"
        " reliability, for `positions robustness`.",
    )

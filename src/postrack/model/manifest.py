"""The workspace manifest (``negotiation.yaml``): what the negotiation is and how to present it.

Everything that would otherwise be a default assumed by the code lives here: the default party set
and its order, blocs of parties that negotiate as one, the role vocabulary, the memo's
classification line, fonts, and the data horizon (the last date the data is meant to cover).
"""

import datetime as dt

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

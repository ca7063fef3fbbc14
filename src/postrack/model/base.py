"""The one strict base model every data file is validated against."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints


class StrictModel(BaseModel):
    """Unknown keys are errors (a typo must not vanish), values are not coerced, objects are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
"""Identifiers of parties, issues, options and conditions: lower-case snake case."""

SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
"""Source keys may carry dates and dashes (``osw-2025-05-19``)."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]

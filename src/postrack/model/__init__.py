"""Typed data model: every file kind of a workspace, in one home."""

from postrack.model.base import StrictModel
from postrack.model.issues import Issue, IssueCatalogue, Option
from postrack.model.manifest import Bloc, Credence, Manifest
from postrack.model.parties import (
    Capability,
    Citation,
    Condition,
    PartyFile,
    PartyInfo,
    Requirement,
    Statement,
)
from postrack.model.sources import Source, SourceRegistry

__all__ = [
    "Bloc",
    "Capability",
    "Citation",
    "Condition",
    "Credence",
    "Issue",
    "IssueCatalogue",
    "Manifest",
    "Option",
    "PartyFile",
    "PartyInfo",
    "Requirement",
    "Source",
    "SourceRegistry",
    "Statement",
    "StrictModel",
]

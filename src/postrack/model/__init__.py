"""Typed data model: issues and their outcome spaces, parties, dated sourced statements."""

from postrack.model.base import StrictModel
from postrack.model.issues import Issue, IssueCatalogue, Option
from postrack.model.parties import Citation, Condition, PartyFile, PartyInfo, Requirement, Source, Statement

__all__ = [
    "Citation",
    "Condition",
    "Issue",
    "IssueCatalogue",
    "Option",
    "PartyFile",
    "PartyInfo",
    "Requirement",
    "Source",
    "Statement",
    "StrictModel",
]

"""Issues on the table and the explicit outcome space of each."""

from pydantic import Field

from postrack.model.base import Id, StrictModel, Text


class Option(StrictModel):
    """One possible outcome of an issue; a package picks exactly one option per issue."""

    id: Id
    label: Text
    description: str = ""


class Issue(StrictModel):
    """An issue with its options; when ``ordered``, options run along ``scale`` from first to last."""

    id: Id
    title: Text
    description: str = ""
    ordered: bool = False
    scale: str = Field(
        "", description="What the order of the options means, e.g. 'from Ukraine's to Russia's'."
    )
    options: list[Option] = Field(min_length=2)

    def option_ids(self) -> list[str]:
        return [o.id for o in self.options]

    def rank(self, option: str) -> int:
        """Position of ``option`` on the issue's scale (its index in the list)."""
        return self.option_ids().index(option)


class IssueCatalogue(StrictModel):
    """The shared catalogue (``positions/issues.yaml``) that every party file refers to."""

    issues: list[Issue] = Field(min_length=1)

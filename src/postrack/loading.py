"""Load a data folder into a :class:`Record`, collecting every problem before failing.

A folder holds ``issues.yaml`` (the shared catalogue), ``sources.yaml`` (every source cited),
optionally ``negotiation.yaml`` (the manifest) and ``timeline.yaml`` (rounds and documents), and
one YAML file per party named after the party id. Parsing, type validation,
cross-references and the parties' self-consistency are all checked, and all problems of all files
are reported together so that one run shows everything to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from postrack.amplification import cited_text_problem
from postrack.checks import run_checks
from postrack.manifest_checks import manifest_problems
from postrack.model import IssueCatalogue, Manifest, PartyFile, SourceRegistry
from postrack.multi_issue import expand_documents
from postrack.paths import shown as display_path
from postrack.problems import Problem, UserError
from postrack.record import Record
from postrack.references import check_references, check_sources
from postrack.yamlsource import Located, read_file

CATALOGUE_FILE = "issues.yaml"
SOURCES_FILE = "sources.yaml"
MANIFEST_FILE = "negotiation.yaml"
TIMELINE_FILE = "timeline.yaml"
RESERVED_FILES = frozenset({CATALOGUE_FILE, SOURCES_FILE, MANIFEST_FILE, TIMELINE_FILE})

M = TypeVar("M", bound=BaseModel)


def validate_model(model: type[M], located: Located) -> tuple[M | None, list[Problem]]:
    """Validate parsed data against ``model``; pydantic's errors become located problems."""
    try:
        return model.model_validate(located.data, strict=True), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            message = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                message = "unknown field (check the spelling)"
            elif err["type"] == "missing":
                message = "field required"
            elif err["type"].startswith("date_"):
                message = f"{message}: write dates as YYYY-MM-DD, unquoted (e.g. 2025-05-16)"
            problems.append(located.problem(loc, message))
        return None, problems


def party_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.glob("*.yaml") if p.name not in RESERVED_FILES and not p.name.startswith(".")
    )


def load_record(folder: Path | str, *, display_root: Path | None = None) -> Record:
    """Load and check a data folder; raise :class:`UserError` listing every problem found."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError.single(f"no such data folder: {folder}", folder)
    shown = partial(display_path, root=display_root)
    problems: list[Problem] = []

    catalogue_path = folder / CATALOGUE_FILE
    catalogue: IssueCatalogue | None = None
    if not catalogue_path.exists():
        problems.append(Problem(shown(catalogue_path), message="missing: the issue catalogue must exist"))
    else:
        catalogue, catalogue_doc, found = _load(catalogue_path, IssueCatalogue, shown)
        problems += found

    registry, registry_doc = SourceRegistry(), None
    if (folder / SOURCES_FILE).exists():
        loaded, registry_doc, found = _load(folder / SOURCES_FILE, SourceRegistry, shown)
        problems += found
        registry = loaded or registry
    manifest, manifest_doc = Manifest(), None
    if (folder / MANIFEST_FILE).exists():
        loaded_manifest, manifest_doc, found = _load(folder / MANIFEST_FILE, Manifest, shown)
        problems += found
        manifest = loaded_manifest or manifest

    parties: dict[str, PartyFile] = {}
    located: dict[str, Located] = {}
    files: dict[str, str] = {}
    for path in party_files(folder):
        party, doc, found = _load(path, PartyFile, shown)
        problems += found
        if party is None or doc is None:
            continue
        name = shown(path)
        pid = party.party.id
        if pid in parties:
            problems.append(doc.problem(("party", "id"), f"party {pid!r} is already defined in {files[pid]}"))
            continue
        if path.stem != pid:
            problems.append(
                doc.problem(("party", "id"), f"file should be named {pid}.yaml after its party id")
            )
        parties[pid] = party
        located[pid] = doc
        files[pid] = name

    if not parties and not problems:
        problems.append(
            Problem(shown(folder), message="no party files found (expected one YAML file per party)")
        )
    if catalogue is None or catalogue_doc is None:
        raise UserError(problems)

    issues = {i.id: i for i in catalogue.issues}
    problems += _catalogue_problems(catalogue, catalogue_doc)
    sources = {s.id: s for s in registry.sources}
    if registry_doc is not None:
        loaded_all = not any(p.severity == "error" for p in problems)
        problems += check_sources(registry, registry_doc, parties.values() if loaded_all else None)
    if manifest_doc is not None:
        problems += manifest_problems(manifest, manifest_doc, parties, located, sources)
    for pid, party in parties.items():
        problems += check_references(party, issues, sources, located[pid])
    amplified = cited_text_problem(parties, sources, shown(folder / SOURCES_FILE))
    problems += [amplified] if amplified is not None else []
    origins = {
        (pid, issue, i): (files[pid], doc.where(("positions", issue, i))[0])
        for pid, doc in located.items()
        for issue, statements in parties[pid].positions.items()
        for i in range(len(statements))
    }
    record = Record(
        issues=issues, parties=parties, files=files, origins=origins, sources=sources, manifest=manifest
    )
    if not any(p.severity == "error" for p in problems):
        problems += run_checks(record, located)
    if any(p.severity == "error" for p in problems):
        raise UserError(problems)
    return replace(record, warnings=tuple(sorted(problems)))


def _load(
    path: Path, model: type[M], shown: Callable[[Path], str]
) -> tuple[M | None, Located | None, list[Problem]]:
    try:
        doc = read_file(path, shown(path))
    except UserError as exc:
        return None, None, exc.problems
    if not isinstance(doc.data, dict):
        return (
            None,
            doc,
            [doc.problem((), f"expected a mapping at the top of the file, found {_kind(doc.data)}")],
        )
    if model is PartyFile:
        doc = expand_documents(doc)
    result, problems = validate_model(model, doc)
    return result, doc, problems


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    return "text" if isinstance(value, str) else type(value).__name__


def _catalogue_problems(catalogue: IssueCatalogue, doc: Located) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for i, issue in enumerate(catalogue.issues):
        if issue.id in seen:
            problems.append(doc.problem(("issues", i, "id"), f"duplicate issue id {issue.id!r}"))
        seen.add(issue.id)
        first: set[str] = set()
        for j, option in enumerate(issue.options):
            if option.id in first:
                problems.append(
                    doc.problem(("issues", i, "options", j, "id"), f"duplicate option id {option.id!r}")
                )
            first.add(option.id)
    return problems

"""Append a dated, sourced statement to a party's file: in date order, validated, never losing an edit.

People add to the tracker every day, often several at once, so recording is all or nothing:

1. an exclusive lock (``fcntl.flock`` on a lock file per data file, kept in the temp directory
   so the data folder holds only data; the source registry's first when a new source is added)
   serialises writers;
2. under it the files are re-read, so an edit that landed while we waited is kept;
3. the statement goes after the last one of its issue dated on or before it, a new source at the
   end of ``sources.yaml`` (:mod:`postrack.tracker.splice`; the rest of the text is untouched,
   comments included);
4. the whole data folder is loaded with the new texts in place (from a temporary copy); any error
   refuses the statement and nothing is written, the messages naming the file and line;
5. each new text goes to a temporary file in the same folder, is fsynced and renamed over the old
   one, unless the file changed under us meanwhile (an editor that does not lock), in which case we
   start again from step 2 (a source already added by the interrupted attempt is not added twice).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import glob
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from postrack.loading import CATALOGUE_FILE, MANIFEST_FILE, SOURCES_FILE, load_record, party_files
from postrack.model.parties import Stance
from postrack.paths import shown
from postrack.problems import Problem, UserError
from postrack.record import Record
from postrack.tracker.arguments import check_party, check_text
from postrack.tracker.splice import insert_item
from postrack.writing import write_atomic
from postrack.yamlsource import format_path, parse_text, read_bytes

ATTEMPTS = 5
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class NewSource:
    """A source entry to add together with the statement that first cites it."""

    outlet: str
    date: dt.date | None = None
    url: str = ""
    title: str = ""


@dataclass(frozen=True)
class NewStatement:
    """A statement to append. ``stance`` with ``options`` sets stances; ``withdrawn`` returns options to
    unstated; ``reset`` clears the issue first; ``condition`` adds one condition (a dict in the file's
    format: id, when, requires, otherwise); ``drop_conditions`` withdraws conditions by id."""

    party: str
    issue: str
    stance: Stance | None
    options: tuple[str, ...]
    date: dt.date
    source: str
    summary: str
    quote: str = ""
    paraphrase: str = ""
    salience: int | None = None
    confidence: str | None = None
    date_precision: str | None = None
    said: dt.date | None = None
    statement_id: str | None = None
    corrects: str | None = None
    new_source: NewSource | None = None
    withdrawn: tuple[str, ...] = ()
    reset: bool = False
    condition: dict[str, Any] | None = None
    drop_conditions: tuple[str, ...] = ()

    def as_yaml(self) -> dict[str, Any]:
        """The statement as it is written to the file, keys in the documented order."""
        cite: dict[str, Any] = {"ref": self.source}
        cite.update({k: v for k, v in (("quote", self.quote), ("paraphrase", self.paraphrase)) if v})
        out: dict[str, Any] = {"date": self.date}
        optional = [
            ("date_precision", self.date_precision),
            ("said", self.said),
            ("summary", self.summary),
            ("reset", True if self.reset else None),
            *([(self.stance, list(self.options))] if self.stance else []),
            ("withdrawn", list(self.withdrawn) or None),
            ("conditions", [self.condition] if self.condition else None),
            ("drop_conditions", list(self.drop_conditions) or None),
            ("salience", self.salience),
            ("sources", [cite]),
            ("confidence", self.confidence),
            ("id", self.statement_id),
            ("corrects", self.corrects),
        ]
        out.update({k: v for k, v in optional if v is not None})
        return out

    def source_yaml(self) -> dict[str, Any] | None:
        if self.new_source is None:
            return None
        new = self.new_source
        fields = [
            ("id", self.source),
            ("outlet", new.outlet),
            ("title", new.title),
            ("date", new.date),
            ("url", new.url),
        ]
        return {k: v for k, v in fields if v not in (None, "")}


_EMPTY_REGISTRY = "# Every source the statements of this folder cite, each once.\nsources: []\n"


@dataclass(frozen=True)
class Recorded:
    """Where the statement landed, and any warnings the data now raises about it."""

    party: str
    issue: str
    date: dt.date
    file: str
    line: int
    index: int
    count: int
    source_added: bool
    warnings: tuple[Problem, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "party": self.party,
            "issue": self.issue,
            "date": self.date.isoformat(),
            "file": self.file,
            "line": self.line,
            "index": self.index,
            "count": self.count,
            "source_added": self.source_added,
            "warnings": [w.to_dict() for w in self.warnings],
        }


def record_statement(folder: Path | str, new: NewStatement) -> Recorded:
    """Add ``new`` to its party's file in ``folder`` or raise :class:`UserError` and change nothing."""
    _check(new)
    folder = Path(folder)
    path = folder / f"{new.party}.yaml"
    name = shown(path)
    if not path.is_file():
        known = ", ".join(p.stem for p in party_files(folder)) if folder.is_dir() else "none"
        raise UserError.single(f"no file for party {new.party!r} (known: {known})", name)
    registry = folder / SOURCES_FILE
    registry_name = shown(registry)
    source = new.source_yaml()
    with (
        _locked(registry, registry_name) if source is not None else contextlib.nullcontext(),
        _locked(path, name),
    ):
        _sweep(path)
        added = False
        for _ in range(ATTEMPTS):
            raw, current = read_bytes(path, name)
            text, index = _with_statement(current, name, new)
            texts = {path.name: text}
            registry_raw = (
                read_bytes(registry, registry_name)[0] if source is not None and registry.is_file() else b""
            )
            if source is not None and not added:
                before = registry_raw.decode("utf-8-sig") if registry_raw else _EMPTY_REGISTRY
                texts[registry.name] = _with_source(before, registry_name, new.source, source)
            recorded = _recorded(_validated(folder, texts), new, index, name, source is not None)
            if registry.name in texts:
                if not _replace_if_unchanged(
                    registry, registry_raw, _encoded(texts[registry.name], registry_raw)
                ):
                    continue
                added = True
            if _replace_if_unchanged(path, raw, _encoded(text, raw)):
                return recorded
    raise UserError.single(f"refused: {name} kept changing while recording; try again", name)


def _check(new: NewStatement) -> None:
    """Refuse a party that is not an id and text that would not read back as given (before any file
    is touched)."""
    check_party(new.party)
    texts = [("--summary", new.summary), ("--quote", new.quote), ("--paraphrase", new.paraphrase)]
    if new.new_source is not None:
        texts += [
            ("--new-source-outlet", new.new_source.outlet),
            ("--new-source-title", new.new_source.title),
            ("--new-source-url", new.new_source.url),
        ]
    for option, value in texts:
        check_text(option, value)


def _encoded(text: str, original: bytes) -> bytes:
    """``text`` as bytes in the original's conventions: its BOM, and CRLF line ends if it used them,
    so the lines added match the file's own."""
    if b"\r\n" in original:
        text = re.sub(r"(?<!\r)\n", "\r\n", text)
    return (_BOM if original.startswith(_BOM) else b"") + text.encode()


def _sweep(path: Path) -> None:
    """Remove temporary files a writer killed mid-write left beside ``path`` (where the filesystem
    has no unnamed temporary files); safe because every writer of ``path`` holds its lock."""
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _with_source(text: str, name: str, source_id: str, source: dict[str, Any]) -> str:
    """The registry's text with ``source`` appended; refused when the id is taken."""
    data = parse_text(text, name).data
    listed = data.get("sources") if isinstance(data, dict) else None
    listed = listed if isinstance(listed, list) else []
    if source_id in [s.get("id") for s in listed if isinstance(s, dict)]:
        raise UserError.single(
            f"source {source_id!r} already exists; cite it without the --new-source-* options", name
        )
    return insert_item(text, name, ("sources",), len(listed), source)


def _with_statement(text: str, name: str, new: NewStatement) -> tuple[str, int]:
    """The new file text and the statement's index within its issue."""
    data = parse_text(text, name).data
    if not isinstance(data, dict):
        raise UserError.single("expected a mapping at the top of the file", name, line=1)
    positions = data.get("positions")
    statements = positions.get(new.issue) if isinstance(positions, dict) else None
    statements = statements if isinstance(statements, list) else []
    index = max(
        (
            n + 1
            for n, s in enumerate(statements)
            if not (isinstance(s, dict) and _later(s.get("date"), new.date))
        ),
        default=0,
    )
    return insert_item(text, name, ("positions", new.issue), index, new.as_yaml()), index


def _later(value: object, than: dt.date) -> bool:
    return isinstance(value, dt.date) and value > than


def _validated(folder: Path, texts: dict[str, str]) -> Record:
    """Load the whole folder with ``texts`` (file name -> text) in place; refuse with located problems."""
    with tempfile.TemporaryDirectory(prefix="positions-record-") as tmp:
        copy = Path(tmp)
        others = [
            folder / CATALOGUE_FILE,
            folder / SOURCES_FILE,
            folder / MANIFEST_FILE,
            *party_files(folder),
        ]
        for original in others:
            if original.name not in texts and original.is_file():
                shutil.copyfile(original, copy / original.name)
        for file_name, text in texts.items():
            (copy / file_name).write_text(text, encoding="utf-8")
        try:
            record = load_record(copy, display_root=copy)
        except UserError as error:
            problems = [_relocated(p, folder) for p in error.problems if p.severity == "error"]
            refusal = Problem(
                shown(folder / next(iter(texts))),
                message="refused: the statement would make the data invalid; nothing was written"
                " (lines below are where it would have been written)",
                severity="note",
            )
            raise UserError([refusal, *problems]) from None
    return replace(record, warnings=tuple(_relocated(w, folder) for w in record.warnings))


def _relocated(problem: Problem, folder: Path) -> Problem:
    """A problem found in the temporary copy, named by the real file."""
    if not problem.file or Path(problem.file).is_absolute():
        return problem
    return replace(problem, file=shown(folder / problem.file))


def _recorded(record: Record, new: NewStatement, index: int, name: str, new_source: bool) -> Recorded:
    # Found by content, not by ``index``: multi-issue documents add statements to the loaded issue
    # that the file's own list does not hold. Among equal statements the new one lands last.
    refs = list(record.statements(new.party, new.issue))
    landed = [
        k
        for k, r in enumerate(refs)
        if (r.statement.date, r.statement.summary) == (new.date, new.summary.strip())
        and (not new.stance or r.statement.stance_lists()[new.stance] == list(new.options))
    ]
    if not landed:
        raise RuntimeError(f"the new statement did not land at index {index} of {new.issue} in {name}")
    at = format_path(("positions", new.issue, index))
    last_source = format_path(("sources", len(record.sources) - 1))
    ours = [
        w
        for w in record.warnings
        if (w.file == name and w.path.startswith(at))
        or (new_source and w.file.endswith(SOURCES_FILE) and w.path.startswith(last_source))
    ]
    return Recorded(
        party=new.party,
        issue=new.issue,
        date=new.date,
        file=name,
        line=refs[landed[-1]].line,
        index=landed[-1],
        count=len(refs),
        source_added=new_source,
        warnings=tuple(ours),
    )


@contextlib.contextmanager
def _locked(path: Path, name: str) -> Iterator[None]:
    """An exclusive lock for ``path``, kept outside the data folder (in the temp directory, named by
    a hash of the file's absolute path), so the workspace holds only its data."""
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    lock = Path(tempfile.gettempdir()) / "positions-locks" / f"{digest}.lock"
    try:
        lock.parent.mkdir(exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise UserError.single(f"cannot create the lock file {lock}: {exc.strerror or exc}", name) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _replace_if_unchanged(path: Path, expected: bytes, new: bytes) -> bool:
    """Atomically put ``new`` in place of ``path`` if it still holds ``expected``; False if it changed."""
    return write_atomic(path, new, still_valid=lambda: _current(path) == expected)


def _current(path: Path) -> bytes:
    """The file's bytes now (empty if it is gone), read through the same checks as any input."""
    return read_bytes(path, shown(path))[0] if path.exists() else b""

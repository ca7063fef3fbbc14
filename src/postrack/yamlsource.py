"""Safe YAML reading that remembers where every value came from.

PyYAML's composer gives nodes with exact marks; we turn them into plain dicts, lists and scalars
ourselves so that we can (1) keep a map from field path to line/column for error messages,
(2) reject duplicate keys, which YAML silently overwrites, (3) allow only the standard safe tags and
(4) bound size, nesting depth and alias expansion before anything is built, so hostile files are
refused quickly instead of exhausting memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from postrack.inputs import read_regular
from postrack.problems import Problem, UserError

try:  # the C composer is much faster; the pure-Python one gives identical nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 500_000
MAX_TEXT_CHARS = 10_000
"""Longest text value: longer than any quote or title, short enough that repeating one in every
row of a report (a source title cited by every statement) cannot blow the output up."""
MAX_EXPANDED_CHARS = 2 * MAX_FILE_BYTES
"""Text a document may hold once its aliases are expanded: an anchored paragraph aliased a hundred
times is refused before it is copied a hundred times into every report."""

Path_ = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_ANCHOR = re.compile(r"&[^\s]")
_SAFE_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class Located:
    """A parsed YAML document plus the line/column of every field path in it."""

    file: str
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    translate: Callable[[Path_], Path_] | None = None
    """Maps a path in ``data`` to the path written in the file, where ``data`` was reshaped after
    parsing (a party file's multi-issue documents); marks and messages use the written path."""

    def written(self, path: Path_) -> Path_:
        return self.translate(path) if self.translate is not None else path

    def where(self, path: Path_) -> tuple[int, int]:
        """Line and column of the deepest known prefix of ``path`` (1-based)."""
        path = self.written(path)
        for end in range(len(path), -1, -1):
            mark = self.marks.get(tuple(path[:end]))
            if mark is not None:
                return mark
        return (1, 1)

    def problem(self, path: Path_, message: str, severity: str = "error") -> Problem:
        line, col = self.where(path)
        return Problem(self.file, line, col, format_path(self.written(path)), message, severity)


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.nodes = 0
        self._constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, message: str, path: Path_) -> None:
        self.problems.append(
            Problem(
                self.file, node.start_mark.line + 1, node.start_mark.column + 1, format_path(path), message
            )
        )

    def build(self, node: yaml.Node, path: Path_) -> Any:
        """Plain data for ``node``; aliases are bounded by ``_check_expansion`` first, depth and size
        are counted here (so a document without anchors is walked once)."""
        self.nodes += 1
        if len(path) > MAX_DEPTH:
            raise _TooBig(node, f"nesting deeper than {MAX_DEPTH} levels")
        if self.nodes > MAX_NODES:
            raise _TooBig(node, f"document expands to more than {MAX_NODES:,} values (alias bomb?)")
        self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self.fail(node, f"tag {node.tag!r} is not allowed", path)
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            self.fail(node, f"tag {node.tag!r} is not allowed", path)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail(key_node, "merge keys (<<) are not supported; write the fields out", path)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, "keys must be plain strings", path)
                continue
            key = str(key_node.value)
            if key in out:
                first = self.marks.get((*path, key), (0, 0))[0]
                self.fail(key_node, f"duplicate key {key!r} (first defined on line {first})", (*path, key))
                continue
            out[key] = self.build(value_node, (*path, key))
            self.marks[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return out

    def _scalar(self, node: yaml.Node, path: Path_) -> Any:
        if node.tag not in _SAFE_SCALAR_TAGS:
            self.fail(node, f"tag {node.tag!r} is not allowed (only plain YAML data is read)", path)
            return None
        if len(node.value) > MAX_TEXT_CHARS:
            self.fail(
                node, f"text of {len(node.value):,} characters, over the {MAX_TEXT_CHARS:,} limit", path
            )
            return None
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError, LookupError, AttributeError, TypeError):
            # PyYAML's constructors fail on explicitly tagged nonsense (``!!int ""``, ``!!bool maybe``,
            # ``!!timestamp x``) with whatever their parsing hits first: IndexError, KeyError, ...
            kind = node.tag.rsplit(":", 1)[-1]
            self.fail(node, f"cannot read {node.value!r} as {kind}", path)
            return None


def _check_expansion(root: yaml.Node) -> None:
    """Refuse a document whose aliases would expand past the limits, before expanding anything.

    Aliases make the node graph a DAG; sizes and depths are counted once per node, so the check is
    linear in the file, however large the expansion would be.
    """
    sizes: dict[int, tuple[int, int, int]] = {}

    def measure(node: yaml.Node, depth: int) -> tuple[int, int, int]:
        if depth > MAX_DEPTH:
            raise _TooBig(node, f"nesting deeper than {MAX_DEPTH} levels")
        known = sizes.get(id(node))
        if known is not None:  # an alias: its subtree was measured once already
            if depth + known[1] > MAX_DEPTH:
                raise _TooBig(node, f"nesting deeper than {MAX_DEPTH} levels")
            return known
        size, height, chars = 1, 0, 0
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            chars = len(node.value)
        for child in children:
            child_size, child_height, child_chars = measure(child, depth + 1)
            size += child_size
            chars += child_chars
            height = max(height, child_height + 1)
            if size > MAX_NODES:
                raise _TooBig(node, f"document expands to more than {MAX_NODES:,} values (alias bomb?)")
            if chars > MAX_EXPANDED_CHARS:
                limit = f"{MAX_EXPANDED_CHARS:,} characters of text"
                raise _TooBig(node, f"document expands to more than {limit} (aliases of long text?)")
        sizes[id(node)] = (size, height, chars)
        return size, height, chars

    measure(root, 0)


class _TooBig(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node


def parse_text(text: str, file: str) -> Located:
    """Parse one YAML document, raising :class:`UserError` with every problem found."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = " ".join(filter(None, [exc.context, exc.problem])) or "malformed YAML"
        raise UserError([Problem(file, line, col, "", f"malformed YAML: {reason}")]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, even inside quotes
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - text.rfind("\n", 0, exc.position)
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        message = f"malformed YAML: character {char} is not allowed; write it escaped in double quotes"
        raise UserError([Problem(file, line, col, "", message)]) from None
    except yaml.YAMLError as exc:
        raise UserError([Problem(file, 1, 1, "", f"malformed YAML: {exc}")]) from None
    if root is None:
        raise UserError([Problem(file, 1, 1, "", "file is empty")])
    builder = _Builder(file)
    try:
        if _ANCHOR.search(text):  # only aliases can make the built data larger than the file
            _check_expansion(root)
        data = builder.build(root, ())
    except _TooBig as exc:
        mark = exc.node.start_mark
        raise UserError([Problem(file, mark.line + 1, mark.column + 1, "", f"refused: {exc}")]) from None
    except RecursionError:
        raise UserError([Problem(file, 1, 1, "", "refused: nesting too deep")]) from None
    if builder.problems:
        raise UserError(builder.problems)
    return Located(file, data, builder.marks)


def read_bytes(path: Path, display: str | None = None) -> tuple[bytes, str]:
    """A file's bytes and its text, after the size, binary and encoding checks every reader needs."""
    name = display or str(path)
    raw = read_regular(path, name, MAX_FILE_BYTES)
    if b"\x00" in raw:
        raise UserError.single("binary file (contains NUL bytes), not YAML", name, line=1)
    try:
        return raw, raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - raw.rfind(b"\n", 0, exc.start)
        bad = raw[exc.start : exc.start + 1].hex()
        raise UserError(
            [Problem(name, line, col, "", f"not UTF-8 text (byte 0x{bad}); save the file as UTF-8")]
        ) from None


def read_file(path: Path, display: str | None = None) -> Located:
    """Read and parse a YAML file with size and encoding checks."""
    name = display or str(path)
    return parse_text(read_bytes(path, name)[1], name)

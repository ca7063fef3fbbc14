"""Insert a new list item into a YAML file's text without touching a byte of the rest.

A round-trip dump re-emits the whole file and can shift blank lines and comments around; here the
existing text stays as it is and only new lines are added: before the item that must follow the new
one (above that item's own comment lines) or after the last item, with the same blank-line spacing
the list already uses. Positions come from PyYAML's node marks. Only block-style collections are
edited; an inline (flow) list or mapping in the way is reported instead of rewritten.
"""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from postrack.problems import UserError

Node = yaml.Node
STEP = 2
"""Indentation of new keys and list items where the file gives nothing to copy (the house layout)."""


def insert_item(text: str, file: str, path: tuple[str, ...], index: int, item: dict[str, Any]) -> str:
    """``text`` with ``item`` inserted at ``index`` of the list at mapping ``path``, creating keys as needed.

    The item is written in block style, or inline when the list's last item is inline, so that a
    list keeps one style; lists of plain values inside it are always inline (``[a, b]``).
    """
    lines = yaml_lines(text)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    parent = yaml.compose("".join(lines), Loader=yaml.SafeLoader)
    if not isinstance(parent, yaml.MappingNode) or parent.flow_style or not parent.value:
        raise UserError.single("expected a block mapping at the top of the file", file, line=1)
    for depth, key in enumerate(path):
        rest = path[depth + 1 :]
        found = _value(parent, key)
        if found is None:  # a new key after the mapping's last one, spaced like its siblings
            col = parent.value[0][0].start_mark.column
            at = _item_end(lines, parent.value[-1][1], col) + 1
            gap = (
                _blank_above(lines, _block_start(lines, parent.value[-1][0], col))
                if len(parent.value) > 1
                else 0
            )
            new = "\n" * gap + _header((key, *rest), col) + _render(item, col + STEP * (len(rest) + 1), False)
            return _join(lines, at, new)
        key_node, value = found
        if _is_empty(value):
            col = key_node.start_mark.column
            new = _header(rest, col + STEP) + _render(item, col + STEP * (len(rest) + 1), False)
            return _join(lines, key_node.start_mark.line + 1, new)
        _require_block(value, file, key)
        if not rest:
            return _join(lines, *_list_insert(lines, value, index, item, file, key))
        if not isinstance(value, yaml.MappingNode):
            raise UserError.single(f"{key!r} should be a mapping", file, line=value.start_mark.line + 1)
        parent = value
    raise UserError.single("nothing to insert into (empty path)", file)


def _header(keys: tuple[str, ...], col: int) -> str:
    return "".join(f"{' ' * (col + STEP * n)}{k}:\n" for n, k in enumerate(keys))


def _list_insert(
    lines: list[str], seq: Node, index: int, item: dict[str, Any], file: str, key: str
) -> tuple[int, str]:
    if not isinstance(seq, yaml.SequenceNode):
        raise UserError.single(f"{key!r} should be a list", file, line=seq.start_mark.line + 1)
    items = seq.value
    dash = _dash_col(lines, items[0])
    flow = isinstance(items[-1], yaml.MappingNode) and bool(items[-1].flow_style)
    if index < len(items):
        start = _block_start(lines, items[index], dash)
        gap = _blank_above(lines, start)
        return start, _render(item, dash, flow) + "\n" * gap
    end = _item_end(lines, items[-1], dash)
    gap = _blank_above(lines, _block_start(lines, items[-1], dash)) if len(items) > 1 else 0
    return end + 1, "\n" * gap + _render(item, dash, flow)


def _value(mapping: Node, key: str) -> tuple[Node, Node] | None:
    return next(((k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _is_empty(node: Node) -> bool:
    """``key:`` with nothing after it (a null written as nothing, not as ``~`` or ``null``)."""
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and not node.value


def _require_block(node: Node, file: str, key: str) -> None:
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.flow_style:
        raise UserError.single(
            f"{key!r} is written inline ([...] or {{...}}); write it as a block list to add to it",
            file,
            line=node.start_mark.line + 1,
        )


def _last_line(node: Node, lines: list[str]) -> int:
    """0-based line of the last character of ``node``'s content."""
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        return _last_line(last[1] if isinstance(last, tuple) else last, lines)
    end = node.end_mark
    line = end.line if end.column > 0 else end.line - 1
    while line > node.start_mark.line and not lines[line].strip():
        line -= 1
    return min(line, len(lines) - 1)


def _item_end(lines: list[str], node: Node, dash: int) -> int:
    """Last line of an item, with the comment lines indented under it that follow."""
    end = _last_line(node, lines)
    while end + 1 < len(lines) and _is_comment(lines[end + 1]) and _indent(lines[end + 1]) > dash:
        end += 1
    return end


def _dash_col(lines: list[str], node: Node) -> int:
    before = lines[node.start_mark.line][: node.start_mark.column].rstrip()
    return len(before) - 1 if before.endswith("-") else max(node.start_mark.column - STEP, 0)


def _block_start(lines: list[str], node: Node, col: int) -> int:
    """The line where an item begins, counting comment lines directly above it, no deeper than ``col``."""
    start = node.start_mark.line
    while start > 0 and _is_comment(lines[start - 1]) and _indent(lines[start - 1]) <= col:
        start -= 1
    return start


def _blank_above(lines: list[str], line: int) -> int:
    count = 0
    while line - count > 0 and not lines[line - count - 1].strip():
        count += 1
    return count


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_LINE = re.compile(r"[^\r\n\x85\u2028\u2029]*(?:\r\n|[\r\n\x85\u2028\u2029]|$)")


def yaml_lines(text: str) -> list[str]:
    """``text`` split into lines where YAML breaks them, ends kept, so line numbers agree with the node
    marks. ``str.splitlines`` also breaks at U+001C-U+001E, vertical tab and form feed, which YAML
    reads as ordinary characters: a value holding one would be cut in two."""
    return [line for line in _LINE.findall(text) if line]


def _join(lines: list[str], at: int, new: str) -> str:
    return "".join(lines[:at]) + new + "".join(lines[at:])


def _render(item: dict[str, Any], dash: int, flow: bool) -> str:
    """``item`` as one list entry with its dash at column ``dash``; option lists inline."""
    yaml_out = YAML()
    yaml_out.indent(mapping=STEP, sequence=2 * STEP, offset=STEP)
    yaml_out.width = 4096
    buffer = StringIO()
    yaml_out.dump([_styled(item, flow)], buffer)
    return "".join(" " * dash + line[STEP:] for line in yaml_lines(buffer.getvalue()))


def _styled(value: Any, flow: bool) -> Any:
    if isinstance(value, dict):
        out = CommentedMap((k, _styled(v, False)) for k, v in value.items())
        if flow:
            out.fa.set_flow_style()
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_styled(v, False) for v in value)
        if all(not isinstance(v, (dict, list)) for v in value):
            seq.fa.set_flow_style()
        return seq
    return value

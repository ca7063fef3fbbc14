"""The one JSON serialiser: every command's ``-f json`` goes through :func:`dumps`.

A result either says how it is shown (``to_dict()``, for the contracts that name their fields) or
is a frozen dataclass shown field by field (:func:`plain`). Control and bidi characters in data
are written as JSON ``\\u`` escapes (four hex digits): the JSON keeps the exact data, and no raw
control character reaches a terminal or a log that prints it.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields, is_dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def plain(value: Any) -> Any:
    """Dataclasses to dicts, tuples to lists, dates to ISO text: ready for ``json.dumps``."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, Path):
        return str(value)
    return value


def dumps(value: Any) -> str:
    """``value`` (a result with ``to_dict()``, a dataclass or plain data) as indented JSON."""
    data = value.to_dict() if hasattr(value, "to_dict") else plain(value)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

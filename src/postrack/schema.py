"""JSON Schema of every file kind, exported from the models so YAML editors can check as you type.

The exported files are committed under ``schema/`` and a test keeps them in sync with the models.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from postrack.model import IssueCatalogue, PartyFile
from postrack.scenarios.model import Scenario
from postrack.stability.schema import ModelFile
from postrack.tracker.timeline import Timeline

KINDS: dict[str, type[BaseModel]] = {
    "issues": IssueCatalogue,
    "party": PartyFile,
    "scenario": Scenario,
    "timeline": Timeline,
    "stability": ModelFile,
}


def schema(kind: str) -> dict[str, Any]:
    out = KINDS[kind].model_json_schema()
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["$id"] = f"https://positions.invalid/schema/{kind}.schema.json"
    return out


def schema_text(kind: str) -> str:
    return json.dumps(schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

"""JSON Schema of every file kind, exported from the models so YAML editors can check as you type.

The exported files are committed under ``schema/`` and a test keeps them in sync with the models.
Models are named by import path and loaded on demand, so listing the kinds costs nothing.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

from pydantic import BaseModel

KINDS: dict[str, str] = {
    "issues": "postrack.model:IssueCatalogue",
    "party": "postrack.model:PartyFile",
    "sources": "postrack.model:SourceRegistry",
    "manifest": "postrack.model:Manifest",
    "scenario": "postrack.model.scenario:Scenario",
    "timeline": "postrack.model.timeline:Timeline",
    "stability": "postrack.model.stability:ModelFile",
}


def model_for(kind: str) -> type[BaseModel]:
    module, name = KINDS[kind].split(":")
    model: type[BaseModel] = getattr(importlib.import_module(module), name)
    return model


def schema(kind: str) -> dict[str, Any]:
    out = model_for(kind).model_json_schema()
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["$id"] = f"https://positions.invalid/schema/{kind}.schema.json"
    return out


def schema_text(kind: str) -> str:
    return json.dumps(schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


_NAMED = {
    "manifest": "negotiation.yaml",
    "issues": "issues.yaml",
    "sources": "sources.yaml",
    "timeline": "timeline.yaml",
}


def editor_settings(data: str, schemas: str = "schema", scenarios: str = "scenarios") -> str:
    """VS Code settings (redhat.vscode-yaml) mapping each file of a workspace to its schema.

    ``data`` is the data folder relative to the editor's root ("." when the root is the workspace
    itself), ``schemas`` where ``positions schema -o`` wrote the schemas, ``scenarios`` the scenario
    folder; so the settings fit any folder name, not only the shipped ``positions/``.
    """

    def under(name: str) -> str:
        return name if data in ("", ".") else f"{data.rstrip('/')}/{name}"

    mapping: dict[str, object] = {f"./{schemas}/{k}.schema.json": under(n) for k, n in _NAMED.items()}
    mapping[f"./{schemas}/scenario.schema.json"] = f"{scenarios.rstrip('/')}/*.yaml"
    mapping[f"./{schemas}/stability.schema.json"] = f"{scenarios.rstrip('/')}/stability/*.yaml"
    mapping[f"./{schemas}/party.schema.json"] = [
        under("*.yaml"),
        *(f"!{under(n)}" for n in _NAMED.values()),
        f"!{under('.pre-commit-config.yaml')}",
    ]
    return json.dumps({"yaml.schemas": mapping}, indent=2, ensure_ascii=False) + "\n"

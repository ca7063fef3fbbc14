"""Scenarios: YAML what-ifs overlaid on the baseline record and compared with it."""

from postrack.model.scenario import Change, Scenario
from postrack.scenarios.apply import apply_scenario
from postrack.scenarios.load import load_with_scenarios, overlay, read_scenario

__all__ = ["Change", "Scenario", "apply_scenario", "load_with_scenarios", "overlay", "read_scenario"]

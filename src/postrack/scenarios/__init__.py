"""Scenarios: YAML what-ifs overlaid on the baseline record and compared with it."""

from postrack.scenarios.apply import apply_scenario
from postrack.scenarios.load import load_with_scenarios, overlay, read_scenario
from postrack.scenarios.model import Change, Scenario

__all__ = ["Change", "Scenario", "apply_scenario", "load_with_scenarios", "overlay", "read_scenario"]

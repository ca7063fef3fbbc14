"""Strategic stability analysis with the Graph Model for Conflict Resolution (GMCR).

Decision makers control yes/no options; states are combinations of options; every state is tested
for Nash, GMR, SMR and SEQ stability for every decision maker. Load a model with
:func:`load_model` (or build one from the positions data with :func:`build_model`) and run
:func:`analyse`.
"""

from postrack.stability.analysis import Analysis, analyse
from postrack.stability.bridge import Bridge, build_model
from postrack.stability.concepts import CONCEPTS, Stability, analyse_stability
from postrack.stability.game import Game
from postrack.stability.loading import load_model

__all__ = [
    "CONCEPTS",
    "Analysis",
    "Bridge",
    "Game",
    "Stability",
    "analyse",
    "analyse_stability",
    "build_model",
    "load_model",
]

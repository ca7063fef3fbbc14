"""positions: a sourced negotiation position tracker and scenario modeller.

The library is the product; the ``positions`` command line only presents its results.
"""

from postrack.compare import Comparison, compare
from postrack.loading import load_record
from postrack.problems import Problem, UserError
from postrack.record import Record
from postrack.scenarios import load_with_scenarios

__all__ = ["Comparison", "Problem", "Record", "UserError", "compare", "load_record", "load_with_scenarios"]

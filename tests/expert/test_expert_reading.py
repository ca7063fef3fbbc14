"""An expert reading of the fact sheet as a regression test.

tests/expert/reading.yaml holds, for three dates, every pair of Russia, Ukraine and the US and every
issue, the compare status an analyst expects from the fact sheet alone (written before compare was run).
The shipped data must give exactly that picture; every mismatch is reported at once, with its why.
"""

from datetime import date
from pathlib import Path

import yaml

from postrack.compare import compare
from postrack.loading import load_record
from postrack.paths import default_data_dir

READING = Path(__file__).parent / "reading.yaml"
PARTIES = ["russia", "ukraine", "us"]


def _reading() -> list[dict]:
    cells = yaml.safe_load(READING.read_text(encoding="utf-8"))
    for cell in cells:
        cell["date"] = date.fromisoformat(str(cell["date"]))
        cell["pair"] = tuple(sorted(cell["pair"]))
    return cells


def test_reading_is_complete() -> None:
    cells = _reading()
    record = load_record(default_data_dir())
    keys = {(c["date"], c["issue"], c["pair"]) for c in cells}
    assert len(keys) == len(cells), "duplicate cells in the reading"
    dates = {c["date"] for c in cells}
    pairs = {("russia", "ukraine"), ("russia", "us"), ("ukraine", "us")}
    assert keys == {(d, i, p) for d in dates for i in record.issues for p in pairs}
    assert {c["status"] for c in cells} <= {"overlap", "conditional", "incompatible", "unknown"}


def test_shipped_data_matches_the_expert_reading() -> None:
    cells = _reading()
    record = load_record(default_data_dir())
    actual: dict[tuple, tuple[str, str]] = {}
    for as_of in sorted({c["date"] for c in cells}):
        for issue in compare(record, PARTIES, as_of).issues:
            for pair in issue.pairs:
                actual[(as_of, issue.issue, tuple(pair.parties))] = (pair.status, pair.reason)
    mismatches = []
    for c in cells:
        got, reason = actual[(c["date"], c["issue"], c["pair"])]
        if got != c["status"]:
            mismatches.append(
                f"{c['date']} {c['issue']} {'x'.join(c['pair'])}: expected {c['status']}, compare says {got}"
                f" ({reason})\n    why: {c['why']}"
            )
    assert not mismatches, f"{len(mismatches)} of {len(cells)} cells differ:\n" + "\n".join(mismatches)

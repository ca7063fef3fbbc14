"""Recording a statement: in date order, comments kept, all-or-nothing, safe with concurrent writers."""

from __future__ import annotations

import difflib
import multiprocessing
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postrack.cli.app import app
from postrack.loading import load_record
from postrack.problems import UserError
from postrack.tracker import recording
from postrack.tracker.recording import NewSource, NewStatement, record_statement


def statement(**changes: object) -> NewStatement:
    base: dict[str, object] = {
        "party": "ukraine",
        "issue": "territory",
        "stance": "acceptable",
        "options": ("freeze_line",),
        "date": date(2025, 10, 1),
        "source": "pravda-2025-09-26",
        "summary": "Restates the freeze on the line.",
        "paraphrase": "stop at the line",
    }
    base.update(changes)
    return NewStatement(**base)  # type: ignore[arg-type]


def inserted_lines(before: str, after: str) -> list[str]:
    """The lines ``after`` adds to ``before``; fails if any existing line was changed or removed."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    ops = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    assert {op for op, *_ in ops} <= {"equal", "insert"}
    return [line for op, _, _, j1, j2 in ops if op == "insert" for line in new[j1:j2]]


def summaries(folder: Path, party: str, issue: str) -> list[str]:
    return [r.statement.summary for r in load_record(folder).statements(party, issue)]


def test_a_statement_lands_in_date_order_and_the_rest_of_the_file_is_untouched(tracker_copy: Path) -> None:
    before = (tracker_copy / "russia.yaml").read_text()
    done = record_statement(
        tracker_copy,
        statement(
            party="russia",
            issue="ceasefire",
            stance="red_line",
            options=("immediate",),
            date=date(2025, 9, 1),
            source="tass-2025-06-02",
            salience=9,
            confidence="high",
        ),
    )
    after = (tracker_copy / "russia.yaml").read_text()
    assert (done.index, done.count) == (2, 4)
    assert summaries(tracker_copy, "russia", "ceasefire")[2] == "Restates the freeze on the line."
    added = inserted_lines(before, after)
    assert "    - date: 2025-09-01\n" in added and "      salience: 9\n" in added
    assert "    # Peskov, December:" in after  # the next statement's comment stays above it
    assert after.index("Restates the freeze") < after.index("# Peskov, December:")
    assert after.splitlines()[done.line - 1].strip() == "- date: 2025-09-01"


def test_same_day_statements_keep_the_order_they_were_recorded_in(tracker_copy: Path) -> None:
    record_statement(tracker_copy, statement(date=date(2025, 9, 26), summary="second of the day"))
    assert summaries(tracker_copy, "ukraine", "territory")[1:3] == [
        "Would stop at the front line and recover land diplomatically.",
        "second of the day",
    ]


def test_the_first_statement_on_an_issue_creates_it(tracker_copy: Path) -> None:
    done = record_statement(
        tracker_copy,
        statement(
            party="us",
            issue="guarantees",
            date=date(2024, 12, 1),
            source="wire-2024-12-01",
            new_source=NewSource(outlet="Wire", date=date(2024, 12, 1), url="https://example.org/wire"),
            options=("european_force",),
        ),
    )
    assert (done.index, done.count) == (0, 3)
    added = record_statement(
        tracker_copy,
        statement(
            party="ukraine", issue="ceasefire", date=date(2026, 1, 1), options=("on_final_settlement",)
        ),
    )
    assert added.index == added.count - 1


def test_invalid_input_is_refused_with_file_and_line_and_nothing_is_written(tracker_copy: Path) -> None:
    path = tracker_copy / "ukraine.yaml"
    before = path.read_bytes()
    with pytest.raises(UserError) as caught:
        record_statement(tracker_copy, statement(options=("freez_line",), source="nowhere"))
    assert path.read_bytes() == before
    text = caught.value.summary()
    assert "refused: the statement would make the data invalid; nothing was written" in text
    assert (
        "ukraine.yaml:" in text
        and "positions.territory[2].acceptable[0]: unknown option 'freez_line'" in text
    )
    assert "positions.territory[2].sources[0].ref: unknown source 'nowhere'" in text
    assert [p.name for p in tracker_copy.iterdir() if p.name.startswith(".")] == []  # locks live elsewhere


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"salience": 11}, "salience: Input should be less than or equal to 10"),
        ({"summary": "  "}, "summary: String should have at least 1 character"),
        (
            {"corrects": "no_such_statement"},
            "corrects 'no_such_statement', which is not an earlier statement id",
        ),
        ({"issue": "territry"}, "unknown issue 'territry' (did you mean 'territory'?)"),
        ({"stance": "red_line", "options": ("full_restoration",)}, "both demand and red_line on 2025-10-01"),
    ],
)
def test_each_kind_of_bad_statement_is_refused(
    tracker_copy: Path, change: dict[str, object], message: str
) -> None:
    before = (tracker_copy / "ukraine.yaml").read_bytes()
    if change.get("stance") == "red_line":  # same option, same day, two stances
        record_statement(tracker_copy, statement(stance="demand", options=("full_restoration",)))
        before = (tracker_copy / "ukraine.yaml").read_bytes()
    with pytest.raises(UserError) as caught:
        record_statement(tracker_copy, statement(**change))
    assert message in caught.value.summary() or any(message in p.message for p in caught.value.problems)
    assert (tracker_copy / "ukraine.yaml").read_bytes() == before


def test_a_new_source_is_added_with_the_statement(tracker_copy: Path) -> None:
    new = NewSource(
        outlet="Kyiv Independent", date=date(2025, 10, 2), url="https://example.org/ki", title="Q&A"
    )
    done = record_statement(
        tracker_copy, statement(date=date(2025, 10, 2), source="ki-2025-10-02", new_source=new)
    )
    assert done.source_added
    source = load_record(tracker_copy).source("ki-2025-10-02")
    assert source is not None and (source.outlet, source.url, source.title) == (
        "Kyiv Independent",
        new.url,
        "Q&A",
    )
    with pytest.raises(UserError, match="already exists"):
        record_statement(
            tracker_copy, statement(date=date(2025, 10, 2), source="ki-2025-10-02", new_source=new)
        )


def test_a_source_published_after_the_statement_is_refused(tracker_copy: Path) -> None:
    """--as-of means "what was on record then": a statement cannot cite a report that came later."""
    before = (tracker_copy / "ukraine.yaml").read_bytes()
    with pytest.raises(UserError) as caught:
        record_statement(tracker_copy, statement(source="zee-2025-10-21"))
    assert [p.message for p in caught.value.problems][1:] == [
        "source 'zee-2025-10-21' is dated 2025-10-21, after the statement (2025-10-01), so it was not on"
        " record then: date the statement when it was first reported (keep the day it was said in"
        " `said:`), or cite a source from that day"
    ]
    assert (tracker_copy / "ukraine.yaml").read_bytes() == before


def test_a_statement_reported_later_keeps_the_day_it_was_said(tracker_copy: Path) -> None:
    record_statement(
        tracker_copy, statement(date=date(2025, 10, 21), said=date(2025, 10, 1), source="zee-2025-10-21")
    )
    refs = load_record(tracker_copy).statements("ukraine", "territory")
    last = next(r.statement for r in refs if r.statement.date == date(2025, 10, 21))
    assert (last.date, last.said) == (date(2025, 10, 21), date(2025, 10, 1))


def test_a_correction_is_recorded_as_a_correction(tracker_copy: Path) -> None:
    record_statement(tracker_copy, statement(statement_id="freeze_again"))
    record_statement(
        tracker_copy,
        statement(
            date=date(2025, 10, 5),
            corrects="freeze_again",
            stance="red_line",
            options=("demilitarised_zone",),
            summary="Correction: no zone after all.",
        ),
    )
    last = list(load_record(tracker_copy).statements("ukraine", "territory"))[3].statement
    assert (last.corrects, last.red_line) == ("freeze_again", ["demilitarised_zone"])


def test_an_edit_landing_while_we_validate_is_kept(
    tracker_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor that takes no lock changes the file between our read and our write: we start again."""
    path = tracker_copy / "ukraine.yaml"
    real = recording._validated
    calls: list[int] = []

    def meddling(*args: object) -> object:
        if not calls:
            path.write_text(path.read_text() + "# added by hand meanwhile\n")
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(recording, "_validated", meddling)
    record_statement(tracker_copy, statement())
    text = path.read_text()
    assert len(calls) == 2
    assert "# added by hand meanwhile" in text and "Restates the freeze on the line." in text


def _writer(job: tuple[str, int]) -> None:
    folder, worker = job
    for n in range(3):
        day = date(2025, 6, 1) + timedelta(days=(worker * 7 + n * 3) % 40)
        record_statement(
            Path(folder),
            statement(date=day, source="liga-2025-06-01", summary=f"writer {worker} statement {n}"),
        )


def test_concurrent_writers_lose_nothing(tracker_copy: Path) -> None:
    with multiprocessing.get_context("fork").Pool(4) as pool:
        pool.map(_writer, [(str(tracker_copy), w) for w in range(4)])
    refs = list(load_record(tracker_copy).statements("ukraine", "territory"))
    written = {r.statement.summary for r in refs if r.statement.summary.startswith("writer")}
    assert written == {f"writer {w} statement {n}" for w in range(4) for n in range(3)}
    assert [r.date for r in refs] == sorted(r.date for r in refs)


runner = CliRunner()


def test_the_record_command_reports_where_the_statement_landed(tracker_copy: Path) -> None:
    result = runner.invoke(
        app,
        [
            "record",
            "ukraine",
            "territory",
            "--stance",
            "acceptable",
            "--option",
            "freeze_line",
            "--option",
            "demilitarised_zone",
            "--date",
            "2025-10-01",
            "--source",
            "new-2025-10-01",
            "--paraphrase",
            "both",
            "--summary",
            "Two options.",
            "--new-source-outlet",
            "Post",
            "--new-source-date",
            "2025-10-01",
            "--data",
            str(tracker_copy),
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("recorded ukraine on territory, 2025-10-01, at ")
    assert "(statement 3 of 5) (with a new source)" in result.stdout
    position = load_record(tracker_copy).position("ukraine", "territory", date(2025, 10, 1))
    assert position is not None and position.stance("demilitarised_zone") == "acceptable"


def test_the_record_command_refuses_cleanly(tracker_copy: Path) -> None:
    result = runner.invoke(
        app,
        [
            "record",
            "ukraine",
            "territory",
            "--stance",
            "acceptable",
            "--option",
            "nope",
            "--date",
            "2025-10-01",
            "--source",
            "pravda-2025-09-26",
            "--summary",
            "x",
            "--data",
            str(tracker_copy),
        ],
    )
    assert result.exit_code == 1
    assert "unknown option 'nope'" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
    bad_date = runner.invoke(
        app,
        [
            "record",
            "ukraine",
            "territory",
            "--stance",
            "acceptable",
            "--option",
            "freeze_line",
            "--date",
            "1 Oct",
            "--source",
            "s",
            "--summary",
            "x",
            "--data",
            str(tracker_copy),
        ],
    )
    assert bad_date.exit_code == 2 and "--date: '1 Oct' is not a date" in bad_date.stderr
    unknown = runner.invoke(
        app,
        [
            "record",
            "narnia",
            "territory",
            "--stance",
            "acceptable",
            "--option",
            "freeze_line",
            "--date",
            "2025-10-01",
            "--source",
            "s",
            "--summary",
            "x",
            "--data",
            str(tracker_copy),
        ],
    )
    assert unknown.exit_code == 1 and "no file for party 'narnia'" in unknown.stderr


def test_a_statement_can_add_and_drop_a_condition_withdraw_and_reset(tracker_copy: Path) -> None:
    condition = {
        "id": "zone_needs_us",
        "when": ["demilitarised_zone"],
        "requires": [{"issue": "guarantees", "options": ["article5_like"]}],
        "otherwise": "unstated",
    }
    record_statement(
        tracker_copy,
        statement(
            stance="acceptable", options=("demilitarised_zone",), condition=condition, date=date(2026, 3, 1)
        ),
    )
    position = load_record(tracker_copy).position("ukraine", "territory", date(2026, 3, 1))
    assert position is not None and "zone_needs_us" in position.conditions
    record_statement(
        tracker_copy,
        statement(
            stance=None,
            options=(),
            drop_conditions=("zone_needs_us",),
            withdrawn=("freeze_line",),
            date=date(2026, 3, 2),
        ),
    )
    position = load_record(tracker_copy).position("ukraine", "territory", date(2026, 3, 2))
    assert position is not None and "zone_needs_us" not in position.conditions
    assert position.stance("freeze_line") is None
    record_statement(
        tracker_copy,
        statement(stance="demand", options=("full_restoration",), reset=True, date=date(2026, 3, 3)),
    )
    position = load_record(tracker_copy).position("ukraine", "territory", date(2026, 3, 3))
    assert position is not None and dict(position.stances).keys() == {"full_restoration"}
    assert position.conditions == {}


def test_the_record_command_refuses_a_statement_that_says_nothing(tracker_copy: Path) -> None:
    args = ["record", "ukraine", "territory", "--date", "2026-03-01", "--source", "pravda-2025-09-26"]
    result = CliRunner().invoke(app, [*args, "--summary", "Nothing.", "--data", str(tracker_copy)])
    assert result.exit_code == 1 and "say what the statement does" in result.stderr
    bad = CliRunner().invoke(
        app,
        [
            *args,
            "--summary",
            "x",
            "--option",
            "freeze_line",
            "--condition",
            "c",
            "--requires",
            "guarantees",
            "--otherwise",
            "red_line",
            "--data",
            str(tracker_copy),
        ],
    )
    assert bad.exit_code == 2 and "write ISSUE=OPTION[,OPTION]" in bad.stderr

"""Generators for the cases the first fuzzer missed (issue 14), and the runs that check them.

- explicit tags with random scalars (``salience: !!int ""``);
- control and format characters (C0, C1, NEL, bidi, zero-width, line separators) in every text
  field of every file kind, both escaped and raw, and in every text option of ``record``;
- special files and symlinks as inputs (devices, FIFOs, loops, folders) and as ``-o`` targets;
- large repeated fields (a long title cited by every statement, an anchored paragraph aliased).

Each case runs the reading commands plus ``history``/``diff`` in Markdown and JSON; the outcome is
classified as in :mod:`fuzz.harness` (exit 3 or a traceback is a crash). ``record`` cases also
check that what exit 0 wrote reads back exactly as given, and ``-o`` cases that the target was
not replaced (a link stays a link, a device a device).
"""

from __future__ import annotations

import json
import os
import random
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from fuzz.harness import SMALL, Tally, classify, commands
from postrack.cli.app import app
from postrack.loading import load_record

TAGS = ["!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!str", "!!binary", "!!set", "!!omap"]
SCALARS = ['""', "maybe", "nonsense", "0x1G", "1e999", ".nan", "2025-02-30", "-0", "~", "' '", "1_000", "0o9"]
ODD = (
    [chr(c) for c in range(0x20)]
    + ["\x7f", "\x85", "\x9b", "\x9d", "\u200b", "\u200d", "\u200e", "\u202e", "\u2066", "\u2028", "\u2029"]
    + ["\ufeff", "\ufffe", "\u00ad", "\u061c", "\U000e0041"]
)
TEXT_FIELD = re.compile(
    r"^(\s*-?\s*)(summary|title|outlet|quote|paraphrase|label|name|description|note|url|scale|role"
    r"|classification|rationale):\s.*$",
    re.M,
)
RECORD_TEXT = ["--summary", "--quote", "--paraphrase", "--new-source-title", "--new-source-url"]


def reports(data: str) -> list[list[str]]:
    """The commands each case runs: the harness's, plus history and diff in every text format."""
    out = commands(data)
    for fmt in ("md", "json"):
        out.append(["history", "north", "--data", data, "-f", fmt, "--as-of", "2025-06-10"])
        out.append(["diff", "--data", data, "-f", fmt, "--from", "2025-05-01", "--to", "2025-06-10"])
    return out


def odd_text(rnd: random.Random) -> str:
    chars = [rnd.choice(ODD) if rnd.random() < 0.5 else rnd.choice("ab ×Ї") for _ in range(rnd.randint(1, 8))]
    return "".join(chars)


def with_odd_text(text: str, rnd: random.Random) -> str:
    """Every text field's value replaced by odd characters: JSON-escaped (a valid YAML double-quoted
    string), or raw, which YAML may reject (a clean rejection is fine)."""

    def replace(match: re.Match[str]) -> str:
        value = odd_text(rnd)
        written = json.dumps(value) if rnd.random() < 0.7 else value
        return f"{match.group(1)}{match.group(2)}: {written}"

    return TEXT_FIELD.sub(replace, text)


def with_tag(text: str, rnd: random.Random) -> str:
    """One scalar value given an explicit tag and a random scalar."""
    lines = text.splitlines(keepends=True)
    values = [i for i, ln in enumerate(lines) if re.match(r"^\s*-?\s*[a-z_]+: [^\[{\s]", ln)]
    if not values:
        return text
    i = rnd.choice(values)
    lines[i] = re.sub(r": .*", f": {rnd.choice(TAGS)} {rnd.choice(SCALARS)}", lines[i], count=1)
    return "".join(lines)


def amplified(text: str, rnd: random.Random) -> str:
    """A long source title (around the text limit) cited by copies of a statement, or an anchored
    paragraph aliased many times."""
    if rnd.random() < 0.5:
        length = rnd.choice([9_999, 10_000, 10_001, 50_000])
        return re.sub(r'title: "North memo"', f'title: "{"t" * length}"', text)
    paragraph = "word " * rnd.choice([100, 1999, 2001])
    aliases = rnd.choice([10, 1_000, 5_000])
    return text + "notes:\n  - &p " + json.dumps(paragraph) + "\n" + "  - *p\n" * aliases


def special(folder: Path, rnd: random.Random) -> str:
    """Turn one input into a special file; returns what was done, for the report."""
    name = rnd.choice(["north.yaml", "issues.yaml", "sources.yaml", "west.yaml"])
    path = folder / name
    path.unlink(missing_ok=True)
    kind = rnd.choice(["zero", "urandom", "null", "fifo", "loop", "folder", "dangling"])
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "loop":
        path.symlink_to(name)
    elif kind == "dangling":
        path.symlink_to("nowhere.yaml")
    else:
        path.symlink_to(f"/dev/{kind}")
    return f"{name} as {kind}"


def output_target(work: Path, rnd: random.Random) -> tuple[str, Callable[[], bool]]:
    """An ``-o`` target and a check that it was not replaced (a link stays a link, a device a device)."""
    kind = rnd.choice(["null", "full", "stdout", "link", "dangling", "loop", "slash", "folder"])
    if kind in ("null", "full", "stdout"):
        device = f"/dev/{kind}"
        before = os.lstat(device)
        return (
            device,
            lambda: (os.lstat(device).st_mode, os.lstat(device).st_ino) == (before.st_mode, before.st_ino),
        )
    link = work / "memo.md"
    if kind == "link":
        (work / "real.md").write_text("old")
        link.symlink_to("real.md")
    elif kind == "dangling":
        link.symlink_to("made.md")
    elif kind == "loop":
        link.symlink_to("memo.md")
    elif kind == "folder":
        link.mkdir()
        return str(link), link.is_dir
    else:
        return f"{link}/", lambda: not link.exists()
    return str(link), link.is_symlink


def _invoke(runner: CliRunner, args: list[str], tally: Tally, label: str) -> tuple[str, str]:
    tally.runs += 1
    result = runner.invoke(app, args)
    outcome = classify(args, result.exit_code, result.stdout, result.stderr, result.exception)
    if result.exit_code == 1 and _clean(result.stderr):
        outcome = "rejected"  # a refusal naming the file without a line (a device, a dangling link)
    if result.exit_code == 3 or "Traceback" in (result.stderr or ""):
        outcome = "crash"
    tally.outcomes[outcome] += 1
    if outcome == "crash" and len(tally.crashes) < 20:
        tally.crashes.append(
            f"{label}: {' '.join(args[:2])}: exit {result.exit_code}: {result.stderr[-400:]}"
        )
    return outcome, result.stdout


def _clean(stderr: str) -> bool:
    """Every line names a file (``path: message``) or says ``error:``: no stray continuation lines."""
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    return bool(lines) and all(
        re.match(r"^(\S+: |\S+:\d+:\d+: |error: |note: |warning|\d+ errors$)", ln) for ln in lines
    )


def _folder(tmp: Path) -> Path:
    data = tmp / "data"
    data.mkdir()
    for path in SMALL.iterdir():
        (data / path.name).write_bytes(path.read_bytes())
    return data


def _record_case(data: Path, rnd: random.Random, runner: CliRunner, tally: Tally) -> None:
    """``record`` with odd text: refused cleanly, or written so that it reads back exactly."""
    option = rnd.choice(RECORD_TEXT)
    value = odd_text(rnd).strip() or "x"
    args = ["record", "north", "prisoners", "--stance", "demand", "--option", "all_for_all"]
    args += (
        ["--date", "2025-06-20", "--summary", "Plain."] if option != "--summary" else ["--date", "2025-06-20"]
    )
    args += [option, value, "--data", str(data)]
    if option.startswith("--new-source"):
        args += ["--source", "fresh-1", "--new-source-outlet", "Wire"]
    else:
        args += ["--source", "wire-2025-06-02"]
    outcome, _ = _invoke(runner, args, tally, f"record {option} {value!r}")
    if outcome != "ok":
        return
    record = load_record(data)
    landed = list(record.statements("north", "prisoners"))[-1].statement
    source = record.sources.get("fresh-1")
    read_back = {
        "--summary": landed.summary,
        "--quote": landed.sources[0].quote,
        "--paraphrase": landed.sources[0].paraphrase,
        "--new-source-title": source.title if source else None,
        "--new-source-url": source.url if source else None,
    }[option]
    if read_back != value:
        tally.outcomes["crash"] += 1
        tally.crashes.append(f"record {option}: gave {value!r}, read back {read_back!r}")


def hostile_case(n: int, rnd: random.Random, runner: CliRunner, tally: Tally) -> None:
    """One document of one of the hostile kinds, thrown at every reading command."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = _folder(work)
        kind = n % 5
        label = "?"
        if kind in (0, 1, 2):
            name = rnd.choice(sorted(p.name for p in data.iterdir()))
            text = (data / name).read_text(encoding="utf-8")
            edit = [with_tag, with_odd_text, amplified][kind]
            if edit is amplified:
                name, text = "sources.yaml", (data / "sources.yaml").read_text(encoding="utf-8")
            (data / name).write_text(edit(text, rnd), encoding="utf-8", errors="surrogatepass")
            label = f"{edit.__name__} {name}"
        elif kind == 3:
            label = special(data, rnd)
        else:
            if rnd.random() < 0.5:
                _record_case(data, rnd, runner, tally)
                return
            target, intact = output_target(work, rnd)
            _invoke(
                runner, ["brief", "--data", str(data), "--as-of", "2025-06-10", "-o", target], tally, target
            )
            if not intact():
                tally.outcomes["crash"] += 1
                tally.crashes.append(f"-o {target}: the target was replaced or made")
            return
        for args in reports(str(data)):
            _invoke(runner, args, tally, label)


def fuzz_hostile(cases: int, seed: int = 0, progress: Callable[[int, Tally], None] | None = None) -> Tally:
    rnd = random.Random(seed)
    runner = CliRunner()
    tally = Tally()
    for n in range(cases):
        hostile_case(n, rnd, runner, tally)
        if progress is not None:
            progress(n + 1, tally)
    return tally

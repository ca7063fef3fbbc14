"""Fuzzing the command line with generated documents and mutations of the shipped files.

Each case lays a data folder (the shipped data or the small fixture set) with one file replaced by
a generated or mutated document, then runs validate, compare, zones and brief on it in-process.
An outcome is *ok* (exit 0, JSON parses), *rejected* (exit 1, every message line located as
``file:line:col``) or a *crash* (anything else: exit 2 or 3, an exception, invalid JSON, an
unlocated message). The target is zero crashes.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from typer.testing import CliRunner

from postrack.cli.app import COMMANDS, app
from postrack.paths import default_data_dir

SMALL = Path(__file__).parents[1] / "data" / "small"
LOCATED = re.compile(r"^[^\s:][^:]*\.ya?ml:\d+:\d+: |^\d+ errors?$|^[^\s:][^:]*\.ya?ml: (missing|refused)")
IDS = [
    "russia",
    "ukraine",
    "us",
    "immediate",
    "halted",
    "territory",
    "nato",
    "red_line",
    "demand",
    "2025-05-16",
]


def commands(data: str) -> list[list[str]]:
    """The commands every case is thrown at (those the app has)."""
    names = set(COMMANDS)
    wanted = [
        ["validate", data],
        ["compare", "--data", data, "-f", "json", "--as-of", "2025-06-02"],
        ["zones", "--data", data, "-f", "json", "--as-of", "2025-06-02"],
        ["brief", "--data", data, "-f", "md", "--as-of", "2025-06-02"],
    ]
    return [c for c in wanted if c[0] in names]


@dataclass
class Tally:
    runs: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.runs} runs: {self.outcomes['ok']} ok, {self.outcomes['rejected']} rejected cleanly,"
            f" {self.outcomes['crash']} crashed"
        )


def classify(args: list[str], exit_code: int, stdout: str, stderr: str, exc: BaseException | None) -> str:
    if exc is not None and not isinstance(exc, SystemExit):
        return "crash"
    if exit_code == 0:
        if "-f" in args and args[args.index("-f") + 1] == "json":
            try:
                json.loads(stdout)
            except ValueError:
                return "crash"
        return "ok"
    if exit_code == 1:
        lines = [ln for ln in stderr.splitlines() if ln.strip()]
        if lines and all(LOCATED.match(ln) or ln.startswith(("error: ", "warning")) for ln in lines):
            return "rejected"
    return "crash"


def mutate(text: str, rnd: random.Random) -> str:
    """One random edit of the kind people and scripts make: cut, duplicate, swap, retype, corrupt."""
    lines = text.splitlines(keepends=True)
    kind = rnd.randrange(8)
    i = rnd.randrange(len(lines)) if lines else 0
    if kind == 0 and lines:
        del lines[i]
    elif kind == 1 and lines:
        lines.insert(i, lines[rnd.randrange(len(lines))])
    elif kind == 2 and lines:
        lines[i] = re.sub(r"\b[a-z_]+\b", lambda _m: rnd.choice(IDS), lines[i], count=1)
    elif kind == 3 and lines:
        lines[i] = re.sub(
            r": .*",
            ": " + rnd.choice(["[]", "{}", "7", "null", "'x'", "2025-13-45", "&a x", "*a"]),
            lines[i],
            count=1,
        )
    elif kind == 4 and lines:
        lines[i] = " " * rnd.randrange(6) + lines[i].lstrip()
    elif kind == 5:
        cut = rnd.randrange(len(text) + 1)
        return text[:cut]
    elif kind == 6:
        at = rnd.randrange(len(text) + 1)
        junk = rnd.choice(
            ["\x00", "\ufeff", "\t", "!!python/name:os.system ", "<<: *x\n", "\u0456", ":", "- ", '"']
        )
        return text[:at] + junk + text[at:]
    else:
        lines = lines[::-1] if rnd.random() < 0.1 else lines
    return "".join(lines)


def generated(rnd: random.Random, depth: int = 0) -> object:
    """A random YAML-able value biased towards the shape and ids of a party file."""
    roll = rnd.random()
    if depth > 3 or roll < 0.35:
        return rnd.choice([None, True, 3, -1, 2.5, "", "x", *IDS])
    if roll < 0.6:
        return [generated(rnd, depth + 1) for _ in range(rnd.randrange(4))]
    keys = [
        "party",
        "sources",
        "positions",
        "id",
        "name",
        "role",
        "date",
        "summary",
        "demand",
        "red_line",
        "conditions",
        "when",
        "requires",
        "issue",
        "options",
        "ref",
        "salience",
        "ceasefire",
    ]
    return {rnd.choice(keys): generated(rnd, depth + 1) for _ in range(rnd.randrange(5))}


def run_case(base: Path, name: str, content: str | bytes, tally: Tally, runner: CliRunner) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(base, data, ignore=shutil.ignore_patterns("timeline.yaml"))
        target = data / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", errors="surrogatepass")
        for args in commands(str(data)):
            tally.runs += 1
            result = runner.invoke(app, args)
            outcome = classify(args, result.exit_code, result.stdout, result.stderr, result.exception)
            tally.outcomes[outcome] += 1
            if outcome == "crash" and len(tally.crashes) < 20:
                tally.crashes.append(
                    f"{' '.join(args[:1])} on {name}: exit {result.exit_code}: "
                    f"{(result.stderr or repr(result.exception))[-400:]}"
                )


def fuzz(cases: int, seed: int = 0, progress: Callable[[int, Tally], None] | None = None) -> Tally:
    """Run ``cases`` documents: half mutate shipped files, a quarter fixtures, a quarter are generated."""
    rnd = random.Random(seed)
    runner = CliRunner()
    tally = Tally()
    shipped = default_data_dir()
    sources = {
        p: p.read_text(encoding="utf-8") for p in sorted(shipped.glob("*.yaml")) if p.name != "timeline.yaml"
    }
    small = {p: p.read_text(encoding="utf-8") for p in sorted(SMALL.glob("*.yaml"))}
    for n in range(cases):
        roll = n % 4
        if roll in (0, 1):
            path = rnd.choice(list(sources))
            text = sources[path]
            for _ in range(rnd.randrange(1, 4)):
                text = mutate(text, rnd)
            run_case(shipped, path.name, text, tally, runner)
        elif roll == 2:
            path = rnd.choice(list(small))
            run_case(SMALL, path.name, mutate(small[path], rnd), tally, runner)
        else:
            doc = generated(rnd)
            run_case(SMALL, rnd.choice(["north.yaml", "issues.yaml"]), yaml.safe_dump(doc), tally, runner)
        if progress is not None:
            progress(n + 1, tally)
    return tally

#!/usr/bin/env python3
"""Benchmark ccmlint: measure, print a table (or JSON), compare with the targets.

    python bench/run.py [--sample PATH] [--runs N] [--quick] [--json] [--profile]

Standard library only. It is not part of the test suite: it measures, it does not
assert. Every wall time is the median of N runs (after one warm-up run that is not
counted), taken with ``time.perf_counter`` around ``subprocess.run``.

What it measures (bench/README.md explains each figure):

- the whole ``ccmlint`` process on the sample report, on a 10x version of it, and on
  a generated corpus of 100 reports (one process, 100 file arguments);
- the start-up floor: ``python -c pass``, ``ccmlint --help`` and importing the
  stack (lark, regex, pydantic), which a warm run no longer imports;
- in-process lint throughput in MB/s (one ``Linter``, all bundled rules, the corpus
  linted file by file), and the 1x -> 10x in-process scaling ratio;
- import cost (``python -X importtime -m ccmlint SAMPLE``): top 10 cumulative and
  self time by top-level package;
- peak memory (``ru_maxrss`` of a child run, via ``RUSAGE_CHILDREN`` in a fresh
  wrapper process so that each figure is its own);
- ``--jobs`` scaling when ``ccmlint --help`` offers ``--jobs`` ("n/a" otherwise);
- ``proselint check`` on the same sample, when ``proselint`` is installed.

``--profile`` adds where the in-process time goes: a per-stage breakdown (the
parse and tree building, each fact extractor, ``Facts`` construction, each
rule) and cProfile's top functions, over linting the sample 20 times.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
CORPUS_SIZE = 100
SCALE = 10
PROFILE_ITERATIONS = 20

# Targets (issue: "benchmark script"): (key, description, comparison, goal).
TARGETS = (
    ("vs_proselint", "whole process on the sample / `proselint check` on it", "<=", 0.5),
    ("throughput", "in-process throughput, all rules (MB/s)", ">=", 4.0),
    ("scaling_10x", "10x input time / 1x input time (in-process)", "<=", 11.0),
    ("jobs2_vs_serial", "100 files with --jobs 2 / serial", "<=", 0.60),
)

MONTHS = (
    "January February March April May June July August September October November December"
).split()
CHAPTER_HEADING = re.compile(r"^(?:\[bookmark:[^\]]*\])*[ \t]*[IVXLC]+\.\t")
FOOTNOTE_NUMBER = re.compile(r"\[(?:(footnote|endnote)Ref:[ \t]*)?(\d{1,6})(\]|:)")
YEAR = re.compile(r"(?<!\d)(20[0-4]\d)(?!\d)")
DAY_RANGE = re.compile(
    r"(?<![\d/])(\d{1,2})((?:\s*(?:–|-|to|and|,)\s*\d{1,2})*)(\s+(?:" + "|".join(MONTHS) + r"))"
)


def log(message: str) -> None:
    sys.stderr.write(f"[bench] {message}\n")
    sys.stderr.flush()


# --------------------------------------------------------------------- inputs


def default_sample() -> Path:
    shared = sorted((REPO.parent / "shared" / "corpus").glob("*.txt"))
    return shared[0] if shared else REPO / "examples" / "clean-report.txt"


def example_reports() -> list[Path]:
    return sorted(p for p in (REPO / "examples").glob("*.txt") if p.is_file())


def state_names() -> list[str]:
    """Official short names from the generic pack's data (parsed with a regex: stdlib only)."""
    path = REPO / "rules" / "generic" / "data" / "states.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    names = re.findall(r'^\s*-\s*name:\s*"([^"]+)"', text, flags=re.MULTILINE)
    # Only names that neither contain nor are contained in another name ("Niger" /
    # "Nigeria", "Sudan" / "South Sudan"), so a whole-word swap cannot split one.
    return [n for n in names if not any(n != m and (n in m or m in n) for m in names)]


def split_report(text: str) -> tuple[list[str], list[list[str]]]:
    """The lines before the first chapter heading, and the chapters (heading + body lines)."""
    lines = text.split("\n")
    header: list[str] = []
    chapters: list[list[str]] = []
    for line in lines:
        if CHAPTER_HEADING.match(line):
            chapters.append([line])
        elif chapters:
            chapters[-1].append(line)
        else:
            header.append(line)
    return header, chapters


def max_footnote(text: str) -> int:
    return max((int(m.group(2)) for m in FOOTNOTE_NUMBER.finditer(text)), default=0)


def renumber_footnotes(text: str, offset: int) -> str:
    """Shift every footnote number (references and texts) so that a copy stays unique."""
    if offset == 0:
        return text

    def shift(m: re.Match[str]) -> str:
        prefix = f"[{m.group(1)}Ref:" if m.group(1) else "["
        return f"{prefix}{int(m.group(2)) + offset}{m.group(3)}"

    return FOOTNOTE_NUMBER.sub(shift, text)


def repeat_chapters(text: str, times: int) -> str:
    """The report with its chapters repeated ``times`` times (footnotes renumbered), header once."""
    header, chapters = split_report(text)
    if not chapters:
        return "\n".join([text] * times)
    body = "\n".join("\n".join(chapter) for chapter in chapters)
    numbers = [int(m.group(2)) for m in FOOTNOTE_NUMBER.finditer(body)]
    step = max(numbers) - min(numbers) + 1 if numbers else 0  # copy k continues where copy k-1 ended
    copies = [renumber_footnotes(body, k * step) for k in range(times)]
    joined = "\n".join(header + copies)
    return joined if joined.endswith("\n") else joined + "\n"


def vary(text: str, rng: random.Random, names: list[str]) -> str:
    """One varied report: States renamed, dates shifted, paragraphs reordered, a chapter duplicated."""
    # Rename 1-4 States present in the text to official names absent from it, consistently.
    present = [n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)]
    absent = [n for n in names if n not in text]
    rng.shuffle(present)
    rng.shuffle(absent)
    for old, new in list(zip(present, absent))[: rng.randint(1, 4)]:
        text = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text)
    # Shift every year by the same amount, and day numbers before a month name.
    years = rng.randint(-2, 3)
    if years:
        text = YEAR.sub(lambda m: str(int(m.group(1)) + years), text)
    days = rng.choice((-1, 0, 1))
    if days:

        def shift_days(m: re.Match[str]) -> str:
            numbers = re.sub(r"\d{1,2}", lambda d: str(min(28, max(1, int(d.group()) + days))), m.group(1) + m.group(2))
            return numbers + m.group(3)

        text = DAY_RANGE.sub(shift_days, text)
    header, chapters = split_report(text)
    if chapters:
        # Swap 1-3 pairs of adjacent body paragraphs (no footnote markers) within a chapter.
        for _ in range(rng.randint(1, 3)):
            chapter = rng.choice(chapters)
            candidates = [
                i for i in range(1, len(chapter) - 1)
                if chapter[i].strip() and chapter[i + 1].strip()
                and "[" not in chapter[i] and "[" not in chapter[i + 1]
            ]
            if candidates:
                i = rng.choice(candidates)
                chapter[i], chapter[i + 1] = chapter[i + 1], chapter[i]
        # Duplicate one chapter in about a third of the reports (footnotes renumbered).
        if rng.random() < 0.35:
            index = rng.randrange(len(chapters))
            copy = renumber_footnotes("\n".join(chapters[index]), max_footnote(text)).split("\n")
            chapters.insert(index + 1, copy)
        text = "\n".join(header + [line for chapter in chapters for line in chapter])
    return text


def generate_corpus(directory: Path, bases: list[Path], count: int = CORPUS_SIZE) -> list[Path]:
    names = state_names()
    texts = [p.read_text(encoding="utf-8-sig") for p in bases]
    seen: set[str] = set()
    paths: list[Path] = []
    for i in range(count):
        rng = random.Random(i)
        text = vary(texts[i % len(texts)], rng, names)
        while text in seen:  # make every file differ
            text = vary(text, rng, names)
        seen.add(text)
        path = directory / f"report-{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# -------------------------------------------------------------------- process


def ccmlint_command() -> list[str]:
    beside = Path(sys.executable).parent / "ccmlint"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("ccmlint")
    return [found] if found else [sys.executable, "-m", "ccmlint"]


def proselint_command() -> list[str] | None:
    found = shutil.which("proselint")
    if found:
        return [found]
    beside = Path(sys.executable).parent / "proselint"
    return [str(beside)] if beside.exists() else None


def run_once(command: list[str]) -> tuple[subprocess.CompletedProcess[bytes], float, float]:
    """One run: the finished process, its wall time and its CPU time (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done, wall, cpu


def summary(walls: list[float], cpus: list[float], runs: int) -> dict[str, Any]:
    return {"median_s": statistics.median(walls), "min_s": min(walls),
            "cpu_median_s": statistics.median(cpus), "runs": runs}


def time_process(command: list[str], runs: int, ok_codes: tuple[int, ...] = (0, 1)) -> dict[str, Any]:
    """Median wall time of ``command`` over ``runs`` runs, after one uncounted warm-up."""
    walls: list[float] = []
    cpus: list[float] = []
    for attempt in range(runs + 1):
        done, wall, cpu = run_once(command)
        if done.returncode not in ok_codes:
            return {"error": f"exit {done.returncode}: {done.stderr.decode(errors='replace').strip()[-300:]}"}
        if attempt:
            walls.append(wall)
            cpus.append(cpu)
    return summary(walls, cpus, runs)


def time_interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, dict[str, Any]]:
    """Like ``time_process`` for several commands, run round-robin so that drifting
    background load (a shared machine) hits each of them alike; used for ratios."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    failed: dict[str, dict[str, Any]] = {}
    for attempt in range(runs + 1):
        for name, command in commands.items():
            if name in failed:
                continue
            done, wall, cpu = run_once(command)
            if done.returncode not in (0, 1):
                failed[name] = {"error": f"exit {done.returncode}: {done.stderr.decode(errors='replace').strip()[-300:]}"}
            elif attempt:
                walls[name].append(wall)
                cpus[name].append(cpu)
    return {name: failed.get(name) or summary(walls[name], cpus[name], runs) for name in commands}


PEAK_WRAPPER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_memory_mib(command: list[str]) -> float | None:
    """ru_maxrss of one child run, measured in a fresh wrapper so no other child counts."""
    done = subprocess.run([sys.executable, "-c", PEAK_WRAPPER, *command], capture_output=True, text=True)
    try:
        kib = int(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None
    return kib / (1024 * 1024) if sys.platform == "darwin" else kib / 1024  # bytes on macOS, KiB on Linux


def import_times(sample: Path) -> dict[str, Any]:
    """``python -X importtime -m ccmlint SAMPLE``: top 10 cumulative, self time per top-level package."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ccmlint", str(sample)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)", line)
        if m:
            rows.append({"self_us": int(m.group(1)), "cumulative_us": int(m.group(2)),
                         "depth": (len(m.group(3)) - 1) // 2, "module": m.group(4)})
    if not rows:
        return {"error": "no -X importtime output"}
    by_package: dict[str, int] = {}
    for row in rows:
        # ccmlint's own modules one by one (their "self" time includes defining
        # classes and compiling module-level regexes); others by package.
        module = row["module"]
        package = module if module.startswith("ccmlint") else module.split(".")[0]
        by_package[package] = by_package.get(package, 0) + row["self_us"]
    top_packages = sorted(by_package.items(), key=lambda kv: -kv[1])[:12]
    return {
        "total_ms": sum(r["self_us"] for r in rows) / 1000,
        "modules": len(rows),
        "top_cumulative": sorted(rows, key=lambda r: -r["cumulative_us"])[:10],
        "self_by_package_ms": {k: v / 1000 for k, v in top_packages},
    }


# ----------------------------------------------------------------- in-process


def in_process(sample: Path, corpus: list[Path], runs: int, ten_x: str) -> dict[str, Any]:
    from ccmlint.lint import Linter
    from ccmlint.source import decode

    start = time.perf_counter()
    linter = Linter.create()
    create_s = time.perf_counter() - start
    sample_bytes = sample.read_bytes()
    start = time.perf_counter()
    linter.lint_source(decode(sample_bytes, str(sample)))
    first_lint_s = time.perf_counter() - start

    blobs = [(str(p), p.read_bytes()) for p in corpus]
    total_bytes = sum(len(b) for _, b in blobs)

    def lint_corpus() -> None:
        for path, data in blobs:
            linter.lint_source(decode(data, path))

    def median_of(action: Callable[[], object]) -> float:
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            action()
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    corpus_s = median_of(lint_corpus)
    one = decode(sample_bytes, str(sample))
    ten = decode(ten_x.encode("utf-8"), "sample-x10.txt")
    one_s = median_of(lambda: linter.lint_source(one))
    ten_s = median_of(lambda: linter.lint_source(ten))
    return {
        "rules": len(list(linter.rules)),
        "create_s": create_s,
        "first_lint_s": first_lint_s,
        "corpus_bytes": total_bytes,
        "corpus_s": corpus_s,
        "throughput_mb_s": total_bytes / 1e6 / corpus_s,
        "sample_s": one_s,
        "sample_mb_s": len(sample_bytes) / 1e6 / one_s,
        "ten_x_bytes": len(ten_x.encode("utf-8")),
        "ten_x_s": ten_s,
        "scaling_10x": ten_s / one_s,
        "diagnostics_sample": len(linter.lint_source(one)),
        "diagnostics_ten_x": len(linter.lint_source(ten)),
    }


def profile(sample: Path, iterations: int = PROFILE_ITERATIONS) -> dict[str, Any]:
    """Where the in-process time goes: stages (by wrapping functions) and cProfile's top functions."""
    import ccmlint.engine.runner as runner
    import ccmlint.facts as facts_module
    from ccmlint.engine.context import Context
    from ccmlint.lint import Linter
    from ccmlint.parse.builder import DocumentBuilder
    from ccmlint.parse.grammar import report_parser
    from ccmlint.source import decode

    linter = Linter.create()
    data = sample.read_bytes()
    linter.lint_source(decode(data, str(sample)))  # warm: grammar, phrasings, names

    stages: dict[str, float] = {}

    def add(key: str, seconds: float) -> None:
        stages[key] = stages.get(key, 0.0) + seconds

    def timed(key: str | Callable[..., str], function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                add(key(*args) if callable(key) else key, time.perf_counter() - t)
        return wrapper

    patched: list[tuple[Any, str, Any]] = []

    def patch(module: Any, name: str, key: Any) -> None:
        original = getattr(module, name, None)
        if original is not None:
            patched.append((module, name, original))
            setattr(module, name, timed(key, original))

    # Every extractor the facts package calls (nested calls, such as the annex
    # references inside the structure, are counted in both).
    for name in sorted(vars(facts_module)):
        if name.startswith("extract_") or name in ("document_blocks", "header_blocks"):
            patch(facts_module, name, f"extract: {name}")
    patch(facts_module, "Facts", "extract: Facts(...) construction")
    patch(runner, "run_rule", lambda rule, *rest: f"run: {rule.id}")
    patch(runner, "missing_facts", "run: missing_facts")
    try:
        context = Context(as_of=linter.options.as_of)
        for _ in range(iterations):
            t = time.perf_counter()
            source = decode(data, str(sample))
            add("decode", time.perf_counter() - t)
            text = source.text if source.text.endswith("\n") else source.text + "\n"
            t = time.perf_counter()
            document = report_parser().parse(text, DocumentBuilder(source))
            add("parse: LALR tables and DocumentBuilder", time.perf_counter() - t)
            t = time.perf_counter()
            facts = facts_module.extract(document)
            add("extract (total)", time.perf_counter() - t)
            t = time.perf_counter()
            runner.run(linter.rules, facts, context, source.path)
            add("run (total)", time.perf_counter() - t)
    finally:
        for module, name, original in reversed(patched):
            setattr(module, name, original)

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(iterations):
        linter.lint_source(decode(data, str(sample)))
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    entries = stats.stats  # type: ignore[attr-defined]

    def where(key: tuple[str, int, str]) -> str:
        filename, line, function = key
        for marker in ("site-packages/", "/ccmlint/", "lib/python3"):
            if marker in filename:
                filename = (marker.strip("/") + "/" if marker == "/ccmlint/" else "") + filename.split(marker, 1)[1]
                break
        return f"{filename}:{line}({function})" if line else function

    def top(index: int) -> list[dict[str, Any]]:
        ordered = sorted(entries.items(), key=lambda kv: -kv[1][index])[:15]
        return [{"function": where(k), "calls": v[1], "self_s": v[2], "cumulative_s": v[3]} for k, v in ordered]

    by_package: dict[str, float] = {}
    for (filename, _, function), (_, _, self_s, _, _) in entries.items():
        if "site-packages/" in filename:
            package = filename.split("site-packages/", 1)[1].split("/")[0]
        elif "/ccmlint/" in filename:
            package = "ccmlint/" + filename.split("/ccmlint/", 1)[1]
        elif filename == "~":
            package = "builtins: " + function
        else:
            package = "stdlib: " + Path(filename).name
        by_package[package] = by_package.get(package, 0.0) + self_s
    return {
        "iterations": iterations,
        "sample_bytes": len(data),
        "stages_ms_per_lint": {k: v * 1000 / iterations for k, v in sorted(stages.items(), key=lambda kv: -kv[1])},
        "top_cumulative": top(3),
        "top_self": top(2),
        "self_by_origin_ms_per_lint": {
            k: v * 1000 / iterations for k, v in sorted(by_package.items(), key=lambda kv: -kv[1])[:15]
        },
    }


PATTERN_PROBE = r"""
import json, sys, time
import ccmlint.regexes as store

spent = {}

def timed(pattern, method, call):
    def run(*args, **kwargs):
        start = time.perf_counter()
        found = call(*args, **kwargs)
        entry = spent.setdefault((pattern, method), [0.0, 0])
        entry[0] += time.perf_counter() - start
        entry[1] += 1
        if method != "finditer":
            return found
        def each():  # the search goes on as the caller reads the matches
            while True:
                start = time.perf_counter()
                match = next(found, None)
                entry[0] += time.perf_counter() - start
                if match is None:
                    return
                yield match
        return each()
    return run

class Timed:
    def __init__(self, compiled):
        self._compiled = compiled
        for method in ("search", "match", "fullmatch", "finditer"):
            setattr(self, method, timed(compiled.pattern, method, getattr(compiled, method)))
    def __getattr__(self, name):
        return getattr(self._compiled, name)

compile_ = store.compile
store.compile = lambda pattern, flags=0: Timed(compile_(pattern, flags))

from ccmlint.lint import Linter
from ccmlint.source import decode
linter = Linter.create()
source = decode(open(sys.argv[1], "rb").read(), sys.argv[1])
linter.lint_source(source)
spent.clear()
rounds = int(sys.argv[2])
for _ in range(rounds):
    linter.lint_source(source)
rows = sorted(((s / rounds * 1000, n // rounds, m, p) for (p, m), (s, n) in spent.items()), reverse=True)
print(json.dumps({"total_ms": sum(r[0] for r in rows), "top": [
    {"ms": ms, "calls": calls, "method": method, "pattern": pattern[:100]} for ms, calls, method, pattern in rows[:15]
]}))
"""
"""A child process that times every search of every pattern ccmlint compiles through
ccmlint.regexes (the module-level patterns and the packs' phrasings), over a few lints."""


def pattern_times(sample: Path, rounds: int = 5) -> dict[str, Any]:
    """Where a lint's pattern searches spend their time (the probe's wrapping adds a
    little to each call): the patterns to rewrite or to guard with a prefilter."""
    done = subprocess.run(
        [sys.executable, "-c", PATTERN_PROBE, str(sample), str(rounds)], capture_output=True, text=True, cwd=REPO
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------ run


def has_jobs(command: list[str]) -> bool:
    done = subprocess.run([*command, "--help"], capture_output=True, text=True)
    return "--jobs" in done.stdout


def verdict(value: float | None, comparison: str, goal: float) -> str:
    if value is None:
        return "n/a"
    return "ok" if (value <= goal if comparison == "<=" else value >= goal) else "MISS"


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    sample = Path(args.sample).resolve() if args.sample else default_sample()
    runs = args.runs or (1 if args.quick else 5)
    ccmlint = shlex.split(args.ccmlint) if args.ccmlint else ccmlint_command()
    result: dict[str, Any] = {
        "machine": {
            "nproc": os.cpu_count(),
            "loadavg": os.getloadavg() if hasattr(os, "getloadavg") else None,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "ccmlint": ccmlint,
        },
        "sample": {"path": str(sample), "bytes": sample.stat().st_size},
        "runs": runs,
    }
    with tempfile.TemporaryDirectory(prefix="ccmlint-bench-") as tmp:
        directory = Path(tmp)
        bases = [sample] + [p for p in example_reports() if p.resolve() != sample]
        log(f"generating {CORPUS_SIZE} reports from {len(bases)} bases into {directory}")
        (directory / "corpus").mkdir()
        corpus = generate_corpus(directory / "corpus", bases)
        ten_x_text = repeat_chapters(sample.read_text(encoding="utf-8-sig"), SCALE)
        ten_x = directory / "sample-x10.txt"
        ten_x.write_text(ten_x_text, encoding="utf-8")
        result["corpus"] = {
            "files": len(corpus),
            "bytes": sum(p.stat().st_size for p in corpus),
            "distinct": len({p.read_bytes() for p in corpus}),
            "bases": [str(p) for p in bases],
        }
        files = [str(p) for p in corpus]

        log("whole process: start-up floor")
        process: dict[str, Any] = {}
        process["python -c pass"] = time_process([sys.executable, "-c", "pass"], runs)
        process["ccmlint --help"] = time_process([*ccmlint, "--help"], runs)
        # What importing the declared stack costs: what a run would pay before its
        # own code if it parsed with Lark and read rules into pydantic models (a
        # warm ccmlint run takes tables and validated rules from its cache instead).
        process["import lark, pydantic"] = time_process(
            [sys.executable, "-c", "import lark, regex; from pydantic import BaseModel"], runs
        )
        log("whole process: sample, 10x, corpus")
        proselint = proselint_command()
        if proselint:
            # Timed interleaved with proselint: their ratio is a target.
            log("whole process: sample, interleaved with proselint check")
            pair = time_interleaved({"ccmlint": [*ccmlint, str(sample)],
                                     "proselint": [*proselint, "check", str(sample)]}, runs)
            process["ccmlint SAMPLE"] = pair["ccmlint"]
            version = subprocess.run([*proselint, "version"], capture_output=True, text=True).stdout.strip()
            result["proselint"] = {"command": proselint, "version": version, "check SAMPLE": pair["proselint"]}
        else:
            process["ccmlint SAMPLE"] = time_process([*ccmlint, str(sample)], runs)
            result["proselint"] = None
        if not args.quick:
            process["ccmlint SAMPLE-x10"] = time_process([*ccmlint, str(ten_x)], runs)
        process["ccmlint CORPUS (100 files)"] = time_process([*ccmlint, *files], runs)
        result["process"] = process

        jobs: dict[str, Any] = {"available": has_jobs(ccmlint)}
        if jobs["available"]:
            log("--jobs scaling")
            # Serial (no --jobs) re-timed interleaved with the --jobs runs for a fair ratio.
            commands = {"serial": [*ccmlint, *files]}
            for n in sorted({1, 2, os.cpu_count() or 2}):
                commands[f"--jobs {n}"] = [*ccmlint, "--jobs", str(n), *files]
            jobs.update(time_interleaved(commands, runs))
            serial, two = jobs["serial"], jobs.get("--jobs 2", {})
            if "median_s" in two and "median_s" in serial:
                jobs["jobs2_vs_serial"] = two["median_s"] / serial["median_s"]
        result["jobs"] = jobs

        log("peak memory")
        result["peak_rss_mib"] = {
            "ccmlint SAMPLE": peak_memory_mib([*ccmlint, str(sample)]),
            "ccmlint SAMPLE-x10": peak_memory_mib([*ccmlint, str(ten_x)]),
            "ccmlint CORPUS (100 files)": peak_memory_mib([*ccmlint, *files]),
        }

        log("import time")
        result["imports"] = import_times(sample)

        log("in-process throughput and scaling")
        try:
            result["in_process"] = in_process(sample, corpus, max(runs, 3), ten_x_text)
        except Exception as error:  # noqa: BLE001 - report, do not crash the table
            result["in_process"] = {"error": f"{type(error).__name__}: {error}"}
        if args.profile:
            log(f"profile: linting the sample {PROFILE_ITERATIONS} times")
            result["profile"] = profile(sample)
            log("profile: every pattern's searches")
            result["profile"]["patterns"] = pattern_times(sample)

    sample_s = process["ccmlint SAMPLE"].get("median_s")
    prose_s = (result["proselint"] or {}).get("check SAMPLE", {}).get("median_s")
    measured = {
        "vs_proselint": sample_s / prose_s if sample_s and prose_s else None,
        "throughput": result["in_process"].get("throughput_mb_s"),
        "scaling_10x": result["in_process"].get("scaling_10x"),
        "jobs2_vs_serial": jobs.get("jobs2_vs_serial"),
    }
    result["targets"] = [
        {"target": key, "description": text, "goal": f"{cmp} {goal}", "measured": measured[key],
         "verdict": verdict(measured[key], cmp, goal)}
        for key, text, cmp, goal in TARGETS
    ]
    return result


# ---------------------------------------------------------------------- table


def seconds(entry: dict[str, Any] | None) -> str:
    if not entry:
        return "n/a"
    if "error" in entry:
        return "error: " + entry["error"]
    return (f"{entry['median_s'] * 1000:9.1f} ms  (min {entry['min_s'] * 1000:.1f}, "
            f"cpu {entry['cpu_median_s'] * 1000:.1f}, n={entry['runs']})")


def render(result: dict[str, Any]) -> str:
    out: list[str] = []
    w = out.append
    m = result["machine"]
    load = "n/a" if not m["loadavg"] else " ".join(f"{x:.2f}" for x in m["loadavg"])
    w(f"ccmlint benchmark — nproc {m['nproc']}, load average {load}, Python {m['python']}, {m['platform']}")
    w(f"sample: {result['sample']['path']} ({result['sample']['bytes']:,} bytes); medians of {result['runs']} run(s)")
    c = result["corpus"]
    w(f"corpus: {c['files']} generated reports, {c['bytes']:,} bytes, {c['distinct']} distinct")
    w("")
    w("Whole process (wall time)")
    for name, entry in result["process"].items():
        w(f"  {name:<30} {seconds(entry)}")
    w("")
    w("--jobs")
    jobs = result["jobs"]
    if not jobs["available"]:
        w("  n/a: `ccmlint --help` offers no --jobs")
    else:
        for name, entry in jobs.items():
            if name.startswith("--jobs") or name == "serial":
                w(f"  {'CORPUS ' + name:<30} {seconds(entry)}")
    w("")
    w("In-process (one Linter, all bundled rules)")
    ip = result["in_process"]
    if "error" in ip:
        w(f"  error: {ip['error']}")
    else:
        w(f"  rules loaded                   {ip['rules']}")
        w(f"  Linter.create()                {ip['create_s'] * 1000:9.1f} ms")
        w(f"  first lint in the process      {ip['first_lint_s'] * 1000:9.1f} ms  (grammar cache, phrasings, names)")
        w(f"  corpus, warm                   {ip['corpus_s'] * 1000:9.1f} ms  for {ip['corpus_bytes']:,} bytes"
          f" = {ip['throughput_mb_s']:.2f} MB/s")
        w(f"  sample 1x, warm                {ip['sample_s'] * 1000:9.1f} ms  = {ip['sample_mb_s']:.2f} MB/s"
          f"  ({ip['diagnostics_sample']} diagnostics)")
        w(f"  sample 10x, warm               {ip['ten_x_s'] * 1000:9.1f} ms  for {ip['ten_x_bytes']:,} bytes"
          f"  ({ip['diagnostics_ten_x']} diagnostics)")
    w("")
    w("Peak memory (max RSS of the ccmlint process)")
    for name, mib in result["peak_rss_mib"].items():
        w(f"  {name:<30} {'n/a' if mib is None else f'{mib:9.1f} MiB'}")
    w("")
    imp = result["imports"]
    w("Import cost (python -X importtime -m ccmlint SAMPLE)")
    if "error" in imp:
        w(f"  error: {imp['error']}")
    else:
        w(f"  total {imp['total_ms']:.1f} ms over {imp['modules']} modules; top 10 cumulative:")
        for row in imp["top_cumulative"]:
            w(f"    {row['cumulative_us'] / 1000:8.1f} ms  {'  ' * row['depth']}{row['module']}")
        w("  self time by module (ccmlint) or top-level package (others):")
        for package, ms in imp["self_by_package_ms"].items():
            w(f"    {ms:8.1f} ms  {package}")
    w("")
    w("proselint")
    pl = result["proselint"]
    if not pl:
        w("  n/a: proselint is not installed (pip install proselint)")
    else:
        w(f"  {'proselint check SAMPLE':<30} {seconds(pl['check SAMPLE'])}  [{pl['version']}]")
    if "profile" in result:
        p = result["profile"]
        w("")
        w(f"Where in-process time goes (sample linted {p['iterations']} times; ms per lint)")
        for stage, ms in p["stages_ms_per_lint"].items():
            w(f"  {ms:8.2f} ms  {stage}")
        w("  self time by origin:")
        for origin, ms in p["self_by_origin_ms_per_lint"].items():
            w(f"  {ms:8.2f} ms  {origin}")
        patterns = p.get("patterns", {})
        if "error" in patterns:
            w(f"  pattern searches: error: {patterns['error']}")
        elif patterns:
            w(f"  pattern searches: {patterns['total_ms']:.2f} ms per lint in all; the 15 costliest:")
            for row in patterns["top"]:
                w(f"    {row['ms']:6.2f} ms {row['calls']:>6} {row['method']:<9} {row['pattern']!r}")
        for key, title in (("top_cumulative", "cumulative"), ("top_self", "self")):
            w(f"  cProfile top 15 by {title} time (s over all iterations):")
            for row in p[key]:
                w(f"    {row['cumulative_s']:7.3f} cum {row['self_s']:7.3f} self {row['calls']:>8}  {row['function']}")
    w("")
    w("Targets")
    for t in result["targets"]:
        value = "n/a" if t["measured"] is None else f"{t['measured']:.2f}"
        w(f"  {t['verdict']:<5} {value:>7} (goal {t['goal']:<6})  {t['description']}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark ccmlint (see bench/README.md).")
    parser.add_argument("--sample", help="the sample report (default: ../shared/corpus/*.txt, else examples/clean-report.txt)")
    parser.add_argument("--runs", type=int, default=None, help="runs per measurement, median reported (default 5; 1 with --quick)")
    parser.add_argument("--quick", action="store_true", help="one run per measurement, skip the 10x whole-process run")
    parser.add_argument("--ccmlint", metavar="CMD", help="the command to time (default: the ccmlint beside this Python)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of the table")
    parser.add_argument("--profile", action="store_true", help="add where in-process time goes (stages, cProfile)")
    args = parser.parse_args(argv)
    # An installed tool runs from compiled bytecode (pip compiles it at install time).
    # Where the environment forbids writing bytecode, every child would recompile
    # every module it imports and the figures would time the compiler, not the tool;
    # the children (ccmlint and proselint alike) may write and reuse their bytecode.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    result = benchmark(args)
    sys.stdout.write(json.dumps(result, indent=2) + "\n" if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

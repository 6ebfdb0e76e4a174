"""``--jobs N``: reports linted in worker processes give exactly what serial mode gives.

Each case runs the command line twice in this process, serially and with
``--jobs 2``, and compares exit code, standard output and standard error byte for
byte. Workers are forked on Linux, so a monkeypatched function reaches them; the
worker-crash case relies on that and is skipped elsewhere.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

import ccmlint.parallel as parallel
import ccmlint.run as run_module
from ccmlint.cli import main
from tests.reports import SMALL_REPORT

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
FORKED = sys.platform.startswith("linux")

REPORT = SMALL_REPORT

Outcome = tuple[int, str, str]
Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *arguments: str) -> Outcome:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def both(capsys: Capsys, *arguments: str) -> tuple[Outcome, Outcome]:
    """The run serially and with --jobs 2."""
    return run(capsys, *arguments), run(capsys, "--jobs", "2", *arguments)


@pytest.fixture
def reports(tmp_path: Path) -> list[str]:
    """Examples, fragments, a report with findings and two files that cannot be read,
    in an order that is not alphabetical (results must keep the order given)."""
    findings = tmp_path / "findings.txt"
    findings.write_text(REPORT, encoding="utf-8")
    fragments = sorted(str(path) for path in (EXAMPLES / "fragments").iterdir())
    return [
        str(findings),
        str(EXAMPLES / "planted-defects.txt"),
        str(tmp_path / "missing.txt"),
        *reversed(fragments),
        str(tmp_path),  # a directory
        str(EXAMPLES / "clean-report.txt"),
    ]


@pytest.mark.parametrize("output", ["text", "json", "sarif"])
def test_the_output_is_the_same_as_serial(output: str, reports: list[str], capsys: Capsys) -> None:
    serial, parallel_run = both(capsys, "--format", output, "--color", "never", *reports)
    assert parallel_run == serial
    assert serial[0] == 2  # two files cannot be read
    assert serial[2].count("\n") == 2


def test_the_order_given_is_kept(reports: list[str], capsys: Capsys) -> None:
    code, out, _ = run(capsys, "--jobs", "2", *reports)
    shown = [line[4:-4] for line in out.splitlines() if line.startswith("==> ")]
    readable = [path for path in reports if path in shown]
    assert shown == readable and len(shown) >= 3


def test_the_exit_codes_are_the_same(capsys: Capsys) -> None:
    clean = [str(EXAMPLES / "clean-report.txt")] * 2
    defects = str(EXAMPLES / "planted-defects.txt")
    codes = []
    for arguments in (clean, [*clean, defects], ["--exit-zero", defects, *clean], ["--fail-on", "error", *clean, defects]):
        serial, parallel_run = both(capsys, *arguments)
        assert parallel_run == serial
        codes.append(serial[0])
    assert codes == [0, 1, 0, 1]


def test_standard_input_is_read_in_this_process(capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [str(EXAMPLES / "clean-report.txt"), "-", str(EXAMPLES / "planted-defects.txt")]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode("utf-8"))))
    serial = run(capsys, "--format", "json", *files)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode("utf-8"))))
    assert run(capsys, "--jobs", "2", "--format", "json", *files) == serial
    assert '"path": "<stdin>"' in serial[1]


def copies(directory: Path, names: list[str]) -> None:
    directory.mkdir()
    for name in names:
        shutil.copyfile(EXAMPLES / ("planted-defects.txt" if "defects" in name else "clean-report.txt"), directory / name)


def test_fix_writes_each_file_once_as_serial_mode_does(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same file named twice (once through a link) is fixed once, and the second
    name sees the fixed text, as in serial mode."""
    names = ["a-defects.txt", "b-clean.txt", "c-defects.txt", "d-defects.txt"]
    outcomes: list[Outcome] = []
    written: list[dict[str, bytes]] = []
    for label, jobs in (("serial", "1"), ("parallel", "2")):
        directory = tmp_path / label
        copies(directory, names)
        (directory / "link.txt").symlink_to("a-defects.txt")
        monkeypatch.chdir(directory)
        outcomes.append(run(capsys, "--jobs", jobs, "--fix", *names, "link.txt", "a-defects.txt"))
        written.append({name: (directory / name).read_bytes() for name in names})
        assert sorted(path.name for path in directory.iterdir()) == sorted([*names, "link.txt"])  # no temporary left
    assert outcomes[1] == outcomes[0]
    assert written[1] == written[0]
    assert written[0]["a-defects.txt"] != (EXAMPLES / "planted-defects.txt").read_bytes()
    assert outcomes[0][2].count("applied") == 3  # three files fixed, each once


def test_diff_is_the_same_as_serial(capsys: Capsys) -> None:
    files = [str(EXAMPLES / "planted-defects.txt"), str(EXAMPLES / "clean-report.txt"), str(EXAMPLES / "planted-defects.txt")]
    serial, parallel_run = both(capsys, "--diff", *files)
    assert parallel_run == serial and serial[1].count("+++ ") == 2


@pytest.mark.parametrize("value", ["-1", "two", "1.5", ""])
def test_a_bad_jobs_value_is_a_usage_error(value: str, capsys: Capsys) -> None:
    code, out, err = run(capsys, f"--jobs={value}", str(EXAMPLES / "clean-report.txt"))
    assert (code, out) == (2, "")
    assert "--jobs" in err and "Traceback" not in err


def test_jobs_0_means_one_per_processor(capsys: Capsys) -> None:
    files = [str(EXAMPLES / "clean-report.txt"), str(EXAMPLES / "planted-defects.txt")]
    assert run(capsys, "-j", "0", *files) == run(capsys, *files)
    processors = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert parallel.worker_count(0, 1000) == processors
    assert [parallel.worker_count(4, 3), parallel.worker_count(2, 1), parallel.worker_count(1, 50)] == [3, 1, 1]


def test_one_file_is_linted_without_a_pool(capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*arguments: object) -> object:
        raise AssertionError("a pool was started for one file")

    monkeypatch.setattr(run_module, "LintPool", no_pool)
    assert run(capsys, "--jobs", "4", str(EXAMPLES / "planted-defects.txt"))[0] == 1
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode("utf-8"))))
    assert run(capsys, "--jobs", "4", "-", str(EXAMPLES / "clean-report.txt"))[0] == 1  # stdin is never sent out
    assert run(capsys, "--jobs", "4", "--fix", str(EXAMPLES / "clean-report.txt"), str(EXAMPLES / "clean-report.txt"))[0] == 0


def test_a_failing_rule_in_a_worker_is_reported_as_in_serial(capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    if not FORKED:
        pytest.skip("the patched rule reaches forked workers only")
    from ccmlint.checks import KINDS

    def boom(*arguments: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(KINDS["unique"], "check", boom)
    serial, parallel_run = both(capsys, str(EXAMPLES / "planted-defects.txt"), str(EXAMPLES / "clean-report.txt"))
    assert parallel_run == serial
    assert serial[0] == 2 and "internal error in rule footnote-number-duplicated" in serial[2]


def test_a_killed_worker_is_a_clean_error_for_its_reports(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    if not FORKED:
        pytest.skip("the patched function reaches forked workers only")
    lint_report = parallel.lint_report

    def killed_on_crash(path: str, *arguments: object) -> object:
        if path.endswith("crash.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return lint_report(path, *arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "lint_report", killed_on_crash)
    crash = tmp_path / "crash.txt"
    crash.write_text(REPORT, encoding="utf-8")
    files = [str(EXAMPLES / "clean-report.txt"), str(crash), str(EXAMPLES / "planted-defects.txt")]
    code, out, err = run(capsys, "--jobs", "2", *files)
    assert code == 2
    assert "Traceback" not in err + out
    assert f"ccmlint: {crash}: {parallel.NOT_LINTED}\n" in err
    lines = err.splitlines()
    assert all(line.startswith("ccmlint: ") and line.endswith(parallel.NOT_LINTED) for line in lines)
    not_linted = len(lines)
    linted = 3 - not_linted
    assert out.splitlines()[-1].endswith(
        f"in {linted} file{'s' if linted != 1 else ''}, {not_linted} file{'s' if not_linted != 1 else ''} not linted"
    )


def test_baselines_and_waivers_are_handled_as_in_serial_mode(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """The waivers files are written and applied by this process, after the workers."""
    names = ["a-defects.txt", "b-clean.txt", "c-defects.txt"]
    outcomes: list[list[Outcome]] = []
    waivers: list[dict[str, str]] = []
    for label, jobs in (("serial", "1"), ("parallel", "2")):
        directory = tmp_path / label
        copies(directory, names)
        monkeypatch.chdir(directory)
        outcomes.append([run(capsys, "--jobs", jobs, "--write-baseline", *names), run(capsys, "--jobs", jobs, *names)])
        waivers.append({path.name: path.read_text(encoding="utf-8") for path in sorted(directory.glob("*.waivers.yaml"))})
    assert outcomes[1] == outcomes[0]
    assert waivers[1] == waivers[0] and {"a-defects.waivers.yaml", "c-defects.waivers.yaml"} <= set(waivers[0])
    assert outcomes[0][1][0] == 0 and " waived in 3 files" in outcomes[0][1][1]

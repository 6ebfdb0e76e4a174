"""Start-up is designed: a lint run imports what it needs and nothing else.

Start-up is most of a pre-commit hook's time, so modules only some runs need are
imported when they are needed. This counts what is imported (work, not time).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "clean-report.txt"

PROBE = """
import json, sys
from ccmlint.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""

NOT_ON_A_PLAIN_RUN = (
    "yaml",  # rules and pack data come from the cache; no configuration or waivers file here
    "pydantic",  # ... already validated (ccmlint.schema validates only what is read afresh)
    "pydantic_core",
    "lark",  # the grammar's tables come from the cache too (ccmlint.parse.grammar)
    "multiprocessing",  # only --jobs starts a pool
    "concurrent.futures.process",
    "ccmlint.docx.package",  # only a Word document needs the .docx reader
    "ccmlint.engine.yamlsource",
    "rich",
    "regex",  # the bundled pattern rules run on re (engine: re), its compiled form cached
    "tempfile",  # only when a cache entry or a fix is written
    "shutil",  # ... which tempfile and argparse's own help formatter would import
    "_hashlib",  # OpenSSL: the built-in SHA-256 gives the same digests
)


def imported_by(arguments: list[str], home: Path) -> set[str]:
    # NOTE: ccmlint keeps no cache inside the shared temporary directory, so the child's
    # temporary directory is moved beside its cache, which then counts as private.
    (home / "tmp").mkdir(exist_ok=True)
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"), "TMPDIR": str(home / "tmp")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *arguments], capture_output=True, text=True, cwd=REPO, env=environment, check=False
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] == 0, done.stdout + done.stderr
    return set(report["modules"])


@pytest.fixture(scope="module")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with a cache warmed by a first run, as every run after the first finds it."""
    home = tmp_path_factory.mktemp("home")
    modules = imported_by(["--isolated", str(EXAMPLE)], home)
    assert {"yaml", "pydantic", "lark"} <= modules  # the first run did read the packs, and fill the cache
    assert any((home / "cache" / "ccmlint").glob("pack.*.pickle"))
    return home


@pytest.mark.parametrize("format_", ["text", "json", "sarif"])
def test_a_plain_run_imports_only_what_it_needs(private_cache: Path, format_: str) -> None:
    modules = imported_by(["--isolated", "--format", format_, str(EXAMPLE)], private_cache)
    assert "ccmlint.facts" in modules and "ccmlint.parse.lalr" in modules  # the probe did lint
    unexpected = sorted(name for name in NOT_ON_A_PLAIN_RUN if name in modules)
    assert unexpected == []


def test_a_configured_run_reads_its_settings_from_the_cache(private_cache: Path, tmp_path: Path) -> None:
    """A configuration and a waivers file are validated once; later runs (a pre-commit
    hook in a configured repository) read them back without YAML or pydantic."""
    project = tmp_path / "project"
    project.mkdir()
    report = project / "report.txt"
    report.write_bytes(EXAMPLE.read_bytes())
    (project / ".ccmlint.yaml").write_text("fail-on: error\nseverity: {}\n", encoding="utf-8")
    (project / "report.waivers.yaml").write_text("waivers: []\n", encoding="utf-8")
    first = imported_by([str(report)], private_cache)
    assert "yaml" in first and "pydantic" in first
    later = imported_by([str(report)], private_cache)
    unexpected = sorted(name for name in NOT_ON_A_PLAIN_RUN if name in later)
    assert unexpected == []

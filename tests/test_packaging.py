"""The wheel must carry every package: pyproject.toml lists them by hand (the grammar
and rules folders are mapped into the package), so a new subpackage must be added."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "ccmlint").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    mapped = config["tool"]["setuptools"]["package-dir"]
    assert mapped["ccmlint.grammar"] == "grammar" and mapped["ccmlint.rules"] == "rules"
    assert (REPO / "grammar" / "report.lark").is_file()

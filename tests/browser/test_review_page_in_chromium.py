"""The HTML review page works in a real browser: highlights in place, filters that filter.

The page for the planted-defects example (one finding waived) is opened in headless
Chromium, driven through the DevTools protocol (``cdp.py``) with real clicks and key
presses. Skipped when no Chromium is installed; ``.ci/run`` installs Debian's
``chromium`` so that CI always runs it.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest
from cdp import Browser, find_browser

from ccmlint.cli import main

REPO = Path(__file__).resolve().parents[2]

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (apt-get install chromium)")

ITEMS = """Array.from(document.querySelectorAll('#findings li.finding')).map(function (li) {
  var marks = Array.from(document.querySelectorAll('mark.hl')).filter(function (m) {
    return m.dataset.findings.split(' ').indexOf(li.id) >= 0; });
  return {id: li.id, rule: li.dataset.rule, severity: li.dataset.severity, waived: li.dataset.waived === 'true',
          visible: !li.hidden && li.offsetParent !== null,
          text: marks.map(function (m) { return m.textContent; }).join(''),
          lit: marks.filter(function (m) { var s = getComputedStyle(m);
            return s.backgroundColor !== 'rgba(0, 0, 0, 0)' || s.backgroundImage !== 'none'; }).length,
          marks: marks.length,
          current: li.classList.contains('current')};
})"""


def run(*arguments: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["--isolated", *arguments])
    return out.getvalue()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert BROWSER is not None
    opened = Browser(BROWSER)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    """The review page of the planted-defects example with its first finding waived,
    and the findings as JSON, with the text each one flags."""
    tmp_path = tmp_path_factory.mktemp("review")
    report = tmp_path / "planted-defects.txt"
    shutil.copyfile(REPO / "examples" / "planted-defects.txt", report)
    records = json.loads(run("--format", "json", str(report)))
    first = records[0]
    (tmp_path / "planted-defects.waivers.yaml").write_text(
        "waivers:\n"
        f"  - rule: {first['rule']}\n"
        f"    fingerprint: \"{first['fingerprint']}\"\n"
        "    reason: Reviewed <b>intentional</b>.\n"
        "    reviewer: A. Editor\n"
        "    date: 2026-09-12\n",
        encoding="utf-8",
    )
    page_file = tmp_path / "review.html"
    page_file.write_text(run("--format", "html", str(report)), encoding="utf-8")
    findings = json.loads(run("--format", "json", "--show-waived", str(report)))
    text = report.read_text(encoding="utf-8").split("\n")
    for finding in findings:
        lines = text[finding["line"] - 1 : finding["end_line"]]
        lines[-1] = lines[-1][: finding["end_column"] - 1]
        lines[0] = lines[0][finding["column"] - 1 :]
        finding["text"] = "".join(lines)
    return page_file, findings


@pytest.fixture
def page(review: tuple[Path, list[dict[str, Any]]], browser: Browser) -> tuple[Browser, list[dict[str, Any]]]:
    """The review page, freshly opened in a new tab."""
    page_file, findings = review
    browser.events.clear()
    browser.open(page_file)
    return browser, findings


def items(browser: Browser) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = browser.evaluate(ITEMS)
    return found


def test_every_finding_is_highlighted_where_it_is(page: tuple[Browser, list[dict[str, Any]]]) -> None:
    browser, findings = page
    shown = items(browser)
    assert browser.errors() == []
    assert [(item["rule"], item["text"]) for item in shown] == [(f["rule"], f["text"]) for f in findings]
    assert all(item["visible"] and item["marks"] >= 1 and item["lit"] == item["marks"] for item in shown)
    assert [item["waived"] for item in shown].count(True) == 1
    assert browser.evaluate("document.getElementById('shown').textContent") == f"{len(findings)} of {len(findings)} findings shown"


def test_the_severity_filter_hides_findings_and_their_highlights(page: tuple[Browser, list[dict[str, Any]]]) -> None:
    browser, findings = page
    browser.click("input[name=severity][value=warning]")
    after = items(browser)
    assert browser.evaluate("document.querySelector('input[name=severity][value=warning]').checked") is False
    for item in after:
        assert item["visible"] == (item["severity"] != "warning")
    warnings_only = [item for item in after if item["severity"] == "warning"]
    others = {item["text"] for item in after if item["severity"] != "warning"}
    assert any(item["lit"] == 0 for item in warnings_only if item["text"] not in others)
    assert all(item["lit"] == item["marks"] for item in after if item["visible"])
    visible = sum(item["visible"] for item in after)
    assert 0 < visible < len(findings)
    assert browser.evaluate("document.getElementById('shown').textContent") == f"{visible} of {len(findings)} findings shown"
    browser.click("input[name=severity][value=warning]")
    assert all(item["visible"] for item in items(browser))


def test_the_rule_filter_and_the_waived_switch(page: tuple[Browser, list[dict[str, Any]]]) -> None:
    browser, findings = page
    browser.evaluate("document.querySelector('select[name=rule]').focus()")
    browser.key("ArrowDown", "ArrowDown", 40)
    rule = browser.evaluate("document.querySelector('select[name=rule]').value")
    assert rule == sorted({f["rule"] for f in findings})[0]
    after = items(browser)
    assert [item["rule"] for item in after if item["visible"]] == [f["rule"] for f in findings if f["rule"] == rule]
    browser.key("ArrowUp", "ArrowUp", 38)
    assert browser.evaluate("document.querySelector('select[name=rule]').value") == ""
    browser.click("input[name=waived]")
    after = items(browser)
    assert [item["waived"] for item in after if not item["visible"]] == [True]


def test_clicking_connects_the_list_and_the_text(page: tuple[Browser, list[dict[str, Any]]]) -> None:
    browser, _ = page
    target = items(browser)[3]
    browser.click(f"#{target['id']} .message")
    assert browser.evaluate("document.body.dataset.current") == target["id"]
    assert browser.evaluate(
        f"Array.from(document.querySelectorAll('mark.current')).every(function (m) {{"
        f" return m.dataset.findings.split(' ').indexOf('{target['id']}') >= 0; }})"
    )
    assert browser.evaluate("document.querySelectorAll('mark.current').length") >= 1
    other = items(browser)[0]
    browser.click(f"mark[data-findings~='{other['id']}']")
    assert browser.evaluate("document.body.dataset.current") == other["id"]
    assert next(item for item in items(browser) if item["id"] == other["id"])["current"]
    assert browser.errors() == []

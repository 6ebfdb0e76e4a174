"""One self-contained HTML page for editors reviewing a report's findings.

The page shows each report's text with every finding highlighted where it is, and a
side list of the findings, filterable by severity and by rule, each with its message,
suggestion and explanation (the rule's docs), and waived findings marked as such with
the reviewer's reason. Clicking a finding in the list shows it in the text; clicking a
highlight shows its findings in the list.

Everything is inline (style, script, no fonts or images) and a Content-Security-Policy
forbids any network request, so the page can be mailed or archived and opened
anywhere. All text from the report, the rules and the waivers is HTML-escaped; the
script reads only ``data-`` attributes, never HTML it builds from strings.

Highlights are built line by line: each line is cut at every start and end of a
finding on it, and each piece covered by findings becomes one ``<mark>`` listing them
all (``data-findings``), so overlapping findings need no nesting. A finding with
nothing visible to mark (an empty span, or one holding only a line end) becomes a
point mark at its start.
"""

from __future__ import annotations

from html import escape

from ccmlint.diagnostics import Diagnostic, Severity
from ccmlint.output.results import Acceptance, FileResult, RenderOptions, Report, RuleDoc
from ccmlint.output.text import summary
from ccmlint.record import Record
from ccmlint.span import Span

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


class Entry(Record):
    """A finding as the page numbers it (``f1``, ``f2`` … across all files)."""

    key: str
    file_index: int
    diagnostic: Diagnostic
    acceptance: Acceptance | None


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    entries = _entries(report)
    by_file: dict[int, list[Entry]] = {}
    for entry in entries:
        by_file.setdefault(entry.file_index, []).append(entry)
    sections = [_file_section(index, result, by_file.get(index, [])) for index, result in enumerate(report.files)]
    title = f"ccmlint review — {summary(report)}"
    return _PAGE.format(
        title=escape(title),
        summary=escape(summary(report)),
        files="\n".join(sections),
        filters=_filters(entries),
        findings="\n".join(_item(entry, report) for entry in entries),
        total=len(entries),
        style=_STYLE,
        script=_SCRIPT,
    )


def _entries(report: Report) -> list[Entry]:
    entries: list[Entry] = []
    for index, result in enumerate(report.files):
        found: list[tuple[Diagnostic, Acceptance | None]] = [(d, None) for d in result.diagnostics]
        found += [(waived.diagnostic, waived.acceptance) for waived in result.waived]
        for diagnostic, acceptance in sorted(found, key=lambda pair: pair[0].sort_key()):
            entries.append(Entry(f"f{len(entries) + 1}", index, diagnostic, acceptance))
    return entries


# ---------------------------------------------------------------------- the text


def _file_section(index: int, result: FileResult, entries: list[Entry]) -> str:
    heading = f'<h2><span class="path">{escape(result.path)}</span>'
    heading += f' <span class="count">{len(entries)} finding{"s" if len(entries) != 1 else ""}</span></h2>'
    if result.source is None:
        body = f'<p class="error">Not read: {escape(result.error or "")}</p>'
    else:
        body = f'<div class="source">{_highlighted(index, result, entries)}</div>'
    return f'<section class="file" id="file-{index + 1}" data-path="{escape(result.path)}">{heading}{body}</section>'


def _highlighted(index: int, result: FileResult, entries: list[Entry]) -> str:
    assert result.source is not None
    text = result.source.text
    lines: list[str] = []
    line_start = 0
    number = 1
    pending = sorted(entries, key=lambda entry: entry.diagnostic.span.start)
    while True:
        newline = text.find("\n", line_start)
        line_end = len(text) if newline < 0 else newline
        on_line = [
            entry
            for entry in pending
            if entry.diagnostic.span.start <= line_end and entry.diagnostic.span.end >= line_start
        ]
        anchor = f"file-{index + 1}-L{number}"
        body = _line_html(text, line_start, line_end, on_line)
        lines.append(f'<div class="line" id="{anchor}"><span class="ln">{number}</span><span class="tx">{body}</span></div>')
        if newline < 0:
            break
        line_start, number = newline + 1, number + 1
    return "".join(lines)


def _line_html(text: str, start: int, end: int, entries: list[Entry]) -> str:
    """One line of the text, ``[start, end)`` without its line end, with its marks."""
    ranges: list[tuple[int, int, Entry]] = []
    points: dict[int, list[Entry]] = {}
    for entry in entries:
        span = entry.diagnostic.span
        low, high = max(span.start, start), min(span.end, end)
        if low < high:
            ranges.append((low, high, entry))
        elif start <= span.start <= end and not _shows_text(span, text):
            points.setdefault(span.start, []).append(entry)
    cuts = sorted({start, end, *(low for low, _, _ in ranges), *(high for _, high, _ in ranges), *points})
    pieces: list[str] = []
    for position, following in zip(cuts, cuts[1:] + [end]):
        for entry in points.get(position, []):
            pieces.append(_mark("", [entry], point=True))
        if following <= position:
            continue
        covering = [entry for low, high, entry in ranges if low <= position and following <= high]
        chunk = text[position:following]
        pieces.append(_mark(chunk, covering) if covering else escape(chunk))
    return "".join(pieces)


def _shows_text(span: Span, text: str) -> bool:
    """Whether the span holds anything but line ends (else it is shown as a point)."""
    return any(char != "\n" for char in text[span.start : span.end])


def _mark(chunk: str, entries: list[Entry], point: bool = False) -> str:
    worst = max(entry.diagnostic.severity for entry in entries)
    waived = all(entry.acceptance is not None for entry in entries)
    classes = ["hl", f"sev-{worst}"] + (["waived"] if waived else []) + (["point"] if point else [])
    keys = " ".join(entry.key for entry in entries)
    label = "; ".join(f"{entry.diagnostic.severity} [{entry.diagnostic.rule}] {entry.diagnostic.message}" for entry in entries)
    return f'<mark class="{" ".join(classes)}" data-findings="{keys}" title="{escape(label)}">{escape(chunk)}</mark>'


# ---------------------------------------------------------------------- the list


def _filters(entries: list[Entry]) -> str:
    severity_counts = {severity: 0 for severity in SEVERITIES}
    rules: dict[str, int] = {}
    waived = 0
    for entry in entries:
        severity_counts[entry.diagnostic.severity] += 1
        rules[entry.diagnostic.rule] = rules.get(entry.diagnostic.rule, 0) + 1
        waived += entry.acceptance is not None
    boxes = "".join(
        f'<label class="sev-{severity}"><input type="checkbox" name="severity" value="{severity}" checked> '
        f'{severity} <span class="n">{count}</span></label>'
        for severity, count in severity_counts.items()
    )
    boxes += f'<label class="waived"><input type="checkbox" name="waived" value="waived" checked> waived <span class="n">{waived}</span></label>'
    options = '<option value="">all rules</option>' + "".join(
        f'<option value="{escape(rule)}">{escape(rule)} ({count})</option>' for rule, count in sorted(rules.items())
    )
    return (
        f'<fieldset><legend>Severity</legend>{boxes}</fieldset>'
        f'<label class="rule">Rule <select name="rule">{options}</select></label>'
    )


def _item(entry: Entry, report: Report) -> str:
    diagnostic = entry.diagnostic
    span = diagnostic.span
    severity = str(diagnostic.severity)
    waived = entry.acceptance is not None
    anchor = f"#file-{entry.file_index + 1}-L{span.line}"
    parts = [
        f'<a class="where" href="{anchor}">{escape(diagnostic.path)}:{span.line}:{span.column}</a>',
        f' <span class="badge sev-{severity}">{severity}</span>',
        ' <span class="badge waived-badge">waived</span>' if waived else "",
        f' <code class="rule">{escape(diagnostic.rule)}</code>',
        f'<p class="message">{escape(diagnostic.message)}</p>',
    ]
    if diagnostic.suggestion is not None:
        parts.append(f'<p class="suggestion"><b>Suggestion:</b> {escape(diagnostic.suggestion)}</p>')
    if entry.acceptance is not None:
        parts.append(_acceptance(entry.acceptance))
    doc = report.rules.get(diagnostic.rule)
    if doc is not None:
        parts.append(_explanation(doc))
    if diagnostic.fingerprint is not None:
        parts.append(f'<p class="fingerprint">fingerprint <code>{escape(diagnostic.fingerprint)}</code></p>')
    classes = f"finding sev-{severity}" + (" waived" if waived else "")
    return (
        f'<li class="{classes}" id="{entry.key}" data-severity="{severity}" data-rule="{escape(diagnostic.rule)}" '
        f'data-waived="{"true" if waived else "false"}" data-file="{entry.file_index + 1}">{"".join(parts)}</li>'
    )


def _acceptance(acceptance: Acceptance) -> str:
    expiry = f", until {acceptance.expires.isoformat()}" if acceptance.expires else ""
    return (
        f'<p class="acceptance"><b>Waived</b> by {escape(acceptance.reviewer)} on {acceptance.date.isoformat()}{expiry}: '
        f'{escape(acceptance.reason)} <span class="origin">({escape(acceptance.waivers_path)}:{acceptance.line})</span></p>'
    )


def _explanation(doc: RuleDoc) -> str:
    parts = [f"<p>{escape(doc.summary)}</p>", f"<p><b>Why it matters.</b> {escape(doc.rationale)}</p>"]
    if doc.flagged:
        parts.append(f'<p><b>Flagged</b></p><pre class="example">{escape(doc.flagged)}</pre>')
    if doc.corrected:
        parts.append(f'<p><b>Corrected</b></p><pre class="example">{escape(doc.corrected)}</pre>')
    if doc.authority:
        parts.append(f"<p><b>Authority.</b> {escape(doc.authority)}</p>")
    return f'<details class="explanation"><summary>Explanation</summary>{"".join(parts)}</details>'


# ---------------------------------------------------------------------- the page

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ccmlint">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header><h1>ccmlint review</h1><p class="summary">{summary}</p></header>
<div class="layout">
<main>
{files}
</main>
<aside>
<div class="controls">
<form id="filters" autocomplete="off">{filters}</form>
<p id="shown" aria-live="polite">{total} of {total} findings shown</p>
</div>
<ol id="findings">
{findings}
</ol>
</aside>
</div>
<script>{script}</script>
</body>
</html>
"""

_STYLE = """
:root { --error: #fbd5d5; --error-line: #c81e1e; --warning: #fdf0c2; --warning-line: #b7791f;
  --info: #dbeafe; --info-line: #1e63c8; --waived: #e5e7eb; --waived-line: #6b7280; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
header { padding: .6rem 1rem; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
header h1 { font-size: 1.1rem; margin: 0; display: inline; }
header .summary { display: inline; margin-left: 1rem; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 28rem; height: calc(100vh - 3rem); }
main { overflow: auto; padding: 0 1rem 4rem; }
aside { overflow: auto; border-left: 1px solid #d0d7de; padding: .5rem 1rem 4rem; background: #fcfcfd; }
h2 { font-size: 1rem; position: sticky; top: 0; background: #fff; margin: 0; padding: .6rem 0; border-bottom: 1px solid #eaeef2; }
h2 .count { color: #57606a; font-weight: normal; }
.source { font: 13.5px/1.55 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.line { display: flex; }
.line:target { background: #fff8c5; }
.ln { flex: 0 0 3.5rem; text-align: right; padding-right: .8rem; color: #8c959f; user-select: none; }
.tx { flex: 1; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; min-height: 1.55em; }
mark.hl { background: none; color: inherit; cursor: pointer; border-bottom: 2px solid transparent; }
mark.hl.sev-error { background: var(--error); border-color: var(--error-line); }
mark.hl.sev-warning { background: var(--warning); border-color: var(--warning-line); }
mark.hl.sev-info { background: var(--info); border-color: var(--info-line); }
mark.hl.waived { background: repeating-linear-gradient(135deg, var(--waived) 0 4px, #f3f4f6 4px 8px); border-color: var(--waived-line); border-bottom-style: dashed; }
mark.hl.point::before { content: "\\2038"; font-weight: bold; color: var(--error-line); }
mark.hl.off { background: none; border-color: transparent; cursor: auto; }
mark.hl.off.point::before { content: ""; }
mark.hl.current { outline: 2px solid #0969da; outline-offset: 1px; }
.controls { position: sticky; top: 0; z-index: 1; background: #fcfcfd; padding: .3rem 0; border-bottom: 1px solid #eaeef2; }
form fieldset { border: 1px solid #d0d7de; border-radius: 6px; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
form label { white-space: nowrap; }
form .rule { display: block; margin: .5rem 0; }
form select { max-width: 100%; }
.n { color: #57606a; font-size: .85em; }
#shown { color: #57606a; margin: .3rem 0; }
#findings { list-style: none; padding: 0; margin: 0; }
#findings li { border: 1px solid #d0d7de; border-left-width: 4px; border-radius: 6px; padding: .4rem .6rem; margin: .5rem 0; background: #fff; cursor: pointer; }
#findings li.sev-error { border-left-color: var(--error-line); }
#findings li.sev-warning { border-left-color: var(--warning-line); }
#findings li.sev-info { border-left-color: var(--info-line); }
#findings li.waived { border-left-color: var(--waived-line); background: #f6f8fa; }
#findings li.current { box-shadow: 0 0 0 2px #0969da; }
#findings p { margin: .3rem 0; }
.where { font-family: ui-monospace, monospace; font-size: .85em; }
.badge { font-size: .75em; padding: 0 .4em; border-radius: 1em; border: 1px solid; }
.badge.sev-error { color: var(--error-line); } .badge.sev-warning { color: var(--warning-line); } .badge.sev-info { color: var(--info-line); }
.badge.waived-badge { color: var(--waived-line); }
code.rule { font-size: .85em; }
.suggestion { color: #1a7f37; }
.acceptance { color: #57606a; } .origin, .fingerprint { color: #8c959f; font-size: .8em; }
pre.example { white-space: pre-wrap; background: #f6f8fa; padding: .3rem .5rem; border-radius: 4px; font-size: .85em; }
.error { color: var(--error-line); }
@media (max-width: 900px) { .layout { display: block; height: auto; } aside { border: 0; } }
@media print { .layout { display: block; height: auto; } aside { display: none; } }
"""

_SCRIPT = """
(function () {
  "use strict";
  var RANK = { info: 1, warning: 2, error: 3 };
  var form = document.getElementById("filters");
  var list = document.getElementById("findings");
  var shown = document.getElementById("shown");
  var items = Array.prototype.slice.call(list.querySelectorAll("li.finding"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var byId = {};
  items.forEach(function (item) { byId[item.id] = item; });
  var visible = {};

  function apply() {
    var severities = {};
    form.querySelectorAll("input[name=severity]").forEach(function (box) { severities[box.value] = box.checked; });
    var showWaived = form.querySelector("input[name=waived]").checked;
    var rule = form.querySelector("select[name=rule]").value;
    var count = 0;
    visible = {};
    items.forEach(function (item) {
      var on = severities[item.dataset.severity] && (!rule || item.dataset.rule === rule) &&
        (showWaived || item.dataset.waived !== "true");
      item.hidden = !on;
      if (on) { visible[item.id] = true; count += 1; }
    });
    marks.forEach(function (mark) {
      var worst = 0, severity = null, allWaived = true;
      mark.dataset.findings.split(" ").forEach(function (id) {
        if (!visible[id]) { return; }
        var item = byId[id];
        if (RANK[item.dataset.severity] > worst) { worst = RANK[item.dataset.severity]; severity = item.dataset.severity; }
        if (item.dataset.waived !== "true") { allWaived = false; }
      });
      mark.classList.toggle("off", !severity);
      ["error", "warning", "info"].forEach(function (name) { mark.classList.toggle("sev-" + name, name === severity); });
      mark.classList.toggle("waived", !!severity && allWaived);
    });
    shown.textContent = count + " of " + items.length + " findings shown";
    document.body.dataset.shown = String(count);
  }

  function select(id, fromList) {
    document.querySelectorAll(".current").forEach(function (node) { node.classList.remove("current"); });
    var item = byId[id];
    if (!item) { return; }
    item.classList.add("current");
    var first = null;
    marks.forEach(function (mark) {
      if (mark.dataset.findings.split(" ").indexOf(id) >= 0) {
        mark.classList.add("current");
        if (!first) { first = mark; }
      }
    });
    var target = fromList ? first : item;
    if (target && target.scrollIntoView) { target.scrollIntoView({ block: "center" }); }
    document.body.dataset.current = id;
  }

  form.addEventListener("change", apply);
  list.addEventListener("click", function (event) {
    var item = event.target.closest("li.finding");
    if (!item || event.target.closest("details")) { return; }
    if (event.target.closest("a.where")) { event.preventDefault(); }
    select(item.id, true);
  });
  document.querySelector("main").addEventListener("click", function (event) {
    var mark = event.target.closest("mark.hl");
    if (!mark || mark.classList.contains("off")) { return; }
    var ids = mark.dataset.findings.split(" ").filter(function (id) { return visible[id]; });
    if (ids.length) { select(ids[0], false); }
  });
  apply();
})();
"""

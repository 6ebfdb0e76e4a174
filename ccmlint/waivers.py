"""Waivers: a reviewer's "reviewed, intentional" for a finding, kept outside the report.

An official draft cannot carry linter comments, so decisions live in a YAML file
beside the report (``final-report.txt`` → ``final-report.waivers.yaml``) or in one
file named by the configuration (``waivers:``) for several reports::

    waivers:
      - rule: footnote-out-of-order
        fingerprint: "eeb2d5b2c4b74d91:1"   # from ccmlint (--format json, the HTML page)
        excerpt: "[footnoteRef:7]"           # optional, for the reader
        file: drafts/final-report.txt        # optional; only in a shared file
        reason: The issued document numbers these notes this way.
        reviewer: A. Editor
        date: 2026-09-12
        expires: 2027-01-01                  # optional: from this day it no longer applies

A waiver matches a finding by rule and fingerprint (``ccmlint.fingerprints``), never
by line, so it survives edits elsewhere in the draft. A waived finding does not fail
the run but is counted and can be listed. A waiver that matches nothing any more is
*stale* (``waiver-stale``, a warning at its line, so the file is kept honest); an
expired one no longer applies and says so (``waiver-expired``). Expiry is judged
against today's date: unlike the report's own dates it is a reviewer's calendar.

The file is read as strictly as a rule file: unknown keys, missing fields, bad dates
and duplicate waivers are errors at their line.
"""

from __future__ import annotations

import os
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Annotated, Iterable, Sequence

from ccmlint.cache import cached, digest
from ccmlint.config import iso_date
from ccmlint.diagnostics import Diagnostic, Severity
from ccmlint.engine.errors import ConfigError
from ccmlint.engine.rule import INTERNAL_ERROR
from ccmlint.engine.yamldoc import YamlDocument
from ccmlint.record import Record
from ccmlint.schema import STRICT, BeforeValidator, Field, InvalidData, validate
from ccmlint.output.results import Acceptance, FileResult, RuleDoc, Waived
from ccmlint.source import DecodeError, Source, decode
from ccmlint.writing import write_atomically

SUFFIX = ".waivers.yaml"
WAIVER_STALE = "waiver-stale"
WAIVER_EXPIRED = "waiver-expired"
BASELINE_REASON = "accepted as a baseline: present when ccmlint was adopted"
BASELINE_REVIEWER = "ccmlint --write-baseline"
FINGERPRINT = r"^[0-9a-f]{16}:[1-9][0-9]*$"

DOCS = {
    WAIVER_STALE: RuleDoc(
        id=WAIVER_STALE,
        severity=Severity.WARNING,
        pack="ccmlint",
        summary="A waiver matches no finding any more.",
        rationale=(
            "The finding it accepted has been fixed, or the sentence it sat in was rewritten. "
            "Delete the waiver, or review the new finding and record a new one, so that the "
            "waivers file keeps saying only what is true."
        ),
        authority="The project's review workflow.",
    ),
    WAIVER_EXPIRED: RuleDoc(
        id=WAIVER_EXPIRED,
        severity=Severity.INFO,
        pack="ccmlint",
        summary="A waiver has expired, so the finding it accepted is reported again.",
        rationale="The reviewer set an expiry to look at the finding again; review it and renew or drop the waiver.",
        authority="The project's review workflow.",
    ),
}


# ---------------------------------------------------------------------- schema


def _fingerprint_text(value: object) -> object:
    # NOTE: YAML 1.1 reads an unquoted 12:34 as a base-60 number; say what to do.
    if isinstance(value, int):
        raise ValueError('write the fingerprint in quotes, e.g. "eeb2d5b2c4b74d91:1"')
    return value


IsoDate = Annotated[date, BeforeValidator(iso_date)]
Text = Annotated[str, Field(min_length=1, strict=True)]


class WaiverSpec(Record):
    """One waiver as written."""

    model_config = dict(STRICT)

    rule: Text
    fingerprint: Annotated[str, BeforeValidator(_fingerprint_text), Field(pattern=FINGERPRINT, strict=True)]
    excerpt: str | None = None
    file: Text | None = None
    reason: Text
    reviewer: Text
    date: IsoDate
    expires: IsoDate | None = None


class WaiversSpec(Record):
    model_config = dict(STRICT)

    waivers: list[WaiverSpec] = []


# ---------------------------------------------------------------------- loaded form


class Waiver(Record):
    """A loaded waiver: what was written, where, and the report it is limited to."""

    spec: WaiverSpec
    line: int
    column: int
    report: str | None
    """The resolved path of the report named by ``file``, or None for any report."""

    def applies_to(self, report_path: str) -> bool:
        return self.report is None or (report_path != "<stdin>" and _same_file(self.report, report_path))

    def expired(self, today: date) -> bool:
        return self.spec.expires is not None and today >= self.spec.expires

    def acceptance(self, waivers_path: str) -> Acceptance:
        spec = self.spec
        return Acceptance(spec.reason, spec.reviewer, spec.date, spec.expires, waivers_path, self.line)


class WaiversFile(Record):
    """A waivers file (possibly not written yet: then it has no waivers and no source)."""

    path: str
    waivers: tuple[Waiver, ...] = ()
    source: Source | None = None

    @property
    def exists(self) -> bool:
        return self.source is not None


def beside(report_path: str) -> str:
    """The default waivers file of a report: same folder, ``<stem>.waivers.yaml``."""
    path = Path(report_path)
    return str(path.with_name(path.stem + SUFFIX))


def load_waivers(path: str) -> WaiversFile:
    """Read a waivers file strictly; a file that does not exist holds no waivers."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return WaiversFile(path)
    except OSError as error:
        raise ConfigError(path, 1, 1, f"cannot be read: {error.strerror or error}") from None
    # NOTE: kept validated in the per-user cache, as configuration is (ccmlint.config).
    return cached("waivers", digest(path, os.getcwd(), raw), lambda: _read_waivers(raw, path))


def _read_waivers(raw: bytes, path: str) -> WaiversFile:
    try:
        source = decode(raw, path)
    except DecodeError as error:
        raise ConfigError(path, 1, 1, str(error)) from None
    if not source.text.strip():
        return WaiversFile(path, (), source)
    from ccmlint.engine.yamlsource import load_yaml  # the YAML library, only when YAML is read

    document = load_yaml(raw, path)
    if not isinstance(document.data, dict):
        raise document.error((), "a waivers file is a mapping with one key, 'waivers', holding a list")
    try:
        spec = validate(WaiversSpec, document.data)
    except InvalidData as error:
        raise _schema_error(document, error) from None
    folder = Path(path).resolve().parent
    loaded: list[Waiver] = []
    first: dict[tuple[str, str, str | None], int] = {}
    for index, waiver in enumerate(spec.waivers):
        line, column = document.position(("waivers", index))
        report = str(folder / waiver.file) if waiver.file is not None else None
        key = (waiver.rule, waiver.fingerprint, report)
        if key in first:
            raise ConfigError(path, line, column, f"duplicate waiver for {waiver.rule} {waiver.fingerprint} (first at line {first[key]})")
        first[key] = line
        loaded.append(Waiver(waiver, line, column, report))
    return WaiversFile(path, tuple(loaded), source)


def _schema_error(document: YamlDocument, error: InvalidData) -> ConfigError:
    details = sorted(error.errors(), key=lambda detail: (detail["type"] == "missing", document.position(tuple(detail["loc"]))))
    detail = details[0]
    loc = tuple(detail["loc"])
    written = document.written(loc)
    where = _dotted(written)
    if detail["type"] == "extra_forbidden":
        return document.error(written, f"unknown key '{loc[-1]}' in {_dotted(written[:-1]) or 'the waivers file'}")
    if detail["type"] == "missing":
        return document.error(written, f"missing key '{loc[-1]}' in {where or 'the waivers file'}")
    context = detail.get("ctx") or {}
    if detail["type"] == "string_pattern_mismatch":
        return document.error(written, f"{where}: not a ccmlint fingerprint (16 hex digits, a colon, a number)")
    message = str(context.get("error", detail["msg"])) if detail["type"] == "value_error" else detail["msg"]
    return document.error(written, f"{where}: {message}")


def _dotted(keys: tuple[object, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else (f".{part}" if index else str(part)) for index, part in enumerate(keys))


# ---------------------------------------------------------------------- applying


class Outcome(Record):
    """The reports with their waived findings set aside, and the waivers file's own
    result when it has something to say (stale or expired waivers), else None."""

    reports: tuple[FileResult, ...]
    waivers_result: FileResult | None
    stale: tuple[Waiver, ...]


def apply_waivers(
    reports: Sequence[FileResult], waivers: WaiversFile, today: date, judged_rules: Iterable[str]
) -> Outcome:
    """Set aside the findings the waivers accept, in the reports that use this file.

    ``judged_rules`` are the rules that ran: a waiver for a rule switched off in this
    run, or limited to a report not linted in this run, is not judged stale.
    """
    by_key: dict[tuple[str, str], list[Waiver]] = defaultdict(list)
    for waiver in waivers.waivers:
        by_key[(waiver.spec.rule, waiver.spec.fingerprint)].append(waiver)
    matched: set[int] = set()
    expired: dict[int, Waiver] = {}
    updated: list[FileResult] = []
    for result in reports:
        active: list[Diagnostic] = []
        waived: list[Waived] = list(result.waived)
        for diagnostic in result.diagnostics:
            accepting = _matching(by_key, diagnostic, result.path)
            if accepting is None or diagnostic.rule == INTERNAL_ERROR:
                active.append(diagnostic)
                continue
            matched.add(id(accepting))
            if accepting.expired(today):
                expired[id(accepting)] = accepting
                active.append(diagnostic)
            else:
                waived.append(Waived(diagnostic, accepting.acceptance(waivers.path)))
        updated.append(_replace(result, tuple(active), tuple(waived)))
    rules = set(judged_rules)
    linted = [result.path for result in reports if result.source is not None]
    stale = tuple(
        waiver
        for waiver in waivers.waivers
        if id(waiver) not in matched
        and waiver.spec.rule in rules
        and any(waiver.applies_to(path) for path in linted)
    )
    diagnostics = [_stale(waiver, waivers) for waiver in stale]
    diagnostics += [_expired(waiver, waivers, today) for waiver in expired.values()]
    waivers_result = None
    if diagnostics and waivers.source is not None:
        ordered = tuple(sorted(diagnostics, key=Diagnostic.sort_key))
        waivers_result = FileResult(waivers.path, waivers.source, ordered, is_report=False)
    return Outcome(tuple(updated), waivers_result, stale)


def _matching(by_key: dict[tuple[str, str], list[Waiver]], diagnostic: Diagnostic, path: str) -> Waiver | None:
    if diagnostic.fingerprint is None:
        return None
    for waiver in by_key.get((diagnostic.rule, diagnostic.fingerprint), ()):
        if waiver.applies_to(path):
            return waiver
    return None


def _replace(result: FileResult, diagnostics: tuple[Diagnostic, ...], waived: tuple[Waived, ...]) -> FileResult:
    return FileResult(
        result.path, result.source, diagnostics, result.error, waived, result.chapters, result.is_report
    )


def _entry_span(waiver: Waiver, source: Source) -> tuple[int, int]:
    start = source.lines.line_start(waiver.line) + waiver.column - 1
    end = source.text.find("\n", start)
    return start, len(source.text) if end < 0 else end


def _stale(waiver: Waiver, waivers: WaiversFile) -> Diagnostic:
    assert waivers.source is not None
    spec = waiver.spec
    return Diagnostic(
        path=waivers.path,
        rule=WAIVER_STALE,
        severity=Severity.WARNING,
        message=f"the waiver for {spec.rule} {spec.fingerprint} matches no finding any more",
        span=waivers.source.span(*_entry_span(waiver, waivers.source)),
        suggestion="delete it if the finding was fixed; if the sentence was reworded, review the new finding and waive that",
    )


def _expired(waiver: Waiver, waivers: WaiversFile, today: date) -> Diagnostic:
    spec = waiver.spec
    assert waivers.source is not None and spec.expires is not None
    return Diagnostic(
        path=waivers.path,
        rule=WAIVER_EXPIRED,
        severity=Severity.INFO,
        message=f"the waiver for {spec.rule} {spec.fingerprint} expired on {spec.expires.isoformat()}; the finding is reported again",
        span=waivers.source.span(*_entry_span(waiver, waivers.source)),
        suggestion="review the finding: fix it, or renew the waiver with a new date and expiry",
    )


# ---------------------------------------------------------------------- baseline


def write_baseline(
    waivers: WaiversFile,
    outcome: Outcome,
    today: date,
    shared: bool,
    reviewer: str = BASELINE_REVIEWER,
    reason: str = BASELINE_REASON,
) -> int:
    """Record every finding still active in ``outcome`` as waived; return how many were added.

    Waivers already written are kept (with their reasons), except stale ones and
    expired ones whose finding is recorded afresh. ``shared`` files name each
    waiver's report. NOTE: the file is rewritten, so comments in it are not kept.
    """
    renewed = {id(waiver) for waiver in _expired_matches(waivers, outcome, today)}
    stale = {id(waiver) for waiver in outcome.stale}
    kept = [waiver.spec for waiver in waivers.waivers if id(waiver) not in stale and id(waiver) not in renewed]
    folder = Path(waivers.path).resolve().parent
    added: list[WaiverSpec] = []
    for result in outcome.reports:
        if result.source is None:
            continue
        file = _relative(result.path, folder) if shared else None
        for diagnostic in result.diagnostics:
            if diagnostic.rule == INTERNAL_ERROR or diagnostic.fingerprint is None:
                continue
            excerpt = " ".join(result.source.text[diagnostic.span.start : diagnostic.span.end].split())
            added.append(
                WaiverSpec(
                    rule=diagnostic.rule,
                    fingerprint=diagnostic.fingerprint,
                    excerpt=excerpt[:80] + ("…" if len(excerpt) > 80 else "") or None,
                    file=file,
                    reason=reason,
                    reviewer=reviewer,
                    date=today,
                )
            )
    write_atomically(waivers.path, render_waivers([*kept, *added]).encode("utf-8"))
    return len(added)


def _expired_matches(waivers: WaiversFile, outcome: Outcome, today: date) -> list[Waiver]:
    active = {(d.rule, d.fingerprint) for result in outcome.reports for d in result.diagnostics}
    return [
        waiver
        for waiver in waivers.waivers
        if waiver.expired(today) and (waiver.spec.rule, waiver.spec.fingerprint) in active
    ]


def _relative(report: str, folder: Path) -> str:
    return Path(os.path.relpath(Path(report).resolve(), folder)).as_posix()


def render_waivers(waivers: Sequence[WaiverSpec]) -> str:
    """The text of a waivers file; every string quoted, so nothing is read as a number."""
    lines = [
        "# ccmlint waivers: findings reviewed and accepted as intentional.",
        "# Each waiver names a rule and a finding's fingerprint (not a line: it survives edits).",
        "# Keys: rule, fingerprint, excerpt (optional), file (optional), reason, reviewer, date,",
        "# expires (optional; from that day the waiver no longer applies).",
    ]
    if not waivers:
        return "\n".join(lines + ["waivers: []"]) + "\n"
    lines.append("waivers:")
    for spec in waivers:
        lines.append(f"  - rule: {_quoted(spec.rule)}")
        lines.append(f"    fingerprint: {_quoted(spec.fingerprint)}")
        if spec.excerpt is not None:
            lines.append(f"    excerpt: {_quoted(spec.excerpt)}")
        if spec.file is not None:
            lines.append(f"    file: {_quoted(spec.file)}")
        lines.append(f"    reason: {_quoted(spec.reason)}")
        lines.append(f"    reviewer: {_quoted(spec.reviewer)}")
        lines.append(f"    date: {spec.date.isoformat()}")
        if spec.expires is not None:
            lines.append(f"    expires: {spec.expires.isoformat()}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar on one line (PyYAML escapes what YAML requires)."""
    import yaml

    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=1_000_000).strip()


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return Path(first).resolve() == Path(second).resolve()

"""One ``ccmlint`` run over many reports: configuration, linting, fixes, waivers.

The order matters and is kept here, out of the CLI:

1. each report gets its configuration (``--config``, or the file found upward from
   it, or none with ``--isolated``) with the command line's options on top, and the
   linter for that configuration (loaded once per distinct configuration);
2. each report is linted; with ``--fix`` or ``--diff`` its safe fixes are applied
   (waived findings are left alone: a reviewer accepted them as they are) and the
   fixed text is linted again;
3. the waivers of each waivers file are applied to the reports that use it, and
   stale or expired waivers become diagnostics of that file; ``--write-baseline``
   records every finding still open first;
4. the run fails when a report has an open finding at or above its fail level.

With ``--jobs N`` step 2 runs in worker processes (``ccmlint.parallel``), the rest
here; the per-report steps are ``ccmlint.perfile``, shared by both ways.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from ccmlint.cache import save_memos
from ccmlint.catalogue import catalogue
from ccmlint.config import DEFAULT, Config, ConfigFinder, load_config, with_overrides
from ccmlint.diagnostics import Severity
from ccmlint.engine.errors import ConfigError
from ccmlint.engine.rule import INTERNAL_ERROR, Rule
from ccmlint.engine.runner import failed_rule
from ccmlint.lint import Linter, LintOptions, UnknownRuleName
from ccmlint.output.results import FileResult, Report
from ccmlint.parallel import Job, LintPool, file_groups, worker_count
from ccmlint.perfile import FileOptions, Linted, lint_report
from ccmlint.reading import STDIN
from ccmlint.record import Record, field
from ccmlint.waivers import WaiversFile, apply_waivers, beside, load_waivers, write_baseline



class Overrides(Record):
    """Options given on the command line, applied over every configuration file."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    as_of: date | None = None
    rule_dirs: tuple[str, ...] = ()
    waivers: str | None = None
    fail_on: Severity | None = None


class RunOptions(Record):
    config: str | None = None
    isolated: bool = False
    overrides: Overrides = Overrides()
    max_bytes: int | None = None
    fix: bool = False
    diff: bool = False
    write_baseline: bool = False
    today: date = field(default_factory=date.today)
    jobs: int = 1
    """Worker processes for linting (0: one per processor); 1 lints in this process."""

    @property
    def per_file(self) -> FileOptions:
        return FileOptions(max_bytes=self.max_bytes, fix=self.fix, diff=self.diff, today=self.today)


class RunResult(Record):
    """What the CLI prints and how it exits."""

    report: Report
    failing: bool
    read_errors: tuple[FileResult, ...]
    diff: str = ""
    notes: tuple[str, ...] = ()
    """Messages for standard error: files fixed, baselines written, fixes refused."""

    @property
    def internal_error(self) -> bool:
        return any(d.rule == INTERNAL_ERROR for d in self.report.diagnostics())

    @property
    def failed_rules(self) -> tuple[tuple[str, str], ...]:
        """(rule, path) of each rule that raised on a report, once each, in output order."""
        failed: dict[tuple[str, str], None] = {}
        for diagnostic in self.report.diagnostics():
            if diagnostic.rule == INTERNAL_ERROR:
                failed[(failed_rule(diagnostic) or "(unknown)", diagnostic.path)] = None
        return tuple(failed)


class Runner:
    """Lints reports under their configurations; one instance per command line."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self._finder = ConfigFinder()
        self._explicit = load_config(options.config) if options.config is not None else None
        self._linters: dict[LintOptions, Linter] = {}

    # ------------------------------------------------------------------ configuration

    def config_for(self, path: str) -> Config:
        """The configuration that governs ``path``, with the command line on top."""
        if self._explicit is not None:
            base = self._explicit
        elif self.options.isolated:
            base = DEFAULT
        else:
            base = self._finder.for_report(path)
        o = self.options.overrides
        return with_overrides(
            base,
            select=o.select,
            ignore=o.ignore,
            as_of=o.as_of,
            rule_dirs=o.rule_dirs,
            waivers=o.waivers,
            fail_on=o.fail_on,
        )

    def linter_for(self, config: Config) -> Linter:
        options = LintOptions(
            as_of=config.as_of,
            rule_dirs=config.rule_dirs,
            select=config.select,
            ignore=config.ignore,
            severity=config.severity,
        )
        if options not in self._linters:
            try:
                self._linters[options] = Linter.create(options)
            except UnknownRuleName as unknown:
                name, message = unknown.args
                placed = config.name_error(name, message)
                raise (placed if placed is not None else unknown) from None
        return self._linters[options]

    # ------------------------------------------------------------------ the run

    def run(self, paths: list[str]) -> RunResult:
        waiver_files: dict[str, WaiversFile] = {}
        configs, linted = self._lint_all(paths, waiver_files)
        save_memos()
        results = [outcome.result for outcome in linted]
        diffs = [outcome.diff for outcome in linted]
        notes = [note for outcome in linted for note in outcome.notes]
        groups: dict[str | None, list[int]] = defaultdict(list)
        for index, (path, config) in enumerate(zip(paths, configs)):
            groups[self._waivers_path(path, config)].append(index)
        extra: list[FileResult] = []
        judged = {rule.id for linter in self._linters.values() for rule in linter.rules} | {"facts-missing"}
        for waivers_path, indexes in groups.items():
            if waivers_path is None:
                if self.options.write_baseline:
                    notes.append("<stdin>: no waivers file to record the baseline in; name one with --waivers")
                continue
            waivers = waiver_files[waivers_path]
            group = [results[index] for index in indexes]
            outcome = apply_waivers(group, waivers, self.options.today, judged)
            if self.options.write_baseline and not self.options.diff:
                shared = any(config.waivers is not None for config in (configs[index] for index in indexes))
                added = write_baseline(waivers, outcome, self.options.today, shared)
                notes.append(f"{waivers_path}: recorded {added} finding{'s' if added != 1 else ''} as waived")
                waivers = load_waivers(waivers_path)
                outcome = apply_waivers(group, waivers, self.options.today, judged)
            for index, updated in zip(indexes, outcome.reports):
                results[index] = updated
            if outcome.waivers_result is not None:
                extra.append(outcome.waivers_result)
        report = Report(tuple(results + extra), catalogue(self._rules()))
        failing = any(self._fails(result, config) for result, config in zip(results, configs))
        fail_level = self._fail_level(configs[0] if configs else DEFAULT)
        failing = failing or any(d.severity >= fail_level for result in extra for d in result.diagnostics)
        errors = tuple(result for result in results if result.error is not None)
        return RunResult(report, failing, errors, "".join(diffs), tuple(notes))

    def _lint_all(self, paths: list[str], waiver_files: dict[str, WaiversFile]) -> tuple[list[Config], list[Linted]]:
        """Each report's configuration and outcome, in the order given: in worker
        processes when ``--jobs`` asks for them and there are reports to share out."""
        if self.options.jobs == 1:
            return self._lint_serially(paths, waiver_files)
        files = [index for index, path in enumerate(paths) if path != STDIN]
        groups = file_groups(paths, files, self.options.fix)
        workers = worker_count(self.options.jobs, len(groups))
        if workers < 2:
            return self._lint_serially(paths, waiver_files)
        return self._lint_in_pool(paths, groups, workers, waiver_files)

    def _lint_serially(self, paths: list[str], waiver_files: dict[str, WaiversFile]) -> tuple[list[Config], list[Linted]]:
        configs: list[Config] = []
        linted: list[Linted] = []
        for path in paths:
            config = self.config_for(path)
            linter = self.linter_for(config)
            waivers = self._waivers_for(path, config, waiver_files)
            configs.append(config)
            linted.append(lint_report(path, linter, waivers, self.options.per_file))
        return configs, linted

    def _lint_in_pool(
        self, paths: list[str], groups: list[tuple[int, ...]], workers: int, waiver_files: dict[str, WaiversFile]
    ) -> tuple[list[Config], list[Linted]]:
        """Configurations, linters and waivers are settled here first, in the order the
        serial loop meets them (so the same configuration error stops the run); the
        workers then lint while this process lints standard input."""
        per_file = self.options.per_file
        configs, jobs = self._jobs(paths, waiver_files)
        outcomes: dict[int, Linted] = {}
        with LintPool(self._linters, per_file, workers) as pool:
            pending = [(chain, pool.submit(chain)) for chain in (tuple(jobs[index] for index in group) for group in groups)]
            for job in jobs:
                if job.path == STDIN:
                    outcomes[job.index] = lint_report(job.path, self._linters[job.options], job.waivers, per_file)
            for chain, future in pending:
                outcomes.update(pool.collect(chain, future))
        return configs, [outcomes[index] for index in range(len(paths))]

    def _jobs(self, paths: list[str], waiver_files: dict[str, WaiversFile]) -> tuple[list[Config], list[Job]]:
        """Each report's configuration and what a worker needs to lint it (its waivers
        only when fixing: a worker has no other use for them)."""
        configs: list[Config] = []
        jobs: list[Job] = []
        for index, path in enumerate(paths):
            config = self.config_for(path)
            linter = self.linter_for(config)
            waivers = self._waivers_for(path, config, waiver_files)
            configs.append(config)
            jobs.append(Job(index, path, linter.options, waivers if self.options.per_file.fixing else None))
        return configs, jobs

    def _waivers_path(self, path: str, config: Config) -> str | None:
        if config.waivers is not None:
            return config.waivers
        return None if path == STDIN else beside(path)

    def _waivers_for(self, path: str, config: Config, loaded: dict[str, WaiversFile]) -> WaiversFile | None:
        waivers_path = self._waivers_path(path, config)
        if waivers_path is None:
            return None
        if waivers_path not in loaded:
            loaded[waivers_path] = load_waivers(waivers_path)
        return loaded[waivers_path]

    def _fail_level(self, config: Config) -> Severity:
        return config.fail_on if config.fail_on is not None else Severity.WARNING

    def _fails(self, result: FileResult, config: Config) -> bool:
        level = self._fail_level(config)
        return any(diagnostic.severity >= level for diagnostic in result.diagnostics)

    def _rules(self) -> list[Rule]:
        return [rule for linter in self._linters.values() for rule in (linter.all_rules or linter.rules)]


def rule_config(start: str, config: str | None, isolated: bool, rule_dirs: tuple[str, ...]) -> Config:
    """The configuration ``ccmlint rules`` and ``explain`` use: found from ``start``
    (the current folder), for its extra rule folders."""
    if config is not None:
        base = load_config(config)
    elif isolated:
        base = DEFAULT
    else:
        base = ConfigFinder().for_folder(Path(start))
    return with_overrides(base, rule_dirs=rule_dirs)


__all__ = ["ConfigError", "Overrides", "RunOptions", "RunResult", "Runner", "rule_config"]

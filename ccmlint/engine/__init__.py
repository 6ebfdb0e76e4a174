"""The rules engine: YAML rule packs in, diagnostics out.

Public API (import from the modules; this package imports nothing itself, so that
the check kinds can use ``engine.factpath`` and ``engine.context`` without a cycle):

- ``ccmlint.engine.loader.load_rules(packs, extra_dirs) -> RuleSet``
- ``ccmlint.engine.runner.run(rules, facts, context, path) -> list[Diagnostic]``
- ``ccmlint.engine.context.Context(as_of=None, data={})``
- ``ccmlint.engine.explain.explain(rule) -> str``
- ``ccmlint.engine.errors.ConfigError`` (raised by the loader)
"""

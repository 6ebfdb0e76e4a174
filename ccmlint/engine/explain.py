"""A rule's documentation as plain text, for ``ccmlint explain RULE``.

Everything comes from the rule file itself (its docs sections, message and check),
so the explanation cannot drift from what the rule does.
"""

from __future__ import annotations


from ccmlint.engine.rule import Rule
from ccmlint.record import to_data

_WIDTH = 88
_INDENT = "    "


def explain(rule: Rule) -> str:
    docs = rule.docs
    params = to_data(rule.params)
    assert isinstance(params, dict)
    check_lines = [f"{name}: {_inline(value)}" for name, value in params.items()]
    sections = [
        f"{rule.id} ({rule.severity}, pack {rule.pack})",
        _wrap(docs.summary, indent=""),
        "Why it matters\n" + _wrap(docs.rationale),
        "Flagged\n" + _block(docs.example.flagged),
        "Corrected\n" + _block(docs.example.corrected),
        "Authority\n" + _wrap(docs.authority),
        "Message\n" + _INDENT + rule.spec.message,
        "Check\n" + "\n".join(_INDENT + line for line in check_lines),
        f"Defined in {rule.source}:{rule.line}",
    ]
    return "\n\n".join(sections) + "\n"


def _wrap(text: str, indent: str = _INDENT) -> str:
    import textwrap  # only when a rule is explained, not on a lint's path

    paragraphs = [" ".join(paragraph.split()) for paragraph in text.strip().split("\n\n")]
    return "\n\n".join(
        textwrap.fill(paragraph, _WIDTH, initial_indent=indent, subsequent_indent=indent) for paragraph in paragraphs
    )


def _block(fragment: str) -> str:
    """A report fragment keeps its own line breaks."""
    import textwrap

    return textwrap.indent(fragment.rstrip("\n"), _INDENT, lambda line: True)


def _inline(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)

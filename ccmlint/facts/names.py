"""Which State a written name stands for, from the pack's names data — exactly, never fuzzily.

``rules/generic/data/states.yaml`` lists each State's UN short name and the other
forms drafts use ("Czech Republic", "the Netherlands", "Lao PDR"). A written name
resolves when it equals the name or a variant after folding what never
distinguishes two spellings (case, spacing, apostrophe shapes, a leading "the").
NOTE: a misspelling stays unresolved on purpose: a rule reports near misses, and it
can only do so if the resolver does not silently repair them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Iterable, Mapping

from ccmlint import regexes
from ccmlint.packdata_io import prepared, read_yaml_data
from ccmlint.facts.model import fold_word, normalise_name
from ccmlint.facts.phrasings import rules_root

STATES_FILE = Path("generic") / "data" / "states.yaml"

# A name is a few words; longer candidates are never tried.
_MAX_NAME_WORDS = 12
_WORD = regexes.compile(r"\S+")
_TRAILING_PUNCTUATION = ",;:.!?"


class StateNames:
    """An index from every folded form of a State's name to its official short name."""

    __slots__ = ("forms", "prefixes", "_all_forms")

    def __init__(self, forms: Mapping[str, str] | None = None) -> None:
        self.forms: Mapping[str, str] = {} if forms is None else forms
        # Every leading run of words of a folded form ("bosnia", "bosnia and"): a name is
        # extended by a word only while the words so far can still grow into one.
        prefixes = set()
        for form in self.forms:
            words = form.split(" ")
            prefixes.update(" ".join(words[:count]) for count in range(1, len(words) + 1))
        self.prefixes = frozenset(prefixes)
        self._all_forms = "\n".join(self.forms)

    def may_be_within(self, text: str) -> bool:
        """False only where ``text`` is part of no known name (its folded form is in none):
        one substring test, before looking for names around it word by word."""
        return normalise_name(text) in self._all_forms

    @classmethod
    def from_entries(cls, entries: Iterable[Mapping[str, object]]) -> StateNames:
        """Build from ``[{name, variants: [{text, status}]}]``; malformed entries are skipped."""
        forms: dict[str, str] = {}
        for entry in entries:
            if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str):
                continue
            name = str(entry["name"])
            forms.setdefault(normalise_name(name), name)
            variants = entry.get("variants") or []
            for variant in variants if isinstance(variants, list) else []:
                text = variant.get("text") if isinstance(variant, Mapping) else variant
                if isinstance(text, str) and text.strip():
                    forms.setdefault(normalise_name(text), name)
        return cls(forms)

    def resolve(self, text: str) -> str | None:
        """The official name of a written name, or None when the data does not know it."""
        return self.forms.get(normalise_name(text))

    def longest_at(self, text: str, start: int, end: int | None = None) -> tuple[int, str] | None:
        """The longest known name starting at ``start`` (and ending by ``end``): its end and State.

        Lists are split with this, greedily, so that the "and" of "Bosnia and
        Herzegovina" is never taken for a separator. A candidate ends after a word,
        with or without the punctuation that trails it; words are folded one by one
        as ``normalise_name`` folds a whole name.
        """
        limit = len(text) if end is None else end
        best: tuple[int, str] | None = None
        words: list[str] = []
        for count, word in enumerate(_WORD.finditer(text, start, limit)):
            if count >= _MAX_NAME_WORDS:
                break
            whole = fold_word(word.group())
            bare = word.group().rstrip(_TRAILING_PUNCTUATION)
            candidates = [(word.end(), _joined([*words, whole]))]
            if bare != word.group():
                candidates.append((word.start() + len(bare), _joined([*words, fold_word(bare)] if bare else words)))
            for candidate_end, key in candidates:
                state = self.forms.get(key)
                if state is not None and (best is None or candidate_end > best[0]):
                    best = (candidate_end, state)
            words.append(whole)
            if candidates[0][1] not in self.prefixes and words != ["the"]:
                break
        return best


def _joined(words: list[str]) -> str:
    """The folded form of a run of folded words, as ``normalise_name`` gives it."""
    joined = " ".join(words)
    return joined[4:] if joined.startswith("the ") else joined

def load_state_names(path: Path | None = None) -> StateNames:
    """The names data of the generic pack (or of ``path``); empty when the file is absent."""
    return _load(path or rules_root() / STATES_FILE)


@cache
def _load(path: Path) -> StateNames:
    return prepared("state-names", [path], lambda: _build(path))


def _build(path: Path) -> StateNames:
    if not path.is_file():
        return StateNames()
    data = read_yaml_data(path) or {}
    entries = data.get("states", []) if isinstance(data, Mapping) else data
    return StateNames.from_entries(entries if isinstance(entries, list) else [])

from pathlib import Path

import pytest

from ccmlint.facts.phrasings import PhrasingsError, load_phrasings


def test_packs_merge_lists_and_override(tmp_path: Path) -> None:
    default = load_phrasings()
    assert default.meeting.abbreviations["MSP"] == "meeting_of_states_parties"
    assert default.extensions.topic  # the ccm pack narrowed the generic empty list


def test_a_broken_pattern_names_its_file_and_key(tmp_path: Path) -> None:
    real = load_phrasings.__wrapped__  # type: ignore[attr-defined]
    generic = Path(__file__).resolve().parents[2] / "rules" / "generic" / "facts.yaml"
    (tmp_path / "generic").mkdir()
    (tmp_path / "generic" / "facts.yaml").write_text(generic.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "facts.yaml").write_text("meeting:\n  venue: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(PhrasingsError, match=r"bad/facts.yaml: meeting\.venue"):
        real(("generic", "bad"), tmp_path)
    (tmp_path / "bad" / "facts.yaml").write_text("meeting:\n  colour: red\n", encoding="utf-8")
    with pytest.raises(PhrasingsError, match=r"meeting\.colour"):
        real(("generic", "bad"), tmp_path)

from datetime import date
from pathlib import Path

from ccmlint.facts.packdata import load_pack_data


def test_the_bundled_data() -> None:
    data = load_pack_data(("generic", "ccm"))
    assert data.years_of("meeting_of_states_parties", 12) == (2024,)
    assert data.years_of("review_conference", 2) == (2020, 2021)
    assert data.years_of("meeting_of_states_parties", 15) == ()  # predicted only: unknown
    assert {area.article for area in data.areas} == {3, 4, 5, 6, 7, 8, 9}
    assert {unit.name for unit in data.units} >= {"hectare", "square kilometre"}
    assert data.previous_deadline("Germany", "meeting_of_states_parties", 12) == date(2025, 8, 1)
    assert data.previous_deadline("Chad", "meeting_of_states_parties", 12) is None


def test_missing_or_broken_files_are_empty(tmp_path: Path) -> None:
    (tmp_path / "pack" / "data").mkdir(parents=True)
    (tmp_path / "pack" / "data" / "meetings.yaml").write_text("meetings: [unclosed", encoding="utf-8")
    data = load_pack_data(("pack", "absent"), tmp_path)
    assert data.meeting_years == {} and data.areas == () and data.units == ()

"""JSON output: one array, each finding with its fingerprint; waived ones only on request."""

from __future__ import annotations

import json

from handmade import report

from ccmlint.output import json as json_format
from ccmlint.output.results import RenderOptions


def test_open_findings_with_fingerprints_and_fixes() -> None:
    records = json.loads(json_format.render(report()))
    assert [record["fingerprint"] for record in records] == ["aaaaaaaaaaaaaaaa:1", "bbbbbbbbbbbbbbbb:1", "cccccccccccccccc:1"]
    assert records[1]["fix"] == {"line": 4, "column": 11, "end_line": 4, "end_column": 13, "replacement": " "}
    assert all("waived" not in record for record in records)


def test_waived_findings_on_request_carry_the_decision() -> None:
    records = json.loads(json_format.render(report(), RenderOptions(show_waived=True)))
    (waived,) = [record for record in records if "waived" in record]
    assert waived["fingerprint"] == "dddddddddddddddd:1"
    assert waived["waived"] == {
        "reason": "Intentional: the issued text, 50% agreed, reads so.",
        "reviewer": "A. Editor",
        "date": "2026-09-12",
        "expires": "2027-01-01",
        "waivers_file": "draft.waivers.yaml",
        "waivers_line": 7,
    }
    assert [record["line"] for record in records] == sorted(record["line"] for record in records)

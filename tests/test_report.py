"""Report ordering never compares None with a value."""

from __future__ import annotations

from communique.report import Finding, Report


def test_sorted_mixes_missing_and_present_optional_fields() -> None:
    a = Finding("f", "$", "E103", "m", record=None)
    b = Finding("f", "$", "E103", "m", record="r")
    c = Finding("f", "$", "E103", "m", line=3)
    report = Report("root", [b, c, a, b])
    assert report.sorted().findings == [a, c, b]

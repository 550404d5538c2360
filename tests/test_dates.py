"""The ISO 8601 parser behind E304-E306 and W403, at the edges of the calendar."""

from __future__ import annotations

from datetime import datetime

import pytest

from communique.validation._dates import DateError, parse_end, parse_value


@pytest.mark.parametrize(
    ("text", "precision", "first", "last_day"),
    [
        ("2025", "year", datetime(2025, 1, 1), (2025, 12, 31)),
        ("2024-02", "month", datetime(2024, 2, 1), (2024, 2, 29)),
        ("2025-02", "month", datetime(2025, 2, 1), (2025, 2, 28)),
        ("2025-W16", "week", datetime(2025, 4, 14), (2025, 4, 20)),
        ("2020-W53", "week", datetime(2020, 12, 28), (2021, 1, 3)),
        ("2024-02-29", "day", datetime(2024, 2, 29), (2024, 2, 29)),
        ("2025-04-13T21:05", "minute", datetime(2025, 4, 13, 21, 5), (2025, 4, 13)),
        ("9999-12", "month", datetime(9999, 12, 1), (9999, 12, 31)),
        ("9999-W52", "week", datetime(9999, 12, 27), (9999, 12, 31)),
        ("9999-12-31T23:59", "minute", datetime(9999, 12, 31, 23, 59), (9999, 12, 31)),
    ],
)
def test_real_values(text: str, precision: str, first: datetime, last_day: tuple[int, int, int]) -> None:
    period = parse_end(text)
    assert (period.precision, period.first) == (precision, first)
    assert (period.last.year, period.last.month, period.last.day) == last_day


@pytest.mark.parametrize(
    "text", ["0000", "2025-00", "2025-13", "2025-02-29", "2025-04-31", "2025-W00", "2025-W53", "2025-04-13T24:00",
             "2025-04-13T12:60", "2025-4-13", "٢٠٢٥"],
)
def test_unreal_values(text: str) -> None:
    with pytest.raises(DateError):
        parse_end(text)


def test_hour_precision_needs_a_time_on_the_hour() -> None:
    assert parse_end("2025-04-13T21:00").precisions == {"hour", "minute"}
    assert parse_end("2025-04-13T21:30").precisions == {"minute"}


def test_interval() -> None:
    start, end = parse_value("2025-04/2025-04-13")
    assert end is not None and start.first <= end.last
    assert parse_value("2025")[1] is None

"""day-count: days since a date against the document date, and weekday names."""

from __future__ import annotations

from checks_support import findings, flagged


def test_day_count_122_days_from_october_6():
    assert not flagged("day-count", "Bitcoin is now 122 days away from its October 6 peak.", as_of="2026-02-05")


def test_day_count_press_time_or_previous_close_readings():
    # 121 (counted to the previous day) and 123 (with the end day) are readings, not errors
    for n in (121, 123):
        assert not flagged("day-count", f"Bitcoin is now {n} days away from its October 6 peak.", as_of="2026-02-05")


def test_day_count_wrong_count():
    (f,) = findings("day-count", "Bitcoin is now 150 days away from its October 6 peak.", as_of="2026-02-05")
    assert "122 days" in f.message


def test_day_count_needs_a_document_date():
    assert not flagged("day-count", "Bitcoin is now 150 days away from its October 6 peak.", as_of=None)


def test_day_count_weekday_of_a_date():
    assert not flagged("day-count", "The exchange filed this complaint on Tuesday, February 3.", as_of="2026-02-05")
    (f,) = findings("day-count", "The exchange filed this complaint on Wednesday, February 3.", as_of="2026-02-05")
    assert "Tuesday" in f.message


def test_day_count_weekday_with_written_year_is_an_error():
    (f,) = findings("day-count", "The hearing is set for Friday, March 5, 2026.", as_of=None)
    assert f.severity == "error"


def test_day_count_days_ago_with_a_date():
    assert not flagged("day-count", "The slide began 123 days ago with the October 5 top.", as_of="2026-02-05")
    assert flagged("day-count", "The slide began 150 days ago with the October 5 top.", as_of="2026-02-05")
    assert not flagged("day-count", "It happened 10 days ago, on January 26.", as_of="2026-02-05")

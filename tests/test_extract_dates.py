"""Dates, years, quarters and times are kind "date": never read as amounts."""

from datetime import date

import pytest

from factcheck.extract import extract_text


@pytest.mark.parametrize(
    ("text", "surface", "day"),
    [
        ("The exchange filed on Tuesday, February 3.", "February 3", None),
        ("Ether hit a low on Feb. 5, 2026 at noon.", "Feb. 5, 2026", date(2026, 2, 5)),
        ("Deadline: September 9, 2025, for all firms.", "September 9, 2025", date(2025, 9, 9)),
        ("Effective 1 April 2026 in India.", "1 April 2026", date(2026, 4, 1)),
        ("Published 2026-02-05 by the desk.", "2026-02-05", date(2026, 2, 5)),
        ("Bitcoin fell below $70,000 for the first time since Q3 2024.", "Q3 2024", None),
        ("The ‘10/06’ crash.", "10/06", None),
        ("It ran in 2025 and again.", "2025", None),
        ("In mid-2025 it rebranded.", "mid-2025", None),
        ("For the 2026-27 budget year.", "2026-27", None),
        ("At 11:30 AM the price fell.", "11:30 AM", None),
        ("Results for FY2026 arrive.", "FY2026", None),
        ("Sales in January 2026 rose.", "January 2026", None),
    ],
)
def test_dates_are_kind_date(text, surface, day):
    qs = extract_text(text)
    dates = [q for q in qs if q.text == surface]
    assert dates, [q.text for q in qs]
    q = dates[0]
    assert (q.kind, q.unit, q.value) == ("date", None, None)
    assert q.date_value == day
    assert all(q.kind == "date" for q in qs if q.start < q.end and surface in q.text)


@pytest.mark.parametrize(
    "text",
    ["On February 3, 2026 the firm sold.", "Between 2022 and 2024 prices rose.", "In Q4 2025 and in 2026."],
)
def test_dates_never_become_amounts(text):
    assert [q.text for q in extract_text(text) if q.kind != "date"] == []


def test_dates_a_year_with_a_unit_is_an_amount():
    (q,) = extract_text("The fund holds 2025 BTC.")
    assert (q.kind, q.unit, q.value) == ("amount", "BTC", 2025)


def test_dates_invalid_slash_pair_is_not_a_date():
    assert [q.kind for q in extract_text("Support is 24/7 here.")] == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [("Revenue rose 35% in January.", ["January"]), ("May I ask? March on, troops.", []),
     ("In mid-January it fell; in early March 2025 it rose.", ["mid-January", "early March 2025"])],
)  # fmt: skip
def test_dates_month_names_after_a_preposition(text, dates):
    assert [q.text for q in extract_text(text) if q.kind == "date"] == dates


@pytest.mark.parametrize("text", ["I arrived at 2.13 am.", "The call is at 10.30pm.", "the 2.13 a.m. train"])
def test_dates_dotted_time_of_day_is_a_date_not_an_amount(text):
    qs = extract_text(text)
    assert [q.kind for q in qs] == ["date"]


def test_dates_dotted_number_before_other_words_is_still_a_figure():
    (q,) = extract_text("It rose 2.13 amid gains.")
    assert (q.kind, q.value) == ("count", 2.13)

"""Date references resolved against the publication date (factcheck.dates, rules/dates.toml)."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.dates import add_months, find_dates, last_weekday, resolve

THU = date(2026, 2, 5)  # the corpus page's date, a Thursday


def spans(phrase: str, as_of: date | None) -> list[tuple[date, date]]:
    return [(w.start, w.end) for w in resolve(phrase, as_of)]


def d(text: str) -> date:
    return date.fromisoformat(text)


# ---------------------------------------------------------------- weekdays


def test_weekday_on_the_publication_day_itself_is_the_publication_day():
    assert spans("on Thursday", THU) == [(THU, THU)]


def test_weekday_is_the_most_recent_one_before_publication():
    assert spans("rebounded 12% on Friday", THU) == [(d("2026-01-30"), d("2026-01-30"))]
    assert spans("on Wednesday", THU) == [(d("2026-02-04"), d("2026-02-04"))]


def test_weekday_across_a_year_boundary():
    # 2026-01-01 is a Thursday; the Friday before is 2025-12-26
    assert spans("on Friday", d("2026-01-01")) == [(d("2025-12-26"), d("2025-12-26"))]


def test_weekday_session_keeps_the_price_it_names():
    [ref] = find_dates("Friday's close", d("2026-02-07"))
    assert ref.hint == "close"
    assert [(w.start, w.end) for w in ref.windows] == [(d("2026-02-06"), d("2026-02-06"))]


def test_last_weekday_offers_yesterday_and_the_previous_week():
    got = spans("last Thursday", d("2026-02-06"))
    assert got == [(d("2026-02-05"), d("2026-02-05")), (d("2026-01-29"), d("2026-01-29"))]


def test_last_weekday_on_that_weekday_is_a_week_back():
    assert spans("last Thursday", THU)[0] == (d("2026-01-29"), d("2026-01-29"))


def test_abbreviated_weekday_alone_is_not_a_date():
    assert find_dates("Justin Sun said", THU) == []


# ---------------------------------------------------------------- press time


@pytest.mark.parametrize("phrase", ["at press time", "currently", "today", "at the time of writing"])
def test_press_time_is_the_publication_day_or_the_day_before(phrase):
    assert spans(phrase, THU) == [(THU, THU), (d("2026-02-04"), d("2026-02-04"))]


def test_yesterday_is_the_day_before():
    assert spans("yesterday", d("2026-03-01")) == [(d("2026-02-28"), d("2026-02-28"))]


def test_yesterday_in_a_leap_year():
    assert spans("yesterday", d("2024-03-01")) == [(d("2024-02-29"), d("2024-02-29"))]


# ---------------------------------------------------------------- rolling windows


def test_past_seven_days_ends_on_the_publication_day_or_the_day_before():
    assert spans("dropped by around 28% over the past 7 days", THU) == [
        (d("2026-01-30"), THU),
        (d("2026-01-29"), d("2026-02-04")),
    ]


@pytest.mark.parametrize("phrase", ["over the past week", "in the last week", "last 7 days", "the 7-day drop"])
def test_a_week_is_seven_days(phrase):
    windows = resolve(phrase, THU)
    assert windows and all(w.days == 7 for w in windows)
    assert windows[0].end == THU


@pytest.mark.parametrize("phrase", ["over 24 hours", "in the last 24 hours", "a 24-hour drop", "over the past day"])
def test_24_hours_is_one_day(phrase):
    assert spans(phrase, THU) == [(THU, THU), (d("2026-02-04"), d("2026-02-04"))]


def test_past_month_is_a_calendar_month_back():
    assert spans("in the past month", d("2026-03-31"))[0] == (d("2026-03-01"), d("2026-03-31"))
    # clipped to the month's length: a month before 2024-03-30 is 2024-02-29 (leap year)
    assert spans("in the past month", d("2024-03-30"))[0] == (d("2024-03-01"), d("2024-03-30"))


def test_past_window_across_a_year_boundary():
    assert spans("over the past 7 days", d("2026-01-03"))[0] == (d("2025-12-28"), d("2026-01-03"))


def test_past_window_across_a_leap_day():
    assert spans("over the past 3 days", d("2024-03-01"))[0] == (d("2024-02-28"), d("2024-03-01"))


def test_ago_is_a_point():
    assert spans("a week ago", THU) == [(d("2026-01-29"), d("2026-01-29"))]


def test_per_week_carries_its_unit():
    [ref] = find_dates("gains of about 29% per week", THU)
    assert ref.kind == "per" and ref.unit == "week"
    [ref] = find_dates("35% on a monthly basis", THU)
    assert ref.kind == "per" and ref.unit == "month"


# ---------------------------------------------------------------- calendar periods


def test_this_week_starts_on_monday():
    assert spans("this week", THU) == [(d("2026-02-02"), THU), (d("2026-02-02"), d("2026-02-04"))]


def test_this_week_on_a_monday_has_one_reading():
    assert spans("this week", d("2026-02-02")) == [(d("2026-02-02"), d("2026-02-02"))]


def test_last_week_is_the_previous_calendar_week_then_the_rolling_week():
    windows = spans("last week", THU)
    assert windows[0] == (d("2026-01-26"), d("2026-02-01"))
    assert (d("2026-01-30"), THU) in windows


def test_last_month_in_january_is_last_december():
    assert spans("last month", d("2026-01-15"))[0] == (d("2025-12-01"), d("2025-12-31"))


def test_this_month_runs_to_press_time():
    assert spans("this month", THU) == [(d("2026-02-01"), THU), (d("2026-02-01"), d("2026-02-04"))]


def test_month_without_year_is_this_year_when_already_begun():
    assert spans("lost roughly 17% in January", THU) == [(d("2026-01-01"), d("2026-01-31"))]


def test_month_without_year_after_publication_is_last_year():
    assert spans("in August", THU) == [(d("2025-08-01"), d("2025-08-31"))]


def test_current_month_without_year_is_clipped_to_press_time():
    assert spans("in February", THU) == [(d("2026-02-01"), THU), (d("2026-02-01"), d("2026-02-04"))]


def test_february_of_a_leap_year_has_29_days():
    assert spans("in February 2024", THU) == [(d("2024-02-01"), d("2024-02-29"))]


def test_month_and_year():
    [ref] = find_dates("its August 2025 all-time high of $4,946", THU)
    assert ref.absolute and (ref.period.start, ref.period.end) == (d("2025-08-01"), d("2025-08-31"))


def test_lowercase_may_is_not_a_month():
    assert find_dates("the coin may fall in value", THU) == []


def test_year_to_date_variants():
    expected = [(d("2026-01-01"), THU), (d("2026-01-01"), d("2026-02-04"))]
    for phrase in ["since the beginning of this year", "year to date", "YTD", "since the start of the year"]:
        assert spans(phrase, THU) == expected, phrase


def test_year_to_date_on_new_years_day_has_one_reading():
    assert spans("YTD", d("2026-01-01")) == [(d("2026-01-01"), d("2026-01-01"))]


def test_quarter_with_year():
    assert spans("Q3 2024", THU) == [(d("2024-07-01"), d("2024-09-30"))]
    assert spans("the fourth quarter of 2025", THU) == [(d("2025-10-01"), d("2025-12-31"))]


def test_quarter_without_year_is_the_latest_begun():
    assert spans("in Q4", THU) == [(d("2025-10-01"), d("2025-12-31"))]
    assert spans("in Q1", THU) == [(d("2026-01-01"), THU), (d("2026-01-01"), d("2026-02-04"))]


def test_fiscal_quarter_is_not_a_calendar_quarter():
    assert find_dates("its spending in the fiscal third quarter", THU) == []


def test_year():
    assert spans("in 2025", THU) == [(d("2025-01-01"), d("2025-12-31"))]


# ---------------------------------------------------------------- since


def test_since_a_day_reads_from_its_open_or_its_close():
    got = spans("since October 10", THU)
    assert (d("2025-10-10"), THU) in got and (d("2025-10-11"), d("2026-02-04")) in got


def test_since_a_period_keeps_the_period():
    [ref] = find_dates("for the first time since Q3 2024", THU)
    assert ref.since
    assert (ref.period.start, ref.period.end) == (d("2024-07-01"), d("2024-09-30"))
    assert ref.windows[0].start == d("2024-07-01") and ref.windows[0].end == THU


def test_since_the_end_of_a_period_starts_after_it():
    [ref] = find_dates("since the end of 2025", THU)
    assert ref.windows[0].start == d("2026-01-01")


def test_since_without_publication_date_has_no_windows():
    [ref] = find_dates("lowest close since October 2024", None)
    assert ref.since and ref.windows == [] and not ref.absolute


# ---------------------------------------------------------------- explicit dates


def test_month_day_without_year_is_the_latest_not_after_publication():
    assert spans("February 3", THU) == [(d("2026-02-03"), d("2026-02-03"))]
    assert spans("December 24", THU) == [(d("2025-12-24"), d("2025-12-24"))]


def test_month_day_year_with_abbreviation():
    assert spans("Feb. 5, 2026", None) == [(THU, THU)]
    assert spans("3 February 2026", None) == [(d("2026-02-03"), d("2026-02-03"))]


def test_weekday_before_a_date_is_part_of_it():
    [ref] = find_dates("filed this complaint on Tuesday, February 3.", THU)
    assert ref.kind == "date" and ref.windows[0].start == d("2026-02-03")


def test_numeric_date_gives_both_orders():
    assert spans("10/06/2025", None) == [(d("2025-10-06"), d("2025-10-06")), (d("2025-06-10"), d("2025-06-10"))]
    assert spans("25/12/2025", None) == [(d("2025-12-25"), d("2025-12-25"))]


def test_iso_date():
    assert spans("on 2024-02-29", None) == [(d("2024-02-29"), d("2024-02-29"))]


def test_impossible_date_is_not_a_date():
    assert resolve("February 30, 2026", THU) == []
    assert resolve("2023-02-29", THU) == []


def test_leap_day_without_year_in_a_leap_year():
    assert spans("February 29", d("2028-03-01")) == [(d("2028-02-29"), d("2028-02-29"))]


def test_relative_reference_without_publication_date_has_no_windows():
    [ref] = find_dates("down 28% over the past 7 days", None)
    assert ref.windows == [] and ref.unit == "day" and ref.count == 7


def test_several_references_in_one_sentence_in_order():
    text = "ETH fell 8% over 24 hours and 29% since the beginning of this year, after its August 2025 high."
    kinds = [r.kind for r in find_dates(text, THU)]
    assert kinds == ["past_n", "ytd", "month_year"]


def test_offsets_point_into_the_text():
    text = "Bitcoin is now 122 days away from its peak."
    refs = find_dates(text, THU)
    assert [text[r.start : r.end] for r in refs] == [r.text for r in refs]


# ---------------------------------------------------------------- helpers


def test_add_months_clips_to_month_end():
    assert add_months(d("2024-03-31"), -1) == d("2024-02-29")
    assert add_months(d("2025-03-31"), -1) == d("2025-02-28")
    assert add_months(d("2026-01-15"), -1) == d("2025-12-15")


def test_last_weekday_helper():
    assert last_weekday(THU, 3) == THU
    assert last_weekday(THU, 3, strictly_before=True) == d("2026-01-29")


def test_weekend_is_the_latest_saturday_and_sunday():
    assert spans("over the weekend", THU) == [(d("2026-01-31"), d("2026-02-01"))]
    # published on the Sunday itself: the weekend so far
    assert spans("over the weekend", d("2026-02-08"))[0] == (d("2026-02-07"), d("2026-02-08"))


def test_early_mid_late_periods():
    assert spans("in late 2025", THU) == [(d("2025-01-01"), d("2025-12-31"))]
    assert spans("mid-January", THU) == [(d("2026-01-01"), d("2026-01-31"))]
    assert spans("in early February", THU)[0] == (d("2026-02-01"), THU)


def test_a_day_just_after_publication_is_also_read_as_this_years():
    assert spans("on February 5", d("2026-02-04")) == [
        (d("2026-02-05"), d("2026-02-05")),
        (d("2025-02-05"), d("2025-02-05")),
    ]
    assert spans("on February 9", d("2026-02-04")) == [(d("2025-02-09"), d("2025-02-09"))]

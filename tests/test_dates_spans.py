"""Date phrases that are one stretch or an event's date, with phrasings of our own: two days joined into a span,
and the date of an event a "since" counts from (its day unknown, so no window)."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.dates import find_dates

AS_OF = date(2025, 8, 9)  # a Saturday


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("ETH climbed to $4,160 between Friday-Saturday.", date(2025, 8, 8), date(2025, 8, 9)),
        ("Bitcoin slid between Tuesday and Thursday.", date(2025, 8, 5), date(2025, 8, 7)),
        ("The token ran from Monday to Wednesday.", date(2025, 8, 4), date(2025, 8, 6)),
        ("Volumes doubled from July 7 through July 11, 2025.", date(2025, 7, 7), date(2025, 7, 11)),
    ],
)
def test_two_dates_joined_are_one_span(text, first, last):
    [ref] = find_dates(text, AS_OF)
    assert ref.kind == "span" and (ref.period.start, ref.period.end) == (first, last)
    assert [(w.start, w.end) for w in ref.windows] == [(first, last)]


def test_two_dates_joined_by_and_without_between_stay_two():
    assert len(find_dates("It fell on Monday and rose on Tuesday.", AS_OF)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "It has fallen 39% since peaking above $126,000 in October.",
        "Ether is down 20% since hitting a record on August 24.",
        "The token has tripled since launching in early 2024.",
    ],
)
def test_the_date_of_an_event_since_gives_no_window(text):
    [ref] = find_dates(text, AS_OF)
    assert ref.since and ref.windows == []


def test_since_a_period_still_runs_to_press_time():
    [ref] = find_dates("It is up 20% since October.", date(2026, 1, 31))
    assert ref.since and ref.windows and all(w.end >= date(2026, 1, 30) for w in ref.windows)


def test_a_figure_inside_the_event_phrase_is_dated_by_it_and_the_move_before_it_is_not_checked():
    from rulecheck import findings_for

    text = "On Friday, ether traded near $2,300, up more than 60% since hitting a low of $1,417 on April 9."
    assert not findings_for("price-level", text, "2025-05-09")  # $1,417 read on April 9 (low 1,383.26)
    assert findings_for("price-level", text.replace("$1,417", "$1,900"), "2025-05-09")  # not April 9's
    assert not findings_for("price-move", text.replace("60%", "5%"), "2025-05-09")  # no window to check

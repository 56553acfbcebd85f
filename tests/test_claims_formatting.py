"""Numbers for people: money with scale words, percents, multiples and intervals."""

from __future__ import annotations

import pytest

from factcheck import formatting as fmt
from factcheck.intervals import INF, Interval


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (49_912_000_000, "USD", "$49.9 billion"),
        (2088, "USD", "$2,088"),
        (0.023, "USD", "$0.023"),
        (3_100_000, "EUR", "€3.1 million"),
        (10e12, "VND", "VND 10 trillion"),
        (4_280_000, "ETH", "4.28 million ETH"),
        (64.83, "%", "64.8%"),
        (26361.5, "%", "26,362%"),
        (1.5, "times", "1.5x"),
        (3440, None, "3,440"),
    ],
)
def test_formatting_amounts(value, unit, text):
    assert fmt.amount(value, unit) == text


def test_formatting_intervals():
    assert fmt.interval(Interval(16.26e9, 16.69e9), "USD") == "$16.3 billion to $16.7 billion"
    assert fmt.interval(Interval(45, INF), "%") == "over 45%"
    assert fmt.interval(Interval(-INF, 9e9), "USD") == "under $9 billion"
    assert fmt.interval(Interval(0.03, 0.03), "USD") == "$0.03"


def test_formatting_signed_changes():
    assert fmt.change_interval(Interval(900, 988.9)) == "+900% to +989%"
    assert fmt.change_interval(Interval(-22.58, -22.58)) == "-22.6%"

"""Bounds (exact, approx, lower, upper, range) and the interval that rounding plus the hedge allow."""

import pytest

from factcheck.extract import extract_text
from factcheck.extract.lexicon import lexicon


def figures(text: str):
    return [q for q in extract_text(text) if q.kind != "date"]


def test_bounds_exact_interval_is_the_rounding():
    (q,) = figures("BitMine holds 4.28 million ETH.")
    assert q.bound == "exact"
    assert q.low_bound == pytest.approx(4.275e6)
    assert q.high_bound == pytest.approx(4.285e6)


def test_bounds_approx_widens_rounding_by_the_rules_tolerance():
    tol = lexicon().tolerance["approx"]
    (q,) = figures("The company holds about 4.28 million ETH.")
    assert (q.bound, q.hedge, q.text) == ("approx", "about", "about 4.28 million ETH")
    assert q.low_bound == pytest.approx(4.275e6 - 4.28e6 * tol)
    assert q.high_bound == pytest.approx(4.285e6 + 4.28e6 * tol)


@pytest.mark.parametrize("hedge", ["around", "roughly", "approximately", "some", "close to", "~", "approx."])
def test_bounds_approx_hedges(hedge):
    (q,) = figures(f"It was {hedge} $408 million.")
    assert q.bound == "approx"
    assert q.low_bound < 407.5e6 and q.high_bound > 408.5e6


@pytest.mark.parametrize(
    "text", ["a drawdown of over 45%", "more than 45%", "above 45%", "exceeding 45%", "at least 45%", "upwards of 45%"]
)
def test_bounds_lower_is_open_above(text):
    (q,) = figures(text)
    assert (q.bound, q.low_bound, q.high_bound) == ("lower", 45, None)


@pytest.mark.parametrize("text", ["trading under $70k", "below $70,000", "less than $70,000", "up to $70,000"])
def test_bounds_upper_is_open_below(text):
    (q,) = figures(text)
    assert (q.bound, q.low_bound, q.high_bound) == ("upper", None, 70000)


def test_bounds_nearly_is_upper_close_below():
    (q,) = figures("It has almost 19,000 holders.")
    assert q.bound == "upper"
    assert q.high_bound == 19000
    assert 15000 < q.low_bound < 19000


def test_bounds_plus_and_or_more_after_the_figure():
    (q,) = figures("161.2K+ followers")
    assert (q.bound, q.low_bound, q.high_bound, q.text) == ("lower", 161200, None, "161.2K+")
    (q,) = figures("wallets with 5 BTC or more")
    assert (q.bound, q.text) == ("lower", "5 BTC or more")


def test_bounds_over_before_a_duration_is_a_window_not_a_bound():
    qs = figures("The token fell about 8% over 24 hours.")
    assert [(q.text, q.bound) for q in qs] == [("about 8%", "approx"), ("24 hours", "exact")]
    assert qs[0].window == "over 24 hours"


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("an average price of $3,800 to $3,900 per token", 3800, 3900, "USD"),
        ("the price moved by just 38-42%.", 38, 42, "%"),
        ("wallets with 100-1,000 BTC remain", 100, 1000, "BTC"),
        ("between 5 and 10 BTC", 5, 10, "BTC"),
        ("within the next 1–2 weeks", 1, 2, "week"),
        ("spending of $3-4 billion", 3e9, 4e9, "USD"),
        ("altitudes ranging from 500 kilometers to 2,000 kilometers", 500, 2000, "kilometer"),
    ],
)
def test_bounds_ranges(text, low, high, unit):
    (q,) = figures(text)
    assert (q.bound, q.unit) == ("range", unit)
    assert (q.value, q.high) == (pytest.approx(low), pytest.approx(high))
    assert q.low_bound < q.value and q.high_bound > q.high


@pytest.mark.parametrize(
    "text",
    [
        "ZKsync rose from $0.023 to $0.24 over three hours.",
        "from $0.45 to $0.52",
        "the stake dropped from 75% to 38% last year",
        "On-chain holders grew 14.7 million to 139.1 million.",
        "Bitcoin rose 5% to $70,000.",
    ],
)
def test_bounds_from_x_to_y_is_two_figures(text):
    qs = figures(text)
    assert len(qs) >= 2
    assert all(q.bound != "range" for q in qs)


def test_bounds_approx_range():
    (q,) = figures("about $3-4 billion")
    assert (q.bound, q.hedge) == ("range", "about")
    assert q.low_bound < 2.5e9 and q.high_bound > 4.5e9


def test_bounds_near_is_approx():
    (q,) = figures("As ETH trades near $2,088 at press time.")
    assert (q.text, q.bound) == ("near $2,088", "approx")
    assert q.window == "at press time"


def test_bounds_range_after_a_scale_letter():
    (q,) = figures("Analysts see $5.2bn-$6bn in inflows.")
    assert (q.bound, q.value, q.high, q.unit) == ("range", 5.2e9, 6e9, "USD")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("It takes between 3-5 days to settle.", [("between 3-5 days", "range")]),
     ("Call 1-800-555-0199 now.", [("1", "exact"), ("800", "exact"), ("555", "exact"), ("0199", "exact")])],
)  # fmt: skip
def test_bounds_dash_ranges_but_not_phone_numbers(text, expected):
    assert [(q.text, q.bound) for q in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "bound"),
    [("fees as low as $5", "lower"), ("a drop of as much as 6%", "upper"), ("It took 5 years or so.", "approx"),
     ("a whopping $5 billion", "exact")],
)  # fmt: skip
def test_bounds_more_hedges_from_the_lexicon(text, bound):
    (q,) = figures(text)
    assert q.bound == bound


@pytest.mark.parametrize("hedge", ["limited to", "capped at"])
def test_bounds_limits_are_upper(hedge):
    (q,) = figures(f"Membership is {hedge} 1,000 members.")
    assert (q.bound, q.value, q.low_bound, q.high_bound) == ("upper", 1000, None, 1000)

"""A multiple word ("doubled", "tripled", "halved") followed by "to X" is a multiple and a figure, never a
range; a range needs two numbers of the same kind."""

import pytest

from factcheck.extract import extract_text


def figures(text: str):
    return [(q.text, q.value, q.high, q.unit, q.bound) for q in extract_text(text) if q.kind != "date"]


@pytest.mark.parametrize(
    ("text", "word", "value", "figure", "amount", "unit"),
    [
        ("On-chain activity doubled to 1.2 million daily transactions.", "doubled", 2, "1.2 million", 1.2e6, None),
        ("The app's daily users halved to 1.8 million.", "halved", 0.5, "1.8 million", 1.8e6, None),
        ("Revenue per user tripled to $14 in a year.", "tripled", 3, "$14", 14, "USD"),
        ("Output tripled to 300 units.", "tripled", 3, "300", 300, None),
    ],
)
def test_multiple_word_then_to_is_a_multiple_and_a_figure(text, word, value, figure, amount, unit):
    got = figures(text)
    assert (word, value, None, "times", "exact") in got
    assert (figure, amount, None, unit, "exact") in got
    assert all(b != "range" for *_, b in got)


def test_multiple_then_a_figure_of_another_kind_is_not_a_range():
    got = figures("It was a 3x to 1.2 million move.")
    assert all(b != "range" for *_, b in got)


@pytest.mark.parametrize(("text", "low", "high"), [("It is 2 to 3x bigger.", 2, 3), ("between 3x and 5x", 3, 5)])
def test_ranges_of_multiples_still_are_ranges(text, low, high):
    ((_, value, top, unit, bound),) = figures(text)
    assert (value, top, unit, bound) == (low, high, "times", "range")


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Grayscale's trust lost 4,000-5,000 BTC a week during the outflows.", 4000, 5000, "BTC"),
        ("Bitcoin rose 5-6% today.", 5, 6, "%"),
    ],
)
def test_dashed_range_after_a_change_verb_is_a_range(text, low, high, unit):
    ((_, value, top, got_unit, bound),) = figures(text)
    assert (value, top, got_unit, bound) == (low, high, unit, "range")


def test_change_verb_with_to_is_still_two_figures():
    got = figures("Fees rose from $2.2 million to $3.6 million.")
    assert [v for _, v, *_ in got] == [2_200_000, 3_600_000]


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("It processed more than double Ethereum's volume.", 2, "lower"),
        ("Volume was nearly double the January level.", 2, "upper"),
        ("Its reserves are almost triple those of its rival.", 3, "upper"),
    ],
)
def test_hedged_double_and_triple_are_multiples(text, value, bound):
    ((_, got, _, unit, got_bound),) = figures(text)
    assert (got, unit, got_bound) == (value, "times", bound)


@pytest.mark.parametrize("text", ["It posted a double-digit gain.", "The chart shows a triple top.", "Double down."])
def test_bare_double_and_triple_are_not_figures(text):
    assert figures(text) == []


def test_tail_of_a_space_grouped_number_is_not_a_zero_figure():
    assert all(v != 0 for _, v, *_ in figures("The cargo was valued 10 000 dollars."))

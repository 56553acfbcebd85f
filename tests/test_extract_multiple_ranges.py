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

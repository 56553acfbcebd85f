"""multiple: multiples from a pair of figures, "N times the X", and discounts tried against either price."""

from __future__ import annotations

from checks_support import findings, flagged

MUTM = (
    "At its stage, the MUTM token is priced at $0.04. This is by 300% of its initial price, which is $0.01 at the "
    "beginning of 2025. As the price of this launch is determined at $0.06, current investors are receiving a {d} "
    "discount."
)


def test_multiple_doubled_from_to():
    (f,) = findings("multiple", "Annual revenue doubled to $18 billion from $12 billion.")
    assert f.text == "doubled" and "1.5x" in f.message
    assert not flagged("multiple", "Annual revenue doubled to $24 billion from $12 billion.")


def test_multiple_times_the():
    assert not flagged("multiple", "The fund raised $3.2 billion, four times the $800 million it raised last year.")
    assert flagged("multiple", "The fund raised $2.4 billion, four times the $800 million it raised last year.")


def test_multiple_times_more_than_reading_n_plus_one():
    assert not flagged("multiple", "The fund raised $4 billion, four times more than the $800 million of 2024.")


def test_multiple_discount_against_either_price_flags_the_corpus_50_percent():
    (f,) = findings("multiple", MUTM.format(d="50%"))
    # one severity policy: "$0.04" and "$0.06" may be any price that rounds to them (a discount of 18% to 46%),
    # so 50% misses the most lenient reading by less than error_factor: a warning, with the exact arithmetic
    assert f.severity == "warning"
    assert "33.3%" in f.message and "$0.03" in f.message
    assert len(f.readings) >= 2


def test_multiple_discount_that_fits_passes():
    assert not flagged("multiple", MUTM.format(d="33%"))


def test_multiple_trap_no_figure_to_compare_is_not_checked():
    assert not flagged("multiple", "This is three times what banks need and roughly 33 times what airlines require.")


def test_multiple_trap_pair_of_another_clause_is_not_used():
    text = (
        "On-chain activity doubled to 1.2 million daily transactions from 600,000 a year ago, and fees rose 45% "
        "from $2.2 million to $3.6 million per day."
    )
    assert not flagged("multiple", text)


def test_multiple_trap_figure_of_another_predicate_is_not_the_result():
    text = (
        "The company, which raised $50 million in its first round two years ago, now targets four times the "
        "$800 million of its rival."
    )
    assert not flagged("multiple", text)
    assert not flagged("multiple", "A second round of $40 million was four times the $10 million seed.")

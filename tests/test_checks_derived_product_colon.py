"""derived-product: a value after a colon break, priced "a coin", and a cost basis read with the holding."""

from __future__ import annotations

from checks_support import findings, flagged

STRATEGY = (
    "Strategy, which holds 713,502 BTC bought at an average of $76,052, is now sitting on paper losses:\n"
    "at $63,000 a coin its stack is worth about {value}, against a cost of roughly {cost}."
)


def test_derived_product_value_after_a_colon_line_break_is_the_holding_times_the_per_coin_price():
    (f,) = findings("derived-product", STRATEGY.format(value="$52 billion", cost="$54.3 billion"))
    assert f.text == "about $52 billion"
    assert f.message.startswith("713,502 BTC x $63,000 = $45 billion")


def test_derived_product_correct_value_and_cost_after_a_colon_pass():
    assert not flagged("derived-product", STRATEGY.format(value="$45 billion", cost="$54.3 billion"))


def test_derived_product_cost_from_the_bought_at_average_of_the_holder():
    (f,) = findings("derived-product", STRATEGY.format(value="$45 billion", cost="$60 billion"))
    assert "713,502 BTC x $76,052" in f.message and f.text == "roughly $60 billion"


def test_derived_product_trap_no_colon_no_reading_across_sentences():
    text = "Strategy holds 713,502 BTC. At $63,000 a coin, a rival fund's stack is worth about $52 billion."
    assert not flagged("derived-product", text)


def test_derived_product_trap_a_share_price_is_not_a_coin_price():
    text = "Having sold stock at $20 a share, the fund holds 10,000 BTC, worth about $500 million."
    assert not flagged("derived-product", text)


def test_derived_product_trap_colon_break_without_a_per_coin_price_is_not_repriced():
    text = (
        "Strategy, which holds 713,502 BTC bought at an average of $76,052, has a plan:\n"
        "its stack, worth about $52 billion, will not be sold."
    )
    assert not flagged("derived-product", text)

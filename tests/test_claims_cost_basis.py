"""A price paid is a cost basis, not the day's market price: "paying an average of $X", and an "averaging $X"
clause hanging on a buying clause before it. Phrasings of our own."""

from __future__ import annotations

import pytest
from rulecheck import claims_of, findings_for


def _assertive(text: str) -> dict[str, bool]:
    return {c.quantity.text: c.assertive for c in claims_of(text)}


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The firm acquired 2,100 ETH for $6.3 million, paying an average of $3,000 per token.", "$3,000"),
        ("It spent $90 million on bitcoin, paying roughly $61,000 a coin.", "roughly $61,000"),
        ("Strategy now holds 500,000 BTC, bought for $33 billion in all, averaging $66,000 per bitcoin.", "$66,000"),
        ("The fund purchased 40,000 SOL last quarter, averaging $150 per token.", "$150"),
    ],
)
def test_a_price_paid_is_not_a_market_claim(text, figure):
    assert _assertive(text)[figure] is False


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Ether traded at $2,500 on Monday, averaging $2,450 over the week.", "$2,450"),
        ("Bitcoin rose to $70,000, trading at an average of $69,200 on the day.", "$69,200"),
    ],
)
def test_an_average_market_price_stays_a_market_claim(text, figure):
    assert _assertive(text)[figure] is True


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "The firm added 50 billion won of bitcoin at an average price of 140 million won per coin.",
            "140 million won",
        ),
        ("It added 800 ETH at an average price of ¥480,000 ($3,200) per token.", "$3,200"),
        ("The company has been adding SOL at an average of $145 per token.", "$145"),
    ],
)
def test_adding_at_an_average_price_is_a_cost_basis_and_so_is_its_conversion(text, figure):
    assert _assertive(text)[figure] is False


@pytest.mark.parametrize(
    "text",
    [
        "This brings its total to 748.5 BTC at an average purchase price of ¥9.3 million per coin.",
        "Holdings rose to 12,000 ETH at an average cost of $2,900.",
        "The treasury now holds 3.1 million SOL, valued at a price of $150 each.",
    ],
)
def test_an_amount_of_coins_is_never_a_price_or_a_value(text):
    [coins] = [c for c in claims_of(text) if c.quantity.unit in ("BTC", "ETH", "SOL")]
    assert coins.metric == "holdings"


@pytest.mark.parametrize(
    "text",
    [
        "It holds 226,331 BTC after its latest acquisition of 11,931 BTC for $786 million.",
        "The purchase of 5,000 ETH for $12 million closed on Monday.",
        "Two acquisitions, 900 BTC for $58 million in all, lifted its stack.",
    ],
)
def test_what_a_purchase_cost_is_not_a_value_at_the_day_s_price(text):
    assert not findings_for("crypto-valuation", text, "2024-07-01")

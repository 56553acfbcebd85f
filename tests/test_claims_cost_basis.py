"""A price paid is a cost basis, not the day's market price: "paying an average of $X", and an "averaging $X"
clause hanging on a buying clause before it. Phrasings of our own."""

from __future__ import annotations

import pytest
from rulecheck import claims_of


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

"""build_claims: subject, metric, direction, window, role and whether a figure asserts a fact."""

from __future__ import annotations

import pytest
from checks_support import claim_for, claims_of

from factcheck.claims import window_key


def test_claims_price_subject_is_the_asset_named_before_it():
    c = claim_for("As ETH trades near $2,088 at press time, losses accelerated.", "$2,088")
    assert (c.subject, c.metric, c.assertive) == ("ETH", "price", True)


def test_claims_holding_subject_is_the_holder():
    c = claim_for(
        "CoinGecko estimates that BitMine holds 4,285,126 ETH, with a market value of $8.93 billion.", "4,285,126"
    )
    assert c.subject == "BitMine" and c.metric == "holdings"


def test_claims_value_metric():
    c = claim_for("BitMine holds 4,285,126 ETH, with a current market value of around $8.93 billion.", "8.93")
    assert c.metric == "value"


def test_claims_price_without_asset_word_takes_the_asset_of_the_holding():
    c = claim_for("Strategy holds 713,502 BTC, worth $50 billion at the current price of about $70,000.", "70,000")
    assert c.subject == "BTC" and c.metric == "price"


@pytest.mark.parametrize(
    ("text", "figure", "direction"),
    [
        ("ETH has registered gains of about 29% per week.", "29%", 1),
        ("Ethereum price has dropped by around 28% over the past 7 days.", "28%", -1),
        ("The token is down about 8% over 24 hours.", "8%", -1),
        ("Ether is trading more than 50% off its all-time high.", "50%", -1),
        ("USDT grew by 3.5% in the same period.", "3.5%", 1),
        ("Shares slid 4% on Monday.", "4%", -1),
    ],
)
def test_claims_direction_words(text, figure, direction):
    assert claim_for(text, figure).direction == direction


def test_claims_two_subjects_in_one_sentence_each_keep_their_own():
    cs = claims_of("Solana lost over 21% of its value locked, while Ethereum saw an outflow of over 22%.")
    assert [c.subject for c in cs] == ["SOL", "ETH"]


def test_claims_respectively_pairs_subjects_in_order():
    text = "USDT grew by 3.5%, and outperformed both USDC and USDe, which declined by 2.6% and 57%, respectively."
    assert claim_for(text, "2.6%").subject == "USDC"
    assert claim_for(text, "57%").subject == "USDE"


@pytest.mark.parametrize(
    ("text", "figure", "reason_start"),
    [
        ("XRP might fall to a price of around $1.25 in case the wider market remains weak.", "1.25", "forecast"),
        ("Analysts believe that MUTM may explode to reach $0.50 or even $1.00 by 2027.", "1.00", "forecast"),
        ("A local bottom is expected in the $50,000 range.", "50,000", "forecast"),
        ("Some see a pullback to $30,000 in the worst case.", "30,000", "hypothetical"),
        ("If the market stays weak, BTC drops to $60,000.", "60,000", "hypothetical"),
        ("Analysts predicted a 28% surge in sales for the quarter.", "28%", "forecast"),
        (
            "It has been accumulating ETH at an average estimated price of $3,800 to $3,900 per token.",
            "3,800",
            "cost basis",
        ),
        ("The firm bought at $76,052 per bitcoin on average.", "76,052", "cost basis"),
        ("Ethereum is struggling to hold the psychologically important $2,000 level.", "2,000", "level"),
        ('"We think BTC will likely hit $150,000 next year," he said.', "150,000", "forecast"),
    ],
)
def test_claims_non_assertive(text, figure, reason_start):
    c = claim_for(text, figure)
    assert c.assertive is False
    assert c.reason and c.reason.startswith(reason_start), c.reason


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Ether hit a local low of around $2,048 on February 5.", "2,048"),
        ("BitMine holds about 4.28 million ETH.", "4.28"),
        ("ZKsync was trading at $0.023 on Sunday morning.", "0.023"),
    ],
)
def test_claims_market_statements_are_assertive(text, figure):
    assert claim_for(text, figure).assertive is True


def test_claims_from_and_to_roles():
    cs = claims_of("Revenue fell from $3.1 million to $2.4 million, a 32% drop.")
    assert [c.role for c in cs] == ["from", "to", None]


def test_claims_total_and_remaining_roles():
    cs = claims_of(
        "Of the $50 million raised, $30 million went to development and the remaining $16 million to marketing."
    )
    assert [c.role for c in cs] == ["total", None, "remaining"]


def test_claims_bracketed_percent_is_a_share():
    c = claim_for("2,230 (65%) of the videos were categorized as Category A.", "65%")
    assert c.metric == "share"


def test_claims_skip_dates():
    assert all(c.quantity.kind != "date" for c in claims_of("On February 3, 2026, BTC fell 5%."))


@pytest.mark.parametrize(
    ("window", "key"),
    [
        ("over the past 7 days", "1w"),
        ("per week", "1w"),
        ("this week", "1w"),
        ("in the last 24 hours", "1d"),
        ("over 24 hours", "1d"),
        ("on a monthly basis", "1m"),
        ("since the beginning of this year", "ytd"),
        ("over the past year", "1y"),
        ("last year", "prev-year"),
        ("last week", "prev-week"),
        ("yesterday", "prev-day"),
        ("in January", "in January"),
        ("over the past 3 days", "3day"),
        (None, None),
    ],
)
def test_claims_window_keys(window, key):
    assert window_key(window) == key


def test_claims_average_market_price_is_not_a_cost_basis():
    c = claim_for("Ether is trading at an average price of $2,087 at the press time.", "2,087")
    assert c.assertive is True


def test_claims_the_company_refers_to_the_holder_not_the_source():
    text = (
        "CoinGecko estimates that BitMine holds 4,285,126 ETH. "
        "Based on an average purchase price of around $4,001 per coin, the company's treasury has fallen by over 40%."
    )
    assert claim_for(text, "40%").subject == "BitMine"


def test_claims_the_token_refers_to_the_last_asset():
    assert claim_for("As ETH trades near $2,088, the token is down about 8% over 24 hours.", "8%").subject == "ETH"


def test_claims_pronoun_does_not_reach_back_many_sentences():
    text = (
        "ETH fell 5% today. The weather was mild. Markets were quiet. Nothing happened. "
        "It rose 35% in January, the report said."
    )
    assert claim_for(text, "35%").subject is None


def test_claims_its_takes_the_company_named_last():
    text = "ETH fell 5% today. Hon Hai reported a 35.5% surge in revenue in January. Its revenue rose 35% in January."
    assert claim_for(text, "35%").subject == "Hon Hai"


@pytest.mark.parametrize(
    "text",
    [
        "BitMine holds 4.28 million ETH, worth roughly $12.5 billion at $1,850 per token.",
        "BitMine holds 4.28 million ETH, worth roughly $12.5 billion at $1,850.",
        "Strategy holds 713,502 BTC, worth $50 billion at the current price of about $70,000.",
    ],
)
def test_claims_unit_price_of_a_holding_is_about_its_asset(text):
    price = [c for c in claims_of(text) if c.metric == "price"]
    assert price and price[-1].subject in ("ETH", "BTC")


def test_claims_fees_are_not_the_price_of_the_holding():
    text = "Daily staking rewards fell to 3.2k ETH from 4K ETH, fees hit $2.5M, and the sector is valued at $1.1tn."
    assert claim_for(text, "2.5M").subject != "ETH"


def test_claims_valued_at_is_a_value_not_a_price():
    text = "The miner Riot holds 19,225 BTC, now valued at roughly $1.1 billion with bitcoin at $68,400."
    assert claim_for(text, "1.1 billion").metric == "value"
    assert claim_for(text, "68,400").metric == "price"

"""derived-product: holdings x price = value / cost, with readings, current prices and cost bases."""

from __future__ import annotations

from checks_support import findings, flagged

BITMINE = (
    "BitMine holds about 4.28 million ETH. It accumulated ETH at an average estimated price of $3,800 to "
    "$3,900 per token. The company's ETH holdings are now worth less than $9 billion, compared with an "
    "estimated {cost} acquisition cost."
)


def test_derived_product_contract_example_message():
    (f,) = findings(
        "derived-product",
        "Strategy holds 713,502 BTC, worth roughly $62 billion at the current price of about $70,000.",
    )
    assert f.message.startswith("713,502 BTC x about $70,000 = $49.9 billion")
    assert f.text == "roughly $62 billion" and f.expected == "$49.9 billion"
    assert f.severity == "error"


def test_derived_product_value_with_a_current_price_in_the_next_sentence_passes():
    text = (
        "CoinGecko estimates that BitMine holds 4,285,126 ETH, with a current market value of around $8.93 billion. "
        "As ETH trades near $2,088 at press time, daily losses have accelerated."
    )
    assert not flagged("derived-product", text)
    assert flagged("derived-product", text.replace("8.93", "6.93"))


def test_derived_product_acquisition_cost_against_cost_basis_range():
    (f,) = findings("derived-product", BITMINE.format(cost="$15 billion"))
    assert "$16.3 billion to $16.7 billion" in f.message
    assert not flagged("derived-product", BITMINE.format(cost="$16.5 billion"))


def test_derived_product_trap_cost_basis_is_not_a_market_price_for_a_value():
    text = "The firm holds 10,000 BTC, now worth $700 million. It bought them at an average of $30,000 per coin."
    assert not flagged("derived-product", text)


def test_derived_product_trap_past_value_is_not_repriced():
    text = (
        "The attacker deposited about 1,243 ETH (worth roughly $2.4 million) into the mixer. "
        "ETH is trading at $2,087 at press time."
    )
    assert not flagged("derived-product", text)


def test_derived_product_trap_forecast_price_is_not_used():
    text = "The fund holds 10,000 BTC, currently worth $700 million; analysts say BTC could reach $150,000."
    assert not flagged("derived-product", text)


def test_derived_product_tries_every_current_price():
    text = (
        "Ether hit a local low of around $2,048 today. BitMine holds 4,285,126 ETH, with a current market value of "
        "around $8.78 billion. ETH trades near $2,088 at press time."
    )
    assert not flagged("derived-product", text)


def test_derived_product_open_holding_cannot_pin_the_cost():
    text = (
        "The company recently acquired more than 41,000 ETH at an average price of $3,000 per token, an "
        "estimated $50 million acquisition cost."
    )
    assert not flagged("derived-product", text)


def test_derived_product_unrealized_loss_is_cost_less_value():
    text = BITMINE.format(cost="$16.5 billion").replace(
        "now worth less than $9 billion", "now worth $8.9 billion, and unrealized losses now exceed $10 billion"
    )
    (f,) = [f for f in findings("derived-product", text) if "loss" in f.message]
    assert f.text.endswith("$10 billion") and f.severity == "error"


def test_derived_product_corpus_loss_and_drawdown_pass():
    text = (
        "The company holds about 4.28 million ETH. As a result, unrealized losses now exceed $7 billion, a drawdown "
        "of over 45% on its position. BitMine has been accumulating ETH at an average estimated price of $3,800 to "
        "$3,900 per token. CoinGecko estimates that BitMine holds 4,285,126 ETH, with a current market value of "
        "around $8.93 billion. As ETH trades near $2,088 at press time, daily losses have accelerated."
    )
    assert not flagged("derived-product", text)
    assert flagged("derived-product", text.replace("over 45%", "over 65%"))


def test_derived_product_trap_hack_losses_are_not_position_losses():
    text = "Truebit lost approximately 8,535 ETH, valued at around $26.4 million. ETH trades at $2,087 at press time."
    assert not flagged("derived-product", text)


def test_derived_product_trap_another_holders_cost_basis_is_not_used():
    text = (
        "Strategy, which holds 713,502 BTC bought at an average of $76,052 per coin, paid about $54.3 billion for "
        "its stack. Metaplanet holds 35,102 BTC worth around $2.3 billion at current prices. The firm's average "
        "cost of $107,700 per coin implies a total outlay of about $3.8 billion."
    )
    assert not flagged("derived-product", text)
    assert flagged("derived-product", text.replace("about $3.8 billion", "about $2.7 billion"))


def test_derived_product_trap_value_at_the_time_is_not_repriced_in_the_same_sentence():
    text = "The hacker stole 1,000 ETH, worth $3 million at the time, as ETH now trades at $2,000."
    assert not flagged("derived-product", text)

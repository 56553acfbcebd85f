"""contradiction: same subject, metric and window only; the side with less support is flagged."""

from __future__ import annotations

from checks_support import findings, flagged


def test_contradiction_fell_vs_gained_same_week():
    text = "Solana fell 12% over the past week. Elsewhere, Solana gained roughly 15% this week on ETF hopes."
    assert flagged("contradiction", text)


def test_contradiction_eth_per_week_gain_against_the_rest_of_the_page():
    text = (
        "ETH has registered gains of about 29% per week. Ethereum price has dropped by around 28% over the past "
        "7 days. ETH price is down by almost 7% in the last 24 hours."
    )
    found = findings("contradiction", text)
    assert [f.text for f in found] == ["about 29%"]
    assert {r.text for r in found[0].related} >= {"around 28%"}


def test_contradiction_trap_different_subjects_in_one_sentence():
    assert not flagged("contradiction", "Bitcoin fell 8% over the past week, while Ether gained 3% over the past week.")


def test_contradiction_trap_different_windows():
    assert not flagged("contradiction", "ETH fell 8% in the last 24 hours. ETH gained 20% this month.")


def test_contradiction_trap_forecast_is_not_compared():
    assert not flagged("contradiction", "ETH fell 10% this week. Analysts say ETH could rise 20% this week.")


def test_contradiction_trap_rounding_of_the_same_figure():
    text = "Hon Hai reported a 35.5% surge in revenue in January. Its revenue rose 35% in January."
    assert not flagged("contradiction", text)


def test_contradiction_magnitudes_only_when_close_together():
    near = "BTC rose 5% over the past week. Over the past week BTC rose 15%, traders said."
    assert flagged("contradiction", near)
    far = near.replace(" Over the past", " " + "Filler sentence without figures. " * 60 + "Over the past")
    assert not flagged("contradiction", far)


def test_contradiction_trap_changes_of_other_metrics_are_not_price_moves():
    text = (
        "Bitcoin plunged 14% on Thursday, its worst day since 2022. Bitcoin's share of the crypto market rose to "
        "60% this week. Bitcoin treasury firm Strategy's shares fell 17% on Thursday. Bitcoin miners such as MARA "
        "fell 8% on Thursday. Bitcoin ETFs shed 5% of their assets this week. BTC options open interest fell 12% "
        "on Thursday."
    )
    assert not flagged("contradiction", text, as_of="2026-02-06")


def test_contradiction_same_holder_two_holdings():
    text = "BitMine holds about 4.28 million ETH. Analysts note BitMine holds 3.1 million ETH in cold storage."
    assert flagged("contradiction", text) == ["3.1 million ETH"]


def test_contradiction_trap_purchase_is_not_a_holding():
    text = "BitMine holds about 4.28 million ETH. BitMine recently acquired 41,788 ETH. BitMine holds 4,285,126 ETH."
    assert not flagged("contradiction", text)


def test_contradiction_trap_this_week_vs_last_week():
    assert not flagged("contradiction", "ETH rebounded 5% this week after falling 10% last week.")
    assert not flagged("contradiction", "BTC rose 3% today. It fell 4% yesterday.")


def test_contradiction_trap_trading_pair_and_other_metrics_of_the_asset():
    assert not flagged("contradiction", "ETH fell 8% this week, while ETH/BTC rose 2% this week.")
    assert not flagged("contradiction", "Bitcoin's price fell 5% this week, while its volatility rose 20% this week.")

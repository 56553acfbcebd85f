"""crypto-valuation: crypto amounts and their stated value against the price of the day."""

from __future__ import annotations

from rulecheck import findings_for

from factcheck.market.store import open_market

RULE = "crypto-valuation"


def run(text: str, as_of: str | None, rule_id: str = RULE):
    return findings_for(rule_id, text, as_of)


def test_current_market_value_at_press_time_passes():
    text = "CoinGecko estimates that BitMine holds 4,285,126 ETH, with a current market value of around $8.93 billion."
    assert run(text, "2026-02-05") == []


def test_current_market_value_off_is_flagged_with_the_implied_price():
    text = "CoinGecko estimates that BitMine holds 4,285,126 ETH, with a current market value of around $12 billion."
    [f] = run(text, "2026-02-05")
    assert "a coin" in f.message and "2,173.77" in f.message
    assert any("per ETH" in w for w in f.work)
    assert [r.text for r in f.related] == ["4,285,126 ETH"]


def test_value_of_a_past_event_is_read_in_the_month_the_text_names():
    text = (
        "Among the largest incidents reported in January were attacks on Step Finance and Truebit. "
        "Truebit protocol lost approximately 8,535 ETH, valued at around $26.4 million, in the theft."
    )
    assert run(text, "2026-02-05") == []


def test_undated_past_event_is_read_over_the_lookback():
    # $3,093 a coin: ETH traded there within the last year, so the theft may have been valued then
    text = "Truebit protocol lost approximately 8,535 ETH, valued at around $26.4 million, in the theft."
    assert run(text, "2026-02-05") == []


def test_price_never_seen_in_the_lookback_is_flagged():
    text = "Truebit protocol lost approximately 8,535 ETH, valued at around $90 million, in the theft."
    [f] = run(text, "2026-02-05")
    assert f.severity == "error"


def test_worth_in_parentheses_at_press_time():
    text = "The attacker deposited about 1,243 Ether (approx. worth roughly $2.4 million) into the mixer."
    assert run(text, "2026-02-05") == []
    text = "The attacker deposited about 1,243 Ether (currently worth roughly $4.4 million) into the mixer."
    assert run(text, "2026-02-05")


def test_snapshot_only_asset_uses_the_coingecko_price():
    # DOGE has no candles in the shipped data, only CoinGecko daily snapshots

    snap = open_market(None).snapshot("DOGE", "2026-02-05")
    assert snap is not None
    value = snap.value * 1_000_000
    ok = f"The wallet holds 1,000,000 DOGE, currently worth about ${value:,.0f}."
    assert run(ok, "2026-02-05") == []
    off = f"The wallet holds 1,000,000 DOGE, currently worth about ${value * 2:,.0f}."
    assert run(off, "2026-02-05")

"""Crypto assets as units, by ticker and by name; ambiguous tickers need their capitals."""

import pytest

from factcheck.extract import extract_text


def figures(text: str):
    return [q for q in extract_text(text) if q.kind != "date"]


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("BitMine holds 4.28 million ETH.", "ETH", 4.28e6),
        ("They sent 1,243 Ether to the mixer.", "ETH", 1243),
        ("Reserves include 96,184 BTC.", "BTC", 96184),
        ("He bought 2 bitcoins.", "BTC", 2),
        ("A stash of 500 Bitcoin.", "BTC", 500),
        ("The fund sold 10,000 SOL.", "SOL", 10000),
        ("Tether minted 1 billion USDT.", "USDT", 1e9),
        ("A whale moved 3,000 stETH.", "STETH", 3000),
        ("It burned 5 million Dogecoin.", "DOGE", 5e6),
        ("It staked 100 Toncoin.", "TON", 100),
        ("It staked 100 TON.", "TON", 100),
        ("They hold 20 LINK.", "LINK", 20),
        ("Traders bought 8 million TRUMP.", "TRUMP", 8e6),
    ],
)
def test_crypto_assets_by_ticker_and_name(text, unit, value):
    (q,) = figures(text)
    assert (q.unit, q.kind) == (unit, "amount")
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "We saw 3 link failures.",
        "It weighs 5 ton.",  # a physical ton, not Toncoin
        "They won 2 trump cards.",
        "Only 1 one-off test.",
        "He has 2 sun hats.",
    ],
)
def test_crypto_word_tickers_need_capitals(text):
    for q in figures(text):
        assert q.unit not in {"LINK", "TON", "TRUMP", "ONE", "SUN"}


def test_crypto_hyphenated_name_is_not_a_unit():
    assert [q.unit for q in figures("In one Ethereum-based transaction.")] == []


def test_crypto_asset_list_covers_the_top_100():
    from factcheck.extract.lexicon import lexicon

    lex = lexicon()
    units = set(lex.asset_tickers.values()) | set(lex.asset_names.values()) | set(lex.asset_exact_names.values())
    from factcheck.resources import load_rules_file

    ranked = [a for a in load_rules_file("assets.toml")["asset"] if a.get("rank", 0) >= 1]
    assert len(ranked) >= 100
    for t in ("BTC", "ETH", "XRP", "USDT", "BNB", "SOL", "USDC", "DOGE", "ADA", "TRX", "LINK", "TON"):
        assert t in units

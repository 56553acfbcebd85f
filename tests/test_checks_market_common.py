"""market_common: cue phrases on whole words, the figure's own stretch of text, price formatting."""

from __future__ import annotations

from factcheck.checks.market_common import Phrases, assets_named, price


def test_phrases_match_whole_words_case_insensitively():
    p = Phrases(["value locked", "TVL", "all-time high"])
    assert p.search("Solana lost 21% of its Value  Locked")
    assert p.search("its all-time high of $4,946").start() == 4
    assert p.search("TVLs rose") is None  # not a whole word
    assert p.search("the all time high") is None


def test_phrases_at_the_end_pick_the_longest():
    p = Phrases(["low of", "local low of"], "end")
    hit = p.search("Ether hit a local low of ")
    assert hit is not None and hit.start() == len("Ether hit a ")
    assert p.search("the low of the day was") is None


def test_phrases_near_the_end_allow_a_few_words_after():
    p = Phrases(["liquidation price"], "near_end", 12)
    assert p.search("He states his liquidation price was")
    assert p.search("his liquidation price was reported by the exchange as") is None


def test_apostrophes_are_word_breaks():
    assert Phrases(["today"]).search("at today's prices")
    assert Phrases(["at today's prices"]).search("worth $5 at today’s prices")


def test_assets_named_in_order():
    assert assets_named("Bitcoin's drop dragged Ether and $SOL lower") == ["BTC", "ETH", "SOL"]


def test_prices_are_written_as_exchanges_quote_them():
    assert price(126199.63) == "126,199.63"
    assert price(70000.0) == "70,000"
    assert price(0.023456) == "0.02346"

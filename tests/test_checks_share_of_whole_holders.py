"""share-of-whole: shares of one whole held by named holders in one sentence add up to at most 100%."""

from __future__ import annotations

from checks_support import findings, flagged

STABLES = (
    "Stablecoin supply grew from $200 billion to $300 billion over the past 12 months. USDT's share of that is "
    "about 62%, and USDC holds {p}, with the rest split among smaller issuers."
)


def test_holder_shares_over_100_percent_are_flagged():
    (f,) = findings("share-of-whole", STABLES.format(p="45%"))
    assert f.severity == "error"
    assert f.text == "45%" and "100%" in f.message


def test_holder_shares_within_100_percent_pass():
    assert not flagged("share-of-whole", STABLES.format(p="25%"))
    assert not flagged("share-of-whole", STABLES.format(p="38%"))


def test_share_of_a_different_whole_is_not_added():
    text = "USDT's share of that is about 62%, and Tether holds 45% of its reserves in Treasury bills."
    assert not flagged("share-of-whole", text)


def test_a_percent_change_is_not_a_share():
    assert not flagged("share-of-whole", "USDT's share of that is about 62%, and USDC has grown 45% this year.")
    assert not flagged("share-of-whole", "USDT's share of that is about 62%, and USDC is up 62% this year.")
    assert not flagged("share-of-whole", "USDT's share of that is about 62%, and USDC has 45% more holders.")


def test_shares_not_linked_to_one_share_statement_are_not_added():
    assert not flagged("share-of-whole", "USDT holds 62% of the market, and USDC holds 45% of its reserves in cash.")

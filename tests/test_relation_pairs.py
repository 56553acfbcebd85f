"""Figures that belong together without a cue word before each: a pair "A to B" that shares the unit written
after B and makes a change's two ends, and a one-word cue ("at") that is only the end of a longer cue of
another role ("valued at"). Phrasings written for these tests, not taken from a draft."""

from __future__ import annotations

import pytest
from rulecheck import findings_for

from factcheck.extract import extract_text


def _units(text: str) -> list[tuple[str, str | None, float | None]]:
    return [(q.text, q.unit, q.value) for q in extract_text(text) if q.kind != "date"]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Staked supply went from 24 to 34 million ETH.", ("24", "ETH", 24_000_000)),
        ("Reserves sank (410 to 380 BTC) in the week.", ("410", "BTC", 410)),
        ("The backlog went from 40 to 28 days.", ("40", "day", 40)),
        ("Its share rose from 12 to 18 percent.", ("12", "%", 12)),
    ],
)
def test_the_first_of_a_pair_takes_the_unit_written_after_the_second(text, first):
    assert _units(text)[0] == first


def test_a_bare_number_far_from_the_second_figures_size_keeps_its_own_scale():
    assert _units("Users grew from 500 to 2 million ETH holders.")[0] == ("500", None, 500)


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("Open interest slid 40% in a week ($12.1 billion to $9.3 billion).", "23%"),
        ("The fund's stake shrank 35% last quarter (1,200 to 960 BTC), filings show.", "20%"),
        ("Staked supply climbed 60% in a year, from 24 to 34 million ETH.", "42%"),
        ("Listings on the exchange fell 50% — 640 to 480 tokens — after the review.", "25%"),
    ],
)
def test_a_pair_after_a_change_is_its_two_ends(wrong, right):
    assert findings_for("percent-change", wrong, "2025-06-02")
    first = wrong.split("%")[0].rsplit(" ", 1)[1] + "%"
    assert not findings_for("percent-change", wrong.replace(first, right, 1), "2025-06-02")


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        (
            "Riot's 19,225 BTC, valued at $1.1 billion with bitcoin trading at $68,400, make it a top holder.",
            "$1.3 billion",
        ),
        ("Its 3,000 SOL holding, valued at around $900,000 at $160 a token, is small.", "around $480,000"),
        ("The treasury's 500 BTC were valued at $40 million, with bitcoin at $60,000.", "$30 million"),
    ],
)
def test_valued_at_is_a_total_not_a_price_at(wrong, right):
    assert findings_for("derived-product", wrong, "2024-06-10")
    stated = wrong.split("valued at ")[1].split(" with")[0].split(" at $")[0].rstrip(",")
    assert not findings_for("derived-product", wrong.replace(stated, right, 1), "2024-06-10")


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Miners sold 300, 420 and 280 BTC in the three weeks.", ["BTC", "BTC", "BTC"]),
        ("The unlocks free 2, 3.5, and 4 million tokens.", [None, None, None]),
        ("The desks moved 12, 9 and 4.5 million ETH.", ["ETH", "ETH", "ETH"]),
        ("It paid 12 or 8 ETH per grant.", [None, "ETH"]),  # alternatives keep their own words
    ],
)
def test_a_list_shares_the_unit_written_after_its_last_figure(text, units):
    assert [u for _, u, _ in _units(text)][: len(units)] == units


def test_a_list_with_a_shared_unit_adds_up_and_a_count_in_words_is_no_part():
    wrong = "The exchange's four cold wallets held 2,100, 640 and 260 BTC at the audit, 3,600 BTC in total."
    [f] = findings_for("sum", wrong, "2025-06-02")
    assert "2,100 + 640 + 260" in f.message and "four" not in f.message
    assert not findings_for("sum", wrong.replace("3,600", "3,000"), "2025-06-02")


@pytest.mark.parametrize(
    "text",
    [
        "The firm bought coins for ¥9.3 million each. Its holdings reached 506 BTC, roughly worth $32 million.",
        "It paid ₩140 million a coin. The treasury now has 300 BTC, about $20 million.",
        "The fund raised €50 million. Its 1,000 ETH are worth some $3 million today.",
    ],
)
def test_a_value_of_coins_is_no_conversion_of_an_earlier_fiat_amount(text):
    assert not findings_for("fx-conversion", text, "2024-10-01")

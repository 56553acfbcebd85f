"""price-move: percent moves over windows against the shipped candles."""

from __future__ import annotations

import pytest
from rulecheck import findings_for

RULE = "price-move"


def run(text: str, as_of: str | None, rule_id: str = RULE):
    return findings_for(rule_id, text, as_of)


def test_past_seven_days_ending_the_day_before_passes():
    # open 2026-01-29 3,010.78 -> close 2026-02-04 2,148.26 = -28.6%
    assert run("Ethereum price has dropped by around 28% over the past 7 days.", "2026-02-05") == []


def test_wrong_size_over_seven_days_is_flagged():
    [f] = run("Ethereum price has dropped by around 5% over the past 7 days.", "2026-02-05")
    assert f.severity == "error"
    assert any("3,010.78" in w for w in f.work)
    assert any("to the day before publication" in r for r in f.readings)


def test_gains_per_week_when_the_price_fell_is_an_error():
    [f] = run(
        "While it has been volatile in recent weeks, ETH has registered gains of about 29% per week.", "2026-02-05"
    )
    assert f.severity == "error"
    assert "rise" in f.message and "-35.3%" in f.message


def test_per_week_reads_the_last_week():
    # the week to 2026-02-04 was -28.6%: "a fall of about 29% a week" fits
    assert run("ETH has registered losses, falling about 29% per week.", "2026-02-05") == []


def test_calendar_month():
    assert run("Ether lost roughly 17% in January.", "2026-02-05") == []
    [f] = run("Ether gained roughly 17% in January.", "2026-02-05")
    assert "-17.5%" in f.message


def test_month_of_last_year_when_not_yet_begun():
    # "in March" read on 2026-02-05 is March 2025: ETH/USDT open 2,237.59 -> close 1,822.43 (-18.6%)
    found = run("Ether lost 18% in March.", "2026-02-05")
    assert found == []


def test_year_to_date_uses_press_time_prices():
    text = (
        "ETH price is down by almost 7% in the last 24 hours. It has nosedived by 29% since the beginning of this year."
    )
    assert run(text, "2026-02-05") == []
    assert run("Bitcoin has fallen 5% since the beginning of this year.", "2026-02-05")


def test_single_day_rebound_from_open_or_low():
    assert run("Bitcoin rebounded 12% on Friday.", "2026-02-07") == []
    assert run("Bitcoin rebounded 19% on Friday.", "2026-02-07") == []  # from the day's low 60,000
    [f] = run("Bitcoin rebounded 30% on Friday.", "2026-02-07")
    assert "2026-02-06" in " ".join(f.readings)


def test_move_since_a_date():
    # 2025-10-10 open 121,xxx -> press time ~62-77k
    assert run("Bitcoin has lost about 45% since October 10.", "2026-02-05") == []
    assert run("Bitcoin has gained 10% since October 10.", "2026-02-05")


@pytest.mark.parametrize(
    "text",
    [
        "Solana lost over 21% of its value locked in the past month.",
        "Ethena's USDe lost more than 57% of its market cap in Q4.",
        "Trading volume for ETH rose 300% over the past 24 hours.",
        "Bitcoin could drop 40% over the next month, analysts said.",
    ],
)
def test_not_price_moves_are_left_alone(text):
    assert run(text, "2026-02-05") == []


def test_no_window_no_check():
    assert run("Ether fell 50%.", "2026-02-05") == []


def test_snapshot_only_asset_reads_snapshot_to_snapshot():
    # BNB has only CoinGecko daily snapshots: 778.54 (2026-02-01) -> 643.47 (2026-02-08) = -17.3%
    assert run("BNB fell 17% over the past week.", "2026-02-08") == []
    [f] = run("BNB rose 23% over the past week.", "2026-02-08")
    assert "snapshot" in " ".join(f.work) and any("coingecko" in s for s in f.sources)


def test_per_week_over_a_stated_period_reads_the_weekly_average():
    # the month to 2026-02-04/05 lost 31.7% to 43.4%: about -8% to -12% a week, compounded
    assert run("ETH fell about 10% per week over the past month.", "2026-02-05") == []
    [f] = run("ETH fell about 2% per week over the past month.", "2026-02-05")
    assert any("averaged per week" in r for r in f.readings)


def test_a_signed_figure_is_its_own_direction():
    assert run("ETH was -15% on Thursday.", "2026-02-07") == []
    [f] = run("ETH was -50% on Thursday.", "2026-02-07")
    assert "a fall of 50%" in f.message


def test_a_clause_of_its_own_after_with():
    # "daily losses" belongs to the clause before: the 8% is ETH's 24-hour move (checked, and it fits)
    text = (
        "As ETH trades near $2,088 at press time, daily losses have accelerated, "
        "with the token down about {} over 24 hours."
    )
    assert run(text.format("8%"), "2026-02-05") == []
    assert run(text.format("30%"), "2026-02-05")

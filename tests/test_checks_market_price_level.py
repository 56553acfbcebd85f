"""price-level: a stated price against the day's candle (shipped Binance history)."""

from __future__ import annotations

import pytest
from rulecheck import findings_for

RULE = "price-level"


def run(text: str, as_of: str | None, rule_id: str = RULE):
    return findings_for(rule_id, text, as_of)


def test_local_low_within_the_days_range_passes():
    assert run("Ether hit a local low of around $2,048 on February 5.", "2026-02-05") == []


def test_press_time_price_within_the_range_passes():
    assert run("As ETH trades near $2,088 at press time, daily losses have accelerated.", "2026-02-05") == []


def test_press_time_price_outside_both_days_is_flagged_with_both_rows():
    [f] = run("As ETH trades near $2,900 at press time, daily losses have accelerated.", "2026-02-05")
    assert f.severity == "error"
    assert f.text.endswith("$2,900")
    assert "2,173.77" in f.message and "2,295.74" in f.message  # the two days' highs
    assert "data: ETH/USDT 1d, binance, 2026-02-05" in f.sources
    assert "data: ETH/USDT 1d, binance, 2026-02-04" in f.sources
    assert any("USDT" in w for w in f.work)
    assert len(f.readings) == 2


def test_closed_at_reads_the_close():
    assert run("Bitcoin closed at $70,580 on Friday.", "2026-02-08") == []
    [f] = run("Bitcoin closed at $71,500 on Friday.", "2026-02-08")  # inside the day's range, not its close
    assert "close 70,580.26" in f.message


def test_high_and_low_cues_read_the_days_extremes():
    assert run("Bitcoin fell as low as $60,000 on February 6.", "2026-02-08") == []
    assert run("Bitcoin fell as low as $65,000 on February 6.", "2026-02-08")
    assert run("Bitcoin rose as high as $71,750 on February 6.", "2026-02-08") == []


def test_a_day_still_running_at_press_time_has_no_final_close():
    # as of 2026-02-06 the close of the 6th was not known yet: any price of the day is a fair reading
    assert run("Bitcoin closed at $65,000 on February 6.", "2026-02-06") == []


def test_dipped_below_needs_a_low_under_the_figure():
    assert run("Bitcoin dipped below $70,000 on February 5.", "2026-02-06") == []
    [f] = run("Bitcoin dipped below $70,000 on February 3.", "2026-02-06")
    assert "72,945.5" in f.message


def test_rose_above_needs_a_high_over_the_figure():
    assert run("Bitcoin rose above $71,000 on February 6.", "2026-02-08") == []
    assert run("Bitcoin rose above $75,000 on February 6.", "2026-02-08")


def test_small_miss_is_a_warning():
    [f] = run("Ether traded at $2,330 on February 4.", "2026-02-06")  # high 2,295.74: 1.5% off
    assert f.severity == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say XRP could fall to around $1.25 this week.",
        "It is highly resisted at the $1.75 level, XRP traders said on Thursday.",
        "He states his liquidation price was $145 on Thursday.",
        "BitMine accumulated ETH at an average price of $3,850 on Monday.",
        "Bitcoin recovered to $95,000.",  # a past price with no date: no day to check against
    ],
)
def test_figures_that_are_not_traded_prices_are_left_alone(text):
    assert run(text, "2026-02-05") == []


def test_usd_figures_are_compared_with_usdt_candles_within_tolerance():
    # ETH high on 2026-02-05 was 2,173.77 USDT; $2,190 is within the 1% allowance
    assert run("Ether traded at $2,190 on February 5.", "2026-02-07") == []


def test_present_marker_belongs_to_its_own_figure():
    # "now" marks $70,000 (in range) but not the earlier $60,000 the sentence tells of
    assert run("Bitcoin, now at $70,000, had fallen to $60,000.", "2026-02-05") == []
    assert run("Bitcoin, now at $90,000, had fallen to $60,000.", "2026-02-05")


def test_crossing_a_level_is_a_price_statement():
    assert run("BTC fell below the $63,000 mark on Thursday.", "2026-02-06") == []
    [f] = run("BTC fell below the $60,000 mark on Thursday.", "2026-02-06")
    assert "62,345" in f.message
    assert run("Ether broke above the $2,500 resistance on Thursday.", "2026-02-06")


def test_a_level_held_or_resisted_is_not_a_trade():
    assert run("Ethereum is struggling to hold the psychologically important $2,000 level.", "2026-02-05") == []
    assert run("XRP is highly resisted at the $1.75 level on Thursday.", "2026-02-06") == []


@pytest.mark.parametrize(
    "text",
    [
        "Bitcoin fell as low as $58,100 on Thursday, its lowest level since October 2024.",
        "Bitcoin hit a low of $58,100 on Thursday.",
        "Bitcoin dropped to $58,100 on Thursday.",
    ],
)
def test_a_low_under_the_days_low_is_flagged_on_a_day_still_running(text):
    # BTC/USDT 2026-02-05 (a Thursday, the publication day) traded 62,345 to 73,341.18
    [f] = run(text, "2026-02-05")
    assert f.severity == "error"
    assert "62,345" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "Bitcoin fell as low as $62,345 on Thursday, its lowest level since October 2024.",
        "Bitcoin hit a low of $62,345 on Thursday.",
        "Bitcoin dropped to $62,500 on Thursday.",
        "Bitcoin fell to about $63,000 on Thursday.",
    ],
)
def test_a_low_the_day_traded_passes(text):
    assert run(text, "2026-02-05") == []


def test_as_low_as_names_the_low_not_a_floor():
    # "as low as $58,000" is the day's low, not "at least $58,000": the final low of February 6 was 60,000
    assert run("Bitcoin fell as low as $58,000 on February 6.", "2026-02-08")
    assert run("Bitcoin rose as high as $80,000 on February 6.", "2026-02-08")


def test_could_fall_as_low_as_is_not_a_price():
    assert run("Bitcoin could fall as low as $50,000 on Thursday.", "2026-02-05") == []


def test_a_move_to_a_price_with_no_date_is_not_checked():
    assert run("Bitcoin dropped to $58,100 after the report.", "2026-02-05") == []

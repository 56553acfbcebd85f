"""price-extreme: all-time highs, drawdowns, days from the peak, "first time since"."""

from __future__ import annotations

import pytest
from rulecheck import findings_for

RULE = "price-extreme"


def run(text: str, as_of: str | None, rule_id: str = RULE):
    return findings_for(rule_id, text, as_of)


def test_all_time_high_and_its_month_pass():
    text = "Ether is currently trading more than 50% off its August 2025 all-time high price of $4,946."
    assert run(text, "2026-02-05") == []


def test_wrong_all_time_high_value_is_flagged_with_the_peak_row():
    [f] = run("Ether is trading well below its all-time high price of $4,100.", "2026-02-05")
    assert "4,956.78" in f.message and "2025-08-24" in f.message
    assert "data: ETH/USDT 1d, binance, 2025-08-24" in f.sources


def test_all_time_high_in_the_wrong_month_is_a_date_finding():
    [f] = run("Ether is trading far below its July 2025 all-time high of $4,950.", "2026-02-05")
    assert f.category == "date" and "2025-08-24" in f.message


def test_all_time_high_as_it_stood_then():
    # in March 2024 ETH's record was still the 2021 one (4,868 on 2021-11-10)
    assert run("Ether stayed below its November 2021 all-time high of $4,868.", "2024-03-10") == []


def test_days_from_the_peak():
    text = "Bitcoin is now 122 days away from its most recent all-time peak above $126,000."
    assert run(text, "2026-02-05") == []
    [f] = run(text.replace("122", "150"), "2026-02-05")
    assert f.category == "date" and "2025-10-06" in f.message and "122 days" in f.message


def test_drawdown_from_the_all_time_high():
    assert run("Bitcoin has lost over 42% since its peak.", "2026-02-05") == []
    [f] = run("Bitcoin is down 70% from its all-time high.", "2026-02-05")
    assert "126,199.63" in f.message


def test_smaller_drawdown_from_a_plain_peak_may_be_a_local_peak():
    # a later, lower peak would give a smaller drawdown: not flagged without "all-time"
    assert run("Bitcoin is down 10% from its peak.", "2026-02-05") == []
    assert run("Bitcoin is down 10% from its all-time high.", "2026-02-05")


def test_first_time_since_contradicted_by_a_later_dip():
    [f] = run("BTC dipped below $70,000 for the first time since Q3 2024.", "2026-02-05")
    assert f.category == "date"
    assert "2024-11" in f.message
    assert any("2024-10-10" in w and "58,946" in w for w in f.work)  # the deepest dip after Q3 2024


def test_first_time_since_that_holds():
    assert run("BTC dipped below $70,000 for the first time since November 2024.", "2026-02-05") == []


def test_xrp_records_are_not_read_without_complete_history():
    # Binance XRP/USDT starts in 2018-05, after XRP's January 2018 record
    assert run("XRP trades far below its all-time high of $3.84.", "2026-02-05") == []


def test_lowest_close_since_that_holds():
    # BTC/USDT closed at 62,909.86 on 2026-02-05; no close after October 2024 was lower
    assert run("Bitcoin posted its lowest close since October 2024 on Thursday.", "2026-02-06") == []


def test_lowest_close_since_contradicted_by_a_lower_close():
    [f] = run("Ether recorded its lowest daily close since March 2025 on Wednesday.", "2026-02-06")
    assert f.category == "date"
    assert f.text == "lowest daily close since March 2025"
    assert "2025-04" in f.message  # April 2025 closed lower (1,473.41 on 2025-04-08)


def test_lowest_close_on_the_publication_day_is_not_final():
    assert run("Ether recorded its lowest daily close since March 2025 today.", "2026-02-05") == []


def test_records_are_not_read_past_the_end_of_the_history():
    # the shipped history ends in 2026-03: in 2030 a newer record may exist
    text = "Bitcoin is now 122 days away from its most recent all-time peak above $126,000."
    assert run(text, "2030-01-01") == []


DESCRIBED = "Bitcoin fell as low as $62,345 on Thursday. The world's largest cryptocurrency is down roughly {}."


@pytest.mark.parametrize(
    "peak",
    [
        "from its October peak of about $126,000",
        "from its October 2025 peak",
        "from its record high in October",
        "from its peak of about $126,000",
    ],
)
def test_a_peak_named_by_its_month_or_figure_is_the_all_time_high(peak):
    # press time (2026-02-04/05) was 39% to 50.6% below the 126,199.63 high of 2025-10-06
    [f] = run(DESCRIBED.format("30% " + peak), "2026-02-05")
    assert "126,199.63" in f.message and "roughly 30%" in f.message
    assert run(DESCRIBED.format("50% " + peak), "2026-02-05") == []
    assert run(f"Bitcoin is down 45% {peak}.", "2026-02-05") == []


def test_a_peak_in_another_period_or_part_of_a_month_may_be_a_local_one():
    assert run("Bitcoin is down roughly 10% from its 2021 peak.", "2026-02-05") == []
    assert run("Bitcoin is down roughly 30% from its late-October peak.", "2026-02-05") == []
    assert run("Bitcoin is down roughly 30% from its peak of about $110,000.", "2026-02-05") != []  # the ATH figure


def test_a_description_that_is_not_a_crypto_asset_takes_no_asset_from_before():
    assert run("Bitcoin fell 5% on Thursday. The index is down roughly 30% from its October peak.", "2026-02-05") == []


def test_a_distance_from_a_named_peak_is_not_a_move_in_that_month():
    for text in (
        "Bitcoin is down roughly 45% from its October 2025 peak.",
        "Bitcoin is down roughly 45% from its record high in October.",
        "Bitcoin is down roughly 45% from its late-October peak.",
    ):
        assert run(text, "2026-02-05", "price-move") == []


def test_a_described_asset_is_the_last_asset_named_before():
    text = "Bitcoin slid on Thursday. The world's largest cryptocurrency is down roughly {} from its October peak."
    [f] = run(text.format("30%"), "2026-02-05")
    assert f.message.startswith("BTC ")
    assert run(text.format("45%"), "2026-02-05") == []


def test_a_record_may_be_quoted_on_a_closing_basis():
    # highest closes: BTC 67,525.83 (2021-11-08; high 69,000 on 2021-11-10), ETH 4,807.98 (2021-11-08),
    # BTC 73,072.41 (2024-03-13; high 73,777 on 2024-03-14)
    assert run("Bitcoin has yet to revisit its November 2021 peak of $67,500.", "2023-06-01") == []
    assert run("Ether broke above its previous all-time high of $4,808, set in November 2021.", "2025-08-23") == []
    assert run("BTC's all-time high of $73,100 from March 2024 still stands.", "2024-06-01") == []
    [f] = run("Bitcoin has yet to revisit its November 2021 peak of $64,000.", "2023-06-01")
    assert "69,000" in f.message and any("highest close" in w and "67,525.83" in w for w in f.work)


def test_a_former_record_that_fits_neither_is_checked_as_it_stood_in_its_period():
    text = "Ether soared to a record $4,880, eclipsing its earlier peak of $4,300 set back in November 2021."
    [f] = run(text, "2025-08-23")
    assert "4,868" in f.message and "2021-11-10" in f.message

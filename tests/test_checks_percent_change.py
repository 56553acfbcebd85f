"""percent-change: recomputed changes, rounding, directions, readings, and the traps."""

from __future__ import annotations

from checks_support import findings, flagged


def test_percent_change_flags_a_wrong_drop_with_the_arithmetic():
    (f,) = findings("percent-change", "Revenue fell from $3.1 million to $2.4 million, a 32% drop.")
    assert f.text == "32%"
    assert "22.6%" in f.message and "32%" in f.message
    assert [r.text for r in f.related] == ["$3.1 million", "$2.4 million"]
    assert f.work and f.readings and f.expected


def test_percent_change_rounding_is_never_an_error_zksync_970():
    assert not flagged("percent-change", "The token rose 970% from $0.023 to $0.24 in three hours.")


def test_percent_change_just_outside_rounding_is_flagged():
    # 0.245/0.0225 - 1 = 988.9% is the most the written figures allow
    assert flagged("percent-change", "The token rose 1,050% from $0.023 to $0.24 in three hours.")


def test_percent_change_reversed_direction_is_an_error():
    (f,) = findings("percent-change", "Sales rose 25% from $8 million to $6 million.")
    assert f.severity == "error"
    assert "reversed" in f.message


def test_percent_change_small_miss_is_a_warning():
    (f,) = findings("percent-change", "Fees climbed 24% from $2.00 to $2.40.")
    assert f.severity == "warning"


def test_percent_change_trailing_form_26362_percent_passes_and_wrong_one_fails():
    ok = "The IWF found 3,440 AI videos, a 26,362% surge from the 13 videos found the previous year."
    assert not flagged("percent-change", ok)
    assert flagged("percent-change", ok.replace("26,362%", "2,636%"))


def test_percent_change_hedged_figure_gets_the_hedge_tolerance():
    assert not flagged("percent-change", "Revenue fell from $3.1 million to $2.4 million, a drop of about 24%.")
    assert flagged("percent-change", "Revenue fell from $3.1 million to $2.4 million, a drop of about 30%.")


def test_percent_change_tolerance_is_an_option():
    text = "Revenue fell from $3.1 million to $2.4 million, a drop of about 27%."
    assert flagged("percent-change", text)
    assert not flagged("percent-change", text, approx_tolerance=0.1)


def test_percent_change_trap_percentage_of_something_else_is_not_paired():
    text = "The stake dropped from 75% to 38% last year, while 49% went to a fund."
    assert not flagged("percent-change", text)


def test_percent_change_trap_two_subjects_comparison_not_a_change():
    text = (
        "The amount is slightly lower than Jan 2025 ($87.25 million), "
        "but a notable 13.25% surge from Dec 2025 ($76 million)."
    )
    assert not flagged("percent-change", text)


def test_percent_change_trap_forecast_with_consistent_figures_passes():
    assert not flagged("percent-change", "Analysts say it could rise 50% from $2.00 to $3.00 by 2027.")


MUTM = (
    "At its stage, the MUTM token is priced at $0.04. This is by {a} of its initial price, which is $0.01 at the "
    "beginning of 2025. Analysts believe MUTM may explode to reach $0.50 or even $1.00 by 2027. This would increase "
    "{b} of the current price as long as the roadmap unfolds as planned."
)


def test_percent_change_of_its_initial_price_300_and_of_the_current_price_2400_pass():
    assert not flagged("percent-change", MUTM.format(a="300%", b="2,400%"))


def test_percent_change_of_the_current_price_tries_every_target_and_flags_when_none_fits():
    (f,) = findings("percent-change", MUTM.format(a="300%", b="5,000%"))
    assert f.text == "5,000%" and "+2,400%" in f.message
    assert any("$0.50" in r for r in f.readings) and any("$1.00" in r for r in f.readings)  # every target tried


def test_percent_change_of_its_initial_price_wrong():
    assert flagged("percent-change", MUTM.format(a="2,000%", b="2,400%")) == ["2,000%"]


def test_percent_change_between_percents_reads_points_and_relative_change():
    base = "Its market share rose from 55% to 60%, {x}."
    for ok in ("up 5 percentage points", "a 5% increase", "a 9% increase"):
        assert not flagged("percent-change", base.format(x=ok)), ok
    (f,) = findings("percent-change", base.format(x="up 15 percentage points"))
    assert "5 percentage points" in f.message
    assert flagged("percent-change", base.format(x="a 20% increase"))


def test_percent_that_is_the_new_level_of_a_from_percent_is_not_a_change():
    text = "Tether's share of stablecoin supply stood at 62%, while USDC has 24%, up from 20%."
    assert not flagged("percent-change", text)
    # a money change written the same way is still checked
    assert flagged(
        "percent-change", "Coinbase reported revenue of $2.3 billion, up 35% from $1.84 billion a year earlier."
    )

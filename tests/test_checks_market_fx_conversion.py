"""fx-conversion: amounts and their conversions against ECB daily, snapshot and HMRC monthly rates."""

from __future__ import annotations

from rulecheck import findings_for

RULE = "fx-conversion"


def run(text: str, as_of: str | None, rule_id: str = RULE):
    return findings_for(rule_id, text, as_of)


def test_won_conversion_with_lower_bound_passes():
    text = (
        "Lee Jong-hwan was fined 500 million won (more than $340,000), "
        "and an additional 846.56 million won (more than $550,000)."
    )
    assert run(text, "2026-02-05") == []


def test_won_conversion_far_off_is_an_error_with_the_ecb_rate():
    [f] = run("Lee Jong-hwan was fined 500 million won (more than $400,000).", "2026-02-05")
    assert f.severity == "error"
    assert "1,465.15 KRW per USD" in f.message
    assert "data: KRW per USD, ECB reference rate, 2026-02-05" in f.sources
    assert [r.text for r in f.related] == ["500 million won"]
    assert any("imply 1,250 KRW per USD" in w for w in f.work)


def test_taiwan_dollar_conversion_passes():
    text = "Hon Hai said it achieved roughly NT$730 billion (about US$23 billion) in revenue last month."
    assert run(text, "2026-02-05") == []


def test_taiwan_dollar_conversion_off():
    [f] = run(
        "Hon Hai said it achieved roughly NT$730 billion (about US$30 billion) in revenue last month.", "2026-02-05"
    )
    assert "TWD" in f.message


def test_euro_conversion_both_ways():
    assert run("The bank raised €500 million (about $590 million) on Monday.", "2026-02-05") == []
    assert run("The bank raised $590 million (about €500 million) on Monday.", "2026-02-05") == []
    assert run("The bank raised €500 million (about $700 million) on Monday.", "2026-02-05")


def test_stale_rate_conversion_is_a_warning_not_an_error():
    # VND 10 trillion at 25,938 VND per USD (2026-02-05) is $385.5 million; $408 million implies 24,510
    text = "They must have at least VND 10 trillion in starting capital, which equals about $408 million."
    [f] = run(text, "2026-02-05")
    assert f.severity == "warning"
    assert "385.5 million" in f.message
    assert any("24,509.8 VND per USD" in w for w in f.work)


def test_monthly_rate_is_used_where_no_daily_rate_exists():
    # no daily VND rate around 2025-06-15: HMRC's monthly rate, named in the sources
    text = "The fine was VND 26 billion (about $1 million)."
    assert run(text, "2025-06-15") == []
    [f] = run("The fine was VND 26 billion (about $2 million).", "2025-06-15")
    assert any("HMRC monthly rate" in s for s in f.sources)


def test_no_publication_date_no_check():
    assert run("Lee Jong-hwan was fined 500 million won (more than $400,000).", None) == []


def test_two_unrelated_amounts_are_not_a_conversion():
    assert run("Revenue was NT$730 billion and profit was $5 billion.", "2026-02-05") == []


def test_a_past_date_in_the_sentence_brings_its_own_rates():
    # June 2024: ~1,378-1,392 KRW per USD -> $7.2 million; at the 2026-02-05 rate it would be $6.8 million
    assert run("In June 2024, the exchange was fined 10 billion won ($7.2 million).", "2026-02-05") == []
    [f] = run("In June 2024, the exchange was fined 10 billion won ($12 million).", "2026-02-05")
    assert f.severity == "error"
    assert any("June 2024" in r for r in f.readings)

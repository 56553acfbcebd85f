"""unverifiable: market statements with nothing to check them against get one info finding, never more."""

from __future__ import annotations

from rulecheck import findings_for

RULE = "unverifiable"


def run(text: str, as_of: str | None, rule_id: str = RULE):
    return findings_for(rule_id, text, as_of)


def test_asset_without_history_is_info():
    [f] = run("ZKsync was trading at $0.023 on Sunday morning, South Korean time.", "2026-02-05")
    assert f.severity == "info" and f.category == "unverifiable"
    assert "ZK" in f.message


def test_move_of_an_asset_without_history_is_info():
    [f] = run("The ZKsync token surged by 970% over 24 hours.", "2026-02-05")
    assert f.severity == "info" and "ZK" in f.message


def test_no_publication_date_is_info():
    [f] = run("ETH trades near $2,088 at press time.", None)
    assert f.severity == "info" and "publication date" in f.message


def test_days_before_the_history_starts_are_info():
    [f] = run("Bitcoin closed at $9,000 on March 3, 2013.", "2026-02-05")
    assert "2017-08-17" in f.message


def test_covered_statements_give_nothing():
    assert run("ETH trades near $2,088 at press time.", "2026-02-05") == []
    assert run("Ethereum price has dropped by around 28% over the past 7 days.", "2026-02-05") == []


def test_forecasts_are_not_even_unverifiable():
    assert run("Analysts believe MUTM may explode to reach $0.50 by 2027.", "2026-02-05") == []


def test_never_an_error_on_a_mixed_draft():
    text = (
        "ZKsync was trading at $0.023 on Sunday. ETH trades near $2,900 at press time. "
        "The ZKsync token surged by 970% on Sunday. Lee was fined 500 million won (more than $400,000)."
    )
    found = run(text, None)
    assert found and all(f.severity == "info" for f in found)

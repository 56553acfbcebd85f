"""derived-product: "a loss of N%" closing a purchase sentence is read as 1 - current value / cost."""

from __future__ import annotations

from checks_support import findings, flagged

FUND = (
    "The fund bought 1,000 BTC at $95,000 each in 2025, a $95 million position that is now worth about "
    "$63 million, a loss of roughly {p}."
)


def test_percent_loss_that_does_not_fit_the_cost_is_flagged():
    (f,) = findings("derived-product", FUND.format(p="24%"))
    assert f.text == "roughly 24%"
    assert "33.7%" in f.message


def test_percent_loss_that_fits_passes():
    assert not flagged("derived-product", FUND.format(p="34%"))
    assert not flagged("derived-product", FUND.format(p="33%"))


def test_percent_loss_over_another_window_is_not_checked():
    text = (
        "The fund bought 1,000 BTC at $95,000 each in 2025, a $95 million position that is now worth about "
        "$63 million, a loss of roughly 24% since Monday."
    )
    assert not flagged("derived-product", text)


def test_percent_loss_without_a_current_value_is_not_checked():
    text = "The fund bought 1,000 BTC at $95,000 each in 2025 and sold at $80 million, a loss of roughly 24%."
    assert not flagged("derived-product", text)


def test_loss_of_a_hack_is_not_a_position_loss():
    text = "Hackers stole tokens now worth $63 million from the $95 million pool, a loss of about 24% for users."
    assert not flagged("derived-product", text)

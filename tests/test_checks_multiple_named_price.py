"""multiple: "N% below its launch price" is read against the price the text names as the launch price."""

from __future__ import annotations

from checks_support import findings, flagged

TOKEN = "The token launched at $0.10 in 2024; it now trades at $0.03, {p} below its launch price."


def test_below_launch_price_that_does_not_fit_is_flagged():
    (f,) = findings("multiple", TOKEN.format(p="50%"))
    assert f.severity == "error"
    assert f.text == "50%" and "70%" in f.message


def test_below_launch_price_that_fits_passes():
    assert not flagged("multiple", TOKEN.format(p="70%"))


def test_above_previous_price_reads_as_a_premium():
    text = "The previous price was $2.00. The token now trades at $3.00, {p} above its previous price."
    assert not flagged("multiple", text.format(p="50%"))
    assert flagged("multiple", text.format(p="20%"))


def test_launch_price_not_named_in_the_text_is_not_checked():
    # $0.10 is a target, not the launch price: nothing to compare with
    text = "Analysts set a target of $0.10; it now trades at $0.03, 50% below its launch price."
    assert not flagged("multiple", text)


def test_change_of_a_window_is_not_a_named_price():
    assert not flagged("multiple", "The token launched at $0.10; it now trades at $0.03, down 50% this week.")

"""Money: symbols and prefixes before or after, ISO codes before or after, currency words."""

import pytest

from factcheck.extract import extract_text


def figures(text: str):
    return [q for q in extract_text(text) if q.kind != "date"]


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("It costs $5.", "USD", 5),
        ("It raised US$23 billion.", "USD", 23e9),
        ("Revenue of NT$730 billion.", "TWD", 730e9),
        ("A HK$1.2 million flat.", "HKD", 1.2e6),
        ("A S$40 fine.", "SGD", 40),
        ("A €3.5 billion deal.", "EUR", 3.5e9),
        ("A £70m loss.", "GBP", 70e6),
        ("A ¥500 fee.", "JPY", 500),
        ("A fine of ₹50,000.", "INR", 50000),
        ("A ₩1,000 coin.", "KRW", 1000),
        ("A ₫10,000 note.", "VND", 10000),
        ("A Rs 500 note.", "INR", 500),
        ("It costs 50€ here.", "EUR", 50),
        ("It costs 50 € here.", "EUR", 50),
    ],
)
def test_money_symbols_before_and_after(text, unit, value):
    (q,) = figures(text)
    assert (q.unit, q.kind) == (unit, "amount")
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("They need VND 10 trillion to start.", "VND", 10e12),
        ("They need 10 trillion VND to start.", "VND", 10e12),
        ("A fee of USD 500 applies.", "USD", 500),
        ("About 2 billion EUR moved.", "EUR", 2e9),
        ("RMB 3 billion was raised.", "CNY", 3e9),
    ],
)
def test_money_iso_codes_before_and_after(text, unit, value):
    (q,) = figures(text)
    assert q.unit == unit
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("He was fined 500 million won.", "KRW", 500e6),
        ("It sold for 64,000 dollars.", "USD", 64000),
        ("A bill of 3 billion yen.", "JPY", 3e9),
        ("It cost 20 euros.", "EUR", 20),
        ("Some 10 million Hong Kong dollars.", "HKD", 10e6),
        ("A loss of 5 million rupees.", "INR", 5e6),
        ("Worth 100 million New Taiwan dollars.", "TWD", 100e6),
    ],
)
def test_money_currency_words(text, unit, value):
    (q,) = figures(text)
    assert q.unit == unit
    assert q.value == pytest.approx(value)


def test_money_prefix_and_matching_code_are_one_figure():
    (q,) = figures("It cost US$5 USD.")
    assert q.text == "US$5 USD"


def test_money_conversion_in_parentheses_is_two_figures():
    qs = figures("roughly NT$730 billion (about US$23 billion) in revenue")
    assert [(q.unit, q.bound) for q in qs] == [("TWD", "approx"), ("USD", "approx")]


def test_money_a_bare_dollar_sign_is_not_a_figure():
    assert figures("Pay in $ or € only.") == []


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [("Earnings beat estimates by 8 cents a share.", "USD", 0.08), ("A fee of 50 pence.", "GBP", 0.5),
     ("Fees of 20 gwei.", "ETH", 20e-9), ("A tip of 1,000 sats.", "BTC", 1e-5)],
)  # fmt: skip
def test_money_subunits_scale_to_the_currency(text, unit, value):
    (q,) = figures(text)
    assert q.unit == unit
    assert q.value == pytest.approx(value)


def test_money_closing_quote_and_possessive_are_not_part_of_the_unit():
    qs = figures("He said 'it sold for 64,000 dollars' and 5 BTC’s worth went.")
    assert [(q.text, q.unit) for q in qs] == [("64,000 dollars", "USD"), ("5 BTC", "BTC")]

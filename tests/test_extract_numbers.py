"""Numbers: separators, decimals, signs, full-width digits, number words, fractions, scales."""

import pytest

from factcheck.extract import extract_text


def only(text: str):
    qs = [q for q in extract_text(text) if q.kind != "date"]
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They counted 1,234,567 wallets.", 1234567),
        ("The ratio was 0.75 overall.", 0.75),
        ("It holds 4,285,126 tokens.", 4285126),
        ("A fee of .5 applies.", 0.5),
        ("Indian grouping 1,00,000 rupees.", 100000),
        ("Ｓales reached １２３ units.", 123),
    ],
)
def test_numbers_digits_separators_decimals_fullwidth(text, value):
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "sign"),
    [("ETH moved -15% today.", -15, -1), ("It fell −3.5% overnight.", -3.5, -1), ("Up +5% on the week.", 5, 1)],
)
def test_numbers_signs(text, value, sign):
    q = only(text)
    assert q.value == pytest.approx(value)
    assert q.sign == sign


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Revenue hit 4.28 million users.", 4.28e6),
        ("A $187.3B market cap.", 187.3e9),
        ("Bitcoin fell under $70k.", 70e3),
        ("Sales of 55.1K units.", 55.1e3),
        ("Worth $408M now.", 408e6),
        ("A fine of $5 mn was paid.", 5e6),
        ("It raised $2.5bn in total.", 2.5e9),
        ("Debt of $3 tn worried markets.", 3e12),
        ("A $10T economy.", 10e12),
        ("A budget of 10 thousand.", 1e4),
        ("VND 10 trillion was required.", 10e12),
        ("The fund has ₹5 lakh.", 5e5),
        ("A tax of ₹3 crore.", 3e7),
        ("A plan worth ₹2 lakh crore.", 2e12),
    ],
)
def test_numbers_scale_words_and_suffixes(text, value):
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They hired fifteen engineers.", 15),
        ("Three analysts agreed.", 3),
        ("It took twenty-five attempts.", 25),
        ("There were three hundred nodes.", 300),
        ("They raised half a billion dollars.", 0.5e9),
        ("A million users joined.", 1e6),
        ("Some two million wallets moved.", 2e6),
        ("A dozen exchanges listed it.", 12),
    ],
)
def test_numbers_words(text, value):
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A third of the supply moved.", 100 / 3),
        ("Two-thirds of holders sold.", 200 / 3),
        ("A quarter of miners quit.", 25),
        ("Half of the tokens are locked.", 50),
        ("Three quarters of users agreed.", 75),
    ],
)
def test_numbers_fractions_are_shares_in_percent(text, value):
    q = only(text)
    assert q.value == pytest.approx(value)
    assert q.unit == "%"
    assert q.kind == "percent"


@pytest.mark.parametrize(
    "text",
    [
        "One of the largest exchanges said no one knew.",
        "A third time was not needed; the last quarter was calm.",
        "The L1 and L2 chains, Web3 apps, ERC-20 tokens and P2P trades.",
        "The 3D printer and 5G network launched on the 1st and 22nd.",
        "Phase 7 and Section 509 of Gemini 3.",
    ],
)
def test_numbers_not_figures(text):
    assert [q.text for q in extract_text(text) if q.kind != "date"] == []


def test_numbers_rounding_interval_from_stated_precision():
    q = only("BitMine holds 4.28 million ETH.")
    assert (q.low_bound, q.high_bound) == (pytest.approx(4.275e6), pytest.approx(4.285e6))
    assert q.number_text == "4.28 million"


def test_numbers_trailing_zeros_keep_two_significant_digits():
    q = only("The level was 70,000 exactly.")
    assert (q.low_bound, q.high_bound) == (pytest.approx(69500), pytest.approx(70500))


@pytest.mark.parametrize(
    "text",
    [
        "The S&P 500 and the Nasdaq 100 were flat.",
        "The Ethereum 2.0 upgrade and Web 3.0 apps.",
        "After the 2024 halving, miners sold.",
        "Support is 24/7.",
    ],
)
def test_numbers_index_names_versions_and_idioms_are_not_figures(text):
    assert [q.text for q in extract_text(text) if q.kind != "date"] == []


def test_numbers_loose_fraction_needs_of_or_a_hedge():
    (q,) = [q for q in extract_text("The market lost more than a third between them.") if q.kind != "date"]
    assert (q.text, q.bound, q.unit) == ("more than a third", "lower", "%")
    assert [q.text for q in extract_text("It was a third time and half a step.")] == []


def test_numbers_word_before_a_hyphenated_noun_counts():
    (q,) = extract_text("WLF's five-member board met.")
    assert (q.value, q.kind) == (5, "count")
    assert extract_text("A one-off payment and a one-time fee.") == []


def test_numbers_half_of_a_year_is_a_period_not_a_share():
    qs = [q for q in extract_text("In the first half of 2025 and the second half of the year, prices rose.")]
    assert [q.kind for q in qs] == ["date"]
    (q,) = extract_text("The second half of the commitment was due later.")
    assert (q.value, q.unit) == (50, "%")


@pytest.mark.parametrize(
    ("text", "value", "unit"), [("Only 1/3 of the supply moved.", 100 / 3, "%"), ("A 1/4 inch gap.", 0.25, "inch")]
)
def test_numbers_slash_fraction_before_of_or_a_unit(text, value, unit):
    (q,) = extract_text(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_numbers_thin_and_no_break_space_thousands():
    (q,) = extract_text("A sum of 10\u202f000 dollars.")
    assert (q.value, q.unit) == (10000, "USD")
    (q,) = extract_text("They moved 1\xa0234\xa0567 BTC.")
    assert q.value == 1234567
    assert [q.value for q in extract_text("In 2025 100 firms")] == [None, 100]  # plain spaces never group


@pytest.mark.parametrize(("text", "value"), [("It oscillates at 4e14 hertz.", 4e14), ("A 9.83e-3 drift.", 9.83e-3)])
def test_numbers_scientific_notation(text, value):
    (q,) = extract_text(text)
    assert q.value == pytest.approx(value)


def test_numbers_scientific_lookalikes_are_not_figures():
    assert extract_text("The 5e edition, hex 0x1e5, and 1e999.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("one sixth of supply", 100 / 6), ("five-sixths of the float", 500 / 6), ("an eighth of holders", 12.5)],
)
def test_numbers_fraction_words_come_from_the_rules(text, value):
    (q,) = extract_text(text)
    assert (q.unit, q.kind) == ("%", "percent")
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["the sixth day of trading", "an eighth-grade class", "the sixth time"])
def test_numbers_ordinals_are_not_fractions(text):
    assert extract_text(text) == []

"""Subjects: the clause's own subject, not a name inside an appositive, a relative clause or a source; lists
paired by "respectively"; a name with its noun ("Truebit protocol"); a from/to pair shares its window."""

import pytest

from factcheck.extract import extract_text


def subjects(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.subject) for q in extract_text(text) if q.kind not in ("date", "duration")]


def test_subject_skips_an_appositive_list():
    text = (
        "SuperPAC Fairshake, a political movement backed by Coinbase, Ripple, and Andreessen Horowitz, "
        "reported more than $190 million in funds."
    )
    ((_, s),) = subjects(text)
    assert s is not None and s.endswith("Fairshake")


def test_subject_skips_a_relative_clause():
    text = (
        "Pichai said the Google Gemini app, which goes head-to-head with OpenAI’s ChatGPT, "
        "had more than 750 million users."
    )
    ((_, s),) = subjects(text)
    assert s is not None and "Gemini" in s


def test_subject_opening_phrase_is_not_an_appositive():
    text = "According to market data, the company’s ETH holdings are now worth less than $9 billion."
    assert subjects(text) == [("less than $9 billion", "ETH")]


def test_subject_respectively_pairs_the_lists_in_order():
    text = (
        "Tether said USDT grew by 3.5% in the period, and outperformed both USDC and USDe, which declined "
        "by 2.6% and 57%, respectively."
    )
    assert subjects(text) == [("3.5%", "USDT"), ("2.6%", "USDC"), ("57%", "USDE")]


def test_subject_respectively_with_lists_that_do_not_pair_gives_none():
    assert [s for _, s in subjects("Bitcoin and Ether rose 5%, 6% and 7%, respectively.")] == [None, None, None]


def test_subject_name_with_its_noun_opening_the_sentence():
    text = "Truebit protocol lost approximately 8,535 ETH, valued at around $26.4 million, in the theft."
    assert [s for _, s in subjects(text)] == ["Truebit", "Truebit"]


@pytest.mark.parametrize(
    "text",
    [
        "As quoted by Kursiv, only 5% of investors hold crypto.",
        "According to Bitrace, $649 billion in stablecoins flowed to high-risk addresses.",
    ],
)
def test_subject_a_source_is_not_the_subject(text):
    ((_, s),) = subjects(text)
    assert s is None


def test_subject_source_does_not_hide_the_clause_subject():
    assert subjects("According to CoinGecko, Bitcoin rose 5% today.") == [("5%", "BTC")]


@pytest.mark.parametrize(
    "text",
    [
        "The Taiwanese electronics giant, a key partner for Nvidia Corp., said it earned roughly NT$730 billion.",
        "South Korean prosecutors sought up to five times the amount.",
    ],
)
def test_subject_nationality_adjective_and_appositive_name_are_not_subjects(text):
    assert all(s is None for _, s in subjects(text))


def test_subject_not_an_identifier_or_a_document_reference():
    ((_, s),) = subjects("Under Resolution No. 05/2025/NQ-CP, firms must pay 20% tax.")
    assert s is None


def test_subject_after_a_reference_is_still_found():
    assert subjects("Under Article 12, Binance must hold 20% in reserve.") == [("20%", "Binance")]


def test_window_shared_by_a_from_to_pair():
    qs = [q for q in extract_text("Bitcoin dominance slipped from 61.2% to 58.9% over the quarter.")]
    assert [q.window for q in qs] == ["over the quarter", "over the quarter"]


def test_window_since_the_beginning_of_this_year():
    (q,) = extract_text("It has nosedived by 29% since the beginning of this year.")
    assert q.window == "since the beginning of this year"


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Sales hit $76 million, a notable 13.25% MoM surge from December.", "MoM"),
        ("People who trade digital currencies will pay a 0.1% tax.", "People"),
        ("The watchdog found 3,440 AI videos.", "AI"),
    ],
)
def test_subject_abbreviations_and_generic_nouns_are_not_subjects(text, bad):
    assert all(s != bad for _, s in subjects(text))

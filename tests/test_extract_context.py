"""Subject (the asset or company a figure is about) and time window, read from the figure's sentence."""

import pytest

from factcheck.extract import extract_text


def figure(text: str, surface: str):
    for q in extract_text(text):
        if q.text == surface:
            return q
    raise AssertionError(f"{surface!r} not in {[q.text for q in extract_text(text)]}")


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("BitMine holds about 4.28 million ETH.", "about 4.28 million ETH", "BitMine"),
        ("ETH has registered gains of about 29% per week.", "about 29%", "ETH"),
        ("USDT market cap climbs to record $187.3B as crypto weakens.", "$187.3B", "USDT"),
        ("ZKsync token surged by 970% on Upbit.", "970%", "ZK"),
        ("In 2025, Hon Hai’s stock rose by more than 30%.", "more than 30%", "Hon Hai"),
        ("The price of bitcoin fell 5% on Monday.", "5%", "BTC"),
        ("Ethereum’s price has dropped by around 28% over the past 7 days.", "around 28%", "ETH"),
    ],
)
def test_context_subject(text, surface, subject):
    assert figure(text, surface).subject == subject


def test_context_subject_is_not_taken_from_another_sentence():
    q = figure("Solana rallied. The index rose 5% today.", "5%")
    assert q.subject is None


def test_context_subject_skips_the_figure_own_asset():
    q = figure("Michael Saylor's firm Strategy bought 855 BTC for $75 million.", "855 BTC")
    assert q.subject == "Strategy"


@pytest.mark.parametrize("text", ["Whales shed 43,779 BTC in a day.", "Total reserves increased by $11.7 billion."])
def test_context_sentence_opener_is_not_a_subject(text):
    (q,) = extract_text(text)
    assert q.subject is None


def test_context_sentence_opening_name_used_elsewhere_is_a_subject():
    text = "Analysts at Coinbase agree. Coinbase earned $2 billion."
    assert figure(text, "$2 billion").subject == "Coinbase"


@pytest.mark.parametrize(
    ("text", "surface", "window"),
    [
        ("The token was down about 8% over 24 hours.", "about 8%", "over 24 hours"),
        ("ETH has registered gains of about 29% per week.", "about 29%", "per week"),
        ("Revenue rose 35% in January.", "35%", "in January"),
        ("It has lost over 42% since its peak.", "over 42%", "since its peak"),
        ("This figure represents a 17% year-over-year increase.", "17%", "year-over-year"),
        ("USDT added $12.4 billion in Q4.", "$12.4 billion", "in Q4"),
        ("ETH dropped by around 28% over the past 7 days.", "around 28%", "over the past 7 days"),
        ("In the past day, over 30,000 wallets sold.", "over 30,000", "In the past day"),
        ("Losses jumped 13% month-on-month.", "13%", "month-on-month"),
    ],
)
def test_context_window(text, surface, window):
    assert figure(text, surface).window == window


def test_context_window_not_read_across_another_figure():
    text = "Bitcoin rose 3% and ETH gained 7% over the past 7 days."
    assert figure(text, "3%").window is None
    assert figure(text, "7%").window == "over the past 7 days"


def test_context_daily_as_an_adjective_is_not_a_window():
    assert figure("the best daily contributor gets a $500 bonus", "$500").window is None


@pytest.mark.parametrize(
    ("text", "subject"),
    [("Strategy holds 713,502 BTC.", "Strategy"), ("Metaplanet holds 35,102 BTC.", "Metaplanet"),
     ("Semler bought 5,000 BTC.", "Semler"), ("Trading volume surged 150%.", None),
     ("Addresses linked to the attacker deposited 1,243 Ether.", None)],
)  # fmt: skip
def test_context_sentence_opener_followed_by_a_verb_is_a_name(text, subject):
    assert extract_text(text)[0].subject == subject


def test_context_appositive_after_a_sentence_opening_name():
    q = figure("Strategy, the largest corporate holder, now owns 713,502 BTC.", "713,502 BTC")
    assert q.subject == "Strategy"


def test_context_window_over_the_session():
    q = figure("It dropped from $2,148 to $1,827 over the session.", "$1,827")
    assert q.window == "over the session"


def test_context_figure_opening_a_sentence_takes_nothing_from_the_one_before():
    text = "Concerns grew about the US President's ethics. $500 million investment in WLFI could fall."
    q = figure(text, "$500 million")
    assert (q.subject, q.window) == (None, None)
    q = figure("Videos rose the previous year. 2,230 (65%) of them were extreme.", "2,230")
    assert (q.subject, q.window) == (None, None)

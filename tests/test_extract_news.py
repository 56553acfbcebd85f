"""Figures from real news text: a fixture of quoted phrases, and the full corpus page when present."""

from pathlib import Path

import pytest

from factcheck.document import parse, read_path
from factcheck.extract import extract_quantities

FIXTURE = Path(__file__).parent / "fixtures" / "extract" / "news_sample.md"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cryptopolitan-binance-square-2026-02.txt"


@pytest.fixture(scope="module")
def sample():
    doc = read_path(str(FIXTURE))
    return doc, [q for q in extract_quantities(doc) if q.kind != "date"]


def table(qs):
    return [(q.text, q.value, q.high, q.unit, q.bound) for q in qs]


def test_news_sample_figures(sample):
    _, qs = sample
    assert table(qs) == [
        ("about 4.28 million ETH", 4280000, None, "ETH", "approx"),
        ("$3,800 to $3,900", 3800, 3900, "USD", "range"),
        ("exceed $7 billion", 7e9, None, "USD", "lower"),
        ("over 45%", 45, None, "%", "lower"),
        ("$187.3B", 187.3e9, None, "USD", "exact"),
        ("under $70k", 70000, None, "USD", "upper"),
        ("at least VND 10 trillion", 10e12, None, "VND", "lower"),
        ("about $408 million", 408e6, None, "USD", "approx"),
        ("970%", 970, None, "%", "exact"),
        ("$0.023", 0.023, None, "USD", "exact"),
        ("$0.24", 0.24, None, "USD", "exact"),
        ("three hours", 3, None, "hour", "exact"),
        ("2,230", 2230, None, None, "exact"),
        ("65%", 65, None, "%", "exact"),
        ("3,440", 3440, None, None, "exact"),
        ("roughly NT$730 billion", 730e9, None, "TWD", "approx"),
        ("about US$23 billion", 23e9, None, "USD", "approx"),
        ("500 million won", 500e6, None, "KRW", "exact"),
        ("more than $340,000", 340000, None, "USD", "lower"),
    ]


def test_news_sample_offsets_and_context(sample):
    doc, qs = sample
    for q in qs:
        assert doc.text[q.start : q.end] == q.text
    by_text = {q.text: q for q in qs}
    assert by_text["about 4.28 million ETH"].subject == "BitMine"
    assert by_text["$3,800 to $3,900"].per == "token"
    assert by_text["970%"].subject == "ZK"
    assert by_text["$0.24"].window == "over the next three hours"
    assert by_text["$187.3B"].subject == "USDT"


def test_news_sample_intervals(sample):
    _, qs = sample
    by_text = {q.text: q for q in qs}
    zk_from, zk_to = by_text["$0.023"], by_text["$0.24"]
    # the design note's check: "surged by 970%" fits $0.023 -> $0.24 once rounding is respected
    lo = zk_to.low_bound / zk_from.high_bound - 1
    hi = zk_to.high_bound / zk_from.low_bound - 1
    assert lo * 100 <= 970 <= hi * 100


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_news_corpus_page_extracts_consistently():
    # speed is measured in benchmarks/speed_extract.py, not here
    doc = read_path(str(CORPUS))
    qs = extract_quantities(doc)
    assert extract_quantities(doc) == qs  # a second run (patterns compiled, memos warm) gives the same figures
    assert len(qs) > 500
    texts = {q.text for q in qs}
    for surface in ("about 4.28 million ETH", "$187.3B", "over 45%", "VND 10 trillion", "about $408 million",
                    "970%", "NT$730 billion", "500 million won", "more than $340,000", "96,184 BTC",
                    "about 1,243 Ether", "127.5 metric tons", "about 183 terawatt-hours"):  # fmt: skip
        assert any(surface in t for t in texts), surface
    for q in qs:
        assert doc.text[q.start : q.end] == q.text


def test_news_parse_of_text_equals_read_path():
    text = FIXTURE.read_text(encoding="utf-8")
    a = extract_quantities(parse(text, "x.md", "markdown"))
    b = extract_quantities(read_path(str(FIXTURE)))
    assert [q.to_json() for q in a] == [q.to_json() for q in b]

"""The market checks on the real corpus page as of 2026-02-05 (skipped without ../shared).

Pins what the checks say about the page: the errors they find, and the correct figures they leave alone.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from factcheck.config import Settings
from factcheck.document import read_path
from factcheck.pipeline import check_document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "cryptopolitan-binance-square-2026-02.txt"
MARKET_RULES = {"price-level", "price-move", "price-extreme", "fx-conversion", "crypto-valuation", "unverifiable"}

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason="../shared corpus not available")


@pytest.fixture(scope="module")
def findings():
    doc = read_path(str(CORPUS))
    result = check_document(doc, Settings(as_of=date(2026, 2, 5)))
    return [(f, doc.line_col(f.start)[0]) for f in result.findings if f.rule in MARKET_RULES]


def core(text: str) -> str:
    """The figure without its hedge: "about 29%" -> "29%", "near $2,088" -> "$2,088"."""
    m = re.search(r"(?:US\$|\$|VND |NT\$)?\d", text)
    return text[m.start() :] if m else text


def _by(findings, rule, figure):
    return [f for f, _line in findings if f.rule == rule and core(f.text) == figure]


def test_gains_per_week_and_per_month_are_errors(findings):
    # each article appears twice on the page
    assert len(_by(findings, "price-move", "29%")) == 2
    assert len(_by(findings, "price-move", "35%")) == 2
    assert all(f.severity == "error" for f in _by(findings, "price-move", "29%"))


def test_first_time_since_q3_2024_is_contradicted(findings):
    found = _by(findings, "price-extreme", "$70,000")
    assert len(found) == 2 and all(f.category == "date" for f in found)
    assert all("2024-11-06" in f.message and "58,946" in f.message for f in found)


def test_vnd_conversion_at_a_stale_rate_is_a_warning(findings):
    found = _by(findings, "fx-conversion", "$408 million")
    assert len(found) == 2 and all(f.severity == "warning" for f in found)


# figures the page gets right (by line of the page): ETH's local low and press-time price, the weekly drop,
# the 24-hour drops, the year-to-date drop, the all-time high and the drawdown from it, BTC's 122 days and
# 42% from its peak, the won and NT$ conversions, and the three crypto valuations.
CORRECT = [
    ("$2,048", 233),
    ("$2,048", 239),
    ("$2,088", 233),
    ("$2,088", 253),
    ("28%", 408),
    ("28%", 414),
    ("8%", 233),
    ("8%", 253),
    ("7%", 408),
    ("7%", 434),
    ("29%", 408),
    ("29%", 434),
    ("50%", 233),
    ("50%", 245),
    ("$4,946", 233),
    ("$4,946", 245),
    ("122 days", 270),
    ("122 days", 288),
    ("$126,000", 270),
    ("$126,000", 288),
    ("42%", 270),
    ("42%", 288),
    ("$340,000", 466),
    ("$550,000", 492),
    ("US$23 billion", 303),
    ("US$23 billion", 309),
    ("$8.93 billion", 233),
    ("$8.93 billion", 253),
    ("$26.4 million", 408),
    ("$26.4 million", 420),
    ("$2.4 million", 408),
    ("$2.4 million", 412),
]


def test_correct_market_figures_are_left_alone(findings):
    flagged = {(core(f.text), line) for f, line in findings if f.severity != "info"}
    for figure in CORRECT:
        assert figure not in flagged, figure


def test_only_the_known_market_findings(findings):
    serious = {(f.rule, core(f.text), line) for f, line in findings if f.severity != "info"}
    assert serious == {
        ("fx-conversion", "$408 million", 53),
        ("fx-conversion", "$408 million", 79),
        ("price-move", "29%", 233),
        ("price-move", "35%", 233),
        ("price-move", "29%", 255),
        ("price-move", "35%", 255),
        ("price-extreme", "$70,000", 270),
        ("price-extreme", "$70,000", 278),
    }


def test_unverifiable_are_info_only(findings):
    infos = [f for f, _line in findings if f.rule == "unverifiable"]
    assert infos and all(f.severity == "info" for f in infos)
    assert all("ZK" in f.message for f in infos)

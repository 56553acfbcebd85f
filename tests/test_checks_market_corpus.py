"""The market checks on the real corpus page as of 2026-02-05 (skipped without ../shared).

Pins what the checks say about the page: the errors they find, and the correct figures they leave alone.
"""

from __future__ import annotations

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
    return [f for f in result.findings if f.rule in MARKET_RULES]


def _by(findings, rule, text):
    return [f for f in findings if f.rule == rule and f.text == text]


def test_gains_per_week_and_per_month_are_errors(findings):
    # each article appears twice on the page
    assert len(_by(findings, "price-move", "about 29%")) == 2
    assert len(_by(findings, "price-move", "35%")) == 2
    assert all(f.severity == "error" for f in _by(findings, "price-move", "about 29%"))


def test_first_time_since_q3_2024_is_contradicted(findings):
    found = _by(findings, "price-extreme", "below $70,000")
    assert len(found) == 2 and all(f.category == "date" for f in found)


def test_vnd_conversion_at_a_stale_rate_is_a_warning(findings):
    found = _by(findings, "fx-conversion", "about $408 million")
    assert len(found) == 2 and all(f.severity == "warning" for f in found)


def test_correct_market_figures_are_left_alone(findings):
    flagged = {f.text for f in findings if f.severity != "info"}
    for text in [
        "around $2,048",
        "$2,088",
        "around 28%",
        "almost 7%",
        "29%",
        "more than 50%",
        "$4,946",
        "122 days",
        "above $126,000",
        "over 42%",
        "more than $340,000",
        "more than $550,000",
        "about US$23 billion",
        "around $8.93 billion",
        "around $26.4 million",
        "roughly $2.4 million",
    ]:
        assert text not in flagged, text


def test_only_the_known_market_findings(findings):
    serious = sorted((f.rule, f.text) for f in findings if f.severity != "info")
    assert set(serious) == {
        ("price-move", "about 29%"),
        ("price-move", "35%"),
        ("price-extreme", "below $70,000"),
        ("fx-conversion", "about $408 million"),
    }


def test_unverifiable_are_info_only(findings):
    infos = [f for f in findings if f.rule == "unverifiable"]
    assert infos and all(f.severity == "info" for f in infos)
    assert all("ZK" in f.message for f in infos)

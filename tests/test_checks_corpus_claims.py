"""Issue 3's acceptance list on the shared corpus page (as of 2026-02-05); skipped without ../shared."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.checks import CheckContext
from factcheck.claims import build_claims
from factcheck.document import read_path
from factcheck.engine import effective_options, run_rules
from factcheck.extract import extract_quantities
from factcheck.rulebook import all_rules

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cryptopolitan-binance-square-2026-02.txt"
RULES = ("percent-change", "derived-product", "share-of-whole", "multiple", "day-count", "contradiction")

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="../shared corpus not present")


@pytest.fixture(scope="module")
def page():
    doc = read_path(str(CORPUS))
    quantities = extract_quantities(doc)
    claims = build_claims(doc, quantities)
    rules = [all_rules()[r] for r in RULES]
    ctx = CheckContext(doc, quantities, claims, date(2026, 2, 5), {r.id: effective_options(r) for r in rules})
    return doc, run_rules(ctx, rules)


def _flagged_in(doc, findings, context: str, figure: str) -> list:
    text = doc.text
    out, pos = [], text.find(context)
    assert pos >= 0, context
    while pos >= 0:
        start = pos + context.index(figure)
        out.append([f for f in findings if f.start < start + len(figure) and start < f.end])
        pos = text.find(context, pos + 1)
    return out


@pytest.mark.parametrize(
    ("context", "figure", "rule"),
    [
        ("receiving a 50% discount", "50%", "multiple"),
        ("gains of about 29% per week", "about 29%", "contradiction"),
        ("an estimated $15 billion acquisition cost", "$15 billion", "derived-product"),
    ],
)
def test_corpus_errors_are_flagged_at_every_occurrence(page, context, figure, rule):
    doc, findings = page
    for hits in _flagged_in(doc, findings, context, figure):
        assert any(f.rule == rule for f in hits), (context, [f.message for f in hits])


@pytest.mark.parametrize(
    ("context", "figure"),
    [
        ("surged by 970%", "970%"),
        ("a 26,362% surge", "26,362%"),
        ("2,230 (65%)", "65%"),
        ("1,020 (30%)", "30%"),
        ("13.25% MoM", "13.25%"),
        ("around $8.93 billion", "$8.93 billion"),
        ("increase 2,400% of", "2,400%"),
        ("by 300% of its", "300%"),
        ("Of the first $250 million installment, $187 million", "$187 million"),
        ("Another $31 million", "$31 million"),
        ("a drawdown of over 45%", "over 45%"),
        ("Tuesday, February 3", "Tuesday, February 3"),
        ("122 days away", "122 days"),
    ],
)
def test_corpus_correct_figures_are_left_alone(page, context, figure):
    doc, findings = page
    for hits in _flagged_in(doc, findings, context, figure):
        assert not hits, [f.message for f in hits]


def test_corpus_no_other_claim_finding(page):
    doc, findings = page
    flagged = {f.text for f in findings}
    assert flagged <= {"50%", "about 29%", "an estimated $15 billion"}, flagged

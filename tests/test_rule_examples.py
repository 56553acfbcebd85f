"""Every [[examples]] entry of every rule in rules/checks/, end to end.

document.parse -> extract_quantities -> build_claims -> run_rules with that rule only. A pass example
must give no finding of the rule, a fail example at least one. Examples of rules that need market data
run with the shipped data (``open_market(None)``) and are skipped when the store is not available.
"""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.checks import CheckContext
from factcheck.claims import build_claims
from factcheck.document import parse
from factcheck.engine import effective_options, run_rules
from factcheck.extract import extract_quantities
from factcheck.rulebook import all_rules

MARKET_CATEGORIES = {"market-data", "conversion"}

_CASES = [
    pytest.param(rule, i, ex, id=f"{rule.id}-{i}-{ex.kind}")
    for rule in all_rules().values()
    for i, ex in enumerate(rule.examples)
]


def _market(rule):
    if rule.category not in MARKET_CATEGORIES and not rule.options.get("needs_market"):
        return None
    try:
        from factcheck.market.store import open_market
    except ImportError:
        pytest.skip("market data store not available")
    try:
        return open_market(None)
    except Exception as exc:  # pragma: no cover - depends on the shipped data
        pytest.skip(f"market data not available: {exc}")


def findings_for(rule, text: str, as_of: str | None):
    doc = parse(text, "example.md", "markdown")
    quantities = extract_quantities(doc)
    claims = build_claims(doc, quantities)
    day = date.fromisoformat(as_of) if as_of else doc.published
    ctx = CheckContext(doc, quantities, claims, day, {rule.id: effective_options(rule, {})}, _market(rule))
    return [f for f in run_rules(ctx, [rule]) if f.rule == rule.id]


def test_every_rule_has_pass_and_fail_examples():
    for rule in all_rules().values():
        kinds = {e.kind for e in rule.examples}
        assert kinds <= {"pass", "fail"}, rule.id
        assert "pass" in kinds and "fail" in kinds, f"{rule.id} needs pass and fail examples"


@pytest.mark.parametrize(("rule", "i", "example"), _CASES)
def test_rule_example(rule, i, example):
    found = findings_for(rule, example.text, example.as_of)
    if example.kind == "pass":
        assert not found, [f"{f.severity}: {f.message}" for f in found]
    else:
        assert found, f"no {rule.id} finding for: {example.text}"
        for f in found:
            assert f.severity in ("error", "warning", "info")
            assert 0 <= f.start < f.end <= len(example.text)
            assert f.message

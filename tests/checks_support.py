"""Helpers for the claim-check tests: text in, findings of one rule out (the real pipeline stages)."""

from __future__ import annotations

from datetime import date

from factcheck.checks import CheckContext
from factcheck.claims import build_claims
from factcheck.document import parse
from factcheck.engine import effective_options, run_rules
from factcheck.extract import extract_quantities
from factcheck.model import Claim, Finding
from factcheck.rulebook import all_rules


def claims_of(text: str) -> list[Claim]:
    doc = parse(text, "t.md", "markdown")
    return build_claims(doc, extract_quantities(doc))


def claim_for(text: str, figure: str) -> Claim:
    """The claim whose figure text contains ``figure`` (the first one)."""
    for c in claims_of(text):
        if figure in c.quantity.text:
            return c
    raise AssertionError(f"no claim for {figure!r} in {[c.quantity.text for c in claims_of(text)]}")


def findings(rule_id: str, text: str, as_of: str | None = "2026-02-05", **options) -> list[Finding]:
    rule = all_rules()[rule_id]
    doc = parse(text, "t.md", "markdown")
    quantities = extract_quantities(doc)
    claims = build_claims(doc, quantities)
    opts = effective_options(rule, {rule_id: options} if options else {})
    day = date.fromisoformat(as_of) if as_of else None
    ctx = CheckContext(doc, quantities, claims, day, {rule_id: opts}, None)
    return [f for f in run_rules(ctx, [rule]) if f.rule == rule_id]


def flagged(rule_id: str, text: str, **kw) -> list[str]:
    """The texts of the figures the rule flags."""
    return [f.text for f in findings(rule_id, text, **kw)]

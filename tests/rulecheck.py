"""Run one rule end to end on a snippet of text: parse -> extract -> claims -> that rule (test helper)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from factcheck.checks import CheckContext
from factcheck.claims import build_claims
from factcheck.document import parse
from factcheck.engine import effective_options, run_rules
from factcheck.extract import extract_quantities
from factcheck.market.store import open_market
from factcheck.model import Finding
from factcheck.rulebook import all_rules

MARKET_CATEGORIES = {"market-data", "conversion", "unverifiable"}


def findings_for(
    rule_id: str, text: str, as_of: str | None, *, store: Path | None = None, market: bool | None = None
) -> list[Finding]:
    """The findings of ``rule_id`` on ``text`` read as a Markdown draft published on ``as_of``.

    Market data (shipped history plus ``store``) is opened for market rules, or when ``market`` is True.
    """
    rule = all_rules()[rule_id]
    doc = parse(text, "draft.md", "markdown")
    quantities = extract_quantities(doc)
    claims = build_claims(doc, quantities)
    day = date.fromisoformat(as_of) if as_of else doc.published
    wants_market = (
        market if market is not None else (rule.category in MARKET_CATEGORIES or bool(rule.options.get("needs_market")))
    )
    ctx = CheckContext(
        doc, quantities, claims, day, {rule.id: effective_options(rule)}, open_market(store) if wants_market else None
    )
    return [f for f in run_rules(ctx, [rule]) if f.rule == rule.id]


def claims_of(text: str) -> list:
    """The claims of ``text`` read as a Markdown draft (test helper)."""
    doc = parse(text, "d.md", "markdown")
    return build_claims(doc, extract_quantities(doc))

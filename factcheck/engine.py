"""Run the selected rules over one document: import each rule's module lazily, collect its findings.

A check returns findings whose ``severity`` is ``None`` (meaning: the rule's default severity) or an
explicit severity it chose (``"error"`` for a figure wrong under every reading, ``"info"`` for a note).
The engine fills in the default, drops duplicates (same rule and span) and sorts by position.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from factcheck.model import SEVERITY_RANK, Finding

if TYPE_CHECKING:
    from factcheck.checks import CheckContext
    from factcheck.rulebook import Rule


def effective_options(rule: Rule, user_overrides: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The rule's ``[options]`` with the user's ``[tool.factcheck.options.<rule id>]`` on top.

    Nested tables are merged key by key; a user value replaces the default of the same key.
    """
    merged = _merge(dict(rule.options or {}), (user_overrides or {}).get(rule.id, {}))
    return merged


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def run_rules(ctx: CheckContext, rules: Iterable[Rule]) -> list[Finding]:
    """Every finding of ``rules`` on the document in ``ctx``, sorted by start, one per rule and span."""
    findings: list[Finding] = []
    seen: dict[tuple[str, int, int], int] = {}
    for rule in rules:
        if rule.id not in ctx.options:
            ctx.options[rule.id] = effective_options(rule)
        module = importlib.import_module(_module_name(rule.module))
        for f in module.check(ctx, rule) or ():
            if f.severity is None:
                f.severity = rule.severity  # type: ignore[assignment]
            if not f.rule:
                f.rule = rule.id
            key = (f.rule, f.start, f.end)
            if key in seen:
                kept = findings[seen[key]]
                if SEVERITY_RANK[f.severity] > SEVERITY_RANK[kept.severity]:
                    findings[seen[key]] = f
                continue
            seen[key] = len(findings)
            findings.append(f)
    findings.sort(key=lambda f: (f.start, -SEVERITY_RANK[f.severity], f.rule, f.end))
    return findings


def _module_name(module: str) -> str:
    """``percent_change`` or ``factcheck.checks.percent_change`` -> the importable name."""
    return module if "." in module else f"factcheck.checks.{module}"

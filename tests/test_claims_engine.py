"""The engine: lazy rule modules, default and explicit severities, duplicates, order, effective options."""

from __future__ import annotations

import sys
import types
from datetime import date

from factcheck.checks import CheckContext
from factcheck.document import parse
from factcheck.engine import effective_options, run_rules
from factcheck.model import Finding
from factcheck.rulebook import Rule


def _finding(start: int, severity: str | None, rule: str = "fake") -> Finding:
    return Finding(rule, "arithmetic", severity, "m", start, start + 1, "x")  # type: ignore[arg-type]


def _install(name: str, findings: list[Finding]) -> None:
    mod = types.ModuleType(f"factcheck.checks.{name}")
    mod.check = lambda ctx, rule: list(findings)  # type: ignore[attr-defined]
    sys.modules[f"factcheck.checks.{name}"] = mod


def _ctx() -> CheckContext:
    doc = parse("text", "t.md", "markdown")
    return CheckContext(doc, [], [], date(2026, 2, 5))


def test_engine_applies_rule_default_unless_the_check_chose_a_severity():
    _install("fake_sev", [_finding(5, None), _finding(1, "error")])
    rule = Rule("fake", "arithmetic", "warning", "d", "fake_sev")
    out = run_rules(_ctx(), [rule])
    assert [(f.start, f.severity) for f in out] == [(1, "error"), (5, "warning")]


def test_engine_drops_duplicates_of_rule_and_span_keeping_the_higher_severity():
    _install("fake_dup", [_finding(3, "warning"), _finding(3, "error"), _finding(3, None)])
    rule = Rule("fake", "arithmetic", "info", "d", "fake_dup")
    out = run_rules(_ctx(), [rule])
    assert len(out) == 1 and out[0].severity == "error"


def test_engine_sorts_by_start_across_rules():
    _install("fake_a", [_finding(9, None, "a")])
    _install("fake_b", [_finding(2, None, "b")])
    rules = [Rule("a", "arithmetic", "warning", "d", "fake_a"), Rule("b", "date", "warning", "d", "fake_b")]
    assert [f.rule for f in run_rules(_ctx(), rules)] == ["b", "a"]


def test_engine_imports_a_dotted_module_path():
    _install("fake_dotted", [_finding(0, None)])
    rule = Rule("fake", "arithmetic", "warning", "d", "factcheck.checks.fake_dotted")
    assert run_rules(_ctx(), [rule])


def test_effective_options_merge_user_values_over_rule_defaults():
    rule = Rule("r", "arithmetic", "warning", "d", "m", options={"tol": 0.05, "nested": {"a": 1, "b": 2}})
    merged = effective_options(rule, {"r": {"tol": 0.1, "nested": {"b": 3}}, "other": {"tol": 9}})
    assert merged == {"tol": 0.1, "nested": {"a": 1, "b": 3}}
    assert rule.options == {"tol": 0.05, "nested": {"a": 1, "b": 2}}  # defaults untouched
    assert effective_options(rule) == rule.options


def test_engine_fills_missing_options_from_the_rule():
    seen = {}

    def check(ctx, rule):
        seen.update(ctx.options[rule.id])
        return []

    mod = types.ModuleType("factcheck.checks.fake_opts")
    mod.check = check  # type: ignore[attr-defined]
    sys.modules["factcheck.checks.fake_opts"] = mod
    run_rules(_ctx(), [Rule("fake", "arithmetic", "warning", "d", "fake_opts", options={"k": 1})])
    assert seen == {"k": 1}

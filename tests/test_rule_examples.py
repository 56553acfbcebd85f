"""Every [[examples]] entry of every rule in rules/checks/, end to end.

document.parse -> extract_quantities -> build_claims -> run_rules with that rule only. A pass example
must give no finding of the rule, a fail example at least one. Examples of rules that need market data
run with the shipped data (tests/rulecheck.py).
"""

from __future__ import annotations

import pytest
from rulecheck import findings_for

from factcheck.rulebook import all_rules

_CASES = [
    pytest.param(rule, i, ex, id=f"{rule.id}-{i}-{ex.kind}")
    for rule in all_rules().values()
    for i, ex in enumerate(rule.examples)
]


def test_every_rule_has_pass_and_fail_examples():
    for rule in all_rules().values():
        kinds = {e.kind for e in rule.examples}
        assert kinds <= {"pass", "fail"}, rule.id
        assert "pass" in kinds and "fail" in kinds, f"{rule.id} needs pass and fail examples"


@pytest.mark.parametrize(("rule", "i", "example"), _CASES)
def test_rule_example(rule, i, example):
    found = findings_for(rule.id, example.text, example.as_of)
    if example.kind == "pass":
        assert not found, [f"{f.severity}: {f.message}" for f in found]
    else:
        assert found, f"no {rule.id} finding for: {example.text}"
        for f in found:
            assert f.severity in ("error", "warning", "info")
            assert 0 <= f.start < f.end <= len(example.text)
            assert f.message

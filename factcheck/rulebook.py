"""The rule catalogue: one TOML file per rule in rules/checks/, read as data.

Each file holds ``id``, ``category``, ``severity`` (default), ``description``, ``module`` (the Python module
with a ``check(ctx, rule)`` function), optional ``[options]`` (tolerances and the like, overridable by
configuration) and ``[[examples]]`` with ``kind = "pass"|"fail"``, ``text`` and optional ``as_of``: these
are the rule's documentation and the test suite runs every one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from factcheck.resources import load_rules_file, rules_dir


@dataclass(slots=True)
class Example:
    kind: str  # "pass" | "fail"
    text: str
    as_of: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Rule:
    id: str
    category: str
    severity: str
    description: str
    module: str
    summary: str = ""
    options: dict = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)


@cache
def all_rules() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for path in sorted((rules_dir() / "checks").glob("*.toml")):
        raw = dict(load_rules_file(f"checks/{path.name}"))  # a copy: the parsed file is cached (resources)
        examples = [Example(**e) for e in raw.pop("examples", [])]
        rule = Rule(examples=examples, **raw)
        rules[rule.id] = rule
    return rules

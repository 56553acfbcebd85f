"""percent-change: a stated percent change against the two figures it was computed from.

Checked by the relation engine (factcheck/relations/solver.py) from the relations in rules/relations/ that
name this rule: percent-change (change = (new / old - 1) x 100, the base read from its cue or from a figure the
text names, "300% of its initial price"; between two percents also in points) and points (a change stated in
percentage points). The rule's options (tolerances, error_factor) are read by the engine.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks import CheckContext
from factcheck.model import Finding
from factcheck.relations import solver as relation_solver
from factcheck.rulebook import Rule


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    yield from relation_solver.check(ctx, rule)

"""multiple: a stated multiple (doubled, tripled, halved, N times, N-fold), discount or premium that does not
follow from the figures it compares.

Checked by the relation engine (factcheck/relations/solver.py) from the relations in rules/relations/ that name
this rule: multiple (factor = new / old, also read as "N times more"), discount (a discount or premium between
two prices, against either price and a price named a few sentences before) and named-price ("50% below its
launch price", the launch price read from the clause that names it). "doubled" is 2x give or take the rule's
``multiple_tolerance``.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks import CheckContext
from factcheck.model import Finding
from factcheck.relations import solver as relation_solver
from factcheck.rulebook import Rule


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    yield from relation_solver.check(ctx, rule)

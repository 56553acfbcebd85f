"""derived-product: holdings x price = value (or cost), cost - value = loss, loss / cost = drawdown.

Totals (values, costs, market caps) are relations of the engine (rules/relations/holding-value.toml and the
others of this rule): a stated total is checked against every holding and price per unit its scope offers,
and flagged only when none of them meets it. Losses and drawdowns of a position are read by position_loss.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks import CheckContext
from factcheck.checks.figures import index
from factcheck.model import Finding
from factcheck.relations import solver as relation_solver
from factcheck.rulebook import Rule


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    opts = ctx.options.get(rule.id, rule.options)
    if opts.get("check_losses", True):
        from factcheck.checks import position_loss

        yield from position_loss.check(ctx, rule, opts, index(ctx))
    yield from relation_solver.check(ctx, rule)

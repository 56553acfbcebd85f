"""unit-conversion: a physical quantity converted in the text ("5 miles (8 km)", "172 TWh a year (about 19.6 GW)").

The pairs are bound by the relation engine (``relations.solver.conversion_pairs``); the factor comes from pint,
imported only when a document has such a pair. Rates convert with their denominators ("a year", "a day"), so an
energy a year converts to a power. Units of different dimensions are not compared. The figure converted is its
rounding interval; the conversion is compared with the rule's tolerance on top of its own rounding and hedge.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from factcheck import formatting as fmt
from factcheck.checks.figures import make_finding, severity_for, stated, tested, tolerance
from factcheck.intervals import Interval
from factcheck.model import Finding, Quantity

if TYPE_CHECKING:
    from factcheck.checks import CheckContext
    from factcheck.rulebook import Rule


def _is_measure(q: Quantity) -> bool:
    return q.kind == "measure" and q.value is not None and bool(q.unit)


@cache
def _registry() -> Any:
    import pint  # a second or so to build its registry: only for documents with a conversion written out

    return pint.UnitRegistry()


def convert(iv: Interval, a: Quantity, b: Quantity) -> Interval | None:
    """``iv`` in ``a``'s unit (per ``a.per``) expressed in ``b``'s unit (per ``b.per``); None when the
    dimensions differ or pint does not know a unit."""
    import pint

    ureg = _registry()
    try:
        if not a.per and not b.per:  # end points, so offset units (temperatures) convert too
            lo = ureg.Quantity(iv.lo, str(a.unit)).to(str(b.unit)).magnitude
            hi = ureg.Quantity(iv.hi, str(a.unit)).to(str(b.unit)).magnitude
            return Interval(min(lo, hi), max(lo, hi))
        src = ureg.Unit(str(a.unit)) / ureg.Unit(a.per or "dimensionless")
        dst = ureg.Unit(str(b.unit)) / ureg.Unit(b.per or "dimensionless")
        return iv * ureg.Quantity(1.0, src).to(dst).magnitude
    except (pint.errors.PintError, AttributeError, TypeError, ValueError):
        return None  # different dimensions, or a unit pint does not know


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    from factcheck.relations.solver import conversion_pairs

    opts = ctx.options.get(rule.id, rule.options)
    for a, b in conversion_pairs(ctx, _is_measure):
        qa, qb = a.quantity, b.quantity
        computed = convert(stated(qa), qa, qb)
        if computed is None:
            continue
        tol = tolerance(opts, qa, qb)
        claimed = tested(qb, tol)
        if computed.meets(claimed):
            continue
        expected = f"{fmt.interval(computed, None)} {qb.unit}{' per ' + qb.per if qb.per else ''}"
        message = f"{qa.text.strip()} is {expected}, but the text says {qb.text.strip()}"
        work = [
            f"{qa.text.strip()} -> {fmt.interval(stated(qa), None)} {qa.unit}{' per ' + qa.per if qa.per else ''}"
            " (rounding)",
            f"converted with pint: {expected}",
            f"stated {qb.text.strip()} -> {fmt.interval(claimed, None)} ({tol * 100:g}% tolerance)",
        ]
        yield make_finding(
            rule,
            qb,
            message,
            severity=severity_for(computed, claimed, opts, qb),
            expected=expected,
            others=(qa,),
            work=work,
            readings=[f"{qa.unit} to {qb.unit} at pint's factor"],
        )

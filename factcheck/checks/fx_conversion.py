"""fx-conversion: an amount converted into another currency in the text, against the rate of the date.

PASS: "500 million won (more than $340,000)" (as of 2026-02-05: ECB 1,465.15 KRW per USD -> $341,263).
FAIL: "500 million won (more than $400,000)".

The pair is a money figure followed by its conversion ("VND 10 trillion (about $408 million)", "NT$730
billion (about US$23 billion)", "VND 10 trillion, which equals about $408 million"). Rates are per USD:
the ECB daily reference rate where the ECB quotes the currency, a daily snapshot where one exists, else HMRC's
monthly rate (the source says which). The natural reading uses the daily rates of the last `natural_days`
(the monthly rate where there is no daily one); a conversion that misses it but fits the rates of the last
`lookback_days` widened by `daily_tolerance` (`monthly_tolerance` when a monthly rate is involved) is a
warning; one that fits nothing is an error. A past date named in the sentence adds the rates of that date.
The stated conversion keeps its hedge ("about", "more than").
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from factcheck.checks import market_common as mc
from factcheck.intervals import Interval
from factcheck.model import Claim, Finding, Quantity

if TYPE_CHECKING:
    from factcheck.checks import CheckContext
    from factcheck.market.store import MarketData, Rate
    from factcheck.rulebook import Rule

ONE_DAY = timedelta(days=1)


def conversion_pairs(ctx: CheckContext) -> list[tuple[Claim, Claim]]:
    return mc.per_context(ctx, "conversion_pairs", _conversion_pairs)


def _conversion_pairs(ctx: CheckContext) -> list[tuple[Claim, Claim]]:
    """(amount, its conversion) pairs of money figures in different fiat currencies (relations.solver)."""
    from factcheck.relations.solver import conversion_pairs

    return conversion_pairs(ctx, _is_fiat)


def _is_fiat(q: Quantity) -> bool:
    return q.kind == "amount" and q.value is not None and q.unit in mc.fiat()


def _rates(market: MarketData, cur: str, as_of: date, days: int) -> list[Rate]:
    """Distinct rates of ``cur`` used for the days ``as_of - days + 1 .. as_of`` (daily or monthly)."""
    seen: dict[tuple[date, str], Rate] = {}
    for back in range(days):
        r = market.fx(cur, as_of - timedelta(days=back))
        if r is not None:
            seen.setdefault((r.day, r.granularity), r)
    return sorted(seen.values(), key=lambda r: r.day)


def _window_rates(market: MarketData, cur: str, start: date, end: date) -> list[Rate]:
    """Rates of ``cur`` over a past window (every day up to 62 days, else every week), distinct."""
    days = (end - start).days + 1
    step = 1 if days <= 62 else 7
    seen: dict[tuple[date, str], Rate] = {}
    for k in range(0, days, step):
        r = market.fx(cur, start + timedelta(days=k))
        if r is not None:
            seen.setdefault((r.day, r.granularity), r)
    return sorted(seen.values(), key=lambda r: r.day)


def _monthly(market: MarketData, cur: str, as_of: date) -> list[Rate]:
    out = []
    for day in (as_of, as_of.replace(day=1) - ONE_DAY):
        r = market.fx_monthly(cur, day)
        if r is not None:
            out.append(r)
    return out


def _span(rates: list[Rate]) -> Interval:
    return Interval(min(r.units_per_usd for r in rates), max(r.units_per_usd for r in rates))


def _usd(iv: Interval, cur: str, rate: Interval) -> Interval:
    return iv if cur == "USD" else iv / rate


def _from_usd(iv: Interval, cur: str, rate: Interval) -> Interval:
    return iv if cur == "USD" else iv * rate


def check(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    if ctx.market is None or ctx.as_of is None:
        return
    opts = mc.options(ctx, rule)
    natural_days = int(opts.get("natural_days", 7))
    lookback = int(opts.get("lookback_days", 31))
    daily_tol = float(opts.get("daily_tolerance", 0.03))
    monthly_tol = float(opts.get("monthly_tolerance", 0.05))
    for a, b in conversion_pairs(ctx):
        qa, qb = a.quantity, b.quantity
        cur_a, cur_b = str(qa.unit), str(qb.unit)
        # "fined 10 billion won ($7.5 million) in 2024": converted at the rates of the date the sentence names
        refs = [r for r in mc.sentence_dates(ctx, b.sentence_start, b.sentence_end) if r.kind != "per" and r.windows]
        past = [w for r in refs for w in r.windows if w.end < ctx.as_of - timedelta(days=natural_days)]
        natural: dict[str, list[Rate]] = {}
        wide: dict[str, list[Rate]] = {}
        for cur in dict.fromkeys(c for c in (cur_a, cur_b) if c != "USD"):  # ordered: it reaches the message
            nat = [r for r in _rates(ctx.market, cur, ctx.as_of, natural_days) if r.granularity == "daily"]
            all_rates = _rates(ctx.market, cur, ctx.as_of, lookback) + _monthly(ctx.market, cur, ctx.as_of)
            if not nat:
                nat = [r for r in all_rates if r.granularity == "monthly" and r.day.month == ctx.as_of.month]
            for w in past:
                then = _window_rates(ctx.market, cur, w.start, w.end)
                all_rates += then
                nat += [r for r in then if r.granularity == "daily"] or then
            if not nat or not all_rates:
                break
            natural[cur], wide[cur] = nat, all_rates
        else:
            tols = (daily_tol, monthly_tol, natural_days, lookback)
            found = list(_judge(rule, a, b, qa, qb, cur_a, cur_b, natural, wide, *tols, past))
            if not found:  # _judge returns quietly only when the rates of the day give the stated conversion
                days = sorted({r.day for rs in natural.values() for r in rs})
                ctx.verified.append(
                    (qb.start, qb.end, f"{qa.text} in {cur_b} at the rates of {days[0]}..{days[-1]} matches {qb.text}")
                )
            yield from found


def _judge(
    rule,
    a,
    b,
    qa: Quantity,
    qb: Quantity,
    cur_a,
    cur_b,
    natural,
    wide,
    daily_tol,
    monthly_tol,
    natural_days,
    lookback,
    past,
):
    # The conversion is of the figure as written: "at least VND 10 trillion, which equals about $408 million"
    # converts 10 trillion. The natural reading takes the figure itself (or its own "about" interval); the
    # lenient one lets a round figure stand for anything that rounds to it.
    near = Interval(float(qa.value), float(qa.value)).widen(0.05)  # a round figure: within 5% of itself
    lenient_amount = mc.stated_interval(qa)
    if qa.bound != "approx":
        lenient_amount = lenient_amount.intersect(near) or near
    amount = lenient_amount if qa.bound == "approx" else Interval.point(float(qa.value))
    stated = mc.stated_interval(qb)

    def convert(rates: dict[str, list[Rate]], tol: float, amount: Interval = amount) -> Interval:
        ra = _span(rates[cur_a]).widen(tol) if cur_a != "USD" else Interval.point(1)
        rb = _span(rates[cur_b]).widen(tol) if cur_b != "USD" else Interval.point(1)
        return _from_usd(_usd(amount, cur_a, ra), cur_b, rb)

    expected = convert(natural, 0.0)
    if stated.meets(expected.widen(0.002)):
        return
    monthly = any(r.granularity == "monthly" for rs in wide.values() for r in rs)
    tol = monthly_tol if monthly else daily_tol
    lenient = convert(wide, tol, lenient_amount)
    severity = "warning" if stated.meets(lenient) else "error"
    used = [r for rs in natural.values() for r in rs]
    latest = {r.currency: r for r in sorted(used, key=lambda r: r.day)}  # nearest the publication date
    at_latest = convert({c: [r] for c, r in latest.items()}, 0.0)
    rate_text = " and ".join(
        f"{r.units_per_usd:,.6g} {r.currency} per USD ({_origin(r)}, "
        f"{r.day if r.granularity == 'daily' else r.day.strftime('%Y-%m')})"
        for r in latest.values()
    )
    implied = None
    if cur_b == "USD" and cur_a != "USD" and qb.value:
        implied = f"the text's figures imply {float(qa.value) / float(qb.value):,.6g} {cur_a} per USD"
    elif cur_a == "USD" and cur_b != "USD" and qa.value:
        implied = f"the text's figures imply {float(qb.value) / float(qa.value):,.6g} {cur_b} per USD"
    expected_text = mc.formatting.interval(expected, cur_b, 4)
    converted = mc.formatting.interval(at_latest, cur_b, 4)
    message = f"{mc.formatting.amount(float(qa.value), cur_a, 6)} is {converted} at {rate_text}"
    if len(used) > len(latest):
        also = " and of " + ", ".join(w.reading.split(" (")[0] for w in past) if past else ""
        message += f" ({expected_text} at the rates of the last {natural_days} days{also})"
    message += f"; the text says {qb.text}"
    work = [f"{qa.text} -> {mc.formatting.interval(amount, cur_a, 6)} converted"]
    shown = sorted(used, key=lambda r: r.day)
    if len(shown) > 8:
        work.append(f"{len(shown) - 8} earlier rates, {shown[0].day} to {shown[-9].day}, not listed")
    work += [f"rate: {r.units_per_usd:,.6g} {r.currency} per USD ({r.source})" for r in shown[-8:]]
    work.append(f"{qa.text} / rate = {expected_text}")
    if implied:
        work.append(implied)
    work.append(
        f"with every rate of the last {lookback} days and HMRC monthly rates, widened by {tol:.0%}: "
        f"{mc.formatting.interval(lenient, cur_b, 4)}"
    )
    yield mc.make_finding(
        rule,
        b,
        message,
        severity=severity,
        expected=expected_text,
        related=[qa],
        sources=[r.source for r in shown[-8:]]
        + [r.source for rs in wide.values() for r in rs if r.granularity == "monthly"],
        work=work,
        readings=[
            f"daily rates of the last {natural_days} days (monthly where no daily rate exists)",
            *(f"the rates of {w.reading}, the date the sentence names" for w in past),
            f"any rate of the last {lookback} days or the HMRC monthly rate of the month or the one before, ±{tol:.0%}",
        ],
    )


def _origin(r: Rate) -> str:
    src = r.source.split(", ")
    return src[1] if len(src) > 2 else r.granularity

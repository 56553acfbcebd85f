"""The small chart of a market finding in the HTML report: inline SVG, drawn here, no script.

It shows the asset's daily close around the window the check read (``Finding.series``), the window shaded, the
data at the window's edges marked, and the figure as the text states it: a price as a dashed line at its level;
a move as a dashed line from the window's starting price to where the stated change would have taken it.
"""

from __future__ import annotations

import html
from datetime import date

from factcheck.model import Claim, Finding, Quantity, Series

WIDTH, HEIGHT = 380, 170
LEFT, RIGHT, TOP, BOTTOM = 58, 12, 14, 30
PRICE_UNITS = frozenset({"USD", "USDT", "USDC"})
OFF_CHART = 4.0  # a stated price further than this many times the data's span is drawn at the edge


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _price(x: float) -> str:
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:,.2f}".removesuffix(".00")
    return f"{x:.4g}"


def _exact(x: float) -> str:
    """A close as the data has it (the finding's work quotes the same): 1,826.83; 0.02345."""
    return f"{x:,.2f}".removesuffix(".00") if abs(x) >= 1 else f"{x:.4g}"


def stated_target(f: Finding, q: Quantity | None, claim: Claim | None) -> tuple[str, float | None, float | None]:
    """(label, level, change): what the text states, as a price level or as a change in percent (signed)."""
    if q is None or q.value is None:
        return (f"stated: {f.stated or f.text}", None, None)
    if q.unit in PRICE_UNITS and q.kind == "amount":
        return (f"stated {q.text}", float(q.value), None)
    if q.kind == "percent" and q.unit == "%" and f.rule == "price-move":
        sign = q.sign
        if claim is not None and claim.direction:
            sign = claim.direction
        return (f"stated {'−' if sign < 0 else '+'}{abs(q.value):g}%", None, sign * abs(float(q.value)))
    return (f"stated: {q.text}", None, None)


def chart_svg(
    series: Series,
    label: str,
    level: float | None = None,
    change: float | None = None,
    allowed: tuple[float | None, float | None] = (None, None),
) -> str:
    """The SVG for one finding; ``level``: a stated price, ``allowed`` the interval its wording allows (a band);
    ``change``: a stated move in percent over the window."""
    pts = series.points
    if not pts:
        return ""
    day0, day1 = pts[0][0], pts[-1][0]
    span_days = max(1, (day1 - day0).days)
    closes = [c for _, c in pts]
    lo, hi = min(closes), max(closes)
    base = _close_before(pts, series.start)
    implied = base * (1 + change / 100) if change is not None and base is not None else None
    target = level if level is not None else implied
    off_chart = False
    if target is not None:
        data_span = max(hi - lo, hi * 0.02)
        if lo - OFF_CHART * data_span <= target <= hi + OFF_CHART * data_span:
            lo, hi = min(lo, target), max(hi, target)
        else:
            off_chart = True
    pad = (hi - lo) * 0.08 or hi * 0.02 or 1.0
    lo, hi = lo - pad, hi + pad
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: date) -> float:
        return LEFT + inner_w * (day - day0).days / span_days

    def y(value: float) -> float:
        value = min(max(value, lo), hi)
        return TOP + inner_h * (hi - value) / (hi - lo)

    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{_esc(_summary(series, label, off_chart))}">',
        f"<title>{_esc(_summary(series, label, off_chart))}</title>",
    ]
    ws, we = max(series.start, day0), min(series.end, day1)
    if ws <= we:
        x0, x1 = x(ws), x(we)
        width = max(x1 - x0, 3.0)
        parts.append(
            f'<rect class="win" x="{x0 - (width - (x1 - x0)) / 2:.1f}" y="{TOP}" width="{width:.1f}" '
            f'height="{inner_h}"><title>window read: {_esc(_window(series))}</title></rect>'
        )
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{TOP + inner_h}" x2="{LEFT + inner_w}" y2="{TOP + inner_h}"/>')
    parts.append(f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + inner_h}"/>')
    for value in (max(closes), min(closes)):
        parts.append(
            f'<text class="tick" x="{LEFT - 4}" y="{y(value) + 3:.1f}" text-anchor="end">{_esc(_price(value))}</text>'
        )
    parts.append(f'<text class="tick" x="{LEFT}" y="{HEIGHT - 10}">{day0.isoformat()}</text>')
    parts.append(
        f'<text class="tick" x="{LEFT + inner_w}" y="{HEIGHT - 10}" text-anchor="end">{day1.isoformat()}</text>'
    )
    line = " ".join(f"{x(d):.1f},{y(c):.1f}" for d, c in pts)
    parts.append(f'<polyline class="close" points="{line}"/>')
    for d, c in pts:  # the data the check read: the closes inside the window
        if series.start <= d <= series.end and (len(pts) < 60 or d in (series.start, series.end)):
            parts.append(
                f'<circle class="data" cx="{x(d):.1f}" cy="{y(c):.1f}" r="2.6">'
                f"<title>{d.isoformat()}: close {_esc(_exact(c))}</title></circle>"
            )
    drawn = level is not None or (implied is not None and base is not None and ws <= we)
    if level is not None and not off_chart and allowed[0] is not None and allowed[1] is not None:
        y_hi, y_lo = y(allowed[1]), y(allowed[0])
        if y_lo - y_hi >= 1:
            parts.append(
                f'<rect class="allowed" x="{LEFT}" y="{y_hi:.1f}" width="{inner_w}" height="{y_lo - y_hi:.1f}">'
                f"<title>the wording allows {_esc(_price(allowed[0]))} to {_esc(_price(allowed[1]))}</title></rect>"
            )
    if level is not None:
        yy = TOP if off_chart and level > hi else TOP + inner_h if off_chart else y(level)
        parts.append(
            f'<line class="stated" x1="{LEFT}" y1="{yy:.1f}" x2="{LEFT + inner_w}" y2="{yy:.1f}"/>'
            f'<text class="stated-label" x="{LEFT + inner_w - 2}" y="{yy - 4 if yy > TOP + 12 else yy + 12:.1f}" '
            f'text-anchor="end">{_esc(label + (" (off the chart)" if off_chart else ""))}</text>'
        )
    elif implied is not None and base is not None and ws <= we:
        start_day = _day_before(pts, series.start) or ws
        yy = y(implied)
        parts.append(
            f'<line class="stated" x1="{x(start_day):.1f}" y1="{y(base):.1f}" x2="{x(we):.1f}" y2="{yy:.1f}"/>'
            f'<circle class="stated-dot" cx="{x(we):.1f}" cy="{yy:.1f}" r="3"/>'
            f'<text class="stated-label" x="{min(x(we) + 4, LEFT + inner_w - 2):.1f}" y="{yy - 5:.1f}" '
            f'text-anchor="{"end" if x(we) > LEFT + inner_w * 0.6 else "start"}">'
            f"{_esc(f'{label} → {_price(implied)}' + (' (off the chart)' if off_chart else ''))}</text>"
        )
    parts.append("</svg>")
    stated = f"dashed: the figure as the text states it ({label})" if drawn else label
    caption = (
        f"<figcaption>{_esc(series.asset)} daily close; shaded: the window read ({_esc(_window(series))}); "
        f"dots: its closes; {_esc(stated)}.</figcaption>"
    )
    return '<figure class="chart">' + "".join(parts) + caption + "</figure>"


def _close_before(pts: list[tuple[date, float]], start: date) -> float | None:
    """The price a move over a window starting ``start`` starts from: the last close before it, else the first."""
    before = [c for d, c in pts if d < start]
    if before:
        return before[-1]
    inside = [c for d, c in pts if d >= start]
    return inside[0] if inside else None


def _day_before(pts: list[tuple[date, float]], start: date) -> date | None:
    before = [d for d, _ in pts if d < start]
    return before[-1] if before else None


def _window(series: Series) -> str:
    if series.start == series.end:
        return series.start.isoformat()
    return f"{series.start.isoformat()} to {series.end.isoformat()}"


def _summary(series: Series, label: str, off_chart: bool) -> str:
    return (
        f"{series.asset} daily close {series.points[0][0]} to {series.points[-1][0]}; window {_window(series)}; "
        f"{label}{' (off the chart)' if off_chart else ''}"
    )


def finding_chart(f: Finding, q: Quantity | None, claim: Claim | None) -> str:
    """The chart of a market finding, or "" for a finding without a price series."""
    if f.series is None or not f.series.points:
        return ""
    label, level, change = stated_target(f, q, claim)
    allowed = (q.low_bound, q.high_bound) if q is not None and level is not None else (None, None)
    return chart_svg(f.series, label, level, change, allowed)

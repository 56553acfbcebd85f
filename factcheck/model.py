"""The result model: every stage produces these, every reporter reads them.

Offsets are 0-based indices into the decoded file text (``\\r\\n`` kept as two characters), ``end`` exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Literal

Bound = Literal["exact", "approx", "lower", "upper", "range"]
Kind = Literal["amount", "percent", "multiple", "count", "measure", "duration", "date"]
Severity = Literal["error", "warning", "info"]
Category = Literal["arithmetic", "conversion", "market-data", "contradiction", "date", "unverifiable"]
FigureStatus = Literal["wrong", "verified", "unchecked", "not-claim"]

SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


@dataclass(slots=True)
class Quantity:
    """One figure found in a document, with the interval its wording allows."""

    text: str  # the surface, hedge included: "about 4.28 million ETH"
    start: int
    end: int
    value: float | None  # scale applied; for a range the low end
    high: float | None  # for a range, the high end; else None
    low_bound: float | None  # interval allowed by rounding + hedge; None = open side
    high_bound: float | None
    unit: str | None  # ISO 4217, ticker, "%", "pp", "times", pint unit name, or None for a bare count
    bound: Bound
    kind: Kind
    subject: str | None = None
    window: str | None = None
    # Extra detail for later stages (not part of the JSON contract, but emitted as extra fields).
    number_text: str = ""  # the numeric part only, "4.28 million"
    hedge: str | None = None  # the hedge word(s) as written, "about"
    sign: int = 1  # -1 when written negative ("-15%", "−$3")
    date_value: date | None = None  # for kind == "date" when a full date is known
    per: str | None = None  # rate denominator: "$15.4/hour" -> "hour", "29% per week" -> "week"

    def to_json(self) -> dict:
        out = asdict(self)
        if self.date_value is not None:
            out["date_value"] = self.date_value.isoformat()
        return out


@dataclass(slots=True)
class Claim:
    """A quantity read in its sentence: what it is about and whether it asserts a fact."""

    quantity: Quantity
    sentence_start: int
    sentence_end: int
    subject: str | None  # canonical subject: an asset ticker ("ETH") or a named entity ("BitMine")
    metric: str | None  # price, holdings, value, market_cap, revenue, loss, cost, volume, change, share, ...
    direction: int = 0  # +1 rose/gained, -1 fell/dropped, 0 unknown
    window: str | None = None  # as written: "over the past 7 days", "per week", "in January"
    assertive: bool = True  # False for forecasts, targets, hypotheticals, quoted predictions, cost bases
    reason: str | None = None  # why not assertive ("forecast: could fall to")
    role: str | None = None  # "from" / "to" in "from $X to $Y"; "total"/"part" etc.


@dataclass(slots=True)
class Related:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Series:
    """The daily closes behind a market finding, for a chart: ``asset`` (the pair as the data quotes it,
    "BTC/USDT") around ``start``..``end``, the window in question, with some days either side."""

    asset: str
    start: date
    end: date
    points: list[tuple[date, float]] = field(default_factory=list)  # (day, close), oldest first


@dataclass(slots=True)
class Finding:
    rule: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    text: str
    stated: str | None = None
    expected: str | None = None
    related: list[Related] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    work: list[str] = field(default_factory=list)  # the arithmetic, one step a line
    readings: list[str] = field(default_factory=list)  # the readings that were tried
    series: Series | None = None  # market findings: the prices the check read (see market_common.chart)


@dataclass(slots=True)
class Notice:
    """A file-level message that is not a finding, e.g. ``kind="stale-data"``: a claim needs a price or rate for
    a day later than the data holds for ``subject``; ``message`` names the command that fixes it."""

    kind: str
    subject: str
    message: str
    needed: date | None = None
    last_day: date | None = None
    command: str | None = None  # the command that fixes it, as the message names it

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "needed": self.needed.isoformat() if self.needed else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "message": self.message,
            "command": self.command,
        }


@dataclass(slots=True)
class FileResult:
    path: str
    text: str
    as_of: date | None
    findings: list[Finding] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. unknown rule ids in suppressions
    claims: list[Claim] = field(default_factory=list)  # the figures read in their sentences (none for dates)
    # (start, end, evidence): figures a check examined and found right. Checks may fill this; a figure is
    # "verified" only when listed here.
    verified: list[tuple[int, int, str]] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)  # findings a suppression comment silenced
    notices: list[Notice] = field(default_factory=list)  # file-level messages, e.g. stale market data

    @property
    def figures(self) -> list[Figure]:
        """Every figure the extractor found, each with one status (see :func:`figure_statuses`)."""
        return figure_statuses(self)

    @property
    def coverage(self) -> dict[str, int]:
        return coverage(self.figures)


# ---------------------------------------------------------------- figures and coverage

FIGURE_STATUSES: tuple[FigureStatus, ...] = ("wrong", "verified", "unchecked", "not-claim")
NO_CHECK = "no check applies"
NOT_CLAIM_KINDS = frozenset({"date", "duration"})


@dataclass(slots=True)
class Figure:
    """One figure of a file and what the checker made of it.

    ``wrong``: an error or warning has it as its primary span; ``verified``: a check confirmed it
    (``evidence``); ``unchecked``: a claim the checker read but could not decide (``reason``);
    ``not-claim``: a date, a duration or a bare count, which the checker does not read as a claim."""

    start: int
    end: int
    text: str
    kind: Kind
    status: FigureStatus
    reason: str | None = None  # for unchecked
    evidence: str | None = None  # for verified


def _is_not_claim(q: Quantity, claim: Claim | None) -> bool:
    if q.kind in NOT_CLAIM_KINDS:
        return True
    return q.kind == "count" and q.unit is None and (claim is None or claim.metric is None)


def figure_statuses(result: FileResult) -> list[Figure]:
    """One status per extracted figure, in document order, from the result's findings, claims and
    ``verified`` list. Findings and claims are matched to a figure by its exact span."""
    wrong: set[tuple[int, int]] = set()
    info: dict[tuple[int, int], str] = {}
    for f in result.findings:
        key = (f.start, f.end)
        if f.severity in ("error", "warning"):
            wrong.add(key)
        else:
            info.setdefault(key, f.message)
    verified: dict[tuple[int, int], str] = {}
    for start, end, evidence in result.verified:
        verified.setdefault((start, end), evidence)
    claims = {(c.quantity.start, c.quantity.end): c for c in result.claims}
    suppressed: dict[tuple[int, int], Finding] = {}
    for f in result.suppressed:
        if f.severity != "info":
            suppressed.setdefault((f.start, f.end), f)
    out = []
    for q in result.quantities:
        key = (q.start, q.end)
        claim = claims.get(key)
        reason = evidence = None
        status: FigureStatus
        if key in wrong:
            status = "wrong"
        elif key in verified:
            status, evidence = "verified", verified[key]
        elif key not in info and _is_not_claim(q, claim):
            status = "not-claim"
        else:
            status = "unchecked"
            if claim is not None and not claim.assertive:
                reason = claim.reason or "not asserted as a fact"
            elif key in info:
                reason = info[key]
            elif key in suppressed:
                f = suppressed[key]
                reason = f"a finding was suppressed in the text: [{f.rule}] {f.message}"
            else:
                reason = NO_CHECK
        out.append(Figure(q.start, q.end, q.text, q.kind, status, reason, evidence))
    return out


def coverage(figures: list[Figure]) -> dict[str, int]:
    """``{"figures": N, "wrong": N, "verified": N, "unchecked": N, "not-claim": N}``."""
    out = {"figures": len(figures)} | dict.fromkeys(FIGURE_STATUSES, 0)
    for fig in figures:
        out[fig.status] += 1
    return out

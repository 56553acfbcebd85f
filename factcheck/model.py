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


@dataclass(slots=True)
class FileResult:
    path: str
    text: str
    as_of: date | None
    findings: list[Finding] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. unknown rule ids in suppressions

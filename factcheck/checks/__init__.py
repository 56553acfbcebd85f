"""Checks: one module per rule (or a few closely related rules), each exposing ``check(ctx, rule)``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from factcheck.document import Document
from factcheck.model import Claim, Quantity

if TYPE_CHECKING:
    from factcheck.market.store import MarketData


@dataclass(slots=True)
class CheckContext:
    doc: Document
    quantities: list[Quantity]
    claims: list[Claim]
    as_of: date | None  # --as-of, else the document's own date, else None
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule id -> effective options
    market: MarketData | None = None  # None: no market data available
    verified: list[tuple[int, int, str]] = field(default_factory=list)  # figures a check confirmed, with evidence

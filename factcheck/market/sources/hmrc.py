"""HMRC's monthly exchange rates (base GBP), the last resort for currencies no daily source publishes.

Shipped only: ``data/hmrc-fx-monthly/hmrc_monthly.csv`` (``month,USD_per_GBP,VND_per_GBP,...``). Keys are months
(``YYYY-MM``); a rate answers for every day of its month.
"""

from __future__ import annotations

from typing import Any

from factcheck.market.sources import FxSource


class HmrcSource(FxSource):
    def _shipped_days(self) -> dict[str, Any]:
        lines = (self.shipped_dir / "hmrc_monthly.csv").read_text(encoding="utf-8").splitlines()
        self._columns = [c.split("_")[0] for c in lines[0].split(",")] if lines else []
        return {ln[:7]: ln for ln in lines[1:] if ln}

    def _parse_shipped(self, raw: Any) -> dict[str, float]:
        cells = raw.split(",")
        return {code: float(v) for code, v in zip(self._columns[1:], cells[1:], strict=False) if v}

    def _shipped_codes(self) -> set[str]:
        return set(getattr(self, "_columns", [])[1:])

    def label(self, code: str, key: str) -> str:
        return f"data: {code} per USD, {self.spec.label}, {key}"


SOURCE = HmrcSource

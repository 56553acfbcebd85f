"""fawazahmed0's currency-api: one USD-base snapshot a day, with currencies the ECB does not publish (VND, TWD).

Shipped: ``data/fawazahmed0-fx/usd_snapshots.csv`` (``date,currency,units_per_usd``). Refreshed day by day from
``URL/npm/@fawazahmed0/currency-api@YYYY-MM-DD/v1/currencies/usd.json`` (``{"date": ..., "usd": {"vnd": ...}}``);
a day the API has no file for (404) is skipped. Only fiat currencies (rules/units.toml) are kept: the API also
lists crypto codes, which are not currencies here.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from factcheck.market.sources import FxSource, SourceUnreachable, http_get


def _fiat() -> frozenset[str]:
    from factcheck.resources import load_rules_file

    return frozenset(load_rules_file("units.toml")["currency"]["codes"])


class FawazSource(FxSource):
    def _shipped_days(self) -> dict[str, Any]:
        fiat = _fiat()
        days: dict[str, dict[str, float]] = {}
        for line in (self.shipped_dir / "usd_snapshots.csv").read_text(encoding="utf-8").splitlines()[1:]:
            if line:
                day, code, value = line.split(",")
                if code in fiat and value:
                    days.setdefault(day, {})[code] = float(value)
        return days

    def _parse_shipped(self, raw: Any) -> dict[str, float]:
        return raw

    def _shipped_codes(self) -> set[str]:
        return {code for row in self._shipped_map().values() for code in row}

    def codes(self) -> set[str]:
        if self._fiat_codes is None:
            self._fiat_codes = super().codes() & (_fiat() | {"USD"})
        return self._fiat_codes

    _fiat_codes: set[str] | None = None

    def download(self, url: str, since: dt.date, until: dt.date, timeout: float) -> dict[str, dict[str, float]]:
        fiat = _fiat()
        out: dict[str, dict[str, float]] = {}
        day = since
        while day <= until:
            body = http_get(url + (self.spec.path or "").format(date=day.isoformat()), timeout, missing_ok=True)
            if body is not None:
                try:
                    rates = json.loads(body)["usd"]
                    row = {k.upper(): float(v) for k, v in rates.items() if k.upper() in fiat and v}
                except (ValueError, KeyError, TypeError, AttributeError):
                    raise SourceUnreachable(f"unreadable currency-api answer for {day}") from None
                if row:
                    out[day.isoformat()] = row
            day += dt.timedelta(days=1)
        return out


SOURCE = FawazSource

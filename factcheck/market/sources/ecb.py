"""The ECB's euro foreign exchange reference rates (daily, ECB business days), base EUR.

Shipped: ``data/ecb-fx-daily/eurofxref.csv`` (``date,USD,JPY,...``: units per 1 EUR, empty = not quoted).
Refreshed from ``URL/stats/eurofxref/eurofxref-hist.zip``: the whole published history in one file
(``Date,USD,JPY,...,``, ``N/A`` where a currency is not quoted); only the days asked for are kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from factcheck.market.sources import FxSource, SourceUnreachable, http_get


class EcbSource(FxSource):
    def _shipped_days(self) -> dict[str, Any]:
        lines = (self.shipped_dir / "eurofxref.csv").read_text(encoding="utf-8").splitlines()
        self._columns = lines[0].split(",") if lines else []
        return {ln[:10]: ln for ln in lines[1:] if ln}

    def _shipped_codes(self) -> set[str]:
        return set(getattr(self, "_columns", [])[1:])

    def _parse_shipped(self, raw: Any) -> dict[str, float]:
        cells = raw.split(",")
        return {code: float(v) for code, v in zip(self._columns[1:], cells[1:], strict=False) if v}

    def download(self, url: str, since: dt.date, until: dt.date, timeout: float) -> dict[str, dict[str, float]]:
        body = http_get(url + (self.spec.path or ""), timeout)
        assert body is not None
        return parse_history_zip(body, since, until)


def parse_history_zip(body: bytes, since: dt.date, until: dt.date) -> dict[str, dict[str, float]]:
    """The rows of ``eurofxref-hist.zip`` from ``since`` to ``until``: ISO day -> code -> units per EUR."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            name = next((n for n in zf.namelist() if n.lower().endswith(".csv")), None)
            if name is None:
                raise SourceUnreachable("the ECB history file holds no CSV")
            text = zf.read(name).decode("utf-8-sig")
    except zipfile.BadZipFile:
        raise SourceUnreachable("the ECB history file is not a zip archive") from None
    lines = text.splitlines()
    if not lines or not lines[0].lower().startswith("date"):
        raise SourceUnreachable("the ECB history file has no Date column")
    columns = [c.strip() for c in lines[0].split(",")]
    first, last = since.isoformat(), until.isoformat()
    out: dict[str, dict[str, float]] = {}
    for line in lines[1:]:
        cells = [c.strip() for c in line.split(",")]
        day = cells[0]
        if not (first <= day <= last):
            continue
        row = {}
        for code, value in zip(columns[1:], cells[1:], strict=False):
            if not code or not value or value.upper() == "N/A":
                continue
            try:
                row[code] = float(value)
            except ValueError:
                continue
        if row:
            out[day] = row
    return out


SOURCE = EcbSource

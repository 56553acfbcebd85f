"""The user's store on disk: one CSV per (exchange, symbol, timeframe), stdlib only.

Layout: ``<store>/ohlcv/<exchange>/<BASE>_<QUOTE>_<timeframe>.csv`` with the columns
``timestamp_ms,date,open,high,low,close,volume,final``. ``date`` is the candle's UTC open day,
``final`` is 1 for a closed candle and 0 for a candle that was still forming when fetched.
Rows are sorted by ``timestamp_ms`` and unique. Files are replaced atomically (temp file + os.replace).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

HEADER = "timestamp_ms,date,open,high,low,close,volume,final"
OHLCV_DIR = "ohlcv"


@dataclass(frozen=True, slots=True)
class StoredRow:
    timestamp_ms: int
    date: str
    open: str
    high: str
    low: str
    close: str
    volume: str
    final: bool

    def line(self) -> str:
        return ",".join(
            (
                str(self.timestamp_ms),
                self.date,
                self.open,
                self.high,
                self.low,
                self.close,
                self.volume,
                "1" if self.final else "0",
            )
        )


@dataclass(frozen=True, slots=True)
class SeriesFile:
    exchange: str
    base: str
    quote: str
    timeframe: str
    path: Path

    @property
    def symbol(self) -> str:
        return f"{self.base}/{self.quote}"


def series_path(store: Path, exchange: str, base: str, quote: str, timeframe: str) -> Path:
    return store / OHLCV_DIR / exchange.lower() / f"{base.upper()}_{quote.upper()}_{timeframe}.csv"


def list_series(store: Path) -> list[SeriesFile]:
    root = store / OHLCV_DIR
    if not root.is_dir():
        return []
    found = []
    for exchange_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in sorted(exchange_dir.glob("*.csv")):
            parts = path.stem.split("_")
            if len(parts) != 3:
                continue
            base, quote, timeframe = parts
            found.append(SeriesFile(exchange_dir.name, base, quote, timeframe, path))
    return found


def read_lines(path: Path) -> list[str]:
    """Data lines of a store file (header dropped); [] if the file does not exist."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    lines = text.splitlines()
    if lines and lines[0].startswith("timestamp_ms"):
        lines = lines[1:]
    return [ln for ln in lines if ln]


def parse_line(line: str) -> StoredRow:
    ts, day, o, h, lo, c, v, final = line.split(",")
    return StoredRow(int(ts), day, o, h, lo, c, v, final == "1")


def read_rows(path: Path) -> list[StoredRow]:
    """The file's rows; a line that does not parse (hand-edited, truncated) is skipped, not fatal."""
    rows = []
    for line in read_lines(path):
        try:
            rows.append(parse_line(line))
        except ValueError:
            continue
    return rows


def write_rows_atomic(path: Path, rows: list[StoredRow]) -> None:
    """Replace ``path`` with ``rows`` (sorted by time) in one step: temp file in the same folder + os.replace."""
    body = HEADER + "\n" + "".join(r.line() + "\n" for r in sorted(rows, key=lambda r: r.timestamp_ms))
    write_text_atomic(path, body)


def write_text_atomic(path: Path, body: str) -> None:
    """Replace ``path`` with ``body`` in one step: temp file in the same folder, fsync, os.replace."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise

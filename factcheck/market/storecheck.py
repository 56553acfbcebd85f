"""Reading the user's store as untrusted input: every row checked before a check may use it.

The store is written by ``factcheck data update``, but it is a folder of CSV files on the user's disk: files
are edited by hand, truncated, copied from elsewhere or replaced by something else. A row is used only when its
columns (mapped by the header's names, in any order) give a valid date, finite positive prices with
``low <= open, close <= high`` and a finite volume that is not negative. Bad rows are skipped; the file gets one
warning naming it. A file that cannot be read (not UTF-8, a folder, no permission) is one warning, and empty.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from factcheck.market.storefiles import HEADER, StoredRow

COLUMNS = tuple(HEADER.split(","))
MAX_STORE_BYTES = 256 * 1024 * 1024  # far above years of daily candles; a bigger "store file" is not one


def read_valid_rows(path: Path) -> tuple[list[StoredRow], str | None]:
    """The file's valid rows, and one warning naming the file when anything was skipped (else None)."""
    try:
        if not path.is_file():
            return [], f"market store file {path} is not a regular file; ignored"
        if path.stat().st_size > MAX_STORE_BYTES:
            return [], f"market store file {path} is over {MAX_STORE_BYTES // 2**20} MiB; ignored"
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], None
    except OSError as exc:
        return [], f"market store file {path} cannot be read ({exc.strerror or exc}); ignored"
    except UnicodeDecodeError:
        return [], f"market store file {path} is not UTF-8 text; ignored"
    lines = text.splitlines()
    index = {name: i for i, name in enumerate(COLUMNS)}
    names = [c.strip() for c in lines[0].split(",")] if lines else []
    if "timestamp_ms" in names or "date" in names:  # a header: columns by name, in any order
        missing = [c for c in COLUMNS if c not in names]
        if missing:
            return [], f"market store file {path} has no column {', '.join(missing)} in its header; ignored"
        index = {name: names.index(name) for name in COLUMNS}
        lines = lines[1:]
    width = max(index.values()) + 1
    rows: list[StoredRow] = []
    bad = 0
    for line in lines:
        if not line.strip():
            continue
        row = _row(line, index, width)
        if row is None:
            bad += 1
        else:
            rows.append(row)
    warning = None
    if bad:
        warning = f"market store file {path}: {bad} bad row(s) skipped (a bad date or price, or high < low)"
    return rows, warning


def _row(line: str, index: dict[str, int], width: int) -> StoredRow | None:
    cells = line.split(",")
    if len(cells) < width:
        return None
    get = {name: cells[i].strip() for name, i in index.items()}
    try:
        ts = int(get["timestamp_ms"])
        day = dt.date.fromisoformat(get["date"][:10])
        o, h, lo, c, v = (float(get[k]) for k in ("open", "high", "low", "close", "volume"))
    except (ValueError, OverflowError):
        return None
    if not all(math.isfinite(x) for x in (o, h, lo, c, v)) or min(o, h, lo, c) <= 0 or v < 0:
        return None
    if not (lo <= o <= h and lo <= c <= h):
        return None
    if get["final"] not in ("0", "1"):
        return None
    return StoredRow(ts, day.isoformat(), get["open"], get["high"], get["low"], get["close"], get["volume"],
                     get["final"] == "1")  # fmt: skip

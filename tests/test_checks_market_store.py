"""The market checks read the user's store on top of the shipped data (a tiny fixture store in tmp_path)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rulecheck import findings_for

from factcheck.market import storefiles


def _row(day: str, o: str, h: str, lo: str, c: str) -> storefiles.StoredRow:
    ts = int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp() * 1000)
    return storefiles.StoredRow(ts, day, o, h, lo, c, "1000", True)


def _store(tmp_path: Path, base: str, rows: list[storefiles.StoredRow]) -> Path:
    store = tmp_path / "store"
    storefiles.write_rows_atomic(storefiles.series_path(store, "binance", base, "USDT", "1d"), rows)
    return store


def run(rule_id: str, text: str, as_of: str, store: Path):
    return findings_for(rule_id, text, as_of, store=store)


TEXT = "ZKsync was trading at $0.023 on Sunday morning, South Korean time."


def test_asset_only_in_the_store_is_checked(tmp_path):
    store = _store(tmp_path, "ZK", [_row("2026-02-01", "0.0240", "0.0250", "0.0220", "0.0230")])
    assert run("price-level", TEXT, "2026-02-05", store) == []
    assert run("unverifiable", TEXT, "2026-02-05", store) == []


def test_asset_only_in_the_store_is_flagged_from_the_store(tmp_path):
    store = _store(tmp_path, "ZK", [_row("2026-02-01", "0.10", "0.12", "0.09", "0.11")])
    [f] = run("price-level", TEXT, "2026-02-05", store)
    assert any("local store" in s for s in f.sources)


def test_store_row_wins_over_the_shipped_row(tmp_path):
    # the shipped BTC candle of 2026-02-06 closed at 70,580.26; a store row says 65,000
    store = _store(tmp_path, "BTC", [_row("2026-02-06", "62909.87", "71751.33", "60000", "65000")])
    [f] = run("price-level", "Bitcoin closed at $70,580 on Friday.", "2026-02-08", store)
    assert "65,000" in f.message
    assert any("local store" in s for s in f.sources)

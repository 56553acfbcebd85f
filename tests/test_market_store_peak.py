"""MarketData.peak (the highest high of a range without building every candle) and the cached fx lookups
give what the candle-by-candle reading gives: store rows win, partial rows are ignored, ties go to the
earliest day, several quotes fall back to the candle list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.market import storefiles
from factcheck.market.store import open_market

D = dt.date


def _row(day: str, high: str, final: bool = True) -> storefiles.StoredRow:
    ts = int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp() * 1000)
    return storefiles.StoredRow(ts, day, "1", high, "0.5", "1", "1.0", final)


def _by_candles(market, asset: str, start: dt.date, end: dt.date, quote: str | None = None):
    found = market.candles(asset, start, end, quote)
    return max(found, key=lambda c: c.high) if found else None


@pytest.mark.parametrize(
    ("asset", "start", "end"),
    [
        ("BTC", D(2017, 1, 1), D(2026, 2, 5)),
        ("ETH", D(2017, 1, 1), D(2025, 8, 31)),
        ("SOL", D(2024, 1, 1), D(2024, 12, 31)),
        ("XRP", D(2026, 2, 1), D(2026, 2, 1)),
        ("BTC", D(2010, 1, 1), D(2011, 1, 1)),  # before the history: nothing
        ("ZK", D(2025, 1, 1), D(2026, 1, 1)),  # no candles at all
    ],
)
def test_peak_matches_the_highest_candle_of_the_range(tmp_path: Path, asset: str, start, end) -> None:
    market = open_market(tmp_path / "store")
    assert market.peak(asset, start, end) == _by_candles(market, asset, start, end)


def test_peak_reads_final_store_rows_and_skips_partial_ones(tmp_path: Path) -> None:
    store = tmp_path / "store"
    path = storefiles.series_path(store, "binance", "BTC", "USDT", "1d")
    rows = [_row("2026-01-10", "999999"), _row("2026-01-11", "5000000", final=False), _row("2031-01-01", "7")]
    storefiles.write_rows_atomic(path, rows)
    market = open_market(store)
    peak = market.peak("BTC", D(2025, 1, 1), D(2031, 12, 31))
    assert peak == _by_candles(market, "BTC", D(2025, 1, 1), D(2031, 12, 31))
    assert peak is not None and peak.day == D(2026, 1, 10) and "local store" in peak.source
    assert market.peak("BTC", D(2031, 1, 1), D(2031, 1, 1)).high == 7.0  # a store-only day


def test_peak_tie_goes_to_the_earliest_day(tmp_path: Path) -> None:
    store = tmp_path / "store"
    path = storefiles.series_path(store, "binance", "DOGE", "USDT", "1d")
    storefiles.write_rows_atomic(path, [_row("2026-01-01", "2"), _row("2026-01-02", "3"), _row("2026-01-03", "3")])
    peak = open_market(store).peak("DOGE", D(2026, 1, 1), D(2026, 1, 3))
    assert peak is not None and peak.day == D(2026, 1, 2)


def test_peak_over_several_quotes_falls_back_to_the_candles(tmp_path: Path) -> None:
    store = tmp_path / "store"
    storefiles.write_rows_atomic(
        storefiles.series_path(store, "kraken", "BTC", "USD", "1d"), [_row("2026-01-10", "999999")]
    )
    market = open_market(store)
    assert market.peak("BTC", D(2026, 1, 1), D(2026, 1, 31)) == _by_candles(
        market, "BTC", D(2026, 1, 1), D(2026, 1, 31)
    )
    assert market.peak("BTC", D(2026, 1, 1), D(2026, 1, 31), "USD").high == 999999.0


def test_fx_repeated_lookups_give_equal_rates(tmp_path: Path) -> None:
    market = open_market(tmp_path / "store")
    first = [market.fx(c, D(2026, 2, 1)) for c in ("EUR", "VND", "KRW", "XYZ")]
    again = [market.fx(c.lower(), "2026-02-01") for c in ("EUR", "VND", "KRW", "XYZ")]
    assert first == again
    assert first[0] is not None and first[0].day <= D(2026, 2, 1) and first[-1] is None


def test_store_folder_name_matches_storefiles() -> None:
    from factcheck.market import store

    assert store.STORE_OHLCV_DIR == storefiles.OHLCV_DIR

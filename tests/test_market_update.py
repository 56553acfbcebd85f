"""`data update` through a real ccxt binance client talking to a loopback server that answers like Binance."""

from __future__ import annotations

import argparse
import datetime as dt
import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "market"))

from fake_binance import DAY_MS, FakeBinance, day_ms, price_formula  # noqa: E402

from factcheck.market import storefiles  # noqa: E402
from factcheck.market.store import open_market  # noqa: E402
from factcheck.market.update import EXIT_UNREACHABLE, run_update, update_ohlcv  # noqa: E402

pytest.importorskip("ccxt")

TODAY = dt.datetime.now(dt.UTC).date()


def _args(url: str, store: Path, symbols: str = "BTC/USDT", since: dt.date | None = None,
          until: dt.date | None = None, page_limit: int | None = 5) -> argparse.Namespace:
    return argparse.Namespace(exchange="binance", symbols=symbols, timeframe="1d",
                              since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                              exchange_url=url, data_dir=store, page_limit=page_limit)


def _snapshot(store: Path) -> dict[str, bytes]:
    return {str(p.relative_to(store)): p.read_bytes() for p in sorted(store.rglob("*")) if p.is_file()}


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_update_paginates_until_the_range_is_covered(tmp_path: Path) -> None:
    first = TODAY - dt.timedelta(days=30)
    with FakeBinance(first_day=first - dt.timedelta(days=10)) as fake:
        code = run_update(_args(fake.url, tmp_path, since=first, until=first + dt.timedelta(days=16)))
        pages = fake.klines_requests()
    assert code == 0
    assert len(pages) >= 4  # 17 candles, 5 per page
    assert all(int(q["limit"]) == 5 for q in pages)
    rows = storefiles.read_rows(storefiles.series_path(tmp_path, "binance", "BTC", "USDT", "1d"))
    assert [r.date for r in rows] == [(first + dt.timedelta(days=i)).isoformat() for i in range(17)]
    assert all(r.final for r in rows)
    o, h, lo, c, _ = price_formula("BTCUSDT", rows[7].timestamp_ms)
    assert (float(rows[7].open), float(rows[7].high), float(rows[7].low), float(rows[7].close)) == (o, h, lo, c)


def test_second_run_adds_nothing_and_leaves_the_file_alone(tmp_path: Path) -> None:
    first = TODAY - dt.timedelta(days=12)
    with FakeBinance(first_day=first) as fake:
        assert run_update(_args(fake.url, tmp_path, "BTC/USDT,ETH/USDT", since=first)) == 0
        before = _snapshot(tmp_path)
        mtimes = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.csv")}
        result = update_ohlcv(tmp_path, "binance", ["BTC/USDT", "ETH/USDT"], since=first, exchange_url=fake.url,
                              page_limit=5)
    assert [s.added for s in result.series] == [0, 0] and [s.replaced for s in result.series] == [0, 0]
    assert not any(s.written for s in result.series)
    assert _snapshot(tmp_path) == before
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.csv")} == mtimes
    rows = storefiles.read_rows(storefiles.series_path(tmp_path, "binance", "ETH", "USDT", "1d"))
    assert len({r.timestamp_ms for r in rows}) == len(rows) == 13


def test_unreachable_exchange_exits_3_with_one_line_and_store_untouched(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture) -> None:
    path = storefiles.series_path(tmp_path, "binance", "BTC", "USDT", "1d")
    storefiles.write_rows_atomic(path, [storefiles.StoredRow(1_700_000_000_000 // DAY_MS * DAY_MS, "2023-11-14",
                                                             "1", "2", "0.5", "1.5", "3", True)])
    before = _snapshot(tmp_path)
    code = run_update(_args(_closed_port_url(), tmp_path, since=TODAY - dt.timedelta(days=3)))
    err = capsys.readouterr().err
    assert code == EXIT_UNREACHABLE
    assert err.count("\n") == 1 and "cannot reach binance" in err and "Traceback" not in err
    assert _snapshot(tmp_path) == before


def test_exchange_failing_half_way_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    first = TODAY - dt.timedelta(days=20)
    with FakeBinance(first_day=first) as fake:
        fake.fail_after_klines = 3  # BTC's pages succeed, ETH's fail
        code = run_update(_args(fake.url, tmp_path, "BTC/USDT,ETH/USDT", since=first, page_limit=10))
        served = len(fake.klines_requests())
    assert code == EXIT_UNREACHABLE
    assert served >= 4  # BTC's three pages came back, ETH's first page did not
    assert "cannot reach" in capsys.readouterr().err
    assert not tmp_path.joinpath("ohlcv").exists()


def test_candle_still_forming_is_stored_as_partial_and_never_over_a_final_row(tmp_path: Path) -> None:
    first = TODAY - dt.timedelta(days=3)
    with FakeBinance(first_day=first) as fake:
        update_ohlcv(tmp_path, "binance", ["BTC/USDT"], since=first, exchange_url=fake.url)
        path = storefiles.series_path(tmp_path, "binance", "BTC", "USDT", "1d")
        today_row = storefiles.read_rows(path)[-1]
        assert today_row.date == TODAY.isoformat() and today_row.final is False
        assert open_market(tmp_path).candle("BTC", TODAY) is None  # checks never see a partial candle
        assert open_market(tmp_path).candle("BTC", TODAY, include_partial=True) is not None

        # a later fetch of the still-forming candle replaces the partial row (still partial) ...
        fake.bump = 42.0
        update_ohlcv(tmp_path, "binance", ["BTC/USDT"], since=first, exchange_url=fake.url)
        bumped = storefiles.read_rows(path)[-1]
        assert bumped.final is False and float(bumped.close) == float(today_row.close) + 42.0

        # ... but a final row for that day is never replaced by a candle still forming
        final = storefiles.StoredRow(bumped.timestamp_ms, bumped.date, "1", "2", "0.5", "1.5", "9", True)
        storefiles.write_rows_atomic(path, storefiles.read_rows(path)[:-1] + [final])
        fake.bump = 7.0
        result = update_ohlcv(tmp_path, "binance", ["BTC/USDT"], since=first, exchange_url=fake.url)
        assert storefiles.read_rows(path)[-1] == final and result.series[0].replaced == 0

        # once the day is over (seen from tomorrow), the final candle replaces the stored row
        tomorrow_ms = (today_row.timestamp_ms + DAY_MS + 60_000)
        fake.bump = 0.0
        update_ohlcv(tmp_path, "binance", ["BTC/USDT"], since=first, exchange_url=fake.url, now_ms=tomorrow_ms)
        closed = storefiles.read_rows(path)[-1]
        assert closed.final is True and closed.close != final.close


def test_updated_store_wins_over_shipped_history(tmp_path: Path) -> None:
    day = dt.date(2026, 3, 12)  # inside the shipped Binance history
    with FakeBinance(first_day=dt.date(2026, 3, 10)) as fake:
        code = run_update(_args(fake.url, tmp_path, since=dt.date(2026, 3, 10), until=dt.date(2026, 3, 14)))
    assert code == 0
    market = open_market(tmp_path)
    candle = market.candle("BTC", day)
    assert candle.close == price_formula("BTCUSDT", day_ms(day))[3]
    assert "local store" in candle.source
    assert "local store" not in market.candle("BTC", dt.date(2026, 3, 9)).source


def test_unknown_symbol_is_a_usage_error_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    with FakeBinance() as fake:
        code = run_update(_args(fake.url, tmp_path, "BTC/USDT,NOPE/USDT", since=TODAY - dt.timedelta(days=2)))
    assert code == 2 and "NOPE/USDT" in capsys.readouterr().err
    assert not tmp_path.joinpath("ohlcv").exists()


def test_without_since_update_resumes_at_the_last_final_candle_held(tmp_path: Path) -> None:
    last_final = TODAY - dt.timedelta(days=5)
    path = storefiles.series_path(tmp_path, "binance", "BTC", "USDT", "1d")
    storefiles.write_rows_atomic(path, [storefiles.StoredRow(day_ms(last_final), last_final.isoformat(),
                                                             "1", "2", "0.5", "1.5", "3", True)])
    with FakeBinance(first_day=TODAY - dt.timedelta(days=40)) as fake:
        assert run_update(_args(fake.url, tmp_path, page_limit=None)) == 0
        first_request = fake.klines_requests()[0]
    assert int(first_request["startTime"]) == day_ms(last_final)
    rows = storefiles.read_rows(path)
    assert [r.date for r in rows][0] == last_final.isoformat() and rows[-1].date == TODAY.isoformat()
    assert float(rows[0].close) == price_formula("BTCUSDT", day_ms(last_final))[3]  # re-fetched final replaces


def test_cli_data_update_unreachable_exits_3_in_a_fresh_process(tmp_path: Path) -> None:
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "factcheck", "data", "update", "--exchange", "binance",
                           "--symbols", "BTC/USDT", "--since", "2026-01-01", "--exchange-url", _closed_port_url(),
                           "--data-dir", str(tmp_path / "store")], capture_output=True, text=True, timeout=60)
    assert proc.returncode == EXIT_UNREACHABLE
    assert len(proc.stderr.strip().splitlines()) == 1 and "cannot reach binance" in proc.stderr
    assert not (tmp_path / "store").exists()

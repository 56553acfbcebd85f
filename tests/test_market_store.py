"""open_market: shipped history, the user's store on top (store wins), FX fallbacks, coverage, no pandas."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.market import storefiles
from factcheck.market.paths import default_store_dir
from factcheck.market.store import open_market
from factcheck.resources import data_dir

D = dt.date


def _store_row(day: str, o: str, h: str, lo: str, c: str, final: bool = True) -> storefiles.StoredRow:
    ts = int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp() * 1000)
    return storefiles.StoredRow(ts, day, o, h, lo, c, "1.0", final)


@pytest.fixture
def empty_store(tmp_path: Path) -> Path:
    return tmp_path / "store"


def test_shipped_candle_is_binance_usdt_with_its_source(empty_store: Path) -> None:
    market = open_market(empty_store)
    candle = market.candle("BTC", D(2026, 2, 5))
    assert candle is not None
    assert (candle.open, candle.high, candle.low, candle.close) == (73165.84, 73341.18, 62345.0, 62909.86)
    assert candle.quote == "USDT"
    assert candle.source == "data: BTC/USDT 1d, binance, 2026-02-05"
    assert candle.low <= candle.close <= candle.high


def test_day_outside_coverage_is_none_not_an_error(empty_store: Path) -> None:
    market = open_market(empty_store)
    assert market.candle("BTC", D(2010, 1, 1)) is None
    assert market.candle("ZK", D(2026, 2, 5)) is None
    assert market.price("ZK", D(2026, 2, 5)) is None
    assert market.fx("XYZ", D(2026, 2, 5)) is None


def test_candles_range_is_inclusive_and_contiguous(empty_store: Path) -> None:
    market = open_market(empty_store)
    week = market.candles("ETH", "2026-01-29", "2026-02-04")
    assert [c.day for c in week] == [D(2026, 1, 29) + dt.timedelta(days=i) for i in range(7)]
    span = market.candle_span("SOL")
    assert span is not None and span[0] == D(2020, 8, 11)


def test_store_row_wins_over_shipped_row(empty_store: Path) -> None:
    path = storefiles.series_path(empty_store, "binance", "BTC", "USDT", "1d")
    storefiles.write_rows_atomic(path, [_store_row("2026-02-05", "1", "3", "0.5", "2")])
    market = open_market(empty_store)
    mine = market.candle("BTC", "2026-02-05")
    assert mine is not None and mine.close == 2.0
    assert "local store" in mine.source and "2026-02-05" in mine.source
    other_day = market.candle("BTC", "2026-02-04")
    assert other_day is not None and other_day.source == "data: BTC/USDT 1d, binance, 2026-02-04"


def test_partial_store_row_is_not_used_as_a_final_candle(empty_store: Path) -> None:
    path = storefiles.series_path(empty_store, "binance", "BTC", "USDT", "1d")
    storefiles.write_rows_atomic(path, [_store_row("2026-02-05", "1", "3", "0.5", "2", final=False),
                                        _store_row("2030-01-01", "1", "3", "0.5", "2", final=False)])
    market = open_market(empty_store)
    assert market.candle("BTC", "2026-02-05").close == 62909.86  # shipped final row, not the partial one
    assert market.candle("BTC", "2030-01-01") is None
    partial = market.candle("BTC", "2030-01-01", include_partial=True)
    assert partial is not None and partial.final is False


def test_store_extends_assets_beyond_shipped(empty_store: Path) -> None:
    path = storefiles.series_path(empty_store, "binance", "DOGE", "USDT", "1d")
    storefiles.write_rows_atomic(path, [_store_row("2026-02-05", "0.1", "0.2", "0.09", "0.15")])
    market = open_market(empty_store)
    assert "DOGE" in market.assets()
    assert market.price("DOGE", "2026-02-05").value == 0.15


def test_price_says_whether_close_or_snapshot_and_in_which_quote(empty_store: Path) -> None:
    market = open_market(empty_store)
    close = market.price("ETH", "2026-02-05")
    assert close.kind == "close" and close.quote == "USDT" and close.value == 1826.83
    usd = market.price("ETH", "2026-02-05", quote="USD")
    assert usd.kind == "snapshot" and usd.quote == "USD" and "coingecko" in usd.source
    tether = market.price("USDT", "2026-02-05")
    assert tether.kind == "snapshot" and 0.99 < tether.value < 1.01


def test_ambiguous_ticker_resolves_to_the_main_coin_and_names_pick_others(empty_store: Path) -> None:
    market = open_market(empty_store)
    names = [name for _, name in market.coins_for_symbol("SOL")]
    assert names[0] == "Solana" and "Wrapped SOL" in names
    assert market.snapshot("SOL", "2026-01-05").source.startswith("data: SOL/USD snapshot")
    wrapped = market.snapshot("Wrapped SOL", "2026-01-05")
    assert wrapped is not None and "Wrapped SOL" in wrapped.source


def test_fx_daily_ecb_rate_in_units_per_usd(empty_store: Path) -> None:
    market = open_market(empty_store)
    krw = market.fx("KRW", D(2026, 2, 5))
    assert krw.granularity == "daily" and krw.day == D(2026, 2, 5)
    assert krw.units_per_usd == pytest.approx(1465.15, abs=0.01)  # ECB KRW/EUR divided by USD/EUR
    assert krw.source == "data: KRW per USD, ECB reference rate, 2026-02-05"
    eur = market.fx("EUR", D(2026, 2, 5))
    assert eur.units_per_usd == pytest.approx(1 / 1.1798)
    assert market.fx("usd", D(2026, 2, 5)).units_per_usd == 1.0


def test_fx_weekend_uses_previous_business_day(empty_store: Path) -> None:
    market = open_market(empty_store)
    saturday = market.fx("JPY", D(2026, 2, 7))
    friday = market.fx("JPY", D(2026, 2, 6))
    assert saturday.day == D(2026, 2, 6) and saturday.requested == D(2026, 2, 7)
    assert saturday.units_per_usd == friday.units_per_usd and saturday.granularity == "daily"


def test_fx_currency_ecb_lacks_falls_back_to_monthly_hmrc(empty_store: Path) -> None:
    market = open_market(empty_store)
    vnd = market.fx("VND", D(2025, 6, 18))
    assert vnd.granularity == "monthly" and vnd.day == D(2025, 6, 1)
    assert vnd.source == "data: VND per USD, HMRC monthly rate, 2025-06"
    assert 20_000 < vnd.units_per_usd < 30_000
    twd = market.fx("TWD", D(2026, 2, 12))
    assert twd.granularity == "monthly" and 28 < twd.units_per_usd < 35


def test_fx_daily_snapshot_preferred_to_monthly_when_there_is_one(empty_store: Path) -> None:
    market = open_market(empty_store)
    vnd = market.fx("VND", D(2026, 2, 5))
    assert vnd.granularity == "daily" and "fawazahmed0" in vnd.source
    assert vnd.units_per_usd == pytest.approx(25938.2, abs=0.1)
    assert market.fx("BTC", D(2026, 2, 5)) is None  # crypto codes in the snapshot are not FX rates


def test_fx_beyond_every_source_is_none(empty_store: Path) -> None:
    market = open_market(empty_store)
    assert market.fx("VND", D(2023, 6, 1)) is None  # before HMRC coverage, no ECB VND
    assert market.fx("KRW", D(2016, 6, 1)) is None  # before the shipped ECB rows


def test_coverage_lists_shipped_datasets_and_store_series(empty_store: Path) -> None:
    path = storefiles.series_path(empty_store, "binance", "BTC", "USDT", "1d")
    storefiles.write_rows_atomic(path, [_store_row("2026-11-01", "1", "3", "0.5", "2"),
                                        _store_row("2026-11-02", "2", "3", "1", "2.5", final=False)])
    infos = open_market(empty_store).coverage()
    shipped = {i.name: i for i in infos if i.where == "shipped"}
    assert {"binance-spot-1d", "coingecko-top100", "ecb-fx-daily", "hmrc-fx-monthly"} <= set(shipped)
    assert shipped["binance-spot-1d"].quote == "USDT" and "BTC/USDT" in shipped["binance-spot-1d"].assets
    assert "VND" in shipped["hmrc-fx-monthly"].assets
    store = [i for i in infos if i.where == "store"]
    assert len(store) == 1 and store[0].rows == 2 and (store[0].first, store[0].last) == ("2026-11-01", "2026-11-02")
    assert any("partial" in note for note in store[0].notes)


def test_every_manifest_states_source_provenance_license_and_coverage() -> None:
    import tomllib

    manifests = sorted(data_dir().glob("*/manifest.toml"))
    assert len(manifests) >= 4
    for path in manifests:
        man = tomllib.loads(path.read_text(encoding="utf-8"))
        for key in ("name", "source", "provenance", "license", "first", "last", "rows", "columns"):
            assert key in man, f"{path}: no {key}"


def test_store_dir_defaults_to_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FACTCHECK_DATA_DIR", str(tmp_path / "x"))
    assert default_store_dir() == tmp_path / "x"
    assert open_market(None).store_dir == tmp_path / "x"
    monkeypatch.delenv("FACTCHECK_DATA_DIR")
    assert default_store_dir().name == "factcheck"


def test_loading_market_data_imports_neither_pandas_nor_ccxt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from factcheck.market.store import open_market\n"
        f"m = open_market({str(tmp_path)!r})\n"
        "assert m.candle('BTC', '2026-02-05') and m.price('SOL', '2026-02-05') and m.fx('VND', '2026-02-05')\n"
        "m.coverage(); m.candles('ETH', '2025-01-01', '2026-02-05')\n"
        "print(sorted(n for n in ('pandas', 'numpy', 'ccxt', 'pint', 'rich') if n in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_data_info_shows_shipped_datasets_and_the_store(empty_store: Path, capsys: pytest.CaptureFixture) -> None:
    import argparse

    from factcheck.market.info import run_info

    path = storefiles.series_path(empty_store, "binance", "ETH", "USDT", "1d")
    storefiles.write_rows_atomic(path, [_store_row("2026-11-01", "1", "3", "0.5", "2")])
    assert run_info(argparse.Namespace(data_dir=empty_store)) == 0
    out = capsys.readouterr().out
    assert "binance-spot-1d: 2017-08-17 .. 2026-03-15" in out and "quote USDT" in out
    assert "hmrc-fx-monthly" in out and "VND" in out
    assert f"store: {empty_store}" in out and "binance ETH/USDT 1d: 2026-11-01 .. 2026-11-01, 1 rows" in out


def test_malformed_store_line_is_skipped_not_fatal(empty_store: Path) -> None:
    path = storefiles.series_path(empty_store, "binance", "BTC", "USDT", "1d")
    storefiles.write_rows_atomic(path, [_store_row("2026-02-05", "1", "3", "0.5", "2")])
    path.write_text(path.read_text() + "garbage,line\n1800000000000,2027-01-15,1,2\n")
    market = open_market(empty_store)
    assert market.candle("BTC", "2026-02-05").close == 2.0
    assert market.candle("BTC", "2027-01-15") is None


def test_fx_monthly_gives_the_hmrc_rate_even_where_a_daily_rate_exists(empty_store: Path) -> None:
    market = open_market(empty_store)
    day = dt.date(2026, 2, 5)
    assert market.fx("KRW", day).granularity == "daily"
    monthly = market.fx_monthly("KRW", day)
    assert monthly.granularity == "monthly" and monthly.day == dt.date(2026, 2, 1)
    assert "HMRC monthly rate, 2026-02" in monthly.source
    assert market.fx_monthly("USD", day) is None

"""`data update` for every source: the registry's assets through real ccxt clients (Binance-like and Bitstamp-like
loopback servers), ECB rates from a history zip built here, fawazahmed0's daily files; atomic, idempotent, exit 3
with the store untouched when a source cannot be reached; `data info` gives each source's last day and age."""

from __future__ import annotations

import datetime as dt
import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "market"))

from fake_binance import FakeBinance, day_ms, price_formula  # noqa: E402
from fake_sources import FakeBitstamp, FakeRates, eur_rates, usd_rates  # noqa: E402

from factcheck.cli import main  # noqa: E402
from factcheck.market import storefiles  # noqa: E402
from factcheck.market.store import open_market  # noqa: E402

pytest.importorskip("ccxt")

TODAY = dt.datetime.now(dt.UTC).date()
SINCE = TODAY - dt.timedelta(days=20)


def _snapshot(store: Path) -> dict[str, bytes]:
    return {str(p.relative_to(store)): p.read_bytes() for p in sorted(store.rglob("*")) if p.is_file()}


def _closed_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def _update(store: Path, *args: str) -> int:
    return main(["data", "update", "--data-dir", str(store), *args])


def _last_weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def test_ecb_rates_come_from_the_history_zip_and_are_read_as_units_per_usd(tmp_path, capsys):
    store = tmp_path / "store"
    with FakeRates(SINCE - dt.timedelta(days=40), TODAY) as fake:
        code = _update(store, "--fx", "ecb", "--fx-url", fake.url, "--since", SINCE.isoformat())
        assert fake.paths() == ["/stats/eurofxref/eurofxref-hist.zip"]
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("ecb rates") and len(out.splitlines()) == 1
    day = _last_weekday(TODAY - dt.timedelta(days=1))
    rate = open_market(store).fx("KRW", day)
    r = eur_rates(day)
    assert rate.day == day and rate.units_per_usd == pytest.approx(r["KRW"] / r["USD"])
    assert "ECB reference rate" in rate.source
    assert open_market(store).fx("EUR", day).units_per_usd == pytest.approx(1 / r["USD"])
    rows = (store / "fx" / "ecb.csv").read_text().splitlines()
    assert rows[0] == "date,currency,value" and min(r[:10] for r in rows[1:]) >= SINCE.isoformat()
    assert not any(",CYP," in r for r in rows)  # N/A is no rate


def test_a_second_refresh_changes_nothing_and_leaves_the_file_alone(tmp_path, capsys):
    store = tmp_path / "store"
    with FakeRates(SINCE, TODAY) as fake:
        assert _update(store, "--fx", "ecb", "--fx-url", fake.url, "--since", SINCE.isoformat()) == 0
        before = _snapshot(store)
        mtime = (store / "fx" / "ecb.csv").stat().st_mtime_ns
        assert _update(store, "--fx", "ecb", "--fx-url", fake.url, "--since", SINCE.isoformat()) == 0
        assert _update(store, "--fx", "ecb", "--fx-url", fake.url) == 0  # resumes where the store ends
    assert "0 added, 0 changed" in capsys.readouterr().out.splitlines()[-1]
    assert _snapshot(store) == before and (store / "fx" / "ecb.csv").stat().st_mtime_ns == mtime


def test_currencies_the_ecb_lacks_come_from_the_second_daily_source(tmp_path, capsys):
    store = tmp_path / "store"
    gap = TODAY - dt.timedelta(days=3)
    with FakeRates(SINCE, TODAY, usd_first=SINCE, usd_last=gap) as fake:
        code = _update(store, "--fx", "fawazahmed0", "--fx-url", fake.url, "--since", SINCE.isoformat())
        asked = [p for p in fake.paths() if "currency-api" in p]
    assert code == 0
    assert len(asked) == (TODAY - SINCE).days + 1  # one file a day; the days it lacks (404) are skipped
    rate = open_market(store).fx("VND", gap)
    assert rate.units_per_usd == usd_rates(gap)["vnd"] and "fawazahmed0" in rate.source
    assert open_market(store).fx("BTC", gap) is None  # crypto codes of the API are not currencies
    assert "fawazahmed0 rates" in capsys.readouterr().out


@pytest.mark.parametrize("how", ["closed port", "server down"])
def test_unreachable_rate_source_exits_3_and_the_store_is_untouched(tmp_path, capsys, how):
    store = tmp_path / "store"
    with FakeRates(SINCE, TODAY) as fake:
        assert _update(store, "--fx", "ecb", "--fx-url", fake.url, "--since", SINCE.isoformat()) == 0
        before = _snapshot(store)
        fake.down = how == "server down"
        url = _closed_url() if how == "closed port" else fake.url
        capsys.readouterr()
        code = _update(store, "--fx", "ecb", "--fx-url", url, "--since", (SINCE - dt.timedelta(days=5)).isoformat())
    err = capsys.readouterr().err
    assert code == 3 and "cannot reach ecb" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert _snapshot(store) == before


def test_all_writes_nothing_when_the_rates_fail_after_the_candles_came(tmp_path, capsys):
    store = tmp_path / "store"
    with FakeBinance(first_day=SINCE) as exchange:
        code = _update(store, "--all", "--symbols", "BTC/USDT", "--exchange-url", exchange.url,
                       "--fx-url", _closed_url(), "--since", SINCE.isoformat())
        assert exchange.klines_requests()  # the candles were fetched ...
    assert code == 3 and "cannot reach" in capsys.readouterr().err
    assert not store.exists() or _snapshot(store) == {}  # ... but nothing was written


def test_without_symbols_every_registry_asset_the_exchange_lists_is_refreshed(tmp_path, capsys):
    store = tmp_path / "store"
    listed = ("BTC/USDT", "ETH/USDT", "SOL/USDT", "NOTACOIN/USDT", "BTC/EUR")
    with FakeBinance(symbols=listed, first_day=SINCE) as exchange:
        code = _update(store, "--exchange-url", exchange.url, "--since", SINCE.isoformat())
        asked = {q["symbol"] for q in exchange.klines_requests()}
    out = capsys.readouterr().out
    assert code == 0 and asked == {"BTCUSDT", "ETHUSDT", "SOLUSDT"}
    assert len(out.splitlines()) == 3 and all(line.startswith("binance ") for line in out.splitlines())
    sol = storefiles.read_rows(storefiles.series_path(store, "binance", "SOL", "USDT", "1d"))
    assert sol[0].date == SINCE.isoformat()
    assert float(sol[0].close) == price_formula("SOLUSDT", day_ms(SINCE))[3]


def test_a_second_exchange_is_stored_side_by_side_and_named_in_the_source(tmp_path, capsys):
    store = tmp_path / "store"
    with FakeBitstamp(first_day=SINCE) as exchange:
        code = _update(store, "--exchange", "bitstamp", "--exchange-url", exchange.url, "--quote", "USD",
                       "--since", SINCE.isoformat())
        assert any(p.startswith("/api/v2/ohlc/btcusd/") for p in exchange.paths())
    assert code == 0, capsys.readouterr().err
    rows = storefiles.read_rows(storefiles.series_path(store, "bitstamp", "BTC", "USD", "1d"))
    assert rows[0].date == SINCE.isoformat() and rows[-1].date == TODAY.isoformat()
    assert rows[-1].final is False and all(r.final for r in rows[:-1])  # today's candle is still forming
    market = open_market(store)
    day = TODAY - dt.timedelta(days=2)
    candle = market.candle("BTC", day, quote="USD")
    assert "bitstamp (local store)" in candle.source and candle.close == price_formula("BTCUSDT", day_ms(day))[3]
    assert market.candle("BTC", TODAY, quote="USD") is None  # a partial day is never checked against


def test_unknown_exchange_and_unknown_fx_source_are_usage_errors(tmp_path, capsys):
    assert _update(tmp_path, "--exchange", "nosuchexchange", "--symbols", "BTC/USDT") == 2
    assert "nosuchexchange" in capsys.readouterr().err
    assert _update(tmp_path, "--fx", "imf") == 2
    assert "imf" in capsys.readouterr().err and not any(tmp_path.iterdir())


def test_data_info_gives_each_sources_last_day_and_age(tmp_path, capsys):
    store = tmp_path / "store"
    with FakeRates(SINCE, TODAY) as fake:
        assert _update(store, "--fx", "ecb", "--fx-url", fake.url, "--since", SINCE.isoformat()) == 0
    capsys.readouterr()
    assert main(["data", "info", "--data-dir", str(store)]) == 0
    out = capsys.readouterr().out
    last = _last_weekday(TODAY)
    age = (TODAY - last).days
    assert f"ecb rates (fx-daily, preference 1): {last}, {age} day{'s' * (age != 1)} old" in out
    assert "binance daily candles (4 series): 2026-03-15" in out
    assert "hmrc rates (fx-monthly, preference 3)" in out and "coingecko daily snapshots: 2026-05-01" in out


def test_adding_a_rate_source_is_one_module_and_its_entry(tmp_path, capsys, monkeypatch):
    import json

    from fake_sources import Loopback

    from factcheck.market import sources

    entry = sources.SourceSpec("minimal", "extra_fx.minimal", "fx-daily", 0, "USD", "none", "minimal rates",
                               url="https://example.invalid")
    real = sources.specs
    monkeypatch.setattr(sources, "specs", lambda: [entry, *real()])
    day = TODAY - dt.timedelta(days=1)

    class Rates(Loopback):
        def answer(self, path, query):
            return 200, "application/json", json.dumps({day.isoformat(): {"VND": 26123.0}}).encode()

    store = tmp_path / "store"
    with Rates() as fake:
        assert _update(store, "--fx", "minimal", "--fx-url", fake.url, "--since", SINCE.isoformat()) == 0
    rate = open_market(store).fx("VND", day)  # preference 0: asked before the ECB and fawazahmed0
    assert rate.units_per_usd == 26123.0 and rate.source == f"data: VND per USD, minimal rates, {day}"
    capsys.readouterr()
    assert main(["data", "info", "--data-dir", str(store)]) == 0
    assert "minimal rates (fx-daily, preference 0)" in capsys.readouterr().out


def test_adding_a_shipped_candle_dataset_is_its_folder_and_an_entry(tmp_path, monkeypatch):
    from factcheck.market import store as store_module
    from factcheck.resources import data_dir

    shipped = tmp_path / "data"
    shipped.mkdir()
    for name in ("binance-spot-1d", "coingecko-top100"):
        (shipped / name).symlink_to(data_dir() / name)
    kraken = shipped / "kraken-spot-1d"
    kraken.mkdir()
    (kraken / "manifest.toml").write_text(
        'exchange = "kraken"\nquote = "USDT"\n[assets.BTC]\nfile = "BTCUSDT.csv"\nfirst = "2026-02-04"\n'
        'last = "2026-02-05"\n', encoding="utf-8")
    (kraken / "BTCUSDT.csv").write_text(
        "date,open,high,low,close,volume\n2026-02-04,1,2,0.5,1.5,10\n2026-02-05,1.5,3,1,2.5,10\n", encoding="utf-8")
    real = store_module.price_specs
    entry = {"name": "kraken", "kind": "candles", "preference": 0, "shipped": "kraken-spot-1d"}
    monkeypatch.setattr(store_module, "price_specs", lambda kind=None: [
        *([entry] if kind in (None, "candles") else []), *real(kind)])
    market = open_market(tmp_path / "store", shipped_dir=shipped)
    assert market.candle("BTC", dt.date(2026, 2, 5)).source == "data: BTC/USDT 1d, kraken, 2026-02-05"
    assert "binance" in market.candle("BTC", dt.date(2026, 2, 6)).source  # where kraken has no day
    assert market.candle("ETH", dt.date(2026, 2, 5)).source.endswith("binance, 2026-02-05")
    assert any(d.name == "kraken-spot-1d" for d in market.coverage())

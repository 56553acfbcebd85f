"""`check --fetch`: a draft dated after the shipped data fetches exactly what its claims need (real ccxt client
against a Binance-like loopback server, ECB rates from a zip built in the test), keeps the rows in the store, and
checks them; unreachable sources and the hard time limit leave the claims not checkable with one warning line."""

from __future__ import annotations

import datetime as dt
import json
import socket
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "market"))

from fake_binance import FakeBinance, day_ms, price_formula  # noqa: E402
from fake_sources import FakeRates, Loopback  # noqa: E402

from factcheck.cli import main  # noqa: E402
from factcheck.market import storefiles  # noqa: E402

pytest.importorskip("ccxt")

TODAY = dt.datetime.now(dt.UTC).date()
DAY = TODAY - dt.timedelta(days=2)  # after the shipped data: the shipped candles end 2026-03-15


def _close(day: dt.date) -> float:
    return price_formula("BTCUSDT", day_ms(day))[3]


def _draft(tmp_path: Path, day: dt.date = DAY, price: float | None = None, present: bool = False) -> Path:
    price = _close(day) if price is None else price
    when = "at press time" if present else f"on {day.strftime('%B')} {day.day}"
    verb = "traded near" if present else "closed at"
    text = (
        f"---\ndate: {day.isoformat()}\n---\n# Markets\n\nBitcoin {verb} ${price:,.0f} {when}.\n\n"
        "The fund raised EUR 50 million (about $56 million) this week.\n"
    )
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    return path


def _closed_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def _check(draft: Path, store: Path, capsys, *args: str) -> tuple[int, dict, str]:
    code = main(["check", str(draft), "--format", "json", "--data-dir", str(store), *args])
    out, err = capsys.readouterr()
    return code, json.loads(out)["files"][0], err


def _status(f: dict, startswith: str) -> str:
    return next(fig["status"] for fig in f["figures"] if fig["text"].startswith(startswith))


def test_a_draft_after_the_shipped_data_is_checked_with_fetch(tmp_path, capsys):
    store = tmp_path / "store"
    draft = _draft(tmp_path)
    code, before, _ = _check(draft, store, capsys)
    assert code == 0 and {n["subject"] for n in before["notices"]} >= {"BTC"}
    assert _status(before, "$") == "unchecked"

    with FakeBinance(first_day=TODAY - dt.timedelta(days=30)) as exchange, \
            FakeRates(TODAY - dt.timedelta(days=40), TODAY) as rates:
        code, f, err = _check(draft, store, capsys, "--fetch", "--exchange-url", exchange.url, "--fx-url", rates.url)
        klines = exchange.klines_requests()
        assert rates.paths() == ["/stats/eurofxref/eurofxref-hist.zip"]
    assert code == 0 and err == "" and f["notices"] == []
    assert _status(f, "$") == "verified" and _status(f, "about $56 million") == "verified"
    # exactly what the claims need: BTC's day, nothing for ETH or the days between
    assert {q["symbol"] for q in klines} == {"BTCUSDT"}
    assert min(int(q["startTime"]) for q in klines) == day_ms(DAY)
    evidence = next(fig["evidence"] for fig in f["figures"] if fig["text"].startswith("$"))
    assert "binance (local store)" in evidence

    # the fetched rows stay: without --fetch (and without any server) the draft still checks
    code, again, _ = _check(draft, store, capsys)
    assert again["notices"] == [] and _status(again, "$") == "verified"


def test_a_wrong_price_is_found_once_fetched(tmp_path, capsys):
    draft = _draft(tmp_path, price=_close(DAY) * 1.5)
    with FakeBinance(first_day=TODAY - dt.timedelta(days=30)) as exchange:
        code, f, _ = _check(draft, tmp_path / "store", capsys, "--fetch", "--exchange-url", exchange.url,
                            "--fx-url", _closed_url())
    assert code == 1 and _status(f, "$") == "wrong"
    assert [n["subject"] for n in f["notices"]] == ["EUR"]  # the rates could not be fetched


def test_unreachable_sources_leave_the_claims_not_checkable_with_one_warning_each(tmp_path, capsys):
    store = tmp_path / "store"
    code, f, err = _check(_draft(tmp_path), store, capsys, "--fetch", "--exchange-url", _closed_url(),
                          "--fx-url", _closed_url())
    assert code == 0 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "cannot reach binance" in lines[0] and "cannot reach ecb" in lines[1]
    assert {n["subject"] for n in f["notices"]} == {"BTC", "EUR"}
    assert _status(f, "$") == "unchecked" and not store.exists()


class _Hanging(Loopback):
    def answer(self, path, query):
        time.sleep(4)
        return 503, "text/plain", b"late"


def test_fetch_from_the_config_file_stops_at_its_hard_time_limit(tmp_path, capsys):
    (tmp_path / ".factcheck.toml").write_text("fetch = true\nfetch-timeout = 1\n", encoding="utf-8")
    draft = _draft(tmp_path)
    with _Hanging() as slow:
        start = time.monotonic()
        code, f, err = _check(draft, tmp_path / "store", capsys, "--exchange-url", slow.url, "--fx-url", slow.url)
        took = time.monotonic() - start
        assert slow.requests  # the config's fetch = true did reach out
    assert took < 3.5 and code == 0
    assert "--fetch: cannot reach binance" in err and {n["subject"] for n in f["notices"]} == {"BTC", "EUR"}


def test_without_fetch_the_check_never_touches_the_network(tmp_path, capsys):
    with FakeBinance() as exchange, FakeRates(TODAY, TODAY) as rates:
        _check(_draft(tmp_path), tmp_path / "store", capsys, "--exchange-url", exchange.url, "--fx-url", rates.url)
        assert exchange.requests == [] and rates.requests == []


def test_a_day_still_running_is_fetched_as_partial_and_the_last_complete_day_checks(tmp_path, capsys):
    store = tmp_path / "store"
    yesterday = TODAY - dt.timedelta(days=1)
    draft = _draft(tmp_path, day=TODAY, price=_close(yesterday), present=True)
    with FakeBinance(first_day=TODAY - dt.timedelta(days=30)) as exchange:
        code, f, _ = _check(draft, store, capsys, "--fetch", "--exchange-url", exchange.url, "--select", "market-data")
    rows = storefiles.read_rows(storefiles.series_path(store, "binance", "BTC", "USDT", "1d"))
    assert rows[-1].date == TODAY.isoformat() and rows[-1].final is False
    assert rows[-2].date == yesterday.isoformat() and rows[-2].final is True
    assert f["notices"] == [] and _status(f, "near $") == "verified"


def test_an_unknown_exchange_is_a_usage_error(tmp_path, capsys):
    code = main(["check", str(_draft(tmp_path)), "--fetch", "--exchange", "nosuchexchange"])
    assert code == 2 and "nosuchexchange" in capsys.readouterr().err


def test_a_close_of_today_is_not_over_yet_and_says_so_even_after_fetch(tmp_path, capsys):
    store = tmp_path / "store"
    draft = _draft(tmp_path, day=TODAY)  # "closed at ... on <today>": today's candle is still forming
    with FakeBinance(first_day=TODAY - dt.timedelta(days=30)) as exchange:
        code, f, _ = _check(draft, store, capsys, "--fetch", "--exchange-url", exchange.url, "--select", "price-level")
    rows = storefiles.read_rows(storefiles.series_path(store, "binance", "BTC", "USDT", "1d"))
    assert rows[-1].date == TODAY.isoformat() and rows[-1].final is False
    (btc,) = f["notices"]
    assert btc["subject"] == "BTC" and btc["needed"] == TODAY.isoformat() and "not over yet" in btc["message"]
    assert _status(f, "$") == "unchecked" and code == 0


def test_with_two_exchanges_stored_the_check_uses_the_one_asked_for_and_says_so(tmp_path, capsys):
    from fake_sources import FakeBitstamp

    store = tmp_path / "store"
    draft = _draft(tmp_path)
    with FakeBinance(first_day=TODAY - dt.timedelta(days=30)) as binance, \
            FakeBitstamp(first_day=TODAY - dt.timedelta(days=30)) as bitstamp:
        _check(draft, store, capsys, "--fetch", "--exchange-url", binance.url, "--select", "price-level")
        _, f, _ = _check(draft, store, capsys, "--fetch", "--exchange", "bitstamp", "--exchange-url", bitstamp.url,
                         "--select", "price-level")
        assert any(p.startswith("/api/v2/ohlc/btcusd/") for p in bitstamp.paths())  # binance's rows are no BTC/USD
    evidence = next(fig["evidence"] for fig in f["figures"] if fig["text"].startswith("$"))
    assert "BTC/USD 1d, bitstamp (local store)" in evidence
    _, f, _ = _check(draft, store, capsys, "--select", "price-level")
    evidence = next(fig["evidence"] for fig in f["figures"] if fig["text"].startswith("$"))
    assert "BTC/USDT 1d, binance (local store)" in evidence

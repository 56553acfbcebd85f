"""The data commands through the CLI: info lists the shipped history, update exits 3 when unreachable."""

from __future__ import annotations

import socket

from factcheck.cli import main


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_data_info_lists_shipped_data_and_the_store(tmp_path, capsys):
    assert main(["data", "info", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "shipped data" in out and "BTC" in out and str(tmp_path) in out


def test_data_update_unreachable_exchange_exits_3_and_leaves_the_store(tmp_path, capsys):
    store = tmp_path / "store"
    code = main(["data", "update", "--exchange", "binance", "--symbols", "BTC/USDT", "--since", "2026-01-01",
                 "--until", "2026-01-03", "--exchange-url", f"http://127.0.0.1:{closed_port()}",
                 "--data-dir", str(store)])
    err = capsys.readouterr().err
    assert code == 3 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not store.exists() or not any(store.rglob("*.csv"))


def test_data_update_bad_symbol_is_a_usage_error(tmp_path, capsys):
    code = main(["data", "update", "--symbols", "BTCUSDT", "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "BTCUSDT" in err and "Traceback" not in err


def test_data_update_without_symbols_asks_the_exchange_for_the_registry_assets(tmp_path, capsys):
    # issue 10 changes this: --symbols is optional (every registry asset the exchange lists); it used to be a usage
    # error. Against a closed port the exchange cannot be reached: exit 3, nothing written.
    store = tmp_path / "store"
    code = main(["data", "update", "--exchange-url", f"http://127.0.0.1:{closed_port()}", "--data-dir", str(store)])
    err = capsys.readouterr().err
    assert code == 3 and "cannot reach binance" in err and not store.exists()


def test_data_without_action_is_a_usage_error(capsys):
    assert main(["data"]) == 2
    assert "update" in capsys.readouterr().err

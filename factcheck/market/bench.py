"""Time loading the shipped market history: ``python -m factcheck.market.bench [--repeat N]``.

Each measurement runs in a fresh ``MarketData`` (files read again), after one warm-up import, and
reports the best of N runs in milliseconds. Also says whether pandas/ccxt got imported (they must not).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable

from factcheck.market.store import MarketData, open_market

CASES: list[tuple[str, Callable[[MarketData], object]]] = [
    ("BTC/USDT 1d: first candle (loads the file)", lambda m: m.candle("BTC", "2026-02-05")),
    ("ETH/USDT 1d: first candle", lambda m: m.candle("ETH", "2026-02-05")),
    ("SOL/USDT 1d: first candle", lambda m: m.candle("SOL", "2026-02-05")),
    ("XRP/USDT 1d: first candle", lambda m: m.candle("XRP", "2026-02-05")),
    ("USDT CoinGecko snapshot (index + one asset)", lambda m: m.snapshot("USDT", "2026-02-05")),
    ("KRW per USD, ECB daily table", lambda m: m.fx("KRW", "2026-02-05")),
    ("VND per USD, fawazahmed0 daily", lambda m: m.fx("VND", "2026-02-05")),
    ("VND per USD, HMRC monthly", lambda m: m.fx("VND", "2025-06-18")),
    ("BTC: all 3,133 candles parsed", lambda m: m.candles("BTC", "2017-08-17", "2026-03-15")),
    ("ETH: 36 candles (Jan 1 .. Feb 5 2026)", lambda m: m.candles("ETH", "2026-01-01", "2026-02-05")),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m factcheck.market.bench")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as empty_store:
        for label, case in CASES:
            best = float("inf")
            for _ in range(max(1, args.repeat)):
                market = open_market(empty_store)
                start = time.perf_counter()
                case(market)
                best = min(best, time.perf_counter() - start)
            print(f"{best * 1e3:7.2f} ms  {label}")
    heavy = [name for name in ("pandas", "numpy", "ccxt", "pint") if name in sys.modules]
    print(f"heavy modules imported: {heavy or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

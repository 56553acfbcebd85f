"""``factcheck data info``: what market history is available, shipped and in the user's store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store is imported when info runs, not when the CLI builds its parser
    from factcheck.market.store import DatasetInfo


def add_info_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default=None, type=Path, help="the store (default: user data dir)")


def _assets_text(info: DatasetInfo, width: int = 12) -> str:
    shown = ", ".join(info.assets[:width])
    more = len(info.assets) - width
    return shown + (f" (+{more} more)" if more > 0 else "")


def info_lines(data_dir: Path | None) -> list[str]:
    from factcheck.market.store import open_market

    market = open_market(data_dir)
    datasets = market.coverage()
    lines = [f"shipped data: {market.shipped_dir}"]
    for info in (d for d in datasets if d.where == "shipped"):
        unit = f", quote {info.quote}" if info.quote else ""
        lines.append(f"  {info.name}: {info.first} .. {info.last}, {info.rows} rows, source {info.source}{unit}")
        if info.title:
            lines.append(f"    {info.title}")
        if info.assets:
            lines.append(f"    {len(info.assets)} assets/currencies: {_assets_text(info)}")
        lines.extend(f"    {note}" for note in info.notes)
    store = [d for d in datasets if d.where == "store"]
    fx_files = []
    for source in market.fx_sources():
        days = sorted(source.store_rows()) if source.store_path is not None else []
        if days:
            fx_files.append(f"  {source.name} rates: {days[0]} .. {days[-1]}, {len(days)} days -> {source.store_path}")
    empty = not store and not fx_files
    lines.append(f"store: {market.store_dir}" + (" (empty: run `factcheck data update`)" if empty else ""))
    for info in store:
        lines.append(f"  {info.name}: {info.first} .. {info.last}, {info.rows} rows, quote {info.quote}")
        lines.extend(f"    {note}" for note in info.notes)
    lines.extend(fx_files)
    lines.append("sources (last day held, age):")
    lines.extend(f"  {line}" for line in source_lines(market))
    lines.append(
        "Binance prices are in USDT (not USD); CoinGecko snapshots and FX rates are per USD. "
        "The store wins where both have a row."
    )
    return lines


def _age(last, today) -> str:
    if last is None:
        return "no data"
    days = (today - last).days
    return f"{last}, {days} day{'s' * (days != 1)} old"


def source_lines(market, today=None) -> list[str]:
    """Each source's last day and age: candles per exchange, CoinGecko snapshots, each exchange-rate source."""
    import datetime as dt

    today = today or dt.datetime.now(dt.UTC).date()
    out = []
    by_exchange: dict[str, list[tuple[str, dt.date]]] = {}
    for series in (s for found in market._series_index().values() for s in found):
        days = series.days()
        if days:
            by_exchange.setdefault(series.exchange, []).append(
                (f"{series.base}/{series.quote}", dt.date.fromisoformat(days[-1]))
            )
    for exchange, spans in sorted(by_exchange.items()):
        last = max(d for _, d in spans)
        behind = sorted((d, sym) for sym, d in spans if d < last)
        note = f"; behind: {', '.join(f'{sym} {d}' for d, sym in behind[:6])}" if behind else ""
        out.append(f"{exchange} daily candles ({len(spans)} series): {_age(last, today)}{note}")
    from factcheck.market.store import price_specs

    for spec in price_specs("snapshots"):
        snaps = market.manifest(spec["shipped"])
        if snaps.get("last"):
            out.append(f"{spec['name']} daily snapshots: {_age(dt.date.fromisoformat(str(snaps['last'])), today)}")
    for source in market.fx_sources():
        refresh = f"; refresh: factcheck data update --fx {source.name}" if source.spec.refreshable else ""
        out.append(
            f"{source.name} rates ({source.kind}, preference {source.preference}): "
            f"{_age(source.last_day(), today)}{refresh}"
        )
    return out


def coverage_summary(market) -> str:
    """One line for a report's header: which market history a run could read, and to which day."""
    parts = []
    for info in market.coverage():
        where = ", your store" if info.where == "store" else ""
        parts.append(f"{info.name} {info.first} to {info.last}{where}")
    return "market data: " + ("; ".join(parts) if parts else "none")


def run_info(args: argparse.Namespace) -> int:
    """``factcheck data info``: prints the coverage; returns the exit code (0)."""
    out = sys.stdout
    for line in info_lines(getattr(args, "data_dir", None)):
        print(line, file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factcheck data info")
    add_info_arguments(parser)
    return run_info(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())

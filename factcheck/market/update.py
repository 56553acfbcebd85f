"""``factcheck data update``: fetch OHLCV through ccxt into the user's store.

ccxt (and rich, for the progress bar) are imported inside the functions that need them, never at module
level: this module is imported by the CLI on every start.

Behaviour:
- ``fetch_ohlcv`` page after page (``since`` moves past the last candle received) until the range is
  covered or the exchange has nothing more; ccxt's rate limiter is on (``enableRateLimit``).
- All symbols are fetched first; only then are the store files written, each atomically (temp file +
  ``os.replace``). A failure half-way leaves the store as it was.
- Idempotent: rows are keyed by candle open time. An existing final row is replaced only by a final
  candle (with the same key); a candle still forming when fetched (open time + timeframe > now) is stored
  with ``final=0``, never as final, and never over a final row. A file whose rows do not change is not
  rewritten.
- The exchange cannot be reached (network error, timeout, exchange down): :class:`ExchangeUnreachable`,
  exit code 3 with a one-line message, store untouched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.document import InputError
from factcheck.market import storefiles
from factcheck.market.paths import resolve_store_dir

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_UNREACHABLE = 3
DEFAULT_DAYS_BACK = 365  # first fetch of a symbol nobody has: one year back


class ExchangeUnreachable(Exception):
    """The exchange could not be reached (network error, timeout, exchange not available)."""


@dataclass(slots=True)
class SeriesUpdate:
    symbol: str
    path: Path
    fetched: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    partial: int = 0  # candles still forming when fetched (stored with final=0, or skipped)
    pages: int = 0
    written: bool = False
    first: str = ""
    last: str = ""


@dataclass(slots=True)
class UpdateResult:
    exchange: str
    timeframe: str
    store: Path
    series: list[SeriesUpdate] = field(default_factory=list)


# --- arguments -------------------------------------------------------------------------------------


def add_update_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``data update`` options (for the CLI's sub-parser)."""
    parser.add_argument("--exchange", default="binance", help="ccxt exchange id (default: binance)")
    parser.add_argument("--symbols", required=True, help="comma-separated, e.g. BTC/USDT,ETH/USDT")
    parser.add_argument("--timeframe", default="1d", help="candle timeframe (default: 1d)")
    parser.add_argument("--since", default=None, help="first day to fetch, YYYY-MM-DD (UTC)")
    parser.add_argument("--until", default=None, help="last day to fetch, YYYY-MM-DD (UTC; default: now)")
    parser.add_argument(
        "--exchange-url",
        default=None,
        help="replace the exchange's REST API root (scheme://host:port), for mirrors and tests",
    )
    parser.add_argument("--data-dir", default=None, type=Path, help="the store (default: user data dir)")
    parser.add_argument("--page-limit", default=None, type=int, help=argparse.SUPPRESS)


def _parse_day(text: str | None, flag: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{flag} must be a date YYYY-MM-DD, got {text!r}") from None


def _parse_symbols(text: str) -> list[str]:
    symbols = [s.strip().upper() for s in text.split(",") if s.strip()]
    if not symbols:
        raise InputError("--symbols: give at least one symbol, e.g. BTC/USDT")
    for sym in symbols:
        if sym.count("/") != 1 or not all(sym.split("/")):
            raise InputError(f"--symbols: {sym!r} is not BASE/QUOTE (e.g. BTC/USDT)")
    return symbols


def _ms(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp() * 1000)


def _day_of(ms: int) -> dt.date:
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).date()


def _row_date(ms: int, timeframe: str) -> str:
    moment = dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC)
    return moment.date().isoformat() if timeframe.endswith(("d", "w", "M")) else moment.strftime("%Y-%m-%dT%H:%MZ")


def _num(value: object) -> str:
    return repr(float(value)) if value is not None else ""


# --- the exchange ----------------------------------------------------------------------------------


def _override_api_root(urls: object, root: str) -> object:
    """Every URL in ccxt's ``urls['api']`` with its scheme://host[:port] replaced by ``root``."""
    from urllib.parse import urlsplit

    if isinstance(urls, dict):
        return {k: _override_api_root(v, root) for k, v in urls.items()}
    if isinstance(urls, str) and "://" in urls:
        parts = urlsplit(urls)
        rest = urls[len(f"{parts.scheme}://{parts.netloc}") :]
        return root.rstrip("/") + rest
    return urls


def make_exchange(exchange_id: str, exchange_url: str | None = None, timeout_ms: int = 10_000):
    import ccxt

    cls = getattr(ccxt, exchange_id.lower(), None) if exchange_id.lower() in ccxt.exchanges else None
    if cls is None:
        raise InputError(f"--exchange: unknown ccxt exchange {exchange_id!r}")
    config: dict = {"enableRateLimit": True, "timeout": timeout_ms}
    if exchange_id.lower() in ("binance", "binanceus"):
        # spot markets only: load_markets asks /api/v3/exchangeInfo and nothing else
        config["options"] = {"fetchMarkets": ["spot"], "fetchCurrencies": False}
    exchange = cls(config)
    if exchange_url:
        from urllib.parse import urlsplit

        parts = urlsplit(exchange_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(f"--exchange-url must be http(s)://host[:port], got {exchange_url!r}")
        exchange.urls["api"] = _override_api_root(exchange.urls.get("api"), exchange_url)
    return exchange


def _call(fn: Callable, *args, **kwargs):
    """Call ccxt, turning 'cannot reach' errors into ExchangeUnreachable and bad symbols into InputError."""
    import ccxt

    try:
        return fn(*args, **kwargs)
    except ccxt.BadSymbol as exc:
        raise InputError(f"--symbols: {exc}".splitlines()[0]) from None
    except (ccxt.NetworkError, ccxt.ExchangeNotAvailable, ccxt.OnMaintenance) as exc:
        detail = (str(exc).splitlines() or [""])[0][:300]
        raise ExchangeUnreachable(f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__) from None
    except ccxt.ExchangeError as exc:
        raise ExchangeUnreachable(f"exchange error: {str(exc).splitlines()[0][:300]}") from None


# --- fetching and merging --------------------------------------------------------------------------


def fetch_range(
    exchange,
    symbol: str,
    timeframe: str,
    since_ms: int,
    until_ms: int,
    page_limit: int | None,
    on_page: Callable[[int], None] | None = None,
) -> tuple[list[list], int]:
    """All candles with ``since_ms <= open time <= until_ms``, page after page. Returns (candles, pages)."""
    tf_ms = exchange.parse_timeframe(timeframe) * 1000
    by_ts: dict[int, list] = {}
    cursor, pages = since_ms, 0
    while cursor <= until_ms:
        batch = _call(
            exchange.fetch_ohlcv, symbol, timeframe, since=cursor, limit=page_limit, params={"until": until_ms}
        )
        pages += 1
        batch = [c for c in batch or [] if c and since_ms <= int(c[0]) <= until_ms]
        if not batch:
            break
        for candle in batch:
            by_ts[int(candle[0])] = candle
        if on_page is not None:
            on_page(len(batch))
        last = max(int(c[0]) for c in batch)
        if last + tf_ms <= cursor:  # no progress: stop rather than loop
            break
        cursor = last + tf_ms
    return [by_ts[k] for k in sorted(by_ts)], pages


def merge_rows(
    existing: list[storefiles.StoredRow], fresh: list[storefiles.StoredRow], report: SeriesUpdate
) -> tuple[list[storefiles.StoredRow], bool]:
    """Store rows after adding ``fresh``; the flag says whether anything changed."""
    rows = {r.timestamp_ms: r for r in existing}
    changed = False
    for new in fresh:
        old = rows.get(new.timestamp_ms)
        if old is None:
            rows[new.timestamp_ms] = new
            report.added += 1
            changed = True
        elif old == new:
            report.unchanged += 1
        elif old.final and not new.final:
            report.unchanged += 1  # a final row is never replaced by a candle still forming
        else:
            rows[new.timestamp_ms] = new
            report.replaced += 1
            changed = True
    return sorted(rows.values(), key=lambda r: r.timestamp_ms), changed


def _default_since(store: Path, exchange_id: str, base: str, quote: str, timeframe: str, until: dt.date) -> dt.date:
    """Resume after the last final candle we hold (store, then shipped), else a year back."""
    last = None
    for row in storefiles.read_rows(storefiles.series_path(store, exchange_id, base, quote, timeframe)):
        if row.final:
            last = row.date[:10]
    if last is None and exchange_id == "binance" and quote == "USDT" and timeframe == "1d":
        from factcheck.market.store import BINANCE_DIR, open_market

        info = open_market(store).manifest(BINANCE_DIR).get("assets", {}).get(base)
        last = info["last"] if info else None
    if last is None:
        return until - dt.timedelta(days=DEFAULT_DAYS_BACK)
    return min(dt.date.fromisoformat(last), until)  # re-fetch the last day: cheap, and catches corrections


def update_ohlcv(
    store: Path,
    exchange_id: str,
    symbols: list[str],
    timeframe: str = "1d",
    since: dt.date | None = None,
    until: dt.date | None = None,
    exchange_url: str | None = None,
    page_limit: int | None = None,
    progress: bool = False,
    now_ms: int | None = None,
) -> UpdateResult:
    """Fetch ``symbols`` and write them to ``store``. Raises ExchangeUnreachable or InputError."""
    exchange = make_exchange(exchange_id, exchange_url)
    exchange_id = exchange.id
    if timeframe not in (exchange.timeframes or {}):
        raise InputError(f"--timeframe: {exchange_id} has no timeframe {timeframe!r}")
    now = now_ms if now_ms is not None else int(time.time() * 1000)
    today = _day_of(now)
    last_day = min(until, today) if until else today
    tf_ms = exchange.parse_timeframe(timeframe) * 1000
    result = UpdateResult(exchange_id, timeframe, store)

    _call(exchange.load_markets)
    plans = []
    for symbol in symbols:
        if symbol not in exchange.markets:
            raise InputError(f"--symbols: {exchange_id} has no market {symbol}")
        base, quote = symbol.split("/")
        first_day = since or _default_since(store, exchange_id, base, quote, timeframe, last_day)
        if first_day > last_day:
            raise InputError(f"--since {first_day} is after --until {last_day}")
        plans.append((symbol, base, quote, _ms(first_day), _ms(last_day + dt.timedelta(days=1)) - 1))

    bar = _progress(progress, plans, tf_ms)
    fetched: list[tuple[SeriesUpdate, list[list]]] = []
    try:
        for symbol, base, quote, since_ms, until_ms in plans:
            path = storefiles.series_path(store, exchange_id, base, quote, timeframe)
            report = SeriesUpdate(symbol, path)
            task = bar.add_task(symbol, total=max(1, (until_ms - since_ms) // tf_ms + 1)) if bar else None
            advance = (lambda n, t=task: bar.advance(t, n)) if bar else None
            candles, report.pages = fetch_range(exchange, symbol, timeframe, since_ms, until_ms, page_limit, advance)
            fetched.append((report, candles))
    finally:
        if bar is not None:
            bar.stop()

    # everything fetched: now write, one atomic replace per file
    for report, candles in fetched:
        fresh = []
        for c in candles:
            ts = int(c[0])
            final = ts + tf_ms <= now
            report.partial += 0 if final else 1
            fresh.append(
                storefiles.StoredRow(
                    ts, _row_date(ts, timeframe), _num(c[1]), _num(c[2]), _num(c[3]), _num(c[4]), _num(c[5]), final
                )
            )
        report.fetched = len(fresh)
        if fresh:
            report.first, report.last = fresh[0].date, fresh[-1].date
        rows, changed = merge_rows(storefiles.read_rows(report.path), fresh, report)
        if changed:
            storefiles.write_rows_atomic(report.path, rows)
            report.written = True
        result.series.append(report)
    return result


def _progress(enabled: bool, plans: list, tf_ms: int):
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    bar.start()
    return bar


def run_update(args: argparse.Namespace) -> int:
    """``factcheck data update``: returns the exit code (0 ok, 2 usage, 3 exchange unreachable)."""
    try:
        symbols = _parse_symbols(args.symbols)
        since = _parse_day(getattr(args, "since", None), "--since")
        until = _parse_day(getattr(args, "until", None), "--until")
        if since and until and since > until:
            raise InputError(f"--since {since} is after --until {until}")
        store = resolve_store_dir(getattr(args, "data_dir", None))
        result = update_ohlcv(
            store,
            args.exchange,
            symbols,
            getattr(args, "timeframe", "1d") or "1d",
            since,
            until,
            getattr(args, "exchange_url", None),
            getattr(args, "page_limit", None),
            progress=sys.stderr.isatty(),
        )
    except ExchangeUnreachable as exc:
        print(f"factcheck: cannot reach {args.exchange}: {exc}; store left unchanged", file=sys.stderr)
        return EXIT_UNREACHABLE
    except InputError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for s in result.series:
        span = f"{s.first} .. {s.last}" if s.fetched else "nothing in range"
        partial = f", {s.partial} still forming (kept as partial)" if s.partial else ""
        print(
            f"{result.exchange} {s.symbol} {result.timeframe}: {s.fetched} candles {span} in {s.pages} page(s); "
            f"{s.added} added, {s.replaced} replaced, {s.unchanged} unchanged{partial} -> {s.path}"
        )
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factcheck data update")
    add_update_arguments(parser)
    return run_update(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())

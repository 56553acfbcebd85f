"""``factcheck data update``: fetch OHLCV through ccxt, and exchange rates (``--fx``), into the user's store.

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
- Without ``--symbols``, every asset of the assets registry (rules/assets.toml) that the exchange lists against
  ``--quote`` (ccxt's own market list and symbol mapping) is refreshed. ``--fx`` refreshes exchange rates
  (factcheck.market.update_fx) instead, ``--all`` both; all sources are fetched before anything is written.
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
from factcheck.market.sources import SourceUnreachable

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_UNREACHABLE = 3
DEFAULT_DAYS_BACK = 365  # first fetch of a symbol nobody has: one year back


class ExchangeUnreachable(SourceUnreachable):
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
    parser.add_argument(
        "--exchange", default="binance", help="any ccxt exchange id with daily OHLCV (default: binance)"
    )
    parser.add_argument(
        "--symbols", default=None, help="comma-separated, e.g. BTC/USDT,ETH/USDT (default: every registry asset listed)"
    )
    parser.add_argument("--quote", default="USDT", help="quote currency without --symbols (default: USDT)")
    parser.add_argument("--fx", default=None, metavar="SOURCE", help="refresh exchange rates: ecb, fawazahmed0, all")
    parser.add_argument("--all", action="store_true", help="refresh candles and exchange rates")
    parser.add_argument("--fx-url", default=None, help="replace the rate source's URL root, for mirrors and tests")
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
    if not exchange.has.get("fetchOHLCV"):
        raise InputError(f"--exchange: {exchange.id} has no OHLCV history in ccxt")
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
    deadline: float | None = None,
) -> tuple[list[list], int]:
    """All candles with ``since_ms <= open time <= until_ms``, page after page. Returns (candles, pages).
    ``deadline`` (time.monotonic): past it, ExchangeUnreachable; each request waits at most until then."""
    tf_ms = exchange.parse_timeframe(timeframe) * 1000
    by_ts: dict[int, list] = {}
    cursor, pages = since_ms, 0
    while cursor <= until_ms:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ExchangeUnreachable("time limit reached")
            exchange.timeout = max(1, min(int(exchange.timeout), int(left * 1000)))
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
    """Resume after the last final candle we hold (store, then shipped candles, then the asset's last snapshot),
    else a year back."""
    last = None
    for row in storefiles.read_rows(storefiles.series_path(store, exchange_id, base, quote, timeframe)):
        if row.final:
            last = row.date[:10]
    if last is None and timeframe == "1d":
        from factcheck.market.store import open_market

        market = open_market(store)
        span = market.candle_span(base, quote, exchange=exchange_id)  # the shipped candles of that exchange
        if span is not None:
            last = span[1].isoformat()
        else:
            snap = market.snapshot_last_day(base) if market.coin(base) is not None else None
            last = snap.isoformat() if snap else None
    if last is None:
        return until - dt.timedelta(days=DEFAULT_DAYS_BACK)
    return min(dt.date.fromisoformat(last), until)  # re-fetch the last day: cheap, and catches corrections


def registry_symbols(exchange, quote: str) -> list[str]:
    """``BASE/QUOTE`` for every asset of rules/assets.toml that the exchange lists as a spot market (ccxt's
    unified symbols: ccxt maps the exchange's own codes, e.g. Kraken's XBT, to the common ticker)."""
    from factcheck.resources import load_rules_file

    quote = quote.upper()
    out = []
    for asset in load_rules_file("assets.toml").get("asset", []):
        symbol = f"{str(asset['ticker']).upper()}/{quote}"
        market = exchange.markets.get(symbol) if exchange.markets else None
        if market is not None and market.get("spot", True) and market.get("active") is not False and symbol not in out:
            out.append(symbol)
    return out


@dataclass(slots=True)
class OhlcvPlan:
    symbol: str
    base: str
    quote: str
    since_ms: int
    until_ms: int


def plan_ohlcv(
    exchange,
    store: Path,
    symbols: list[str] | None,
    quote: str,
    timeframe: str,
    since: dt.date | None,
    last_day: dt.date,
) -> list[OhlcvPlan]:
    """What to fetch for each symbol (every registry asset the exchange lists when ``symbols`` is None)."""
    _call(exchange.load_markets)
    if symbols is None:
        symbols = registry_symbols(exchange, quote)
        if not symbols:
            raise InputError(f"--quote: {exchange.id} lists no asset of the registry against {quote.upper()}")
    plans = []
    for symbol in symbols:
        if symbol not in exchange.markets:
            raise InputError(f"--symbols: {exchange.id} has no market {symbol}")
        base, q = symbol.split("/")
        first_day = since or _default_since(store, exchange.id, base, q, timeframe, last_day)
        if first_day > last_day:
            raise InputError(f"--since {first_day} is after --until {last_day}")
        plans.append(OhlcvPlan(symbol, base, q, _ms(first_day), _ms(last_day + dt.timedelta(days=1)) - 1))
    return plans


def fetch_ohlcv(
    exchange,
    store: Path,
    plans: list[OhlcvPlan],
    timeframe: str,
    page_limit: int | None,
    bar=None,
    deadline: float | None = None,
    on_done: Callable[[SeriesUpdate], None] | None = None,
) -> list[tuple[SeriesUpdate, list[list]]]:
    """Every plan's candles (nothing written). ``deadline`` (time.monotonic) is a hard limit on the whole fetch."""
    tf_ms = exchange.parse_timeframe(timeframe) * 1000
    fetched: list[tuple[SeriesUpdate, list[list]]] = []
    for plan in plans:
        report = SeriesUpdate(plan.symbol, storefiles.series_path(store, exchange.id, plan.base, plan.quote, timeframe))
        task = bar.add_task(plan.symbol, total=max(1, (plan.until_ms - plan.since_ms) // tf_ms + 1)) if bar else None
        advance = (lambda n, t=task: bar.advance(t, n)) if bar else None
        candles, report.pages = fetch_range(
            exchange, plan.symbol, timeframe, plan.since_ms, plan.until_ms, page_limit, advance, deadline
        )
        fetched.append((report, candles))
        if on_done is not None:
            on_done(report)
    return fetched


def write_ohlcv(fetched: list[tuple[SeriesUpdate, list[list]]], timeframe: str, tf_ms: int, now: int) -> None:
    """Merge each series into its store file, one atomic replace per file that changes."""
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


def update_ohlcv(
    store: Path,
    exchange_id: str,
    symbols: list[str] | None,
    timeframe: str = "1d",
    since: dt.date | None = None,
    until: dt.date | None = None,
    exchange_url: str | None = None,
    page_limit: int | None = None,
    progress: bool = False,
    now_ms: int | None = None,
    quote: str = "USDT",
) -> UpdateResult:
    """Fetch ``symbols`` (None: every registry asset the exchange lists against ``quote``) and write them to
    ``store``. Raises ExchangeUnreachable or InputError."""
    exchange, plans, now = prepare_ohlcv(
        store, exchange_id, symbols, timeframe, since, until, exchange_url, now_ms, quote
    )
    result = UpdateResult(exchange.id, timeframe, store)
    bar = _progress(progress)
    try:
        fetched = fetch_ohlcv(exchange, store, plans, timeframe, page_limit, bar)
    finally:
        if bar is not None:
            bar.stop()
    write_ohlcv(fetched, timeframe, exchange.parse_timeframe(timeframe) * 1000, now)
    result.series = [report for report, _ in fetched]
    return result


def prepare_ohlcv(
    store: Path,
    exchange_id: str,
    symbols: list[str] | None,
    timeframe: str = "1d",
    since: dt.date | None = None,
    until: dt.date | None = None,
    exchange_url: str | None = None,
    now_ms: int | None = None,
    quote: str = "USDT",
    timeout_ms: int = 10_000,
):
    """(exchange, plans, now in ms): the exchange client, its markets loaded, and what to fetch."""
    exchange = make_exchange(exchange_id, exchange_url, timeout_ms)
    if timeframe not in (exchange.timeframes or {}):
        raise InputError(f"--timeframe: {exchange.id} has no timeframe {timeframe!r}")
    now = now_ms if now_ms is not None else int(time.time() * 1000)
    today = _day_of(now)
    last_day = min(until, today) if until else today
    return exchange, plan_ohlcv(exchange, store, symbols, quote, timeframe, since, last_day), now


def _progress(enabled: bool):
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
    """``factcheck data update``: returns the exit code (0 ok, 2 usage, 3 a source unreachable).

    Candles (``--symbols``, or every registry asset the exchange lists) unless only ``--fx`` is given; rates with
    ``--fx`` or ``--all``. Everything is fetched before anything is written: a source that cannot be reached
    leaves the whole store as it was."""
    try:
        symbols = _parse_symbols(args.symbols) if getattr(args, "symbols", None) else None
        since = _parse_day(getattr(args, "since", None), "--since")
        until = _parse_day(getattr(args, "until", None), "--until")
        if since and until and since > until:
            raise InputError(f"--since {since} is after --until {until}")
        store = resolve_store_dir(getattr(args, "data_dir", None))
        fx_text, everything = getattr(args, "fx", None), bool(getattr(args, "all", False))
        want_fx = bool(fx_text) or everything
        want_candles = everything or symbols is not None or not want_fx
        timeframe = getattr(args, "timeframe", "1d") or "1d"
        quote = (getattr(args, "quote", None) or "USDT").upper()
        tty = sys.stderr.isatty()
        now = int(time.time() * 1000)
        fx_sources: list = []
        fx_names: list[str] = []
        if want_fx:
            from factcheck.market.store import open_market
            from factcheck.market.update_fx import parse_fx_names, refreshable

            available = refreshable(open_market(store).shipped_dir, store)
            fx_names = parse_fx_names(fx_text, available)
            fx_sources = [available[n] for n in fx_names]
        exchange = plans = None
        if want_candles:
            exchange, plans, now = prepare_ohlcv(
                store, args.exchange, symbols, timeframe, since, until, getattr(args, "exchange_url", None), now, quote
            )
        fetched, fx_reports = _fetch_all(args, exchange, plans, store, timeframe, fx_sources, since, until, now, tty)
    except SourceUnreachable as exc:
        print(f"factcheck: cannot reach {_unreached(exc, args)}: {exc}; store left unchanged", file=sys.stderr)
        return EXIT_UNREACHABLE
    except InputError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return EXIT_USAGE
    # everything fetched: now write, one atomic replace per file
    if exchange is not None:
        write_ohlcv(fetched, timeframe, exchange.parse_timeframe(timeframe) * 1000, now)
        for s in (report for report, _ in fetched):
            span = f"{s.first} .. {s.last}" if s.fetched else "nothing in range"
            partial = f", {s.partial} still forming (kept as partial)" if s.partial else ""
            print(
                f"{exchange.id} {s.symbol} {timeframe}: {s.fetched} candles {span} in {s.pages} page(s); "
                f"{s.added} added, {s.replaced} replaced, {s.unchanged} unchanged{partial} -> {s.path}"
            )
    if fx_sources:
        from factcheck.market.update_fx import describe, write_fx

        write_fx(fx_sources, fx_reports)
        for report in fx_reports:
            print(describe(report))
    return EXIT_OK


def _unreached(exc: Exception, args: argparse.Namespace) -> str:
    return getattr(exc, "source", "") or (args.exchange if isinstance(exc, ExchangeUnreachable) else "the rate source")


def _fetch_all(args, exchange, plans, store, timeframe, fx_sources, since, until, now, tty):
    """Candles then rates, all in memory; a progress bar on a terminal."""
    from factcheck.market.update_fx import fetch_fx

    bar = _progress(tty)
    fetched: list = []
    fx_reports: list = []
    try:
        if exchange is not None:
            fetched = fetch_ohlcv(exchange, store, plans, timeframe, getattr(args, "page_limit", None), bar)
        if fx_sources:
            last_day = min(until, _day_of(now)) if until else _day_of(now)
            task = bar.add_task("exchange rates", total=len(fx_sources)) if bar else None
            for source in fx_sources:
                try:
                    fx_reports += fetch_fx([source], since, last_day, getattr(args, "fx_url", None))
                except SourceUnreachable as exc:
                    exc.source = source.name  # type: ignore[attr-defined]
                    raise
                if bar is not None:
                    bar.advance(task, 1)
    finally:
        if bar is not None:
            bar.stop()
    return fetched, fx_reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factcheck data update")
    add_update_arguments(parser)
    return run_update(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())

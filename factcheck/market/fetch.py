"""``check --fetch``: fetch exactly the candles and rates a draft's claims need and the store lacks.

The needs come from factcheck.checks.needs (the claims the market checks read); what the data already holds is
left alone. Candles go through the same code as ``data update`` (factcheck.market.update: the exchange of
``--exchange``/``--exchange-url``), rates through factcheck.market.update_fx (``--fx-url``). The fetched rows stay
in the store. One hard time limit covers the whole run (``fetch-timeout``, seconds); a source that cannot be
reached, or the limit, leaves the claims that need it not checkable, with one warning line, and the check goes on.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Any

from factcheck.market.sources import SourceUnreachable

if TYPE_CHECKING:
    from factcheck.checks.needs import Need
    from factcheck.market.store import MarketData

DEFAULT_TIMEOUT = 30.0


class Fetcher:
    """What one run has fetched and failed to fetch, and its deadline (time.monotonic)."""

    def __init__(self, store, exchange: str | None, exchange_url: str | None, fx_url: str | None, timeout: float):
        self.store = store
        self.exchange_id = (exchange or "binance").lower()
        self.explicit_exchange = exchange is not None
        self.exchange_url = exchange_url
        self.fx_url = fx_url
        self.deadline = time.monotonic() + timeout
        self.failed: set[str] = set()  # sources that could not be reached: not asked again in this run
        self.warnings: list[str] = []
        self.done: set[tuple[str, str, dt.date, dt.date]] = set()
        self._exchange: Any = None

    def _warn(self, source: str, exc: Exception, what: str) -> None:
        self.failed.add(source)
        self.warnings.append(f"--fetch: cannot reach {source} ({exc}); the claims that need {what} are not checked")

    def fetch(self, needs: list[Need], market: MarketData) -> bool:
        """Fetch what ``needs`` lack into the store; True when anything was written."""
        today = dt.datetime.now(dt.UTC).date()
        assets: dict[str, tuple[dt.date, dt.date]] = {}
        currencies: dict[str, tuple[dt.date, dt.date]] = {}
        for need in needs:
            if need.kind == "asset":
                if self.explicit_exchange:  # --exchange: what that exchange's candles lack
                    span = market.candle_span(need.subject, exchange=self.exchange_id)
                    last = span[1] if span else None
                else:
                    last = market.price_last_day(need.subject)
                if last is not None and need.enough <= last:
                    continue
                target = assets
            else:
                from factcheck.market.stale import currency_last_day, is_stale

                last, granularity = currency_last_day(market, need.subject)
                if last is not None and not is_stale(need, last, granularity):
                    continue
                target = currencies
            first, end = need.first, min(need.last, today)
            if first > end:
                continue
            if need.subject in target:
                first, end = min(first, target[need.subject][0]), max(end, target[need.subject][1])
            target[need.subject] = (first, end)
        wrote = False
        if assets and self.exchange_id not in self.failed:
            wrote |= self._candles(assets)
        if currencies:
            wrote |= self._rates(currencies, market)
        return wrote

    def _candles(self, assets: dict[str, tuple[dt.date, dt.date]]) -> bool:
        from factcheck.market import update

        try:
            if self._exchange is None:
                left = self._left()
                self._exchange = update.make_exchange(
                    self.exchange_id, self.exchange_url, timeout_ms=max(1, int(min(10.0, left) * 1000))
                )
                update._call(self._exchange.load_markets)
            exchange = self._exchange
            plans = []
            for asset, (first, last) in sorted(assets.items()):
                key = ("candles", asset, first, last)
                symbol = next(
                    (f"{asset}/{q}" for q in ("USDT", "USD", "USDC") if f"{asset}/{q}" in exchange.markets), None
                )
                if symbol is None or key in self.done:
                    continue
                self.done.add(key)
                base, quote = symbol.split("/")
                plans.append(
                    update.OhlcvPlan(
                        symbol, base, quote, update._ms(first), update._ms(last + dt.timedelta(days=1)) - 1
                    )
                )
            if not plans:
                return False
            fetched = update.fetch_ohlcv(exchange, self.store, plans, "1d", None, deadline=self.deadline)
        except SourceUnreachable as exc:
            self._warn(self.exchange_id, exc, ", ".join(sorted(assets)) + " prices")
            return False
        update.write_ohlcv(fetched, "1d", 86_400_000, int(time.time() * 1000))
        return any(report.written for report, _ in fetched)

    def _rates(self, currencies: dict[str, tuple[dt.date, dt.date]], market: MarketData) -> bool:
        from factcheck.market.update_fx import fetch_fx, write_fx

        by_source: dict[str, list[str]] = {}
        for cur in sorted(currencies):
            name = market.fx_source_for(cur)
            if name is not None and name not in self.failed:
                by_source.setdefault(name, []).append(cur)
        wrote = False
        sources = {s.name: s for s in market.fx_sources()}
        for name, curs in by_source.items():
            first = min(currencies[c][0] for c in curs)
            last = max(currencies[c][1] for c in curs)
            key = ("rates", name, first, last)
            if key in self.done:
                continue
            self.done.add(key)
            source = sources[name]
            held = source.last_day()
            since = max(first, held + dt.timedelta(days=1)) if held and held < last else first
            try:
                reports = fetch_fx([source], since, last, self.fx_url, deadline=self.deadline)
            except SourceUnreachable as exc:
                self._warn(name, exc, ", ".join(curs) + " exchange rates")
                continue
            write_fx([source], reports)
            wrote |= any(r.written for r in reports)
        return wrote

    def _left(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise SourceUnreachable("time limit reached")
        return left


def fetch_for(ctx, checker) -> Any:
    """Fetch what the document in ``ctx`` needs; returns the market to check against (reopened when the store
    changed). The run's :class:`Fetcher` lives on the checker."""
    from factcheck.checks.needs import claim_needs
    from factcheck.market.paths import resolve_store_dir

    settings = checker.settings
    fetcher = getattr(checker, "fetcher", None)
    if fetcher is None:
        fetcher = Fetcher(
            resolve_store_dir(settings.data_dir),
            settings.exchange,
            settings.exchange_url,
            settings.fx_url,
            settings.fetch_timeout,
        )
        checker.fetcher = fetcher
    from factcheck.document import InputError

    try:
        wrote = fetcher.fetch(claim_needs(ctx), ctx.market)
    except InputError as exc:  # an unknown --exchange: one line, the check goes on without fetching
        fetcher.failed.add(fetcher.exchange_id)
        fetcher.warnings.append(f"--fetch: {exc}")
        wrote = False
    for warning in fetcher.warnings:
        if warning not in checker.warnings:
            checker.warnings.append(warning)
    if not wrote:
        return ctx.market
    checker._market_opened = False
    return checker.market()


def check_options(settings) -> None:
    """Raise ConfigError for an exchange ccxt does not know or a URL that is not http(s)."""
    from factcheck.config import ConfigError
    from factcheck.market.sources import check_url

    try:
        for flag, url in (("--exchange-url", settings.exchange_url), ("--fx-url", settings.fx_url)):
            if url:
                check_url(url, flag)
    except Exception as exc:  # InputError: one line
        raise ConfigError(str(exc)) from None
    if settings.exchange:
        import ccxt

        if settings.exchange.lower() not in ccxt.exchanges:
            raise ConfigError(f"--exchange: unknown ccxt exchange {settings.exchange!r}")

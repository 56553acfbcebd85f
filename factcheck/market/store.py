"""Market history lookups for checks: shipped data (``data/``) merged with the user's store.

``open_market(data_dir)`` is cheap: files are read the first time an asset (or FX table) is asked for,
and each line is parsed only when its day is asked for. Stdlib only (csv-free line splitting, tomllib):
no pandas, no ccxt on this path.

Every result carries ``source``, the string findings cite, e.g. ``"data: BTC/USDT 1d, binance, 2026-02-05"``.
Prices from Binance are in USDT (``quote="USDT"``), not USD; CoinGecko snapshots and FX rates are per USD.
"""

from __future__ import annotations

import bisect
import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.market.paths import resolve_store_dir
from factcheck.resources import data_dir as shipped_data_dir

if TYPE_CHECKING:
    from factcheck.market import storefiles

BINANCE_DIR = "binance-spot-1d"
# storefiles.OHLCV_DIR: the store's candle folder. storefiles (two dataclasses, ~3 ms to define) is imported
# only when the user's store has one.
STORE_OHLCV_DIR = "ohlcv"
COINGECKO_DIR = "coingecko-top100"
ECB_DIR = "ecb-fx-daily"
HMRC_DIR = "hmrc-fx-monthly"
FAWAZ_DIR = "fawazahmed0-fx"

QUOTE_PREFERENCE = ("USDT", "USD", "USDC", "FDUSD", "BUSD")
FX_MAX_STALE_DAYS = 4  # a weekend plus a holiday (Easter: Thursday's rate for Monday)

DayLike = dt.date | str
_MISSING = object()


def _as_day(day: DayLike) -> dt.date:
    if isinstance(day, dt.datetime):
        return day.date()
    if isinstance(day, dt.date):
        return day
    return dt.date.fromisoformat(day)


@dataclass(slots=True)
class Candle:
    day: dt.date
    open: float
    high: float
    low: float
    close: float
    volume: float  # in the base asset
    quote: str  # "USDT" for Binance spot: USDT is not USD
    source: str  # "data: BTC/USDT 1d, binance, 2026-02-05"
    final: bool = True  # False only for a store row fetched while the day was still running

    @property
    def date(self) -> dt.date:
        return self.day


@dataclass(slots=True)
class PricePoint:
    value: float
    quote: str
    day: dt.date
    source: str
    kind: str  # "close" (a daily candle's close) or "snapshot" (CoinGecko, one price per day)
    asset: str = ""
    time_utc: str | None = None  # for snapshots: when the price was taken (HH:MM:SS)

    @property
    def date(self) -> dt.date:
        return self.day


@dataclass(slots=True)
class Rate:
    currency: str
    units_per_usd: float
    day: dt.date  # the day whose rate was used (may precede the day asked for); 1st of month for monthly
    granularity: str  # "daily" | "monthly"
    source: str  # "data: KRW per USD, ECB reference rate, 2026-02-05"
    requested: dt.date | None = None

    @property
    def value(self) -> float:
        return self.units_per_usd

    def to_usd(self, amount: float) -> float:
        """``amount`` in this currency, in USD."""
        return amount / self.units_per_usd


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    name: str
    assets: list[str]
    first: str
    last: str
    source: str
    rows: int
    where: str  # "shipped" | "store"
    quote: str = ""
    title: str = ""
    path: str = ""
    notes: list[str] = field(default_factory=list)


# --- daily OHLCV series ------------------------------------------------------------------------------


_COLUMNS = ("open", "high", "low", "close")


class _Series:
    """Daily candles of one (exchange, base, quote): shipped lines plus store rows (store wins)."""

    def __init__(self, exchange: str, base: str, quote: str) -> None:
        self.exchange, self.base, self.quote = exchange, base, quote
        self.shipped_path: Path | None = None
        self.store_path: Path | None = None
        self._shipped: dict[str, str] | None = None
        self._store: dict[str, storefiles.StoredRow] | None = None
        self._cache: dict[str, Candle | None] = {}
        self._days: list[str] | None = None
        self._columns: dict[str, list[float]] = {}  # price columns of the final candles, parallel to days()
        self._cache_partial: dict[str, Candle | None] = {}
        self._shipped_label = f"data: {base}/{quote} 1d, {exchange}, "
        self.warnings: list[str] | None = None  # the MarketData's list: one line per bad store file

    def _load(self) -> None:
        if self._shipped is None:
            self._shipped = {}
            if self.shipped_path is not None:
                lines = self.shipped_path.read_text(encoding="utf-8").splitlines()[1:]
                self._shipped = {ln[:10]: ln for ln in lines if ln}
        if self._store is None:
            self._store = {}
            if self.store_path is not None:
                from factcheck.market.storecheck import read_valid_rows

                rows, warning = read_valid_rows(self.store_path)
                if warning and self.warnings is not None and warning not in self.warnings:
                    self.warnings.append(warning)
                for row in rows:
                    self._store[row.date[:10]] = row

    def days(self) -> list[str]:
        """Sorted ISO days with a final candle (shipped or store)."""
        if self._days is None:
            self._load()
            assert self._shipped is not None and self._store is not None
            days = list(self._shipped)  # file order: already sorted, so the sort below is linear
            days += [d for d, r in self._store.items() if r.final and d not in self._shipped]
            days.sort()
            self._days = days
        return self._days

    def highs(self) -> list[float]:
        """The high of each day of :meth:`days` (what :meth:`get` would give), without building candles."""
        return self.column("high")

    def column(self, name: str) -> list[float]:
        """One price column ("open", "high", "low", "close") of each day of :meth:`days`, without building
        candles (cached)."""
        hit = self._columns.get(name)
        if hit is None:
            days = self.days()
            assert self._shipped is not None and self._store is not None
            store, shipped = self._store, self._shipped
            k = _COLUMNS.index(name) + 1  # the shipped line is date,open,high,low,close,volume
            hit = []
            for iso in days:
                row = store.get(iso) if store else None
                final = row is not None and row.final
                hit.append(float(getattr(row, name)) if final else float(shipped[iso].split(",", k + 1)[k]))
            self._columns[name] = hit
        return hit

    def _label(self, iso: str, where: str) -> str:
        place = self.exchange if where == "shipped" else f"{self.exchange} (local store)"
        return f"data: {self.base}/{self.quote} 1d, {place}, {iso}"

    def get(self, iso: str, include_partial: bool = False) -> Candle | None:
        cache = self._cache_partial if include_partial else self._cache
        hit = cache.get(iso, _MISSING)
        if hit is not _MISSING:
            return hit  # type: ignore[return-value]
        if self._shipped is None or self._store is None:
            self._load()
        assert self._shipped is not None and self._store is not None
        candle = None
        row = self._store.get(iso) if self._store else None
        if row is not None and (row.final or include_partial):
            candle = Candle(
                dt.date.fromisoformat(iso),
                float(row.open),
                float(row.high),
                float(row.low),
                float(row.close),
                float(row.volume),
                self.quote,
                self._label(iso, "store"),
                row.final,
            )
        else:
            line = self._shipped.get(iso)
            if line is not None:
                _, o, h, lo, c, v = line.split(",")
                candle = Candle(
                    dt.date.fromisoformat(iso),
                    float(o),
                    float(h),
                    float(lo),
                    float(c),
                    float(v),
                    self.quote,
                    self._shipped_label + iso,
                )
        cache[iso] = candle
        return candle


# --- CoinGecko snapshots -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Coin:
    symbol: str
    name: str
    file: str
    primary: bool
    median_rank: float
    rows: dict[str, str] | None = None


# --- the public object -------------------------------------------------------------------------------


class MarketData:
    """Shipped history merged with the user's store. Build it with :func:`open_market`."""

    def __init__(self, shipped_dir: Path, store_dir: Path | None, prefer_exchange: str | None = None) -> None:
        self.shipped_dir = shipped_dir
        self.store_dir = store_dir
        self.prefer_exchange = prefer_exchange.lower() if prefer_exchange else None  # check --exchange: asked first
        self._manifests: dict[str, dict] = {}
        self._series: dict[str, list[_Series]] | None = None  # base -> candidates, preferred first
        self._coins: dict[str, list[_Coin]] | None = None  # SYMBOL -> coins (primary first)
        self._coin_names: dict[str, _Coin] = {}
        self._fx_sources: list | None = None
        self._fx_cache: dict[tuple[str, dt.date], Rate | None] = {}
        self.warnings: list[str] = []  # one line per store file with bad rows or that cannot be read

    # manifests
    def manifest(self, dataset: str) -> dict:
        if dataset not in self._manifests:
            path = self.shipped_dir / dataset / "manifest.toml"
            try:
                with open(path, "rb") as fh:
                    self._manifests[dataset] = tomllib.load(fh)
            except FileNotFoundError:
                self._manifests[dataset] = {}
        return self._manifests[dataset]

    # candles
    def _series_index(self) -> dict[str, list[_Series]]:
        if self._series is not None:
            return self._series
        by_key: dict[tuple[str, str, str], _Series] = {}
        exchange_rank: dict[str, int] = {}
        for spec in price_specs("candles"):  # shipped candle datasets (rules/sources.toml [[prices]])
            shipped = self.manifest(spec["shipped"])
            exchange = shipped.get("exchange", spec["name"])
            exchange_rank.setdefault(exchange, int(spec.get("preference", 99)))
            quote = shipped.get("quote", "USDT")
            for base, info in shipped.get("assets", {}).items():
                series = by_key.setdefault((exchange, base, quote), _Series(exchange, base, quote))
                series.shipped_path = self.shipped_dir / spec["shipped"] / info["file"]
        if self.store_dir is not None and (self.store_dir / STORE_OHLCV_DIR).is_dir():
            from factcheck.market import storefiles

            try:
                listed = storefiles.list_series(self.store_dir)
            except OSError as exc:
                listed = []
                self.warnings.append(f"market store {self.store_dir} cannot be listed ({exc.strerror or exc}); ignored")
            for sf in listed:
                if sf.timeframe != "1d":
                    continue
                series = by_key.setdefault((sf.exchange, sf.base, sf.quote), _Series(sf.exchange, sf.base, sf.quote))
                series.store_path = sf.path
                series.warnings = self.warnings
        index: dict[str, list[_Series]] = {}
        for series in by_key.values():
            index.setdefault(series.base, []).append(series)

        def rank(s: _Series) -> tuple:
            q = QUOTE_PREFERENCE.index(s.quote) if s.quote in QUOTE_PREFERENCE else len(QUOTE_PREFERENCE)
            preferred = self.prefer_exchange is not None and s.exchange != self.prefer_exchange
            return (preferred, q, s.quote, exchange_rank.get(s.exchange, 1000), s.exchange)

        for candidates in index.values():
            candidates.sort(key=rank)
        self._series = index
        return index

    def _candidates(self, asset: str, quote: str | None) -> list[_Series]:
        found = self._series_index().get(asset.upper(), [])
        if quote is not None:
            found = [s for s in found if s.quote == quote.upper()]
        return found

    def candle(
        self, asset: str, day: DayLike, quote: str | None = None, *, include_partial: bool = False
    ) -> Candle | None:
        """The daily candle of ``asset`` (ticker, e.g. "BTC") on ``day`` (UTC), or None if not covered.

        ``quote`` None: USDT first, then other quotes. A store row beats a shipped row; a store row for a
        day that was still running when fetched (``final=False``) is ignored unless ``include_partial``.
        """
        iso = _as_day(day).isoformat()
        for series in self._candidates(asset, quote):
            candle = series.get(iso, include_partial)
            if candle is not None:
                return candle
        return None

    def candles(self, asset: str, start: DayLike, end: DayLike, quote: str | None = None) -> list[Candle]:
        """Final daily candles from ``start`` to ``end`` inclusive, in day order (days not covered skipped)."""
        first, last = _as_day(start).isoformat(), _as_day(end).isoformat()
        candidates = self._candidates(asset, quote)
        if not candidates or last < first:
            return []
        if len(candidates) == 1:
            days = candidates[0].days()
        else:
            days = sorted({d for series in candidates for d in series.days()})
        days = days[bisect.bisect_left(days, first) : bisect.bisect_right(days, last)]
        out = []
        for iso in days:
            for series in candidates:
                candle = series.get(iso)
                if candle is not None:
                    out.append(candle)
                    break
        return out

    def peak(
        self, asset: str, start: DayLike, end: DayLike, quote: str | None = None, by: str = "high"
    ) -> Candle | None:
        """The final candle with the highest ``by`` ("high", or "close" for a record on a closing basis) from
        ``start`` to ``end`` inclusive (the earliest such day), as ``max(self.candles(asset, start, end, quote),
        key=by)`` gives it, or None if no day is covered."""
        candidates = self._candidates(asset, quote)
        if len(candidates) != 1:
            found = self.candles(asset, start, end, quote)
            return max(found, key=lambda c: getattr(c, by)) if found else None
        series = candidates[0]
        first, last = _as_day(start).isoformat(), _as_day(end).isoformat()
        days, values = series.days(), series.column(by)
        lo, hi = bisect.bisect_left(days, first), bisect.bisect_right(days, last)
        if lo >= hi:
            return None
        return series.get(days[max(range(lo, hi), key=values.__getitem__)])

    def candle_span(
        self, asset: str, quote: str | None = None, exchange: str | None = None
    ) -> tuple[dt.date, dt.date] | None:
        """First and last day with a final candle for ``asset`` (any candidate series, or ``exchange``'s), or None."""
        days: set[str] = set()
        for series in self._candidates(asset, quote):
            if exchange is not None and series.exchange != exchange.lower():
                continue
            days.update(series.days())
        if not days:
            return None
        return dt.date.fromisoformat(min(days)), dt.date.fromisoformat(max(days))

    # CoinGecko snapshots
    def _coin_index(self) -> dict[str, list[_Coin]]:
        if self._coins is not None:
            return self._coins
        coins: dict[str, list[_Coin]] = {}
        path = self.shipped_dir / snapshot_dir() / "index.csv"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()[1:]
        except FileNotFoundError:
            lines = []
        for line in lines:
            if not line:
                continue
            symbol, name, file, primary, median_rank, *_ = _split_csv(line)
            coin = _Coin(symbol, name, file, primary == "1", float(median_rank))
            coins.setdefault(symbol.upper(), []).append(coin)
            self._coin_names[name.lower()] = coin
        for entries in coins.values():
            entries.sort(key=lambda c: (not c.primary, c.median_rank))
        self._coins = coins
        return coins

    def coin(self, asset: str) -> _Coin | None:
        """The CoinGecko coin for a ticker (primary coin: best median rank) or a coin name ("Wrapped SOL")."""
        coins = self._coin_index()
        entries = coins.get(asset.upper())
        if entries:
            return entries[0]
        return self._coin_names.get(asset.lower())

    def coins_for_symbol(self, symbol: str) -> list[tuple[str, str]]:
        """All (symbol, name) pairs sharing a ticker, primary first: tickers are not unique."""
        return [(c.symbol, c.name) for c in self._coin_index().get(symbol.upper(), [])]

    def snapshot_days(self, asset: str) -> list[str]:
        """The ISO days with a CoinGecko snapshot for ``asset``, sorted ([] when none): for clipping a window to
        the data before a day-by-day walk."""
        coin = self.coin(asset)
        if coin is None:
            return []
        self.snapshot(asset, dt.date(2000, 1, 1))  # loads the coin's rows
        return sorted(coin.rows or ())

    def snapshot(self, asset: str, day: DayLike) -> PricePoint | None:
        """CoinGecko's USD price snapshot (one per day) for a ticker or coin name."""
        coin = self.coin(asset)
        if coin is None:
            return None
        if coin.rows is None:
            path = self.shipped_dir / snapshot_dir() / "prices" / f"{coin.file}.csv"
            lines = path.read_text(encoding="utf-8").splitlines()[1:]
            coin.rows = {ln[:10]: ln for ln in lines if ln}
        d = _as_day(day)
        line = coin.rows.get(d.isoformat())
        if line is None:
            return None
        iso, time_utc, _rank, price = line.split(",")
        label = coin.symbol if coin.primary else f"{coin.symbol} ({coin.name})"
        return PricePoint(
            float(price),
            "USD",
            d,
            f"data: {label}/USD snapshot {time_utc[:5]} UTC, coingecko, {iso}",
            "snapshot",
            coin.symbol,
            time_utc,
        )

    def snapshot_last_day(self, asset: str) -> dt.date | None:
        """The last day with a CoinGecko snapshot for ``asset`` (ticker or coin name), or None."""
        coin = self.coin(asset)
        if coin is None:
            return None
        if coin.rows is None:
            self.snapshot(asset, dt.date(1970, 1, 1))  # loads the coin's rows
        return dt.date.fromisoformat(max(coin.rows)) if coin.rows else None

    def price_last_day(self, asset: str) -> dt.date | None:
        """The last day with a price for ``asset``: a final daily candle or a snapshot, whichever is later."""
        span = self.candle_span(asset)
        days = [d for d in (span[1] if span else None, self.snapshot_last_day(asset)) if d is not None]
        return max(days) if days else None

    def price(self, asset: str, day: DayLike, quote: str | None = None) -> PricePoint | None:
        """A price for ``asset`` on ``day``: the daily close where a candle exists (quote USDT for Binance),
        else CoinGecko's USD snapshot. ``kind`` says which ("close" | "snapshot"); ``quote`` says the unit.
        ``quote="USD"`` asks for USD prices only (snapshot, or a USD-quoted candle from the store)."""
        d = _as_day(day)
        if quote is None or quote.upper() != "USD":
            candle = self.candle(asset, d, quote)
            if candle is not None:
                return PricePoint(candle.close, candle.quote, d, candle.source, "close", asset.upper())
            if quote is not None:
                return None
        else:
            candle = self.candle(asset, d, "USD")
            if candle is not None:
                return PricePoint(candle.close, "USD", d, candle.source, "close", asset.upper())
        return self.snapshot(asset, d)

    def assets(self) -> list[str]:
        """Tickers with daily candles or CoinGecko snapshots."""
        return sorted(set(self._series_index()) | set(self._coin_index()))

    # FX
    def fx_sources(self) -> list:
        """The exchange-rate sources (factcheck.market.sources), preferred first."""
        if self._fx_sources is None:
            from factcheck.market.sources import fx_sources

            self._fx_sources = fx_sources(self.shipped_dir, self.store_dir)
        return self._fx_sources

    def _daily_rate(self, source, cur: str, day: dt.date) -> Rate | None:
        if not source.publishes(cur):
            return None
        last = source.last_day()
        if last is None or (day > last and business_day_between(last, day)):
            return None  # the source ends before a business day up to ``day``: its last rate is stale
        for back in range(FX_MAX_STALE_DAYS + 1):
            used = day - dt.timedelta(days=back)
            value = source.per_usd(cur, used.isoformat())
            if value:
                return Rate(cur, value, used, "daily", source.label(cur, used.isoformat()), day)
        return None

    def _monthly_rate(self, source, cur: str, day: dt.date) -> Rate | None:
        month = f"{day.year:04d}-{day.month:02d}"
        value = source.per_usd(cur, month) if source.publishes(cur) else None
        if not value:
            return None
        return Rate(cur, value, day.replace(day=1), "monthly", source.label(cur, month), day)

    def _lookup_fx(self, cur: str, day: dt.date) -> Rate | None:
        for source in self.fx_sources():
            rate = self._daily_rate(source, cur, day) if source.kind == "fx-daily" else None
            if rate is not None:
                return rate
        for source in self.fx_sources():
            rate = self._monthly_rate(source, cur, day) if source.kind == "fx-monthly" else None
            if rate is not None:
                return rate
        return None

    def fx_last_day(self, currency: str) -> dt.date | None:
        """The last day any source has a rate for ``currency`` (a monthly rate covers its whole month)."""
        cur = currency.upper()
        days = [d for s in self.fx_sources() if s.publishes(cur) and (d := s.last_day(cur)) is not None]
        return max(days) if days else None

    def fx_source_for(self, currency: str) -> str | None:
        """The name of the preferred refreshable daily source that publishes ``currency``."""
        cur = currency.upper()
        for s in self.fx_sources():
            if s.kind == "fx-daily" and s.spec.refreshable and s.publishes(cur):
                return s.name
        return None

    def fx(self, currency: str, day: DayLike) -> Rate | None:
        """Units of ``currency`` per 1 USD on ``day``.

        ECB daily reference rate of that day or the nearest previous business day (at most
        ``FX_MAX_STALE_DAYS`` back); else a fawazahmed0 daily snapshot (same window); else HMRC's monthly
        rate for the month (``granularity="monthly"``); else None.
        """
        cur = currency.upper()
        d = _as_day(day)
        if cur == "USD":
            return Rate("USD", 1.0, d, "daily", "data: USD per USD, identity", d)
        key = (cur, d)
        hit = self._fx_cache.get(key, _MISSING)
        if hit is _MISSING:
            hit = self._fx_cache[key] = self._lookup_fx(cur, d)
        return hit  # type: ignore[return-value]

    def fx_monthly(self, currency: str, day: DayLike) -> Rate | None:
        """HMRC's monthly rate (units per USD) for the month of ``day``, even where a daily rate exists."""
        cur = currency.upper()
        if cur == "USD":
            return None
        for source in self.fx_sources():
            rate = self._monthly_rate(source, cur, _as_day(day)) if source.kind == "fx-monthly" else None
            if rate is not None:
                return rate
        return None

    def fx_currencies(self) -> list[str]:
        codes = {"EUR"}
        for s in self.fx_sources():
            if s.name != "fawazahmed0":
                codes |= s.codes()
        return sorted(codes)

    # coverage
    def coverage(self) -> list[DatasetInfo]:
        """What is available: one entry per shipped dataset and one per store series."""
        out: list[DatasetInfo] = []
        from factcheck.market.sources import specs as fx_specs

        kinds = {spec["shipped"]: spec["kind"] for spec in price_specs()}
        for name in [*kinds, *(spec.shipped for spec in fx_specs())]:
            man = self.manifest(name)
            if not man:
                continue
            if kinds.get(name) == "candles":
                assets = [f"{k}/{man.get('quote', 'USDT')}" for k in man.get("assets", {})]
                notes = [f"{k}: {v['first']} .. {v['last']}" for k, v in man.get("assets", {}).items()]
            elif kinds.get(name) == "snapshots":
                assets = sorted(self._coin_index())
                notes = [str(man.get("symbol_note", ""))]
            else:
                assets = list(man.get("currencies", []))
                notes = [f"published as units per 1 {man.get('base', 'USD')}; fx() answers in units per USD"]
                notes += [f"days: {', '.join(man['days'])}"] if "days" in man else []
            out.append(
                DatasetInfo(
                    name,
                    assets,
                    str(man.get("first", "")),
                    str(man.get("last", "")),
                    str(man.get("source", "")),
                    int(man.get("rows", 0)),
                    "shipped",
                    str(man.get("quote", "")),
                    str(man.get("title", "")),
                    str(self.shipped_dir / name),
                    [n for n in notes if n],
                )
            )
        if self.store_dir is not None:
            from factcheck.market import storefiles
            from factcheck.market.storecheck import read_valid_rows

            for sf in storefiles.list_series(self.store_dir):
                rows, warning = read_valid_rows(sf.path)
                partial = sum(1 for r in rows if not r.final)
                notes = [f"{partial} partial row(s) (day still running when fetched), not used by checks"]
                notes = (notes if partial else []) + ([warning] if warning else [])
                out.append(
                    DatasetInfo(
                        f"{sf.exchange} {sf.symbol} {sf.timeframe}",
                        [sf.symbol],
                        rows[0].date if rows else "",
                        rows[-1].date if rows else "",
                        sf.exchange,
                        len(rows),
                        "store",
                        sf.quote,
                        f"{sf.exchange} {sf.symbol} {sf.timeframe} (ccxt)",
                        str(sf.path),
                        notes,
                    )
                )
        return out


def price_specs(kind: str | None = None) -> list[dict]:
    """The shipped price sources of rules/sources.toml ``[[prices]]`` (of ``kind``), preferred first."""
    from factcheck.resources import load_rules_file

    found = [p for p in load_rules_file("sources.toml").get("prices", []) if kind is None or p.get("kind") == kind]
    return sorted(found, key=lambda p: int(p.get("preference", 99)))


def snapshot_dir() -> str:
    """The shipped snapshot dataset (the preferred ``[[prices]]`` entry of kind snapshots)."""
    found = price_specs("snapshots")
    return found[0]["shipped"] if found else COINGECKO_DIR


def business_day_between(last: dt.date, day: dt.date) -> bool:
    """A weekday after ``last``, up to ``day``: a daily FX source that ends at ``last`` misses a rate for it."""
    if (day - last).days >= 7:
        return True
    return any((last + dt.timedelta(days=k)).weekday() < 5 for k in range(1, (day - last).days + 1))


def _split_csv(line: str) -> list[str]:
    if '"' not in line:
        return line.split(",")
    import csv

    return next(csv.reader([line]))


def open_market(
    data_dir: Path | str | None = None, *, shipped_dir: Path | None = None, prefer_exchange: str | None = None
) -> MarketData:
    """Shipped history plus the user's store at ``data_dir`` (None: ``$FACTCHECK_DATA_DIR`` or the platform's
    user data directory). Nothing is read until asked for; a missing store is simply empty. ``prefer_exchange``:
    that exchange's candles are used first where several exchanges have the day."""
    return MarketData(shipped_dir or shipped_data_dir(), resolve_store_dir(data_dir), prefer_exchange)

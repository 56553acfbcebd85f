"""Exchange-rate sources behind one small interface: kind, coverage, lookup by key and day, preference order.

Each source is one module (of this package, or any importable dotted name) plus its entry in
``rules/sources.toml`` (name, kind, preference, the base its rates are published against, its shipped dataset,
and for refreshable sources the URL it is fetched from). :func:`fx_sources` builds them in preference order;
``MarketData.fx`` asks them in that order, ``data update --fx NAME`` refreshes one, ``data info`` and the
stale-data notices read their coverage. No source module is imported until a rate is asked for. A module gives
``SOURCE``, an :class:`FxSource` subclass with ``_shipped_days``/``_parse_shipped`` (the shipped rows, if any) and,
when refreshable, ``download``.

Units: :meth:`FxSource.per_usd` answers in units of the currency per 1 USD, whatever the base.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.resources import load_rules_file

FX_STORE_DIR = "fx"
FX_HEADER = "date,currency,value"


class SourceUnreachable(Exception):
    """A data source could not be reached (network error, timeout, server error, unreadable answer)."""


@dataclass(frozen=True, slots=True)
class SourceSpec:
    name: str
    module: str
    kind: str  # "fx-daily" | "fx-monthly"
    preference: int
    base: str
    shipped: str
    label: str
    url: str | None = None
    path: str | None = None
    max_days: int | None = None

    @property
    def refreshable(self) -> bool:
        return self.url is not None


def specs() -> list[SourceSpec]:
    """The sources of rules/sources.toml, preferred first."""
    out = []
    for raw in load_rules_file("sources.toml").get("source", []):
        fields = {k: raw.get(k) for k in SourceSpec.__slots__}  # type: ignore[attr-defined]
        out.append(SourceSpec(**{k: v for k, v in fields.items() if v is not None}))
    return sorted(out, key=lambda s: s.preference)


def spec(name: str) -> SourceSpec | None:
    return next((s for s in specs() if s.name == name.lower()), None)


def fx_sources(shipped_dir: Path, store_dir: Path | None) -> list[FxSource]:
    """One object per source, preferred first."""
    out = []
    for s in specs():
        module = importlib.import_module(s.module if "." in s.module else f"factcheck.market.sources.{s.module}")
        out.append(module.SOURCE(s, shipped_dir, store_dir))
    return out


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


class FxSource:
    """One exchange-rate source: shipped rows, the store's rows on top (the store wins), lookups by code and day.

    Subclasses give :meth:`_shipped_days` (ISO day -> raw line, parsed on demand by :meth:`_parse_shipped`) and,
    when refreshable, :meth:`download`."""

    def __init__(self, spec: SourceSpec, shipped_dir: Path, store_dir: Path | None) -> None:
        self.spec = spec
        self.shipped_dir = shipped_dir / spec.shipped
        self.store_dir = store_dir
        self._shipped: dict[str, Any] | None = None
        self._parsed: dict[str, dict[str, float]] = {}
        self._store: dict[str, dict[str, float]] | None = None
        self._days: list[str] | None = None
        self._codes: set[str] | None = None
        self._last: dict[str | None, dt.date | None] = {}

    # identity
    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def kind(self) -> str:
        return self.spec.kind

    @property
    def preference(self) -> int:
        return self.spec.preference

    @property
    def store_path(self) -> Path | None:
        return self.store_dir / FX_STORE_DIR / f"{self.name}.csv" if self.store_dir is not None else None

    # rows
    def _shipped_days(self) -> dict[str, Any]:
        raise NotImplementedError

    def _parse_shipped(self, raw: Any) -> dict[str, float]:
        raise NotImplementedError

    def _shipped_map(self) -> dict[str, Any]:
        if self._shipped is None:
            try:
                self._shipped = self._shipped_days()
            except FileNotFoundError:
                self._shipped = {}
        return self._shipped

    def store_rows(self) -> dict[str, dict[str, float]]:
        """The store's rows: ISO day (or month) -> code -> units per base."""
        if self._store is None:
            self._store = read_store(self.store_path) if self.store_path is not None else {}
        return self._store

    def row(self, key: str) -> dict[str, float]:
        """Units per base of each code on ``key`` (an ISO day, or YYYY-MM for a monthly source)."""
        hit = self._parsed.get(key)
        if hit is None:
            raw = self._shipped_map().get(key)
            hit = dict(self._parse_shipped(raw)) if raw is not None else {}
            hit.update(self.store_rows().get(key, {}))
            self._parsed[key] = hit
        return hit

    def keys(self) -> list[str]:
        """Sorted days (or months) with a row, shipped or store."""
        if self._days is None:
            self._days = sorted(set(self._shipped_map()) | set(self.store_rows()))
        return self._days

    # lookups
    def per_usd(self, code: str, key: str) -> float | None:
        """Units of ``code`` per 1 USD on ``key``, or None."""
        row = self.row(key)
        if not row:
            return None
        base = self.spec.base
        value = 1.0 if code == base else row.get(code)
        usd = 1.0 if base == "USD" else row.get("USD")
        if not value or not usd:
            return None
        return value / usd

    def _shipped_codes(self) -> set[str]:
        """The currencies of the shipped file (subclasses read them off its header or rows)."""
        return set()

    def codes(self) -> set[str]:
        """Every currency the source publishes (its base included): the shipped file's and the store's."""
        if self._codes is None:
            self._shipped_map()
            out = {self.spec.base, *self._shipped_codes()}
            for row in self.store_rows().values():
                out.update(row)
            self._codes = out
        return self._codes

    def publishes(self, code: str) -> bool:
        return code in self.codes()

    def last_day(self, code: str | None = None) -> dt.date | None:
        """The last day the source has a rate for ``code`` (any code when None); a month's last day if monthly."""
        if code in self._last:
            return self._last[code]
        self._last[code] = found = self._find_last(code)
        return found

    def _find_last(self, code: str | None) -> dt.date | None:
        for key in reversed(self.keys()):
            if code is None or self.per_usd(code, key) is not None:
                return _end_of(key)
        return None

    def first_day(self) -> dt.date | None:
        keys = self.keys()
        return _start_of(keys[0]) if keys else None

    def label(self, code: str, key: str) -> str:
        return f"data: {code} per USD, {self.spec.label}, {key}"

    # refresh
    def download(self, url: str, since: dt.date, until: dt.date, timeout: float) -> dict[str, dict[str, float]]:
        """Rows from ``since`` to ``until`` (ISO day -> code -> units per base). Raises SourceUnreachable."""
        raise SourceUnreachable(f"{self.name} cannot be refreshed")

    def resume_day(self, until: dt.date) -> dt.date:
        """Where a refresh without --since starts: the day after the last row held, else ``max_days`` back."""
        last = self.last_day()
        start = last + dt.timedelta(days=1) if last else until - dt.timedelta(days=self.spec.max_days or 365)
        if self.spec.max_days:
            start = max(start, until - dt.timedelta(days=self.spec.max_days))
        return start


def _end_of(key: str) -> dt.date:
    if len(key) == 7:
        y, m = int(key[:4]), int(key[5:])
        return dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
    return _day(key)


def _start_of(key: str) -> dt.date:
    return _day(key + "-01") if len(key) == 7 else _day(key)


# ---------------------------------------------------------------- the store's FX files


def read_store(path: Path) -> dict[str, dict[str, float]]:
    """``date,currency,value`` rows of a store file; a line that does not parse, or whose value is not a finite
    positive number, is skipped."""
    out: dict[str, dict[str, float]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return out
    for line in lines[1:]:
        try:
            day, code, value = line.split(",")
            number = float(value)
            dt.date.fromisoformat(day)
        except ValueError:
            continue
        if 0 < number < float("inf") and code.isalpha() and code.isupper():  # the store is not trusted
            out.setdefault(day, {})[code] = number
    return out


def merge_rows(
    existing: dict[str, dict[str, float]], fresh: dict[str, dict[str, float]]
) -> tuple[dict[str, dict[str, float]], int, int]:
    """(merged rows, days added, days changed): the fresh value wins for a (day, code) both have."""
    merged = {day: dict(row) for day, row in existing.items()}
    added = changed = 0
    for day, row in fresh.items():
        old = merged.get(day)
        if old is None:
            merged[day] = dict(row)
            added += 1
        elif any(old.get(k) != v for k, v in row.items()):
            old.update(row)
            changed += 1
    return merged, added, changed


def write_store(path: Path, rows: dict[str, dict[str, float]]) -> None:
    """Replace ``path`` with ``rows`` atomically (temp file in the same folder + os.replace)."""
    from factcheck.market.storefiles import write_text_atomic

    body = FX_HEADER + "\n"
    body += "".join(f"{day},{code},{value!r}\n" for day in sorted(rows) for code, value in sorted(rows[day].items()))
    write_text_atomic(path, body)


def http_get(url: str, timeout: float, missing_ok: bool = False) -> bytes | None:
    """The body of ``url``; None for a 404 when ``missing_ok``. Anything else that fails: SourceUnreachable."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "factcheck (data update)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http(s) only, checked)
            return response.read()
    except urllib.error.HTTPError as exc:
        if missing_ok and exc.code == 404:
            return None
        raise SourceUnreachable(f"HTTP {exc.code} from {url}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SourceUnreachable(f"{url}: {reason}") from None


def check_url(url: str, flag: str = "--fx-url") -> str:
    from urllib.parse import urlsplit

    from factcheck.document import InputError

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"{flag} must be http(s)://host[:port][/path], got {url!r}")
    return url.rstrip("/")

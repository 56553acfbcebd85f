"""``factcheck data update --fx NAME``: exchange rates from the refreshable sources of rules/sources.toml.

Each source is downloaded in full first (``--fx-url`` replaces its URL root, for mirrors and tests); only then are
the store files written, each atomically (``<store>/fx/NAME.csv``). Idempotent: a file whose rows do not change is
not rewritten. Resumes where the data ends (the day after the last row held, shipped or store) unless ``--since``.
A source that cannot be reached raises :class:`~factcheck.market.sources.SourceUnreachable` before anything is
written.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from factcheck.document import InputError
from factcheck.market.sources import FxSource, SourceUnreachable, check_url, fx_sources, merge_rows, write_store

DEFAULT_TIMEOUT = 30.0


@dataclass(slots=True)
class FxUpdate:
    source: str
    path: Path
    since: dt.date
    until: dt.date
    days: int = 0  # days fetched
    added: int = 0
    changed: int = 0
    written: bool = False
    first: str = ""
    last: str = ""
    rows: dict[str, dict[str, float]] | None = None


def refreshable(shipped_dir: Path, store: Path) -> dict[str, FxSource]:
    return {s.name: s for s in fx_sources(shipped_dir, store) if s.spec.refreshable}


def parse_fx_names(text: str | None, available: dict[str, FxSource]) -> list[str]:
    """``--fx ecb,fawazahmed0`` (or ``all``): the sources asked for, in preference order."""
    if not text or text.strip().lower() == "all":
        return list(available)
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    for n in names:
        if n not in available:
            raise InputError(f"--fx: unknown rate source {n!r} (known: {', '.join(available)})")
    return [n for n in available if n in names]


def fetch_fx(
    sources: list[FxSource],
    since: dt.date | None,
    until: dt.date,
    url: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float | None = None,
    on_done=None,
) -> list[FxUpdate]:
    """Download every source (nothing written). ``url`` replaces each source's URL root."""
    root = check_url(url) if url else None
    out = []
    for source in sources:
        first = since or source.resume_day(until)
        report = FxUpdate(source.name, source.store_path or Path(), first, until)
        if first <= until:
            wait = timeout
            if deadline is not None:
                wait = min(wait, deadline - time.monotonic())
                if wait <= 0:
                    raise SourceUnreachable("time limit reached")
            report.rows = source.download(root or str(source.spec.url), first, until, wait)
            report.days = len(report.rows)
            if report.rows:
                report.first, report.last = min(report.rows), max(report.rows)
        else:
            report.rows = {}
        out.append(report)
        if on_done is not None:
            on_done(report)
    return out


def write_fx(sources: list[FxSource], reports: list[FxUpdate]) -> None:
    """Merge each download into its store file, atomically; a file that would not change is left alone."""
    by_name = {s.name: s for s in sources}
    for report in reports:
        source = by_name[report.source]
        if not report.rows or source.store_path is None:
            continue
        merged, report.added, report.changed = merge_rows(source.store_rows(), report.rows)
        if report.added or report.changed:
            write_store(source.store_path, merged)
            report.written = True


def describe(report: FxUpdate) -> str:
    if report.since > report.until:
        return f"{report.source} rates: up to date (held through {report.since - dt.timedelta(days=1)})"
    span = f"{report.first} .. {report.last}" if report.days else "nothing new"
    return (
        f"{report.source} rates {report.since} .. {report.until}: {report.days} day(s) {span}; "
        f"{report.added} added, {report.changed} changed -> {report.path}"
    )

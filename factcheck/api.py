"""The Python API: check a text or files and get the result model back (what the command line itself uses).

    >>> import factcheck
    >>> result = factcheck.check_text("It fell from $2,148 to $1,827, a drop of 21%.")
    >>> [(f.rule, f.severity) for f in result.findings]
    [('percent-change', 'error')]

Heavy modules (extractor, engine, market data) are imported on the first call, not on ``import factcheck``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.config import ConfigError, Settings, from_table, load_file, parse_date, resolve
from factcheck.document import Document, InputError
from factcheck.model import FileResult

if TYPE_CHECKING:
    from factcheck.pipeline import Checker

ConfigArg = Settings | str | PathLike[str] | dict[str, Any] | None


def _settings(config: ConfigArg, paths: list[str], as_of: date | str | None) -> Settings:
    """``config``: Settings as they are; a path: that file; a dict: a ``[tool.factcheck]`` table;
    None: for files, the nearest configuration file (as the command line does); for a text, the defaults."""
    if isinstance(config, Settings):
        from dataclasses import replace

        settings = replace(config)
    elif isinstance(config, dict):
        settings = from_table(config, Path("<config>"))
    elif config is not None:
        settings = load_file(Path(config))
    elif paths:
        settings = resolve([str(p) for p in paths])
    else:
        settings = Settings()
    if as_of is not None:
        settings.as_of = as_of if isinstance(as_of, date) else parse_date(str(as_of))
    return settings


def format_for_path(path: str) -> str:
    from factcheck.document import HTML_SUFFIXES, MARKDOWN_SUFFIXES

    suffix = Path(path).suffix.lower()
    return "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in MARKDOWN_SUFFIXES else "text"


def check_text(
    text: str, *, as_of: date | str | None = None, path: str = "<text>", config: ConfigArg = None
) -> FileResult:
    """Check one draft given as a string; ``path`` names it in the result and its suffix (``.md``, ``.html``)
    says how to read it (plain text otherwise, HTML when it starts like a page). ``as_of`` is the publication
    date (``date`` or ``"YYYY-MM-DD"``); ``config`` is Settings, a configuration file, or a
    ``[tool.factcheck]`` table as a dict. Raises ConfigError or InputError (one-line messages)."""
    from factcheck.document import parse
    from factcheck.pipeline import check_document

    settings = _settings(config, [], as_of)
    return check_document(parse(text, path, format_for_path(path)), settings)


def check_documents(
    documents: Iterable[Document],
    settings: Settings,
    on_problem: Callable[[str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    *,
    checker: Checker | None = None,
) -> Iterator[FileResult]:
    """The run of the command line: one FileResult per document, sharing the rules and the market store.
    A rule or document that fails is reported to ``on_problem`` (one line) and the run goes on; without
    ``on_problem`` the first failure raises. ``on_warning`` gets one-line notes that do not fail the run
    (market data unavailable, unknown rule ids in suppression comments). ``checker`` lets the caller keep the
    run's rules and market store (the HTML report's header reads what market history it held)."""
    import os

    from factcheck.pipeline import Checker, check_document

    if checker is None:
        checker = Checker(settings)
    for doc in documents:
        try:
            result = check_document(doc, settings, checker)
        except (KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:  # noqa: BLE001  # one file must not take the run down
            if on_problem is None or os.environ.get("FACTCHECK_DEBUG"):
                raise
            if isinstance(exc, InputError):
                on_problem(str(exc))
            else:
                detail = " ".join(str(exc).split())[:300]
                on_problem(f"{doc.path}: internal error while checking: {type(exc).__name__}: {detail}")
            result = None
        failures, checker.failures[:] = list(checker.failures), []
        for failure in failures:
            if on_problem is None:
                raise RuntimeError(failure)
            on_problem(failure)
        if result is None:
            continue
        if on_warning is not None:
            for note in result.notes:
                if "suppression" in note:
                    on_warning(note)
        yield result
    if on_warning is not None:
        for warning in checker.warnings:
            on_warning(warning)


def read_documents(
    paths: Iterable[str | PathLike[str]], settings: Settings, on_problem: Callable[[str], None] | None = None
) -> Iterator[Document]:
    """The drafts named by ``paths`` (files, folders walked for draft suffixes, ``-`` for standard input)."""
    from factcheck.document import read_path
    from factcheck.pipeline import collect_paths

    for item in collect_paths([str(p) for p in paths], settings):
        try:
            if isinstance(item, InputError):
                raise item
            yield read_path(item)
        except InputError as exc:
            if on_problem is None:
                raise
            on_problem(str(exc))


def check_paths(
    paths: Iterable[str | PathLike[str]],
    *,
    as_of: date | str | None = None,
    config: ConfigArg = None,
    on_problem: Callable[[str], None] | None = None,
) -> list[FileResult]:
    """Check files and folders; one FileResult per draft, in a stable order. ``config`` as for
    :func:`check_text` (None: the nearest configuration file to the first path). Unreadable files raise
    InputError unless ``on_problem`` takes their one-line message."""
    paths = [str(p) for p in paths]
    settings = _settings(config, paths or ["."], as_of)
    return list(check_documents(read_documents(paths, settings, on_problem), settings, on_problem))


__all__ = ["ConfigError", "InputError", "check_documents", "check_paths", "check_text", "read_documents"]

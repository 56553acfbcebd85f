"""The one output-format interface: ``render(fmt, results, options) -> str`` for every reporter.

Each format is an entry of :data:`FORMATS` naming a function ``(results, options) -> str``; reporters are
imported only when their format is asked for. :func:`format_for_output` infers a format from ``-o FILE``.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factcheck.model import FileResult


@dataclass(slots=True)
class ReportOptions:
    """What a reporter may need beyond the results; each reads only what applies to it."""

    version: str = "0"
    color: bool | None = False  # text: None = colour on a terminal
    terminal: bool = False  # text: the report goes to a terminal (rich measures its width)
    show_work: bool = True  # text: the arithmetic, data rows and readings of each finding
    quiet: bool = False  # text: findings only
    base: Path | None = None  # sarif, github, junit, checkstyle: the folder paths are relative to
    homepage: str | None = None  # sarif: informationUri and rule help links
    data_coverage: str | None = None  # html: the market history the run could read, for the header


Renderer = Callable[[list[FileResult], ReportOptions], str]


def _text(results: list[FileResult], options: ReportOptions) -> str:
    from factcheck.report.text import render_check

    class _Out(io.StringIO):
        def isatty(self) -> bool:
            return options.terminal

    out = _Out()
    render_check(results, out, color=options.color, show_work=options.show_work, quiet=options.quiet)
    return out.getvalue()


def _json(results: list[FileResult], options: ReportOptions) -> str:
    from factcheck.report.json_report import render_check

    return render_check(results)


def _sarif(results: list[FileResult], options: ReportOptions) -> str:
    from factcheck.report import sarif
    from factcheck.rulebook import all_rules

    return sarif.render(results, all_rules(), version=options.version, information_uri=options.homepage,
                        base=options.base)


def _github(results: list[FileResult], options: ReportOptions) -> str:
    from factcheck.report.github import render

    return render(results, base=options.base)


def _html(results: list[FileResult], options: ReportOptions) -> str:
    from factcheck.report.html import render

    return render(results, version=options.version, data_coverage=options.data_coverage)


def _dotted(target: str) -> Renderer:
    def load(results: list[FileResult], options: ReportOptions) -> str:
        module, _, name = target.partition(":")
        return getattr(importlib.import_module(module), name)(results, options)

    return load


FORMATS: dict[str, Renderer] = {
    "text": _text,
    "concise": _dotted("factcheck.report.concise:render"),
    "json": _json,
    "jsonl": _dotted("factcheck.report.json_report:render_jsonl_options"),
    "sarif": _sarif,
    "github": _github,
    "html": _html,
    "junit": _dotted("factcheck.report.junit:render"),
    "checkstyle": _dotted("factcheck.report.checkstyle:render"),
}

# -o FILE without --format: the format its name implies (checked in order; None: the default, text)
_BY_NAME = (
    (".sarif", "sarif"),
    (".sarif.json", "sarif"),
    (".json", "json"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".html", "html"),
    (".htm", "html"),
    (".xml", "junit"),  # checkstyle when the name says so (below)
    (".txt", "text"),
)


def format_for_output(path: str | None) -> str | None:
    """``report.html`` -> html, ``x.sarif`` -> sarif, ``x.json`` -> json, ``junit.xml`` -> junit,
    ``checkstyle.xml`` -> checkstyle, ``x.txt`` -> text; None when the name says nothing."""
    if not path or path == "-":
        return None
    name = Path(path).name.lower()
    for ending, fmt in _BY_NAME:
        if name.endswith(ending):
            return "checkstyle" if fmt == "junit" and "checkstyle" in name else fmt
    return None


def render(fmt: str, results: list[FileResult], options: ReportOptions | None = None) -> str:
    return FORMATS[fmt](results, options or ReportOptions())


def repo_root(start: Path | None = None) -> Path:
    """The repository's top level (the nearest folder holding ``.git``, a folder or a worktree's file),
    else ``start`` (the current directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here

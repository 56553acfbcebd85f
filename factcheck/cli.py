"""The ``factcheck`` command: check, extract, data update, data info, rules, --version.

Exit codes (contract): 0 nothing at or above ``--fail-on``; 1 at least one such finding; 2 usage,
configuration or input error (one line on stderr, never a traceback); 3 a data source unreachable.

Only the standard library is imported at module level: ``factcheck --version`` must stay fast.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Any, NoReturn, TextIO

from factcheck import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREACHABLE = 0, 1, 2, 3
CHECK_FORMATS = ("text", "json", "sarif", "github", "html")
EXTRACT_FORMATS = ("text", "json")
FAIL_ON = ("error", "warning", "info", "never")
PROGRESS_MIN_FILES = 8


class UsageError(Exception):
    """A one-line usage error (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``factcheck check: error: ... (see 'factcheck check --help')``."""

    def error(self, message: str) -> NoReturn:
        message = " ".join(message.split())
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser(data_commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``data_commands=False`` leaves out the arguments of ``data update`` and
    ``data info`` (their modules cost ~20 ms to import, for a ``check`` run that never uses them)."""
    parser = _Parser(
        prog="factcheck",
        description="Check the figures in crypto and finance drafts: arithmetic, conversions, market data.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="check drafts and report wrong or doubtful figures")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for standard input")
    check.add_argument("--format", choices=CHECK_FORMATS, default="text")
    check.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of stdout")
    check.add_argument("--as-of", metavar="YYYY-MM-DD", help="publication date for relative references")
    check.add_argument("--data-dir", metavar="DIR", help="the user's market-data store")
    check.add_argument("--fail-on", choices=FAIL_ON, default=None, help="exit 1 at this severity (error)")
    check.add_argument("--select", metavar="RULE,...", help="only these rules (ids or categories)")
    check.add_argument("--ignore", metavar="RULE,...", help="skip these rules (ids or categories)")
    check.add_argument("--config", metavar="FILE", help="configuration file (default: the nearest one)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="text colour")
    check.add_argument("--fetch", action="store_true", help="fetch the prices and rates the claims need")
    check.add_argument("--exchange", metavar="ID", help="ccxt exchange for --fetch (default: binance)")
    check.add_argument("--exchange-url", metavar="URL", help="replace the exchange's REST API root")
    check.add_argument("--fx-url", metavar="URL", help="replace the rate sources' URL root")

    extract = sub.add_parser("extract", help="list every figure found in drafts")
    extract.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for standard input")
    extract.add_argument("--format", choices=EXTRACT_FORMATS, default="text")
    extract.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of stdout")
    extract.add_argument("--config", metavar="FILE", help="configuration file (include/exclude globs)")
    extract.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="text colour")

    data = sub.add_parser("data", help="market data: update the store, show what is available")
    if data_commands:
        data_sub = data.add_subparsers(dest="data_command", metavar="ACTION", parser_class=_Parser)
        from factcheck.market.info import add_info_arguments
        from factcheck.market.update import add_update_arguments

        update = data_sub.add_parser("update", help="fetch candles (ccxt) and exchange rates into the store")
        add_update_arguments(update)
        info = data_sub.add_parser("info", help="show shipped data and the user's store")
        add_info_arguments(info)

    rules = sub.add_parser("rules", help="list the rules, or explain one")
    rules.add_argument("rule_id", nargs="?", metavar="RULE_ID")
    return parser


# ---------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> int:
    """Run the command line; never raises (exit code returned)."""
    try:
        return _dispatch(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_FINDINGS
    except Exception as exc:  # noqa: BLE001  # the last line of defence: one line, no traceback
        from factcheck.config import ConfigError
        from factcheck.document import InputError

        if isinstance(exc, (ConfigError, InputError, UsageError)):
            _say(str(exc))
            return EXIT_USAGE
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        _say(f"internal error: {type(exc).__name__}: {_one_line(str(exc))} (set FACTCHECK_DEBUG=1 for details)")
        return EXIT_USAGE


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]


_LIVE: list[Any] = []  # the progress bar on stderr while one is shown: messages go above it


def _say(message: str) -> None:
    try:
        if _LIVE:
            from rich.text import Text

            _LIVE[0].console.print(Text(f"factcheck: {_one_line(message)}"))
            return
        print(f"factcheck: {_one_line(message)}", file=sys.stderr, flush=True)
    except (BrokenPipeError, OSError):
        pass


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _command_word(argv: list[str] | None) -> str | None:
    """The first word that is not an option (the command), if any."""
    words = sys.argv[1:] if argv is None else argv
    return next((w for w in words if not w.startswith("-")), None)


def _dispatch(argv: list[str] | None) -> int:
    parser = build_parser(data_commands=_command_word(argv) not in ("check", "extract", "rules"))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "check":
        return cmd_check(args)
    if args.command == "extract":
        return cmd_extract(args)
    if args.command == "rules":
        return cmd_rules(args)
    if args.command == "data":
        if args.data_command == "update":
            return cmd_data_update(args)
        if args.data_command == "info":
            return cmd_data_info(args)
        raise UsageError("data: say 'update' or 'info' (see 'factcheck data --help')")
    raise UsageError(f"unknown command {args.command!r}")


# ---------------------------------------------------------------- check and extract


class _Output:
    """stdout, or the file named by -o (written only once the report is complete)."""

    def __init__(self, path: str | None) -> None:
        self.path = path

    def write(self, text: str) -> None:
        if self.path is None or self.path == "-":
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        try:
            with open(self.path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as exc:
            raise UsageError(f"{self.path}: cannot write the report ({exc.strerror})") from None

    def stream(self) -> tuple[TextIO, bool]:
        """A stream for reporters that print, and whether it is the terminal."""
        if self.path is None or self.path == "-":
            return sys.stdout, sys.stdout.isatty()
        import io

        return io.StringIO(), False


def _color(choice: str) -> bool | None:
    return {"always": True, "never": False}.get(choice)


def _documents(paths: list[str], settings: Any, problems: list[str]):
    """(path, Document) for each draft; unreadable ones are reported in ``problems`` and skipped."""
    from factcheck.document import InputError, read_path
    from factcheck.pipeline import collect_paths

    items = list(collect_paths(paths, settings))
    drafts = [p for p in items if not isinstance(p, InputError)]
    for item in items:
        if isinstance(item, InputError):
            problems.append(str(item))
            _say(str(item))
    if not drafts and not problems:
        _say(f"no drafts found in {', '.join(paths or ['.'])} (looked for .md, .markdown, .txt, .html, .htm)")
    progress = _progress(len(drafts))
    try:
        for path in drafts:
            try:
                doc = read_path(path)
            except InputError as exc:
                problems.append(str(exc))
                _say(str(exc))
                continue
            yield path, doc
            if progress:
                progress[0].advance(progress[1])
    finally:
        if progress:
            progress[0].stop()
            _LIVE.clear()


def _progress(n: int):
    if n < PROGRESS_MIN_FILES or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    )
    task = progress.add_task("check", total=n)
    progress.start()
    _LIVE.append(progress)
    return progress, task


def _each_file(label: str, path: str, problems: list[str], fn, *args):
    """Run one file's stage; an unexpected failure is one line on stderr and exit 2, the run goes on."""
    try:
        return fn(*args)
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:  # noqa: BLE001
        from factcheck.document import InputError

        if isinstance(exc, InputError):
            message = str(exc)
        else:
            if os.environ.get("FACTCHECK_DEBUG"):
                raise
            message = f"{path}: internal error while {label}: {type(exc).__name__}: {_one_line(str(exc))}"
        problems.append(message)
        _say(message)
        return None


def cmd_check(args: argparse.Namespace) -> int:
    from factcheck.config import resolve
    from factcheck.pipeline import Checker, check_document, fails

    settings = resolve(
        args.paths,
        config=args.config,
        select=args.select,
        ignore=args.ignore,
        fail_on=args.fail_on,
        as_of=args.as_of,
        data_dir=args.data_dir,
        fetch=args.fetch,
        exchange=args.exchange,
        exchange_url=args.exchange_url,
        fx_url=args.fx_url,
    )
    if settings.fetch:
        from factcheck.market.fetch import check_options

        check_options(settings)  # a bad --exchange or URL is a usage error before any file is read
    checker = Checker(settings)
    problems: list[str] = []
    results = []
    for path, doc in _documents(args.paths, settings, problems):
        result = _each_file("checking", path, problems, check_document, doc, settings, checker)
        for failure in checker.failures:
            problems.append(failure)
            _say(failure)
        checker.failures.clear()
        if result is not None:
            results.append(result)
            for note in result.notes:
                if "suppression" in note:
                    _say(note)
    for warning in checker.warnings:
        _say(warning)
    _report_check(args, results)
    if problems:
        return EXIT_USAGE
    return EXIT_FINDINGS if fails(results, settings.fail_on) else EXIT_OK


def _report_check(args: argparse.Namespace, results: list) -> None:
    out = _Output(args.output)
    if args.format == "json":
        from factcheck.report.json_report import render_check

        out.write(render_check(results))
    elif args.format == "sarif":
        from factcheck.report import sarif
        from factcheck.rulebook import all_rules

        out.write(sarif.render(results, all_rules(), version=__version__, information_uri=_homepage()))
    elif args.format == "github":
        from factcheck.report.github import render

        out.write(render(results))
    elif args.format == "html":
        from factcheck.report.html import render

        out.write(render(results))
    else:
        from factcheck.report.text import render_check

        stream, _ = out.stream()
        render_check(results, stream, color=_color(args.color) if out.path in (None, "-") else False)
        if stream is not sys.stdout:
            out.write(stream.getvalue())


def _homepage() -> str | None:
    try:
        from importlib.metadata import metadata

        meta = metadata("factcheck")
    except Exception:  # noqa: BLE001  # not installed: no URI
        return None
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository"}:
            return url.strip()
    return meta.get("Home-page") or None


def cmd_extract(args: argparse.Namespace) -> int:
    from factcheck.config import resolve
    from factcheck.pipeline import extract_document

    settings = resolve(args.paths, config=args.config)  # include/exclude globs apply to folders
    problems: list[str] = []
    results = []
    for path, doc in _documents(args.paths, settings, problems):
        result = _each_file("extracting", path, problems, extract_document, doc)
        if result is not None:
            results.append(result)
    out = _Output(args.output)
    if args.format == "json":
        from factcheck.report.json_report import render_extract

        out.write(render_extract(results))
    else:
        from factcheck.report.text import render_extract

        stream, _ = out.stream()
        render_extract(results, stream, color=_color(args.color) if out.path in (None, "-") else False)
        if stream is not sys.stdout:
            out.write(stream.getvalue())
    return EXIT_USAGE if problems else EXIT_OK


# ---------------------------------------------------------------- rules


def cmd_rules(args: argparse.Namespace) -> int:
    from rich.table import Table
    from rich.text import Text

    from factcheck.report.text import make_console
    from factcheck.rulebook import all_rules

    rules = all_rules()
    console = make_console(sys.stdout)
    if args.rule_id is None:
        table = Table(box=None, pad_edge=False)
        for name in ("rule", "category", "severity", "what it checks"):
            table.add_column(name, overflow="fold")
        for rule in rules.values():
            table.add_row(rule.id, rule.category, rule.severity, _first_sentence(rule.summary or rule.description))
        console.print(table)
        console.print(Text(f"{len(rules)} rules; 'factcheck rules RULE_ID' explains one"))
        return EXIT_OK
    rule = rules.get(args.rule_id)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(args.rule_id, list(rules), n=1)
        hint = f", did you mean {close[0]!r}?" if close else ""
        raise UsageError(f"rules: unknown rule {args.rule_id!r}{hint} (see 'factcheck rules')")
    console.print(Text(rule.id, style="bold"))
    console.print(Text(f"category: {rule.category}    default severity: {rule.severity}"))
    console.print()
    for paragraph in re.split(r"\n\s*\n", rule.description.strip()):
        console.print(Text(" ".join(paragraph.split())))
    if rule.options:
        console.print()
        console.print(Text("options (override in [tool.factcheck.options." + rule.id + "]):", style="bold"))
        for key, value in rule.options.items():
            console.print(Text(f"  {key} = {value!r}"))
    if rule.examples:
        console.print()
        console.print(Text("examples:", style="bold"))
        for ex in rule.examples:
            tag = "PASS" if ex.kind == "pass" else "FAIL"
            when = f" (as of {ex.as_of})" if ex.as_of else ""
            console.print(Text(f"  {tag}{when}: {ex.text.strip()}"))
            if ex.note:
                console.print(Text(f"        {ex.note.strip()}", style="dim"))
    return EXIT_OK


def _first_sentence(text: str, limit: int = 160) -> str:
    flat = " ".join((text or "").split())
    m = re.search(r"(?<=[a-z0-9)\]])[.!?](?=\s+[A-Z(\"])", flat)
    first = flat[: m.end()] if m else flat
    return first if len(first) <= limit else first[: limit - 1] + "…"


# ---------------------------------------------------------------- data


def cmd_data_update(args: argparse.Namespace) -> int:
    from factcheck.market.update import run_update

    return run_update(args)


def cmd_data_info(args: argparse.Namespace) -> int:
    from factcheck.market.info import run_info

    return run_info(args)

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
CHECK_FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "html", "junit", "checkstyle")
EXTRACT_FORMATS = ("text", "json")
FAIL_ON = ("error", "warning", "info", "never")
PROGRESS_MIN_FILES = 8


CHECK_EPILOG = """\
examples:
  factcheck check draft.md                      the terminal report (add --show-work for the arithmetic)
  factcheck check drafts/ --format concise      one line per finding: PATH:LINE:COL: SEVERITY [RULE] MESSAGE
  factcheck check draft.md -o report.html       an HTML report for an editor (format from the file name)
  factcheck check drafts/ --format sarif -o factcheck.sarif --fail-on never
  factcheck check drafts/ --format github       GitHub Actions annotations (and a job summary past the limits)
  cat draft.md | factcheck check --stdin-filename drafts/draft.md --format concise
  factcheck check drafts/ --statistics          how many findings each rule gives
  factcheck check drafts/ --watch               re-check files whenever they change (Ctrl-C stops)

exit codes:
  0  no finding at or above --fail-on (default error), or --exit-zero
  1  at least one finding at or above --fail-on
  2  usage, configuration or input error (one line on stderr)
  3  a data source could not be reached (data update)

environment variables:
  FACTCHECK_DATA_DIR     the market-data store (default: the platform's user data folder)
  FACTCHECK_CACHE_DIR    where parsed rule files are cached; FACTCHECK_RULES_CACHE=0 turns the cache off
  FACTCHECK_DEBUG=1      a traceback instead of the one-line internal-error message
  NO_COLOR               no colour in the terminal report (--color always forces it)
  GITHUB_STEP_SUMMARY    --format github writes every finding there when GitHub's annotation limits are passed
  CI                     no progress bar
"""


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

    check = sub.add_parser(
        "check",
        help="check drafts and report wrong or doubtful figures",
        description="Check the figures of drafts (Markdown, HTML, text) and report the wrong or doubtful ones.",
        epilog=CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for standard input")
    check.add_argument(
        "--format", choices=CHECK_FORMATS, default=None,
        help="report format (default: text, or what -o FILE's name implies: .html, .sarif, .json, .xml)",
    )
    check.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of stdout")
    check.add_argument("--show-work", action="store_true", help="text: the arithmetic and data behind each finding")
    check.add_argument("--statistics", action="store_true", help="count the findings per rule instead of listing them")
    check.add_argument("-q", "--quiet", action="store_true", help="print the findings and nothing else")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings reach --fail-on")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name to report standard input as (- implied)")
    check.add_argument("--watch", action="store_true", help="keep running and re-check files when they change")
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

    lsp = sub.add_parser("lsp", help="run the Language Server over stdio (diagnostics for an editor)")
    lsp.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default and only way)")
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
    parser = build_parser(data_commands=_command_word(argv) not in ("check", "extract", "rules", "lsp"))
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
    if args.command == "lsp":
        return cmd_lsp(args)
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


def _documents(paths: list[str], settings: Any, problems: list[str], stdin_filename: str | None = None):
    """(path, Document) for each draft; unreadable ones are reported in ``problems`` and skipped.
    Standard input is reported as ``stdin_filename`` (and read as its suffix says) when one is given."""
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
                if path == "-" and stdin_filename:
                    from factcheck.api import format_for_path
                    from factcheck.document import parse

                    doc = parse(doc.text, stdin_filename, format_for_path(stdin_filename))
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
    from factcheck.report.formats import format_for_output

    if args.stdin_filename and not args.paths:
        args.paths = ["-"]
    fmt = args.format or format_for_output(args.output) or "text"
    config_paths = args.paths
    if args.stdin_filename and all(p == "-" for p in args.paths):
        parent = os.path.dirname(os.path.abspath(args.stdin_filename))
        config_paths = [parent] if os.path.isdir(parent) else args.paths
    settings = resolve(
        config_paths,
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
    if args.watch:
        from factcheck.watch import run_watch

        if "-" in args.paths:
            raise UsageError("check --watch: standard input cannot be watched; name files or folders")
        return run_watch(args.paths, settings, lambda paths: _check_once(args, fmt, settings, paths), say=_say)
    return _check_once(args, fmt, settings, args.paths)


def _check_once(args: argparse.Namespace, fmt: str, settings: Any, paths: list[str]) -> int:
    """One run: read, check and report ``paths``; the exit code."""
    from factcheck.api import check_documents
    from factcheck.pipeline import Checker, fails

    problems: list[str] = []

    def problem(message: str) -> None:
        problems.append(message)
        _say(message)

    checker = Checker(settings)
    docs = (doc for _, doc in _documents(paths, settings, problems, args.stdin_filename))
    found = check_documents(docs, settings, problem, None if args.quiet else _say, checker=checker)
    if fmt == "jsonl" and not args.statistics:
        failed = _stream_jsonl(args.output, found, settings.fail_on)
    else:
        results = list(found)
        _report_check(args, fmt, results, checker)
        failed = fails(results, settings.fail_on)
    if problems:
        return EXIT_USAGE
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if failed else EXIT_OK


def _stream_jsonl(output: str | None, results: Any, fail_on: str) -> bool:
    """``--format jsonl``: each file's line is written (and flushed) as soon as it is checked, and no result is
    kept, so an archive of any size runs in bounded memory; whether the findings reach ``fail_on``."""
    from factcheck.pipeline import fails
    from factcheck.report.json_report import jsonl_line

    failed = False
    to_stdout = output in (None, "-")
    try:
        fh = sys.stdout if to_stdout else open(output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as exc:
        raise UsageError(f"{output}: cannot write the report ({exc.strerror})") from None
    try:
        for r in results:
            fh.write(jsonl_line(r))
            fh.flush()
            failed = failed or fails([r], fail_on)
    finally:
        if not to_stdout:
            fh.close()
    return failed


def _report_check(args: argparse.Namespace, fmt: str, results: list, checker: Any = None) -> None:
    from factcheck.report.formats import ReportOptions, render, repo_root

    out = _Output(args.output)
    to_stdout = out.path in (None, "-")
    if args.statistics:
        from factcheck.report.statistics import render as statistics

        out.write(statistics(results))
        return
    options = ReportOptions(
        version=__version__,
        color=_color(args.color) if to_stdout else False,
        terminal=to_stdout and sys.stdout.isatty(),
        show_work=args.show_work,
        quiet=args.quiet,
        base=repo_root() if fmt in ("sarif", "github", "junit", "checkstyle") else None,
        homepage=_homepage() if fmt == "sarif" else None,
        data_coverage=_data_coverage(checker) if fmt == "html" else None,
    )
    text = render(fmt, results, options)
    if fmt == "github":
        text += _github_step_summary(results, options.base)
    out.write(text)


def _github_step_summary(results: list, base: Any) -> str:
    """Past GitHub's annotation limits: every finding into $GITHUB_STEP_SUMMARY, and a notice saying so."""
    from factcheck.report import step_summary

    if not step_summary.over_limit(results):
        return ""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    written = False
    if target:
        try:
            with open(target, "a", encoding="utf-8") as fh:
                fh.write(step_summary.markdown(results, base))
            written = True
        except OSError as exc:
            _say(f"{target}: cannot write the job summary ({exc.strerror})")
    return step_summary.notice(results, written)


def _data_coverage(checker: Any) -> str:
    """The market history a run could read, for the HTML report's header."""
    if checker is None or not checker.needs_market:
        return "market data: not used (no market rule selected)"
    market = checker.market()
    if market is None:
        return "market data: unavailable"
    from factcheck.market.info import coverage_summary

    return coverage_summary(market)


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


def cmd_lsp(args: argparse.Namespace) -> int:
    try:
        from factcheck.lsp import serve
    except ImportError as exc:
        raise UsageError(f"lsp: the language server needs pygls ({exc}); pip install pygls") from None
    return serve()


def cmd_data_update(args: argparse.Namespace) -> int:
    from factcheck.market.update import run_update

    return run_update(args)


def cmd_data_info(args: argparse.Namespace) -> int:
    from factcheck.market.info import run_info

    return run_info(args)

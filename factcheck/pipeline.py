"""The run: which files, and for each one extract -> claims -> checks -> suppressions -> selection.

The command line is a thin shell around :func:`collect_paths`, :func:`check_document` and
:func:`extract_document`. Heavy modules (the extractor, the engine, market data) are imported when the
first document needs them, so ``factcheck --version`` stays fast.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.config import CATEGORIES, Settings
from factcheck.document import DRAFT_SUFFIXES, Document, InputError
from factcheck.model import SEVERITY_RANK, FileResult, Finding

if TYPE_CHECKING:
    from factcheck.rulebook import Rule

SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})
MARKET_CATEGORIES = frozenset({"market-data", "conversion"})
SUPPRESSION_RULE = "suppression"


# ---------------------------------------------------------------- which files


@cache
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-like glob: ``**`` crosses folders, ``*`` and ``?`` do not; no slash = any folder."""
    pattern = pattern.strip().lstrip("/") if "/" in pattern.strip().rstrip("/") else "**/" + pattern.strip()
    if pattern.endswith("/"):
        pattern += "**"
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + "(?:/.*)?")


def matches(relpath: str, globs: list[str]) -> bool:
    return any(_glob_regex(g).fullmatch(relpath) for g in globs)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop before Python 3.13
        return path.as_posix()


def collect_paths(args: list[str], settings: Settings) -> Iterator[str | InputError]:
    """The drafts to read, in a stable order: each path as the user will see it, or an InputError.

    Files named on the command line are always read; directories are walked for draft suffixes, skipping
    hidden folders, node_modules and the like, and honouring the include/exclude globs of the config.
    """
    root = settings.root or Path.cwd()
    seen: set[str] = set()
    for arg in args or ["."]:
        if arg == "-":
            if arg not in seen:
                seen.add(arg)
                yield arg
            continue
        p = Path(arg)
        if not p.exists():
            yield _unreachable(arg)
            continue
        if not p.is_dir():
            key = _resolved(arg)
            if key not in seen:
                seen.add(key)
                yield arg
            continue
        found: list[str | InputError] = []
        unreadable: list[OSError] = []
        for folder, dirs, files in os.walk(p, onerror=unreadable.append):
            for exc in unreadable:  # a folder os.walk could not list: reported in its place, the rest is read
                found.append(InputError(f"{exc.filename}: cannot read folder ({exc.strerror or exc})"))
            unreadable.clear()
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
            for name in sorted(files):
                if name.startswith(".") or Path(name).suffix.lower() not in DRAFT_SUFFIXES:
                    continue
                full = Path(folder) / name
                rel = _relative(full, root)
                if settings.include and not matches(rel, settings.include):
                    continue
                if settings.exclude and matches(rel, settings.exclude):
                    continue
                found.append(os.path.normpath(full))
        for exc in unreadable:
            found.append(InputError(f"{exc.filename}: cannot read folder ({exc.strerror or exc})"))
        for path in found:
            if isinstance(path, InputError):
                yield path
                continue
            key = _resolved(path)
            if key not in seen:
                seen.add(key)
                yield path


def _resolved(path: str) -> str:
    """The real path, for not reading a file twice; a symlink loop is its own key (read_path reports it)."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop before Python 3.13
        return os.path.abspath(path)


def _unreachable(arg: str) -> InputError:
    """Why a path that does not 'exist' cannot be read: missing, or a symlink loop, ..."""
    try:
        os.stat(arg)
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:
        return InputError(f"{arg}: cannot read ({getattr(exc, 'strerror', None) or exc})")
    return InputError(f"{arg}: no such file or directory")


# ---------------------------------------------------------------- which rules


def select_rules(settings: Settings) -> list[Rule]:
    from factcheck.rulebook import all_rules

    return [r for r in all_rules().values() if rule_selected(r.id, r.category, settings)]


def rule_selected(rule_id: str, category: str, settings: Settings) -> bool:
    def hit(names: list[str]) -> bool:
        return rule_id in names or category in names or any(n.lower() == "all" for n in names)

    if settings.select is not None and not hit(settings.select):
        return False
    return not hit(settings.ignore)


# ---------------------------------------------------------------- one document


@dataclass
class Checker:
    """State shared by every document of one run: the selected rules, their options, the market store."""

    settings: Settings
    rules: list[Rule] = field(init=False)
    options: dict[str, dict[str, Any]] = field(init=False)
    warnings: list[str] = field(default_factory=list)  # one-line messages for stderr
    failures: list[str] = field(default_factory=list)  # rules that crashed (exit 2), one line each
    _market: Any = field(default=None, init=False)
    _market_opened: bool = field(default=False, init=False)
    fetcher: Any = field(default=None, init=False)  # check --fetch: what this run fetched (factcheck.market.fetch)

    def __post_init__(self) -> None:
        self.rules = select_rules(self.settings)
        from factcheck.engine import effective_options

        self.options = {r.id: effective_options(r, self.settings.options) for r in self.rules}

    @property
    def needs_market(self) -> bool:
        return any(r.category in MARKET_CATEGORIES or r.options.get("needs_market") for r in self.rules)

    def market(self) -> Any:
        """The market store, opened on first use, once per run."""
        if not self._market_opened:
            self._market_opened = True
            from factcheck.market.store import open_market

            try:
                self._market = open_market(self.settings.data_dir, prefer_exchange=self.settings.exchange)
            except InputError:
                raise
            except Exception as exc:  # a broken store must not stop the other checks
                self.warnings.append(f"market data unavailable ({type(exc).__name__}: {exc})")
                self._market = None
        return self._market


def resolve_as_of(doc: Document, settings: Settings) -> date | None:
    from factcheck.config import in_date_range

    if settings.as_of:
        return settings.as_of
    return doc.published if doc.published and in_date_range(doc.published) else None


def _unsupported_date(doc: Document, settings: Settings) -> list[Finding]:
    """An info finding for a document date outside the supported range (it is not used as the as-of date)."""
    from factcheck.config import FIRST_DATE, LAST_DATE, in_date_range

    if settings.as_of or not doc.published or in_date_range(doc.published):
        return []
    iso = doc.published.isoformat()
    start = max(doc.text.find(iso), 0)
    end = start + len(iso) if doc.text.startswith(iso, start) else start
    return [
        Finding(
            rule="unverifiable",
            category="unverifiable",
            severity="info",
            message=f"the document's date {iso} is outside the supported dates ({FIRST_DATE} to {LAST_DATE}); "
            "relative dates are not checked against it",
            start=start,
            end=end,
            text=doc.text[start:end],
        )
    ]


def check_document(doc: Document, settings: Settings, checker: Checker | None = None) -> FileResult:
    """Every finding for one document, after suppressions, selection and severity overrides."""
    checker = checker or Checker(settings)
    as_of = resolve_as_of(doc, settings)
    result = FileResult(path=doc.path, text=doc.text, as_of=as_of)
    if doc.disabled:
        result.notes.append("factcheck: off in the front matter; not checked")
        return result
    from factcheck.checks import CheckContext
    from factcheck.claims import build_claims
    from factcheck.engine import run_rules
    from factcheck.extract import extract_quantities

    quantities = extract_quantities(doc)
    result.quantities = quantities
    findings: list[Finding] = []
    claims = build_claims(doc, quantities) if quantities else []
    result.claims = claims  # kept for the figures' coverage: which figures are forecasts, quotes, ...
    if quantities and checker.rules:
        market = checker.market() if checker.needs_market else None
        if market is not None and settings.fetch and as_of is not None:  # check --fetch (factcheck.market.fetch)
            from factcheck.market.fetch import fetch_for

            market = fetch_for(CheckContext(doc, quantities, claims, as_of, checker.options, market), checker)
        ctx = CheckContext(doc, quantities, claims, as_of, checker.options, market)
        for rule in checker.rules:  # one at a time: a failing rule must not take the others down
            try:
                findings.extend(run_rules(ctx, [rule]))
            except Exception as exc:  # noqa: BLE001
                if os.environ.get("FACTCHECK_DEBUG"):
                    raise
                checker.failures.append(
                    f"{doc.path}: internal error in rule {rule.id}: {type(exc).__name__}: {_one_line(exc)}"
                )
        if market is not None and getattr(market, "warnings", None):  # bad store files: once per run
            checker.warnings.extend(w for w in market.warnings if w not in checker.warnings)
            market.warnings.clear()
        # checks that report passes put (start, end, evidence) on the context; none do yet
        result.verified.extend(getattr(ctx, "verified", None) or ())
        if market is not None and ctx.as_of is not None:  # stale data announced (factcheck.market.stale)
            from factcheck.market.stale import FixHint, announce

            hint = FixHint(str(settings.data_dir) if settings.data_dir else None, settings.exchange)
            findings = announce(ctx, findings, result, hint)
    kept = []
    by_id = {r.id: r for r in checker.rules}
    used: set[int] = set()  # directive_start of each suppression that silenced a finding
    for f in findings:
        hit = next((h for name in (f.rule, f.category, "all") if (h := doc.suppressed(name, f.start, f.end))), None)
        if hit:
            if hit is not True:
                used.add(hit.directive_start)
            result.suppressed.append(f)
            continue
        rule = by_id.get(f.rule)
        if not rule_selected(f.rule, rule.category if rule else f.category, settings):
            continue
        override = settings.severity.get(f.rule)
        if override and f.severity != "info":
            f.severity = override  # type: ignore[assignment]  # validated by config
        kept.append(f)
    kept.extend(_unknown_suppressions(doc, result))
    kept.extend(_unused_suppressions(doc, used, checker.rules))
    kept.extend(_unsupported_date(doc, settings))
    kept.sort(key=lambda f: (f.start, -SEVERITY_RANK[f.severity], f.rule, f.end))
    result.findings = kept
    return result


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:300]


def _unknown_suppressions(doc: Document, result: FileResult) -> list[Finding]:
    from factcheck.rulebook import all_rules

    known = set(all_rules()) | set(CATEGORIES) | {"all", SUPPRESSION_RULE}
    out = []
    for s in doc.suppressions:
        for rid in sorted(s.rules or ()):
            if rid in known:
                continue
            line, col = doc.line_col(s.directive_start)
            message = f"unknown rule id {rid!r} in a suppression comment; it suppresses nothing"
            result.notes.append(f"{doc.path}:{line}:{col}: {message}")
            out.append(
                Finding(
                    rule=SUPPRESSION_RULE,
                    category="unverifiable",
                    severity="info",
                    message=message,
                    start=s.directive_start,
                    end=s.directive_end,
                    text=doc.text[s.directive_start : s.directive_end],
                )
            )
    return out


def _unused_suppressions(doc: Document, used: set[int], rules: list[Rule]) -> list[Finding]:
    """An info finding for each suppression comment that silenced nothing (about rules that ran)."""
    ran = {r.id for r in rules} | {r.category for r in rules} | ({"all"} if rules else set())
    seen: set[int] = set()
    out = []
    for s in doc.suppressions:
        if s.directive_start in used or s.directive_start in seen:
            continue
        seen.add(s.directive_start)
        names = sorted(s.rules) if s.rules is not None else None
        if (names is not None and not any(n in ran for n in names)) or (names is None and not rules):
            continue  # only rules that did not run (deselected or unknown): nothing to say
        what = f"of {', '.join(names)} " if names else ""
        out.append(
            Finding(
                rule=SUPPRESSION_RULE,
                category="unverifiable",
                severity="info",
                message=f"unused suppression: no finding {what}here to silence; remove the comment",
                start=s.directive_start,
                end=s.directive_end,
                text=doc.text[s.directive_start : s.directive_end],
            )
        )
    return out


def extract_document(doc: Document) -> FileResult:
    from factcheck.extract import extract_quantities

    return FileResult(path=doc.path, text=doc.text, as_of=doc.published, quantities=extract_quantities(doc))


def worst(results: list[FileResult]) -> int:
    """The highest severity rank among all findings (0 when none)."""
    return max((SEVERITY_RANK[f.severity] for r in results for f in r.findings), default=0)


def fails(results: list[FileResult], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    return worst(results) >= SEVERITY_RANK[fail_on]

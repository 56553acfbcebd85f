"""GitHub shows at most 10 annotations of each level per step: past that, every finding goes into a Markdown
table appended to ``$GITHUB_STEP_SUMMARY`` (the job's summary page), and a notice says so."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import FileResult
from factcheck.report.ci_paths import relative_path
from factcheck.report.headline import one_line
from factcheck.report.positions import LineIndex

ANNOTATIONS_PER_LEVEL = 10  # GitHub's limit per level (error, warning, notice) per step
LEVELS = ("error", "warning", "info")


def over_limit(results: list[FileResult]) -> bool:
    counts = dict.fromkeys(LEVELS, 0)
    for r in results:
        for f in r.findings:
            counts[f.severity] += 1
    return any(n > ANNOTATIONS_PER_LEVEL for n in counts.values())


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def markdown(results: list[FileResult], base: Path | None = None) -> str:
    """The summary: counts, then one table row per finding (file:line:col, severity, rule, message)."""
    counts = dict.fromkeys(LEVELS, 0)
    rows = []
    for r in results:
        lines = LineIndex(r.text)
        path = relative_path(r.path, base)
        for f in r.findings:
            counts[f.severity] += 1
            line, col = lines.line_col(f.start)
            rows.append(f"| `{_cell(path)}:{line}:{col}` | {f.severity} | `{f.rule}` | {_cell(one_line(f))} |")
    head = [
        "## factcheck",
        "",
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info in {len(results)} files. "
        f"GitHub shows {ANNOTATIONS_PER_LEVEL} annotations of each level per step; all findings are listed here.",
        "",
        "| where | severity | rule | finding |",
        "| --- | --- | --- | --- |",
    ]
    return "\n".join(head + rows) + "\n\n"


def notice(results: list[FileResult], written: bool) -> str:
    """The workflow command that points at the summary (or says it could not be written)."""
    total = sum(len(r.findings) for r in results)
    where = "all of them are in the job summary" if written else "set GITHUB_STEP_SUMMARY to get all of them"
    return (f"::notice title=factcheck::{total} findings; GitHub shows only {ANNOTATIONS_PER_LEVEL} "
            f"annotations of each level per step, {where}\n")

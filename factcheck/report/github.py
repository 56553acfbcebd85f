"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import FileResult
from factcheck.report.ci_paths import relative_path
from factcheck.report.positions import LineIndex

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], base: Path | None = None) -> str:
    """One workflow command per finding; file paths relative to ``base`` (the repository root) when given."""
    out = []
    for r in results:
        path = relative_path(r.path, base)
        for n in r.notices:  # file-level: a warning on the file, no line
            head = f"file={escape_property(path)},title={escape_property(f'factcheck {n.kind}')}"
            out.append(f"::warning {head}::{escape_data(n.message)}")
        lines = LineIndex(r.text)
        for f in r.findings:
            line, col = lines.line_col(f.start)
            end_line, end_col = lines.line_col(f.end)
            props = [("file", path), ("line", str(line))]
            if end_line == line:  # GitHub ignores columns on annotations that span lines
                props += [("col", str(col)), ("endColumn", str(end_col))]
            props += [("endLine", str(end_line)), ("title", f"factcheck {f.rule} ({f.category})")]
            message = f.message
            if f.work:
                message += "\n" + "\n".join(f.work)
            if f.sources:
                message += "\nSources: " + "; ".join(f.sources)
            head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
            out.append(f"::{COMMANDS[f.severity]} {head}::{escape_data(message)}")
    return "".join(line + "\n" for line in out)

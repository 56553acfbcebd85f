"""One line per finding, ``PATH:LINE:COL: SEVERITY [RULE] MESSAGE`` (like ruff's concise and Vale's line
formats): the headline with its correction, then the message."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.model import FileResult
from factcheck.report.headline import one_line
from factcheck.report.positions import LineIndex

if TYPE_CHECKING:
    from factcheck.report.formats import ReportOptions


def render(results: list[FileResult], options: ReportOptions | None = None) -> str:
    out = []
    for r in results:
        out.extend(f"{r.path}:1:1: warning [{n.kind}] {n.message}\n" for n in r.notices)  # file-level notices
        lines = LineIndex(r.text)
        for f in r.findings:
            line, col = lines.line_col(f.start)
            out.append(f"{r.path}:{line}:{col}: {f.severity} [{f.rule}] {one_line(f)}\n")
    return "".join(out)

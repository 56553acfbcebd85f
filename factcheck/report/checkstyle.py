"""Checkstyle XML (read by Jenkins' warnings plugin, reviewdog, SonarQube and the like): one ``<file>`` per
draft, one ``<error>`` per finding with line, column, severity, message and ``source`` = the rule id."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

from factcheck.model import FileResult
from factcheck.report.ci_paths import relative_path
from factcheck.report.headline import one_line
from factcheck.report.junit import _clean
from factcheck.report.positions import LineIndex

if TYPE_CHECKING:
    from factcheck.report.formats import ReportOptions


def render(results: list[FileResult], options: ReportOptions | None = None) -> str:
    base = options.base if options else None
    version = options.version if options else "0"
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n', f'<checkstyle version="{version}">\n']
    for r in results:
        lines = LineIndex(r.text)
        out.append(f"  <file name={quoteattr(_clean(relative_path(r.path, base)))}>\n")
        for n in r.notices:  # file-level notices (stale market data): a warning on the file's first line
            out.append(
                f'    <error line="1" column="1" severity="warning" message={quoteattr(_clean(n.message))} '
                f"source={quoteattr('factcheck.' + n.kind)}/>\n"
            )
        for f in r.findings:
            line, col = lines.line_col(f.start)
            out.append(
                f'    <error line="{line}" column="{col}" severity="{f.severity}" '
                f"message={quoteattr(_clean(one_line(f)))} source={quoteattr('factcheck.' + f.rule)}/>\n"
            )
        out.append("  </file>\n")
    out.append("</checkstyle>\n")
    return "".join(out)

"""JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure, CircleCI): one test suite per
file, one failing test case per error or warning, info findings as passing cases with their message in
``system-out``; a file without findings is one passing case."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from factcheck.model import FileResult
from factcheck.report.ci_paths import relative_path
from factcheck.report.headline import one_line
from factcheck.report.positions import LineIndex

if TYPE_CHECKING:
    from factcheck.report.formats import ReportOptions


def _clean(text: str) -> str:
    """XML 1.0 has no place for most control characters."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)


def render(results: list[FileResult], options: ReportOptions | None = None) -> str:
    base = options.base if options else None
    suites = []
    totals = {"tests": 0, "failures": 0}
    for r in results:
        path = relative_path(r.path, base)
        lines = LineIndex(r.text)
        cases = []
        failures = 0
        for n in r.notices:  # file-level notices (stale market data): the claims concerned were skipped
            name = quoteattr(_clean(f"{path} [{n.kind} {n.subject}]"))
            cases.append(
                f"    <testcase name={name} classname={quoteattr(_clean(path))} file={quoteattr(_clean(path))}>"
                f"<skipped message={quoteattr(_clean(n.message))}/></testcase>"
            )
        for f in r.findings:
            line, col = lines.line_col(f.start)
            name = quoteattr(_clean(f"{path}:{line}:{col} [{f.rule}]"))
            attrs = f'name={name} classname={quoteattr(_clean(path))} file={quoteattr(_clean(path))} line="{line}"'
            message = _clean(one_line(f))
            detail = "\n".join([message, *f.work, *(f"source: {s}" for s in f.sources)])
            if f.severity == "info":
                cases.append(f"    <testcase {attrs}><system-out>{escape(_clean(detail))}</system-out></testcase>")
                continue
            failures += 1
            cases.append(
                f"    <testcase {attrs}>\n"
                f"      <failure message={quoteattr(message)} type={quoteattr(f.severity)}>"
                f"{escape(_clean(detail))}</failure>\n    </testcase>"
            )
        if not cases:
            cases.append(f'    <testcase name={quoteattr(_clean(path))} classname={quoteattr(_clean(path))}/>')
        totals["tests"] += len(cases)
        totals["failures"] += failures
        suites.append(
            f"  <testsuite name={quoteattr(_clean(path))} tests=\"{len(cases)}\" failures=\"{failures}\" "
            f"errors=\"0\" skipped=\"{len(r.notices)}\">\n" + "\n".join(cases) + "\n  </testsuite>"
        )
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="factcheck" tests="{totals["tests"]}" failures="{totals["failures"]}" errors="0">\n'
    )
    return head + "".join(s + "\n" for s in suites) + "</testsuites>\n"

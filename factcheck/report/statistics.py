"""``check --statistics``: how many findings each rule gave, most first (like ruff's --statistics)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from factcheck.model import SEVERITY_RANK, FileResult

if TYPE_CHECKING:
    from factcheck.report.formats import ReportOptions


def counts(results: list[FileResult]) -> list[tuple[int, str, str, str]]:
    """(count, rule, severity, category) per rule and severity, most first, then by rule id."""
    c: Counter[tuple[str, str, str]] = Counter()
    for r in results:
        for f in r.findings:
            c[(f.rule, f.severity, f.category)] += 1
    return sorted(((n, *key) for key, n in c.items()), key=lambda x: (-x[0], -SEVERITY_RANK[x[2]], x[1]))


def render(results: list[FileResult], options: ReportOptions | None = None) -> str:
    rows = counts(results)
    if not rows:
        n = len(results)
        return f"no findings in {n} file{'s' * (n != 1)}\n"
    width = max(len(str(n)) for n, *_ in rows)
    rule_w = max(len(rule) for _, rule, _, _ in rows)
    lines = [f"{n:>{width}}  {rule:<{rule_w}}  {sev:<7}  {cat}".rstrip() for n, rule, sev, cat in rows]
    total = sum(n for n, *_ in rows)
    lines.append(f"{total} finding{'s' * (total != 1)} in {len(results)} file{'s' * (len(results) != 1)}")
    return "\n".join(lines) + "\n"

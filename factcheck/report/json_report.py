"""The JSON reports of the contract: ``factcheck.check/1`` and ``factcheck.extract/1``."""

from __future__ import annotations

import json
import math
from typing import Any

from factcheck.model import Figure, FileResult, Finding, Quantity, coverage
from factcheck.report.headline import headline
from factcheck.report.positions import LineIndex

CHECK_SCHEMA = "factcheck.check/1"
EXTRACT_SCHEMA = "factcheck.extract/1"


def _number(value: Any) -> Any:
    """JSON has no infinity or NaN: an open or unknown side is null."""
    if isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def finding_json(f: Finding, lines: LineIndex) -> dict[str, Any]:
    line, column = lines.line_col(f.start)
    end_line, end_column = lines.line_col(f.end)
    related = []
    for r in f.related:
        r_line, r_col = lines.line_col(r.start)
        related.append({"start": r.start, "end": r.end, "text": r.text, "line": r_line, "column": r_col})
    out = {
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "start": f.start,
        "end": f.end,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "text": f.text,
        "stated": f.stated,
        "expected": f.expected,
        "related": related,
        "sources": list(f.sources),
        "work": list(f.work),
        "readings": list(f.readings),
        "headline": headline(f),  # plain words with the correction: '"21%" should be about 14.9% (a fall)'
    }
    if f.series is not None:  # market findings: the daily closes the check read, for a chart
        out["series"] = {
            "asset": f.series.asset,
            "start": f.series.start.isoformat(),
            "end": f.series.end.isoformat(),
            "points": [[day.isoformat(), _number(close)] for day, close in f.series.points],
        }
    return out


def quantity_json(q: Quantity, lines: LineIndex) -> dict[str, Any]:
    line, column = lines.line_col(q.start)
    out: dict[str, Any] = {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "line": line,
        "column": column,
        "value": _number(q.value),
        "high": _number(q.high),
        "low_bound": _number(q.low_bound),
        "high_bound": _number(q.high_bound),
        "unit": q.unit,
        "bound": q.bound,
        "kind": q.kind,
        "subject": q.subject,
        "window": q.window,
    }
    for key, value in q.to_json().items():  # extra detail after the contract's fields
        out.setdefault(key, _number(value))
    return out


def figure_json(fig: Figure, lines: LineIndex) -> dict[str, Any]:
    line, column = lines.line_col(fig.start)
    out: dict[str, Any] = {
        "start": fig.start,
        "end": fig.end,
        "text": fig.text,
        "status": fig.status,
        "line": line,
        "column": column,
        "kind": fig.kind,
    }
    if fig.status == "unchecked":
        out["reason"] = fig.reason
    elif fig.status == "verified":
        out["evidence"] = fig.evidence
    return out


def summary(results: list[FileResult]) -> dict[str, int]:
    counts = {"files": len(results), "error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            counts[f.severity] += 1
    return counts


def file_report(r: FileResult) -> dict[str, Any]:
    """One file of the check report: its findings, figures, coverage, notes and notices."""
    lines = LineIndex(r.text)
    figures = r.figures
    return {
        "path": r.path,
        "as_of": r.as_of.isoformat() if r.as_of else None,
        "findings": [finding_json(f, lines) for f in r.findings],
        "figures": [figure_json(fig, lines) for fig in figures],
        "coverage": coverage(figures),
        "notes": list(r.notes),
        "notices": [n.to_json() for n in r.notices],
    }


def check_report(results: list[FileResult]) -> dict[str, Any]:
    return {"schema": CHECK_SCHEMA, "files": [file_report(r) for r in results], "summary": summary(results)}


def jsonl_line(r: FileResult) -> str:
    """``--format jsonl``: one file's report as one line of JSON (the schema named in it)."""
    return json.dumps({"schema": CHECK_SCHEMA, **file_report(r)}, ensure_ascii=False, allow_nan=False) + "\n"


def render_jsonl(results: list[FileResult]) -> str:
    return "".join(jsonl_line(r) for r in results)


def render_jsonl_options(results: list[FileResult], options: object) -> str:
    """The jsonl renderer of the one format interface (report/formats.py); the CLI streams it instead."""
    return render_jsonl(results)


def extract_report(results: list[FileResult]) -> dict[str, Any]:
    files = []
    for r in results:
        lines = LineIndex(r.text)
        files.append({"path": r.path, "quantities": [quantity_json(q, lines) for q in r.quantities]})
    return {"schema": EXTRACT_SCHEMA, "files": files}


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def render_check(results: list[FileResult]) -> str:
    return dumps(check_report(results))


def render_extract(results: list[FileResult]) -> str:
    return dumps(extract_report(results))

"""JSON reports follow the contract: factcheck.check/1 and factcheck.extract/1."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
from samples import TEXT, sample_result, span  # noqa: E402

from factcheck.model import FileResult, Quantity  # noqa: E402
from factcheck.report.json_report import render_check, render_extract  # noqa: E402

CHECK_KEYS = {"rule", "category", "severity", "message", "start", "end", "line", "column", "end_line",
              "end_column", "text", "stated", "expected", "related", "sources"}
QUANTITY_KEYS = {"text", "start", "end", "line", "column", "value", "high", "low_bound", "high_bound", "unit",
                 "bound", "kind", "subject", "window"}


def test_check_report_has_the_contract_fields():
    report = json.loads(render_check([sample_result()]))
    assert report["schema"] == "factcheck.check/1"
    assert report["summary"] == {"files": 1, "error": 1, "warning": 1, "info": 1}
    file = report["files"][0]
    assert file["path"] == "drafts/post.md" and file["as_of"] == "2026-02-05"
    for f in file["findings"]:
        assert CHECK_KEYS <= set(f)


def test_positions_are_true_to_the_text():
    f = json.loads(render_check([sample_result()]))["files"][0]["findings"][0]
    start, end = span(TEXT, "roughly $62 billion")
    assert (f["start"], f["end"]) == (start, end) and TEXT[f["start"] : f["end"]] == f["text"]
    line_text = TEXT.split("\n")[f["line"] - 1]
    assert line_text[f["column"] - 1 : f["end_column"] - 1] == f["text"]
    assert f["end_line"] == f["line"] == 6
    assert f["related"][1]["text"] == "about $70,000" and "line" in f["related"][1]
    assert f["work"] and f["readings"] == ["value = holdings x price"]


def test_crlf_offsets_keep_both_characters():
    text = "Line one.\r\nUp 21% now.\r\n"
    r = sample_result(text=TEXT)
    r.text = text
    s, e = span(text, "21%")
    r.findings = [r.findings[1]]
    r.findings[0].start, r.findings[0].end = s, e
    f = json.loads(render_check([r]))["files"][0]["findings"][0]
    assert (f["line"], f["column"], f["end_column"]) == (2, 4, 7)


def test_extract_report_has_the_contract_fields_and_no_infinities():
    r = sample_result()
    r.quantities.append(Quantity("over 45%", 0, 8, 45, None, 45, math.inf, "%", "lower", "percent"))
    report = json.loads(render_extract([r]))
    assert report["schema"] == "factcheck.extract/1"
    qs = report["files"][0]["quantities"]
    assert all(QUANTITY_KEYS <= set(q) for q in qs)
    assert qs[0]["value"] == 713502 and isinstance(qs[0]["value"], int) and qs[0]["unit"] == "BTC"
    assert qs[-1]["high_bound"] is None


def test_empty_run_is_valid():
    assert json.loads(render_check([])) == {"schema": "factcheck.check/1", "files": [],
                                            "summary": {"files": 0, "error": 0, "warning": 0, "info": 0}}
    empty = FileResult("e.md", "", None)
    assert json.loads(render_check([empty]))["files"][0]["as_of"] is None

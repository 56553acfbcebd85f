"""GitHub workflow-command annotations, escaped."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
from samples import sample_result  # noqa: E402

from factcheck.report.github import escape_data, escape_property, render  # noqa: E402


def test_one_command_per_finding_with_levels_and_positions():
    lines = render([sample_result()]).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]
    assert lines[0].startswith("::error file=drafts/post.md,line=6,col=")
    assert ",endLine=6," in lines[0] and "title=factcheck derived-product (arithmetic)::" in lines[0]


def test_data_escaping():
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_messages_stay_on_one_line_and_paths_are_escaped():
    r = sample_result(path="drafts/a,b:c.md")
    r.findings[0].message = "multi\nline 100%"
    out = render([r])
    first = out.splitlines()[0]
    assert "file=drafts/a%2Cb%3Ac.md" in first and "multi%0Aline 100%25" in first
    assert len(out.splitlines()) == 3


def test_no_findings_no_output():
    r = sample_result()
    r.findings = []
    assert render([r]) == ""

"""Per-file `figures` and `coverage` (contract: `factcheck check --format json`): every figure the extractor
found gets exactly one status, wrong / verified / unchecked / not-claim, and the reports say how many."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
from samples import sample_result, span  # noqa: E402

from factcheck.config import resolve  # noqa: E402
from factcheck.document import parse  # noqa: E402
from factcheck.model import Claim, FileResult, Finding, Quantity  # noqa: E402
from factcheck.pipeline import check_document  # noqa: E402
from factcheck.report.html import render as render_html  # noqa: E402
from factcheck.report.json_report import render_check as render_json  # noqa: E402
from factcheck.report.text import render_check as render_text  # noqa: E402

COVERAGE_KEYS = {"figures", "wrong", "verified", "unchecked", "not-claim"}
STATUSES = {"wrong", "verified", "unchecked", "not-claim"}

DRAFT = (
    "---\ndate: 2026-02-05\n---\n"
    "Analysts say Bitcoin could reach $150,000 by 2027.\n\n"
    "On January 5, 2026, Ether fell 21%, from $2,148 to $1,827.\n"
)


def check(text: str = DRAFT, path: str = "draft.md") -> FileResult:
    return check_document(parse(text, path, "markdown"), resolve([], as_of="2026-02-05"))


def json_file(result: FileResult) -> dict:
    return json.loads(render_json([result]))["files"][0]


def figure(file: dict, text: str) -> dict:
    return next(f for f in file["figures"] if f["text"] == text)


def text_report(results: list[FileResult]) -> str:
    out = io.StringIO()
    render_text(results, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def checked() -> FileResult:
    return check()


# ---------------------------------------------------------------- the JSON fields


def test_json_has_figures_and_coverage_with_the_contract_names(checked):
    file = json_file(checked)
    assert set(file["coverage"]) == COVERAGE_KEYS
    assert file["figures"]
    for fig in file["figures"]:
        assert {"start", "end", "text", "status"} <= set(fig)
        assert fig["status"] in STATUSES
        assert checked.text[fig["start"] : fig["end"]] == fig["text"]
        if fig["status"] == "unchecked":
            assert isinstance(fig["reason"], str) and fig["reason"]
        if fig["status"] == "verified":
            assert isinstance(fig["evidence"], str) and fig["evidence"]


def test_every_figure_has_exactly_one_status_and_the_counts_add_up(checked):
    file = json_file(checked)
    cov = file["coverage"]
    assert cov["figures"] == len(file["figures"]) == len(checked.quantities)
    assert cov["wrong"] + cov["verified"] + cov["unchecked"] + cov["not-claim"] == cov["figures"]
    for status in STATUSES:
        assert cov[status] == sum(f["status"] == status for f in file["figures"])
    spans = [(f["start"], f["end"]) for f in file["figures"]]
    assert spans == [(q.start, q.end) for q in checked.quantities]


def test_a_forecast_is_unchecked_with_a_forecast_reason(checked):
    fig = figure(json_file(checked), "$150,000")
    assert fig["status"] == "unchecked"
    assert fig["reason"].startswith("forecast"), fig["reason"]


def test_dates_are_not_claims(checked):
    file = json_file(checked)
    assert figure(file, "2027")["status"] == "not-claim"
    assert figure(file, "January 5, 2026")["status"] == "not-claim"
    assert "reason" not in figure(file, "2027")


def test_a_figure_with_an_error_finding_is_wrong(checked):
    file = json_file(checked)
    flagged = [f for f in file["findings"] if f["severity"] in ("error", "warning")]
    assert any(f["text"] == "21%" for f in flagged), "the percent-change check flags 21% (a 14.9% fall)"
    by_span = {(x["start"], x["end"]): x for x in file["figures"]}
    for f in flagged:
        assert by_span[(f["start"], f["end"])]["status"] == "wrong"
    assert figure(file, "21%")["status"] == "wrong"


def test_an_error_finding_makes_its_figure_wrong_and_only_its_own_span():
    r = _result()
    q = next(q for q in r.quantities if q.text == "$7")
    r.findings.append(Finding("z", "arithmetic", "error", "$7 is off", q.start, q.end, "$7"))
    r.findings.append(Finding("z", "arithmetic", "error", "wider", q.start - 1, q.end, " $7"))  # another span
    figs = {f.text: f for f in r.figures}
    assert figs["$7"].status == "wrong" and figs["$7"].reason is None
    assert r.coverage["wrong"] == 2


def test_nothing_is_verified_until_a_check_says_so(checked):
    assert checked.verified == []
    assert json_file(checked)["coverage"]["verified"] == 0


# ---------------------------------------------------------------- the rules, on the result model


def _result() -> FileResult:
    """A stand-in with one figure of every kind of status."""
    text = "Up 5% at $9, a 3x move; $7 seen by 2027, 12 offices, 3 years, worth $40.\n"
    qs = [
        Quantity("5%", *span(text, "5%"), 5, None, 4.5, 5.5, "%", "exact", "percent"),
        Quantity("$9", *span(text, "$9"), 9, None, 8.5, 9.5, "USD", "exact", "amount"),
        Quantity("3x", *span(text, "3x"), 3, None, 2.5, 3.5, "times", "exact", "multiple"),
        Quantity("$7", *span(text, "$7"), 7, None, 6.5, 7.5, "USD", "exact", "amount"),
        Quantity("2027", *span(text, "2027"), 2027, None, None, None, None, "exact", "date"),
        Quantity("12", *span(text, "12"), 12, None, 11.5, 12.5, None, "exact", "count"),
        Quantity("3 years", *span(text, "3 years"), 3, None, 2.5, 3.5, "year", "exact", "duration"),
        Quantity("$40", *span(text, "$40"), 40, None, 39.5, 40.5, "USD", "exact", "amount"),
    ]
    claims = [Claim(q, 0, len(text), None, None) for q in qs if q.kind != "date"]
    claims[3].assertive, claims[3].reason = False, "forecast: seen"
    r = FileResult("s.md", text, None, quantities=qs, claims=claims)
    r.findings = [
        Finding("x", "arithmetic", "warning", "5% is off", qs[0].start, qs[0].end, "5%"),
        Finding("unverifiable", "unverifiable", "info", "Not checked: no price history", qs[1].start, qs[1].end, "$9"),
    ]
    r.verified = [(qs[2].start, qs[2].end, "3 x $3 = $9")]
    r.suppressed = [Finding("y", "arithmetic", "error", "$40 is off", qs[7].start, qs[7].end, "$40")]
    return r


def test_each_status_and_its_reason_or_evidence():
    figs = {f.text: f for f in _result().figures}
    assert figs["5%"].status == "wrong"  # a warning counts as wrong
    assert (figs["$9"].status, figs["$9"].reason) == ("unchecked", "Not checked: no price history")
    assert (figs["3x"].status, figs["3x"].evidence) == ("verified", "3 x $3 = $9")
    assert (figs["$7"].status, figs["$7"].reason) == ("unchecked", "forecast: seen")
    assert figs["2027"].status == "not-claim"
    assert figs["12"].status == "not-claim"  # a bare count with no metric
    assert figs["3 years"].status == "not-claim"
    assert figs["$40"].status == "unchecked" and "suppressed" in (figs["$40"].reason or "")
    assert _result().coverage == {"figures": 8, "wrong": 1, "verified": 1, "unchecked": 3, "not-claim": 3}


def test_an_amount_no_check_read_is_unchecked_with_no_check_applies():
    r = _result()
    r.suppressed = []
    assert next(f for f in r.figures if f.text == "$40").reason == "no check applies"


def test_a_count_with_a_metric_is_a_claim():
    r = _result()
    next(c for c in r.claims if c.quantity.text == "12").metric = "holdings"
    assert next(f for f in r.figures if f.text == "12").status == "unchecked"


def test_json_of_a_verified_figure_has_evidence_and_no_reason():
    fig = figure(json_file(_result()), "3x")
    assert fig["status"] == "verified" and fig["evidence"] == "3 x $3 = $9" and "reason" not in fig


# ---------------------------------------------------------------- the text and HTML reports


def test_text_report_prints_the_coverage_line(checked):
    cov = checked.coverage
    out = text_report([checked])
    line = f"{cov['figures']} figures: {cov['wrong']} wrong, {cov['verified']} verified, {cov['unchecked']} not checked"
    assert line in out
    lines = out.splitlines()
    assert lines[lines.index(next(x for x in lines if x.startswith("draft.md"))) + 1].startswith(line)


def test_text_report_lists_a_file_with_figures_but_no_findings():
    r = _result()
    r.findings = []
    out = text_report([r])
    assert "s.md" in out and "8 figures: 0 wrong, 1 verified, 4 not checked" in out


def test_html_marks_unchecked_figures_as_not_checked_with_the_reason():
    page = render_html([_result()])
    assert "no problem found" not in page
    header = page.split('<header class="top">')[1].split("</header>")[0]
    assert "8 figures: 1 wrong, 1 verified, 3 not checked" in header
    marks = {text: status for status, text in re.findall(
        r'<mark class="fc fc-fine" data-status="(\w+)"[^>]*>([^<]*)</mark>', page.split("</header>", 1)[1])}
    assert marks["3x"] == "verified" and marks["$7"] == "unchecked" and marks["12"] == "notclaim"
    assert 'title="not checked (forecast: seen): click for details">$7</mark>' in page
    assert "Not checked (forecast: seen)." in page


def test_html_of_the_sample_no_longer_says_no_problem_found():
    page = render_html([sample_result()])
    assert "no problem found" not in page
    assert "6 figures: 2 wrong, 0 verified, 4 not checked" in page

"""The terminal report of issue 11: path:line:col first, a headline with the correction, the work behind
--show-work, --format concise, --statistics, --quiet, --exit-zero, --stdin-filename, -o format inference."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
import stand_in  # noqa: E402
from samples import sample_result  # noqa: E402

from factcheck.cli import main  # noqa: E402
from factcheck.model import Finding  # noqa: E402
from factcheck.report.formats import format_for_output  # noqa: E402
from factcheck.report.headline import correction, headline, one_line  # noqa: E402
from factcheck.report.text import render_check  # noqa: E402


def finding(text: str, expected: str | None, category: str = "arithmetic", severity: str = "error") -> Finding:
    return Finding("r", category, severity, "the message", 0, len(text), text, expected=expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected", "category", "fix"),
    [
        ("roughly $62 billion", "$49.9 billion", "arithmetic", "should be about $49.9 billion"),
        ("21%", "-14.9%", "arithmetic", "should be about 14.9% (a fall)"),
        ("about $520 million", "$385.5 million to $385.7 million", "conversion",
         "should be between $385.5 million and $385.7 million"),
        ("60%", "at most 100%", "arithmetic", "should be at most 100%"),
        ("122 days", "119 days", "date", "should be 119 days"),
    ],
)
def test_correction_is_derived_from_expected(text, expected, category, fix):
    assert correction(finding(text, expected, category)) == fix
    assert headline(finding(text, expected, category)) == f'"{text}" {fix}'


def test_no_expected_or_info_gives_the_message_alone():
    assert correction(finding("5%", None)) is None and headline(finding("5%", None)) == "the message"
    assert one_line(finding("5%", "7%", severity="info")) == "the message"
    assert one_line(finding("5%", "7%")) == '"5%" should be about 7%: the message'


def render(**kw) -> str:
    out = io.StringIO()
    render_check([sample_result()], out, **kw)
    return out.getvalue()


def test_default_report_is_short_and_work_is_behind_show_work():
    short, full = render(show_work=False), render(show_work=True)
    assert 'drafts/post.md:6:35: error [derived-product] "roughly $62 billion" should be about $49.9 billion' in short
    assert "713,502 x 70,000 = 49,945,140,000" not in short and "--show-work" in short
    assert "713,502 x 70,000 = 49,945,140,000" in full and "data: BTC/USDT 1d, binance" in full
    block = short.split("drafts/post.md:6:35:")[1].split("drafts/post.md:7:")[0]
    assert len(block.strip().splitlines()) <= 5


def test_quiet_prints_findings_only():
    out = render(show_work=False, quiet=True)
    assert out.startswith("drafts/post.md:6:35: error") and "checked" not in out and "figures:" not in out


@pytest.fixture
def engine(monkeypatch):
    stand_in.install(monkeypatch)


def draft(tmp_path, text="Up 5% at $9 with 3 owners.\n", name="d.md") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_concise_is_one_line_per_finding(engine, tmp_path, capsys):
    path = draft(tmp_path)
    assert main(["check", path, "--format", "concise"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    pattern = re.compile(r"^(.+):(\d+):(\d+): (error|warning|info) \[([\w-]+)\] (.+)$")
    parsed = [pattern.match(line).groups() for line in lines]
    assert [p[0] for p in parsed] == [path] * 3
    assert [(p[1], p[2], p[3], p[4]) for p in parsed] == [
        ("1", "4", "error", "fake-error"), ("1", "10", "warning", "fake-warning"), ("1", "18", "info", "fake-info")]
    assert parsed[0][5] == '"5%" should be about something else: 5% is error (stand-in)'


def test_statistics_counts_per_rule(engine, tmp_path, capsys):
    path = draft(tmp_path, "Up 5% and 6% at $9.\n")
    assert main(["check", path, "--statistics"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["2", "fake-error", "error", "arithmetic"]
    assert out[1].split() == ["1", "fake-warning", "warning", "market-data"]
    assert out[-1] == "3 findings in 1 file"


def test_exit_zero_keeps_exit_2_for_bad_input(engine, tmp_path, capsys):
    assert main(["check", draft(tmp_path), "--exit-zero", "--format", "json"]) == 0
    assert main(["check", str(tmp_path / "missing.md"), "--exit-zero"]) == 2
    capsys.readouterr()


def test_stdin_filename_names_standard_input_and_picks_its_format(engine, monkeypatch, tmp_path, capsys):
    class FakeStdin:
        buffer = io.BytesIO(b"<!DOCTYPE html><p>Up 5%.</p><script>var x = '9%';</script>\n")

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    assert main(["check", "--stdin-filename", "drafts/page.html", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0]["path"] == "drafts/page.html"
    assert [f["text"] for f in report["files"][0]["findings"]] == ["5%"]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("report.html", "html"), ("r.htm", "html"), ("x.sarif", "sarif"), ("x.sarif.json", "sarif"),
     ("x.json", "json"), ("junit.xml", "junit"), ("checkstyle-result.xml", "checkstyle"), ("x.txt", "text"),
     ("report", None), (None, None), ("-", None)],
)
def test_output_name_implies_the_format(name, fmt):
    assert format_for_output(name) == fmt


def test_dash_o_html_writes_html_and_explicit_format_wins(engine, tmp_path, capsys):
    path = draft(tmp_path)
    target = tmp_path / "report.html"
    assert main(["check", path, "-o", str(target)]) == 1
    assert target.read_text().lstrip().lower().startswith("<!doctype html")
    other = tmp_path / "report2.html"
    main(["check", path, "-o", str(other), "--format", "json"])
    assert json.loads(other.read_text())["schema"] == "factcheck.check/1"
    capsys.readouterr()


def test_help_has_examples_exit_codes_and_environment(capsys):
    assert main(["check", "--help"]) == 0
    out = capsys.readouterr().out
    for needle in ("examples:", "exit codes:", "environment variables:", "FACTCHECK_DATA_DIR", "NO_COLOR",
                   "--format concise", "GITHUB_STEP_SUMMARY", "--show-work", "--stdin-filename", "--watch"):
        assert needle in out


def test_json_findings_carry_the_headline():
    from factcheck.report.json_report import check_report

    findings = check_report([sample_result()])["files"][0]["findings"]
    assert findings[0]["headline"] == '"roughly $62 billion" should be about $49.9 billion'
    assert findings[2]["headline"] == "no price history for this asset on this day"


def test_show_work_on_the_command_line(engine, tmp_path, capsys):
    path = draft(tmp_path, "Up 5%.\n")
    main(["check", path])
    short = capsys.readouterr().out
    main(["check", path, "--show-work"])
    full = capsys.readouterr().out
    assert "5% x 1 = 5%" not in short and "--show-work" in short
    assert "5% x 1 = 5%" in full and "data: STAND/IN 1d, test, 2026-02-05" in full


def test_quiet_keeps_notes_off_stderr(engine, tmp_path, capsys):
    path = draft(tmp_path, "<!-- factcheck: ignore no-such-rule -->\nUp 5%.\n")
    main(["check", path, "--quiet"])
    out, err = capsys.readouterr()
    assert err == "" and "in 1 file checked" not in out and f"{path}:2:4: error [fake-error]" in out

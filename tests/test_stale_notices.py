"""Stale data announced: a claim that needs a day after the data's last one gets a file notice naming the fix, in
every format, and the claim is "not checked", never "verified"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

TODAY_DRAFT = """---
date: 2026-12-01
---
# Markets

Bitcoin closed at $91,500 on Monday, down 4% over the past 7 days.

The fund raised EUR 50 million (about $58 million) this week.
"""


def _fx_draft(day: str) -> str:
    # 50 million euros at the ECB rate of 2026-10-30 (1.1172 USD per EUR) is $55.9 million
    return f"---\ndate: {day}\n---\nThe fund raised EUR 50 million (about $55.9 million) this week.\n"


def _check(tmp_path: Path, text: str, *args: str, capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    code = main(["check", str(draft), "--data-dir", str(tmp_path / "store"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _json(tmp_path: Path, text: str, capsys: pytest.CaptureFixture, *args: str) -> dict:
    _, out, _ = _check(tmp_path, text, "--format", "json", *args, capsys=capsys)
    return json.loads(out)["files"][0]


def test_json_notices_name_subject_days_and_the_fix_command(tmp_path, capsys):
    f = _json(tmp_path, TODAY_DRAFT, capsys)
    by = {n["subject"]: n for n in f["notices"]}
    assert set(by) == {"BTC", "EUR"}
    btc = by["BTC"]
    assert btc["kind"] == "stale-data" and btc["needed"] == "2026-12-01" and btc["last_day"] < "2026-12-01"
    assert f"`factcheck data update --symbols BTC/USDT --data-dir {tmp_path / 'store'}`" in btc["message"]
    assert "--fetch" in btc["message"]
    assert by["EUR"]["last_day"] == "2026-10-30" and "factcheck data update --fx ecb" in by["EUR"]["command"]
    assert not any(fig["status"] in ("verified", "wrong") for fig in f["figures"])


def test_a_conversion_right_at_last_weeks_rate_is_not_verified_once_a_business_day_is_missing(tmp_path, capsys):
    fresh = _json(tmp_path, _fx_draft("2026-10-30"), capsys)
    assert fresh["notices"] == []
    assert [fig["status"] for fig in fresh["figures"] if fig["text"] == "about $55.9 million"] == ["verified"]

    sunday = _json(tmp_path, _fx_draft("2026-11-01"), capsys)  # Friday's rate is the rate of the weekend
    assert sunday["notices"] == []

    tuesday = _json(tmp_path, _fx_draft("2026-11-03"), capsys)
    assert [n["subject"] for n in tuesday["notices"]] == ["EUR"]
    fig = next(fig for fig in tuesday["figures"] if fig["text"] == "about $55.9 million")
    assert fig["status"] == "unchecked" and "stale data" in fig["reason"] and "--fx ecb" in fig["reason"]


def test_a_draft_inside_the_shipped_data_has_no_notice(tmp_path, capsys):
    f = _json(tmp_path, "---\ndate: 2026-02-05\n---\nBitcoin traded near $70,000 at press time.\n", capsys)
    assert f["notices"] == []


def test_text_report_opens_with_a_banner_and_the_command_whole_on_its_line(tmp_path, capsys):
    code, out, _ = _check(tmp_path, TODAY_DRAFT, capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("! Stale market data")
    fix = [ln for ln in lines if "run: factcheck data update --symbols BTC/USDT" in ln]
    assert fix and lines.index(fix[0]) < next(i for i, ln in enumerate(lines) if ln.startswith(str(tmp_path)))


def test_html_report_has_the_banner_at_the_top(tmp_path, capsys):
    _, out, _ = _check(tmp_path, TODAY_DRAFT, "--format", "html", capsys=capsys)
    banner = out.index('<div class="banner" role="alert">')
    assert banner < out.index('<section class="file"')
    assert "<code>factcheck data update --fx ecb" in out[banner:]


def test_github_format_warns_on_the_file(tmp_path, capsys):
    _, out, _ = _check(tmp_path, TODAY_DRAFT, "--format", "github", capsys=capsys)
    warnings = [ln for ln in out.splitlines() if ln.startswith("::warning ") and "stale-data" in ln]
    assert len(warnings) == 2 and any("factcheck data update --symbols BTC/USDT" in w for w in warnings)


def test_sarif_carries_a_notification_per_notice(tmp_path, capsys):
    _, out, _ = _check(tmp_path, TODAY_DRAFT, "--format", "sarif", capsys=capsys)
    notes = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert {n["properties"]["subject"] for n in notes} == {"BTC", "EUR"}
    assert all(n["level"] == "warning" and n["descriptor"]["id"] == "stale-data" for n in notes)
    assert all("factcheck data update" in n["message"]["text"] for n in notes)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("concise", ":1:1: warning [stale-data] the draft needs BTC prices"),
        ("checkstyle", 'severity="warning" message="the draft needs BTC prices'),
        ("junit", '<skipped message="the draft needs BTC prices'),
    ],
)
def test_the_line_formats_carry_the_notice_too(tmp_path, capsys, fmt, expected):
    _, out, _ = _check(tmp_path, TODAY_DRAFT, "--format", fmt, capsys=capsys)
    assert expected in out and "factcheck data update --symbols BTC/USDT" in out


def test_the_language_server_shows_the_notice_and_never_fetches(tmp_path):
    pytest.importorskip("pygls")
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "market"))
    from fake_binance import FakeBinance

    from factcheck.lsp import check_text_for_editor, diagnostics

    with FakeBinance() as exchange:
        (tmp_path / ".factcheck.toml").write_text(f"fetch = true\nexchange-url = '{exchange.url}'\n", encoding="utf-8")
        result = check_text_for_editor(TODAY_DRAFT, str(tmp_path / "draft.md"), "markdown")
        assert exchange.requests == []  # fetch = true is for the command line, not for every keystroke
    stale = [d for d in diagnostics(result, "file:///draft.md") if d.code == "stale-data"]
    assert len(stale) == 2 and any("factcheck data update --symbols BTC/USDT" in d.message for d in stale)
    assert all(d.range.start.line == 0 and d.severity == 2 for d in stale)  # Warning

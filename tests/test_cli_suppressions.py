"""Inline suppressions: ignore RULE for the next paragraph, off/on stretches, front matter, unknown ids."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
import stand_in  # noqa: E402

from factcheck.cli import main  # noqa: E402


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch):
    stand_in.install(monkeypatch)


def check(tmp_path, capsys, text: str, name: str = "d.md") -> tuple[int, list[dict], str]:
    path = tmp_path / name
    path.write_text(text)
    code = main(["check", str(path), "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out)["files"][0]["findings"], err


def test_ignore_rule_covers_the_next_paragraph_only(tmp_path, capsys):
    text = "<!-- factcheck: ignore fake-error -->\nUp 5% here.\n\nUp 6% there.\n"
    code, findings, err = check(tmp_path, capsys, text)
    assert [f["text"] for f in findings] == ["6%"]
    assert code == 1 and err == ""


def test_ignore_rule_leaves_other_rules_alone(tmp_path, capsys):
    text = "<!-- factcheck: ignore fake-error -->\nUp 5% at $9.\n"
    _, findings, _ = check(tmp_path, capsys, text)
    assert [f["rule"] for f in findings] == ["fake-warning"]


def test_ignore_several_rules(tmp_path, capsys):
    text = "<!-- factcheck: ignore fake-error, fake-warning -->\nUp 5% at $9.\n"
    code, findings, _ = check(tmp_path, capsys, text)
    assert findings == [] and code == 0


def test_off_and_on_suppress_a_stretch(tmp_path, capsys):
    text = "Up 1%.\n\n<!-- factcheck: off -->\nUp 2%.\n\nUp 3%.\n<!-- factcheck: on -->\n\nUp 4%.\n"
    _, findings, _ = check(tmp_path, capsys, text)
    assert [f["text"] for f in findings] == ["1%", "4%"]


def test_off_without_on_runs_to_the_end(tmp_path, capsys):
    text = "Up 1%.\n\n<!-- factcheck: off -->\nUp 2%.\n\nUp 3%.\n"
    _, findings, _ = check(tmp_path, capsys, text)
    assert [f["text"] for f in findings] == ["1%"]


def test_front_matter_off_disables_the_file(tmp_path, capsys):
    text = "---\ntitle: Draft\nfactcheck: off\n---\nUp 5% at $9.\n"
    code, findings, _ = check(tmp_path, capsys, text)
    assert findings == [] and code == 0


def test_html_draft_suppression(tmp_path, capsys):
    text = "<p>Up 1%.</p>\n<!-- factcheck: ignore fake-error -->\n<p>Up 2%.</p>\n\n<p>Up 3%.</p>\n"
    _, findings, _ = check(tmp_path, capsys, text, "page.html")
    assert [f["text"] for f in findings] == ["1%", "3%"]


def test_unknown_rule_id_is_reported_as_info_and_on_stderr(tmp_path, capsys):
    text = "Intro.\n\n<!-- factcheck: ignore no-such-rule -->\nIt has 7 owners.\n"
    code, findings, err = check(tmp_path, capsys, text)
    notes = [f for f in findings if f["rule"] == "suppression"]
    assert len(notes) == 1
    assert notes[0]["severity"] == "info" and "no-such-rule" in notes[0]["message"]
    assert notes[0]["line"] == 3 and notes[0]["text"].startswith("<!--")
    assert "no-such-rule" in err and "d.md:3:1" in err and "Traceback" not in err
    assert code == 0


def test_category_in_suppression_suppresses_its_rules(tmp_path, capsys):
    text = "<!-- factcheck: ignore arithmetic -->\nUp 5% with 7 owners.\n"
    _, findings, err = check(tmp_path, capsys, text)
    assert [f["rule"] for f in findings] == ["fake-info"] and err == ""

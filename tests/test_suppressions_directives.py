"""Suppressions that cannot silently switch everything off: unknown words are errors, rule names honoured by
every word, line-scoped next-line directives, unused suppressions reported, broken config files exit 2."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
import stand_in  # noqa: E402

from factcheck.cli import main  # noqa: E402
from factcheck.suppressions import directive_words  # noqa: E402


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch):
    stand_in.install(monkeypatch)


def check(tmp_path, capsys, text: str, *extra: str) -> tuple[int, list[dict], str]:
    path = tmp_path / "d.md"
    path.write_text(text)
    code = main(["check", str(path), "--format", "json", *extra])
    out, err = capsys.readouterr()
    files = json.loads(out)["files"] if out.strip() else []
    return code, (files[0]["findings"] if files else []), err


def texts(findings, rule_prefix="fake"):
    return [f["text"] for f in findings if f["rule"].startswith(rule_prefix)]


def test_directive_words_are_data():
    words = directive_words()
    assert words["ignore-next-line"] == "next-line" and words["disable-next-line"] == "next-line"
    assert words["off"] == "start" and words["on"] == "end" and words["ignore"] == "paragraph"


def test_disable_next_line_covers_only_the_next_line(tmp_path, capsys):
    text = "<!-- factcheck: disable-next-line -->\nUp 5%.\nUp 6%.\n\nUp 7%.\n"
    code, findings, err = check(tmp_path, capsys, text)
    assert texts(findings) == ["6%", "7%"] and code == 1 and err == ""


def test_ignore_next_line_honours_the_rule_name(tmp_path, capsys):
    text = "<!-- factcheck: ignore-next-line fake-warning -->\nUp 5% at $9.\nUp 6% at $8.\n"
    _, findings, _ = check(tmp_path, capsys, text)
    assert texts(findings) == ["5%", "6%", "$8"]


def test_ignore_line_covers_the_comment_line(tmp_path, capsys):
    text = "Up 5%. <!-- factcheck: ignore-line fake-error -->\nUp 6%.\n"
    _, findings, _ = check(tmp_path, capsys, text)
    assert texts(findings) == ["6%"]


def test_disable_with_a_rule_disables_only_that_rule(tmp_path, capsys):
    text = "<!-- factcheck: disable fake-error -->\nUp 5% at $9.\n\nUp 6% at $8.\n"
    _, findings, _ = check(tmp_path, capsys, text)
    assert texts(findings) == ["$9", "$8"]


def test_enable_a_rule_ends_its_stretch(tmp_path, capsys):
    text = ("<!-- factcheck: disable fake-error, fake-warning -->\nUp 5% at $9.\n"
            "<!-- factcheck: enable fake-error -->\nUp 6% at $8.\n")
    _, findings, _ = check(tmp_path, capsys, text)
    assert texts(findings) == ["6%"]


@pytest.mark.parametrize("word", ["disable-nxt-line", "ignore_next", "skip"])
def test_unknown_directive_is_an_error_naming_the_line(tmp_path, capsys, word):
    text = f"Intro.\n\n<!-- factcheck: {word} -->\nUp 5%.\n"
    code, _, err = check(tmp_path, capsys, text)
    assert code == 2
    assert f"d.md:3:1: unknown factcheck directive '{word}'" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_unused_suppression_is_reported_as_info(tmp_path, capsys):
    text = "<!-- factcheck: ignore fake-error -->\nAt $9 today.\n"
    code, findings, _ = check(tmp_path, capsys, text)
    unused = [f for f in findings if f["rule"] == "suppression"]
    assert len(unused) == 1 and unused[0]["severity"] == "info" and unused[0]["line"] == 1
    assert "unused suppression" in unused[0]["message"] and "fake-error" in unused[0]["message"]
    assert code == 0


def test_used_suppression_is_not_reported(tmp_path, capsys):
    text = "<!-- factcheck: ignore-next-line -->\nUp 5%.\n"
    _, findings, _ = check(tmp_path, capsys, text)
    assert findings == []


def test_suppression_of_a_deselected_rule_is_not_called_unused(tmp_path, capsys):
    text = "<!-- factcheck: ignore fake-error -->\nUp 5%.\n"
    _, findings, _ = check(tmp_path, capsys, text, "--ignore", "fake-error")
    assert findings == []


def test_broken_pyproject_is_exit_2_naming_file_and_line(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "info"\nselect = [\n')
    path = tmp_path / "d.md"
    path.write_text("Up 5%.\n")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'pyproject.toml'}:" in err and "not valid TOML" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_broken_factcheck_toml_names_the_line(tmp_path, capsys):
    (tmp_path / ".factcheck.toml").write_text('fail-on = "info"\nignore = "x\n')
    path = tmp_path / "d.md"
    path.write_text("Up 5%.\n")
    assert main(["check", str(path)]) == 2
    assert f"{tmp_path / '.factcheck.toml'}:2:" in capsys.readouterr().err


def test_directive_shown_in_markdown_code_is_an_example_not_a_directive(tmp_path, capsys):
    text = "Write `<!-- factcheck: whatever -->` to...\n\n```\n<!-- factcheck: off -->\n```\nUp 5%.\n"
    code, findings, err = check(tmp_path, capsys, text)
    assert texts(findings) == ["5%"] and code == 1 and err == ""

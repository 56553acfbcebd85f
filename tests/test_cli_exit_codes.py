"""Exit codes: 0 below --fail-on, 1 at or above it, whatever the output format; select/ignore narrow it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
import stand_in  # noqa: E402

from factcheck.cli import main  # noqa: E402

# The stand-in engine: N% -> error, $N -> warning, bare count -> info.
DRAFTS = {
    "error": "It rose 5% today.\n",
    "warning": "It traded at $5 today.\n",
    "info": "It has 5 owners.\n",
    "clean": "Nothing to see here.\n",
}


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch):
    stand_in.install(monkeypatch)


@pytest.fixture
def draft(tmp_path):
    def make(kind: str) -> str:
        path = tmp_path / f"{kind}.md"
        path.write_text(DRAFTS[kind])
        return str(path)

    return make


@pytest.mark.parametrize(
    ("worst", "fail_on", "expected"),
    [
        ("error", None, 1), ("warning", None, 0), ("info", None, 0), ("clean", None, 0),
        ("error", "warning", 1), ("warning", "warning", 1), ("info", "warning", 0),
        ("warning", "info", 1), ("info", "info", 1), ("clean", "info", 0),
        ("error", "never", 0), ("error", "error", 1),
    ],
)
def test_fail_on_levels(draft, capsys, worst, fail_on, expected):
    argv = ["check", draft(worst), "--format", "json"]
    if fail_on:
        argv += ["--fail-on", fail_on]
    assert main(argv) == expected
    capsys.readouterr()


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_exit_code_is_the_same_in_every_format(draft, capsys, fmt):
    assert main(["check", draft("error"), "--format", fmt]) == 1
    assert main(["check", draft("warning"), "--format", fmt]) == 0
    capsys.readouterr()


def test_ignore_drops_the_rule_and_its_exit_code(draft, capsys):
    assert main(["check", draft("error"), "--ignore", "fake-error", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["error"] == 0


def test_ignore_by_category(draft, capsys):
    assert main(["check", draft("error"), "--ignore", "arithmetic", "--format", "json"]) == 0
    capsys.readouterr()


def test_select_keeps_only_the_named_rules(tmp_path, capsys):
    path = tmp_path / "mixed.md"
    path.write_text("Up 5% at $7 with 9 owners.\n")
    assert main(["check", str(path), "--select", "fake-warning,fake-info", "--format", "json"]) == 0
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["files"][0]["findings"]}
    assert rules == {"fake-warning", "fake-info"}


def test_fail_on_from_config_and_command_line_wins(tmp_path, capsys):
    (tmp_path / ".factcheck.toml").write_text('fail-on = "info"\n')
    path = tmp_path / "info.md"
    path.write_text(DRAFTS["info"])
    assert main(["check", str(path), "--format", "json"]) == 1
    assert main(["check", str(path), "--format", "json", "--fail-on", "error"]) == 0
    capsys.readouterr()


def test_severity_override_from_config_changes_the_exit_code(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck.severity]\nfake-error = "warning"\n')
    path = tmp_path / "error.md"
    path.write_text(DRAFTS["error"])
    assert main(["check", str(path), "--format", "json"]) == 0
    finding = json.loads(capsys.readouterr().out)["files"][0]["findings"][0]
    assert finding["severity"] == "warning"


def test_severity_override_never_raises_an_info(tmp_path, capsys):
    (tmp_path / ".factcheck.toml").write_text('[severity]\nfake-info = "error"\n')
    path = tmp_path / "info.md"
    path.write_text(DRAFTS["info"])
    assert main(["check", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["findings"][0]["severity"] == "info"


def test_stdin_is_reported_as_dash(monkeypatch, capsys):
    import io

    class FakeStdin:
        buffer = io.BytesIO(b"Down 3% in a day.\n")

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    assert main(["check", "-", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0]["path"] == "-"

"""check --watch: a first check, then only the files that change (or appear) are checked again."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
import stand_in  # noqa: E402

from factcheck import watch  # noqa: E402
from factcheck.cli import main  # noqa: E402


@pytest.fixture(autouse=True)
def engine(monkeypatch):
    stand_in.install(monkeypatch)


def test_watch_rechecks_changed_and_new_files_only(tmp_path, monkeypatch, capsys):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("It traded at $5.\n")
    b.write_text("Nothing here.\n")
    edits = {
        1: lambda: (a.write_text("It rose 5% today.\n"), os.utime(a, ns=(1, 10**18))),
        2: lambda: None,  # nothing changed: nothing re-checked
        3: lambda: (tmp_path / "c.md").write_text("Up 7%.\n"),
    }
    cycle = {"n": 0}

    def fake_sleep(_seconds):
        cycle["n"] += 1
        edits[cycle["n"]]()

    monkeypatch.setattr(watch, "MAX_CYCLES", 3)
    monkeypatch.setattr(watch, "_sleep", fake_sleep)
    code = main(["check", str(tmp_path), "--watch", "--format", "concise"])
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines == [
        f"{a}:1:14: warning [fake-warning] \"$5\" should be about something else: $5 is warning (stand-in)",
        f"{a}:1:9: error [fake-error] \"5%\" should be about something else: 5% is error (stand-in)",
        f"{tmp_path / 'c.md'}:1:4: error [fake-error] \"7%\" should be about something else: 7% is error (stand-in)",
    ]
    assert "watching 2 files" in err and err.count("re-checking") == 2 and str(b) not in err
    assert code == 1


def test_watch_refuses_standard_input(capsys):
    assert main(["check", "-", "--watch"]) == 2
    assert "standard input cannot be watched" in capsys.readouterr().err

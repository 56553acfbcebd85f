"""The Python API: factcheck.check_text and factcheck.check_paths return the result model; import is lazy."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
import stand_in  # noqa: E402

import factcheck  # noqa: E402
from factcheck.config import ConfigError, Settings  # noqa: E402
from factcheck.document import InputError  # noqa: E402
from factcheck.model import FileResult  # noqa: E402


def test_import_factcheck_is_light():
    code = "import sys, factcheck\nprint(sorted(m for m in sys.modules if m.startswith(('factcheck.', 'rich'))))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stdout + proc.stderr


def test_check_text_finds_the_planted_error():
    result = factcheck.check_text("It fell from $2,148 to $1,827, a drop of 21%.", as_of="2026-02-05")
    assert isinstance(result, FileResult) and result.path == "<text>" and result.as_of == date(2026, 2, 5)
    assert [(f.rule, f.severity, f.text) for f in result.findings] == [("percent-change", "error", "21%")]
    assert {fig.text: fig.status for fig in result.figures}["21%"] == "wrong"


class TestWithStandIn:
    @pytest.fixture(autouse=True)
    def engine(self, monkeypatch):
        stand_in.install(monkeypatch)

    def test_config_as_a_table_or_settings(self):
        text = "Up 5% at $9.\n"
        assert [f.rule for f in factcheck.check_text(text, config={"ignore": ["fake-error"]}).findings] == [
            "fake-warning"]
        assert [f.rule for f in factcheck.check_text(text, config=Settings(select=["fake-error"])).findings] == [
            "fake-error"]
        with pytest.raises(ConfigError):
            factcheck.check_text(text, config={"selct": ["x"]})

    def test_path_names_the_result_and_picks_the_format(self):
        result = factcheck.check_text("<p>Up 5%.</p><code>9%</code>", path="page.html")
        assert result.path == "page.html" and [f.text for f in result.findings] == ["5%"]

    def test_check_paths_walks_folders_and_uses_the_nearest_config(self, tmp_path):
        (tmp_path / ".factcheck.toml").write_text('ignore = ["fake-warning"]\n')
        (tmp_path / "a.md").write_text("Up 5% at $9.\n")
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "b.txt").write_text("Up 6%.\n")
        results = factcheck.check_paths([tmp_path])
        assert [Path(r.path).name for r in results] == ["a.md", "b.txt"]
        assert [[f.rule for f in r.findings] for r in results] == [["fake-error"], ["fake-error"]]

    def test_check_paths_raises_or_reports_bad_input(self, tmp_path):
        missing = tmp_path / "missing.md"
        with pytest.raises(InputError):
            factcheck.check_paths([missing])
        problems: list[str] = []
        assert factcheck.check_paths([missing], on_problem=problems.append) == []
        assert problems == [f"{missing}: no such file or directory"]

    def test_the_cli_runs_through_the_api(self, tmp_path, monkeypatch, capsys):
        import factcheck.api
        from factcheck.cli import main

        calls = []
        original = factcheck.api.check_documents

        def spy(*args, **kwargs):
            calls.append(args)
            return original(*args, **kwargs)

        monkeypatch.setattr(factcheck.api, "check_documents", spy)
        (tmp_path / "a.md").write_text("Up 5%.\n")
        assert main(["check", str(tmp_path / "a.md"), "--format", "concise"]) == 1
        assert len(calls) == 1 and "a.md:1:4: error [fake-error]" in capsys.readouterr().out

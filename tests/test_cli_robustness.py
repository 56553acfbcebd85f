"""Bad input never crashes: each case gets its exit code and a one-line message on stderr, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
import stand_in  # noqa: E402

from factcheck import document  # noqa: E402
from factcheck.cli import main  # noqa: E402


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch):
    stand_in.install(monkeypatch)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *needles: str) -> None:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_empty_file_is_checked_with_no_findings(tmp_path, capsys):
    draft = tmp_path / "empty.md"
    draft.write_text("")
    code, out, err = run(capsys, "check", str(draft), "--format", "json")
    assert code == 0 and err == ""
    report = json.loads(out)
    assert report["files"][0]["findings"] == [] and report["summary"]["files"] == 1


def test_binary_file_is_an_input_error(tmp_path, capsys):
    draft = tmp_path / "image.md"
    draft.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, _, err = run(capsys, "check", str(draft))
    assert code == 2
    assert_one_line_error(err, "image.md", "binary")


def test_latin1_file_is_an_input_error_naming_the_byte(tmp_path, capsys):
    draft = tmp_path / "latin1.md"
    draft.write_bytes("Le prix a baissé de 5 %.".encode("latin-1"))
    code, _, err = run(capsys, "check", str(draft))
    assert code == 2
    assert_one_line_error(err, "latin1.md", "UTF-8")


def test_utf16_with_bom_is_read(tmp_path, capsys):
    draft = tmp_path / "utf16.md"
    draft.write_bytes("Bitcoin fell 5% to $62,000.".encode("utf-16"))
    code, out, err = run(capsys, "check", str(draft), "--format", "json")
    assert err == ""
    findings = json.loads(out)["files"][0]["findings"]
    assert {f["text"] for f in findings} == {"5%", "$62,000"}
    assert code == 1  # the stand-in calls every percent an error


def test_missing_path_is_reported_and_the_other_files_still_checked(tmp_path, capsys):
    good = tmp_path / "good.md"
    good.write_text("Up 3% today.\n")
    code, out, err = run(capsys, "check", str(tmp_path / "nope.md"), str(good), "--format", "json")
    assert code == 2
    assert_one_line_error(err, "nope.md", "no such file")
    assert [f["path"] for f in json.loads(out)["files"]] == [str(good)]


def test_bad_file_among_good_ones_still_reports_the_good_ones(tmp_path, capsys):
    (tmp_path / "a.md").write_text("Up 3%.\n")
    (tmp_path / "b.md").write_bytes(b"\xff\xfe" + b"\x00\xd8" + b"ab")  # UTF-16 with a lone surrogate
    (tmp_path / "c.txt").write_text("Down 4%.\n")
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 2
    assert "Traceback" not in err and "b.md" in err
    assert sorted(Path(f["path"]).name for f in json.loads(out)["files"]) == ["a.md", "c.txt"]


def test_directory_with_mixed_content_checks_only_drafts(tmp_path, capsys):
    (tmp_path / "post.md").write_text("Up 1%.\n")
    (tmp_path / "page.html").write_text("<p>Down 2%.</p>\n")
    (tmp_path / "notes.txt").write_text("Flat at 0%.\n")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "script.py").write_text("x = 5  # 5%\n")
    for hidden in (".git", "node_modules", ".cache"):
        (tmp_path / hidden).mkdir()
        (tmp_path / hidden / "skip.md").write_text("Up 9%.\n")
    sub = tmp_path / "sub" / "deeper"
    sub.mkdir(parents=True)
    (sub / "nested.markdown").write_text("Up 7%.\n")
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    assert err == ""
    names = sorted(Path(f["path"]).name for f in json.loads(out)["files"])
    assert names == ["nested.markdown", "notes.txt", "page.html", "post.md"]
    assert code == 1


def test_huge_file_is_refused_before_reading(tmp_path, capsys):
    draft = tmp_path / "huge.md"
    with open(draft, "wb") as fh:  # sparse: over the limit without writing it
        fh.truncate(document.MAX_BYTES + 1)
    code, _, err = run(capsys, "check", str(draft))
    assert code == 2
    assert_one_line_error(err, "huge.md", "limit")


def test_huge_stdin_is_refused(monkeypatch, capsys):
    monkeypatch.setattr(document, "MAX_BYTES", 1000)

    class FakeStdin:
        buffer = __import__("io").BytesIO(b"1% " * 1000)

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    code, _, err = run(capsys, "check", "-")
    assert code == 2
    assert_one_line_error(err, "-", "limit")


@pytest.mark.parametrize("bad", ["2026-02-30", "yesterday", "05/02/2026", ""])
def test_bad_as_of_is_a_usage_error(tmp_path, capsys, bad):
    draft = tmp_path / "d.md"
    draft.write_text("Up 1%.\n")
    code, out, err = run(capsys, "check", str(draft), "--as-of", bad)
    assert code == 2 and out == ""
    assert_one_line_error(err, "--as-of", "YYYY-MM-DD")


def test_unknown_format_is_a_usage_error(tmp_path, capsys):
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "xml")
    assert code == 2 and out == ""
    assert_one_line_error(err, "invalid choice", "xml")


def test_unknown_extract_format_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(capsys, "extract", str(tmp_path), "--format", "sarif")
    assert code == 2
    assert_one_line_error(err, "invalid choice")


def test_unknown_rule_in_select_is_a_usage_error(tmp_path, capsys):
    code, out, err = run(capsys, "check", str(tmp_path), "--select", "fake-eror")
    assert code == 2 and out == ""
    assert_one_line_error(err, "--select", "fake-eror", "did you mean 'fake-error'")


def test_unknown_rule_in_ignore_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(capsys, "check", str(tmp_path), "--ignore", "nonsense")
    assert code == 2
    assert_one_line_error(err, "--ignore", "nonsense")


def test_bad_config_is_a_usage_error_naming_file_and_key(tmp_path, capsys):
    (tmp_path / ".factcheck.toml").write_text('fail_on = "error"\n')
    (tmp_path / "d.md").write_text("Up 1%.\n")
    code, _, err = run(capsys, "check", str(tmp_path / "d.md"))
    assert code == 2
    assert_one_line_error(err, ".factcheck.toml", "fail_on", "unknown key")


def test_unparsable_config_is_a_usage_error(tmp_path, capsys):
    (tmp_path / ".factcheck.toml").write_text("select = [\n")
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2
    assert_one_line_error(err, ".factcheck.toml", "not valid TOML")


def test_missing_explicit_config_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(capsys, "check", str(tmp_path), "--config", str(tmp_path / "none.toml"))
    assert code == 2
    assert_one_line_error(err, "none.toml", "not found")


def test_unknown_command_is_a_usage_error(capsys):
    code, _, err = run(capsys, "verify", "x.md")
    assert code == 2
    assert_one_line_error(err, "invalid choice")


def test_no_command_prints_help_and_exits_2(capsys):
    code, _, err = run(capsys)
    assert code == 2 and "usage" in err.lower()


def test_unexpected_exception_is_one_line_internal_error(tmp_path, capsys, monkeypatch):
    def explode(ctx, rules):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(sys.modules["factcheck.engine"], "run_rules", explode)
    (tmp_path / "a.md").write_text("Up 1%.\n")
    (tmp_path / "b.md").write_text("Up 2%.\n")
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 2 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert all("internal error" in line and "ZeroDivisionError: boom" in line for line in lines)
    assert any("a.md" in line for line in lines) and any("b.md" in line for line in lines)
    assert json.loads(out)["summary"] == {"files": 2, "error": 0, "warning": 0, "info": 0}


def test_a_crashing_rule_does_not_hide_the_other_rules(tmp_path, capsys, monkeypatch):
    engine = sys.modules["factcheck.engine"]
    real = engine.run_rules

    def flaky(ctx, rules):
        if any(r.id == "fake-warning" for r in rules):
            raise KeyError("price")
        return real(ctx, rules)

    monkeypatch.setattr(engine, "run_rules", flaky)
    (tmp_path / "a.md").write_text("Up 1% at $5.\n")
    code, out, err = run(capsys, "check", str(tmp_path / "a.md"), "--format", "json")
    assert code == 2
    assert_one_line_error(err, "a.md", "internal error in rule fake-warning", "KeyError")
    assert [f["rule"] for f in json.loads(out)["files"][0]["findings"]] == ["fake-error"]


def test_unwritable_output_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "d.md").write_text("Up 1%.\n")
    code, _, err = run(capsys, "check", str(tmp_path / "d.md"), "-o", str(tmp_path / "no" / "dir" / "r.json"))
    assert code == 2
    assert_one_line_error(err, "cannot write")


def test_unknown_rule_id_in_rules_command(capsys):
    code, _, err = run(capsys, "rules", "fake-warn")
    assert code == 2
    assert_one_line_error(err, "fake-warn", "did you mean 'fake-warning'")


# ---------------------------------------------------------------- a few real processes


def _factcheck(*argv: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *argv], input=stdin, capture_output=True, timeout=60, cwd=cwd
    )


def test_process_version():
    proc = _factcheck("--version")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("factcheck ")


def test_process_missing_path_exit_2_one_line(tmp_path):
    proc = _factcheck("check", str(tmp_path / "missing.md"))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and "missing.md" in err


def test_process_binary_stdin_exit_2(tmp_path):
    proc = _factcheck("check", "-", stdin=b"\x00\x01\x02binary")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err and "binary" in err


def test_process_bad_format_exit_2():
    proc = _factcheck("check", "--format", "pdf", "x.md")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_process_broken_pipe_is_quiet(tmp_path):
    (tmp_path / "d.md").write_text("# Notes\n")
    proc = subprocess.run(
        f'"{sys.executable}" -m factcheck rules | head -c 1', shell=True, capture_output=True, timeout=60
    )
    assert "Traceback" not in proc.stderr.decode()

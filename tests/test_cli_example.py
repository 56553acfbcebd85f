"""The README's Quick start draft, through the real pipeline: the planted errors are caught, nothing else is
called an error, and every output format agrees on the exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

EXAMPLE = Path(__file__).parent / "fixtures" / "drafts" / "example.md"
PLANTED = {"21%", "roughly $12.5 billion", "about $520 million"}  # percent change, holdings x price, VND->USD


def check_json(capsys, *extra: str) -> tuple[int, dict]:
    code = main(["check", str(EXAMPLE), "--format", "json", *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return code, json.loads(out)


def test_planted_errors_are_caught_and_correct_figures_left_alone(capsys):
    code, report = check_json(capsys)
    assert code == 1
    file = report["files"][0]
    assert file["as_of"] == "2026-02-05"
    errors = {f["text"] for f in file["findings"] if f["severity"] == "error"}
    assert errors == PLANTED
    text = EXAMPLE.read_text(encoding="utf-8")
    for f in file["findings"]:
        assert text[f["start"] : f["end"]] == f["text"]


def test_ignoring_the_planted_categories_passes(capsys):
    code, report = check_json(capsys, "--ignore", "arithmetic,conversion")
    rules = {f["rule"] for f in report["files"][0]["findings"]}
    assert code == 0 and not any(f["severity"] == "error" for f in report["files"][0]["findings"]), rules


def test_fail_on_never_passes_with_errors(capsys):
    code, report = check_json(capsys, "--fail-on", "never")
    assert code == 0 and report["summary"]["error"] == len(PLANTED)


@pytest.mark.parametrize("fmt", ["text", "sarif", "github", "html"])
def test_every_format_reports_the_planted_errors(capsys, tmp_path, fmt):
    out_file = tmp_path / f"report.{fmt}"
    assert main(["check", str(EXAMPLE), "--format", fmt, "-o", str(out_file)]) == 1
    capsys.readouterr()
    body = out_file.read_text(encoding="utf-8")
    for figure in ("21%", "12.5 billion", "520 million"):
        assert figure in body


def test_extract_json_lists_the_figures(capsys):
    assert main(["extract", str(EXAMPLE), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == "factcheck.extract/1"
    texts = {q["text"] for q in report["files"][0]["quantities"]}
    assert {"713,502 BTC", "4.28 million ETH", "€50 million"} <= texts


def test_quick_start_command_as_a_process():
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", str(EXAMPLE)], capture_output=True,
                          timeout=120, cwd=Path(__file__).parent.parent)
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr.decode()
    assert "3 errors" in out and "\x1b[" not in out

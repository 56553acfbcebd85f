"""Hostile but valid input (issue 12, part 2): every case gets a one-line message and the documented exit code,
or is checked like any other draft; never an internal error, never silent garbage."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

CAD_GBP = "---\ndate: 2025-06-02\n---\nThe company raised C$356 million (£71 million) last week.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err


def one_line(err: str, *needles: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_as_of_outside_the_supported_dates_is_a_usage_error(tmp_path, capsys, day):
    draft = tmp_path / "d.md"
    draft.write_text("BTC rose 5% yesterday. C$356 million (£71 million).\n")
    code, _, err = run(capsys, "check", str(draft), "--as-of", day)
    assert code == 2
    one_line(err, "--as-of", day, "supported dates")


def test_document_date_outside_the_supported_dates_is_an_info_finding(tmp_path, capsys):
    draft = tmp_path / "d.md"
    draft.write_text("---\ndate: 0001-01-01\n---\nBTC rose 5% yesterday. ETH fell 3% last week.\n")
    code, out, err = run(capsys, "check", str(draft), "--format", "json")
    assert code == 0, err
    findings = json.loads(out)["files"][0]["findings"]
    notes = [f for f in findings if "0001-01-01" in f["message"]]
    assert len(notes) == 1 and notes[0]["severity"] == "info" and notes[0]["text"] == "0001-01-01"


# ------------------------------------------------------------------ figures


@pytest.mark.parametrize(
    "text",
    [
        "The fund holds a share of 5e308 0 of the total.",
        "BTC fell 1e400% to $1e309, about 1e308 billion dollars.",
        "The fund raised -5 yen (about Rs 3).",
        "Prices went from -5 to -7 dollars, between $-3 and $-9.",
    ],
)
def test_overflowing_and_negative_figures_are_not_internal_errors(tmp_path, capsys, text):
    draft = tmp_path / "d.md"
    draft.write_text(text + "\n")
    code, out, _ = run(capsys, "check", str(draft), "--as-of", "2025-06-01", "--format", "json")
    assert code in (0, 1)
    for q in json.loads(out)["files"][0]["figures"]:
        assert "inf" not in json.dumps(q).lower() and "nan" not in json.dumps(q).lower()


def test_extractor_drops_figures_that_are_not_finite():
    from factcheck.extract import extract_text

    qs = extract_text("a share of 5e308 0 and $1e309 and 1e400%.")
    import math

    for q in qs:
        for x in (q.value, q.high, q.low_bound, q.high_bound):
            assert x is None or math.isfinite(x)


# ------------------------------------------------------------------ configuration


def _config_run(tmp_path, capsys, body: bytes | str, name: str = ".factcheck.toml"):
    folder = tmp_path / "proj"
    (folder / "sub").mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(body if isinstance(body, bytes) else body.encode())
    draft = folder / "sub" / "d.md"
    draft.write_text(CAD_GBP)
    return run(capsys, "check", str(draft))


@pytest.mark.parametrize("value", ["nan", "inf", "1e400", "-inf", "2.0"])
def test_tolerance_that_is_not_finite_or_out_of_range_is_refused_naming_file_and_key(tmp_path, capsys, value):
    code, _, err = _config_run(tmp_path, capsys, f"[options.fx-conversion]\ndaily_tolerance = {value}\n")
    assert code == 2
    one_line(err, ".factcheck.toml", "options.fx-conversion.daily_tolerance")


def test_int_option_given_a_float_and_nested_option_are_checked(tmp_path, capsys):
    code, _, err = _config_run(tmp_path, capsys, "[options.fx-conversion]\nlookback_days = 3.5\n")
    assert code == 2
    one_line(err, "options.fx-conversion.lookback_days")
    code, _, err = _config_run(tmp_path, capsys, '[options.price-level]\nera_tolerance = { "2018" = inf }\n')
    assert code == 2
    one_line(err, "options.price-level.era_tolerance.2018")


def test_somebody_elses_pyproject_with_tool_not_a_table_is_ignored(tmp_path, capsys):
    code, _, err = _config_run(tmp_path, capsys, 'tool = "factcheck"\n', "pyproject.toml")
    assert code in (0, 1) and err == ""


def test_non_utf8_pyproject_in_a_parent_folder_is_ignored(tmp_path, capsys):
    code, _, err = _config_run(tmp_path, capsys, b'[tool.x]\na = "\xff"\n', "pyproject.toml")
    assert code in (0, 1) and err == ""


def test_non_utf8_config_named_explicitly_is_a_usage_error(tmp_path, capsys):
    cfg = tmp_path / "bad.toml"
    cfg.write_bytes(b'fail-on = "\xff"\n')
    draft = tmp_path / "d.md"
    draft.write_text(CAD_GBP)
    code, _, err = run(capsys, "check", str(draft), "--config", str(cfg))
    assert code == 2
    one_line(err, "bad.toml", "UTF-8")


def test_as_of_as_toml_datetime_is_its_day(tmp_path, capsys):
    code, out, err = _config_run(tmp_path, capsys, "as-of = 2025-06-02T10:00:00\n")
    assert code in (0, 1), err
    code2, _, _ = _config_run(tmp_path, capsys, "as-of = 0001-01-01T10:00:00\n")
    assert code2 == 2


def test_nul_in_data_dir_is_refused(tmp_path, capsys):
    code, _, err = _config_run(tmp_path, capsys, 'data-dir = "a\\u0000b"\n')
    assert code == 2
    one_line(err, ".factcheck.toml", "data-dir", "NUL")


def test_deeply_nested_toml_is_refused_cleanly(tmp_path, capsys):
    code, _, err = _config_run(tmp_path, capsys, "x = " + "[" * 5000 + "]" * 5000 + "\n")
    assert code == 2
    one_line(err, ".factcheck.toml", "nested too deeply")


@pytest.mark.parametrize("argv", [("--select", ""), ("--select", " , ")])
def test_empty_selection_is_an_error(tmp_path, capsys, argv):
    draft = tmp_path / "d.md"
    draft.write_text(CAD_GBP)
    code, _, err = run(capsys, "check", str(draft), *argv)
    assert code == 2
    one_line(err, "--select")


def test_empty_select_in_config_is_an_error(tmp_path, capsys):
    code, _, err = _config_run(tmp_path, capsys, "select = []\n")
    assert code == 2
    one_line(err, "select")


# ------------------------------------------------------------------ files


def test_symlink_to_dev_zero_and_fifo_are_refused_and_other_files_checked(tmp_path, capsys):
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "fifo.md")
    (tmp_path / "ok.md").write_text(CAD_GBP)
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 2
    assert "zero.md: not a regular file" in err and "fifo.md: not a regular file" in err
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["ok.md"]


def test_symlink_loop_is_reported_per_path_and_other_files_checked(tmp_path, capsys):
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    (tmp_path / "ok.md").write_text(CAD_GBP)
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all("symbolic links" in ln for ln in lines), err
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["ok.md"]


def test_unreadable_folder_is_reported_and_the_rest_checked(tmp_path, capsys, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.md").write_text(CAD_GBP)
    (tmp_path / "ok.md").write_text(CAD_GBP)
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 2
    one_line(err, "locked", "cannot read folder")
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["ok.md"]


def test_utf32_is_decoded(tmp_path, capsys):
    draft = tmp_path / "d.md"
    draft.write_bytes("BTC closed at $86,220 on March 3, 2025.\n".encode("utf-32"))
    code, out, err = run(capsys, "extract", str(draft), "--format", "json")
    assert code == 0, err
    assert [q["text"] for q in json.loads(out)["files"][0]["quantities"] if q["kind"] == "amount"] == ["$86,220"]


# ------------------------------------------------------------------ the store


def _store(tmp_path, name: str, body: bytes | str) -> Path:
    folder = tmp_path / "store" / "ohlcv" / "binance"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(body if isinstance(body, bytes) else body.encode())
    return tmp_path / "store"


HEADER = "timestamp_ms,date,open,high,low,close,volume,final\n"


def test_bad_store_rows_are_skipped_with_one_warning_naming_the_file(tmp_path, capsys):
    body = HEADER + "".join(
        f"1740960000000,{day},{o},{h},{lo},{c},10,1\n"
        for day, o, h, lo, c in [
            ("2025-03-03", 94000, 95000, 93000, "inf"),
            ("2025-03-04", 0, 95000, 93000, 94000),
            ("2025-03-05", -5, 95000, 93000, 94000),
            ("2025-03-06", 94000, 93000, 95000, 94000),
            ("2025-13-07", 94000, 95000, 93000, 94000),
            ("2025-03-08", "abc", 95000, 93000, 94000),
        ]
    )
    store = _store(tmp_path, "BTC_USDT_1d.csv", body)
    draft = tmp_path / "d.md"
    draft.write_text("BTC closed at $94,000 on March 3, 2025 and at $94,000 on March 4, 2025 and on March 6, 2025.\n")
    code, out, err = run(capsys, "check", str(draft), "--data-dir", str(store), "--as-of", "2025-03-10")
    line = one_line(err, "BTC_USDT_1d.csv", "6 bad row(s)")
    assert "market store file" in line
    assert "close inf" not in out and "-100%" not in out
    assert "86,220.61" in out  # the shipped candle is used, not the bad store row


def test_store_columns_are_mapped_by_the_header(tmp_path, capsys):
    body = "date,timestamp_ms,close,open,high,low,volume,final\n2025-03-03,1740960000000,90000,91000,92000,89000,5,1\n"
    store = _store(tmp_path, "BTC_USDT_1d.csv", body)
    draft = tmp_path / "d.md"
    draft.write_text("BTC closed at $90,000 on March 3, 2025.\n")
    code, out, err = run(capsys, "check", str(draft), "--data-dir", str(store), "--as-of", "2025-03-10")
    assert err == "" and code == 0, out


@pytest.mark.parametrize("kind", ["not-utf8", "directory"])
def test_unreadable_store_file_is_one_warning_not_an_internal_error(tmp_path, capsys, kind):
    if kind == "directory":
        store = tmp_path / "store"
        (store / "ohlcv" / "binance" / "BTC_USDT_1d.csv").mkdir(parents=True)
    else:
        store = _store(tmp_path, "BTC_USDT_1d.csv", HEADER.encode() + b"1,2025-03-03,\xff\n")
    draft = tmp_path / "d.md"
    draft.write_text("BTC closed at $94,000 on March 3, 2025. BTC rose 5% on March 4, 2025.\n")
    code, out, err = run(capsys, "check", str(draft), "--data-dir", str(store), "--as-of", "2025-03-10")
    one_line(err, "BTC_USDT_1d.csv", "ignored")


# ------------------------------------------------------------------ the rules cache


def test_corrupted_rules_cache_is_rebuilt(tmp_path):
    env = dict(os.environ, FACTCHECK_CACHE_DIR=str(tmp_path / "cache"), FACTCHECK_RULES_CACHE="1")
    draft = tmp_path / "d.md"
    draft.write_text(CAD_GBP)
    cmd = [sys.executable, "-m", "factcheck", "check", str(draft), "--format", "json"]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    cache = next((tmp_path / "cache").iterdir())
    import marshal

    entries = marshal.loads(cache.read_bytes())
    cache.write_bytes(marshal.dumps({k: (crc, marshal.dumps([1, 2])) for k, (crc, _) in entries.items()}))
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    cache.write_bytes(b"garbage")
    third = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == second.returncode == third.returncode == 1, second.stderr
    assert first.stdout == second.stdout == third.stdout
    assert second.stderr == third.stderr == ""


# ------------------------------------------------------------------ determinism


def test_report_does_not_depend_on_the_hash_seed(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(
        CAD_GBP + "It paid €50 million (¥8 billion), A$20 million (NZ$22 million) and HK$10 million (S$1.7 million).\n"
    )
    outs = set()
    for seed in ("1", "2", "3", "4"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        cmd = [sys.executable, "-m", "factcheck", "check", str(draft), "--format", "json"]
        outs.add(subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120).stdout)
    assert len(outs) == 1

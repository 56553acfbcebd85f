"""``--format jsonl``: one JSON object per file, written as each file is checked (bounded memory for archives),
and the Python API's results cross a process pool."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from factcheck.cli import main

WRONG = "---\ndate: 2026-02-05\n---\nIt fell from $2,148 to $1,827, a drop of 21%.\n"
RIGHT = "---\ndate: 2026-02-05\n---\nIt fell from $2,148 to $1,827, a drop of 14.9%.\n"


def _drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.md").write_text(WRONG if i == 1 else RIGHT, encoding="utf-8")
    return folder


def test_one_line_per_file_with_the_json_file_report(tmp_path, capsys):
    code = main(["check", str(_drafts(tmp_path)), "--format", "jsonl"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1 and len(lines) == 3
    rows = [json.loads(line) for line in lines]
    assert all(r["schema"] == "factcheck.check/1" for r in rows)
    assert [len(r["findings"]) for r in rows] == [0, 1, 0] and rows[1]["findings"][0]["rule"] == "percent-change"


def test_jsonl_to_a_file_named_so_and_exit_zero_when_clean(tmp_path, capsys):
    folder = _drafts(tmp_path)
    (folder / "a1.md").write_text(RIGHT, encoding="utf-8")
    out = tmp_path / "report.jsonl"
    assert main(["check", str(folder), "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def _check(path: str) -> int:
    import factcheck

    return len(factcheck.check_paths([path])[0].findings)


def test_the_api_runs_in_a_process_pool(tmp_path):
    folder = _drafts(tmp_path)
    paths = sorted(str(p) for p in folder.iterdir())
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(_check, paths)) == [0, 1, 0]

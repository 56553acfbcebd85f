"""Piped text reports are built without rich (its import costs ~50 ms) and must be exactly what the rich
console prints when not on a terminal: compared on many generated result sets."""

from __future__ import annotations

import io
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
from samples import sample_result  # noqa: E402

from factcheck.model import FileResult  # noqa: E402
from factcheck.report import text as report  # noqa: E402


def _rich(results: list[FileResult]) -> str:
    out = io.StringIO()
    report._render_check_rich(results, out, color=False)
    return out.getvalue()


def _results(rng: random.Random) -> list[FileResult]:
    out = []
    for i in range(rng.choice([1, 1, 2, 3, 8, 21, 26])):
        name = "d/" * rng.randint(0, 8) + "x" * rng.randint(1, 30) + f"-{i}.md"
        kind = rng.random()
        if kind < 0.45:
            r = sample_result(path=name)
            r.findings = r.findings[: rng.randint(1, len(r.findings))]
            for f in r.findings:
                f.severity = rng.choice(["error", "warning", "info"])
        elif kind < 0.55:
            r = FileResult(name, "---\nfactcheck: off\n---\n", None, notes=["factcheck: off in the front matter"])
        else:
            r = FileResult(name, "Nothing.", rng.choice([None, date(2026, 2, 5)]))
        if r.findings and rng.random() < 0.3:
            r.as_of = None
        out.append(r)
    return out


def test_plain_report_equals_the_rich_report_on_generated_results() -> None:
    rng = random.Random(11)
    compared = 0
    for _ in range(300):
        results = _results(rng)
        plain = report._plain_check(results)
        if plain is None:  # too wide for the plain table: rich renders it
            continue
        assert plain == _rich(results), [r.path for r in results]
        compared += 1
    assert compared > 150


def test_render_check_piped_uses_the_plain_text_and_wide_tables_fall_back_to_rich() -> None:
    results = [sample_result(), FileResult("clean.md", "Nothing.", None)]
    out = io.StringIO()
    report.render_check(results, out)
    assert out.getvalue() == _rich(results)
    wide = [sample_result(path="p/" * 60 + "post.md"), FileResult("clean.md", "Nothing.", None)]
    assert report._plain_check(wide) is None
    out = io.StringIO()
    report.render_check(wide, out)
    assert out.getvalue() == _rich(wide)


def test_piped_text_report_does_not_import_rich() -> None:
    code = (
        "import io, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent / 'fixtures' / 'cli')!r})\n"
        "from samples import sample_result\n"
        "from factcheck.report.text import render_check\n"
        "render_check([sample_result()], io.StringIO())\n"
        "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if m.startswith('rich'))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

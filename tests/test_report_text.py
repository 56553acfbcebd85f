"""The terminal report: grouped by file, the figure underlined, the work shown, plain when piped."""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
from samples import sample_result  # noqa: E402

from factcheck.model import FileResult  # noqa: E402
from factcheck.report.text import PLAIN_WIDTH, render_check, render_extract  # noqa: E402


def plain(results, **kw) -> str:
    out = io.StringIO()
    render_check(results, out, **kw)
    return out.getvalue()


def test_piped_output_is_plain_stable_and_fits_the_width():
    a, b = plain([sample_result()]), plain([sample_result()])
    assert a == b and "\x1b[" not in a
    assert all(len(line) <= PLAIN_WIDTH for line in a.splitlines())
    assert all(line == line.rstrip() for line in a.splitlines())


def test_finding_shows_position_rule_sentence_caret_work_and_sources():
    out = plain([sample_result()])
    assert "drafts/post.md" in out and "(as of 2026-02-05)" in out
    column = sample_result().text.split("\n")[5].index("roughly $62 billion") + 1
    assert f"drafts/post.md:6:{column}: error [derived-product]" in out
    lines = out.splitlines()
    sentence = next(i for i, line in enumerate(lines) if "worth roughly $62 billion" in line)
    caret = lines[sentence + 1]
    assert caret.strip().strip("│").strip() == "^" * len("roughly $62 billion")
    assert caret.index("^") == lines[sentence].index("roughly $62 billion")
    assert "713,502 x 70,000 = 49,945,140,000" in out
    assert "data: BTC/USDT 1d, binance, 2026-02-05" in out
    assert "about $70,000 (6:" in out


def test_summary_counts():
    out = plain([sample_result(), FileResult("clean.md", "Nothing.", None)])
    assert "1 error, 1 warning, 1 info in 2 files checked" in out
    assert "clean.md" in out


def test_colour_forced_uses_ansi_and_no_color_env_disables_it(monkeypatch):
    assert "\x1b[" in plain([sample_result()], color=True)

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setenv("NO_COLOR", "1")
    out = Tty()
    render_check([sample_result()], out)
    assert "\x1b[" not in out.getvalue()


def test_long_sentences_are_cut_around_the_figure():
    r = sample_result()
    f = r.findings[0]
    pad = "word " * 60
    r.text = r.text[: f.start] + pad + r.text[f.start :]
    shift = len(pad)
    for x in r.findings:
        x.start += shift
        x.end += shift
        x.related = []
    out = plain([r])
    line = next(line for line in out.splitlines() if "roughly $62 billion" in line and "│" in line)
    assert "…" in line and len(line) <= PLAIN_WIDTH


def test_extract_text_lists_figures():
    out = io.StringIO()
    render_extract([sample_result()], out)
    text = out.getvalue()
    assert "713,502 BTC" in text and "713,502" in text and "6 figures in 1 file" in text


def test_many_files_summary_lists_only_files_with_findings():
    results = [FileResult(f"clean-{i}.md", "Nothing.", None) for i in range(25)] + [sample_result()]
    out = plain(results)
    assert "clean-3.md" not in out and "drafts/post.md" in out
    assert "total, 26 files" in out and "in 26 files checked" in out


def test_file_switched_off_is_noted():
    off = FileResult("off.md", "---\nfactcheck: off\n---\n", None, notes=["factcheck: off in the front matter"])
    assert "not checked (factcheck: off)" in plain([off])

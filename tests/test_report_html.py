"""The editor's HTML report: self-contained, escaped, every figure marked, each mark explained.

The browser tests render the page in headless Chromium (skipped when it is not installed)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
from samples import sample_result, span  # noqa: E402

from factcheck.model import FileResult, Finding, Quantity  # noqa: E402
from factcheck.report.html import render  # noqa: E402


def marks(page: str) -> list[tuple[str, str, str]]:
    """(class, data-items, inner text) of every mark."""
    return re.findall(r'<mark class="fc fc-(\w+)"[^>]*data-items="([^"]*)"[^>]*>(.*?)</mark>', page)


def test_self_contained_no_network():
    page = render([sample_result()])
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


def test_every_figure_is_marked_by_its_worst_finding():
    page = render([sample_result()])
    found = {text: cls for cls, _, text in marks(page)}
    assert found["roughly $62 billion"] == "wrong"
    assert found["21%"] == "doubt"
    assert found["$1,827"] == "note"
    assert found["713,502 BTC"] == "fine" and found["about $70,000"] == "fine"


def test_markdown_is_rendered_simply():
    page = render([sample_result()])
    assert "<h2>Strategy&#x27;s <em>big</em> bet</h2>" in page
    assert '<span class="link" title="https://example.com/a">CoinDesk</span>' in page
    draft = page.split('<article class="draft">')[1].split("</article>")[0]
    assert "2026-02-05" not in draft and "---" not in draft  # the front matter is not prose


def test_findings_list_and_explanations():
    page = render([sample_result()])
    assert page.count('<li class="finding') == 3
    assert "713,502 x 70,000 = 49,945,140,000" in page
    assert "data: BTC/USDT 1d, binance, 2026-02-05" in page
    assert 'data-related="q-0-0 q-0-2"' in page  # the figures it was checked against
    assert "1 wrong" in page and "1 doubtful" in page and "1 notes" in page


def test_everything_from_the_draft_is_escaped():
    text = 'Hack <script>alert("x")</script> & 5% of <b onmouseover="evil()">"it"</b>.\n'
    s, e = span(text, "5%")
    f = Finding("r", "arithmetic", "error", 'bad <img src=x onerror="evil()">', s, e, "5%",
                work=["</script><script>evil()</script>"], sources=['"><svg onload=evil()>'])
    q = Quantity("5%", s, e, 5, None, 4.5, 5.5, "%", "exact", "percent")
    page = render([FileResult('d<"x">.md', text, None, [f], [q])])
    assert "<script>alert" not in page and "<img src=x" not in page and "<svg onload" not in page
    assert "</script><script>evil" not in page and 'onmouseover="evil' not in page
    assert "d&lt;&quot;x&quot;&gt;.md" in page


def test_html_draft_shows_its_text():
    text = "<html><head><title>T</title></head><body><h1>Up 5%</h1><p>It rose &amp; fell 3%.</p></body></html>"
    s, e = span(text, "3%")
    page = render([FileResult("p.html", text, None, [], [Quantity("3%", s, e, 3, None, 2.5, 3.5, "%", "exact",
                                                                  "percent")])])
    draft = page.split('<article class="draft">')[1].split("</article>")[0]
    assert "<p>Up 5%</p>" in draft and "&amp; fell" in draft and "<title>" not in draft
    assert ">3%</mark>" in draft


def test_overlapping_findings_share_marks():
    r = sample_result()
    f = r.findings[0]
    r.findings.append(Finding("other", "contradiction", "warning", "m", f.start + 8, f.end, f.text[8:]))
    page = render([r])
    items = [(cls, keys) for cls, keys, text in marks(page) if "62 billion" in text or "roughly" in text]
    assert ("wrong", "f-0-0") in items and ("wrong", "f-0-0 f-0-3") in items


def test_many_files():
    page = render([sample_result("a.md"), sample_result("b.md")])
    assert page.count('<section class="file"') == 2 and "2 wrong" in page
    assert 'data-items="f-1-0"' in page


# ---------------------------------------------------------------- in a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium installed")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True, timeout=120,
    )


@needs_browser
def test_browser_runs_the_script_and_opens_the_worst_finding(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render([sample_result()]), encoding="utf-8")
    proc = chromium(tmp_path, "--virtual-time-budget=2000", "--dump-dom", page.as_uri())
    dom = proc.stdout.decode("utf-8")
    assert proc.returncode == 0 and "<mark" in dom, proc.stderr.decode()[-500:]
    panel = re.search(r'<section id="panel"[^>]*>', dom).group(0)
    assert "hidden" not in panel  # the script ran and opened the first wrong figure
    body = dom.split('id="panel-body"')[1].split("</section>")[0]
    assert "49,945,140,000" in body
    assert re.search(r'<mark class="fc fc-wrong active"', dom)
    assert re.search(r'class="fc fc-fine rel"', dom)  # the figures it was checked against


@needs_browser
def test_browser_deep_link_opens_a_fine_figure(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render([sample_result()]), encoding="utf-8")
    proc = chromium(tmp_path, "--virtual-time-budget=2000", "--dump-dom", page.as_uri() + "#q-0-0")
    body = proc.stdout.decode("utf-8").split('id="panel-body"')[1].split("</section>")[0]
    # a figure without a finding that no check confirmed says it was not checked (and why), never "no problem"
    assert "Not checked" in body and "713,502" in body
    assert "No check found a problem" not in body


@needs_browser
def test_browser_screenshot(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render([sample_result()]), encoding="utf-8")
    shot = tmp_path / "report.png"
    proc = chromium(tmp_path, "--virtual-time-budget=2000", f"--screenshot={shot}", "--window-size=1280,1000",
                    page.as_uri())
    assert proc.returncode == 0 and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_markdown_blocks_render_as_the_reader_sees_them():
    text = (Path(__file__).parent / "fixtures" / "drafts" / "features.md").read_text(encoding="utf-8")
    s, e = span(text, "12%")
    q = Quantity("12%", s, e, 12, None, 11.5, 12.5, "%", "exact", "percent")
    page = render([FileResult("features.md", text, None, [], [q])])
    draft = page.split('<article class="draft">')[1].split("</article>")[0]
    assert "<h2>Weekly wrap: <strong>Bitcoin</strong> and <em>Ether</em></h2>" in draft
    assert draft.count("<li>") == 4 and "<ul>" in draft and "<ol>" in draft
    assert "XRP was flat at $1.43\nand stayed there</li>" in draft  # a list item's continuation line
    assert "<code>code span with 5%</code>" in draft and "snake_case_words" in draft
    assert "<blockquote><p>&quot;We bought 1,000 BTC,&quot; the chief executive said.</p></blockquote>" in draft
    assert "<pre><code>price = 123456  # code is not prose\n</code></pre>" in draft
    assert "<hr>" in draft and "escaped *asterisk*" in draft and "3 &lt; 4 &amp; 5 &gt; 4" in draft
    assert "factcheck: ignore" not in draft and "title: Markdown features" not in draft
    assert '>12%</mark> over the week' in draft

"""The HTML report as an editor uses it: header, coverage, the chart of a market finding, navigation, print.

Reports are made by the real pipeline (shipped market data) and read back with html.parser; the browser tests
run the page's own script in headless Chromium (skipped when it is not installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.config import Settings
from factcheck.document import parse
from factcheck.pipeline import check_document
from factcheck.report.html import render
from factcheck.report.json_report import render_check

MARKET = (
    "---\ndate: 2026-02-05\n---\n# Ether slides\n\n"
    "As ETH trades near $2,900 at press time, daily losses have accelerated.\n\n"
    "Ethereum price has dropped by around 5% over the past 7 days.\n\n"
    "Strategy holds 713,502 BTC, worth roughly $62 billion at about $70,000.\n\n"
    "Bitcoin closed at $71,500 on February 4.\n"
)
VOID = {"br", "hr", "meta", "input", "img", "link", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, tag: str, cls: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if n.tag == tag
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def find(self, tag: str, cls: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]


class Tree(HTMLParser):
    """The page as a tree, as a browser would build it for these tags (void and self-closing ones closed)."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.cur))

    def handle_endtag(self, tag):
        node = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.cur = node.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def check(text: str, path: str = "draft.md", fmt: str = "markdown", as_of: str = "2026-02-05"):
    return check_document(parse(text, path, fmt), Settings(as_of=date.fromisoformat(as_of)))


def finding_item(tree: Node, rule: str, figure: str) -> Node:
    for li in tree.find_all("li", "finding"):
        if rule in li.find("p", "meta").text() and figure in li.find("span", "fig").text():
            return li
    raise AssertionError(f"no {rule} finding on {figure}")


@pytest.fixture(scope="module")
def market_result():
    return check(MARKET)


@pytest.fixture(scope="module")
def market_page(market_result):
    when = datetime(2026, 2, 5, 9, 30, tzinfo=UTC)
    return render([market_result], version="9.9.9", generated=when, data_coverage="market data: shipped to 2026-03")


def test_header_has_version_time_data_coverage_and_the_coverage_line(market_page, market_result):
    tree = Tree(market_page).root
    head = tree.find("header", "top")
    run = head.find("p", "run").text()
    assert "factcheck 9.9.9" in run and "2026-02-05 09:30 UTC" in run and "market data: shipped to 2026-03" in run
    cov = market_result.coverage
    line = head.find("p", "top-coverage").text()
    assert line.startswith(f"{cov['figures']} figures: {cov['wrong']} wrong, {cov['verified']} verified, ")
    assert cov["wrong"] >= 4  # the two prices, the move and the product


def test_cli_html_header_names_the_version_and_the_market_data(tmp_path, capsys):
    draft = tmp_path / "post.md"
    draft.write_text(MARKET, encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["check", str(draft), "--format", "html", "-o", str(out)]) == 1
    run = Tree(out.read_text(encoding="utf-8")).root.find("p", "run").text()
    from factcheck import __version__

    assert f"factcheck {__version__}" in run and re.search(r"checked \d{4}-\d\d-\d\d \d\d:\d\d UTC", run)
    assert "binance-spot-1d 2017-08-17 to" in run


def _y_of_tick(svg: Node, label: str) -> float:
    tick = next(t for t in svg.find_all("text", "tick") if t.text() == label)
    return float(tick.attrs["y"]) - 3


def test_price_finding_has_a_chart_with_the_stated_level_and_the_days_data(market_page, market_result):
    [f] = [f for f in market_result.findings if f.text == "near $2,900"]
    tree = Tree(market_page).root
    svg = finding_item(tree, "price-level", "near $2,900").find("svg", "chart")
    assert "ETH/USDT" in svg.attrs["aria-label"] and "stated near $2,900" in svg.attrs["aria-label"]
    points = svg.find("polyline", "close").attrs["points"].split()
    assert len(points) == len(f.series.points) >= 28  # about a month of closes around the day
    # the day read is marked (shaded window, its close as a dot with its value)
    assert svg.find("rect", "win")
    assert [c.find("title").text() for c in svg.find_all("circle", "data")] == ["2026-02-05: close 1,826.83"]
    # the stated figure is a line at its level: between the highest and lowest close, where 2,900 falls
    closes = [c for _, c in f.series.points]
    top, bottom = _y_of_tick(svg, f"{max(closes):,.0f}"), _y_of_tick(svg, f"{min(closes):,.0f}")
    stated = svg.find("line", "stated")
    assert stated.attrs["y1"] == stated.attrs["y2"]
    share = (float(stated.attrs["y1"]) - top) / (bottom - top)
    assert share == pytest.approx((max(closes) - 2900) / (max(closes) - min(closes)), abs=0.01)
    assert "stated near $2,900" in svg.find("text", "stated-label").text()


def test_move_finding_chart_draws_the_stated_move_from_the_windows_start(market_page, market_result):
    [f] = [f for f in market_result.findings if f.rule == "price-move"]
    assert (f.series.start, f.series.end) == (date(2026, 1, 30), date(2026, 2, 5))
    svg = finding_item(Tree(market_page).root, "price-move", "around 5%").find("svg", "chart")
    base = dict(f.series.points)[date(2026, 1, 29)]  # the close before the window
    label = svg.find("text", "stated-label").text()
    assert label == f"stated −5% → {base * 0.95:,.0f}"
    assert len(svg.find_all("circle", "data")) == 7  # the seven days read


def test_non_market_findings_have_no_chart(market_page):
    li = finding_item(Tree(market_page).root, "derived-product", "roughly $62 billion")
    assert not li.find_all("svg")


def test_json_carries_the_series_additively(market_result):
    files = json.loads(render_check([market_result]))["files"]
    by_text = {f["text"]: f for f in files[0]["findings"]}
    series = by_text["near $2,900"]["series"]
    assert series["asset"] == "ETH/USDT" and series["start"] == series["end"] == "2026-02-05"
    assert ["2026-02-05", 1826.83] in series["points"]
    assert "series" not in by_text["roughly $62 billion"]  # derived-product: no market data read


def test_print_keeps_every_explanation(market_page, market_result):
    tree = Tree(market_page).root
    notes = tree.find("section", "print-notes")
    items = [c for c in notes.find("ol").children if isinstance(c, Node) and c.tag == "li"]
    assert [int(li.attrs["value"]) for li in items] == list(range(1, len(market_result.findings) + 1))
    for i, f in enumerate(market_result.findings):
        assert f.message in items[i].text()
        assert all(w in items[i].text() for w in f.work)
    assert items[[f.text for f in market_result.findings].index("near $2,900")].find_all("svg")
    # each finding's mark carries its number, shown in print next to the figure
    refs = {m.text(): m.attrs.get("data-ref") for m in tree.find_all("mark") if m.attrs.get("data-ref")}
    assert refs["near $2,900"] == str([f.text for f in market_result.findings].index("near $2,900") + 1)
    css = tree.find("style").text()
    print_css = css[css.index("@media print{") :]
    assert re.search(r"\.print-notes\{display:block", print_css) and "aside.side" in print_css
    assert re.search(r"\.print-notes\{display:none\}", css[: css.index("@media print{")])


def test_navigation_and_severity_filter_controls(market_page):
    tree = Tree(market_page).root
    nav = tree.find("nav", "tools")
    assert [b.attrs["data-nav"] for b in nav.find_all("button")] == ["-1", "1"]
    assert [i.attrs["data-sev"] for i in nav.find_all("input")] == ["error", "warning", "info", "fine"]
    assert all("checked" in i.attrs for i in nav.find_all("input"))


def test_html_draft_is_shown_as_its_text(tmp_path):
    page_src = (
        "<html><head><title>Draft</title><style>p{color:red}</style><script>var x = '$5';</script></head>"
        "<body><p>As ETH trades near <b>$2,900</b> at press time &amp; more.</p></body></html>"
    )
    result = check(page_src, "post.html", "html")
    draft = Tree(render([result])).root.find("article", "draft")
    assert "As ETH trades near $2,900 at press time & more." in draft.text()
    assert not draft.find_all("b") and not draft.find_all("script") and "color:red" not in draft.text()
    assert [m.text() for m in draft.find_all("mark")] == ["near $2,900"]


# ---------------------------------------------------------------- the page's script, in a browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium installed")


def run_in_browser(tmp_path: Path, page: str, probe: str) -> dict:
    """Load the page with ``probe`` (JS filling ``out``) run after the page's own script; ``out`` is read back
    from the dumped DOM."""
    harness = (
        "<script>setTimeout(function(){var out={};try{(function(out){" + probe + "})(out);}"
        "catch(e){out.error=String(e);}"
        "var p=document.createElement('pre');p.id='probe';p.textContent=JSON.stringify(out);"
        "document.body.appendChild(p);},50);</script>"
    )
    path = tmp_path / "report.html"
    path.write_text(page.replace("</body>", harness + "</body>"), encoding="utf-8")
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
         "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,800", "--virtual-time-budget=3000",
         "--dump-dom", path.as_uri()],
        capture_output=True, timeout=120,
    )
    dom = proc.stdout.decode("utf-8")
    m = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert m, proc.stderr.decode()[-800:]
    import html

    out = json.loads(html.unescape(m.group(1)))
    assert "error" not in out, out
    return out


LONG = "\n\n".join(["A long paragraph of background with no figures in it at all, only words."] * 120)


@needs_browser
def test_browser_keys_walk_the_findings_and_scroll_to_them(tmp_path):
    text = MARKET.replace("# Ether slides\n\n", "# Ether slides\n\n" + LONG + "\n\n")
    page = render([check(text)])
    probe = """
    function key(k){document.dispatchEvent(new KeyboardEvent('keydown',{key:k,bubbles:true}));}
    function active(){var m=document.querySelector('mark.fc.active');return m?m.textContent:null;}
    function visible(){var m=document.querySelector('mark.fc.active'),r=m.getBoundingClientRect();
      return r.top>=0&&r.bottom<=window.innerHeight;}
    window.scrollTo(0,0);
    key('n');out.first=active();out.firstVisible=visible();out.scrolled=window.scrollY>1000;
    out.pos1=document.getElementById('nav-pos').textContent;
    key('n');out.second=active();
    key('p');out.back=active();
    key('p');out.wrapped=active();
    """
    out = run_in_browser(tmp_path, page, probe)
    assert out["scrolled"] and out["firstVisible"]  # the mark far down the page was scrolled into view
    assert out["first"] == "near $2,900" and out["second"] == "around 5%"
    assert out["back"] == "near $2,900" and out["wrapped"] == "$71,500"
    assert out["pos1"] == "1 of 4"


@needs_browser
def test_browser_severity_filter_hides_and_skips(tmp_path):
    result = check(MARKET)
    page = render([result])
    probe = """
    var box=document.querySelector('input[data-sev="error"]');box.checked=false;
    box.dispatchEvent(new Event('change'));
    out.bodyClass=document.body.className;
    var li=document.querySelector('li.finding.f-error');out.listShown=getComputedStyle(li).display;
    var m=document.querySelector('mark.fc-wrong');out.markBg=getComputedStyle(m).backgroundColor;
    document.dispatchEvent(new KeyboardEvent('keydown',{key:'n',bubbles:true}));
    var a=document.querySelector('mark.fc.active');out.next=a?a.className:null;
    out.pos=document.getElementById('nav-pos').textContent;
    """
    out = run_in_browser(tmp_path, page, probe)
    assert "hide-error" in out["bodyClass"] and out["listShown"] == "none"
    assert out["markBg"] in ("rgba(0, 0, 0, 0)", "transparent")
    errors = sum(f.severity == "error" for f in result.findings)
    assert out["pos"] == f"1 of {len(result.findings) - errors}"
    assert out["next"] is not None and "fc-wrong" not in out["next"]


@needs_browser
def test_browser_print_styles_keep_the_explanations(tmp_path):
    page = render([check(MARKET)]).replace("@media print{", "@media all{")  # print rules applied on screen
    probe = """
    out.notes=getComputedStyle(document.querySelector('.print-notes')).display;
    out.aside=getComputedStyle(document.querySelector('aside.side')).display;
    out.ref=getComputedStyle(document.querySelector('mark.fc[data-ref]'),'::after').content;
    out.noteText=document.querySelector('.print-notes').innerText;
    """
    out = run_in_browser(tmp_path, page, probe)
    assert out["notes"] == "block" and out["aside"] == "none"
    assert re.fullmatch(r'" \[\d+\]"', out["ref"])
    assert "Work" in out["noteText"] or "WORK" in out["noteText"]
    assert "ETH/USDT" in out["noteText"]

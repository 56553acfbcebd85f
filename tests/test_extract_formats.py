"""Markdown and HTML input through document.parse: offsets stay file offsets, non-prose is skipped."""

from factcheck.document import parse
from factcheck.extract import extract_quantities

MARKDOWN = """---
title: Price of 99 BTC
date: 2026-02-05
---
# BitMine update

BitMine holds **about 4.28 million ETH**, per [a 55% source](https://example.com/777).

```python
price = 12345  # code is not prose
```

Inline `9999` code and <!-- a 42% comment --> text: ETH fell 8%.
"""

HTML = """<!doctype html><html><head><title>$5 title</title>
<meta property="article:published_time" content="2026-02-05T10:00:00Z"></head>
<body><p>Tom Lee&#8217;s BitMine holds <b>4.28 million ETH</b>, worth &#36;9 billion.</p>
<script>var x = 31337;</script><p>It fell <span class="x">over 45%</span>.</p></body></html>
"""


def test_formats_markdown_skips_front_matter_code_links_comments():
    doc = parse(MARKDOWN, "draft.md", "markdown")
    qs = [q for q in extract_quantities(doc) if q.kind != "date"]
    assert [q.text for q in qs] == ["about 4.28 million ETH", "55%", "8%"]
    for q in qs:
        assert doc.text[q.start : q.end] == q.text


def test_formats_html_tags_stripped_offsets_true_to_the_file():
    doc = parse(HTML, "draft.html", "html")
    qs = [q for q in extract_quantities(doc) if q.kind != "date"]
    assert [(q.value, q.unit) for q in qs] == [(4280000, "ETH"), (9e9, "USD"), (45, "%")]
    eth = qs[0]
    assert doc.text[eth.start : eth.end] == "4.28 million ETH"
    assert eth.subject == "BitMine"
    over = qs[2]
    assert doc.text[over.start : over.end] == "over 45%"
    assert over.bound == "lower"


def test_formats_quantities_sorted_by_start():
    doc = parse(MARKDOWN, "draft.md", "markdown")
    qs = extract_quantities(doc)
    assert [q.start for q in qs] == sorted(q.start for q in qs)


def test_formats_every_field_of_the_contract_is_filled():
    doc = parse("BitMine holds about 4.28 million ETH, down 8% over 24 hours.", "-", "text")
    q = extract_quantities(doc)[0]
    out = q.to_json()
    for key in ("text", "start", "end", "value", "high", "low_bound", "high_bound", "unit", "bound", "kind",
                "subject", "window", "number_text", "hedge", "sign", "date_value", "per"):  # fmt: skip
        assert key in out
    assert (out["number_text"], out["hedge"], out["sign"]) == ("4.28 million", "about", 1)


def test_formats_html_markup_and_nbsp_inside_a_figure():
    html = (
        "<html><body><p>BitMine holds <b>4.28</b>&nbsp;million <i>ETH</i>, about&nbsp;$9&nbsp;billion, up "
        "<span>5</span>&nbsp;% in 24&nbsp;hours; VND&nbsp;10 trillion.</p></body></html>"
    )
    doc = parse(html, "x.html", "html")
    got = [(q.text, q.value, q.unit) for q in extract_quantities(doc)]
    assert got == [
        ("4.28 million ETH", 4280000, "ETH"),
        ("about $9 billion", 9e9, "USD"),
        ("5 %", 5, "%"),
        ("24 hours", 24, "hour"),
        ("VND 10 trillion", 10e12, "VND"),
    ]


def test_formats_markdown_list_numbers_are_not_figures():
    doc = parse("1. BitMine holds 4.28 million ETH\n2) Up 10%\n- $5 billion in inflows\n", "x.md", "markdown")
    assert [q.text for q in extract_quantities(doc)] == ["4.28 million ETH", "10%", "$5 billion"]

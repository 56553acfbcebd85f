"""The linear-time markup finders give exactly the spans of the regexes they replace (issue 12, part 1)."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import document, markup_scan, suppressions

INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
META_DATE = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|date|datePublished|"
    r"pubdate|publish-date|dc\.date)[\"'][^>]*>",
    re.I,
)
DIRECTIVE = re.compile(r"<!--\s*factcheck\s*:\s*(.*?)\s*-->", re.I | re.S)  # what suppressions._comments reads
PARAGRAPH_END = re.compile(r"\S.*?(?:\n[ \t]*\n|\Z)", re.S)

PIECES = ["`", "``", "```", "](", ")", " ", "\n", "\n\n", '"', "a", "x)", "<meta", " name=", "'date'",
          ' property="article:published_time"', ">", "-->", "<!-- factcheck: ", "ignore", "off", "on",
          "enable", " rule-x ", "--", "content='2026-02-05'", "."]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 5))
def test_inline_code_and_link_targets_match_the_regexes(text, pos):
    pos = min(pos, len(text))
    assert list(markup_scan.inline_code(text, pos)) == [m.span() for m in INLINE_CODE.finditer(text, pos)]
    assert list(markup_scan.link_targets(text, pos)) == [m.span() for m in LINK_TARGET.finditer(text, pos)]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_meta_dates_directives_and_paragraphs_match_the_regexes(text):
    got = list(markup_scan.tags_to_gt(text, document._META_OPEN, document._META_ATTR))
    assert got == [m.span() for m in META_DATE.finditer(text)]
    comments = list(suppressions._comments(text))
    assert comments == [(m.start(), m.end(), m.group(1)) for m in DIRECTIVE.finditer(text)]
    paragraphs = suppressions._Paragraphs(text)
    expected = []
    for _, end, _ in comments:  # directives in order, as suppressions.spans asks
        para = PARAGRAPH_END.search(text, end)
        expected.append(para.end() if para else len(text))
    assert [paragraphs.end(end) for _, end, _ in comments] == expected


def test_hostile_markup_is_read_in_linear_time():
    for piece in ("`", "](", "<meta", "<!-- factcheck: ignore ", "<!-- factcheck:", ".", "``` `"):
        times = []
        for n in (20_000, 80_000):
            text = piece * (n // len(piece))
            t = time.perf_counter()
            document.parse(text, "-", "markdown")
            document.parse("<html>" + text, "-", "html")
            times.append(time.perf_counter() - t)
        assert times[1] < 8 * times[0] + 0.05, (piece, times)

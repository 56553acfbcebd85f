"""Soft-wrapped drafts: in Markdown and HTML a single line break inside a figure phrase is a space; a blank
line, a Markdown block, an HTML block tag and plain text line breaks still end the phrase."""

import pytest

from factcheck.document import parse
from factcheck.extract import extract_quantities


def figures(text: str, fmt: str = "markdown", path: str = "x.md"):
    return [q for q in extract_quantities(parse(text, path, fmt)) if q.kind != "date"]


def test_wrap_scale_word_and_unit_on_the_next_line():
    text = "The company holds about 4.28\nmillion ETH, worth less than $9\nbillion.\n"
    a, b = figures(text)
    assert (a.value, a.unit, a.bound) == (4_280_000, "ETH", "approx")
    assert (b.value, b.unit, b.bound) == (9_000_000_000, "USD", "upper")
    # offsets stay file offsets: the figure's span covers the line break
    assert text[a.start : a.end] == "about 4.28\nmillion ETH"
    assert text[b.start : b.end] == "less than $9\nbillion"


def test_wrap_range_across_line_breaks():
    (q,) = figures("BTC traded between\n$3,800\nto\n$3,900 that day.\n")
    assert (q.bound, q.value, q.high, q.unit) == ("range", 3800, 3900, "USD")


def test_wrap_range_with_and():
    (q,) = figures("Fees were between 2%\nand\n3% all year.\n")
    assert (q.bound, q.value, q.high) == ("range", 2, 3)


def test_wrap_hedge_on_the_previous_line():
    (q,) = figures("Reserves hold roughly\n$408 million.\n")
    assert (q.bound, q.value) == ("approx", 408_000_000)


def test_wrap_every_space_a_line_break():
    text = "Semler\nScientific\nholds\nabout\n4.28\nmillion\nETH\nafter\nbuying\n1,243\nEther.\n"
    a, b = figures(text)
    assert (a.value, a.unit, a.bound) == (4_280_000, "ETH", "approx")
    assert (b.value, b.unit) == (1243, "ETH")


def test_wrap_window_on_the_next_line():
    (q,) = [q for q in figures("Ethereum price has dropped by around 28% over the past\n7 days.\n") if q.unit == "%"]
    assert q.window == "over the past 7 days"


def test_wrap_window_of_the_other_clause_is_not_taken():
    text = "Over the past week, Solana dropped sharply, and SOL also shed 4%\nin the last 24 hours.\n"
    (q,) = [q for q in figures(text) if q.unit == "%"]
    assert q.window == "in the last 24 hours"


@pytest.mark.parametrize("sep", ["\n\n", "\n \n", "\r\n\r\n"])
def test_wrap_blank_line_ends_the_figure(sep):
    (q,) = [q for q in figures(f"Holdings were $9{sep}billion dollars of them were sold.\n") if q.value == 9]
    assert q.unit == "USD"


@pytest.mark.parametrize(
    "nxt", ["# Million users", "- million users", "* million users", "1. million users", "> million users"]
)
def test_wrap_markdown_block_on_the_next_line_is_not_joined(nxt):
    qs = figures(f"Sales were 5\n{nxt}\n")
    assert 5 in [q.value for q in qs]
    assert all(q.value != 5_000_000 for q in qs)


def test_wrap_line_after_a_heading_is_not_joined():
    qs = figures("# Top 5\nmillion users joined.\n")
    assert all(q.value != 5_000_000 for q in qs)


def test_wrap_crlf_soft_break():
    (q,) = figures("worth less than $9\r\nbillion.\r\n")
    assert (q.value, q.bound) == (9_000_000_000, "upper")


def test_wrap_html_source_newline_is_a_space_but_a_block_tag_is_not():
    (q,) = figures("<p>worth about $9\nbillion</p>", "html", "x.html")
    assert (q.value, q.bound) == (9_000_000_000, "approx")
    qs = figures("<p>worth about $9<br>billion dollars</p>", "html", "x.html")
    assert all(q.value != 9_000_000_000 for q in qs)


def test_wrap_plain_text_lines_stay_lines():
    qs = figures("161.2K+ followers\n570.5K+ Liked\n", "text", "x.txt")
    assert [q.value for q in qs] == [161_200, 570_500]
    qs = figures("Sales were $9\nbillion dollars is a lot\n", "text", "x.txt")
    assert qs[0].value == 9


def test_no_break_spaces_keep_fractions_subjects_and_windows():
    text = "Hon\xa0Hai\xa0reported\xa0a\xa0third\xa0of\xa0its\xa0sales\xa0fell\xa035.5%\xa0in\xa0January."
    qs = figures(text)
    assert [round(q.value, 2) for q in qs] == [33.33, 35.5]
    assert all(q.subject == "Hon Hai" for q in qs)
    assert qs[1].window == "in January"


@pytest.mark.parametrize("brk", ["  \n", "\\\n"])
def test_wrap_markdown_hard_break_ends_the_line(brk):
    qs = figures(f"Sales were $9{brk}billion dollars of them were sold.\n")
    assert all(q.value != 9_000_000_000 for q in qs)


def test_wrap_blanked_markup_before_a_soft_break_still_joins():
    (q,) = figures("worth about <b>$9</b>\nbillion in total.\n")
    assert (q.value, q.unit, q.bound) == (9_000_000_000, "USD", "approx")


PARAGRAPH = (
    "BitMine holds about 4.28 million ETH, worth less than $9 billion, after buying 1,243 Ether at $3,800 to "
    "$3,900 apiece. Ethereum price has dropped by around 28% over the past 7 days, and SOL shed 4% in the "
    "last 24 hours. On-chain activity doubled to 1.2 million daily transactions, while fees rose from "
    "$2.2 million to $3.6 million per day. Strategy, the largest corporate holder, now owns 713,502 BTC."
)


def _facts(text: str):
    return [(q.value, q.high, q.unit, q.bound, q.kind, q.subject, q.window) for q in figures(text)]


@pytest.mark.parametrize("width", [1, 12, 30, 60])
def test_wrap_at_any_width_gives_the_same_figures(width):
    import textwrap

    wrapped = "\n".join(textwrap.wrap(PARAGRAPH, width, break_long_words=False, break_on_hyphens=False))
    assert len(wrapped) == len(PARAGRAPH)  # every break replaced one space
    expected = _facts(PARAGRAPH + "\n")
    assert len(expected) >= 10
    assert _facts(wrapped + "\n") == expected

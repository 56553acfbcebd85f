"""Reading drafts: the prose mask keeps offsets true to the file and hides what is not prose."""

from datetime import date

import pytest

from factcheck.document import InputError, decode, parse, read_path


def test_markdown_front_matter_is_masked_and_read():
    doc = parse("---\ndate: 2026-02-05\ntitle: 'BTC at $70k'\n---\nBTC fell 5%.\n", "d.md", "markdown")
    assert doc.published == date(2026, 2, 5)
    assert doc.front_matter["title"] == "BTC at $70k"
    assert "$70k" not in doc.prose
    assert len(doc.prose) == len(doc.text)
    assert doc.prose[doc.text.index("BTC fell") :].startswith("BTC fell 5%.")


def test_markdown_code_blocks_inline_code_and_urls_are_masked():
    text = "Price $5.\n\n```\nx = $99\n```\n\nSee `10 BTC` at [site](https://x.io/2026/5) or https://a.b/7.\n"
    doc = parse(text, "d.md", "markdown")
    assert "$99" not in doc.prose and "10 BTC" not in doc.prose
    assert "2026" not in doc.prose and "a.b/7" not in doc.prose
    assert "[site]" in doc.prose and "Price $5." in doc.prose
    assert doc.prose.count("\n") == text.count("\n")


def test_html_tags_stripped_offsets_kept_and_entities_decoded():
    text = (
        '<html><head><meta property="article:published_time" content="2026-02-04T08:00:00Z">'
        "<title>$1 title</title></head><body><p>ETH &#36;2,088 and 10&nbsp;million</p>"
        "<script>var x = 5000;</script></body></html>"
    )
    doc = parse(text, "a.html", "html")
    assert doc.published == date(2026, 2, 4)
    assert len(doc.prose) == len(doc.text)
    i = doc.prose.index("$2,088")
    assert text[i - 4 : i + 6] == "&#36;2,088"
    assert "5000" not in doc.prose and "$1 title" not in doc.prose


def test_plain_text_file_that_is_html_is_read_as_html():
    doc = parse("<!DOCTYPE html><html><body><p>Hi $5</p></body></html>", "a.txt", "text")
    assert doc.fmt == "html"


def test_line_and_column_are_one_based_with_crlf_kept():
    doc = parse("one\r\ntwo $5\r\n", "a.txt", "text")
    off = doc.text.index("$5")
    assert doc.line_col(off) == (2, 5)
    assert doc.line_col(0) == (1, 1)


def test_suppression_ignore_covers_next_paragraph_only():
    text = "A $1.\n\n<!-- factcheck: ignore derived-product, percent-change -->\nB $2.\nstill B.\n\nC $3.\n"
    doc = parse(text, "d.md", "markdown")
    b, c = text.index("B $2"), text.index("C $3")
    assert doc.suppressed("derived-product", b, b + 1)
    assert doc.suppressed("percent-change", text.index("still"), text.index("still") + 1)
    assert not doc.suppressed("price-level", b, b + 1)
    assert not doc.suppressed("derived-product", c, c + 1)


def test_suppression_off_on_stretch_and_front_matter_off():
    text = "A.\n<!-- factcheck: off -->\nB $2.\n\nC $3.\n<!-- factcheck: on -->\nD $4.\n"
    doc = parse(text, "d.md", "markdown")
    assert doc.suppressed("any", text.index("C $3"), text.index("C $3") + 1)
    assert not doc.suppressed("any", text.index("D $4"), text.index("D $4") + 1)
    off = parse("---\nfactcheck: off\n---\nB $2.\n", "d.md", "markdown")
    assert off.disabled and off.suppressed("any", 20, 21)


@pytest.mark.parametrize(
    ("data", "needle"),
    [(b"\x00\x01\x02binary", "binary"), (b"caf\xe9 $5", "not UTF-8")],
)
def test_undecodable_input_is_a_one_line_error(data, needle):
    with pytest.raises(InputError) as exc:
        decode(data, "x.md")
    assert needle in str(exc.value) and "\n" not in str(exc.value)


def test_utf16_with_bom_and_utf8_bom_are_decoded():
    assert decode("BTC $5".encode("utf-16"), "x") == "BTC $5"
    assert decode(b"\xef\xbb\xbfBTC", "x") == "BTC"


def test_missing_path_and_directory_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(str(tmp_path / "nope.md"))
    with pytest.raises(InputError, match="is a directory"):
        read_path(str(tmp_path))


@pytest.mark.parametrize(
    "written", ["2026-02-05T09:30:00Z", "February 5, 2026", "Feb 5, 2026", "Feb. 5, 2026", "5 February 2026"]
)
def test_front_matter_date_in_iso_or_written_form(written):
    doc = parse(f"---\ndate: {written}\n---\nBTC fell 5%.\n", "d.md", "markdown")
    assert doc.published == date(2026, 2, 5)


def test_front_matter_date_that_is_not_a_date_gives_none():
    assert parse("---\ndate: soon\n---\nBTC.\n", "d.md", "markdown").published is None
    assert parse("---\ndate: 2026-02-30\n---\nBTC.\n", "d.md", "markdown").published is None

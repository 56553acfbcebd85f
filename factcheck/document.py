"""Reading a draft: decoding, front matter, the prose mask, publication date and inline suppressions.

Every later stage works on ``Document.prose``: a string as long as the file text in which everything that
is not prose (front matter, code, tags, comments, URLs) is blanked with spaces, newlines kept. Offsets into
``prose`` are therefore offsets into the file.
"""

from __future__ import annotations

import bisect
import html
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

MAX_BYTES = 64 * 1024 * 1024
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
TEXT_SUFFIXES = {".txt"}
DRAFT_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES


class InputError(Exception):
    """A draft that cannot be read; the message is one line for the user."""


@dataclass(slots=True)
class Suppression:
    start: int
    end: int
    rules: frozenset[str] | None  # None: every rule
    directive_start: int  # where the comment that made it is, for reporting unknown ids
    directive_end: int


@dataclass(slots=True)
class Document:
    path: str
    text: str
    prose: str
    fmt: str  # "text" | "markdown" | "html"
    front_matter: dict[str, str] = field(default_factory=dict)
    published: date | None = None
    suppressions: list[Suppression] = field(default_factory=list)
    disabled: bool = False  # front matter "factcheck: off"
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a 0-based offset."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def suppressed(self, rule: str, start: int, end: int) -> bool | Suppression:
        """The suppression that silences ``rule`` at ``start`` (True when the whole file is off), or False."""
        if self.disabled:
            return True
        for s in self.suppressions:
            if s.start <= start < s.end and (s.rules is None or rule in s.rules):
                return s
        return False


# ---------------------------------------------------------------- decoding


def decode(data: bytes, path: str) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: file is {len(data) / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MiB limit")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # UTF-32: its BOM starts like UTF-16's
        try:
            return data.decode("utf-32")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid UTF-32 text ({exc.reason})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid UTF-16 text ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not a text draft")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save it as UTF-8"
        ) from None


def read_path(path: str) -> Document:
    """Read one file (or ``-`` for standard input) into a Document.

    Only regular files are read (a FIFO, a device such as /dev/zero or a socket is refused without
    opening it), and never more than ``MAX_BYTES``: a file that grows while read is cut off and refused.
    """
    import stat
    import sys

    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return parse(decode(data, "-"), "-", "markdown")
    p = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except (OSError, ValueError) as exc:  # ELOOP (a symlink loop), EACCES, a NUL in the name, ...
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: not a regular file (a device, FIFO or socket); not read")
    if st.st_size > MAX_BYTES:
        raise InputError(f"{path}: file is {st.st_size / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MiB limit")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    suffix = p.suffix.lower()
    fmt = "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
    return parse(decode(data, path), path, fmt)


def parse(text: str, path: str = "-", fmt: str = "text") -> Document:
    """Build a Document from decoded text. ``fmt`` is text, markdown or html."""
    if fmt == "text" and path == "-":
        fmt = "markdown"
    if fmt == "text" and _looks_like_html(text):
        fmt = "html"
    if fmt == "html":
        prose, published = _mask_html(text)
        doc = Document(path, text, prose, "html", published=published)
    else:
        front, fm_end = _front_matter(text)
        chars = list(text)
        _blank(chars, 0, fm_end)
        if fmt == "markdown" or front:
            _mask_markdown(text, chars, fm_end)
            fmt = "markdown"
        doc = Document(path, text, "".join(chars), fmt, front_matter=front)
        doc.published = _parse_date(front.get("date") or front.get("published") or "")
        doc.disabled = front.get("factcheck", "").strip().lower() in {"off", "false", "no"}
    doc.suppressions = _suppressions(text, path, _code_spans(text) if doc.fmt == "markdown" else ())
    return doc


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


# ---------------------------------------------------------------- markdown

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.M)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}+|~{3,}+)[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.M)
_URL = re.compile(r"<?\bhttps?://[^\s<>)\]]+>?|\bwww\.[^\s<>)\]]+")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    m = _FRONT.match(text)
    if not m:
        return {}, 0
    front = {k.lower(): v.strip().strip("'\"") for k, v in _FM_LINE.findall(m.group(1))}
    return front, m.end()


def _mask_markdown(text: str, chars: list[str], start: int) -> None:
    from factcheck import markup_scan

    for pattern in (_FENCE, _COMMENT, _INLINE_CODE, _REF_DEF, _LINK_TARGET, _URL, _TAG):
        if pattern is _INLINE_CODE:  # the regexes' spans, found in linear time (runs of backticks, "](")
            spans = markup_scan.inline_code(text, start)
        elif pattern is _LINK_TARGET:
            spans = markup_scan.link_targets(text, start)
        else:
            spans = (m.span() for m in pattern.finditer(text, start))
        for s, e in spans:
            if pattern is _LINK_TARGET:
                s += 1  # keep the "]"
            _blank(chars, s, e)


# ---------------------------------------------------------------- html

_HTML_SKIP = re.compile(r"<(script|style|head|code|pre|template|svg)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_HTML_BLOCK = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|blockquote|hr|figure|"
    r"figcaption|title|main|nav|aside|dd|dt|dl)\b",
    re.I,
)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")
_META_DATE = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|date|datePublished|"
    r"pubdate|publish-date|dc\.date)[\"'][^>]*>",
    re.I,
)
_META_OPEN = re.compile(r"<meta\b", re.I)
_META_ATTR = re.compile(
    r"(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|date|datePublished|"
    r"pubdate|publish-date|dc\.date)[\"']",
    re.I,
)  # _META_DATE is _META_OPEN, [^>]*?, this, [^>]*>: markup_scan.tags_to_gt finds it in linear time
_CONTENT = re.compile(r"content\s*=\s*[\"']([^\"']+)", re.I)


def _mask_html(text: str) -> tuple[str, date | None]:
    chars = list(text)
    published = None
    from factcheck import markup_scan

    for s, e in markup_scan.tags_to_gt(text, _META_OPEN, _META_ATTR):
        c = _CONTENT.search(text, s, e)
        if c and (published := _parse_date(c.group(1))):
            break
    for pattern in (_COMMENT, _HTML_SKIP):
        for m in pattern.finditer(text):
            _blank(chars, *m.span())
    for m in _TAG.finditer(text):
        s, e = m.span()
        if chars[s] == " " and chars[e - 1] == " ":
            continue  # inside a blanked region already
        _blank(chars, s, e)
        if _HTML_BLOCK.match(text, s):
            chars[s] = "\n"  # a paragraph break for sentence splitting
    for m in _ENTITY.finditer(text):
        s, e = m.span()
        if chars[s] != "&":
            continue
        value = html.unescape(m.group(0))
        _blank(chars, s, e)
        if len(value) == 1 and not value.isspace() and value != "\xa0":
            chars[e - 1] = value  # the character sits next to what follows: "&#36;5" -> "    $5"
    return "".join(chars), published


# ---------------------------------------------------------------- dates and suppressions

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


_WRITTEN_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y")


def _parse_date(value: str) -> date | None:
    """An ISO date (time and zone ignored), or a written one: "February 5, 2026", "5 Feb 2026"."""
    m = _ISO_DATE.search(value)
    if not m:
        from datetime import datetime

        text = " ".join(value.replace("Sept.", "Sep.").split())
        for fmt in _WRITTEN_DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Fenced and inline code of a Markdown text: a directive shown there is an example, not a directive."""
    if "factcheck" not in text:
        return []
    from factcheck import markup_scan

    return [m.span() for m in _FENCE.finditer(text)] + list(markup_scan.inline_code(text))


def _suppressions(text: str, path: str = "-", code: Sequence[tuple[int, int]] = ()) -> list[Suppression]:
    """The stretches the inline directives cover (the words and their scopes: factcheck/suppressions.py)."""
    if "factcheck" not in text:
        return []
    from factcheck.suppressions import spans

    return [Suppression(*span) for span in spans(text, path, code)]

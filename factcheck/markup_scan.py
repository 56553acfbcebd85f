"""Linear-time finders for the markup patterns of document.py whose plain regexes backtrack.

Each finder gives the same spans, in the same order, as ``finditer`` of the regex named in its docstring
(tests/test_markup_scan.py compares them on generated text), but touches each character a bounded number of
times: runs of backticks, ``](`` repeated, unclosed ``<meta`` or ``<!-- factcheck:`` comments cost linear
time instead of quadratic or worse.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

_RUN = re.compile(r"`+")
_LINK_OPEN = re.compile(r"\]\(")
_STOP = re.compile(r"[)\s]")
_TITLE = re.compile(r"\s+\"[^\"]*\"\)")


def inline_code(text: str, pos: int = 0) -> Iterator[tuple[int, int]]:
    """Spans of ``(`+)(?!`).+?(?<!`)\\1(?!`)`` (re.S): a run of backticks closed by the next run of the same
    length; when a run has no closer, the regex tries the run's shorter suffixes, and so does this."""
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text, pos)]
    by_len: dict[int, list[int]] = {}  # run length -> indexes into runs, increasing
    for i, (s, e) in enumerate(runs):
        by_len.setdefault(e - s, []).append(i)
    i = 0
    while i < len(runs):
        s, e = runs[i]
        if s < pos:
            s = pos
        if e >= len(text):  # nothing after the run: no content, no closer
            i += 1
            continue
        for k in range(e - s):  # the opener at s + k, of length e - s - k
            later = by_len.get(e - s - k)
            j = bisect_left(later, i + 1) if later else 0
            if later and j < len(later):
                close = runs[later[j]]
                yield s + k, close[1]
                i = later[j] + 1
                break
        else:
            i += 1


def link_targets(text: str, pos: int = 0) -> Iterator[tuple[int, int]]:
    """Spans of ``\\]\\([^)\\s]*(?:\\s+\\"[^\\"]*\\")?\\)``: a link's ``](target "title")``."""
    stop_at = -1  # the first ")" or whitespace at or after the last start (shared by the starts before it)
    title_end: dict[int, int] = {}
    done = pos
    for m in _LINK_OPEN.finditer(text, pos):
        s = m.start()
        if s < done:
            continue
        if stop_at < s + 2:
            st = _STOP.search(text, s + 2)
            stop_at = st.start() if st else len(text)
        q = stop_at
        if q >= len(text):
            break  # no ")" or whitespace after this start, nor after any later one
        if text[q] == ")":
            yield s, q + 1
            done = q + 1
            continue
        if q not in title_end:
            t = _TITLE.match(text, q)
            title_end[q] = t.end() if t else -1
        end = title_end[q]
        if end < 0:
            # the title pattern failed; with backtracking, [^)\s]* cannot stop earlier (a stop is a ")" or
            # a space, and the first one is at q), so no match starts at s
            continue
        yield s, end
        done = end


def tags_to_gt(text: str, opener: re.Pattern[str], inside: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Spans of ``opener`` + ``[^>]*?`` + ``inside`` + ``[^>]*>``: a tag that holds ``inside`` before its ``>``.

    The match at a start ends at the first ``>`` after it; when the tag at a start fails, every later start
    before that ``>`` fails too (its text is a part of the failed tag), so each character is read once."""
    skip_to = 0
    for m in opener.finditer(text):
        s = m.start()
        if s < skip_to:
            continue
        q = text.find(">", m.end())
        if q < 0:
            return
        if inside.search(text, m.end(), q):
            yield s, q + 1
        skip_to = q + 1


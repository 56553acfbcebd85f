"""Line and column numbers for offsets into a file's text (1-based, ``\\n`` ends a line)."""

from __future__ import annotations

import bisect
import re


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


_STOPS = (". ", "! ", "? ", ".\n", "!\n", "?\n")


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> tuple[int, int]:
    """The span of the sentence holding [start, end) within its paragraph, trimmed, at most ``limit`` wide."""
    low = max(0, start - limit // 2 - 3)  # a break further back cannot move ``left``: searched within reach only
    left = max(text.rfind("\n\n", low, start) + 2, text.rfind("\n\r\n", low, start) + 3, 0, start - limit // 2)
    for stop in _STOPS:
        i = text.rfind(stop, left, start)
        if i >= 0:
            left = max(left, i + 2)
    high = end + limit // 2 + 3
    para_end = [i for i in (text.find("\n\n", end, high), text.find("\n\r\n", end, high)) if i >= 0]
    right = min([*para_end, len(text), end + limit // 2])
    for stop in _STOPS:
        i = text.find(stop, end, right)
        if i >= 0:
            right = min(right, i + 1)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right

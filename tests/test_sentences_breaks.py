"""The break pattern of sentences() is written so that every alternative opens with a literal (fast to scan);
it must find exactly what the plain pattern finds, on any text and any start/end."""

from __future__ import annotations

import random
import re

from factcheck import sentences as S

PLAIN = re.compile(
    r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+>#|]|\d+[.)][ \t]))|(?<=[.!?:\"\u201d])[ \t]*\n|^[ \t]*#{1,6}[ \t][^\n]*\n",
    re.M,
)
PIECES = ["\n", "\n", "\n", " ", "\t", "#", "##", ".", "!", "?", ":", '"', "\u201d", "-", "*", "1", ")", "a", "|", ">"]


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start, end)]


def test_break_pattern_matches_the_plain_pattern_on_random_texts() -> None:
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 16)))
        for start, end in ((0, len(text)), (1, len(text)), (2, max(2, len(text) - 1))):
            assert _spans(S._BREAK, text, start, end) == _spans(PLAIN, text, start, end), (text, start, end)


def test_break_pattern_matches_on_markdown() -> None:
    text = "# Title\nIntro line.\n  ## Sub\n\n- item: one\n1. first\nSaid:\n> quote\n\tEnd!  \nMore \u201d\nx\n"
    assert _spans(S._BREAK, text, 0, len(text)) == _spans(PLAIN, text, 0, len(text))
    assert [text[a:b] for a, b in S.sentences(text)][:3] == ["# Title", "Intro line.", "## Sub"]

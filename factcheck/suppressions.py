"""Inline suppression comments: ``<!-- factcheck: WORD [RULE, ...] -->``.

The accepted words and the stretch each covers are data (``rules/suppressions.toml``). A comment whose word
is not listed is an :class:`~factcheck.document.InputError` naming its line, so no misspelt or foreign
directive ("disable-nxt-line") can silently switch checking off. Rule names are honoured by every word.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

SCOPES = frozenset({"paragraph", "next-line", "line", "start", "end"})
_OPEN = re.compile(r"<!--\s*factcheck\s*:", re.I)  # the comment runs to the first "-->" after it
_WORD = re.compile(r"[A-Za-z][\w-]*")
_NON_SPACE = re.compile(r"\S")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(slots=True)
class Directive:
    word: str
    scope: str
    rules: frozenset[str] | None  # None: every rule
    start: int  # the comment's span
    end: int


@cache
def directive_words() -> dict[str, str]:
    """word -> scope, from rules/suppressions.toml."""
    from factcheck.resources import load_rules_file

    words = {str(k).lower(): str(v) for k, v in load_rules_file("suppressions.toml")["directives"].items()}
    bad = {w: s for w, s in words.items() if s not in SCOPES}
    if bad:
        raise ValueError(f"rules/suppressions.toml: unknown scope(s) {bad}")
    return words


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def directives(text: str, path: str = "-", code: Sequence[tuple[int, int]] = ()) -> list[Directive]:
    """Every directive comment of ``text`` outside the ``code`` spans (examples shown in code are not
    directives); an unknown word raises InputError naming path:line:col."""
    from factcheck.document import InputError

    words = directive_words()
    merged: list[list[int]] = []  # the code spans as disjoint stretches, in order
    for s, e in sorted(code):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    code_starts = [s for s, _ in merged]
    out = []
    for start, end, body in _comments(text):
        k = bisect.bisect_right(code_starts, start) - 1
        if k >= 0 and start < merged[k][1]:
            continue
        w = _WORD.match(body)
        word = w.group(0).lower() if w else body.split()[0] if body.split() else ""
        if word not in words:
            line, col = _line_col(text, start)
            shown = word or "(nothing)"
            raise InputError(
                f"{path}:{line}:{col}: unknown factcheck directive {shown!r} "
                f"(known: {', '.join(sorted(words))})"
            )
        rest = body[w.end() :] if w else ""
        ids = frozenset(r for r in re.split(r"[\s,]+", rest.strip()) if r) or None
        out.append(Directive(word, words[word], ids, start, end))
    return out


def _comments(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, body stripped) of each ``<!-- factcheck: BODY -->``, in linear time: a comment ends at the
    first ``-->`` after its opener, and an opener with none after it (nor any later opener) closes nothing."""
    done = 0
    for m in _OPEN.finditer(text):
        if m.start() < done:
            continue  # inside the comment before it
        close = text.find("-->", m.end())
        if close < 0:
            return
        yield m.start(), close + 3, text[m.end() : close].strip()
        done = close + 3


class _Paragraphs:
    """The end of the paragraph that goes on from a position (through its first blank line, or the text's
    end); directives of one paragraph share one search, so many of them cost one pass."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.last: tuple[int, int] | None = None  # (where the blank line ending the last paragraph starts, end)

    def end(self, pos: int) -> int:
        first = _NON_SPACE.search(self.text, pos)
        if first is None:
            return len(self.text)
        if self.last is not None and first.start() < self.last[0]:
            return self.last[1]
        blank = _BLANK_LINE.search(self.text, first.start() + 1)
        self.last = (blank.start(), blank.end()) if blank else (len(self.text), len(self.text))
        return self.last[1]


def _line_end(text: str, offset: int) -> int:
    i = text.find("\n", offset)
    return len(text) if i < 0 else i


def spans(
    text: str, path: str = "-", code: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, frozenset[str] | None, int, int]]:
    """(start, end, rules, directive_start, directive_end) for each stretch the directives cover."""
    out: list[tuple[int, int, frozenset[str] | None, int, int]] = []
    open_: list[Directive] = []  # "start" directives not closed yet
    paragraphs = _Paragraphs(text)
    for d in directives(text, path, code):
        if d.scope == "paragraph":
            out.append((d.end, paragraphs.end(d.end), d.rules, d.start, d.end))
        elif d.scope == "line":
            begin = text.rfind("\n", 0, d.start) + 1
            out.append((begin, _line_end(text, d.end), d.rules, d.start, d.end))
        elif d.scope == "next-line":
            nxt = _NON_SPACE.search(text, _line_end(text, d.end))
            if nxt:
                begin = text.rfind("\n", 0, nxt.start()) + 1
                out.append((begin, _line_end(text, nxt.start()), d.rules, d.start, d.end))
        elif d.scope == "start":
            open_.append(d)
        else:  # end
            still = []
            for o in open_:
                if d.rules is None:
                    out.append((o.end, d.start, o.rules, o.start, o.end))
                elif o.rules is None:
                    still.append(o)  # "on RULE" does not end an "off" for every rule
                elif o.rules & d.rules:
                    out.append((o.end, d.start, o.rules & d.rules, o.start, o.end))
                    if o.rules - d.rules:
                        still.append(Directive(o.word, o.scope, o.rules - d.rules, o.start, o.end))
                else:
                    still.append(o)
            open_ = still
    for o in open_:
        out.append((o.end, len(text), o.rules, o.start, o.end))
    return out

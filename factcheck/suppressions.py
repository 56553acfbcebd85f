"""Inline suppression comments: ``<!-- factcheck: WORD [RULE, ...] -->``.

The accepted words and the stretch each covers are data (``rules/suppressions.toml``). A comment whose word
is not listed is an :class:`~factcheck.document.InputError` naming its line, so no misspelt or foreign
directive ("disable-nxt-line") can silently switch checking off. Rule names are honoured by every word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

SCOPES = frozenset({"paragraph", "next-line", "line", "start", "end"})
_COMMENT = re.compile(r"<!--\s*factcheck\s*:\s*(.*?)\s*-->", re.I | re.S)
_WORD = re.compile(r"[A-Za-z][\w-]*")
_PARAGRAPH_END = re.compile(r"\S.*?(?:\n[ \t]*\n|\Z)", re.S)


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
    out = []
    for m in _COMMENT.finditer(text):
        if any(s <= m.start() < e for s, e in code):
            continue
        body = m.group(1)
        w = _WORD.match(body)
        word = w.group(0).lower() if w else body.split()[0] if body.split() else ""
        if word not in words:
            line, col = _line_col(text, m.start())
            shown = word or "(nothing)"
            raise InputError(
                f"{path}:{line}:{col}: unknown factcheck directive {shown!r} "
                f"(known: {', '.join(sorted(words))})"
            )
        rest = body[w.end() :] if w else ""
        ids = frozenset(r for r in re.split(r"[\s,]+", rest.strip()) if r) or None
        out.append(Directive(word, words[word], ids, m.start(), m.end()))
    return out


def _line_end(text: str, offset: int) -> int:
    i = text.find("\n", offset)
    return len(text) if i < 0 else i


def spans(
    text: str, path: str = "-", code: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, frozenset[str] | None, int, int]]:
    """(start, end, rules, directive_start, directive_end) for each stretch the directives cover."""
    out: list[tuple[int, int, frozenset[str] | None, int, int]] = []
    open_: list[Directive] = []  # "start" directives not closed yet
    for d in directives(text, path, code):
        if d.scope == "paragraph":
            para = _PARAGRAPH_END.search(text, d.end)
            out.append((d.end, para.end() if para else len(text), d.rules, d.start, d.end))
        elif d.scope == "line":
            begin = text.rfind("\n", 0, d.start) + 1
            out.append((begin, _line_end(text, d.end), d.rules, d.start, d.end))
        elif d.scope == "next-line":
            nxt = re.compile(r"[^\s]").search(text, _line_end(text, d.end))
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

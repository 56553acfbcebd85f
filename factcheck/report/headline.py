"""A finding in plain words: the figure and what it should be, derived from the finding's ``expected``.

``headline(f)``: ``"roughly $62 billion" should be about $49.9 billion`` (the message when nothing is
expected); ``one_line(f)``: the headline and the message on one line, for concise output, CI annotations and
editors.
"""

from __future__ import annotations

import re

from factcheck.model import Finding

_EXACT_WORDS = re.compile(r"^(?:at most|at least|under|over|below|above|about|around|a|an|the|last|first)\b", re.I)
_RANGE = re.compile(r"^(.+?) to (.+)$")
_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_SIGNED_PERCENT = re.compile(r"^[-−+](\d[\d,.]*\s*%)$")


def _flat(text: str) -> str:
    return " ".join(text.split())


def correction(f: Finding) -> str | None:
    """``should be about 23%`` and the like, or None when the finding names no expected figure."""
    if not f.expected or f.severity == "info":
        return None
    e = _flat(f.expected)
    if _EXACT_WORDS.match(e) or _DATE.match(e) or f.category == "date":
        return f"should be {e}"
    m = _RANGE.match(e)
    if m and not _RANGE.match(m.group(2)):
        return f"should be between {m.group(1)} and {m.group(2)}"
    m = _SIGNED_PERCENT.match(e)
    if m and not re.search(r"[-−+]\s*\d", f.text):
        return f"should be about {m.group(1)} (a {'fall' if e[0] in '-−' else 'rise'})"
    return f"should be about {e}"


def headline(f: Finding) -> str:
    """The figure as written and its correction; the message when there is no correction."""
    fix = correction(f)
    if fix is None:
        return _flat(f.message)
    return f'"{_flat(f.text)}" {fix}'


def one_line(f: Finding) -> str:
    """Headline and message on one line: ``"21%" should be about 14.9% (a fall): $2,148 to $1,827 is ...``."""
    fix = correction(f)
    if fix is None:
        return _flat(f.message)
    return f"{headline(f)}: {_flat(f.message)}"

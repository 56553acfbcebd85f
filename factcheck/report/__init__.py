"""Reporters: one module per output format, each reading only ``FileResult`` and ``Finding``."""

from __future__ import annotations

CHECK_FORMATS = ("text", "concise", "json", "sarif", "github", "html", "junit", "checkstyle")
EXTRACT_FORMATS = ("text", "json")


def coverage_line(counts: dict[str, int]) -> str:
    """The coverage line of a file: "N figures: X wrong, Y verified, Z not checked", and how many figures are
    not claims when any are. ``counts`` is a file's coverage (:func:`factcheck.model.coverage`)."""
    n = counts["figures"]
    line = (
        f"{n} figure{'s' * (n != 1)}: {counts['wrong']} wrong, {counts['verified']} verified, "
        f"{counts['unchecked']} not checked"
    )
    if counts["not-claim"]:
        line += f", {counts['not-claim']} not claims (dates, durations, counts)"
    return line

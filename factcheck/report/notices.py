"""File-level notices (stale market data, ...) as every reporter shows them: a banner at the top of the text and
HTML reports, a warning annotation in the github format, a tool notification in SARIF, ``notices`` in JSON."""

from __future__ import annotations

from factcheck.model import FileResult, Notice


def all_notices(results: list[FileResult]) -> list[tuple[str, Notice]]:
    """(path, notice) for every notice of every file, in file order."""
    return [(r.path, n) for r in results for n in r.notices]


def banner_title(items: list[tuple[str, Notice]]) -> str:
    if all(n.kind == "stale-data" for _, n in items):
        return "Stale market data: the claims that need a later day than the data holds were not checked"
    return f"{len(items)} notice{'s' * (len(items) != 1)}"


def banner_item(path: str, notice: Notice, many_files: bool) -> tuple[str, str | None]:
    """(what, fix): the notice in a few words, and the command that fixes it (kept whole on a line of its own)."""
    where = f"{path}: " if many_files else ""
    if notice.kind == "stale-data" and notice.command:
        what = "exchange rates" if "--fx" in notice.command else "prices"
        return (
            f"{where}{notice.subject} {what} needed up to {notice.needed}, the data ends {notice.last_day}",
            f"run: {notice.command}   (or check with --fetch)",
        )
    return where + notice.message, None

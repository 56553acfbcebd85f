"""The terminal report (default): findings grouped by file, the figure underlined in its sentence, the
arithmetic and data rows that decide it, and a summary table. Colour only on a terminal (NO_COLOR is
respected); plain, 100 columns wide and stable when piped or written to a file."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from factcheck.model import FileResult, Finding, Quantity, coverage
from factcheck.report import coverage_line
from factcheck.report.headline import correction, headline
from factcheck.report.positions import LineIndex, sentence_around

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

PLAIN_WIDTH = 100


class _PlainWriter:
    """Plain output without the spaces rich pads lines with, so piped reports diff cleanly."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.pending = ""

    def write(self, text: str) -> int:
        self.pending += text
        if "\n" in self.pending:
            done, _, self.pending = self.pending.rpartition("\n")
            self.out.write("".join(line.rstrip() + "\n" for line in done.split("\n")))
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.out.write(self.pending)
            self.pending = ""
        self.out.flush()

    def isatty(self) -> bool:
        return False


STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
LABELS = {"error": "error", "warning": "warning", "info": "info"}
INDENT = 6


def _is_terminal(out: TextIO) -> bool:
    return out.isatty() if hasattr(out, "isatty") else False


def make_console(out: TextIO, color: bool | None = None) -> Console:
    """A console on ``out``: coloured only on a terminal, unless NO_COLOR is set or ``color`` says so."""
    from rich.console import Console

    terminal = _is_terminal(out)
    if color is None:
        color = terminal and not os.environ.get("NO_COLOR")
    return Console(
        file=out if color else _PlainWriter(out),
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        width=None if terminal else PLAIN_WIDTH,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def _excerpt(text: str, start: int, end: int, room: int) -> tuple[str, int, int]:
    """The sentence around [start, end) on one line, cut to ``room`` characters around the figure.

    Returns the excerpt and the figure's position inside it."""
    s, e = sentence_around(text, start, end)
    line = text[s:e].replace("\r", " ").replace("\n", " ").replace("\t", " ")
    a, b = start - s, min(end, e) - s
    if len(line) > room:
        figure = b - a
        spare = max(room - figure - 2, 0)
        left = 0 if b <= room - 2 else max(0, a - spare // 2)  # keep the sentence's start when it fits
        right = min(len(line), left + max(figure, room - 2))
        left = max(0, min(left, right - (room - 2)))
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(line) else ""
        line = prefix + line[left:right] + suffix
        a, b = a - left + len(prefix), min(b, right) - left + len(prefix)
    return line, a, b


def _wrap(text: str, width: int) -> list[str]:
    """Word-wrapped lines (long words folded); plain ``textwrap`` is far cheaper than rich tables here."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return [flat]
    import textwrap

    return textwrap.wrap(flat, width=max(width, 10), break_on_hyphens=False) or [""]


class _Lines:
    """Styled text as (text, style) segments: printed through rich on a colour terminal, written as plain
    strings otherwise (rich's layout costs milliseconds per finding, which adds up on big runs)."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, str | None]] = []

    def append(self, text: str, style: str | None = None) -> None:
        self.parts.append((text, style))

    @property
    def plain(self) -> str:
        return "".join(t for t, _ in self.parts)

    def rich(self) -> Text:
        from rich.text import Text

        out = Text()
        for t, style in self.parts:
            out.append(t, style=style)
        return out


def _finding(f: Finding, r: FileResult, lines: LineIndex, width: int, show_work: bool = True) -> _Lines:
    """One finding as lines of styled text: ``path:line:col: severity [rule]`` and the headline in plain words
    with its correction; the message; the sentence with the figure underlined and a caret line; with
    ``show_work``, then stated/expected, work, related figures, sources, readings."""
    out = _Lines()
    line, col = lines.line_col(f.start)
    pos = f"{r.path}:{line}:{col}:"
    tag = f" {LABELS[f.severity]} [{f.rule}] "
    hang = len(pos) + len(tag)
    title = headline(f)
    first_room = width - hang if width - hang >= 30 else 0
    head = _wrap(title, first_room) if first_room else []
    out.append(pos, style="bold")
    out.append(" ")
    out.append(LABELS[f.severity], style=STYLES[f.severity])
    out.append(f" [{f.rule}] ", style="magenta")
    if head:
        out.append(head[0] + "\n", style="bold")
        rest = " ".join(head[1:])
    else:
        out.append("\n")
        rest = title
    for more in _wrap(rest, width - INDENT) if rest else []:
        out.append(" " * INDENT + more + "\n", style="bold")
    if correction(f) is not None:
        for more in _wrap(f.message, width - INDENT):
            out.append(" " * INDENT + more + "\n")

    pad = " " * INDENT + "│ "
    excerpt, a, b = _excerpt(r.text, f.start, f.end, max(width - INDENT - 2, 20))
    out.append(pad, style="dim")
    out.append(excerpt[:a])
    out.append(excerpt[a:b], style=f"underline {STYLES[f.severity]}")
    out.append(excerpt[b:] + "\n")
    out.append(pad, style="dim")
    out.append(" " * a + "^" * max(b - a, 1) + "\n", style=STYLES[f.severity])

    if not show_work:
        return out
    details: list[tuple[str, str]] = []
    if f.stated or f.expected:
        details.append(("stated", f"{f.stated or f.text}" + (f"; expected: {f.expected}" if f.expected else "")))
    details += [("work", step) for step in f.work]
    for rel in f.related:
        r_line, r_col = lines.line_col(rel.start)
        details.append(("against", f"{rel.text} ({r_line}:{r_col})"))
    details += [("source", src) for src in f.sources]
    details += [("reading", reading) for reading in f.readings]
    room = width - INDENT - 2 - 9
    for label, value in details:
        wrapped = _wrap(value, room)
        out.append(pad, style="dim")
        out.append(f"{label:<8} ", style="bold")
        out.append(wrapped[0] + "\n")
        for more in wrapped[1:]:
            out.append(pad, style="dim")
            out.append(" " * 9 + more + "\n")
    return out


def _banner(results: list[FileResult], width: int) -> list[str]:
    """The notices (stale data, ...) as a banner above the report: a title, one wrapped item per notice, a rule."""
    from factcheck.report.notices import all_notices, banner_item, banner_title

    items = all_notices(results)
    if not items:
        return []
    many = len(results) > 1
    lines = _wrap("! " + banner_title(items), width)
    for path, notice in items:
        what, fix = banner_item(path, notice, many)
        wrapped = _wrap(what, width - 4)
        lines += ["  - " + wrapped[0], *("    " + w for w in wrapped[1:])]
        if fix:
            lines.append("    " + fix)
    return [*lines, ""]


def _shown(r: FileResult) -> bool:
    """A file gets its own section when it has findings or figures (a file without either stays quiet)."""
    return bool(r.findings or r.quantities)


SHOW_WORK_HINT = "(add --show-work for the arithmetic, data rows and readings behind each finding)"


def render_check(
    results: list[FileResult], out: TextIO, color: bool | None = None, *, show_work: bool = True, quiet: bool = False
) -> None:
    """The report on ``out``. ``show_work=False`` gives each finding its headline, message and sentence only;
    ``quiet`` prints the findings and nothing else (no file titles, coverage or summary)."""
    if not color and not _is_terminal(out):
        text = _plain_check(results, show_work, quiet)
        if text is not None:  # piped or written to a file: the same text, without importing rich (~50 ms)
            out.write(text)
            out.flush()
            return
    _render_check_rich(results, out, color, show_work, quiet)


def _hint(results: list[FileResult], show_work: bool) -> bool:
    return not show_work and any(f.work or f.sources or f.readings for r in results for f in r.findings)


def _render_check_rich(
    results: list[FileResult], out: TextIO, color: bool | None = None, show_work: bool = True, quiet: bool = False
) -> None:
    from rich.text import Text

    console = make_console(out, color)
    banner = _banner(results, console.width or PLAIN_WIDTH)
    if banner:
        if console.no_color or not console.is_terminal:
            console.file.write("".join(line + "\n" for line in banner))
        else:
            console.print(Text("\n".join(banner), style="bold yellow"), overflow="ignore", crop=False, no_wrap=True)
    for r in results:
        if not _shown(r) or (quiet and not r.findings):
            continue
        lines = LineIndex(r.text)
        if quiet:
            width = console.width or PLAIN_WIDTH
            for f in r.findings:
                block = _finding(f, r, lines, width, show_work)
                if console.no_color or not console.is_terminal:
                    console.file.write(block.plain + "\n")
                else:
                    console.print(block.rich(), overflow="ignore", crop=False, no_wrap=True)
            continue
        title = Text(r.path, style="bold underline")
        if r.as_of:
            title.append(f"  (as of {r.as_of.isoformat()})", style="dim")
        console.print(title)
        console.print(Text(coverage_line(coverage(r.figures)), style="dim"))
        width = console.width or PLAIN_WIDTH
        for f in r.findings:
            block = _finding(f, r, lines, width, show_work)
            if console.no_color or not console.is_terminal:
                console.file.write(block.plain + "\n")
            else:
                console.print(block.rich(), overflow="ignore", crop=False, no_wrap=True)
    if quiet:
        return
    _summary(console, results)
    if _hint(results, show_work):
        console.print(Text(SHOW_WORK_HINT, style="dim"))


SUMMARY_ALL_FILES = 20  # up to this many files, the table lists every file; beyond, only those with findings


def _summary_rows(results: list[FileResult]) -> tuple[dict[str, int], list[tuple[str, str, dict[str, int], str]]]:
    totals = {"error": 0, "warning": 0, "info": 0}
    rows = []
    for r in results:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in r.findings:
            counts[f.severity] += 1
        for k, v in counts.items():
            totals[k] += v
        if len(results) <= SUMMARY_ALL_FILES or r.findings or r.notes:
            note = "not checked (factcheck: off)" if any("factcheck: off" in n for n in r.notes) else ""
            rows.append((r.path, r.as_of.isoformat() if r.as_of else "-", counts, note))
    return totals, rows


def _summary_table(results: list[FileResult]):
    """(columns as (header, footer, right-justified), rows of cells, footer shown, totals)."""
    totals, rows = _summary_rows(results)
    shown_total = len(rows) > 1 or len(rows) < len(results)
    columns = [("file", "total" if len(rows) == len(results) else f"total, {len(results)} files", False)]
    columns.append(("as of", "", False))
    columns += [(sev, str(totals[sev]), True) for sev in ("error", "warning", "info")]
    noted = any(note for *_, note in rows)
    if noted:
        columns.append(("note", "", False))
    cells = [
        [path, as_of, *(str(counts[s]) for s in counts), *([note] if noted else [])]
        for path, as_of, counts, note in rows
    ]
    return columns, cells, shown_total, totals


def _verdict(results: list[FileResult], totals: dict[str, int]) -> tuple[str, str]:
    n = len(results)
    parts = [
        f"{totals['error']} error{'s' * (totals['error'] != 1)}",
        f"{totals['warning']} warning{'s' * (totals['warning'] != 1)}",
        f"{totals['info']} info",
    ]
    return ", ".join(parts), f" in {n} file{'s' * (n != 1)} checked"


def _summary(console: Console, results: list[FileResult]) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    columns, cells, shown_total, totals = _summary_table(results)
    table = Table(box=box.SIMPLE_HEAD, show_footer=shown_total, pad_edge=False)
    for i, (header, footer, right) in enumerate(columns):
        if i == 0:
            table.add_column(header, footer=footer, overflow="fold")
        elif right:
            table.add_column(header, justify="right", style=STYLES[header], footer=footer)
        elif header == "note":
            table.add_column(header)
        else:
            table.add_column(header, footer=footer)
    for row in cells:
        table.add_row(*row)
    if cells:
        console.print(table)
    counts, rest = _verdict(results, totals)
    verdict = Text()
    verdict.append(counts, style=STYLES["error"] if totals["error"] else "green")
    verdict.append(rest)
    console.print(verdict)


def _printable(text: str) -> bool:
    """Plain ASCII without control characters: one terminal cell per character, as rich would measure it."""
    return text.isascii() and text.isprintable()


def _plain_check(results: list[FileResult], show_work: bool = True, quiet: bool = False) -> str | None:
    """The report exactly as the rich console prints it when not on a terminal (no colour, 100 columns), built
    with string operations; None when a line would need rich's own wrapping or cell measuring."""
    width = PLAIN_WIDTH
    out: list[str] = [line + "\n" for line in _banner(results, width)]
    for r in results:
        if not _shown(r) or (quiet and not r.findings):
            continue
        if quiet:
            lines = LineIndex(r.text)
            out.extend(_finding(f, r, lines, width, show_work).plain + "\n" for f in r.findings)
            continue
        title = r.path + (f"  (as of {r.as_of.isoformat()})" if r.as_of else "")
        if len(title) > width or not _printable(title):
            return None
        out.append(title + "\n")
        cover = coverage_line(coverage(r.figures))
        if len(cover) > width:
            return None
        out.append(cover + "\n")
        lines = LineIndex(r.text)
        for f in r.findings:
            out.append(_finding(f, r, lines, width, show_work).plain + "\n")
    if quiet:
        text = "".join(out)
        return "".join(line.rstrip() + "\n" for line in text.split("\n")[:-1]) + text.split("\n")[-1]
    columns, cells, shown_total, totals = _summary_table(results)
    if cells:
        table = _plain_table(columns, cells, shown_total, width)
        if table is None:
            return None
        out.append(table)
    counts, rest = _verdict(results, totals)
    if len(counts + rest) > width:
        return None
    out.append(counts + rest + "\n")
    if _hint(results, show_work):
        out.append(SHOW_WORK_HINT + "\n")
    text = "".join(out)
    return "".join(line.rstrip() + "\n" for line in text.split("\n")[:-1]) + text.split("\n")[-1]


def _plain_table(columns, cells: list[list[str]], footer: bool, width: int) -> str | None:
    """rich's Table(box=SIMPLE_HEAD, pad_edge=False) as printed plain, for a table that fits ``width``."""
    texts = [c[0] for c in columns] + [c[1] for c in columns] + [x for row in cells for x in row]
    if not all(_printable(t) for t in texts):
        return None
    widths = [
        max(len(col[0]), len(col[1]) if footer else 0, *(len(row[i]) for row in cells)) for i, col in enumerate(columns)
    ]
    last = len(columns) - 1
    inner = sum(widths) + 2 * len(widths) - 2 + (len(widths) - 1)  # cells, padding (none at the two ends), dividers
    if inner + 2 > width:
        return None  # rich would shrink and fold columns

    def line(values: list[str]) -> str:
        parts = []
        for i, (value, w, col) in enumerate(zip(values, widths, columns, strict=True)):
            cell = value.rjust(w) if col[2] else value.ljust(w)
            parts.append(("" if i == 0 else " ") + cell + ("" if i == last else " "))
        return " " + " ".join(parts) + " "

    rows = ["", line([c[0] for c in columns]), " " + "\u2500" * inner + " "]
    rows += [line(row) for row in cells]
    if footer:
        rows += ["", line([c[1] for c in columns])]
    rows.append("")
    return "".join(r.rstrip() + "\n" for r in rows)


def _num(v: float | None) -> str:
    if v is None:
        return "-"
    if v != v or v in (float("inf"), float("-inf")):
        return "-"
    if float(v).is_integer() and abs(v) < 1e18:
        return f"{int(v):,}"
    return f"{v:,.10g}"


def _compact(v: float | None) -> str:
    """Large numbers shortened for the table: 42,605,000,000 -> 42.605B."""
    if v is None:
        return "-"
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if abs(v) >= scale:
            return f"{v / scale:,.6g}{suffix}"
    return _num(v)


def _interval(q: Quantity) -> str:
    low = "(-inf" if q.low_bound is None else f"[{_compact(q.low_bound)}"
    high = "inf)" if q.high_bound is None else f"{_compact(q.high_bound)}]"
    return f"{low}, {high}"


def render_extract(results: list[FileResult], out: TextIO, color: bool | None = None) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = make_console(out, color)
    total = 0
    for r in results:
        lines = LineIndex(r.text)
        console.print(Text(f"{r.path}  ({len(r.quantities)} figures)", style="bold underline"))
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), collapse_padding=True)
        names = ["line:col", "text", "value", "unit", "bound", "interval", "kind", "subject", "window"]
        for name in names:
            narrow = name in ("line:col", "value", "unit", "bound", "interval", "kind")
            ratio = None if narrow else 2 if name == "text" else 1
            table.add_column(name, overflow="fold", no_wrap=narrow, ratio=ratio, min_width=None if narrow else 8)
        for q in r.quantities:
            line, col = lines.line_col(q.start)
            value = _compact(q.value) + (f" – {_compact(q.high)}" if q.high is not None else "")
            if q.kind == "date" and q.date_value is not None:
                value = q.date_value.isoformat()
            table.add_row(
                f"{line}:{col}",
                q.text,
                value,
                q.unit or "",
                q.bound,
                _interval(q),
                q.kind,
                q.subject or "",
                q.window or "",
            )
        if r.quantities:
            console.print(table)
        total += len(r.quantities)
    console.print(Text(f"{total} figure{'s' * (total != 1)} in {len(results)} file{'s' * (len(results) != 1)}"))

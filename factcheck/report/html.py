"""The editor's pre-publication report: one self-contained HTML file (inline CSS and JS, no network).

The draft is shown as the reader will see it (Markdown rendered simply; HTML drafts as their text), every
figure is marked (wrong = an error, doubtful = a warning, note = could not be checked; a figure without
findings by its coverage status: verified = a check confirmed it, not checked = a claim no check could
decide, with the reason, not a claim = a duration or a count), and each mark opens its explanation:
message, arithmetic, readings tried, figures it was checked against, data sources. The coverage line of
each file ("N figures: X wrong, Y verified, Z not checked") heads the page, under the version, the time of the
run and the market data it could read. A list of findings sits beside the text; n/p (and buttons) step through
the findings, scrolling each into view, and checkboxes hide a severity. A market finding's explanation has a
chart of the prices read (:mod:`factcheck.report.html_chart`). In print, the findings are numbered in the text
and explained after it. Everything from the draft is escaped.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from factcheck.model import SEVERITY_RANK, Figure, FileResult, Finding, Quantity, coverage
from factcheck.report import coverage_line
from factcheck.report.html_chart import finding_chart
from factcheck.report.positions import LineIndex

MARK_CLASS = {"error": "wrong", "warning": "doubt", "info": "note", None: "fine"}
MARK_LABEL = {"error": "wrong", "warning": "doubtful", "info": "note", None: "no finding"}
# A figure without findings has the class ``fc-fine`` ("no finding on it") and its coverage status in
# ``data-status``, which decides how it looks and what its mark says: "verified" only when a check confirmed
# it; "unchecked" (not checked, and why) or "notclaim" otherwise.
STATUS_CLASS = {"verified": "verified", "unchecked": "unchecked", "not-claim": "notclaim", "wrong": "wrong"}
STATUS_LABEL = {"verified": "verified", "unchecked": "not checked", "not-claim": "not a claim", "wrong": "wrong"}


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


# ---------------------------------------------------------------- marks over the text


@dataclass(slots=True)
class Item:
    key: str  # "f-0-3" (finding) or "q-0-5" (quantity)
    start: int
    end: int
    severity: str | None  # None for a figure without findings
    status: str | None = None  # a figure's coverage status ("verified", "unchecked", "not-claim")
    reason: str | None = None  # why it is unchecked


@dataclass(slots=True)
class Marks:
    """Non-overlapping pieces of the text, each covered by one or more items."""

    cuts: list[int] = field(default_factory=list)  # sorted boundaries
    covering: dict[int, list[Item]] = field(default_factory=dict)  # piece start -> items

    @classmethod
    def build(cls, items: list[Item]) -> Marks:
        cuts = sorted({p for it in items for p in (it.start, it.end)})
        covering: dict[int, list[Item]] = {}
        for it in items:
            i = bisect.bisect_left(cuts, it.start)
            while i + 1 < len(cuts) and cuts[i + 1] <= it.end:
                covering.setdefault(cuts[i], []).append(it)
                i += 1
        return cls(cuts, covering)

    def split(self, start: int, end: int) -> list[tuple[int, int, list[Item]]]:
        """[start, end) cut at the mark boundaries, each part with the items covering it."""
        cuts = self.cuts
        out = []
        pos = start
        i = bisect.bisect_right(cuts, pos) - 1  # cuts[i] <= pos < cuts[i + 1]
        while pos < end:
            nxt = min(cuts[i + 1], end) if i + 1 < len(cuts) else end
            items = self.covering.get(cuts[i], []) if i >= 0 else []
            out.append((pos, nxt, items))
            pos = nxt
            i += 1
        return out


def _mark_html(text: str, items: list[Item], end: int | None = None) -> str:
    """``end``: where this piece ends; a finding ending here gets its number in ``data-ref`` (shown in print)."""
    if not items:
        return text
    sevs = [it.severity for it in items if it.key.startswith("f-")]
    worst = max(sevs, key=lambda s: SEVERITY_RANK[s]) if sevs else None
    shown = [it for it in items if it.key.startswith("f-")] or items  # a flagged figure shows its findings
    keys = " ".join(dict.fromkeys(it.key for it in shown))
    label = MARK_LABEL[worst]
    status_attr = ""
    if worst is None:
        status = next((it.status for it in items if it.status), "unchecked")
        status_attr = f' data-status="{STATUS_CLASS[status]}"'
        label = STATUS_LABEL[status]
        reason = next((it.reason for it in items if it.reason), None)
        if status == "unchecked" and reason:
            label += f" ({reason})"
    refs = " ".join(str(int(it.key.rsplit("-", 1)[1]) + 1) for it in shown if it.key.startswith("f-") and it.end == end)
    ref_attr = f' data-ref="{refs}"' if refs else ""
    return (
        f'<mark class="fc fc-{MARK_CLASS[worst]}"{status_attr}{ref_attr} tabindex="0" role="button" '
        f'data-items="{keys}" title="{esc(label)}: click for details">{text}</mark>'
    )


# ---------------------------------------------------------------- rendering the draft


_FRONT = re.compile(r"\A---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+")
_NUMBERED = re.compile(r"^[ \t]*\d{1,9}[.)][ \t]+")
_RULE = re.compile(r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_COMMENT_LINE = re.compile(r"^[ \t]*<!--.*-->[ \t]*$")
_LINK = re.compile(r"!?\[(?P<label>[^\]\n]*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_HTML_BIT = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>\n]*>")
_EMPH = re.compile(r"\*\*|__|\*|_")
_ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!>|~]")


class _Renderer:
    def __init__(self, text: str, marks: Marks) -> None:
        self.text = text
        self.marks = marks

    def run(self, start: int, end: int, collapse: bool = False, source: str | None = None) -> str:
        """Escaped text of [start, end) with the marks applied; ``source`` defaults to the file text."""
        src = self.text if source is None else source
        parts = []
        for a, b, items in self.marks.split(start, end):
            chunk = src[a:b]
            if collapse:
                chunk = re.sub(r"\s+", " ", chunk)
            parts.append(_mark_html(esc(chunk), items, b))
        return "".join(parts)

    # ---- inline Markdown

    def inline(self, start: int, end: int) -> str:
        text = self.text
        out: list[str] = []
        delims = self._emphasis_pairs(start, end)
        pos = start
        i = start
        while i < end:
            c = text[i]
            if c == "`":
                m = _CODE.match(text, i, end)
                if m:
                    out.append(self.run(pos, i))
                    out.append("<code>" + self.run(m.start(2), m.end(2)) + "</code>")
                    pos = i = m.end()
                    continue
            elif c == "[" or (c == "!" and text.startswith("[", i + 1)):
                m = _LINK.match(text, i, end)
                if m:
                    out.append(self.run(pos, i))
                    tag = "span"
                    out.append(
                        f'<{tag} class="link" title="{esc(m.group("target"))}">'
                        + self.inline(m.start("label"), m.end("label"))
                        + f"</{tag}>"
                    )
                    pos = i = m.end()
                    continue
            elif c == "<":
                m = _HTML_BIT.match(text, i, end)
                if m:
                    out.append(self.run(pos, i))
                    pos = i = m.end()
                    continue
            elif c == "\\":
                m = _ESCAPE.match(text, i, end)
                if m:
                    out.append(self.run(pos, i))
                    pos = i + 1
                    i += 2
                    continue
            elif i in delims:
                length, tag = delims[i]
                out.append(self.run(pos, i))
                out.append(tag)
                pos = i = i + length
                continue
            i += 1
        out.append(self.run(pos, end))
        return "".join(out)

    def _emphasis_pairs(self, start: int, end: int) -> dict[int, tuple[int, str]]:
        """Positions of paired ``*``/``_``/``**``/``__`` delimiters -> (length, tag)."""
        text = self.text
        stack: list[tuple[str, int]] = []
        found: dict[int, tuple[int, str]] = {}
        skip = [(m.start(), m.end()) for m in _CODE.finditer(text, start, end)]
        skip += [(m.start("target") - 2, m.end()) for m in _LINK.finditer(text, start, end)]
        for m in _EMPH.finditer(text, start, end):
            s, e = m.span()
            if any(a <= s < b for a, b in skip) or (s > 0 and text[s - 1] == "\\"):
                continue
            d = m.group(0)
            before = text[s - 1] if s > start else " "
            after = text[e] if e < end else " "
            can_open = not after.isspace() and (d[0] == "*" or not before.isalnum())
            can_close = not before.isspace() and (d[0] == "*" or not after.isalnum())
            if can_close and stack and stack[-1][0] == d:
                _, opened = stack.pop()
                tag = "strong" if len(d) == 2 else "em"
                found[opened] = (len(d), f"<{tag}>")
                found[s] = (len(d), f"</{tag}>")
            elif can_open:
                stack.append((d, s))
        return found

    # ---- blocks

    def markdown(self, body_start: int) -> str:
        text = self.text
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*(?:\n|$)", text[body_start:]) if m.group(0)]
        lines = [(s + body_start, e + body_start) for s, e in lines]
        out: list[str] = []
        para: list[tuple[int, int]] = []
        list_tag: str | None = None
        quote = False

        def content_end(s: int, e: int) -> int:
            while e > s and text[e - 1] in "\r\n":
                e -= 1
            return e

        def flush() -> None:
            nonlocal para, quote
            if para:
                inner = "".join(
                    self.inline(s, content_end(s, e)) + ("\n" if k < len(para) - 1 else "")
                    for k, (s, e) in enumerate(para)
                )
                out.append(f"<blockquote><p>{inner}</p></blockquote>" if quote else f"<p>{inner}</p>")
            para = []
            quote = False

        def close_list() -> None:
            nonlocal list_tag
            if list_tag:
                out.append(f"</{list_tag}>")
                list_tag = None

        k = 0
        while k < len(lines):
            s, e = lines[k]
            line = text[s : content_end(s, e)]
            if not line.strip():
                flush()
                close_list()
                k += 1
                continue
            fence = _FENCE_OPEN.match(line)
            if fence:
                flush()
                close_list()
                marker = fence.group(1)
                body_from = e
                k += 1
                body_to = body_from
                while k < len(lines):
                    s2, e2 = lines[k]
                    if text[s2:e2].strip().startswith(marker):
                        k += 1
                        break
                    body_to = e2
                    k += 1
                out.append(f"<pre><code>{self.run(body_from, body_to)}</code></pre>")
                continue
            if _COMMENT_LINE.match(line):
                flush()
                k += 1
                continue
            if _RULE.match(line):
                flush()
                close_list()
                out.append("<hr>")
                k += 1
                continue
            m = _HEADING.match(line)
            if m:
                flush()
                close_list()
                level = len(m.group(1))
                c_end = content_end(s, e)
                stripped = line.rstrip()
                trail = re.search(r"[ \t]+#+$", stripped)
                if trail:
                    c_end = s + trail.start()
                out.append(f"<h{level + 1}>{self.inline(s + m.end(), c_end)}</h{level + 1}>")
                k += 1
                continue
            m = _BULLET.match(line) or _NUMBERED.match(line)
            if m:
                flush()
                tag = "ul" if _BULLET.match(line) else "ol"
                if list_tag != tag:
                    close_list()
                    out.append(f"<{tag}>")
                    list_tag = tag
                item = [(s + m.end(), e)]
                k += 1
                while k < len(lines):  # continuation lines of the item
                    s2, e2 = lines[k]
                    nxt = text[s2:e2]
                    if not nxt.strip() or _BULLET.match(nxt) or _NUMBERED.match(nxt) or _HEADING.match(nxt):
                        break
                    item.append((s2 + len(nxt) - len(nxt.lstrip(" \t")), e2))
                    k += 1
                inner = "\n".join(self.inline(a, content_end(a, b)) for a, b in item)
                out.append(f"<li>{inner}</li>")
                continue
            m = _QUOTE.match(line)
            if m:
                if para and not quote:
                    flush()
                quote = True
                para.append((s + m.end(), e))
                k += 1
                continue
            if list_tag:
                close_list()
            para.append((s, e))
            k += 1
        flush()
        close_list()
        return "\n".join(out)

    def prose_blocks(self, prose: str, start: int = 0, keep_lines: bool = False) -> str:
        """Plain text and HTML drafts: paragraphs of the visible text (tags already blanked).

        ``keep_lines``: single line breaks of a plain-text draft are kept as ``<br>``."""
        out = []
        for m in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*", prose[start:]):
            s, e = m.start() + start, m.end() + start
            if not prose[s:e].strip():
                continue
            while prose[s].isspace():
                s += 1
            while prose[e - 1].isspace():
                e -= 1
            if keep_lines:
                lines = []
                for m2 in re.finditer(r"[^\n]+", prose[s:e]):
                    a2, b2 = m2.start() + s, m2.end() + s
                    if prose[a2:b2].strip():
                        lines.append(self.run(a2, b2, collapse=True, source=prose).strip())
                out.append("<p>" + "<br>\n".join(lines) + "</p>")
            else:
                out.append(f"<p>{self.run(s, e, collapse=True, source=prose)}</p>")
        return "\n".join(out)


def _draft_html(r: FileResult, marks: Marks) -> str:
    from factcheck.document import parse

    suffix = Path(r.path).suffix.lower()
    if suffix in (".html", ".htm"):
        fmt = "html"
    elif suffix in (".md", ".markdown") or r.path == "-":
        fmt = "markdown"
    else:
        fmt = "text"
    doc = parse(r.text, r.path, fmt)
    renderer = _Renderer(r.text, marks)
    if doc.fmt == "markdown":
        m = _FRONT.match(r.text)
        return renderer.markdown(m.end() if m else 0)
    return renderer.prose_blocks(doc.prose, keep_lines=doc.fmt == "text")


# ---------------------------------------------------------------- explanations


def _num(v: float | None) -> str:
    if v is None or v != v or v in (float("inf"), float("-inf")):
        return "open"
    if float(v).is_integer() and abs(v) < 1e18:
        return f"{int(v):,}"
    return f"{v:,.10g}"


def _finding_body(f: Finding, lines: LineIndex, related_keys: list[str], chart: str = "") -> str:
    line, col = lines.line_col(f.start)
    parts = [
        f'<p class="msg">{esc(f.message)}</p>',
        f'<p class="meta"><span class="sev sev-{f.severity}">{esc(f.severity)}</span> '
        f"<code>{esc(f.rule)}</code> · {esc(f.category)} · line {line}, column {col}</p>",
    ]
    rows = []
    rows.append(("Figure", f"“{esc(f.text)}”"))
    if f.stated:
        rows.append(("Stated", esc(f.stated)))
    if f.expected:
        rows.append(("Expected", esc(f.expected)))
    parts.append('<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>")
    parts.append(chart)
    if f.work:
        parts.append('<h4>Work</h4><ol class="work">' + "".join(f"<li>{esc(w)}</li>" for w in f.work) + "</ol>")
    if f.readings:
        parts.append("<h4>Readings tried</h4><ul>" + "".join(f"<li>{esc(x)}</li>" for x in f.readings) + "</ul>")
    if f.related:
        items = []
        for rel, key in zip(f.related, related_keys, strict=True):
            r_line, r_col = lines.line_col(rel.start)
            goto = f' data-goto="{key}"' if key else ""
            items.append(
                f'<li><button type="button" class="rel"{goto}>“{esc(rel.text)}”</button> '
                f'<span class="pos">line {r_line}:{r_col}</span></li>'
            )
        parts.append("<h4>Checked against</h4><ul>" + "".join(items) + "</ul>")
    if f.sources:
        parts.append('<h4>Sources</h4><ul class="src">' + "".join(f"<li>{esc(s)}</li>" for s in f.sources) + "</ul>")
    return "".join(parts)


def _quantity_body(q: Quantity, lines: LineIndex, fig: Figure | None) -> str:
    line, col = lines.line_col(q.start)
    value = _num(q.value) + (f" to {_num(q.high)}" if q.high is not None else "")
    rows = [
        ("Figure", f"“{esc(q.text)}”"),
        ("Read as", esc(f"{value} {q.unit or ''}".strip())),
        ("Allows", esc(f"{_num(q.low_bound)} … {_num(q.high_bound)} ({q.bound})")),
        ("Kind", esc(q.kind)),
    ]
    if q.subject:
        rows.append(("About", esc(q.subject)))
    if q.window:
        rows.append(("Window", esc(q.window)))
    status = fig.status if fig else "unchecked"
    if status == "verified":
        message = "A check confirmed this figure."
        rows.insert(1, ("Evidence", esc(fig.evidence if fig and fig.evidence else "")))
    elif status == "unchecked":
        reason = fig.reason if fig and fig.reason else "no check applies"
        message = f"Not checked ({reason})."
        rows.insert(1, ("Why", esc(reason)))
    elif status == "not-claim":
        message = "Not a claim the checker reads (a date, a duration or a count)."
    else:
        message = "A check found this figure wrong."
    css = STATUS_CLASS[status]
    return (
        f'<p class="msg">{esc(message)}</p>'
        f'<p class="meta"><span class="sev sev-{css}">{esc(STATUS_LABEL[status])}</span> '
        f"line {line}, column {col}</p>"
        '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"
    )


# ---------------------------------------------------------------- the page


def _file_section(n: int, r: FileResult) -> tuple[str, str, dict[str, int]]:
    """(draft section html, sidebar findings html, counts) for one file."""
    lines = LineIndex(r.text)
    items: list[Item] = []
    quantities = [q for q in r.quantities if q.kind != "date" and q.end > q.start]
    q_keys = {}
    for i, q in enumerate(quantities):
        key = f"q-{n}-{i}"
        q_keys[(q.start, q.end)] = key
    figures = r.figures
    by_span = {(fig.start, fig.end): fig for fig in figures}
    for i, f in enumerate(r.findings):
        items.append(Item(f"f-{n}-{i}", f.start, max(f.end, f.start + 1), f.severity))
    for i, q in enumerate(quantities):
        fig = by_span.get((q.start, q.end))
        items.append(Item(f"q-{n}-{i}", q.start, q.end, None, fig.status if fig else None, fig and fig.reason))
    marks = Marks.build(items)
    draft = _draft_html(r, marks)

    counts: dict[str, int] = {"error": 0, "warning": 0, "info": 0}
    counts |= coverage(figures)
    q_by_span = {(q.start, q.end): q for q in r.quantities}
    claim_by_span = {(c.quantity.start, c.quantity.end): c for c in r.claims}
    lis, notes_for_print = [], []
    for i, f in enumerate(r.findings):
        counts[f.severity] += 1
        line, col = lines.line_col(f.start)
        related_keys = [
            q_keys.get((rel.start, rel.end))
            or next((k for (a, b), k in q_keys.items() if a < rel.end and rel.start < b), "")
            for rel in f.related
        ]
        key = f"f-{n}-{i}"
        chart = finding_chart(f, q_by_span.get((f.start, f.end)), claim_by_span.get((f.start, f.end)))
        body = _finding_body(f, lines, related_keys, chart)
        notes_for_print.append(f'<li value="{i + 1}" class="f-{f.severity}">{body}</li>')
        lis.append(
            f'<li class="finding f-{f.severity}" data-key="{key}">'
            f'<details id="d-{key}" data-related="{esc(" ".join(k for k in related_keys if k))}">'
            f'<summary><span class="sev sev-{f.severity}">{esc(f.severity)}</span> '
            f'<span class="pos">{line}:{col}</span> <span class="fig">“{esc(_clip(f.text, 40))}”</span>'
            f'<span class="sum">{esc(_clip(f.message, 140))}</span></summary>'
            f'<div class="body">{body}'
            f'<button type="button" class="goto" data-goto="{key}">Show in the text</button></div>'
            f"</details></li>"
        )
    templates = "".join(
        f'<template id="d-q-{n}-{i}">{_quantity_body(q, lines, by_span.get((q.start, q.end)))}</template>'
        for i, q in enumerate(quantities)
    )
    as_of = r.as_of.isoformat() if r.as_of else "unknown (market checks that need a date were not run)"
    head = (
        f'<header class="filehead"><h2>{esc(r.path)}</h2><p class="meta">Publication date: {esc(as_of)} · '
        f"{counts['error']} errors · {counts['warning']} warnings · {counts['info']} notes</p>"
        f'<p class="coverage">{esc(coverage_line(counts))}</p></header>'
    )
    notes = "".join(f'<p class="note">{esc(x)}</p>' for x in r.notes)
    notes += "".join(f'<p class="note notice" role="alert">{esc(x.message)}</p>' for x in r.notices)
    printed = (
        f'<section class="print-notes"><h3>Explanations ({esc(r.path)})</h3><ol>{"".join(notes_for_print)}</ol>'
        "</section>"
        if notes_for_print
        else ""
    )
    section = (
        f'<section class="file" id="file-{n}">{head}{notes}'
        f'<article class="draft">{draft}</article>{printed}{templates}</section>'
    )
    side = (
        f'<h3>{esc(r.path)}</h3><ol class="findings">{"".join(lis)}</ol>'
        if lis
        else f'<h3>{esc(r.path)}</h3><p class="none">No findings.</p>'
    )
    return section, side, counts


def _banner(results: list[FileResult]) -> str:
    """The notices (stale market data, ...) as a banner at the top of the page, each fix command in <code>."""
    from factcheck.report.notices import all_notices, banner_item, banner_title

    items = all_notices(results)
    if not items:
        return ""
    lis = []
    for path, notice in items:
        what, fix = banner_item(path, notice, len(results) > 1)
        command = f" Run <code>{esc(notice.command)}</code> or check with <code>--fetch</code>." if fix else ""
        lis.append(f"<li>{esc(what)}.{command}</li>")
    return f'<div class="banner" role="alert"><strong>{esc(banner_title(items))}</strong><ul>{"".join(lis)}</ul></div>'


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render(
    results: list[FileResult],
    title: str | None = None,
    *,
    version: str | None = None,
    generated: datetime | None = None,
    data_coverage: str | None = None,
) -> str:
    """The page. ``version`` (default: this factcheck's), ``generated`` (default: now) and ``data_coverage`` (what
    market history the run could read; default: not recorded) head it."""
    sections, sides = [], []
    total = {"error": 0, "warning": 0, "info": 0, "figures": 0, "wrong": 0, "verified": 0, "unchecked": 0}
    total["not-claim"] = 0
    for n, r in enumerate(results):
        section, side, counts = _file_section(n, r)
        sections.append(section)
        sides.append(side)
        for k in total:
            total[k] += counts[k]
    if title is None:
        title = "factcheck report: " + (results[0].path if len(results) == 1 else f"{len(results)} files")
    files = f" in {len(results)} files" if len(results) > 1 else ""
    cover = f'<p class="coverage top-coverage">{esc(coverage_line(total) + files)}</p>'
    badges = (
        '<span class="badges-label">Findings:</span>'
        f'<span class="badge b-wrong">{total["error"]} wrong</span>'
        f'<span class="badge b-doubt">{total["warning"]} doubtful</span>'
        f'<span class="badge b-note">{total["info"]} notes</span>'
    )
    if version is None:
        from factcheck import __version__ as version
    stamp = (generated or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    run = (
        f'<p class="run">factcheck {esc(version)} · checked {esc(stamp)} · '
        f"{esc(data_coverage or 'market data: not recorded')}</p>"
    )
    tools = (
        '<nav class="tools" aria-label="Findings">'
        '<button type="button" data-nav="-1" title="Previous finding (p or k)">◀ Previous</button>'
        '<button type="button" data-nav="1" title="Next finding (n or j)">Next ▶</button>'
        '<span id="nav-pos" class="navpos" aria-live="polite"></span>'
        '<span class="filter">Show: '
        '<label><input type="checkbox" data-sev="error" checked> wrong</label>'
        '<label><input type="checkbox" data-sev="warning" checked> doubtful</label>'
        '<label><input type="checkbox" data-sev="info" checked> notes</label>'
        '<label><input type="checkbox" data-sev="fine" checked> figures without findings</label></span>'
        '<span class="keys">Keys: n / p next and previous finding, Esc closes</span></nav>'
    )
    legend = (
        '<p class="legend">Marks: <mark class="fc fc-wrong">wrong</mark> <mark class="fc fc-doubt">doubtful</mark> '
        '<mark class="fc fc-note">note</mark> <mark class="fc fc-fine" data-status="verified">verified</mark> '
        '<mark class="fc fc-fine" data-status="unchecked">not checked</mark> '
        '<mark class="fc fc-fine" data-status="notclaim">not a claim</mark> · '
        "click or press Enter on a mark for the explanation.</p>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{esc(title)}</title><style>{CSS}</style></head>\n<body>"
        f'<header class="top"><h1>{esc(title)}</h1>{run}{_banner(results)}{cover}<p class="badges">{badges}</p>'
        f"{legend}{tools}</header>"
        '<div class="layout"><main>' + "\n".join(sections) + "</main>"
        '<aside class="side"><section id="panel" class="panel" aria-live="polite" tabindex="-1" hidden>'
        '<div class="panel-head"><strong>Selected figure</strong>'
        '<button type="button" class="close" aria-label="Close">×</button></div><div id="panel-body"></div></section>'
        '<section class="list"><h2>Findings</h2>' + "".join(sides) + "</section></aside></div>"
        f"<script>{JS}</script></body></html>\n"
    )


CSS = """
:root{--wrong:#c62828;--wrong-bg:#fde4e4;--doubt:#b26a00;--doubt-bg:#fff1cc;--note:#1f5fa8;--note-bg:#e3eefb;
--fine:#2e7d32;--fine-bg:#e7f4e8;--ink:#1d1d1f;--muted:#5f6368;--line:#e2e2e2}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);
background:#f6f6f4}
header.top{padding:18px 28px 10px;background:#fff;border-bottom:1px solid var(--line)}
header.top h1{margin:0 0 8px;font-size:20px;font-weight:650}
.badges{margin:0 0 6px;display:flex;gap:8px;flex-wrap:wrap}
.badge{padding:2px 10px;border-radius:999px;font-size:13px;font-weight:600}
.b-wrong{background:var(--wrong-bg);color:var(--wrong)}.b-doubt{background:var(--doubt-bg);color:var(--doubt)}
.b-note{background:var(--note-bg);color:var(--note)}.b-fine{background:var(--fine-bg);color:var(--fine)}
.badges-label{color:var(--muted);font-size:13px;align-self:center}
.coverage{margin:0 0 8px;font-weight:600}.filehead .coverage{font-size:14px;font-weight:500}
.banner{margin:0 0 10px;padding:8px 14px;border-radius:8px;background:var(--doubt-bg);color:#5a3b00;
border:1px solid var(--doubt)}.banner ul{margin:4px 0 0;padding-left:20px}.banner code{font-size:13px}
.legend{margin:4px 0 0;color:var(--muted);font-size:13px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 420px;gap:24px;padding:20px 28px;align-items:start}
main{min-width:0}
section.file{background:#fff;border:1px solid var(--line);border-radius:10px;padding:8px 40px 28px;margin-bottom:24px}
.filehead h2{font-size:14px;font-weight:600;color:var(--muted);margin:14px 0 2px;
font-family:ui-monospace,Menlo,monospace}
.filehead .meta{margin:0 0 10px;color:var(--muted);font-size:13px}
.note{background:#f3f3f3;padding:6px 10px;border-radius:6px;font-size:13px}
article.draft{font:18px/1.65 Georgia,"Times New Roman",serif;max-width:46em}
article.draft h2{font-size:30px;line-height:1.25;margin:18px 0 12px}
article.draft h3{font-size:23px}article.draft h4{font-size:19px}
article.draft pre{background:#f4f4f4;padding:10px;border-radius:6px;overflow:auto;font-size:14px}
article.draft blockquote{border-left:3px solid var(--line);margin-left:0;padding-left:16px;color:#444}
.link{color:#1a56b0;text-decoration:underline;text-decoration-thickness:1px}
mark.fc{cursor:pointer;border-radius:3px;padding:0 1px;color:inherit;outline-offset:2px}
mark.fc-wrong{background:var(--wrong-bg);box-shadow:inset 0 -2px 0 var(--wrong);font-weight:600}
mark.fc-doubt{background:var(--doubt-bg);box-shadow:inset 0 -2px 0 var(--doubt)}
mark.fc-note{background:var(--note-bg);box-shadow:inset 0 -1px 0 var(--note)}
mark.fc-fine{background:transparent;box-shadow:inset 0 -2px 0 #9ccc9f}
mark.fc-fine[data-status=unchecked]{box-shadow:none;border-bottom:2px dashed #9e9e9e;border-radius:0}
mark.fc-fine[data-status=notclaim]{box-shadow:none;border-bottom:1px dotted #c8c8c8;border-radius:0}
mark.fc:hover{filter:brightness(.95)}
mark.fc:focus{outline:2px solid #444}
mark.fc.active{outline:2px solid var(--ink);outline-offset:0;background-color:#fff7a8}
mark.fc.rel{outline:2px dashed var(--note);outline-offset:0}
aside.side{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto}
.panel,.list{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 16px;margin-bottom:16px}
.panel{border-color:#999;box-shadow:0 4px 18px rgba(0,0,0,.08)}
.panel-head{display:flex;justify-content:space-between;align-items:center;margin-bottom:6px}
.close{border:0;background:none;font-size:22px;cursor:pointer;line-height:1}
.list h2{font-size:16px;margin:4px 0 8px}.list h3{font-size:13px;color:var(--muted);font-weight:600;
font-family:ui-monospace,Menlo,monospace;margin:10px 0 6px}
ol.findings{list-style:none;margin:0;padding:0}
li.finding{border-top:1px solid var(--line);padding:6px 0 6px 8px;border-left:3px solid transparent}
li.f-error{border-left-color:var(--wrong)}li.f-warning{border-left-color:var(--doubt)}
li.f-info{border-left-color:var(--note)}
li.finding summary{cursor:pointer;display:grid;grid-template-columns:auto auto 1fr;gap:2px 8px;align-items:baseline}
li.finding summary .sum{grid-column:1/-1;font-size:13px;color:#333}
.fig{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.pos{color:var(--muted);font:12px ui-monospace,Menlo,monospace}
.sev{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;
padding:1px 6px;border-radius:4px}
.sev-error{background:var(--wrong);color:#fff}.sev-warning{background:var(--doubt);color:#fff}
.sev-info{background:var(--note);color:#fff}.sev-fine,.sev-verified{background:var(--fine);color:#fff}
.sev-wrong{background:var(--wrong);color:#fff}.sev-unchecked{background:#757575;color:#fff}.sev-notclaim{background:#bdbdbd;color:#333}
.body{padding:6px 0 4px}.msg{font-weight:600;margin:4px 0}.meta{color:var(--muted);font-size:13px;margin:4px 0}
.facts{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:6px 0;font-size:14px}
.facts dt{color:var(--muted)}.facts dd{margin:0}
h4{margin:10px 0 2px;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
ol.work{font:13px/1.5 ui-monospace,Menlo,monospace;padding-left:20px;margin:2px 0}
aside ul{padding-left:20px;margin:2px 0;font-size:14px}
article.draft ul,article.draft ol{padding-left:28px}
button.rel,button.goto{border:1px solid var(--line);background:#fafafa;border-radius:5px;cursor:pointer;font:inherit;
font-size:13px;padding:1px 6px}
button.goto{margin-top:6px}
.none{color:var(--muted)}
@media (max-width:980px){.layout{grid-template-columns:1fr}aside.side{position:static;max-height:none}}
.run{margin:0 0 6px;color:var(--muted);font-size:13px}
nav.tools{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:center;margin:8px 0 2px;font-size:13px}
nav.tools button{border:1px solid #bbb;background:#fafafa;border-radius:5px;cursor:pointer;font:inherit;
padding:2px 10px}
nav.tools label{margin-right:8px;white-space:nowrap}.navpos{color:var(--muted);min-width:5em}
.keys{color:var(--muted)}
body.hide-error mark.fc-wrong,body.hide-warning mark.fc-doubt,body.hide-info mark.fc-note,
body.hide-fine mark.fc-fine{background:none;box-shadow:none;border-bottom:0;font-weight:inherit}
body.hide-error li.f-error,body.hide-warning li.f-warning,body.hide-info li.f-info{display:none}
figure.chart{margin:8px 0 6px}svg.chart{max-width:100%;height:auto;background:#fff;border:1px solid var(--line)}
svg.chart .win{fill:#fff1cc}svg.chart .axis{stroke:#bbb}
svg.chart .tick{font:10px ui-monospace,Menlo,monospace;fill:#5f6368}
svg.chart .close{fill:none;stroke:#1f5fa8;stroke-width:1.6}svg.chart .data{fill:#1f5fa8}
svg.chart .stated{stroke:#c62828;stroke-width:1.5;stroke-dasharray:5 3}svg.chart .stated-dot{fill:#c62828}
svg.chart .stated-label{font:600 11px system-ui,sans-serif;fill:#c62828}svg.chart .allowed{fill:#c62828;opacity:.08}
figure.chart figcaption{font-size:12px;color:var(--muted)}
.print-notes{display:none}
@media print{
aside.side,nav.tools,.legend .keys{display:none}
.layout{display:block;padding:0}body{background:#fff}header.top{border:0}
section.file{border:0;padding:0}
mark.fc{-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.fc[data-ref]::after{content:" [" attr(data-ref) "]";font-size:.7em;vertical-align:super;font-weight:700}
.print-notes{display:block;border-top:1px solid #999;margin-top:18px}
.print-notes li{break-inside:avoid;margin-bottom:12px}
body.hide-error .print-notes li.f-error,body.hide-warning .print-notes li.f-warning,
body.hide-info .print-notes li.f-info{display:none}
svg.chart{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

JS = r"""
(function(){
  var panel=document.getElementById('panel'),body=document.getElementById('panel-body');
  function marksFor(key){return document.querySelectorAll('mark.fc[data-items~="'+key+'"]');}
  function clear(){document.querySelectorAll('mark.fc.active,mark.fc.rel').forEach(function(m){
    m.classList.remove('active');m.classList.remove('rel');});}
  function explain(keys){
    clear();body.innerHTML='';
    keys.forEach(function(key){
      var card=document.createElement('div');card.className='card';
      var d=document.getElementById('d-'+key);
      if(!d)return;
      if(d.tagName==='TEMPLATE'){card.appendChild(d.content.cloneNode(true));}
      else{var b=d.querySelector('.body');if(b)card.appendChild(b.cloneNode(true));
        (d.getAttribute('data-related')||'').split(' ').forEach(function(r){
          if(r)marksFor(r).forEach(function(m){m.classList.add('rel');});});}
      body.appendChild(card);
      marksFor(key).forEach(function(m){m.classList.add('active');});
    });
    panel.hidden=false;
  }
  var last=null,pos=document.getElementById('nav-pos');
  function reveal(m){var r=m.getBoundingClientRect();
    if(r.top<0||r.bottom>(window.innerHeight||document.documentElement.clientHeight)){m.scrollIntoView({block:'center'});}}
  function open(mark){last=mark;explain((mark.getAttribute('data-items')||'').split(' ').filter(Boolean));}
  var HIDE={'fc-wrong':'hide-error','fc-doubt':'hide-warning','fc-note':'hide-info','fc-fine':'hide-fine'};
  function hidden(m){for(var c in HIDE){
    if(m.classList.contains(c)&&document.body.classList.contains(HIDE[c]))return true;}
    return false;}
  function stops(){var seen={},out=[];
    document.querySelectorAll('mark.fc[data-items]').forEach(function(m){
      var k=(m.getAttribute('data-items')||'').split(' ').filter(function(x){return x.indexOf('f-')===0;});
      if(!k.length||hidden(m)||seen[k[0]])return;seen[k[0]]=1;out.push(m);});
    return out;}
  function go(step){var s=stops(),n;
    if(!s.length){pos.textContent='no findings shown';return;}
    if(!last){n=step>0?0:s.length-1;}
    else{var i=s.indexOf(last);
      if(i<0){var before=0;  // the open mark is not a stop: count the stops before it
        s.forEach(function(m){if(m.compareDocumentPosition(last)&Node.DOCUMENT_POSITION_FOLLOWING)before++;});
        i=step>0?before-1:before;}
      n=((i+step)%s.length+s.length)%s.length;}
    var m=s[n];open(m);reveal(m);m.focus({preventScroll:true});
    pos.textContent=(n+1)+' of '+s.length;}
  document.querySelectorAll('nav.tools input[data-sev]').forEach(function(box){
    box.addEventListener('change',function(){
      document.body.classList.toggle('hide-'+box.getAttribute('data-sev'),!box.checked);});});
  document.addEventListener('toggle',function(e){var d=e.target;
    if(d.tagName==='DETAILS'&&d.open&&/^d-f-/.test(d.id)){var key=d.id.slice(2),t=marksFor(key)[0];
      if(t){last=t;reveal(t);explain([key]);}}},true);
  document.addEventListener('click',function(e){
    var m=e.target.closest('mark.fc[data-items]');
    if(m){open(m);return;}
    var nav=e.target.closest('[data-nav]');
    if(nav){go(parseInt(nav.getAttribute('data-nav'),10));return;}
    var g=e.target.closest('[data-goto]');
    if(g){var key=g.getAttribute('data-goto'),t=marksFor(key)[0];
      if(t){t.scrollIntoView({block:'center'});t.focus({preventScroll:true});explain([key]);}return;}
    if(e.target.closest('.close')){panel.hidden=true;clear();}
  });
  document.addEventListener('keydown',function(e){
    var m=e.target.closest&&e.target.closest('mark.fc[data-items]');
    if(m&&(e.key==='Enter'||e.key===' ')){e.preventDefault();open(m);}
    if(e.key==='Escape'){panel.hidden=true;clear();}
    var tag=(e.target.tagName||'').toLowerCase();
    if(e.ctrlKey||e.metaKey||e.altKey||tag==='input'||tag==='textarea')return;
    if(e.key==='n'||e.key==='j'){e.preventDefault();go(1);}
    if(e.key==='p'||e.key==='k'){e.preventDefault();go(-1);}
  });
  var hash=decodeURIComponent(location.hash.slice(1));
  if(/^[fq]-\d+-\d+$/.test(hash)&&marksFor(hash).length){
    last=marksFor(hash)[0];explain([hash]);last.scrollIntoView({block:'center'});
  }else{
    var first=document.querySelector('mark.fc-wrong[data-items]')||
      document.querySelector('mark.fc-doubt[data-items]');
    if(first){open(first);last=null;}  // shown, not yet visited: n goes to it
  }
})();
"""

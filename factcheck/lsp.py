"""``factcheck lsp``: a Language Server over stdio (pygls) for Markdown, text and HTML drafts.

Each open draft is checked on open and save, and again a moment after the last change (debounced); its
findings are published as diagnostics: the finding's message, the rule as the code, the figures it was
checked against as related information. Hovering a figure shows the work behind its finding (or, for a figure
without one, whether a check verified it or why it was not checked). A quick fix inserts a suppression comment
(``<!-- factcheck: ignore RULE -->``) before the paragraph.

Positions are LSP positions: 0-based lines, characters counted in UTF-16 code units. pygls is imported here
only, and this module only by the ``lsp`` command.
"""

from __future__ import annotations

import asyncio
import bisect
import concurrent.futures
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from factcheck import __version__
from factcheck.model import Figure, FileResult, Finding
from factcheck.report.headline import one_line

DEBOUNCE_SECONDS = float(os.environ.get("FACTCHECK_LSP_DEBOUNCE", "0.4"))
SOURCE = "factcheck"
LANGUAGES = {"markdown": "markdown", "plaintext": "text", "html": "html", "text": "text"}
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html"}
SEVERITY = {
    "error": t.DiagnosticSeverity.Error,
    "warning": t.DiagnosticSeverity.Warning,
    "info": t.DiagnosticSeverity.Information,
}
STATUS_WORDS = {
    "verified": "verified",
    "unchecked": "not checked",
    "not-claim": "not a claim (a date, a duration or a count)",
    "wrong": "wrong",
}

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- checking one text


def check_text_for_editor(text: str, path: str, fmt: str) -> FileResult:
    """The checking pipeline for one editor buffer: settings from the configuration nearest to ``path``.

    The one text-in/result-out entry of the server; ``factcheck.check_text`` (the Python API) can take its
    place once it exists."""
    from factcheck.config import resolve
    from factcheck.document import parse
    from factcheck.pipeline import check_document

    folder = Path(path).parent
    settings = resolve([str(folder)] if folder.is_dir() else [])
    settings.fetch = False  # an editor never waits on the network (`fetch = true` is for the command line)
    checker = _checker(settings)
    doc = parse(text, path, fmt)
    result = check_document(doc, settings, checker)
    checker.failures.clear()
    return result


_CHECKERS: dict[str, Any] = {}


def _checker(settings: Any) -> Any:
    """One Checker (selected rules, options, the market store opened once) per distinct configuration."""
    from factcheck.pipeline import Checker

    key = repr(settings)
    if key not in _CHECKERS:
        if len(_CHECKERS) > 8:
            _CHECKERS.clear()
        _CHECKERS[key] = Checker(settings)
    return _CHECKERS[key]


# ---------------------------------------------------------------- positions


class Positions:
    """Offsets into a text (code points) <-> LSP positions (0-based line, UTF-16 code units)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> t.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        before = self.text[self.starts[line] : offset]
        return t.Position(line=line, character=len(before.encode("utf-16-le")) // 2)

    def range(self, start: int, end: int) -> t.Range:
        return t.Range(start=self.position(start), end=self.position(max(end, start)))

    def offset(self, pos: t.Position) -> int:
        if pos.line >= len(self.starts):
            return len(self.text)
        start = self.starts[pos.line]
        stop = self.starts[pos.line + 1] - 1 if pos.line + 1 < len(self.starts) else len(self.text)
        units = 0
        i = start
        while i < stop and units < pos.character:
            units += 2 if ord(self.text[i]) > 0xFFFF else 1
            i += 1
        return i

    def paragraph_start(self, offset: int) -> int:
        """The 0-based line where the paragraph holding ``offset`` begins (after the last blank line)."""
        line = bisect.bisect_right(self.starts, offset) - 1
        while line > 0:
            prev = self.text[self.starts[line - 1] : self.starts[line]]
            if not prev.strip():
                break
            line -= 1
        return line


# ---------------------------------------------------------------- results -> LSP


def diagnostics(result: FileResult, uri: str) -> list[t.Diagnostic]:
    pos = Positions(result.text)
    out = [  # file-level notices (stale market data): a warning on the document's first character
        t.Diagnostic(
            range=pos.range(0, 0),
            message=n.message,
            severity=t.DiagnosticSeverity.Warning,
            code=n.kind,
            source=SOURCE,
        )
        for n in result.notices
    ]
    for f in result.findings:
        related = [
            t.DiagnosticRelatedInformation(
                location=t.Location(uri=uri, range=pos.range(r.start, r.end)),
                message=f"checked against “{r.text}”",
            )
            for r in f.related
        ]
        out.append(
            t.Diagnostic(
                range=pos.range(f.start, f.end),
                message=one_line(f),  # the headline ("\"21%\" should be about 14.9% (a fall)"), then the message
                severity=SEVERITY.get(f.severity, t.DiagnosticSeverity.Information),
                code=f.rule,
                source=SOURCE,
                related_information=related or None,
            )
        )
    return out


def hover_markdown(result: FileResult, offset: int) -> str | None:
    """The explanation of what sits at ``offset``: its findings with their work, else the figure's status."""
    hits = [f for f in result.findings if f.start <= offset < max(f.end, f.start + 1)]
    if hits:
        return "\n\n---\n\n".join(_finding_markdown(f) for f in hits)
    fig = next((g for g in result.figures if g.start <= offset < g.end), None)
    return _figure_markdown(fig) if fig else None


def _finding_markdown(f: Finding) -> str:
    lines = [f"**{f.severity}** `{f.rule}`: {f.message}"]
    facts = [(k, v) for k, v in (("Stated", f.stated), ("Expected", f.expected)) if v]
    if facts:
        lines.append("\n".join(f"- {k}: {v}" for k, v in facts))
    if f.work:
        lines.append("Work:\n\n```\n" + "\n".join(f.work) + "\n```")
    if f.readings:
        lines.append("Readings tried:\n" + "\n".join(f"- {r}" for r in f.readings))
    if f.related:
        lines.append("Checked against: " + ", ".join(f"“{r.text}”" for r in f.related))
    if f.sources:
        lines.append("Sources:\n" + "\n".join(f"- {s}" for s in f.sources))
    return "\n\n".join(lines)


def _figure_markdown(fig: Figure) -> str:
    head = f"“{fig.text}”: **{STATUS_WORDS.get(fig.status, fig.status)}**"
    if fig.status == "verified" and fig.evidence:
        return f"{head}\n\n{fig.evidence}"
    if fig.status == "unchecked" and fig.reason:
        return f"{head} ({fig.reason})"
    return head


def suppression_edit(text: str, uri: str, rule: str, offset: int) -> t.WorkspaceEdit:
    """Insert ``<!-- factcheck: ignore RULE -->`` on its own line before the paragraph holding ``offset``."""
    line = Positions(text).paragraph_start(offset)
    at = t.Position(line=line, character=0)
    edit = t.TextEdit(range=t.Range(start=at, end=at), new_text=f"<!-- factcheck: ignore {rule} -->\n")
    return t.WorkspaceEdit(changes={uri: [edit]})


# ---------------------------------------------------------------- the server


@dataclass
class _State:
    results: dict[str, FileResult] = field(default_factory=dict)
    pending: dict[str, asyncio.Task] = field(default_factory=dict)
    worker: concurrent.futures.ThreadPoolExecutor = field(
        default_factory=lambda: concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="factcheck")
    )


def _fmt(uri: str, language_id: str | None) -> str | None:
    fmt = LANGUAGES.get((language_id or "").lower())
    if fmt is None:
        fmt = SUFFIXES.get(Path(uri.split("?")[0]).suffix.lower())
    return fmt


def _path(uri: str, fmt: str) -> str:
    path = to_fs_path(uri) if uri.startswith("file:") else None
    if not path:
        path = "untitled" + {"markdown": ".md", "html": ".html"}.get(fmt, ".txt")
    return path


def build_server() -> LanguageServer:
    server = LanguageServer("factcheck", __version__)
    state = _State()
    languages: dict[str, str] = {}  # uri -> draft format

    async def check(uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        fmt = languages.get(uri)
        if fmt is None:
            return
        doc = server.workspace.get_text_document(uri)
        text, version = doc.source, doc.version
        loop = asyncio.get_running_loop()
        from factcheck.config import ConfigError
        from factcheck.document import InputError

        try:
            result = await loop.run_in_executor(state.worker, check_text_for_editor, text, _path(uri, fmt), fmt)
        except (ConfigError, InputError) as exc:  # a broken configuration: say so where the writer looks
            at = t.Range(start=t.Position(line=0, character=0), end=t.Position(line=0, character=0))
            problem = t.Diagnostic(range=at, message=str(exc), severity=t.DiagnosticSeverity.Error, source=SOURCE)
            server.text_document_publish_diagnostics(
                t.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=[problem])
            )
            return
        except Exception as exc:  # noqa: BLE001  # a failing check must not take the server down
            server.window_log_message(
                t.LogMessageParams(type=t.MessageType.Error, message=f"factcheck: {type(exc).__name__}: {exc}")
            )
            return
        current = server.workspace.get_text_document(uri)
        if uri not in languages or current.version != version or current.source != text:
            return  # the draft changed meanwhile: a newer check is on its way
        state.results[uri] = result
        server.text_document_publish_diagnostics(
            t.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics(result, uri))
        )

    def schedule(uri: str, delay: float) -> None:
        old = state.pending.pop(uri, None)
        if old is not None and not old.done():
            old.cancel()
        state.pending[uri] = asyncio.get_running_loop().create_task(check(uri, delay))

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: LanguageServer, params: t.DidOpenTextDocumentParams) -> None:
        fmt = _fmt(params.text_document.uri, params.text_document.language_id)
        if fmt is None:
            return
        languages[params.text_document.uri] = fmt
        schedule(params.text_document.uri, 0.0)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: LanguageServer, params: t.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in languages:
            schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE, t.SaveOptions(include_text=False))
    async def did_save(ls: LanguageServer, params: t.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri in languages:
            schedule(params.text_document.uri, 0.0)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: LanguageServer, params: t.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        languages.pop(uri, None)
        state.results.pop(uri, None)
        task = state.pending.pop(uri, None)
        if task is not None and not task.done():
            task.cancel()
        server.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    def hover(ls: LanguageServer, params: t.HoverParams) -> t.Hover | None:
        result = state.results.get(params.text_document.uri)
        if result is None:
            return None
        offset = Positions(result.text).offset(params.position)
        text = hover_markdown(result, offset)
        if text is None:
            return None
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value=text))

    @server.feature(
        t.TEXT_DOCUMENT_CODE_ACTION, t.CodeActionOptions(code_action_kinds=[t.CodeActionKind.QuickFix])
    )
    def code_action(ls: LanguageServer, params: t.CodeActionParams) -> list[t.CodeAction]:
        uri = params.text_document.uri
        if uri not in languages:
            return []
        text = server.workspace.get_text_document(uri).source
        pos = Positions(text)
        out = []
        for diag in params.context.diagnostics:
            rule = diag.code
            if diag.source != SOURCE or not isinstance(rule, str) or rule == "suppression":
                continue
            out.append(
                t.CodeAction(
                    title=f"Suppress {rule} in this paragraph (factcheck)",
                    kind=t.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    edit=suppression_edit(text, uri, rule, pos.offset(diag.range.start)),
                )
            )
        return out

    return server


def serve() -> int:
    """Run the server on stdin/stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="factcheck lsp: %(message)s")
    build_server().start_io()
    return 0

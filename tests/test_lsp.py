"""``factcheck lsp`` driven as an editor drives it: a subprocess, Content-Length framed JSON-RPC over stdio."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")

DRAFT = (
    "# Strategy\n\n"
    "Strategy holds 713,502 BTC, worth roughly $62 billion at about $70,000.\n\n"
    "Ether fell 21%, from $2,148 to $1,827.\n"
)
TIMEOUT = 60


class Client:
    """A minimal LSP client: framed messages out, a reader thread that queues every message in."""

    def __init__(self, cwd: Path) -> None:
        env = dict(os.environ, FACTCHECK_LSP_DEBOUNCE="0.3")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "lsp", "--stdio"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env,
        )
        self.inbox: queue.Queue[dict] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body.decode("utf-8")))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        msg = self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)
        assert "error" not in msg, msg
        return msg["result"]

    def wait(self, match, timeout: float = TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("no matching message from the server; stderr: " + self._stderr())
            try:
                msg = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if match(msg):
                return msg

    def diagnostics(self, uri: str, timeout: float = TIMEOUT) -> dict:
        return self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri, timeout
        )["params"]

    def _stderr(self) -> str:
        if self.proc.poll() is None:
            return "(still running)"
        return self.proc.stderr.read().decode("utf-8", "replace")[-2000:]

    def close(self) -> int:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            return self.proc.wait(timeout=20)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def client(tmp_path):
    c = Client(tmp_path)
    init = c.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {}})
    caps = init["capabilities"]
    assert caps["hoverProvider"] and caps["codeActionProvider"]
    c.notify("initialized", {})
    yield c
    assert c.close() == 0


def open_draft(client: Client, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}},
    )
    return uri


def by_code(diags: list[dict]) -> dict[str, dict]:
    return {d["code"]: d for d in diags}


def test_open_publishes_diagnostics_with_lsp_positions_and_related_figures(client, tmp_path):
    uri = open_draft(client, tmp_path / "post.md", DRAFT)
    diags = by_code(client.diagnostics(uri)["diagnostics"])
    product = diags["derived-product"]
    assert product["severity"] == 1 and product["source"] == "factcheck"
    assert "$49.9 billion" in product["message"]
    # "roughly $62 billion" on the third line (0-based 2), column 34 (0-based)
    assert product["range"] == {"start": {"line": 2, "character": 34}, "end": {"line": 2, "character": 53}}
    related = {r["message"]: r["location"] for r in product["relatedInformation"]}
    assert related["checked against “713,502 BTC”"] == {
        "uri": uri, "range": {"start": {"line": 2, "character": 15}, "end": {"line": 2, "character": 26}}
    }
    change = diags["percent-change"]
    assert change["range"]["start"] == {"line": 4, "character": 11} and "-14.9%" in change["message"]
    assert change["message"].startswith('"21%" should be about 14.9% (a fall)')  # the headline first


def test_change_is_debounced_and_rechecked(client, tmp_path):
    uri = open_draft(client, tmp_path / "post.md", DRAFT)
    assert "percent-change" in by_code(client.diagnostics(uri)["diagnostics"])
    fixed = DRAFT.replace("fell 21%", "fell 14.9%")
    for version, text in enumerate([DRAFT.replace("21%", "2"), DRAFT.replace("21%", "1"), fixed], start=2):
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )
    params = client.diagnostics(uri)
    # three quick edits, one check: of the last version, where the corrected figure is no longer flagged
    assert params["version"] == 4
    assert "percent-change" not in by_code(params["diagnostics"])
    assert "derived-product" in by_code(params["diagnostics"])
    with pytest.raises(AssertionError):
        client.diagnostics(uri, timeout=1.5)


def test_save_rechecks(client, tmp_path):
    uri = open_draft(client, tmp_path / "post.md", DRAFT)
    client.diagnostics(uri)
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert "derived-product" in by_code(client.diagnostics(uri, timeout=20)["diagnostics"])


def test_hover_shows_the_work(client, tmp_path):
    uri = open_draft(client, tmp_path / "post.md", DRAFT)
    client.diagnostics(uri)
    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 12}}
    )
    value = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert "percent-change" in value and "Work:" in value and "2,148" in value
    # a figure without a finding says what became of it
    plain = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 17}}
    )
    assert "713,502 BTC" in plain["contents"]["value"]
    assert "not checked" in plain["contents"]["value"] or "verified" in plain["contents"]["value"]


def test_code_action_inserts_a_suppression_that_silences_the_finding(client, tmp_path):
    uri = open_draft(client, tmp_path / "post.md", DRAFT)
    diag = by_code(client.diagnostics(uri)["diagnostics"])["percent-change"]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": diag["range"], "context": {"diagnostics": [diag]}},
    )
    assert len(actions) == 1 and actions[0]["kind"] == "quickfix"
    (edit,) = actions[0]["edit"]["changes"][uri]
    assert edit["newText"] == "<!-- factcheck: ignore percent-change -->\n"
    assert edit["range"]["start"] == edit["range"]["end"] == {"line": 4, "character": 0}
    lines = DRAFT.splitlines(keepends=True)
    lines.insert(4, edit["newText"])
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "".join(lines)}]},
    )
    codes = by_code(client.diagnostics(uri)["diagnostics"])
    assert "percent-change" not in codes and "derived-product" in codes


def test_plain_text_and_html_drafts_and_utf16_columns(client, tmp_path):
    text = "Émoji 🚀 note: Ether fell 21%, from $2,148 to $1,827.\n"
    uri = open_draft(client, tmp_path / "note.txt", text, "plaintext")
    change = by_code(client.diagnostics(uri)["diagnostics"])["percent-change"]
    # the rocket is two UTF-16 code units: the column counts it twice
    assert change["range"]["start"] == {"line": 0, "character": text.index("21%") + 1}
    page = "<html><body><p>Ether fell <b>21%</b>, from $2,148 to $1,827.</p></body></html>"
    uri2 = open_draft(client, tmp_path / "page.html", page, "html")
    change = by_code(client.diagnostics(uri2)["diagnostics"])["percent-change"]
    assert change["range"]["start"] == {"line": 0, "character": page.index("21%")}


def test_other_languages_are_left_alone_and_close_clears(client, tmp_path):
    open_draft(client, tmp_path / "x.py", "x = 21  # fell 21%, from $2,148 to $1,827\n", "python")
    uri = open_draft(client, tmp_path / "post.md", DRAFT)
    first = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    assert first["params"]["uri"] == uri  # nothing was published for the Python file
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri)["diagnostics"] == []


def test_the_nearest_configuration_applies(client, tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / ".factcheck.toml").write_text('ignore = ["percent-change"]\n', encoding="utf-8")
    uri = open_draft(client, folder / "post.md", DRAFT)
    codes = by_code(client.diagnostics(uri)["diagnostics"])
    assert "derived-product" in codes and "percent-change" not in codes


def test_broken_configuration_is_one_diagnostic_naming_the_file(client, tmp_path):
    (tmp_path / ".factcheck.toml").write_text("select = [\n", encoding="utf-8")
    uri = open_draft(client, tmp_path / "post.md", DRAFT)
    [diag] = client.diagnostics(uri)["diagnostics"]
    assert ".factcheck.toml" in diag["message"] and "not valid TOML" in diag["message"]
    assert diag["severity"] == 1 and diag["range"]["start"] == {"line": 0, "character": 0}


def test_cli_help_lists_lsp():
    out = subprocess.run([sys.executable, "-m", "factcheck", "--help"], capture_output=True, text=True)
    assert "lsp" in out.stdout

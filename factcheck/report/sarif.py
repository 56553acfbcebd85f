"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning and the like).

Results carry ``ruleId``/``ruleIndex``, a level, the message, the figure's region (lines, columns in
Unicode code points, char offsets), the figures it was checked against as ``relatedLocations``, and a
``partialFingerprints`` hash of rule + figure + sentence that survives edits elsewhere in the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck.model import FileResult, Finding
from factcheck.report.positions import LineIndex, sentence_around

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "factcheckFinding/v1"
SUPPRESSION_RULE_TEXT = "A suppression comment names a rule id that does not exist."


def _uri(path: str, base: Path) -> tuple[str, str | None]:
    """A relative URI under %SRCROOT% when the file is under ``base``, else an absolute file URI."""
    if path == "-":
        return "stdin", None
    p = Path(path)
    full = p if p.is_absolute() else Path.cwd() / p
    try:
        rel = full.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        if p.is_absolute():
            return p.resolve().as_uri(), None
        rel = p.as_posix()  # relative to a folder outside the root: kept as given unless it climbs out
    rel = os.path.normpath(rel).replace(os.sep, "/")
    if rel.startswith("../"):
        return p.resolve().as_uri(), None
    return quote(rel), "%SRCROOT%"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def fingerprint(f: Finding, text: str, occurrence: int) -> str:
    s, e = sentence_around(text, f.start, f.end)
    key = "\x1f".join((f.rule, _norm(f.text), _norm(text[s:e]), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + f":{occurrence}"


def _region(lines: LineIndex, start: int, end: int, text: str) -> dict[str, Any]:
    line, col = lines.line_col(start)
    end_line, end_col = lines.line_col(end)
    return {
        "startLine": line,
        "startColumn": col,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": start,
        "charLength": end - start,
        "snippet": {"text": text},
    }


def help_uri(rule_id: str, homepage: str | None) -> str | None:
    """Where a rule is explained: its TOML file (description and PASS/FAIL examples) in the repository."""
    if not homepage:
        return None
    root = homepage.rstrip("/")
    if root.startswith(("https://github.com/", "https://gitlab.com/")):
        return f"{root}/blob/main/rules/checks/{quote(rule_id)}.toml"
    return f"{root}#{quote(rule_id)}"


def _help_markdown(rule: Any) -> str:
    parts = [" ".join(rule.description.split()), "", f"Category: `{rule.category}`. Default severity: "
             f"`{rule.severity}`. Explain it in a terminal: `factcheck rules {rule.id}`."]
    examples = getattr(rule, "examples", None) or []
    if examples:
        parts += ["", "Examples:", ""]
        parts += [f"- **{'PASS' if ex.kind == 'pass' else 'FAIL'}**: {' '.join(ex.text.split())}" for ex in examples]
    return "\n".join(parts)


def _rule_descriptor(
    rule_id: str, rule: Any | None, fallback_category: str, homepage: str | None = None
) -> dict[str, Any]:
    if rule is None:
        short = SUPPRESSION_RULE_TEXT if rule_id == "suppression" else rule_id
        return {
            "id": rule_id,
            "name": rule_id,
            "shortDescription": {"text": short},
            "fullDescription": {"text": short},
            "defaultConfiguration": {"level": "note"},
            "properties": {"category": fallback_category},
        }
    summary = (getattr(rule, "summary", "") or rule.description).strip().splitlines()[0]
    out = {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rule.description.strip()},
        "help": {"text": rule.description.strip(), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }
    uri = help_uri(rule.id, homepage)
    if uri:
        out["helpUri"] = uri
    return out


def sarif_report(
    results: list[FileResult],
    rules: dict[str, Any] | None = None,
    *,
    version: str = "0",
    information_uri: str | None = None,
    base: Path | None = None,
) -> dict[str, Any]:
    """The SARIF log. ``rules`` is the catalogue (id -> Rule); findings of other ids get a stub rule."""
    base = base or Path.cwd()
    rules = dict(rules or {})
    order: list[str] = list(rules)
    categories: dict[str, str] = {}
    for r in results:
        for f in r.findings:
            categories.setdefault(f.rule, f.category)
            if f.rule not in rules and f.rule not in order:
                order.append(f.rule)
    index = {rid: i for i, rid in enumerate(order)}
    descriptors = [
        _rule_descriptor(rid, rules.get(rid), categories.get(rid, "unverifiable"), information_uri) for rid in order
    ]

    sarif_results = []
    artifacts: list[dict[str, Any]] = []
    for r in results:
        lines = LineIndex(r.text)
        uri, base_id = _uri(r.path, base)
        location: dict[str, Any] = {"uri": uri}
        if base_id:
            location["uriBaseId"] = base_id
        artifacts.append({"location": dict(location), "length": len(r.text.encode("utf-8"))})
        seen: dict[str, int] = {}
        for f in r.findings:
            key = "\x1f".join((f.rule, _norm(f.text), _norm(r.text[slice(*sentence_around(r.text, f.start, f.end))])))
            seen[key] = seen.get(key, 0) + 1
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVELS[f.severity],
                "message": {"text": _message(f)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": dict(location),
                            "region": _region(lines, f.start, f.end, f.text),
                        }
                    }
                ],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f, r.text, seen[key])},
                "properties": {
                    "category": f.category,
                    "stated": f.stated,
                    "expected": f.expected,
                    "sources": list(f.sources),
                    "work": list(f.work),
                    "readings": list(f.readings),
                },
            }
            if f.related:
                result["relatedLocations"] = [
                    {
                        "id": i,
                        "physicalLocation": {
                            "artifactLocation": dict(location),
                            "region": _region(lines, rel.start, rel.end, rel.text),
                        },
                        "message": {"text": f"checked against: {rel.text}"},
                    }
                    for i, rel in enumerate(f.related, 1)
                ]
            sarif_results.append(result)

    driver: dict[str, Any] = {
        "name": "factcheck",
        "semanticVersion": version,
        "version": version,
        "rules": descriptors,
    }
    if information_uri:
        driver["informationUri"] = information_uri
    root = {"uri": base.resolve().as_uri() + "/"}
    invocation: dict[str, Any] = {"executionSuccessful": True, "workingDirectory": root}
    notifications = _notifications(results, base)
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": base.resolve().as_uri() + "/"}},
        "invocations": [invocation],
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _notifications(results: list[FileResult], base: Path) -> list[dict[str, Any]]:
    """File-level notices (stale market data, ...) as tool execution notifications, level warning."""
    out = []
    for r in results:
        uri, base_id = _uri(r.path, base)
        location: dict[str, Any] = {"uri": uri}
        if base_id:
            location["uriBaseId"] = base_id
        for n in r.notices:
            out.append(
                {
                    "level": "warning",
                    "descriptor": {"id": n.kind},
                    "message": {"text": n.message},
                    "locations": [{"physicalLocation": {"artifactLocation": dict(location)}}],
                    "properties": n.to_json(),
                }
            )
    return out


def _message(f: Finding) -> str:
    parts = [f.message]
    if f.work:
        parts.append("Work: " + "; ".join(f.work))
    if f.sources:
        parts.append("Sources: " + "; ".join(f.sources))
    return "\n".join(parts)


def render(results: list[FileResult], rules: dict[str, Any] | None = None, **kwargs: Any) -> str:
    return json.dumps(sarif_report(results, rules, **kwargs), ensure_ascii=False, indent=2) + "\n"

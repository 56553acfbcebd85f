"""Precision and recall of the claim checks on labelled drafts and on the shared corpus page.

    /tmp/v/bin/python benchmarks/evaluate_checks.py [--all-rules] [--verbose] [--shared DIR]

Labels are TOML sidecars in benchmarks/drafts/: ``NAME.toml`` next to ``NAME.md`` (a draft with planted
errors), and ``corpus-*.toml`` whose ``source`` names a file under the shared folder (default
``../shared`` next to the checkout; skipped cleanly when absent). Each label:

    [[planted]]  rule = "derived-product"  text = "roughly $62 billion"  [context = "..."]  [occurrence = N]
    [[correct]]  text = "970%"  [context = "..."]  [occurrence = N]

A sidecar with ``sentences_from`` (a list of benchmarks/annotated/*.toml files) checks every sentence of
those extraction sets as one document: written for the extractor, not for these checks, they probe for
false alarms.

``text`` (whitespace-insensitive) is the figure; ``context`` a longer passage that contains it; without
``occurrence`` the label applies to every occurrence. A finding counts as a true positive when its rule
and span match a planted error; every other finding is a false positive (flagging a figure labelled
correct is reported separately). Recall: planted errors found / planted errors.

A sidecar may say which rules its labels cover: ``rules = ["arithmetic", "contradiction", "date"]`` (rule
categories or rule ids; default: the claim checks, ``MY_RULES``). Findings of rules outside that scope are
not scored for that draft (reported as "unscored"), and a planted error counts towards recall only when its
rule is run. Findings of severity ``info`` (unverifiable: a note, not a flag) are never scored either
(reported as "notes").
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "benchmarks" / "drafts"
MY_RULES = ("percent-change", "derived-product", "share-of-whole", "multiple", "day-count", "contradiction")


@dataclass
class Label:
    kind: str  # planted | correct
    rule: str | None
    spans: list[tuple[int, int]]
    text: str
    why: str = ""
    found: bool = False


@dataclass
class Result:
    name: str
    labels: list[Label] = field(default_factory=list)
    findings: list = field(default_factory=list)
    hits: set = field(default_factory=set)  # indexes of findings that match a planted error
    notes: set = field(default_factory=set)  # indexes of info findings (not scored)
    unscored: set = field(default_factory=set)  # indexes of findings of rules outside the labels' scope
    scope: tuple = MY_RULES
    tp: int = 0
    fp: int = 0
    fp_on_correct: int = 0
    seconds: float = 0.0


def _pattern(s: str) -> re.Pattern[str]:
    """Whitespace-insensitive, and a figure never matches inside a longer number ("4%" is not in "9.4%")."""
    body = r"\s+".join(re.escape(p) for p in s.split())
    left = r"(?<![\w.,$])" if s[:1].isalnum() else ""
    right = r"(?![\w])" if s[-1:].isalnum() else ""
    return re.compile(left + body + right)


def _spans(text: str, label: dict) -> list[tuple[int, int]]:
    fig = _pattern(label["text"])
    out: list[tuple[int, int]] = []
    if "context" in label:
        for m in _pattern(label["context"]).finditer(text):
            inner = fig.search(text, m.start(), m.end())
            if inner:
                out.append((inner.start(), inner.end()))
    else:
        out = [(m.start(), m.end()) for m in fig.finditer(text)]
    occ = label.get("occurrence")
    if occ is not None:
        out = out[occ - 1 : occ] if 0 < occ <= len(out) else []
    if not out:
        raise SystemExit(f"label not found in the text: {label}")
    return out


def _run(doc, as_of: date | None, rules) -> list:
    from factcheck.checks import CheckContext
    from factcheck.claims import build_claims
    from factcheck.engine import effective_options, run_rules
    from factcheck.extract import extract_quantities

    quantities = extract_quantities(doc)
    claims = build_claims(doc, quantities)
    market = None
    if any(r.category in ("market-data", "conversion") for r in rules):
        try:
            from factcheck.market.store import open_market

            market = open_market(None)
        except Exception:  # noqa: BLE001 - market data is optional here
            market = None
    ctx = CheckContext(doc, quantities, claims, as_of, {r.id: effective_options(r, {}) for r in rules}, market)
    return [f for f in run_rules(ctx, rules) if not doc.suppressed(f.rule, f.start, f.end)]


def _in_scope(rule, scope) -> bool:
    return rule.id in scope or rule.category in scope


def evaluate(name: str, doc, as_of: date | None, labels_raw: dict, rules) -> Result:
    res = Result(name, scope=tuple(labels_raw.get("rules", MY_RULES)))
    run = {r.id for r in rules if _in_scope(r, res.scope)}
    by_id = {r.id: r for r in rules}
    for kind in ("planted", "correct"):
        for lab in labels_raw.get(kind, []):
            if kind == "planted" and lab.get("rule") not in run:
                continue  # a planted error of a rule not run (or outside the scope) is not expected
            res.labels.append(
                Label(kind, lab.get("rule"), _spans(doc.text, lab), lab["text"], lab.get("why", ""))
            )
    t0 = time.perf_counter()
    res.findings = _run(doc, as_of, rules)
    res.seconds = time.perf_counter() - t0
    for i, f in enumerate(res.findings):
        if f.severity == "info":
            res.notes.add(i)
            continue
        if f.rule not in by_id or not _in_scope(by_id[f.rule], res.scope):
            res.unscored.add(i)
            continue
        hit = False
        for lab in res.labels:
            overlaps = any(s < f.end and f.start < e for s, e in lab.spans)
            if not overlaps:
                continue
            if lab.kind == "planted" and lab.rule == f.rule:
                lab.found = True
                hit = True
            elif lab.kind == "correct":
                res.fp_on_correct += 1
        if hit:
            res.tp += 1
            res.hits.add(i)
        else:
            res.fp += 1
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all-rules", action="store_true", help="run every rule, not only the claim checks")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (corpus)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from factcheck.document import parse, read_path
    from factcheck.rulebook import all_rules

    rules = list(all_rules().values()) if args.all_rules else [all_rules()[r] for r in MY_RULES]
    results: list[Result] = []
    for sidecar in sorted(DRAFTS.glob("*.toml")):
        labels = tomllib.loads(sidecar.read_text(encoding="utf-8"))
        if "sentences_from" in labels:  # every sentence of annotated extraction sets, as one document
            texts = []
            for rel in labels["sentences_from"]:
                texts += [x["text"] for x in tomllib.loads((ROOT / rel).read_text(encoding="utf-8"))["s"]]
            doc = parse("\n\n".join(texts), sidecar.stem, "markdown")
        elif "source" in labels:
            path = Path(args.shared) / labels["source"]
            if not path.exists():
                print(f"skip {sidecar.name}: {path} not found")
                continue
            doc = read_path(str(path))
        else:  # the draft next to it: NAME.md, NAME.html or NAME.txt, read as the CLI reads it
            draft = next(p for p in (sidecar.with_suffix(x) for x in (".md", ".html", ".txt")) if p.exists())
            doc = read_path(str(draft))
        as_of = date.fromisoformat(labels["as_of"]) if "as_of" in labels else doc.published
        results.append(evaluate(sidecar.stem, doc, as_of, labels, rules))

    tot_tp = tot_fp = planted = found = correct = on_correct = tot_notes = tot_unscored = 0
    for r in results:
        p = [lab for lab in r.labels if lab.kind == "planted"]
        c = [lab for lab in r.labels if lab.kind == "correct"]
        planted += len(p)
        found += sum(lab.found for lab in p)
        correct += len(c)
        on_correct += r.fp_on_correct
        tot_tp += r.tp
        tot_fp += r.fp
        tot_notes += len(r.notes)
        tot_unscored += len(r.unscored)
        extra = "".join(
            f", {label} {len(idx)}" for label, idx in (("notes", r.notes), ("unscored", r.unscored)) if idx
        )
        print(
            f"{r.name:32s} planted {sum(lab.found for lab in p)}/{len(p)} found, findings {len(r.findings)} "
            f"(tp {r.tp}, fp {r.fp}, on correct figures {r.fp_on_correct}{extra}), {r.seconds * 1000:.0f} ms"
        )
        for lab in p:
            if not lab.found:
                print(f"    MISSED {lab.rule}: {lab.text!r} ({lab.why})")
        for i, f in enumerate(r.findings):
            if i not in r.hits or args.verbose:
                mark = "ok " if i in r.hits else "note " if i in r.notes else "unscored " if i in r.unscored else "FP "
                print(f"    {mark}{f.rule} {f.severity}: {f.text!r}: {f.message}")
    precision = tot_tp / (tot_tp + tot_fp) if tot_tp + tot_fp else 1.0
    recall = found / planted if planted else 1.0
    print()
    print(f"planted errors: {planted}, found: {found}; findings: {tot_tp + tot_fp} (true {tot_tp}, false {tot_fp})")
    print(f"figures labelled correct: {correct}, flagged: {on_correct}")
    if tot_notes or tot_unscored:
        print(f"not scored: {tot_notes} info notes, {tot_unscored} findings of rules outside a draft's label scope")
    print(f"precision {precision:.3f}  recall {recall:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

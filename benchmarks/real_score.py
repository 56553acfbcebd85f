"""Precision and recall on published articles, from hand labels (benchmarks/real/labels/*.toml).

    python benchmarks/real_score.py [--texts .real] [--labels benchmarks/real/labels] [--factcheck PATH] [-v]

The article texts are not in git (their publishers own them): each is kept locally as ``.real/NNN-slug.md``
(see ../shared/corpus/real-dev/README.md for how they are made). Without them this script says so and exits 0.

Each label file names its article and holds ``[[label]]`` entries: ``figure`` (as written), ``quote`` (the
one sentence holding it), ``verdict`` (wrong | correct | unjudgeable), ``kind`` (market | arithmetic |
conversion | contradiction | date) and the evidence. A finding (error or warning) is matched to the label whose
quote holds the finding's start and whose figure overlaps the finding's text. Scores:
- precision: findings on figures labelled wrong / findings on labelled figures (wrong + correct); findings on
  unlabelled figures are listed as "unjudged" (judge them, then add a label);
- recall: figures labelled wrong that got a finding / figures labelled wrong; "right reason" when the
  finding's category is the label's kind.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KIND_OF_CATEGORY = {
    "market-data": "market",
    "arithmetic": "arithmetic",
    "conversion": "conversion",
    "contradiction": "contradiction",
    "date": "date",
}


def _norm(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split()).lower()


@dataclass
class Label:
    figure: str
    quote: str
    verdict: str
    kind: str
    span: tuple[int, int] | None = None
    hits: list[dict] = field(default_factory=list)


def locate(text: str, label: Label) -> tuple[int, int] | None:
    i = text.find(label.quote)
    if i < 0:  # whitespace may differ
        flat = _norm(text)
        j = flat.find(_norm(label.quote))
        if j < 0:
            return None
        # map back approximately: count non-space characters
        target = len(flat[:j].replace(" ", ""))
        seen = 0
        for pos, ch in enumerate(text):
            if seen >= target:
                i = pos
                break
            if not ch.isspace():
                seen += 1
        return (i, i + len(label.quote) + 40)
    return (i, i + len(label.quote))


def overlaps(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a in b or b in a)


def run_factcheck(factcheck: str, paths: list[Path]) -> dict[str, list[dict]]:
    proc = subprocess.run(
        [factcheck, "check", *map(str, paths), "--format", "json", "--fail-on", "never"],
        capture_output=True,
        text=True,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"factcheck failed ({proc.returncode}): {proc.stderr.strip()[:300]}")
    return {Path(f["path"]).name: f["findings"] for f in json.loads(proc.stdout)["files"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=Path, default=ROOT / ".real")
    ap.add_argument("--labels", type=Path, default=ROOT / "benchmarks" / "real" / "labels")
    ap.add_argument("--factcheck", default=shutil.which("factcheck") or "factcheck")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    label_files = sorted(args.labels.glob("*.toml"))
    articles = []
    for lf in label_files:
        data = tomllib.loads(lf.read_text(encoding="utf-8"))
        path = args.texts / data["file"]
        if not data.get("found", True) or not path.exists():
            continue
        articles.append((data, path))
    if not articles:
        print(f"no labelled article texts under {args.texts}: nothing to score")
        return 0
    findings = run_factcheck(args.factcheck, [p for _, p in articles])
    tp = fp = unjudged = unjudgeable = 0
    wrong_total = wrong_found = right_reason = 0
    for data, path in articles:
        text = path.read_text(encoding="utf-8")
        labels = [Label(x["figure"], x["quote"], x["verdict"], x.get("kind", "")) for x in data.get("label", [])]
        for lab in labels:
            lab.span = locate(text, lab)
        for f in findings.get(path.name, []):
            if f["severity"] not in ("error", "warning"):
                continue
            match = next(
                (
                    lab
                    for lab in labels
                    if lab.span and lab.span[0] <= f["start"] < lab.span[1] and overlaps(lab.figure, f["text"])
                ),
                None,
            )
            if match is None:
                unjudged += 1
                if args.verbose:
                    print(f"UNJUDGED {path.name}: [{f['rule']}/{f['severity']}] {f['text']!r}: {f['message'][:160]}")
                continue
            match.hits.append(f)
            if match.verdict == "wrong":
                tp += 1
            elif match.verdict == "correct":
                fp += 1
                if args.verbose:
                    print(f"FALSE    {path.name}: [{f['rule']}/{f['severity']}] {f['text']!r}: {f['message'][:160]}")
            else:
                unjudgeable += 1
                if args.verbose:
                    print(f"UNJUDGEABLE {path.name}: [{f['rule']}] {f['text']!r}: {f['message'][:160]}")
        for lab in labels:
            if lab.verdict != "wrong":
                continue
            wrong_total += 1
            if lab.hits:
                wrong_found += 1
                if any(KIND_OF_CATEGORY.get(h["category"]) == lab.kind for h in lab.hits):
                    right_reason += 1
            elif args.verbose:
                print(f"MISSED   {path.name}: {lab.figure!r} ({lab.kind}) in {lab.quote[:120]!r}")
    flagged = tp + fp
    print(f"articles scored: {len(articles)} of {len(label_files)} labelled")
    print(
        f"errors+warnings on labelled figures: {flagged} (true {tp}, false {fp}); "
        f"on unjudgeable figures {unjudgeable}; on unlabelled figures {unjudged}"
    )
    if flagged:
        print(
            f"precision {tp}/{flagged} = {tp / flagged:.3f}"
            f"  (counting unjudged and unjudgeable as false: {tp}/{flagged + unjudged + unjudgeable}"
            f" = {tp / max(1, flagged + unjudged + unjudgeable):.3f})"
        )
    if wrong_total:
        print(
            f"recall {wrong_found}/{wrong_total} = {wrong_found / wrong_total:.3f}; "
            f"for the right reason {right_reason}/{wrong_total}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

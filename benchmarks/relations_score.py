"""Recall and false alarms of the checker on a blind relation suite (benchmarks/relations/<set>/*.toml).

    python benchmarks/relations_score.py benchmarks/relations/blind-1 [--factcheck PATH] [--record FILE] [-v]

Each suite file holds ``[[case]]`` entries written blind (by a writer who had not read the code) from a brief
naming the relation and the phrasing styles: ``wrong`` (one figure off by a clear margin, ``wrong_figure``),
``correct`` (its twin whose figures agree), ``style``, optional ``as_of``. Every text is checked as its own
Markdown file by the ``factcheck`` command given (default: the one on PATH), one process per ``as_of``.

A wrong text counts as caught when any error or warning is raised in it; a correct twin with any error or
warning is a false alarm. ``--record FILE`` writes the per-case result (with the code's git commit) as JSON: the
first run of a suite is recorded before any change made for it, and kept.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_cases(suite: Path) -> list[dict]:
    cases = []
    for path in sorted(suite.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data.get("case", []):
            case = dict(case)
            case["relation"] = data.get("relation", path.stem)
            cases.append(case)
    return cases


def run(cases: list[dict], factcheck: str) -> dict[str, dict]:
    """case id -> {"wrong": [findings], "correct": [findings]} (errors and warnings only)."""
    groups: dict[str | None, list[dict]] = defaultdict(list)
    for c in cases:
        groups[c.get("as_of")].append(c)
    out: dict[str, dict] = {c["id"]: {"wrong": [], "correct": []} for c in cases}
    tmp = Path(tempfile.mkdtemp(prefix="relations-"))
    try:
        for as_of, group in groups.items():
            folder = tmp / (as_of or "undated")
            folder.mkdir()
            names = {}
            for c in group:
                for side in ("wrong", "correct"):
                    name = f"{c['id']}--{side}.md"
                    (folder / name).write_text(c[side].strip() + "\n", encoding="utf-8")
                    names[name] = (c["id"], side)
            cmd = [factcheck, "check", str(folder), "--format", "json", "--fail-on", "never"]
            if as_of:
                cmd += ["--as-of", str(as_of)]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode not in (0, 1):
                sys.exit(f"factcheck failed ({proc.returncode}): {proc.stderr.strip()[:300]}")
            for f in json.loads(proc.stdout)["files"]:
                key = names.get(Path(f["path"]).name)
                if key is None:
                    continue
                cid, side = key
                out[cid][side] = [
                    {"rule": x["rule"], "severity": x["severity"], "text": x["text"], "message": x["message"]}
                    for x in f["findings"]
                    if x["severity"] in ("error", "warning")
                ]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("suite", type=Path)
    ap.add_argument("--factcheck", default=shutil.which("factcheck") or "factcheck")
    ap.add_argument("--record", type=Path, help="write the per-case results to this JSON file")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    cases = load_cases(args.suite)
    if not cases:
        print(f"no cases in {args.suite}")
        return 2
    results = run(cases, args.factcheck)
    per_rel: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # wrong, caught, correct, false alarms
    per_style: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for c in cases:
        r = results[c["id"]]
        caught, alarm = bool(r["wrong"]), bool(r["correct"])
        for table, key in ((per_rel, c["relation"]), (per_style, c.get("style", "?"))):
            row = table[key]
            row[0] += 1
            row[1] += caught
            row[2] += 1
            row[3] += alarm
        if args.verbose and (not caught or alarm):
            print(f"{c['id']}: {'caught' if caught else 'MISSED'}{', FALSE ALARM' if alarm else ''}")
            if not caught:
                print(f"    wrong:   {c['wrong'].strip()[:220]}")
            for x in r["correct"]:
                print(f"    alarm:   [{x['rule']}] {x['message'][:200]}")
    for title, table in (("relation", per_rel), ("style", per_style)):
        print(f"{title:<28} {'recall':>12} {'false alarms':>14}")
        for key in sorted(table):
            w, c_, n, fa = table[key]
            print(f"{key:<28} {c_:>4}/{w:<4} {c_ / w:5.2f} {fa:>6}/{n:<4}")
        print()
    total = [sum(row[i] for row in per_rel.values()) for i in range(4)]
    print(
        f"TOTAL recall {total[1]}/{total[0]} = {total[1] / total[0]:.3f}; "
        f"false alarms on correct twins {total[3]}/{total[2]} = {total[3] / total[2]:.3f}"
    )
    if args.record:
        args.record.write_text(
            json.dumps({"commit": commit(), "factcheck": args.factcheck, "cases": results}, indent=1) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

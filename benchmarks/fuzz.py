"""Fuzzing factcheck (issue 12): generated and mutated drafts must never give an internal error, the same
draft must give the same report every time, and the time a repeated shape takes must grow linearly.

    python benchmarks/fuzz.py [--examples 2000] [--seed 0] [--skip-growth] [--factors 1,16]

- Generated drafts: fragments of figures, currencies, assets, cue words, dates, markup and punctuation
  (hypothesis), and mutations of the corpus drafts in benchmarks/drafts and tests/fixtures/drafts (bytes
  dropped, duplicated, swapped; fragments inserted). Each is checked as markdown, text and html with a
  publication date; an exception is an internal error (the CLI reports it as exit 2 "internal error").
- Determinism: each draft is checked twice in this process; a sample also in fresh processes under
  different PYTHONHASHSEED values (the JSON reports must be identical).
- Growth: each shape of ``SHAPES`` repeated n and 16n times (n chosen so the small run takes a measurable
  time); the larger may take at most 1.3 x 16 times as long (best of 3).

Exit status 1 when any of these fails. tests/test_fuzz.py runs a short profile of the same properties.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
AS_OF = dt.date(2025, 6, 2)

FRAGMENTS = [
    "BTC", "Bitcoin", "ETH", "Ether", "DOGE", "SOL", "Strategy", "BitMine", "the fund", "shares", "its price",
    " rose ", " fell ", " doubled ", " tripled ", " halved ", " to ", " from ", " of ", " worth ", " at ",
    " about ", " over ", " under ", " between ", " and ", " or ", " up ", " down ", " holds ", " bought ",
    "$4", "$2", "$7 million", "$70,000", "$62 billion", "5%", "50%", "-5%", "1e308", "5e308 0", "1e400%",
    "-5 yen", "Rs 3", "C$356 million", "£71 million", "€50 million", "¥8 billion", "100 BTC", "4.28 million ETH",
    "0.5x", "10x", "three times", "2,230 (65%)", "1.5pp", "0", "-0", "999 years", "past 7 days", "on Thursday",
    "yesterday", "this year", "since 2021", "on March 3, 2025", "2025-03-03", "0001-01-01", "9999-12-31",
    "January 1, 0001", "for the first time since", "all-time high", "drawdown", "discount", "premium",
    ". ", ", ", "; ", ": ", " (", ") ", "\n", "\n\n", "...", "–", "—", "~", "+",
    "`", "```\n", "](", "[link](http://x.y)", "<!-- factcheck: ignore -->", "<!-- factcheck:", "<meta",
    "<b>", "</b>", "&#36;", "&nbsp;", "---\ndate: 2025-06-01\n---\n", "\u202f", "\xa0", "\u200b", "\x00",
]  # fmt: skip

# Shapes whose time must grow linearly: (name, text repeated, base repeat count).
SHAPES = [
    ("doubled", "doubled to $4 from $2 ", 40),
    ("strategy", "Strategy holds 100 BTC worth $7 million ", 40),
    ("up-no-break", "up 5% ", 400),
    ("backticks", "`", 20_000),
    ("link-open", "](", 10_000),
    ("unclosed-directive", "<!-- factcheck: ignore ", 2_000),
    ("unclosed-comment", "<!-- factcheck:", 2_000),
    ("meta", "<meta", 8_000),
    ("dots", ".", 40_000),
    ("sentences", "BTC rose 5% to $70,000 on March 3, 2025. ", 60),
    ("conversion", "The fund raised C$356 million (£71 million). ", 60),
]


def draft_files() -> list[Path]:
    drafts, fixtures = ROOT / "benchmarks" / "drafts", ROOT / "tests" / "fixtures" / "drafts"
    return sorted(drafts.glob("*.md")) + sorted(drafts.glob("*.html")) + sorted(fixtures.glob("*.md"))


def mutate(text: str, rng: random.Random, edits: int = 8) -> str:
    """A corpus draft with bytes dropped, duplicated or swapped and fragments inserted."""
    chars = list(text)
    for _ in range(edits):
        if not chars:
            chars = list(rng.choice(FRAGMENTS))
        i = rng.randrange(len(chars))
        op = rng.randrange(4)
        if op == 0:
            del chars[i : i + rng.randrange(1, 40)]
        elif op == 1:
            chars[i:i] = chars[i : i + rng.randrange(1, 40)]
        elif op == 2:
            j = rng.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
        else:
            chars[i:i] = list(rng.choice(FRAGMENTS))
    return "".join(chars)


def check_once(text: str, fmt: str, as_of: dt.date | None = AS_OF) -> str:
    """The JSON report of one draft, checked in this process, or the one-line message of an input the
    contract refuses (an unknown suppression directive: exit 2 naming its line); any other exception
    propagates (an internal error)."""
    from factcheck.config import Settings
    from factcheck.document import InputError, parse
    from factcheck.pipeline import check_document
    from factcheck.report.json_report import render_check

    try:
        doc = parse(text, "fuzz", fmt)
        result = check_document(doc, Settings(as_of=as_of))
    except InputError as exc:
        message = str(exc)
        if "\n" in message or not message.startswith("fuzz:"):
            raise AssertionError(f"input error not one line naming the draft: {message!r}") from None
        return f"refused: {message}"
    return render_check([result])


def check_stable(text: str, fmt: str = "markdown") -> None:
    """No internal error, and the same report twice."""
    first = check_once(text, fmt)
    second = check_once(text, fmt)
    if first != second:
        raise AssertionError(f"nondeterministic report for {text[:80]!r}")


def check_hash_seeds(texts: list[str], seeds: tuple[str, ...] = ("1", "2", "3")) -> None:
    """The same reports in fresh processes under different PYTHONHASHSEED values (sets reaching output)."""
    code = (
        f"import sys, json; sys.path.insert(0, {str(HERE)!r}); import fuzz; texts = json.load(sys.stdin); "
        "print(json.dumps([fuzz.check_once(t, 'markdown') for t in texts]))"
    )
    outs = set()
    for seed in seeds:
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run(
            [sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True, env=env, timeout=600
        )
        if run.returncode != 0:
            raise AssertionError(f"fresh process failed: {run.stderr[-2000:]}")
        outs.add(run.stdout)
    if len(outs) != 1:
        raise AssertionError("reports differ between PYTHONHASHSEED values")


def time_shape(text: str, fmt: str = "markdown", repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        check_once(text, fmt)
        best = min(best, time.perf_counter() - t)
    return best


def growth(shape: str, base: int, factor: int = 16, fmt: str = "markdown") -> tuple[float, float, float]:
    """(time at base, time at factor x base, ratio / factor): linear growth gives about 1."""
    small = time_shape(shape * base, fmt)
    large = time_shape(shape * base * factor, fmt, repeat=2)
    return small, large, large / max(small, 1e-3) / factor


def generated(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice(FRAGMENTS) for _ in range(rng.randrange(1, 60))) for _ in range(n)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--skip-growth", action="store_true")
    ap.add_argument("--factor", type=int, default=16)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    check_once("warm up: BTC rose 5% to $70,000.", "markdown")
    rng = random.Random(args.seed)
    failures: list[str] = []
    texts = generated(rng, args.examples // 2)
    corpus = [p.read_text(encoding="utf-8") for p in draft_files()]
    texts += [mutate(rng.choice(corpus), rng) for _ in range(args.examples - len(texts))]
    t0 = time.perf_counter()
    for i, text in enumerate(texts):
        fmt = ("markdown", "text", "html")[i % 3]
        try:
            check_stable(text, fmt)
        except Exception as exc:  # noqa: BLE001
            failures.append(f"{type(exc).__name__}: {exc} <- {text[:200]!r}")
    print(f"{len(texts)} drafts checked in {time.perf_counter() - t0:.1f} s: {len(failures)} failures")
    try:
        check_hash_seeds(texts[:40] + corpus)
        print("PYTHONHASHSEED 1, 2, 3: identical reports")
    except AssertionError as exc:
        failures.append(str(exc))
    if not args.skip_growth:
        print(f"| shape | n | time n | time {args.factor}n | growth / linear |")
        print("| --- | --- | --- | --- | --- |")
        for name, shape, base in SHAPES:
            small, large, ratio = growth(shape, base, args.factor)
            print(f"| {name} | {base} | {small:.3f} s | {large:.3f} s | {ratio:.2f} |")
            if ratio > 1.3:
                failures.append(f"{name}: {args.factor}x input took {ratio:.2f}x linear time")
    for f in failures[:30]:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

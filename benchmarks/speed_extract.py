"""Extraction speed: throughput on the corpus page, on a 5 MB concatenation, fresh-process start-up, and
pathological inputs.

    /tmp/v/bin/python benchmarks/speed_extract.py [--repeat N] [--timeout S] [--skip-pathological]

- Throughput: `extract_quantities(doc)` on the parsed news page in ../shared/corpus (MB = 10^6 bytes of
  UTF-8), best of N (default 15) and median, pinned to one core where the OS allows; also parse + extract.
  The load average is printed: on a busy machine the best of N is the figure to read.
- 5 MB: the page repeated (blank line between copies) to at least 5,000,000 bytes, best of 4.
- Start-up: fresh `factcheck --version` (the console script next to this Python), best of 5; when the
  script is not installed, `python -c "import factcheck.cli"` instead, and the output says so.
- Pathological inputs, each in a fresh subprocess with a timeout (time measured inside, import excluded).
The corpus parts are skipped with a message when ../shared is absent; the rest still runs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "cryptopolitan-binance-square-2026-02.txt"
FIVE_MB = 5_000_000

HEDGES = [
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "over",
    "more than",
    "at least",
    "up to",
    "under",
    "less than",
    "some",
    "~",
    "close to",
    "upwards of",
    "approximately",
]


def pathological() -> dict[str, str]:
    flood = " ".join(HEDGES[i % len(HEDGES)] for i in range(60_000))
    return {
        "200,000 digits": "1" * 200_000,
        "200,000 digits after $": "$" + "9" * 200_000 + " million",
        '100,000 "$"': "$" * 100_000,
        '100,000 "$ "': "$ " * 100_000,
        "hedge-word flood (60,000) + 5%": flood + " 5%",
        'hedge-word flood, "about " x 100,000 + $5': "about " * 100_000 + "$5",
        '50,000 "1," repeats': "1," * 50_000,
        '50,000 "1." repeats': "1." * 50_000,
        '50,000 "1 " repeats': "1 " * 50_000,
        '50,000 "-1" repeats': "-1" * 50_000,
        '50,000 "million " repeats after 1': "1 " + "million " * 50_000,
        '30,000 "1 to " (range chain)': "1 to " * 30_000 + "2%",
        '30,000 "from $1 to $2 " pairs': "from $1 to $2 " * 30_000,
        "100,000 digits with spaces": " ".join("9" for _ in range(100_000)),
        "one 1 MB line of words": "bitcoin " * 125_000,
    }


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        try:
            cpu = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {cpu})
            return f"pinned to CPU {cpu}"
        except OSError:
            pass
    return "not pinned (one Python thread)"


def timings(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return sorted(out)


def best_of(fn, n: int) -> float:
    return timings(fn, n)[0]


def load_note() -> str:
    """The machine's load, so a slow run on a busy machine can be told from a slow extractor."""
    if hasattr(os, "getloadavg"):
        return f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
    return f"{os.cpu_count()} CPUs"


def run_one_pathological(name: str) -> int:
    sys.path.insert(0, str(ROOT))
    from factcheck.document import parse
    from factcheck.extract import extract_quantities

    text = pathological()[name]
    t0 = time.perf_counter()
    doc = parse(text, "-", "text")
    qs = extract_quantities(doc)
    print(f"{time.perf_counter() - t0:.4f} {len(qs)}")
    return 0


def startup(n: int) -> None:
    script = Path(sys.executable).with_name("factcheck")
    if script.exists():
        cmd = [str(script), "--version"]
        label = f"fresh `{script} --version`"
    else:
        cmd = [sys.executable, "-c", "import factcheck.cli"]
        label = "fresh `python -c 'import factcheck.cli'` (console script `factcheck` not installed)"
    base = best_of(lambda: subprocess.run([sys.executable, "-c", "pass"], check=False, capture_output=True), n)
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0 and script.exists():
        print(f"  `factcheck --version` failed (exit {out.returncode}): {out.stderr.strip()[-200:]}")
        cmd = [sys.executable, "-c", "import factcheck.cli"]
        label = "fresh `python -c 'import factcheck.cli'` (console script failed)"
    t = best_of(lambda: subprocess.run(cmd, check=False, capture_output=True), n)
    verdict = "OK" if t < 0.3 else "OVER the 0.3 s budget"
    print(f"  {label}: {t * 1000:.0f} ms best of {n}  [{verdict}]  (bare `python -c pass`: {base * 1000:.0f} ms)")
    if out.stdout.strip():
        print(f"  prints: {out.stdout.strip()}")


def other_engine(name: str) -> int:
    sys.path.insert(0, str(HERE))
    from _scoring import load_engine

    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: skipped")
        return 0
    run = load_engine(name)
    text = CORPUS.read_text(encoding="utf-8")
    mb = len(text.encode("utf-8")) / 1e6
    print(f"{name} ({pin_one_core()}, Python {sys.version.split()[0]})")
    run("warm up 5 dollars")
    t0 = time.perf_counter()
    n = len(run(text))
    t = time.perf_counter() - t0
    print(f"  corpus page ({mb * 1000:.1f} KB, {n} quantities): {t:.2f} s = {mb / t:.3f} MB/s (one run)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=15, help="best of N for the corpus page")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per pathological input")
    ap.add_argument("--skip-pathological", action="store_true")
    ap.add_argument("--scaling", action="store_true", help="also time 1, 4 and 16 copies of the page")
    ap.add_argument("--one-pathological", help=argparse.SUPPRESS)
    ap.add_argument(
        "--engine",
        default="factcheck",
        choices=["factcheck", "quantulum3"],
        help="quantulum3: only its throughput on the corpus page, for comparison (needs it installed)",
    )
    args = ap.parse_args(argv)
    if args.one_pathological:
        return run_one_pathological(args.one_pathological)
    if args.engine != "factcheck":
        return other_engine(args.engine)

    sys.path.insert(0, str(ROOT))
    try:
        from factcheck.document import parse
        from factcheck.extract import extract_quantities
    except ImportError as exc:
        print(f"extractor not importable yet: {exc}", file=sys.stderr)
        return 2
    print(f"extraction speed ({pin_one_core()}, Python {sys.version.split()[0]}, {load_note()})")
    status = 0
    if CORPUS.exists():
        text = CORPUS.read_text(encoding="utf-8")
        mb = len(text.encode("utf-8")) / 1e6
        doc = parse(text, CORPUS.name, "text")
        nq = len(extract_quantities(doc))  # warm-up: lexicon and pattern compilation
        runs = timings(lambda: extract_quantities(doc), args.repeat)
        t, median = runs[0], runs[len(runs) // 2]
        t_all = best_of(lambda: extract_quantities(parse(text, CORPUS.name, "text")), args.repeat)
        verdict = "OK" if mb / t >= 2 else "UNDER the 2 MB/s target"
        print(
            f"  corpus page ({mb * 1000:.1f} KB, {nq} quantities): extract {t * 1000:.1f} ms = {mb / t:.2f} MB/s"
            f" [{verdict}] (median {mb / median:.2f} MB/s); parse+extract {t_all * 1000:.1f} ms"
            f" = {mb / t_all:.2f} MB/s  (best of {args.repeat})"
        )
        copies = -(-FIVE_MB // len(text.encode("utf-8")))
        big = "\n\n".join([text] * copies)
        big_mb = len(big.encode("utf-8")) / 1e6
        big_doc = parse(big, "big.txt", "text")
        t0 = time.perf_counter()
        nbig = len(extract_quantities(big_doc))
        first = time.perf_counter() - t0
        t_big = min(first, best_of(lambda: extract_quantities(big_doc), 3))
        print(
            f"  {copies} copies ({big_mb:.2f} MB, {nbig} quantities): extract {t_big:.2f} s"
            f" = {big_mb / t_big:.2f} MB/s (best of 4)"
        )
        if nbig != nq * copies:
            print(f"  note: {nq} x {copies} = {nq * copies} expected from the copies, got {nbig}")
        if args.scaling:
            rates = []
            for n in (1, 4, 16):
                d = parse("\n\n".join([text] * n), "scaled.txt", "text")
                rates.append(f"{n} copies {n * mb / best_of(lambda d=d: extract_quantities(d), 3):.2f}")
            print(
                f"  scaling (MB/s, best of 3; falling rates mean superlinear work): {', '.join(rates)},"
                f" {copies} copies {big_mb / t_big:.2f}"
            )
    else:
        print(f"  corpus not found at {CORPUS}: throughput skipped")
    startup(5)
    if not args.skip_pathological:
        print(f"  pathological inputs (fresh process each, timeout {args.timeout:.0f} s, time excludes imports):")
        for name in pathological():
            try:
                out = subprocess.run(
                    [sys.executable, __file__, "--one-pathological", name],
                    capture_output=True,
                    text=True,
                    timeout=args.timeout,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                print(f"    {name:45} TIMEOUT (> {args.timeout:.0f} s)")
                status = 1
                continue
            if out.returncode != 0:
                last = (out.stderr.strip().splitlines() or ["?"])[-1]
                print(f"    {name:45} CRASH: {last[:150]}")
                status = 1
                continue
            secs, n = out.stdout.split()
            flag = "" if float(secs) < 5 else "  SLOW"
            print(f"    {name:45} {float(secs):8.3f} s  {int(n):7d} quantities{flag}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())

"""End-to-end speed of ``factcheck check``, each run a fresh process (start-up, imports, reading, extracting,
checking, market data, reporting: everything a user waits for).

    /tmp/v/bin/python benchmarks/speed_check_e2e.py [--repeat N] [--format json|text|sarif|html]

- ``factcheck --version``: best of N (target < 0.3 s).
- The news page in ../shared/corpus (~157 KB), ``--as-of 2026-02-05``: best of N (target <= 0.5 s).
- A 5 MB corpus of such pages (the page repeated in one file, and the same bytes as 32 files in a folder):
  best of 3, reported in MB/s (MB = 10^6 bytes of UTF-8; target >= 1 MB/s).
Skips the corpus parts with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "cryptopolitan-binance-square-2026-02.txt"
FIVE_MB = 5_000_000
AS_OF = "2026-02-05"


def command() -> tuple[list[str], str]:
    script = Path(sys.executable).parent / "factcheck"
    if script.exists():
        return [str(script)], str(script)
    return [sys.executable, "-m", "factcheck"], f"{sys.executable} -m factcheck"


def best_of(argv: list[str], repeat: int) -> tuple[float, int]:
    best, code = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        best = min(best, time.perf_counter() - start)
        code = proc.returncode
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} exited {code}: {proc.stderr.decode()[-400:]}")
    return best, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--format", default="json", choices=("json", "text", "sarif", "github", "html"))
    args = parser.parse_args()
    base, shown = command()
    print(f"factcheck: {shown}  (format {args.format}, fresh process per run, best of {args.repeat})")

    t, _ = best_of([*base, "--version"], args.repeat)
    print(f"  --version                                {t:6.3f} s   (target < 0.3 s)")

    if not CORPUS.exists():
        print(f"  corpus parts skipped: {CORPUS} not found")
        return 0
    page = CORPUS.read_text(encoding="utf-8")
    size = len(page.encode("utf-8"))
    check = [*base, "check", "--as-of", AS_OF, "--format", args.format, "-o", os.devnull]
    t, code = best_of([*check, str(CORPUS)], args.repeat)
    print(
        f"  corpus page ({size / 1e3:.0f} KB), exit {code}            {t:6.3f} s   (target <= 0.5 s)"
        f"   {size / 1e6 / t:5.2f} MB/s"
    )

    tmp = Path(tempfile.mkdtemp(prefix="factcheck-e2e-"))
    try:
        copies = -(-FIVE_MB // (size + 2))
        big = tmp / "five-mb.txt"
        big.write_text("\n\n".join([page] * copies), encoding="utf-8")
        big_size = big.stat().st_size
        t, code = best_of([*check, str(big)], 3)
        print(
            f"  {copies} pages in one file ({big_size / 1e6:.2f} MB), exit {code}  {t:6.3f} s"
            f"   {big_size / 1e6 / t:5.2f} MB/s (target >= 1 MB/s)"
        )
        folder = tmp / "pages"
        folder.mkdir()
        for i in range(copies):
            (folder / f"page-{i:02d}.txt").write_text(page, encoding="utf-8")
        t, code = best_of([*check, str(folder)], 3)
        total = size * copies
        print(
            f"  {copies} files in a folder ({total / 1e6:.2f} MB), exit {code}  {t:6.3f} s"
            f"   {total / 1e6 / t:5.2f} MB/s (target >= 1 MB/s)"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

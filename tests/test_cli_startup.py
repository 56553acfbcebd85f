"""`factcheck --version` stays fast: nothing heavy is imported until a command runs."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ["rich", "pandas", "pint", "ccxt", "regex", "factcheck.extract", "factcheck.claims", "factcheck.engine",
         "factcheck.report.text", "factcheck.market.store"]


def test_version_imports_nothing_heavy():
    code = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "assert main(['--version']) == 0\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_help_lists_every_command():
    proc = subprocess.run([sys.executable, "-m", "factcheck", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    for command in ("check", "extract", "data", "rules"):
        assert command in proc.stdout

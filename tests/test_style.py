"""The code base stays ruff-clean (skipped where ruff is not installed)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_beside = Path(sys.executable).parent / "ruff"
RUFF = str(_beside) if _beside.exists() else shutil.which("ruff")


@pytest.mark.skipif(RUFF is None, reason="ruff not installed")
def test_ruff_check_is_clean():
    proc = subprocess.run(
        [RUFF, "check", "--no-cache", "factcheck", "tests", "benchmarks"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

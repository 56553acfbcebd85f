"""The shipped data/ is exactly what build_shipped makes from ../shared/data-sources (skipped without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.market.build_shipped import main as build_main
from factcheck.resources import data_dir

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.skipif(not (SHARED / "data-sources").is_dir(), reason="../shared/data-sources not present")
def test_rebuilding_from_shared_sources_reproduces_the_shipped_files(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    assert build_main(["--shared", str(SHARED), "--out", str(tmp_path)]) == 0
    built = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    shipped = {p.relative_to(data_dir()): p.read_bytes() for p in data_dir().rglob("*")
               if p.is_file() and p.name != ".keep"}
    assert sorted(built) == sorted(shipped)
    differing = [str(k) for k in built if built[k] != shipped[k]]
    assert differing == []


def test_shipped_data_stays_small() -> None:
    total = sum(p.stat().st_size for p in data_dir().rglob("*") if p.is_file())
    assert total < 4_000_000

"""Test-session setup: the user's market-data store is never read or written by the tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FACTCHECK_DATA_DIR", str(tmp_path_factory.mktemp("factcheck-store")))
        yield

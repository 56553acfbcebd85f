"""The parsed-rules cache: a cached rule file gives what parsing it gives, an edited file is parsed again, a
broken cache file is ignored, and FACTCHECK_RULES_CACHE=0 turns it off."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from factcheck import resources


@pytest.fixture
def rules_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    rules = tmp_path / "rules"
    rules.mkdir()
    monkeypatch.setattr(resources, "rules_dir", lambda: rules)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FACTCHECK_RULES_CACHE", raising=False)

    def fresh() -> None:  # what a new process starts with
        state = resources._disk_cache()
        if state is not None:
            resources._save(state)
        resources.load_rules_file.cache_clear()
        resources._disk_cache.cache_clear()

    fresh()
    yield rules, fresh
    fresh()


def test_cached_rules_equal_parsed_rules_and_edits_are_seen(rules_in) -> None:
    rules, fresh = rules_in
    (rules / "x.toml").write_text('a = [1, 2.5, "three"]\n[t]\nb = { c = true }\n', encoding="utf-8")
    first = resources.load_rules_file("x.toml")
    fresh()
    assert resources._disk_cache()["entries"], "the parsed file was saved"
    assert resources.load_rules_file("x.toml") == first == tomllib.loads((rules / "x.toml").read_text())
    (rules / "x.toml").write_text('a = [1, 2.5, "four"]\n', encoding="utf-8")
    fresh()
    assert resources.load_rules_file("x.toml") == {"a": [1, 2.5, "four"]}
    fresh()
    assert len(resources._disk_cache()["entries"]) == 1, "the old version was dropped"


def test_dates_in_toml_are_parsed_not_cached(rules_in) -> None:
    rules, fresh = rules_in
    (rules / "d.toml").write_text("day = 2026-02-05\n", encoding="utf-8")
    value = resources.load_rules_file("d.toml")
    fresh()
    assert resources.load_rules_file("d.toml") == value
    assert str(value["day"]) == "2026-02-05"


def test_a_broken_cache_file_is_ignored(rules_in, tmp_path: Path) -> None:
    rules, fresh = rules_in
    (rules / "x.toml").write_text("a = 1\n", encoding="utf-8")
    path = resources._cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00not marshal")
    assert resources.load_rules_file("x.toml") == {"a": 1}


def test_cache_can_be_turned_off(rules_in, monkeypatch: pytest.MonkeyPatch) -> None:
    rules, fresh = rules_in
    monkeypatch.setenv("FACTCHECK_RULES_CACHE", "0")
    fresh()
    (rules / "x.toml").write_text("a = 1\n", encoding="utf-8")
    assert resources.load_rules_file("x.toml") == {"a": 1}
    assert resources._disk_cache() is None


def test_a_second_process_reads_the_shipped_rules_from_the_cache(tmp_path: Path) -> None:
    code = (
        "import tomllib\n"
        "from factcheck.resources import load_rules_file, rules_dir\n"
        "for name in ('assets.toml', 'units.toml', 'dates.toml', 'market_cues.toml'):\n"
        "    assert load_rules_file(name) == tomllib.loads((rules_dir() / name).read_text('utf-8')), name\n"
    )
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert list(tmp_path.glob("rules-*.marshal"))

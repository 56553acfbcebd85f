"""The hand-annotated news figures (benchmarks/annotated/news_figures.toml) are well-formed.

Checks the data only (required fields, surfaces present in their sentence, sane intervals, enough figures),
never the extractor's scores.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ANNOTATED = ROOT / "benchmarks" / "annotated" / "news_figures.toml"
HOLDOUTS = sorted((ROOT / "benchmarks" / "annotated").glob("news_figures_holdout*.toml"))
CORPUS = ROOT.parent / "shared" / "corpus" / "cryptopolitan-binance-square-2026-02.txt"

BOUNDS = {"exact", "approx", "lower", "upper", "range"}
KINDS = {"amount", "percent", "multiple", "count", "measure", "duration", "date"}
FIGURE_KEYS = {"surface", "nth", "value", "high", "unit", "bound", "kind", "low_bound", "high_bound", "cat",
               "optional", "pair_ok", "also", "subject", "window"}


def _load(path: Path) -> list[dict]:
    with path.open("rb") as fh:
        return tomllib.load(fh)["s"]


def _sentences() -> list[dict]:
    """Every annotated file: the main set and the held-out sets."""
    return _load(ANNOTATED) + [s for path in HOLDOUTS for s in _load(path)]


def _as_list(x) -> list:
    return x if isinstance(x, list) else [x]


def _figures():
    for s in _sentences():
        for f in s["f"]:
            yield s, f


def test_annotated_sentences_have_ids_sources_and_unique_ids():
    ids = [s["id"] for s in _sentences()]
    assert len(ids) == len(set(ids))
    for s in _sentences():
        assert s["src"] in {"corpus", "own"}, s["id"]
        assert isinstance(s["text"], str) and s["text"].strip(), s["id"]
        assert isinstance(s["f"], list), s["id"]


def test_annotated_figures_have_required_fields_with_valid_values():
    for s, f in _figures():
        where = f"{s['id']}: {f.get('surface')!r}"
        assert set(f) <= FIGURE_KEYS, f"{where}: unknown keys {set(f) - FIGURE_KEYS}"
        kinds = _as_list(f["kind"])
        assert set(kinds) <= KINDS and kinds, where
        if kinds == ["date"]:
            continue
        for key in ("value", "unit", "bound", "cat"):
            assert key in f, f"{where}: missing {key}"
        assert isinstance(f["value"], int | float) and math.isfinite(f["value"]), where
        assert all(isinstance(u, str) for u in _as_list(f["unit"])), where
        bounds = set(_as_list(f["bound"]))
        assert bounds and bounds <= BOUNDS, where
        if "range" in bounds:
            assert isinstance(f.get("high"), int | float) and f["high"] > f["value"], where
        else:
            assert "high" not in f, where
        assert f.get("pair_ok") is None or "range" in bounds, where
        for key in ("subject", "window"):
            assert all(isinstance(x, str) and x for x in _as_list(f.get(key, []))), where
        for alt in f.get("also", []):
            assert set(alt) == {"value", "unit"} and isinstance(alt["value"], int | float), where


def test_annotated_surfaces_occur_in_their_sentence():
    for s, f in _figures():
        count = s["text"].count(f["surface"])
        assert count >= f.get("nth", 1), f"{s['id']}: {f['surface']!r} not in sentence"


def test_annotated_intervals_contain_the_value():
    for s, f in _figures():
        if "value" not in f:
            continue
        lo, hi = f.get("low_bound"), f.get("high_bound")
        v = f["value"]
        top = f.get("high", v)
        for side in (lo, hi):
            assert side is None or side == "open" or isinstance(side, int | float), s["id"]
        if isinstance(lo, int | float):
            assert lo <= v * (1 + 1e-12) or lo <= v, f"{s['id']}: low_bound above value"
        if isinstance(hi, int | float):
            assert hi >= top or math.isclose(hi, top), f"{s['id']}: high_bound below value"
        bounds = set(_as_list(f["bound"]))
        if bounds == {"lower"}:
            assert hi in (None, "open"), s["id"]
            assert hi == "open" or lo is None, s["id"]
        if bounds == {"upper"}:
            assert lo in (None, "open"), s["id"]


def test_annotated_set_has_at_least_150_figures_and_covers_the_categories():
    figures = [f for s in _load(ANNOTATED) for f in s["f"] if _as_list(f["kind"]) != ["date"]]
    assert len(figures) >= 150
    cats = {c for f in figures for c in f["cat"]}
    for needed in ("money-symbol", "money-code", "money-word", "crypto-ticker", "crypto-name", "percent", "pp",
                   "multiple", "physical", "number-word", "scale-suffix", "negative", "range", "from-to"):
        assert needed in cats, needed
    assert sum(1 for s in _sentences() if "trap" in s.get("tags", [])) >= 10
    assert sum(1 for _, f in _figures() if _as_list(f["kind"]) == ["date"]) >= 20


def test_annotated_corpus_sentences_are_verbatim_quotes():
    if not CORPUS.exists():
        pytest.skip("../shared corpus not present")
    corpus = CORPUS.read_text(encoding="utf-8")
    for s in _sentences():
        if s["src"] == "corpus":
            assert s["text"] in corpus, s["id"]

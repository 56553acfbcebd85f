"""SARIF 2.1.0: rules, levels, regions, related locations, stable fingerprints."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
from samples import TEXT, sample_result  # noqa: E402

from factcheck.report.sarif import render, sarif_report  # noqa: E402
from factcheck.rulebook import Rule  # noqa: E402

RULES = {
    "derived-product": Rule("derived-product", "arithmetic", "error", "A value that is not amount x price.\nMore.",
                            "x", summary="amount x price"),
    "derived-percent": Rule("derived-percent", "arithmetic", "warning", "A percent change that is off.", "x"),
}


def log(tmp_path, results=None, rules=RULES):
    return json.loads(render(results or [sample_result()], rules, version="1.2.3", base=tmp_path,
                             information_uri="https://example.invalid/factcheck"))


def test_log_shape(tmp_path):
    sarif = log(tmp_path)
    assert sarif["version"] == "2.1.0" and "sarif-schema-2.1.0" in sarif["$schema"]
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"] == "1.2.3"
    assert driver["informationUri"] == "https://example.invalid/factcheck"
    ids = [r["id"] for r in driver["rules"]]
    assert ids[:2] == ["derived-product", "derived-percent"] and "market-unverifiable" in ids
    product = driver["rules"][0]
    assert product["shortDescription"]["text"] == "amount x price"
    assert product["fullDescription"]["text"].startswith("A value")
    assert product["defaultConfiguration"]["level"] == "error"


def test_results_levels_indices_and_regions(tmp_path):
    run = log(tmp_path)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "drafts/post.md", "uriBaseId": "%SRCROOT%"}
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 6 and region["endLine"] == 6
    assert TEXT[region["charOffset"] : region["charOffset"] + region["charLength"]] == "roughly $62 billion"
    assert region["endColumn"] - region["startColumn"] == len("roughly $62 billion")
    assert run["columnKind"] == "unicodeCodePoints"
    related = results[0]["relatedLocations"]
    assert [x["physicalLocation"]["region"]["snippet"]["text"] for x in related] == ["713,502 BTC", "about $70,000"]


def test_fingerprints_survive_moving_the_text(tmp_path):
    before = log(tmp_path)["runs"][0]["results"]
    shifted = sample_result(text="New first paragraph.\n\n" + TEXT)
    after = log(tmp_path, [shifted])["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert before[0]["locations"][0]["physicalLocation"]["region"]["startLine"] + 2 == (
        after[0]["locations"][0]["physicalLocation"]["region"]["startLine"]
    )
    prints = [next(iter(r["partialFingerprints"].values())) for r in before]
    assert len(set(prints)) == len(prints)


def test_repeated_identical_findings_get_distinct_fingerprints(tmp_path):
    text = TEXT + "\n" + TEXT
    r = sample_result(text=text)
    second = sample_result(text=text)
    for f in second.findings:
        f.start += len(TEXT) + 1
        f.end += len(TEXT) + 1
    r.findings += second.findings
    prints = [next(iter(x["partialFingerprints"].values())) for x in log(tmp_path, [r])["runs"][0]["results"]]
    assert len(set(prints)) == len(prints) == 6


def test_paths_outside_the_root_become_file_uris(tmp_path):
    r = sample_result(path=str(tmp_path.parent / "elsewhere.md"))
    loc = sarif_report([r], RULES, base=tmp_path)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].startswith("file:///") and "uriBaseId" not in loc["artifactLocation"]


def test_absolute_path_under_root_is_relative(tmp_path):
    r = sample_result(path=str(tmp_path / "my drafts" / "a.md"))
    loc = sarif_report([r], RULES, base=tmp_path)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "my%20drafts/a.md"

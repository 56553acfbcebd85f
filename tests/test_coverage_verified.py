"""Figures a check confirmed are 'verified' with the arithmetic or data row that confirms them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def figures(text: str, as_of: str) -> dict[str, dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "-", "--format", "json", "--as-of", as_of, "--fail-on", "never"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return {f["text"]: f for f in json.loads(proc.stdout)["files"][0]["figures"]}


@pytest.mark.parametrize(
    ("text", "figure", "evidence"),
    [
        (
            "Fees of $1.8 million were 31% lower than the $2.6 million collected a year earlier.",
            "31%",
            "percent-change",
        ),
        ("Bitcoin traded at $75,000 on Wednesday.", "$75,000", "BTC"),
        ("The fund paid €50 million (about $59 million) on Wednesday.", "about $59 million", "€50 million"),
    ],
)
def test_a_confirmed_figure_is_verified_with_its_evidence(text, figure, evidence):
    found = figures(text, "2026-02-05")
    assert found[figure]["status"] == "verified"
    assert evidence in found[figure]["evidence"]


def test_a_wrong_figure_is_never_verified():
    found = figures("Fees of $1.8 million were 40% lower than the $2.6 million collected a year earlier.", "2026-02-05")
    assert found["40%"]["status"] == "wrong"

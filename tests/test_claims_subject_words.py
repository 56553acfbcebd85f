"""Words that look like names but are not the subject of a figure: a participle opening a sentence ("Valued
at", "Priced at", "Backed by") and describing compounds ("Texas-based", "Nasdaq-listed")."""

from __future__ import annotations

import pytest
from rulecheck import claims_of


def _subjects(text: str) -> dict[str, str | None]:
    return {c.quantity.text: c.subject for c in claims_of(text)}


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Priced at $2.10, the token sits below its launch level.", "$2.10"),
        ("The fund grew. Backed by $40 million in reserves, the stablecoin held its peg.", "$40 million"),
        ('"We doubled." Trading near $3,000 on Friday, the token recovered.', "near $3,000"),
        ("Reported in March:\nEstimated at $12 million, the losses were covered.", "$12 million"),
    ],
)
def test_a_participle_opening_a_sentence_is_no_subject(text, figure):
    assert _subjects(text)[figure] is None


@pytest.mark.parametrize(
    "text",
    [
        "The Nasdaq-listed firm said revenue reached $5 million.",
        "At the Singapore-based exchange, deposits hit $80 million.",
        "Its treasury is worth $31 million, the Ethereum-focused company said.",
    ],
)
def test_a_describing_compound_is_no_subject(text):
    assert all(s is None for s in _subjects(text).values()), _subjects(text)


def test_a_name_opening_a_sentence_is_still_a_subject():
    assert _subjects("Semler bought 500 BTC for $40 million.")["$40 million"] == "Semler"
    assert _subjects("Metaplanet owns 35,102 bitcoins.")["35,102 bitcoins"] == "Metaplanet"

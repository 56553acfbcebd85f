"""The relation engine (rules/relations/*.toml, factcheck/relations/): every relation's examples, the equation
solver, spec validation, and the shared guards (time marks, units, apposition) with phrasings of our own."""

from __future__ import annotations

import pytest
from rulecheck import findings_for

from factcheck.intervals import Interval
from factcheck.relations.equation import Equation, EquationError
from factcheck.relations.spec import SpecError, parse_relation, relations, roles

_CASES = [pytest.param(r, i, ex, id=f"{r.id}-{i}-{ex['kind']}") for r in relations() for i, ex in enumerate(r.examples)]


def test_every_relation_has_pass_and_fail_examples():
    for r in relations():
        kinds = {e["kind"] for e in r.examples}
        assert kinds == {"pass", "fail"}, r.id


@pytest.mark.parametrize(("relation", "i", "example"), _CASES)
def test_relation_example(relation, i, example):
    found = findings_for(relation.rule, example["text"], example.get("as_of"))
    if example["kind"] == "pass":
        assert not found, [f.message for f in found]
    else:
        assert found, f"no {relation.rule} finding for: {example['text']}"


def test_equation_is_solvable_for_every_slot():
    eq = Equation.parse("change = (new / old - 1) * 100")
    values = {"old": Interval.point(50.0), "new": Interval.point(45.0), "change": Interval.point(-10.0)}
    assert eq.solve("change", values).mid == pytest.approx(-10.0)
    assert eq.solve("new", values).mid == pytest.approx(45.0)
    assert eq.solve("old", values).mid == pytest.approx(50.0)


def test_equation_rejects_repeated_slots_and_other_operators():
    with pytest.raises(EquationError):
        Equation.parse("total = a * a")
    with pytest.raises(EquationError):
        Equation.parse("total = a ** b")
    with pytest.raises(EquationError):
        Equation.parse("a + b")


def test_relation_spec_with_an_unknown_role_is_refused():
    raw = {
        "id": "x",
        "rule": "sum",
        "equation": "t = p",
        "message": "m",
        "slots": {"t": {"dimension": "money", "roles": ["no-such-role"]}, "p": {"dimension": "money"}},
    }
    with pytest.raises(SpecError):
        parse_relation(raw, frozenset(roles().before))


@pytest.mark.parametrize(
    "text",
    [
        "The miner holds 2,500 BTC. At $60,000 per coin, that stake is worth $210 million.",
        "Nordhaus owns 1,200 ETH; at $3,000 a token, the holding is worth about $5.1 million.",
        "Vela bought 40,000 SOL at $150 each, for a total of $8.5 million.",
    ],
)
def test_product_across_sentences_and_wordings_is_caught(text):
    assert findings_for("derived-product", text, None)


@pytest.mark.parametrize(
    "text",
    [
        "The hacker took 900 ETH, worth $2.7 million at the time; ETH now trades at $1,800.",
        "Its 5,000 BTC were valued at $150 million at the time, while bitcoin is now at $90,000.",
        "Ether closed at $2,650 on Monday. Its 10,000 ETH, worth around $21 million at current prices, stay put.",
    ],
)
def test_a_past_value_is_not_recomputed_at_a_current_price_or_the_reverse(text):
    assert not findings_for("derived-product", text, None)


@pytest.mark.parametrize(
    "text",
    [
        "After selling stock at $20 a share, the fund holds 10,000 BTC, worth about $900 million.",
        "The firm raised cash at $12 per share and now owns 3,000 ETH worth $9 million.",
    ],
)
def test_a_price_per_share_does_not_multiply_a_holding_of_coins(text):
    assert not findings_for("derived-product", text, None)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Open interest slipped to $21 billion, 45% below the $29.6 billion peak.", True),
        ("The fund's units closed at $18.40, 21% below their net asset value of $20.70.", True),
        ("The fund's units closed at $18.40, 11% below their net asset value of $20.70.", False),
        ("Fees of $2.2 million were 15% higher than the $1.9 million collected a year earlier.", False),
    ],
)
def test_percent_change_base_read_from_its_cue(text, wrong):
    assert bool(findings_for("percent-change", text, None)) is wrong


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Of the 12.4 million ETH on exchanges, 3.1 million sit on one platform (35% of the total).", True),
        ("Staked supply reached 34.2 million ETH (38.4% of the 120.4 million in circulation).", True),
        ("Staked supply reached 34.2 million ETH (28.4% of the 120.4 million in circulation).", False),
    ],
)
def test_share_of_a_whole_in_the_same_unit(text, wrong):
    assert bool(findings_for("share-of-whole", text, None)) is wrong


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The two pools handled a combined $38.6 billion, $21.3 billion and $12.3 billion, respectively.", True),
        ("The two pools handled a combined $33.6 billion, $21.3 billion and $12.3 billion, respectively.", False),
        ("ETF inflows totalled $1.2 billion, with IBIT taking $800 million and FBTC $300 million.", False),
        ("Alpha, Beta and Gamma burned 2.9 million, 1.1 million and 0.8 million tokens, a total of 5.8 million.", True),
    ],
)
def test_sum_of_parts_and_partial_lists(text, wrong):
    assert bool(findings_for("sum", text, None)) is wrong


@pytest.mark.parametrize(
    "text",
    [
        "Rate-cut odds dwindled to just 69% as bitcoin slid this week.",
        "Bitcoin's dominance rose to 58% on Monday.",
        "Ether's share of DEX volume climbed to 31% this week.",
    ],
)
def test_a_percent_written_as_a_level_is_not_a_change(text):
    assert not findings_for("price-move", text, "2025-08-22")
    assert not findings_for("percent-change", text, "2025-08-22")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The startup closed a €200 million round, roughly $229 million.", False),
        ("The startup closed a €200 million round, roughly $290 million.", True),
        ("Regulators fined the exchange £50 million, about $67 million, on Wednesday.", False),
        ("Regulators fined the exchange £50 million, about $85 million, on Wednesday.", True),
        ("Mexican users moved 1 billion pesos through the app. That sum is about $53 million.", False),
        ("Mexican users moved 1 billion pesos through the app. That sum is about $70 million.", True),
        ("The fintech will raise up to R$300 million ($54 million).", False),
        ("The fintech will raise up to R$300 million ($75 million).", True),
        ("The fund holds €200 million in bonds, $90 million in cash.", False),
    ],
)
def test_conversions_bound_by_the_engine_in_any_registry_currency(text, wrong):
    # ECB, 2025-06-11: 1.1433 USD per EUR; 0.7414 GBP, 19.01 MXN, 5.578 BRL per USD
    assert bool(findings_for("fx-conversion", text, "2025-06-11")) is wrong


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The cable runs 30 miles (48 km) under the bay.", False),
        ("The cable runs 30 miles (60 km) under the bay.", True),
        ("The plant burns 3,000 tonnes of coal a week, or about 3.3 million kilograms.", True),
        ("The plant burns 3,000 tonnes of coal a week, or about 3 million kilograms.", False),
        ("Summer highs reach 35°C (95°F) at the site.", False),
        ("Summer highs reach 35°C (105°F) at the site.", True),
        ("The farm draws 87.6 GWh a year (about 10 MW on average).", False),
        ("The farm draws 87.6 GWh a year (about 25 MW on average).", True),
        ("The site is 12 km from the river and 40 MW in size.", False),
    ],
)
def test_unit_conversions_written_in_the_text(text, wrong):
    assert bool(findings_for("unit-conversion", text, None)) is wrong

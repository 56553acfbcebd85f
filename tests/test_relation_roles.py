"""Role cues of the relation engine (rules/relations/roles.toml) with phrasings of our own: a purchase price is
the base of a change to a sale price, and a result clause opened by "so" belongs to the clause before it."""

from __future__ import annotations

import pytest
from rulecheck import findings_for


@pytest.mark.parametrize(
    "wrong",
    [
        "The desk bought solana at $180 and sold it at $135, a 40% loss.",
        "The tokens were purchased by the treasury at $0.80 and sold in June at $0.60, a loss of 40%.",
        "Its bitcoin, acquired at $60,000, went for $45,000 in the end, a 40% drop.",
        "The fund bought ether at $3,000 and sold it at $2,250, so a 40% loss was booked.",
    ],
)
def test_a_purchase_price_is_the_base_of_the_change_to_a_sale_price(wrong):
    # each fall is 25%
    found = findings_for("percent-change", wrong, None)
    assert found and "25%" in found[0].message, [f.message for f in found]
    assert not findings_for("percent-change", wrong.replace("40%", "25%"), None)


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("Its 120 million tokens amount to 18% of the 800 million supply.", "15%"),
        ("The 4.2 million staked make up 28% of the token's 21 million supply.", "20%"),
        ("Whales' 3.3 million ETH account for 12% of the 120.5 million ETH in circulation.", "2.7%"),
        ("About 6.3 million of the protocol's 42 million tokens, or 21%, are locked.", "15%"),
    ],
)
def test_a_share_named_by_its_verb_against_a_whole_with_describing_words(wrong, right):
    assert findings_for("share-of-whole", wrong, None)
    stated = next(w for w in wrong.replace(",", " ").split() if w.endswith("%"))
    assert not findings_for("share-of-whole", wrong.replace(stated, right), None)


@pytest.mark.parametrize(
    "text",
    [
        "The token has plunged over 50%, hitting a low of $132 before clawing back to $144.",
        "Ether fell 30% in the sell-off, touching $1,800 before recovering to $2,000.",
        "XRP lost 40% this year, sinking to $0.40 before a late bounce lifted it to $0.48.",
    ],
)
def test_before_as_a_conjunction_makes_no_base(text):
    assert not findings_for("percent-change", text, None)


def test_a_figure_of_the_day_before_is_still_a_base():
    assert findings_for("percent-change", "Volume jumped 50% to $3 billion from $2.5 billion the day before.", None)


@pytest.mark.parametrize(
    "text",
    [
        "Its coins are worth $73 billion against a cost of $47 billion. The company's shares trade at 1.3x its NAV.",
        "The miner spent $40 million on rigs and earned $95 million. The firm's stock trades at three times book.",
        "Revenue reached $12 million, up from $5 million. The issuer's token trades at twice its launch price.",
    ],
)
def test_naming_the_company_does_not_reach_back_for_figures(text):
    assert not findings_for("multiple", text, None)


def test_a_reference_to_the_holding_still_reaches_back():
    text = "Metaplanet owns 35,102 bitcoins. At $90,000 a coin, that stake is worth $4.1 billion."
    assert findings_for("derived-product", text, None)


@pytest.mark.parametrize(
    ("wrong", "figure", "right"),
    [
        ("Bitcoin climbed $2,300 from $61,200 to $64,100 overnight.", "$2,300", "$2,900"),
        ("In an hour, SOL swung $12 from $141 to $148.", "$12", "$7"),
        ("The index slid 410 points, from 5,320 to 5,010, by noon.", "410", "310"),
    ],
)
def test_an_amount_right_after_a_rise_or_fall_word_is_the_gap(wrong, figure, right):
    assert findings_for("difference", wrong, None)
    assert not findings_for("difference", wrong.replace(figure, right, 1), None)


def test_an_amount_after_fell_to_is_a_level_not_a_gap():
    text = "Bitcoin fell to $88,400 on Friday and traded at $89,200 later, down from above $92,000."
    assert not findings_for("difference", text, None)

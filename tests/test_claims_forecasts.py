"""A price someone calls for or eyes is a forecast, not a market claim; a price reached is one."""

from __future__ import annotations

import pytest
from rulecheck import claims_of


@pytest.mark.parametrize(
    ("text", "figure", "assertive"),
    [
        ("Analysts are calling for SOL to reach $300 before the end of the year.", "$300", False),
        ("One fund manager called for ether at $6,000 by Christmas.", "$6,000", False),
        ("Bulls are eyeing $1 for dogecoin.", "$1", False),
        ("Bitcoin managed to reach $70,000 on Monday.", "$70,000", True),
        ("ETH failed to hit $4,000 and fell to $3,500.", "$3,500", True),
    ],
)
def test_forecast_cues(text, figure, assertive):
    assert {c.quantity.text: c.assertive for c in claims_of(text)}[figure] is assertive

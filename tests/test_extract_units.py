"""Physical units map to pint unit names; every name in rules/units.toml is a real pint unit."""

import pytest

from factcheck.extract import extract_text


def figures(text: str):
    return [q for q in extract_text(text) if q.kind != "date"]


@pytest.mark.parametrize(
    ("text", "unit", "kind", "value"),
    [
        ("It used about 183 terawatt-hours of power.", "terawatt_hour", "measure", 183),
        ("It used 183 TWh of power.", "terawatt_hour", "measure", 183),
        ("Altitudes of 500 kilometers.", "kilometer", "measure", 500),
        ("A 20 km road.", "kilometer", "measure", 20),
        ("The 880 square kilometer district.", "square_kilometer", "measure", 880),
        ("An area of 12 square kilometres.", "square_kilometer", "measure", 12),
        ("Reserves of 127.5 metric tons of gold.", "metric_ton", "measure", 127.5),
        ("Some 40 tonnes of ore.", "metric_ton", "measure", 40),
        ("A 2 GW data center.", "gigawatt", "measure", 2),
        ("It rose over 24 hours.", "hour", "duration", 24),
        ("A 14-day restraining order.", "day", "duration", 14),
        ("Within three weeks.", "week", "duration", 3),
        ("For five months.", "month", "duration", 5),
        ("Up to 3 years in prison.", "year", "duration", 3),
        ("A ten-year-old program.", "year", "duration", 10),
    ],
)
def test_units_physical_to_pint_names(text, unit, kind, value):
    (q,) = figures(text)
    assert (q.unit, q.kind) == (unit, kind)
    assert q.value == pytest.approx(value)


def test_units_rate_denominator():
    (q,) = figures("Workers earn $15.4/hour.")
    assert (q.unit, q.per, q.window) == ("USD", "hour", "per hour")
    (q,) = figures("An average of $3,850 per token.")
    assert q.per == "token"


def test_units_every_physical_unit_name_is_a_pint_unit():
    pint = pytest.importorskip("pint")
    from factcheck.resources import load_rules_file

    ureg = pint.UnitRegistry()
    physical = load_rules_file("units.toml")["physical"]
    names = set(physical["symbols"].values()) | set(physical["words"].values()) | set(physical["durations"])
    assert names
    for name in sorted(names):
        if name.startswith("square_") and name not in ureg:
            unit = ureg.Unit(name.removeprefix("square_")) ** 2  # pint spells it kilometer ** 2
            assert unit.dimensionality == ureg.Unit("meter").dimensionality ** 2, name
        elif name.startswith("cubic_") and name not in ureg:
            unit = ureg.Unit(name.removeprefix("cubic_")) ** 3
            assert unit.dimensionality == ureg.Unit("meter").dimensionality ** 3, name
        else:
            ureg.Unit(name)  # raises UndefinedUnitError if not a pint unit
    durations = {ureg.Unit(n).dimensionality for n in physical["durations"]}
    assert durations == {ureg.Unit("second").dimensionality}


def test_units_extractor_does_not_import_pint():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from factcheck.extract import extract_text\n"
        "extract_text('It used 183 TWh over 24 hours.')\n"
        "assert 'pint' not in sys.modules and 'pandas' not in sys.modules, 'heavy import'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("text", "per"),
    [("EPS of 12 cents a share.", "share"), ("They paid $4,001 a coin.", "coin"), ("Gains of 29% a week.", "week"),
     ("A mint cost $50 per NFT.", "nft"), ("It cost $5 a year later.", None)],
)  # fmt: skip
def test_units_rate_after_a_or_per(text, per):
    (q,) = figures(text)
    assert q.per == per


def test_units_pounds_of_something_weigh():
    (q,) = figures("They shipped 500 pounds of gold.")
    assert (q.unit, q.kind) == ("pound", "measure")
    (q,) = figures("A fine of 5 million pounds was paid.")
    assert (q.unit, q.kind) == ("GBP", "amount")

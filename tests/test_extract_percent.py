"""Percent, percentage points and multiples."""

import pytest

from factcheck.extract import extract_text


def figures(text: str):
    return [q for q in extract_text(text) if q.kind != "date"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A drawdown of 45%.", 45),
        ("It rose 45 %.", 45),
        ("It rose 12 percent.", 12),
        ("It rose 12 per cent.", 12),
        ("It surged by 970% on Upbit.", 970),
        ("A 26,362% surge.", 26362),
        ("Only 0.1% applies.", 0.1),
    ],
)
def test_percent_forms(text, value):
    (q,) = figures(text)
    assert (q.unit, q.kind) == ("%", "percent")
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Share fell 3 percentage points.", 3),
        ("Margins rose 1.5 pp.", 1.5),
        ("The Fed cut 50 basis points.", 0.5),
        ("A 25 bps hike.", 0.25),
    ],
)
def test_percentage_points_are_pp(text, value):
    (q,) = figures(text)
    assert (q.unit, q.kind) == ("pp", "percent")
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("This is three times what banks need.", 3),
        ("Roughly 33 times what airlines need.", 33),
        ("A 10x surge in offenses.", 10),
        ("The price doubled overnight.", 2),
        ("Volume tripled.", 3),
        ("Output grew four-fold.", 4),
        ("Output grew 4-fold.", 4),
        ("A fourfold rise.", 4),
        ("Fees were halved.", 0.5),
        ("It is twice as large.", 2),
    ],
)
def test_multiples_are_times(text, value):
    (q,) = figures(text)
    assert (q.unit, q.kind) == ("times", "multiple")
    assert q.value == pytest.approx(value)


def test_multiples_hex_address_is_not_a_multiple():
    assert [q.unit for q in figures("Sent to 0x5f3a9c wallet.")] == []

"""Interval arithmetic: exact cases, open sides, division through zero, and seeded property loops."""

from __future__ import annotations

import math
import random

import pytest

from factcheck.intervals import INF, Interval, from_quantity, percent_change, share
from factcheck.model import Quantity


def test_interval_none_sides_are_open():
    assert Interval(None, 5) == Interval(-INF, 5)
    assert Interval(3, None).hi == INF


def test_interval_rejects_empty():
    with pytest.raises(ValueError):
        Interval(2, 1)


def test_interval_add_sub():
    assert Interval(1, 2) + Interval(10, 20) == Interval(11, 22)
    assert Interval(1, 2) - Interval(10, 20) == Interval(-19, -8)
    assert Interval(1, INF) + Interval(1, 2) == Interval(2, INF)


def test_interval_mul_is_sign_aware():
    assert Interval(-2, 3) * Interval(4, 5) == Interval(-10, 15)
    assert Interval(-2, -1) * Interval(-3, -2) == Interval(2, 6)
    assert Interval(0, INF) * Interval(2, 3) == Interval(0, INF)


def test_interval_division_by_interval_with_zero_end_is_half_line():
    assert Interval(1, 2) / Interval(0, 4) == Interval(0.25, INF)
    assert Interval(1, 2) / Interval(-4, 0) == Interval(-INF, -0.25)


def test_interval_division_by_interval_straddling_zero_is_everything():
    assert Interval(1, 2) / Interval(-1, 1) == Interval.everything()


def test_percent_change_zksync_970_is_consistent_with_rounding():
    # $0.023 -> $0.24 as written: 0.0225..0.0235 and 0.235..0.245
    pc = percent_change(Interval(0.0225, 0.0235), Interval(0.235, 0.245))
    assert pc.lo == pytest.approx(900, abs=0.1)
    assert pc.hi == pytest.approx(988.9, abs=0.1)
    assert pc.meets(Interval(969.5, 970.5))


def test_share_of_whole():
    s = share(Interval(2229.5, 2230.5), Interval(3439.5, 3440.5))
    assert s.meets(Interval(64.5, 65.5))
    assert not s.meets(Interval(69.5, 70.5))


def test_meets_and_gap():
    assert Interval(1, 2).meets(Interval(2, 3))
    assert not Interval(1, 2).meets(Interval(2.5, 3))
    assert Interval(1, 2).gap(Interval(2.5, 3)) == pytest.approx(0.5)
    assert Interval(1, INF).meets(Interval(100, 200))


def test_widen_relative_keeps_open_sides():
    assert Interval(100, 200).widen(0.1) == Interval(90, 220)
    assert Interval(100, INF).widen(0.1) == Interval(90, INF)
    assert Interval(-200, -100).widen(0.1) == Interval(-220, -90)


def test_from_quantity_uses_bounds_and_opens_missing_sides():
    q = Quantity("over 45%", 0, 8, 45.0, None, 45.0, None, "%", "lower", "percent")
    assert from_quantity(q) == Interval(45, INF)
    q2 = Quantity("4.28 million ETH", 0, 16, 4.28e6, None, 4.275e6, 4.285e6, "ETH", "exact", "amount")
    assert from_quantity(q2) == Interval(4.275e6, 4.285e6)


def test_from_quantity_negative_sign_flips_magnitude_bounds():
    q = Quantity("-15%", 0, 4, 15.0, None, 14.5, 15.5, "%", "exact", "percent", sign=-1)
    assert from_quantity(q) == Interval(-15.5, -14.5)


# ---------------------------------------------------------------- property loops (seeded)


def _rand_interval(rng: random.Random) -> Interval:
    a, b = rng.uniform(-100, 100), rng.uniform(-100, 100)
    return Interval(min(a, b), max(a, b))


def _members(rng: random.Random, iv: Interval, n: int = 5) -> list[float]:
    return [iv.lo, iv.hi] + [rng.uniform(iv.lo, iv.hi) for _ in range(n)]


@pytest.mark.parametrize("op", ["+", "-", "*", "/"])
def test_property_results_of_members_stay_inside(op):
    rng = random.Random(1234 + ord(op))
    for _ in range(400):
        x, y = _rand_interval(rng), _rand_interval(rng)
        z = {"+": x + y, "-": x - y, "*": x * y, "/": x / y}[op]
        for a in _members(rng, x):
            for b in _members(rng, y):
                if op == "/" and b == 0:
                    continue
                r = {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else 0}[op]
                assert z.lo - 1e-9 * max(1, abs(r)) <= r <= z.hi + 1e-9 * max(1, abs(r)), (x, y, a, b, r, z)


def test_property_meets_is_symmetric_and_matches_intersection():
    rng = random.Random(99)
    for _ in range(1000):
        x, y = _rand_interval(rng), _rand_interval(rng)
        assert x.meets(y) == y.meets(x)
        assert x.meets(y, eps=0) == (x.intersect(y) is not None)


def test_property_widen_contains_original():
    rng = random.Random(7)
    for _ in range(500):
        x = _rand_interval(rng)
        w = x.widen(rng.uniform(0, 0.5))
        assert w.lo <= x.lo and w.hi >= x.hi


def test_property_positive_division_is_tight():
    rng = random.Random(5)
    for _ in range(500):
        x = Interval(*sorted((rng.uniform(0.1, 10), rng.uniform(0.1, 10))))
        y = Interval(*sorted((rng.uniform(0.1, 10), rng.uniform(0.1, 10))))
        z = x / y
        assert math.isclose(z.lo, x.lo / y.hi) and math.isclose(z.hi, x.hi / y.lo)

"""Shared pieces of the extraction benchmarks: running the extractor on a sentence and matching its
quantities against expected figures (span overlap + value agreement), stdlib only.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

REL_TOL = 1e-6


SUFFIX = {"markdown": ".md", "text": ".txt", "html": ".html"}


def load_extractor(fmt: str = "markdown"):
    """factcheck.extract.extract_quantities on a sentence parsed as a `fmt` document ("markdown", "text"),
    or exit 2 with a message when the extractor cannot be imported."""
    sys.path.insert(0, str(ROOT))
    try:
        from factcheck.document import parse
        from factcheck.extract import extract_quantities
    except ImportError as exc:  # the extractor is being written in parallel
        print(f"extractor not importable yet: {exc}", file=sys.stderr)
        raise SystemExit(2) from None

    path = "sentence" + SUFFIX[fmt]

    def run(text: str) -> list[Any]:
        return list(extract_quantities(parse(text, path, fmt)))

    return run


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b)) or abs(a - b) < 1e-12


def norm_unit(unit: str | None) -> str:
    """Case, spaces and underscores do not matter: "terawatt_hour" == "terawatt hour"; None == ""."""
    return (unit or "").lower().replace("_", "").replace(" ", "")


def our_units(q: Any) -> set[str]:
    """The unit strings a predicted quantity answers to: its unit, and unit/per when it is a rate."""
    units = {norm_unit(q.unit)}
    per = getattr(q, "per", None)
    if per:
        units.add(norm_unit(q.unit) + "/" + norm_unit(per))
    return units


def find_span(text: str, surface: str, nth: int = 1, after: int = 0) -> tuple[int, int]:
    """The nth occurrence of surface at or after `after`; prefers occurrences not inside a longer number."""
    starts = []
    i = text.find(surface, after)
    while i >= 0:
        starts.append(i)
        i = text.find(surface, i + 1)
    if not starts:
        raise ValueError(f"surface {surface!r} not in {text!r}")

    def clean(i: int) -> bool:
        before = text[i - 1] if i > 0 else " "
        after_ch = text[i + len(surface)] if i + len(surface) < len(text) else " "
        return not (before.isalnum() and surface[:1].isalnum()) and not (after_ch.isdigit() and surface[-1:].isdigit())

    preferred = [i for i in starts if clean(i)] or starts
    pick = preferred[min(nth, len(preferred)) - 1]
    return pick, pick + len(surface)


@dataclass
class Expected:
    start: int
    end: int
    surface: str
    value: float
    high: float | None = None  # range: the high end (annotated set)
    mean_of_range: bool = False  # quantulum3: value is the mean of a range of half-width `uncertainty`
    uncertainty: float | None = None
    units: set[str] = field(default_factory=set)  # acceptable normalised units
    unit_label: str = ""
    optional: bool = False
    pair_ok: bool = False
    alts: list[tuple[float, set[str]]] = field(default_factory=list)  # other readings: (value, units)
    data: dict = field(default_factory=dict)  # the raw annotation
    # filled by match()
    match: list[Any] = field(default_factory=list)  # 1 quantity, or 2 for a from/to pair
    unit_ok: bool = False

    @property
    def ends(self) -> tuple[float, float] | None:
        if self.high is not None:
            return self.value, self.high
        if self.mean_of_range and self.uncertainty:
            return self.value - self.uncertainty, self.value + self.uncertainty
        return None


def overlaps(q: Any, e: Expected) -> int:
    return max(0, min(q.end, e.end) - max(q.start, e.start))


def agree(q: Any, e: Expected) -> set[str] | None:
    """The acceptable units of the reading of `e` that q's value agrees with, or None when none does."""
    if q.value is None:
        return None
    if e.high is not None:  # annotated range: both ends
        ok = q.high is not None and close(q.value, e.value) and close(q.high, e.high)
        return e.units if ok else None
    if e.mean_of_range:  # quantulum3 range: their value is the midpoint
        if q.high is not None:
            return e.units if close((q.value + q.high) / 2, e.value) else None
        return e.units if close(q.value, e.value) else None
    if q.high is not None:
        return None
    for value, units in [(e.value, e.units), *e.alts]:
        if close(q.value, value):
            return units
    return None


def value_agrees(q: Any, e: Expected) -> bool:
    return agree(q, e) is not None


def match(expected: list[Expected], predicted: list[Any]) -> list[Any]:
    """Assign predictions to expected figures in place; return the unmatched predictions."""
    free = list(predicted)
    for e in expected:
        cands = [q for q in free if overlaps(q, e) and value_agrees(q, e)]
        if cands:
            best = max(cands, key=lambda q: (bool(agree(q, e) & our_units(q)), overlaps(q, e)))
            e.match = [best]
            e.unit_ok = bool(agree(best, e) & our_units(best))
            free.remove(best)
    for e in expected:  # a range written "from X to Y" may come back as two figures
        if e.match or not e.pair_ok or e.ends is None:
            continue
        lo, hi = e.ends
        ps = [q for q in free if overlaps(q, e) and q.high is None]
        a = next((q for q in ps if close(q.value, lo)), None)
        b = next((q for q in ps if q is not a and close(q.value, hi)), None)
        if a is not None and b is not None:
            e.match = [a, b]
            e.unit_ok = bool(e.units & our_units(a)) and bool(e.units & our_units(b))
            free.remove(a)
            free.remove(b)
    return free


@dataclass
class Score:
    n_exp: int = 0
    n_pred: int = 0
    tp: int = 0
    tp_unit: int = 0

    def add(self, other: Score) -> None:
        self.n_exp += other.n_exp
        self.n_pred += other.n_pred
        self.tp += other.tp
        self.tp_unit += other.tp_unit

    @staticmethod
    def prf(tp: int, n_pred: int, n_exp: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 1.0
        r = tp / n_exp if n_exp else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def value(self) -> tuple[float, float, float]:
        return self.prf(self.tp, self.n_pred, self.n_exp)

    @property
    def value_unit(self) -> tuple[float, float, float]:
        return self.prf(self.tp_unit, self.n_pred, self.n_exp)


def score_sentence(expected: list[Expected], unmatched: list[Any]) -> Score:
    """Counts: optional figures neither count when missed nor make their match a false positive.
    A pair matched to one range counts once (one true positive, no false positive)."""
    s = Score()
    for e in expected:
        if e.optional:
            continue
        s.n_exp += 1
        if e.match:
            s.tp += 1
            s.tp_unit += e.unit_ok
    s.n_pred = s.tp + len(unmatched)
    return s


def fmt_q(q: Any) -> str:
    rng = f"..{q.high:g}" if q.high is not None else ""
    per = f"/{q.per}" if getattr(q, "per", None) else ""
    v = "None" if q.value is None else f"{q.value:g}"
    return f"{q.text!r} = {v}{rng} {q.unit or '-'}{per} [{q.bound}, {q.kind}]"


def pct(x: float) -> str:
    return "  n/a" if math.isnan(x) else f"{100 * x:5.1f}"


# ---------------------------------------------------------------- other engines, for comparison


@dataclass
class Found:
    """A quantity from another extractor, shaped like factcheck's Quantity for the matcher."""

    text: str
    start: int
    end: int
    value: float | None
    high: float | None
    unit: str | None
    bound: str = "exact"
    kind: str = "count"
    low_bound: float | None = None
    high_bound: float | None = None
    per: str | None = None


def _quantulum3_unit_map() -> dict[str, str]:
    import tomllib

    with (Path(__file__).resolve().parent / "quantulum3_units.toml").open("rb") as fh:
        data = tomllib.load(fh)["units"]
    return {name: spellings[0] for name, spellings in data.items()}


def load_engine(name: str, fmt: str = "markdown"):
    """"factcheck" (the default) or "quantulum3" (run with a Python that has quantulum3 installed; units
    are mapped back through quantulum3_units.toml, ranges mean +- uncertainty become low..high; it has no
    bounds, intervals or dates, so those scores are not meaningful for it)."""
    if name == "factcheck":
        return load_extractor(fmt)
    if name != "quantulum3":
        raise SystemExit(f"unknown engine {name!r}")
    import warnings

    warnings.filterwarnings("ignore")
    try:
        from quantulum3 import parser
    except ImportError:
        print("quantulum3 is not installed in this Python (pip install quantulum3 in a separate venv)",
              file=sys.stderr)
        raise SystemExit(2) from None
    units = _quantulum3_unit_map()
    money = {"USD", "EUR", "GBP"}

    def run(text: str) -> list[Found]:
        out = []
        for q in parser.parse(text):
            mapped = units.get(q.unit.name)
            unit, per = (mapped.split("/", 1) if mapped and "/" in mapped else (mapped, None))
            unc = q.uncertainty or 0
            lo, hi = (q.value - unc, q.value + unc) if unc else (q.value, None)
            kind = "percent" if unit == "%" else "amount" if unit in money else "count" if not unit else "measure"
            out.append(Found(q.surface, q.span[0], q.span[1], lo, hi, unit or None, kind=kind, per=per))
        return out

    return run

"""Score factcheck's quantity extractor on quantulum3's en_US test sets.

    /tmp/v/bin/python benchmarks/quantulum3_score.py [--verbose] [--dir DIR]

Data: ../shared/benchmarks/quantities/quantulum3 (quantities.json, quantities.ambiguity.json, errors.json);
exits 0 with a message when it is absent.

A predicted quantity matches an expected one when the spans overlap and the values agree within 1e-6
relative. quantulum3 writes a range as mean +- uncertainty: a range we report as value..high matches
when (value+high)/2 equals their value, and a "from X to Y" we report as two figures matches when the two
values are their mean -+ uncertainty (counted once, listed as "pair"). Our kind == "date" quantities are
ignored. Value+unit additionally needs the unit to map (benchmarks/quantulum3_units.toml).

quantulum3 tags bare years ("in 1979") as dimensionless numbers; we report them as dates (ignored), so
they are recall misses in the "all" rows. The "years as dates" rows leave out expected figures that a
date of ours covers with the same value, to show the rest of the picture.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _scoring import (  # noqa: E402
    SHARED,
    Expected,
    Score,
    close,
    find_span,
    fmt_q,
    load_engine,
    match,
    norm_unit,
    our_units,
    overlaps,
    pct,
    score_sentence,
)

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = SHARED / "benchmarks" / "quantities" / "quantulum3"
SETS = ("quantities.json", "quantities.ambiguity.json")


def load_units() -> dict[str, set[str]]:
    with (HERE / "quantulum3_units.toml").open("rb") as fh:
        data = tomllib.load(fh)["units"]
    return {name: {norm_unit(u) for u in spellings} for name, spellings in data.items()}


def load_conversions() -> dict[str, tuple[float, set[str]]]:
    with (HERE / "quantulum3_units.toml").open("rb") as fh:
        data = tomllib.load(fh).get("convert", {})
    return {name: (float(c["factor"]), {norm_unit(u) for u in c["units"]}) for name, c in data.items()}


CONVERSIONS = load_conversions()


def expected_for(record: dict, units: dict[str, set[str]]) -> list[Expected]:
    out = []
    after = 0
    for r in record["res"]:
        start, end = find_span(record["req"], r["surface"], after=after)
        after = start + 1
        unc = r.get("uncertainty")
        out.append(
            Expected(
                start=start,
                end=end,
                surface=r["surface"],
                value=float(r["value"]),
                mean_of_range=bool(unc),
                uncertainty=float(unc) if unc else None,
                units=units.get(r["unit"], set()),
                unit_label=r["unit"],
                pair_ok=True,
                alts=fraction_as_percent(r) + converted(r),
                data=r,
            )
        )
    return out


def fraction_as_percent(r: dict) -> list[tuple[float, set[str]]]:
    """A dimensionless fraction ("two thirds" = 0.667) may come back as a percent (66.7 %): same figure."""
    if r["unit"] == "dimensionless" and 0 < abs(float(r["value"])) < 1:
        return [(float(r["value"]) * 100, {"%"})]
    return []


def converted(r: dict) -> list[tuple[float, set[str]]]:
    """The same figure in the unit our contract uses ("100 cent" -> 1 USD), from [convert]."""
    if r["unit"] in CONVERSIONS:
        factor, units = CONVERSIONS[r["unit"]]
        return [(float(r["value"]) * factor, units)]
    return []


def year_as_date(e: Expected, dates: list) -> bool:
    """An expected bare number that one of our date quantities covers with the same value (a year)."""
    if e.unit_label != "dimensionless":
        return False
    for d in dates:
        if overlaps(d, e) and (close(d.value, e.value) or e.surface.strip().isdigit() and len(e.surface) == 4):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="quantulum3 test-set directory")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every failure")
    ap.add_argument("--engine", default="factcheck", choices=["factcheck", "quantulum3"],
                    help="extractor to score (quantulum3: for comparison, needs it installed)")
    ap.add_argument("--format", default="markdown", choices=["markdown", "text"],
                    help="each sentence is read as a document of this format (default markdown, as drafts are)")
    args = ap.parse_args(argv)
    if not (args.dir / SETS[0]).exists():
        print(f"quantulum3 test set not found at {args.dir}: skipped")
        return 0
    extract = load_engine(args.engine, args.format)
    units = load_units()

    rows: list[tuple[str, Score]] = []
    failures: list[str] = []
    total_all, total_adj = Score(), Score()
    pairs = unit_unmapped = 0
    t0 = time.perf_counter()
    for name in SETS:
        records = json.loads((args.dir / name).read_text(encoding="utf-8"))
        s_all, s_adj = Score(), Score()
        for rec in records:
            text = rec["req"]
            try:
                qs = extract(text)
            except Exception as exc:  # noqa: BLE001 - a crash is a result here
                failures.append(f"[{name}] CRASH {type(exc).__name__}: {exc}\n    {text!r}")
                qs = []
            dates = [q for q in qs if q.kind == "date"]
            preds = [q for q in qs if q.kind != "date"]
            exp = expected_for(rec, units)
            unmatched = match(exp, preds)
            sc = score_sentence(exp, unmatched)
            s_all.add(sc)
            adj = [e for e in exp if not (not e.match and year_as_date(e, dates))]
            s_adj.add(score_sentence(adj, unmatched))
            pairs += sum(1 for e in exp if len(e.match) == 2)
            unit_unmapped += sum(1 for e in exp if not e.units)
            lines = []
            for e in exp:
                if not e.match:
                    near = [fmt_q(q) for q in qs if overlaps(q, e)]
                    tag = " (year; we say date)" if year_as_date(e, dates) else ""
                    lines.append(
                        f"  MISS  {e.surface!r} = {e.value:g}"
                        + (f" +- {e.uncertainty:g}" if e.uncertainty else "")
                        + f" {e.unit_label}{tag}; ours there: {', '.join(near) or 'nothing'}"
                    )
                elif not e.unit_ok:
                    got = sorted(set().union(*(our_units(q) for q in e.match)))
                    lines.append(
                        f"  UNIT  {e.surface!r}: expected {e.unit_label} -> {sorted(e.units) or 'unmapped'}, got {got}"
                    )
            for q in unmatched:
                lines.append(f"  EXTRA {fmt_q(q)}")
            if lines:
                failures.append(f"[{name}] {text!r}\n" + "\n".join(lines))
        rows.append((f"{name} (all)", s_all))
        rows.append((f"{name} (years as dates)", s_adj))
        total_all.add(s_all)
        total_adj.add(s_adj)
    rows.append(("combined (all)", total_all))
    rows.append(("combined (years as dates)", total_adj))
    elapsed = time.perf_counter() - t0

    crashes = 0
    err_path = args.dir / "errors.json"
    err_inputs = json.loads(err_path.read_text(encoding="utf-8")) if err_path.exists() else []
    for text in err_inputs:
        try:
            extract(text)
        except Exception as exc:  # noqa: BLE001
            crashes += 1
            failures.append(f"[errors.json] CRASH {type(exc).__name__}: {exc} on {text!r}")

    prf = f"{'P':>5} {'R':>5} {'F1':>5}"
    head = f"{'set':42} {'exp':>4} {'pred':>4} {'tp':>4} | {prf} | {'tp_u':>4} {prf}"
    print(f"quantulum3 en_US test sets, each sentence read as {args.format}: value match | value+unit match (percent)")
    print(head)
    print("-" * len(head))
    for label, s in rows:
        p, r, f = s.value
        pu, ru, fu = s.value_unit
        print(
            f"{label:42} {s.n_exp:4d} {s.n_pred:4d} {s.tp:4d} | {pct(p)} {pct(r)} {pct(f)} |"
            f" {s.tp_unit:4d} {pct(pu)} {pct(ru)} {pct(fu)}"
        )
    print(
        f"\nranges matched as a from/to pair: {pairs}; expected units with no mapping: {unit_unmapped};"
        f" errors.json: {len(err_inputs) - crashes}/{len(err_inputs)} parsed without raising;"
        f" extraction time {elapsed * 1000:.0f} ms"
    )
    if args.verbose:
        print("\nfailures:")
        for block in failures:
            print(block)
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())

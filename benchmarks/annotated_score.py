"""Score factcheck's quantity extractor on the hand-annotated news figures.

    /tmp/v/bin/python benchmarks/annotated_score.py [--verbose] [--file PATH] [--json OUT]
        [--format markdown|text] [--variant plain|wrap|nbsp] [--engine factcheck|quantulum3]

Data: benchmarks/annotated/news_figures.toml (format described at its top). Each sentence is extracted
alone as a document of --format (default markdown, as drafts are). A predicted quantity matches an
expected figure when the spans overlap and the values agree within 1e-6 relative (ranges: both ends).
Our kind == "date" quantities are not figures: they are scored apart (date recognition), and a non-date
quantity on an expected date is a false positive like any other unmatched one.

Reported: value P/R/F1, value+unit P/R/F1, bound accuracy, kind accuracy and exact-span rate over matched
figures, interval accuracy over matched figures with annotated bounds, subject and window accuracy over
matched figures with an annotated subject / window (wrong = another subject or window given; none = none
given), date recognition, and a per-category breakdown (recall per figure category; false positives per
sentence tag).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _scoring import (  # noqa: E402
    Expected,
    Score,
    close,
    find_span,
    fmt_q,
    load_engine,
    match,
    norm_unit,
    overlaps,
    pct,
    score_sentence,
)

HERE = Path(__file__).resolve().parent
DEFAULT_FILE = HERE / "annotated" / "news_figures.toml"
VARIANTS = {"plain": " ", "wrap": "\n", "nbsp": "\u00a0"}


def as_list(x: Any) -> list:
    return x if isinstance(x, list) else [x]


def load(path: Path) -> list[dict]:
    with path.open("rb") as fh:
        return tomllib.load(fh)["s"]


def expected_for(sent: dict) -> tuple[list[Expected], list[tuple[int, int, dict]]]:
    figures, dates = [], []
    for f in sent["f"]:
        start, end = find_span(sent["text"], f["surface"], f.get("nth", 1))
        if as_list(f["kind"]) == ["date"]:
            dates.append((start, end, f))
            continue
        figures.append(
            Expected(
                start=start,
                end=end,
                surface=f["surface"],
                value=float(f["value"]),
                high=float(f["high"]) if "high" in f else None,
                units={norm_unit(u) for u in as_list(f["unit"])},
                unit_label="|".join(u or "null" for u in as_list(f["unit"])),
                optional=bool(f.get("optional")),
                pair_ok=bool(f.get("pair_ok")),
                alts=[(float(a["value"]), {norm_unit(u) for u in as_list(a["unit"])}) for a in f.get("also", [])],
                data=f,
            )
        )
    return figures, dates


_PREPOSITIONS = ("in ", "over ", "during ", "for ", "on ", "at ", "within ", "across ")


def norm_subject(s: str | None) -> str:
    s = (s or "").replace("’", "'").strip().lower()
    s = s.removesuffix("'s").replace(".", "")
    return " ".join(s.split())


def norm_window(s: str | None) -> str:
    """Case, spacing and one leading preposition do not matter: "over 24 hours" == "24 hours"."""
    s = " ".join((s or "").lower().split())
    for p in _PREPOSITIONS:
        if s.startswith(p):
            return s[len(p):]
    return s


def side_ok(expected: Any, got: float | None) -> bool:
    if expected == "open":
        return got is None
    return got is not None and close(float(expected), got)


def categories(sent: dict, f: dict) -> list[str]:
    cats = list(f.get("cat", []))
    cats += [f"bound:{'|'.join(sorted(as_list(f['bound'])))}", f"kind:{'|'.join(sorted(as_list(f['kind'])))}"]
    cats.append(f"src:{sent['src']}")
    return cats


class Tally:
    def __init__(self) -> None:
        self.n = 0
        self.value = 0
        self.unit = 0
        self.bound = 0

    def row(self) -> str:
        def r(x: int) -> str:
            return pct(x / self.n) if self.n else "  n/a"

        return f"{self.n:4d} {r(self.value)} {r(self.unit)} {r(self.bound)}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--verbose", "-v", action="store_true", help="list every failure")
    ap.add_argument("--engine", default="factcheck", choices=["factcheck", "quantulum3"],
                    help="extractor to score (quantulum3: for comparison, needs it installed)")
    ap.add_argument("--format", default="markdown", choices=["markdown", "text"],
                    help="each sentence is read as a document of this format (default markdown, as drafts are)")
    ap.add_argument("--json", type=Path, help="write per-figure results as JSON here")
    ap.add_argument(
        "--variant",
        choices=sorted(VARIANTS),
        default="plain",
        help="rewrite every sentence first: wrap = every space a line break (Markdown soft wrap),"
        " nbsp = every space a no-break space; offsets are unchanged",
    )
    args = ap.parse_args(argv)
    sentences = load(args.file)
    extract = load_engine(args.engine, args.format)

    total = Score()
    n_matched = n_bound = n_kind = n_span = 0
    n_iv = n_iv_ok = 0
    n_dates = n_dates_found = n_dates_as_amount = 0
    attr = {k: {"n": 0, "ok": 0, "wrong": 0, "none": 0} for k in ("subject", "window")}
    by_cat: dict[str, Tally] = defaultdict(Tally)
    fp_by_tag: dict[str, int] = defaultdict(int)
    sent_by_tag: dict[str, int] = defaultdict(int)
    failures: list[dict] = []
    t0 = time.perf_counter()
    for sent in sentences:
        text = sent["text"].replace(" ", VARIANTS[args.variant])
        try:
            qs = extract(text)
        except Exception as exc:  # noqa: BLE001 - a crash is a result here
            detail = f"{type(exc).__name__}: {exc}"
            failures.append({"id": sent["id"], "text": text, "class": "crash", "detail": detail})
            qs = []
        ours_dates = [q for q in qs if q.kind == "date"]
        preds = [q for q in qs if q.kind != "date"]
        exp, dates = expected_for(sent)
        unmatched = match(exp, preds)
        total.add(score_sentence(exp, unmatched))

        def fail(cls: str, detail: str, _sent: dict = sent) -> None:
            failures.append({"id": _sent["id"], "text": _sent["text"], "class": cls, "detail": detail})

        for e in exp:
            f = e.data
            if e.optional:
                continue
            for c in categories(sent, f):
                t = by_cat[c]
                t.n += 1
                if e.match:
                    t.value += 1
                    t.unit += e.unit_ok
                    t.bound += len(e.match) == 1 and e.match[0].bound in as_list(f["bound"])
            want = (
                f"{e.surface!r} = {e.value:g}" + (f"..{e.high:g}" if e.high is not None else "")
                + f" {e.unit_label} [{'|'.join(as_list(f['bound']))}, {'|'.join(as_list(f['kind']))}]"
            )
            if not e.match:
                near = [fmt_q(q) for q in qs if overlaps(q, e)]
                fail("miss", f"expected {want}; got {', '.join(near) or 'nothing'}")
                continue
            n_matched += 1
            got = ", ".join(fmt_q(q) for q in e.match)
            if len(e.match) == 2:
                fail("range-as-pair", f"expected {want}; got {got}")
            q = e.match[0]
            if not e.unit_ok:
                fail("unit", f"expected {want}; got {got}")
            if len(e.match) == 1 and q.bound in as_list(f["bound"]):
                n_bound += 1
            elif len(e.match) == 1:
                fail("bound", f"expected {want}; got {got}")
            if q.kind in as_list(f["kind"]):
                n_kind += 1
            else:
                fail("kind", f"expected {want}; got {got}")
            if len(e.match) == 1 and (q.start, q.end) == (e.start, e.end):
                n_span += 1
            for key, norm in (("subject", norm_subject), ("window", norm_window)):
                if key in f and len(e.match) == 1:
                    a = attr[key]
                    a["n"] += 1
                    got_attr = getattr(q, key, None)
                    if got_attr and norm(got_attr) in {norm(x) for x in as_list(f[key])}:
                        a["ok"] += 1
                    else:
                        a["wrong" if got_attr else "none"] += 1
                        fail(key, f"expected {key} {f[key]!r}, got {got_attr!r}; figure {want}")
            for side, got_side in (("low_bound", q.low_bound), ("high_bound", q.high_bound)):
                if side in f and len(e.match) == 1:
                    n_iv += 1
                    if side_ok(f[side], got_side):
                        n_iv_ok += 1
                    else:
                        fail("interval", f"{side}: expected {f[side]}, got {got_side}; figure {want}; got {got}")
        for q in unmatched:
            on_date = any(q.start < de and ds < q.end for ds, de, _ in dates)
            fail("date-as-amount" if on_date else "extra", f"got {fmt_q(q)}")
            for tag in sent.get("tags", []) + [f"src:{sent['src']}"]:
                fp_by_tag[tag] += 1
        for tag in sent.get("tags", []) + [f"src:{sent['src']}"]:
            sent_by_tag[tag] += 1
        for ds, de, f in dates:
            if f.get("optional"):
                continue
            n_dates += 1
            if any(q.start < de and ds < q.end for q in ours_dates):
                n_dates_found += 1
            else:
                fail("date-missed", f"expected date {f['surface']!r}")
            if any(q.start < de and ds < q.end for q in preds):
                n_dates_as_amount += 1
    elapsed = time.perf_counter() - t0

    p, r, f1 = total.value
    pu, ru, fu = total.value_unit
    n_fig = sum(1 for s in sentences for f in s["f"] if as_list(f["kind"]) != ["date"] and not f.get("optional"))
    variant = f", as {args.format}" + ("" if args.variant == "plain" else f", variant {args.variant}")
    print(f"annotated news figures: {len(sentences)} sentences, {n_fig} scored figures ({args.file.name}{variant})")
    print(f"  value       P {pct(p)}  R {pct(r)}  F1 {pct(f1)}"
          f"   (tp {total.tp}, predicted {total.n_pred}, expected {total.n_exp})")
    print(f"  value+unit  P {pct(pu)}  R {pct(ru)}  F1 {pct(fu)}   (tp {total.tp_unit})")

    def frac(a: int, b: int) -> str:
        return f"{pct(a / b) if b else '  n/a'}% ({a}/{b})"

    print(f"  bound accuracy     {frac(n_bound, n_matched)}   over matched figures")
    print(f"  kind accuracy      {frac(n_kind, n_matched)}")
    print(f"  exact span         {frac(n_span, n_matched)}")
    print(f"  interval accuracy  {frac(n_iv_ok, n_iv)}   over annotated interval sides of matched figures")
    for key, a in attr.items():
        if a["n"]:
            print(f"  {key + ' accuracy':18} {frac(a['ok'], a['n'])}   wrong {a['wrong']}, none {a['none']}"
                  f"   over matched figures with an annotated {key}")
    print(f"  dates recognised   {frac(n_dates_found, n_dates)};  dates also reported as amounts: {n_dates_as_amount}")
    print(f"  extraction time    {elapsed * 1000:.0f} ms")
    print("\nper category (expected figures; recall % value, value+unit; bound accuracy % of all in category)")
    print(f"  {'category':24} {'n':>4} {'val':>5} {'v+u':>5} {'bnd':>5}")
    for cat in sorted(by_cat, key=lambda c: (c.split(":")[0] if ":" in c else "", c)):
        print(f"  {cat:24} {by_cat[cat].row()}")
    print("\nfalse positives per sentence tag (sentences with the tag)")
    for tag in sorted(sent_by_tag):
        print(f"  {tag:24} {fp_by_tag[tag]:4d}  ({sent_by_tag[tag]} sentences)")
    counts: dict[str, int] = defaultdict(int)
    for fl in failures:
        counts[fl["class"]] += 1
    print("\nfailures by class: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])))
    if args.verbose:
        print()
        for cls in sorted(counts, key=lambda k: -counts[k]):
            print(f"== {cls} ({counts[cls]})")
            for fl in failures:
                if fl["class"] == cls:
                    print(f"  [{fl['id']}] {fl['text']}\n      {fl['detail']}")
    if args.json:
        args.json.write_text(json.dumps({"failures": failures}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

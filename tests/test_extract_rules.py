"""The extractor's rules/*.toml files are well-formed: what a user edits there cannot silently break."""

import re
from collections import Counter

from factcheck.resources import load_rules_file


def test_rules_assets_have_unique_uppercase_tickers():
    assets = load_rules_file("assets.toml")["asset"]
    tickers = [a["ticker"] for a in assets]
    assert len(assets) >= 100
    assert [t for t, n in Counter(tickers).items() if n > 1] == []
    for a in assets:
        assert a["ticker"] == a["ticker"].upper(), a
        for form in a.get("forms", []):
            assert form.upper() == a["ticker"], a


def test_rules_word_tickers_are_never_lowercase_names():
    from factcheck.extract.lexicon import lexicon

    lex = lexicon()
    for word in ("one", "ton", "link", "sun", "trump", "s", "ip", "om", "just", "maker", "story", "gate"):
        assert word not in lex.asset_names, word
        assert word not in lex.asset_tickers, word


def test_rules_currencies_map_to_iso_codes():
    units = load_rules_file("units.toml")["currency"]
    codes = set(units["codes"])
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    for table in ("symbols", "words"):
        for surface, code in units[table].items():
            assert code in codes or code in {"BTC"}, (surface, code)
    for surface, sub in units["subunits"].items():
        assert sub["factor"] < 1, surface


def test_rules_each_hedge_phrase_has_one_bound():
    hedges = load_rules_file("hedges.toml")
    for side in ("before", "after"):
        seen = Counter(p.lower() for bound in hedges[side].values() for p in bound)
        assert [p for p, n in seen.items() if n > 1] == [], side
    assert 0 < hedges["tolerance"]["approx"] < 0.5


def test_rules_window_patterns_compile():
    from factcheck.extract.lexicon import lexicon

    lex = lexicon()
    assert lex.window_patterns and lex.window_after_patterns
    for p in lex.window_patterns + lex.window_after_patterns:
        re.compile(p, re.I)


def test_rules_scales_and_number_words():
    numbers = load_rules_file("numbers.toml")
    for table in ("words", "attached", "spaced"):
        values = numbers["scales"][table].values()
        assert all(v >= 10 for v in values), table
    assert numbers["words"]["fifteen"] == 15
    assert 0 < numbers["fractions"]["third"] < 1

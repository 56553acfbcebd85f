from factcheck.sentences import sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_decimals_abbreviations_and_initials_do_not_end_sentences():
    text = "BitMine holds 4.28 million ETH. The U.S. firm, Acme Inc. rose 5% on Feb. 3, J. Doe said. Next."
    assert _split(text) == [
        "BitMine holds 4.28 million ETH.",
        "The U.S. firm, Acme Inc. rose 5% on Feb. 3, J. Doe said.",
        "Next.",
    ]


def test_blank_lines_headings_and_list_items_break_sentences():
    text = "## BTC slides\nBitcoin fell 3%\n\nEther rose\n- item one $5\n- item two"
    assert _split(text) == ["## BTC slides", "Bitcoin fell 3%", "Ether rose", "- item one $5", "- item two"]


def test_wrapped_lines_inside_a_paragraph_stay_one_sentence():
    assert _split("Bitcoin fell 3% to\n$70,000 on Monday.") == ["Bitcoin fell 3% to\n$70,000 on Monday."]

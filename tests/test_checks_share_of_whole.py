"""share-of-whole: bracketed shares, sums of shares and parts, totals and remainders."""

from __future__ import annotations

from checks_support import findings, flagged

IWF = (
    "The IWF also discovered 3,440 AI videos of child sexual abuse, a 26,362% surge from the 13 videos found the "
    "previous year. 2,230 ({a}) of the videos were categorized as Category A, while a further 1,020 ({b}) were "
    "categorized as Category B."
)


def test_share_of_whole_iwf_shares_pass_with_rounding():
    assert not flagged("share-of-whole", IWF.format(a="65%", b="30%"))


def test_share_of_whole_wrong_share_flagged_with_whole_from_earlier_sentence():
    (f,) = findings("share-of-whole", IWF.format(a="75%", b="30%"))
    assert f.text == "75%"
    assert "64.8%" in f.message
    assert {r.text for r in f.related} == {"2,230", "3,440"}


def test_share_of_whole_trap_whole_smaller_than_part_is_not_the_whole():
    # "the 13 videos" is followed by the noun too, but cannot be the whole of 2,230
    assert not flagged("share-of-whole", IWF.format(a="65%", b="30%"))


def test_share_of_whole_shares_over_100_percent():
    found = findings(
        "share-of-whole", "Of the 500 exchanges reviewed, 320 (64%) were licensed while 250 (50%) were not."
    )
    assert any(f.text == "50%" and "100%" in f.message for f in found)
    assert all(f.severity == "error" for f in found)


def test_share_of_whole_parts_of_a_stated_total():
    ok = (
        "Of the first $250 million installment, $187 million was directed to family entities. "
        "Another $31 million was routed to the co-founders."
    )
    assert not flagged("share-of-whole", ok)
    assert flagged("share-of-whole", ok.replace("$31 million", "$91 million")) == ["$91 million"]


def test_share_of_whole_remaining():
    text = "Of the $50 million raised, $30 million went to development and the remaining $16 million to marketing."
    (f,) = findings("share-of-whole", text)
    assert f.text == "$16 million" and "$20 million" in f.message
    assert not flagged("share-of-whole", text.replace("$16 million", "$20 million"))


def test_share_of_whole_trap_shares_of_different_wholes_are_not_added():
    text = (
        "Foreign investors can own up to 49% of these exchanges. Institutional members must provide at least 65% "
        "of the starting capital. Of that portion, at least 35% must come from banks."
    )
    assert not flagged("share-of-whole", text)


def test_share_of_whole_trap_unrelated_following_sentence_is_not_a_part():
    text = "Of the first $250 million installment, $187 million went to family entities. The firm raised $300 million."
    assert not flagged("share-of-whole", text)


def test_share_of_whole_of_which():
    text = "Stablecoins reached $310 billion in supply, of which USDT is $187 billion ({p})."
    assert not flagged("share-of-whole", text.format(p="60%"))
    assert flagged("share-of-whole", text.format(p="70%")) == ["70%"]


def test_share_of_whole_trap_signed_bracket_is_a_change():
    assert not flagged("share-of-whole", "Sales reached 2,230 (+65%) of the 3,440 units planned.")

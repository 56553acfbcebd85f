"""share-of-whole: shares of one whole stated as exhaustive ("the remaining 30%") add up to 100%."""

from __future__ import annotations

from checks_support import findings, flagged

SURVEY = (
    "Of the 1,200 respondents, 540 ({held}) said they held crypto, and another 25% said they planned to buy "
    "some within 12 months. The remaining {rest} had no plans."
)


def test_share_of_whole_remainder_after_another_share_must_close_to_100_percent():
    (f,) = findings("share-of-whole", SURVEY.format(held="45%", rest="40%"))
    assert f.text == "40%" and f.expected == "30%"
    assert {r.text for r in f.related} >= {"45%", "25%", "1,200"}


def test_share_of_whole_correct_remainder_passes():
    assert not flagged("share-of-whole", SURVEY.format(held="45%", rest="30%"))
    assert not flagged("share-of-whole", SURVEY.format(held="45%", rest="about 30%"))


def test_share_of_whole_remainder_reads_a_contradicted_share_as_part_over_whole():
    found = {f.text: f for f in findings("share-of-whole", SURVEY.format(held="54%", rest="40%"))}
    assert set(found) == {"54%", "40%"}
    assert found["40%"].expected == "30%"


def test_share_of_whole_remainder_that_fits_the_stated_shares_is_not_flagged_twice():
    # 54% is wrong (540 / 1,200 = 45%) but 100 - 54 - 25 = 21: the remainder fits the shares as written
    assert flagged("share-of-whole", SURVEY.format(held="54%", rest="21%")) == ["54%"]


def test_share_of_whole_remainder_in_the_same_sentence():
    text = "Of the 1,000 respondents, 700 (70%) said yes and the remaining 20% said no."
    (f,) = findings("share-of-whole", text)
    assert f.text == "20%" and f.expected == "30%"
    assert not flagged("share-of-whole", text.replace("20%", "30%"))


def test_share_of_whole_trap_another_share_of_something_else():
    text = SURVEY.format(held="45%", rest="40%").replace("another 25% said", "another 25% of their friends said")
    assert not flagged("share-of-whole", text)


def test_share_of_whole_trap_remainder_of_another_whole():
    text = (
        "Of the 1,200 respondents, 540 (45%) said they held crypto, and another 25% said they planned to buy some. "
        "The remaining 40% of the tokens are locked."
    )
    assert not flagged("share-of-whole", text)


def test_share_of_whole_trap_percent_change_between_share_and_remainder():
    text = (
        "Of the 1,200 respondents, 540 (45%) said they held crypto, whose prices rose another 25% this year. "
        "The remaining 40% had no plans."
    )
    assert not flagged("share-of-whole", text)
    text2 = (
        "Of the 1,200 respondents, 540 (45%) said they held crypto, and another 25% rise in holders is expected. "
        "The remaining 40% had no plans."
    )
    assert not flagged("share-of-whole", text2)


def test_share_of_whole_trap_shares_of_different_wholes_in_one_paragraph():
    text = (
        "Of the 1,200 respondents, 540 (45%) said they held crypto. Of the 300 firms polled, 90 (30%) hold "
        "bitcoin. The remaining {rest} do not."
    )
    assert not flagged("share-of-whole", text.format(rest="70%"))
    (f,) = findings("share-of-whole", text.format(rest="55%"))
    assert f.text == "55%" and f.expected == "70%"

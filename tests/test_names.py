"""The one rule for a name a person types (core/names.py), shared by every place that takes one."""

import pytest

from tracetopics_pipeline.core.names import NameRefused, check_name, name_problem, text_problem


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Conn\u202eection setup", "U+202E"),  # right-to-left override reverses the row
        ("SAML SSO\u2066x", "U+2066"),  # an isolate, also format
        ("\u200b", "U+200B"),  # zero-width space: a nameless topic
        ("Billing\u2028refunds", "U+2028"),  # line separator
        ("Export\nsetup", "U+000A"),  # a newline: a new line of every list
        ("Export\x1b[31mred", "U+001B"),  # a terminal escape
        # review rv8 L1: letters and symbols that print as nothing, and stacked marks
        ("\u3164", "U+3164"),  # Hangul filler (a letter to unicodedata)
        ("\u115f\u1160", "U+115F"),
        ("\u2800\u2800", "U+2800"),  # braille blank
        ("pm\u034f", "U+034F"),  # combining grapheme joiner
        ("ana\ufe0f", "U+FE0F"),  # variation selector
        ("a" + "\u0336" * 21, "more than 2 combining marks"),
        ("---", "no letter or digit"),
        ("   ", "no letter or digit"),
        ("🙂🙂", "no letter or digit"),
    ],
)
def test_refused(name: str, why: str) -> None:
    assert why in (name_problem(name) or "")
    with pytest.raises(NameRefused, match="use plain text"):
        check_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "SAML SSO setup",
        "Сброс пароля",
        "请求退款",
        "CSV export (Q3)",
        "Charged twice 💳",
        "2FA",
        "é",
    ],
)
def test_accepted(name: str) -> None:
    assert name_problem(name) is None
    assert check_name(f"  {name} ") == name


def test_a_texts_rule_keeps_lines_and_refuses_reordering() -> None:
    assert text_problem("A description\n\twith lines 👩\u200d💻") is None
    assert "U+202E" in (text_problem("desc \u202e reversed") or "")


def test_length_and_the_facets_file_form() -> None:
    with pytest.raises(NameRefused, match="121 characters long; the limit is 120"):
        check_name("x" * 121, max_len=120)
    # a facet file's label may be all symbols (a label value, not a topic name), never unseen
    assert name_problem("+1", needs_word=False) is None
    assert "U+200B" in (name_problem("a\u200b", needs_word=False) or "")


@pytest.mark.parametrize(
    ("name", "odd"),
    [
        ("\u0410lice", "\u0410"),  # "Аlice": a Cyrillic capital A before Latin letters
        ("p\u0430ypal", "\u0430"),  # "pаypal": one Cyrillic a
        ("Review by \u0430dmin", "\u0430"),  # one word of several
        ("\u039flga", "\u039f"),  # "Οlga": a Greek capital omicron
        ("\u03a1ayPal refunds", "\u03a1"),  # Greek capital rho for P
        ("\u041f\u0440\u0438\u0432e\u0442", "e"),  # "Привeт": a Latin e among Cyrillic
        ("s\u0435\u0441urity team", "\u0435"),  # "sесurity": two Cyrillic letters
        ("\u03b1\u043f", "\u043f"),  # Greek and Cyrillic mixed, no Latin at all
    ],
)
def test_a_word_mixing_lookalike_scripts_is_refused(name: str, odd: str) -> None:
    """Unicode TS #39 mixed-script confusables: a word mixing Latin, Cyrillic and Greek letters
    reads as another name (an assignee "Аlice" is not Alice's queue)."""
    problem = name_problem(name) or ""
    assert "letters in the word" in problem and f"“{odd}”" in problem, problem
    assert f"U+{ord(odd):04X}" in problem and "\n" not in problem
    with pytest.raises(NameRefused, match="type each word in one alphabet"):
        check_name(name, what="the assignee")


@pytest.mark.parametrize(
    "name",
    [
        "\u041a\u0438\u0440\u0438\u043b\u043b",  # Кирилл: wholly Cyrillic
        "\u0395\u03bb\u03ad\u03bd\u03b7",  # Ελένη: wholly Greek, with its accent
        "\u7530\u4e2d",  # 田中
        "Alice \u041a\u0438\u0440\u0438\u043b\u043b",  # each word in one script
        "Anna-\u041c\u0430\u0440\u0438\u044f",  # a hyphen ends a word
        "iPhone\u7528",  # Latin with Han: no look-alikes between them
        "Zo\u00eb, na\u00efve caf\u00e9, \u0110or\u0111e, Tsch\u00fc\u00df",  # Latin with marks
        "\uff21lice",  # fullwidth Latin is Latin
        "200\u00b5s latency",  # the micro sign is not Greek
    ],
)
def test_names_in_one_script_per_word_pass(name: str) -> None:
    assert name_problem(name) is None
    assert check_name(name) == name

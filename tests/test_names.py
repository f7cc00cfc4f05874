"""The one rule for a name a person types (core/names.py), shared by every place that takes one."""

import pytest

from tracetopics_pipeline.core.names import NameRefused, check_name, name_problem


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Conn\u202eection setup", "U+202E"),  # right-to-left override reverses the row
        ("SAML SSO\u2066x", "U+2066"),  # an isolate, also format
        ("\u200b", "U+200B"),  # zero-width space: a nameless topic
        ("Billing\u2028refunds", "U+2028"),  # line separator
        ("Export\nsetup", "U+000A"),  # a newline: a new line of every list
        ("Export\x1b[31mred", "U+001B"),  # a terminal escape
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


def test_length_and_the_facets_file_form() -> None:
    with pytest.raises(NameRefused, match="121 characters long; the limit is 120"):
        check_name("x" * 121, max_len=120)
    # a facet file's label may be all symbols (a label value, not a topic name), never unseen
    assert name_problem("+1", needs_word=False) is None
    assert "U+200B" in (name_problem("a\u200b", needs_word=False) or "")

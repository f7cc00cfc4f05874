"""Churn risk: the session 23 review's two regressions (findings 6 and 7).

- The new-supplier veto (`local.unless`, 20f8f91) unsays only the reading of a party named by its
  kind ("We found a new supplier, how do I add them?"), not a cancel in the same sentence ("I want
  to cancel my membership, how do I update them with my new address?").
- "is / was not renewing" is a decision when a person or an organisation says it ("our board is
  not renewing our contract with you", "management isn't renewing"), a fault when a thing or a
  mechanism does ("autopay was not renewing my plan").
- A `local.unless` entry may be {regex, match}: it vetoes only the matches whose words `match` finds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_named_switch import _churn  # the Churn risk reader the churn tests share

from tracetopics_pipeline.core.facets.definitions import Facet, FacetConfigError, load_facets
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_leaving import leaving

_FIRED = ("HIGH", "CRITICAL")


@pytest.mark.parametrize(
    "text",
    [
        "I want to cancel my membership, how do I update them with my new address for the refund?",
        "We're cancelling our subscription and moving to Zoho, can you help us update them on the "
        "handover?",
        "Please close my account, can you update their contact details to our finance team for "
        "the last invoice?",
        "Cancel our plan today, we need to change their billing contact before the final invoice.",
        "I want to cancel my new membership, how do I update them with my address?",
    ],
)
def test_a_cancel_beside_a_record_question_still_cancels(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "We've found someone else to do our deliveries, how do I add them as a carrier?",
        "We went with a cheaper wholesaler, can I add them to the supplier list?",
        "We're moving to another courier, how do I set them up as the default?",
        "We found a new supplier, how do I add them?",
    ],
)
def test_a_new_party_set_up_in_the_product_stays_a_record(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "Our board is not renewing our contract with you.",
        "Management is not renewing our subscription.",
        "Our team is not renewing, sorry.",
        "My boss isn't renewing our plan this year.",
        "Our directors are not renewing the licence for your software.",
    ],
)
def test_a_person_or_organisation_not_renewing_leaves(text: str) -> None:
    assert _churn(text) == "CRITICAL", text
    assert leaving(text), text  # Sentiment hears the same words


@pytest.mark.parametrize(
    "text",
    [
        "Autopay is not renewing my subscription.",
        "The card was not renewing our plan.",
        "It is not renewing my subscription, is autopay broken?",
        "The auto-renew is not renewing our contract.",
        "Our IT team is not renewing the SSL certificate, it expires Friday.",
        "Our team is not renewing until the budget is approved.",
        "My boss isn't renewing his passport so he can't travel.",
    ],
)
def test_a_mechanism_or_a_thing_not_renewing_is_no_churn(text: str) -> None:
    assert _churn(text) not in _FIRED, text
    assert not leaving(text), text


def test_an_organisation_not_renewing_its_contract_still_leaves() -> None:
    assert _churn("The hospital is not renewing its contract.") == "CRITICAL"


def _facet_with_veto(tmp_path: Path, veto: str) -> Facet:
    p = tmp_path / "f.yaml"
    p.write_text(
        "version: 1\nfacets:\n  - name: X\n    labels: [{name: A, keywords: ['leav\\w+ \\w+']}, "
        "{name: NONE}]\n    default_label: NONE\n"
        f"    local: {{kind: rules, unless: [{veto}]}}\n"
    )
    return load_facets(p)[0]


def test_a_veto_with_match_reads_only_the_matches_it_names(tmp_path: Path) -> None:
    facet = _facet_with_veto(tmp_path, "{regex: 'how do i', match: 'new'}")
    assert apply_rules("Leaving town, how do I ...", facet)[1] == "A"
    assert apply_rules("Leaving new york, how do I ...", facet)[1] == "NONE"


@pytest.mark.parametrize("veto", ["{regex: 'x', when: 'y'}", "{match: 'y'}", "{regex: '(x'}"])
def test_a_veto_mapping_must_be_regex_and_match(tmp_path: Path, veto: str) -> None:
    with pytest.raises(FacetConfigError, match="local.unless"):
        _facet_with_veto(tmp_path, veto)

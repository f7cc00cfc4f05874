"""Session 21's adversary on the names (issue 12): a parent's pair names two things, not when
or to whom it happened (`grammar.thing_words`: "Ago and delivery questions", "March and musical
requests", "Age and daughter questions", "Mistake and transaction requests"), and a name is
not a compound's second half or a question's subject and verb without its auxiliary
(`context.cut_phrase`: "Way flight with 0 bags" from "one way flight", "Rate was incorrect for
an item" from "exchange rate", "Transfer take from Europe" from "how long does a transfer
take"). Several domains' phrasings each, with look-alikes that must not fire."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.topics.labels.context import word_context
from tracetopics_pipeline.core.topics.labels.grammar import label_problems, thing_words, verb_forms


@pytest.mark.parametrize(
    ("texts", "word", "thing"),
    [
        # a time adverb: when, not what about
        (["Songs from two years ago", "A transfer from a few days ago", "Paid a week ago"], "ago", False),
        (["Charged again later", "Will it arrive later", "Try later"], "later", False),
        # a month that is also a verb, said as a date
        (["Check the weather on March 6th", "A concert on March 13th", "the 12th of March"], "march", False),
        (["Book a table for May 3", "Flights on 2 May", "Any events on May 21st"], "may", False),
        # a mishap: how it happened
        (["Made a mistake with a transaction", "Cancel, it was a mistake", "Paid by mistake"], "mistake", False),
        (["Sent it by accident", "An accident with the transfer", "Ordered by accident"], "accident", False),
        # the person a request is for
        (["Get an account for my daughter", "Can my daughter have a card", "Card for my daughter"], "daughter", False),
        (["Add my husband to the plan", "My husband needs a line", "Plan for my husband"], "husband", False),
        # an adverb or a preposition
        (["Refresh incrementally instead of full reloads", "Use bulk instead", "Instead of CSV"], "instead", False),
        # an adjective before its noun
        (["Find a musical performance", "Any musical shows nearby", "A musical event on Friday"], "musical", False),
        (["A physical card please", "Order a physical card", "Where is my physical card"], "physical", False),
        (["Disposable virtual card", "A disposable card", "Disposable cards limit"], "disposable", False),
        (["My previous statement", "The previous plan", "Previous invoice missing"], "previous", False),
        # look-alikes: things
        (["Watch a musical tonight", "Tickets for a musical", "Which musical is on"], "musical", True),
        (["Join the march", "The march route", "Protest march downtown"], "march", True),
        (["Music from the 80s", "Play some music", "Find music by Adele"], "music", True),
        (["Clinic opening hours", "Is the clinic open", "Address of the clinic"], "clinic", True),
        (["My traffic dashboard", "Traffic report is late", "Web traffic drops"], "traffic", True),
        (["Cable box broken", "My cable bill", "Cable outage in my area"], "cable", True),
        (["Book a table at Thai Chili", "A table for two", "Table booking"], "table", True),
        (["Contactless payment failed", "Contactless not working", "Pay contactless"], "contactless", True),
        (["Refund of the deposit", "My deposit is missing", "Deposit a cheque"], "deposit", True),
    ],
)  # fmt: skip
def test_a_pair_word_is_a_thing_not_a_time_mishap_person_or_adjective(texts, word, thing):
    assert (word in thing_words({word}, texts, [1.0] * len(texts))) == thing


def _cut(name: str, texts: list[str]) -> bool:
    problems = label_problems(name, verbs=verb_forms(texts), context=word_context(texts))
    return "cut_phrase" in problems


@pytest.mark.parametrize(
    ("name", "texts"),
    [
        # a compound's second half: the texts put one modifier before the first word
        (
            "Rate was incorrect for an item",
            ["The exchange rate was incorrect for an item", "Is the exchange rate incorrect",
             "exchange rate was wrong when I bought", "What exchange rate do you use"],
        ),
        (
            "Way flight with 0 bags",
            ["Book a one way flight with 0 bags", "one way flight to NYC",
             "Find a one way flight for two", "I need a one way flight"],
        ),
        (
            "Pay top up",
            ["Top up with Google Pay", "Can I use Google Pay to top up",
             "Google Pay top up failed", "Is Google Pay supported"],
        ),
        (
            "Number not ported yet",
            ["My phone number not ported yet", "Phone number still on the old carrier",
             "Why is my phone number not ported", "phone number transfer stuck"],
        ),
        # a question's subject and bare verb without its auxiliary
        (
            "Transfer take from Europe",
            ["How long does a transfer take from Europe", "How long will a transfer take",
             "how long does a transfer take to arrive", "Does a transfer take long"],
        ),
        (
            "Top-up need to be verified",
            ["Why does my top-up need to be verified", "Does my top-up need verifying",
             "Why does the top-up need to be verified"],
        ),
        (
            "Refund take to show up",
            ["How long does a refund take to show up", "How long will the refund take",
             "Does the refund take days", "how many days does a refund take"],
        ),
        (
            "Salesforce connector support key-pair auth",
            ["Does the Salesforce connector support key-pair auth", "Does Salesforce connector support OAuth",
             "Can the Salesforce connector support SSO", "Will Salesforce connector support sandboxes",
             "Do you support Okta", "Do you support SAML"],
        ),
    ],
)  # fmt: skip
def test_a_compound_half_or_a_question_without_its_auxiliary_is_cut(name, texts):
    assert _cut(name, texts)


@pytest.mark.parametrize(
    ("name", "texts"),
    [
        # a verb before the first word is its object's, not a compound's
        ("Money from savings", ["Transfer money to my friend", "How to transfer money abroad",
                                "transfer money from savings"]),
        # the first word mostly alone, or after determiners
        ("Payment declined", ["My card payment was declined", "Payment declined at the shop",
                              "The payment declined again", "Payment was declined online"]),
        ("Rate for cash withdrawal", ["The rate is too high", "What rate do you charge",
                                      "Rate for cash withdrawal", "the rate changed"]),
        # a phrasal verb's noun, a statement with its tense, a question's own inversion
        ("Card top up", ["How do I top up my card", "Top up card with cash", "Card top up failed",
                         "Can I top up my card"]),
        ("Transfer takes long", ["Transfer takes long", "My transfer takes days",
                                 "The transfer takes ages"]),
        ("Currencies you support", ["What currencies do you support", "Currencies you support",
                                    "Which currencies do you support"]),
        ("Cancel plan", ["I want to cancel my plan", "Cancel plan now", "Please cancel my plan"]),
        # an adjective of amount: the head alone still names the thing
        ("Charges on November bill", ["Don't understand the extra charges on my November bill",
                                      "Extra charges on my November bill", "extra charges this month",
                                      "Why are there extra charges"]),
        ("Plan change", ["Upgrade my paid plan", "Change the paid plan to annual",
                         "Paid plan change", "Downgrade paid plan"]),
        # a compound ending on its action noun; a clause's verb before the first word
        ("Plan change", ["How do I change my plan", "Can I change plan mid-cycle",
                         "How can I change the plan", "Plan change fee"]),
        ("Something went wrong on every tile", ["Dashboard shows something went wrong",
                                                "Dashboard shows something went wrong on every tile",
                                                "Dashboard shows something went wrong again"]),
        # a modifier the texts vary: the head alone is the general name
        ("User provisioning", ["Set up SCIM user provisioning", "SCIM user provisioning fails",
                               "SCIM user provisioning", "JIT user provisioning for new hires",
                               "Set up JIT user provisioning"]),
        ("Cancel account access", ["How do I cancel account access", "How can I cancel account access",
                                   "Cancel account access for a user"]),
        ("Countries you operate", ["Which countries do you operate in", "Countries you operate in",
                                   "Do you operate in Spain"]),
        ("Delivery time", ["How long does delivery take", "Delivery time to the US",
                           "delivery time is long", "When does delivery arrive"]),
    ],
)  # fmt: skip
def test_whole_names_beside_compounds_and_questions_are_not_cut(name, texts):
    assert not _cut(name, texts)

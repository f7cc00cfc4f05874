"""Names of labelled facets' topics: the text a subtopic is named from (`labelled_text`), a
label value as a parent (`label_parent_name`), a facet of names' rare captures
(`maps.labelled_keys`), and the audit kinds for what a name must not carry."""

from __future__ import annotations

import pytest
from test_labels_local import _weighted, bag_of_words  # the same stand-ins

from tracetopics_pipeline.core.topics.labels.cleaning import (
    error_class,
    label_parent_name,
    labelled_text,
    own_part,
    wish_request,
)
from tracetopics_pipeline.core.topics.labels.grammar import (
    candidate_phrases,
    label_problems,
    wording_problems,
)

MULTI = (
    'Failed tool call: get_account returned \'{"error": "upstream_unavailable", "status": 503}\''
    "; Timeout: get_account timed out (+1 more); Escalation to human: called transfer_to_human"
    "; Incomplete answer: last user message got no reply"
)


@pytest.mark.parametrize(
    ("key", "part"),
    [
        ("failed_tool_call", "Failed tool call:"),
        ("TIMEOUT", "Timeout:"),
        ("escalation", "Escalation to human:"),
        ("incomplete_answer", "Incomplete answer:"),
    ],
)
def test_a_multi_issue_summary_names_each_label_from_its_own_part(key, part):
    assert own_part(MULTI, key).startswith(part)
    assert ";" not in own_part(MULTI, key)


def test_a_summary_that_is_not_a_list_of_labels_is_kept_whole():
    text = "Export failed; the user retried twice"
    assert own_part(text, "failed_tool_call") == text
    assert own_part("Refusal: I can't delete", "timeout") == "Refusal: I can't delete"


@pytest.mark.parametrize(
    ("payload", "cls"),
    [
        ('{"error": {"code": 500, "message": "Internal Server Error"}}', "Internal server error"),
        ('{"error": "upstream_unavailable", "status": 503}', "Upstream unavailable"),
        ('{"status": 403, "error": "permission denied for workspace acme"}', "Permission denied"),
        ("Error: HTTP 502 Bad Gateway from get_account", "Bad gateway"),
        ("Exception: KeyError('workspace_id') while running search_docs", "KeyError"),
        ("ValueError: invalid literal for int()", "ValueError"),
        ('{"error": "timeout", "detail": "timed out after 30000 ms"}', "Timeout"),
        ("request timed out", "Timeout"),
        ("500", "Internal server error"),
        ('{"status_code": 429}', "Too many requests"),
        ("Traceback (most recent call last):", "Exception"),
        (
            "'Error: payment amount does not add up, total price is 305'",
            "Payment amount does not add up",
        ),
        ("Error: flight HAT271 not available on date 2024-05-10", "Flight not available on date"),
        ("'Error: not enough seats on flight HAT139'", "Not enough seats on flight"),
        ("ok", ""),
    ],
)
def test_the_error_class_of_a_tool_answer_is_a_timeout_only_when_it_says_so(payload, cls):
    assert error_class(payload) == cls


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            'Failed tool call: create_ticket returned \'{"code": 500, "message": '
            '"Internal Server Error"}\'',
            "Failed tool call: Internal server error in ticket creation",
        ),
        (
            "Failed tool call: export_dashboard returned 503",
            "Failed tool call: Service unavailable in export dashboard",
        ),
        (
            "FAILED_TOOL_CALL: called getInvoice, which raised NotFoundError",
            "NotFoundError in invoice lookup",
        ),
    ],
)
def test_a_failed_call_leads_with_its_error_class_then_the_tool(text, want):
    assert labelled_text(text, "failed_tool_call") == want


@pytest.mark.parametrize(
    "tool",
    ["transfer_to_human_agents", "escalate_to_human", "handoff_to_agent", "route_to_support",
     "transferToHuman", "create_ticket_for_human", "handoff", "escalate_case", "transfer_call",
     "request_live_person"],
)  # fmt: skip
def test_handing_over_reads_as_one_action_whatever_the_tool_is_called(tool):
    assert labelled_text(f"Escalation to human: called {tool}", "escalation") == (
        "Escalation to human: handover to a human"
    )
    if tool == "handoff":  # one plain word before "failed" is no tool name the short form knows
        return
    failed = f"Failed tool call: {tool} failed (agent reported 'the line is busy')"
    assert (
        labelled_text(failed, "failed_tool_call") == "Failed tool call: Failed handover to a human"
    )


@pytest.mark.parametrize("tool", ["transfer_funds", "escalate_priority", "get_agent_status"])
def test_a_look_alike_tool_keeps_its_name(tool):
    assert "handover" not in labelled_text(f"Failed tool call: {tool} failed", "failed_tool_call")


@pytest.mark.parametrize(
    "text",
    ["Refusal: I'm unable to delete", "Refusal: sorry, but I can't delete",
     "Refusal: I am not able to delete", "Refusal: I cannot delete",
     "Refusal: Unfortunately, I cannot delete"],
)  # fmt: skip
def test_first_person_refusals_read_as_one_form(text):
    assert labelled_text(text, "refusal") == "Refusal: can't delete"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("I love most of the product, but this part is terrible.", "this part is terrible."),
        ("Great tool overall, but I'm frustrated with this.", "I'm frustrated with this."),
        ("Hello, you've been helpful before, but today I'm fed up.", "today I'm fed up."),
        ("Appreciate the new features, but exports keep failing.", "exports keep failing."),
        ("Thanks for the quick replies last time, but this one is ridiculous.",
         "this one is ridiculous."),
        # no compliment: nothing to drop
        ("I tried twice, but the export still fails.", "I tried twice, but the export still fails."),
    ],
)  # fmt: skip
def test_a_compliment_before_the_complaint_is_dropped(text, want):
    assert labelled_text(f"MEDIUM: {text}", "medium") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("It would be nice if you supported exporting to Slides.",
         "support for exporting to Slides."),
        ("It would be great if the SQL editor had autocomplete for column names.",
         "autocomplete for column names in the SQL editor."),
        ("It'd help a lot if the audit log could be filtered by user.",
         "the audit log filtering by user."),
        ("It would be better if the CSV export kept my filters.",
         "the CSV export keeping my filters."),
        ("Would be awesome if reports allowed more than 10 recipients.",
         "more than 10 recipients in reports."),
        ("I wish the dashboard remembered my date range.",
         "the dashboard remembering my date range."),
        ("Could you make it so scheduled reports allowed more recipients?",
         "more recipients in scheduled reports?"),
        ("Can you please make it so that the export kept my filters",
         "the export keeping my filters"),
        ("Please add alerts by SMS.", "Please add alerts by SMS."),
    ],
)  # fmt: skip
def test_a_wish_reads_as_the_request(text, want):
    assert wish_request(text) == want


@pytest.mark.parametrize(
    "text",
    ["BUG_AS_REQUEST: com Can you please fix the legend?", "BUG_AS_REQUEST: <EMAIL>.com Can "
     "you please fix the legend?", "IMPROVEMENT: org Can you please fix the legend?"],
)  # fmt: skip
def test_enum_prefixes_and_a_redactions_domain_leftover_are_stripped(text):
    assert "Can you please fix the legend?" in labelled_text(text, "bug_as_request")
    assert "com " not in labelled_text(text, "bug_as_request")
    assert "_" not in labelled_text(text, "bug_as_request")


@pytest.mark.parametrize(
    ("value", "facet", "want"),
    [
        ("FAILED_TOOL_CALL", "Issues", "Failed tool calls"),
        ("LOOP", "Issues", "Loops"),
        ("REFUSAL", "Issues", "Refusals"),
        ("ESCALATION", "Issues", "Escalations"),
        ("TIMEOUT", "Issues", "Timeouts"),
        ("NEW_CAPABILITY", "Feature request", "New capabilities"),
        ("CUSTOM_QUOTE", "Pricing question", "Custom quotes"),
        ("BUG_AS_REQUEST", "Feature request", "Bugs as requests"),
        ("access", "Reason", "Access"[:6] + "es"),
        ("HIGH", "Churn risk", "High churn risk"),
        ("POSITIVE", "Sentiment", "Positive sentiment"),
        ("major", "Bug severity", "Major bug severity"),
    ],
)
def test_a_label_value_reads_as_a_parent_by_one_pattern(value, facet, want):
    assert label_parent_name(value, facet) == want


def test_a_label_title_is_the_parent_name_when_the_facet_gives_one():
    assert label_parent_name("BUG_AS_REQUEST", "Feature request", title="bug fix requests") == (
        "Bug fix requests"
    )


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Supported exporting to Google Slides", "wish_tense"),
        ("Reports allowed more than 10 recipients", "wish_tense"),
        ("Editor had autocomplete", "wish_tense"),
        ("Audit log could be filtered", "wish_tense"),
        ("Love the product", "praise"),
        ("Appreciate the new features", "praise"),
        ("Big fan of exports", "praise"),
        ("Com can you fix", "artefact"),
        ("Running search_docs", "artefact"),
    ],
)
def test_the_audit_counts_what_a_name_must_not_carry(label, kind):
    assert kind in wording_problems(label)
    assert kind in label_problems(label)


@pytest.mark.parametrize(
    "label",
    ["Could not connect", "Support for alerts by SMS", "Failed tool calls", "Autocomplete in the editor",
     "Loved one's account"[:0] + "Great dashboards"],
)  # fmt: skip
def test_names_that_carry_none_of_it_are_clean(label):
    assert wording_problems(label) == []


def test_a_candidate_never_cuts_a_name_or_a_subject_from_its_predicate():
    got = {" ".join(p) for p in candidate_phrases("We're switching to Power BI next quarter")}
    assert "bi next quarter" not in got and "switching to power" not in got
    assert "switching to power bi" in got
    got = {" ".join(p) for p in candidate_phrases("User confirmed the problem was solved")}
    assert "user confirmed the problem" not in got
    assert "confirmed the problem was solved" in got


def test_a_rare_capture_holding_a_common_name_joins_it():
    from types import SimpleNamespace

    from tracetopics_pipeline.core.topics.maps import MIN_SUB_TEXTS, labelled_keys

    definition = SimpleNamespace(default_label="NONE")
    texts = [f"Sigma: we are moving to Sigma {i}" for i in range(MIN_SUB_TEXTS)]
    texts += ["Postgres Sigma: the guide for Postgres Sigma has this", "Zoho: Zoho has this"]
    keys = labelled_keys(texts, [None] * len(texts), definition, "head")
    assert keys[-2] == "sigma"  # glued to a common name: that name
    assert keys[-1] == "zoho"  # a rare name of its own stays itself
    assert set(keys[:-2]) == {"sigma"}


@pytest.mark.parametrize(
    "label",
    ["Legend overlapping the bars on small", "Emails arrive with a blank", "Charts cut off on mobile"[:0]
     + "Dashboard looks wrong on the new"],
)  # fmt: skip
def test_a_name_never_ends_in_an_adjective_without_its_noun(label):
    assert "dangling_end" in label_problems(label)
    assert "legend overlapping the bars on small" not in {
        " ".join(p) for p in candidate_phrases("the legend overlapping the bars on small screens")
    }


def test_pieces_of_a_label_that_read_the_same_in_their_own_part_are_one_subtopic():
    import numpy as np

    from tracetopics_pipeline.core.topics.maps import _same_detail

    naming = ["Timeout: slow answer (31 s)", "Timeout: slow answer (48 s)",
              "Timeout: slow answer (50 s)", "Refusal: declined to grant"]  # fmt: skip
    keys = ["timeout", "timeout", "timeout", "refusal"]
    got = _same_detail(np.array([0, 1, 2, 3]), naming, keys, [1.0] * 4, [None] * 4)
    assert got[0] == got[1] == got[2] and got[3] != got[0]


# ---------------------------------------------------------------- a name most of its texts say


def _stances(name: str) -> list[str]:
    """Mentions of one provider in several stances, one rare and alarming (other domains)."""
    return (
        [f"{name}: our finance team already uses {name} for this."] * 27
        + [f"{name}: we're comparing you with {name} right now."] * 26
        + [f"{name}: {name} has this built in."] * 19
        + [f"{name}: we're evaluating {name} because of this."] * 14
        + [f"{name}: we've decided to move to {name}."] * 7
    )


@pytest.mark.parametrize("name", ["Revolut", "Expedia", "Shopify", "Workday", "GitLab"])
def test_a_labelled_subtopic_of_many_stances_is_not_named_by_one(name):
    from tracetopics_pipeline.core.topics.labels.naming import LABELLED_NAMING, name_topics
    from tracetopics_pipeline.core.topics.labels.support import held_by, text_words

    texts = _stances(name)
    topic = _weighted(0, texts)
    topic.parent = name  # its label's only subtopic
    got = name_topics([topic], embed=bag_of_words, params=LABELLED_NAMING)[0]
    assert got == name  # no stance is said by most mentions: the label's own name
    assert held_by(f"We've decided to move to {name}", text_words(texts)) < 0.1
    # without the rule, one stance names every mention
    assert name_topics([_weighted(0, texts)], embed=bag_of_words)[0] != name


@pytest.mark.parametrize(
    ("texts", "said"),
    [
        (["Refund for a cancelled flight, please"] * 6 + ["My bag was lost in Lisbon"] * 2
         + ["Seat upgrade on the return leg"] * 2, "cancelled flight"),
        (["Card declined at the supermarket"] * 7 + ["Top up by bank transfer"] * 3,
         "card declined"),
        (["Payroll export to Xero fails"] * 5 + ["Payroll export to Xero times out"] * 3
         + ["Holiday balance looks wrong"] * 2, "payroll export"),
    ],
)  # fmt: skip
def test_a_labelled_subtopic_is_named_by_what_most_of_it_says(texts, said):
    from tracetopics_pipeline.core.topics.labels.naming import LABELLED_NAMING, name_topics
    from tracetopics_pipeline.core.topics.labels.support import MIN_HELD, held_by, text_words

    got = name_topics([_weighted(0, texts)], embed=bag_of_words, params=LABELLED_NAMING)[0]
    assert said in got.lower(), got
    assert held_by(got, text_words(texts)) >= MIN_HELD


@pytest.mark.parametrize(
    ("texts", "label"),
    [
        (["User said they were unhappy but also praised the agent."] * 6
         + ["User said the answer did not help but also confirmed it was solved."] * 3,
         "Mixed sentiment"),
        (["Refund for a cancelled flight, please"] * 8 + ["My bag was lost in Lisbon"] * 2,
         "Refund request"),
        (["Warte seit Tagen auf die Karte"] * 5 + ["Card still not here"] * 4, "Card delivery"),
    ],
)  # fmt: skip
def test_a_labels_only_subtopic_reads_as_the_label(texts, label):
    """The only subtopic holds the whole label: even a phrase most of it says ("praised the
    agent") would name a part as the whole, so it reads as the label."""
    from tracetopics_pipeline.core.topics.labels.naming import LABELLED_NAMING, name_topics

    topic = _weighted(0, texts)
    topic.parent = label
    assert name_topics([topic], embed=bag_of_words, params=LABELLED_NAMING)[0] == label
    # one of several subtopics is named by what most of it says, as before
    other = name_topics([_weighted(0, texts)], embed=bag_of_words, params=LABELLED_NAMING)[0]
    assert other != label


def test_the_audit_counts_a_labelled_subtopic_named_by_a_minority():
    from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics
    from tracetopics_pipeline.core.topics.labels.support import text_words, word_support

    texts = _stances("Expedia")
    words, said = word_support(texts), text_words(texts)
    parents = [AuditedTopic(10, "Expedia", {}, children=1, from_label=True)]
    for label, want in [
        # 7 of 93; and a sentence's head (`subject_head`)
        ("We've decided to move to Expedia", ["subject_head", "minority_name"]),
        ("Expedia", []),  # the label's own name
        ("Comparing you with Expedia", ["minority_name"]),  # 26 of 93
    ]:
        subs = [AuditedTopic(1, label, words, parent=10, words=said)]
        assert audit_topics(parents, subs)[("sub", 1)] == want, label
    # a free-text subtopic is not held to it: paraphrases of one need differ in their words
    subs = [AuditedTopic(1, "Comparing you with Expedia", words, parent=11, words=said)]
    free = [AuditedTopic(11, "Expedia comparisons", words, children=1)]
    assert "minority_name" not in audit_topics(free, subs)[("sub", 1)]


# ------------------------------------------------ a subtopic beside others is not its label


def _migrations(name: str) -> list[str]:
    return (
        [f"{name}: we're moving our reports over from {name}."] * 6
        + [f"{name}: migrating dashboards over from {name}."] * 5
        + [f"{name}: the {name} import keeps failing."] * 3
    )


@pytest.mark.parametrize("name", ["Google Sheets", "Apple Pay", "Microsoft Teams", "Zoho Books"])
def test_a_labelled_subtopic_beside_others_never_takes_its_labels_name(name):
    """Every mention names the provider, so its name is the phrase most of them say; where the
    label has other subtopics, that name is the parent's (the audit's `repeats_parent`)."""
    from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics
    from tracetopics_pipeline.core.topics.labels.naming import LABELLED_NAMING, name_topics

    texts = _migrations(name)
    free = name_topics([_weighted(0, texts)], embed=bag_of_words, params=LABELLED_NAMING)[0]
    topic = _weighted(0, texts)
    topic.avoid = {name.lower()}
    got = name_topics([topic], embed=bag_of_words, params=LABELLED_NAMING)[0]
    assert got.lower() != name.lower(), (free, got)
    parents = [AuditedTopic(10, name, {}, children=2, from_label=True)]
    for label, repeats in ((name, True), (got, False)):
        subs = [AuditedTopic(1, label, {}, parent=10), AuditedTopic(2, "Other", {}, parent=10)]
        assert ("repeats_parent" in audit_topics(parents, subs)[("sub", 1)]) == repeats


def test_the_namer_and_the_audit_share_the_repeats_parent_rule():
    from tracetopics_pipeline.core.topics.labels.audit import repeats_parent

    assert repeats_parent("Apple Pay", "apple pay", 2)
    assert not repeats_parent("Apple Pay", "Apple Pay", 1)  # its label's only subtopic
    assert not repeats_parent("Refunds to Apple Pay", "Apple Pay", 2)


def test_a_labels_display_name_reads_as_its_parent_in_the_plural():
    """The facet file names a value once, singular (`display: Bug fix request`, review rv6 E5);
    its parent topic is that name's plural, as the title gave it before."""
    from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
    from tracetopics_pipeline.core.topics.maps import _key_names

    facets = load_facets()
    feature, pricing = find_facet(facets, "Feature request"), find_facet(facets, "Pricing question")
    names = _key_names(["bug_as_request", "improvement", "none"], {}, feature, "label")
    assert names == {
        "bug_as_request": "Bug fix requests", "improvement": "Improvements", "none": "No request"
    }  # fmt: skip
    assert _key_names(["cost"], {}, pricing, "label") == {"cost": "Cost questions"}

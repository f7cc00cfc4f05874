"""Names, sixteenth round (issue 12 item 3, the vet-clinic review): a name never carries a person's
or a pet's name, the weekday / date / time of one booking, nor ends on shorthand or a title.
Phrasings from a hair salon, a car repair shop, a vet, a tutoring service, a dental practice and a
restaurant; never one generator's templates."""

from __future__ import annotations

import pytest
from test_labels_local import _topic, bag_of_words  # the same stand-ins

from tracetopics_pipeline.core.topics.labels.context import person_words, word_context
from tracetopics_pipeline.core.topics.labels.grammar import (
    booking_time,
    candidate_phrases,
    label_problems,
)
from tracetopics_pipeline.core.topics.labels.naming import name_topics


@pytest.mark.parametrize(
    "label",
    [
        "Appointment wed",  # a weekday, abbreviated
        "Grooming saturday 3pm",
        "Haircut on Thursday",
        "Oil change Fri morning",
        "Brake check sat afternoon",
        "Cleaning on Dec 4",  # a month beside its day
        "Tutoring session March 3",
        "Table for the 14th",  # an ordinal day
        "Move to 3rd of June",
        "Checkup tmrw at 10:30",  # a relative day, a clock time
        "Reschedule to 12/9",  # a numeric date
        "Book for 2 pm",
        "Tyre fitting at 9",
        "Dinner reservation tonight",
        "Colour appointment at noon",
    ],
)
def test_the_day_or_hour_of_one_booking_is_refused(label):
    assert "booking_time" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "24/7 support",  # a kind of service
        "4th floor access",  # an ordinal before its noun
        "Top 10 customers",
        "Transfer at 3 different ATMs",  # "at" + a count, not a clock
        "Sun damage treatment",  # "sun" alone is no weekday
        "May change plan",  # the modal, not the month
        "Reset password",
        "Upgrade to version 2.1",
        "Weekend opening hours",
        "Evening appointments",
        "Closed on Sundays",  # a habit, not one booking
    ],
)
def test_a_number_or_word_that_is_no_booking_time_passes(label):
    assert "booking_time" not in label_problems(label)


def test_booking_time_finds_each_kind():
    assert booking_time(["grooming", "saturday", "3pm"]) == [1, 2]
    assert booking_time(["move", "to", "the", "14th"]) == [3]
    assert booking_time(["sun", "damage"]) == []


def test_a_weekday_most_of_the_topic_says_is_the_topic():
    texts = [
        "Are you open on Saturday?",
        "What are your Saturday opening hours",
        "Saturday opening hours please",
        "Do you open Saturday mornings",
    ]
    assert "booking_time" not in label_problems(
        "Saturday opening hours", context=word_context(texts)
    )
    # one booking's weekday among others' stays a detail
    mixed = ["Book a trim on Saturday", "Book a trim Tuesday", "Book a trim Friday at 4pm"] * 2
    assert "booking_time" in label_problems("Book a trim on Saturday", context=word_context(mixed))


@pytest.mark.parametrize(
    "label",
    [
        "We'd prefer dr",  # an abbreviated title
        "Appointment with Mrs",
        "Second opinion from Dr.",
        "Reschedule bc",  # chat shorthand for a conjunction or a preposition
        "Cleaning w/",
        "Brake check w",
        "Refund b/c",
        "Change my booking pls",
        "Bc of school pickup and",  # a conjunction: counted, not a crash
        "Colour and",
        "Whitening for the",  # an article
    ],
)
def test_a_name_ending_on_shorthand_a_title_or_glue_is_refused(label):
    assert "ends_in_function_word" in label_problems(label)


@pytest.mark.parametrize(
    "text",
    [
        "Can we reschedule the appointment with Dr Okafor bc of school pickup",
        "need a trim w/ my usual stylist pls",
        "Move the tyre change b/c I travel that week",
        "Book a table for four cuz of a birthday",
    ],
)
def test_no_candidate_ends_on_shorthand_or_spans_a_reason(text):
    for ph in candidate_phrases(text):
        assert ph[-1] not in {"dr", "w", "w/", "pls", "bc", "b/c", "cuz"}, ph
        assert not {"bc", "b/c", "cuz"} & set(ph[:-1]), ph


SALON = [
    "Can I book a haircut for my daughter Mia on Friday",
    "Mia's bangs need a trim",
    "Haircut for Mia after school",
    "Book a colour appointment, thanks, Ines",
    "Haircut for Theo please",
    "my son Theo needs a haircut",
]
VET = [
    "Our dog Kiwi needs a dental cleaning",
    "Dental cleaning for Kiwi",
    "Kiwi's teeth need a cleaning",
    "Vaccines for Biscuit are due",
    "My cat is named Biscuit, she needs her vaccines",
    "Booster vaccines for the puppy - Dana",
]
GARAGE = [
    "Hi this is Priya, my car needs an oil change",
    "Oil change for Priya's car",
    "Tomasz here, brakes are squeaking",
    "Brake check for Tomasz",
    "Does the warranty from Toyota cover it?",
    "Is a Toyota part cheaper?",
    "Can you source a Toyota filter",
]


@pytest.mark.parametrize(
    ("texts", "label"),
    [
        (SALON, "Haircut for Mia"),
        (SALON, "Mia's bangs"),
        (SALON, "Haircut for Theo"),
        (VET, "Dental cleaning for Kiwi"),
        (VET, "Vaccines for Biscuit"),
        (GARAGE, "Oil change for Priya"),
        (GARAGE, "Brake check for Tomasz"),
        (["Book a second opinion with Dr Okafor", "Dr Okafor is fully booked"], "Okafor slots"),
    ],
)
def test_a_persons_or_pets_name_is_refused(texts, label):
    assert "personal_name" in label_problems(label, context=word_context(texts))


@pytest.mark.parametrize(
    ("texts", "label"),
    [
        (GARAGE, "Toyota part price"),  # a brand many texts name, never in a person's place
        (["Export the report to PDF, Excel", "Export to Excel"] * 2, "Export to Excel"),
        (["Do you take Cigna?", "Is Cigna accepted", "Cigna coverage for crowns"], "Cigna"),
        (["Dog's food is late", "The dog food order is late"], "Dog food order"),
        (VET, "Dental cleaning"),
    ],
)
def test_a_brand_or_a_common_word_is_no_persons_name(texts, label):
    assert "personal_name" not in label_problems(label, context=word_context(texts))


def test_the_facets_people_reach_a_topic_that_only_says_for_them():
    facet = word_context(VET + SALON)
    texts = ["Dental cleaning for Kiwi", "Dental cleaning for Kiwi please"]
    own = word_context(texts)
    assert not person_words("Dental cleaning for Kiwi", own)
    wide = word_context(texts, persons=facet.persons)
    assert person_words("Dental cleaning for Kiwi", wide) == ["Kiwi"]


def test_the_namer_names_no_pet_and_no_weekday():
    cleaning = [
        "Dental cleaning for Kiwi",
        "Book a dental cleaning for our dog Kiwi",
        "Dental cleaning for Kiwi on Wednesday",
        "Kiwi's dental cleaning at 3pm",
        "dental cleaning for my cat Biscuit",
    ]
    grooming = [
        "Grooming on saturday 3pm",
        "Book grooming saturday 3pm",
        "Grooming saturday 3pm for Max",
        "Full grooming saturday",
    ]
    names = name_topics([_topic(1, cleaning), _topic(2, grooming)], embed=bag_of_words)
    for label in names.values():
        low = label.lower().split()
        assert not {"kiwi", "biscuit", "max", "saturday", "3pm", "wednesday"} & set(low), names
    assert "cleaning" in names[1].lower() and "grooming" in names[2].lower(), names


@pytest.mark.parametrize(
    "label",
    ["Cleaning w Dr reyes", "Move appointment bc of work", "Book a trim w my stylist"],
)
def test_shorthand_inside_a_name_is_refused(label):
    assert "shorthand" in label_problems(label)


@pytest.mark.parametrize(
    ("texts", "label"),
    [
        (["need a cleaning w/ dr reyes", "Cleaning with dr. reyes"], "Cleaning with Dr reyes"),
        (["Brake pads by mr novak", "Quote from Mr Novak"], "Brake pads from Mr Novak"),
    ],
)
def test_a_name_after_an_abbreviated_title_is_a_persons_whatever_its_case(texts, label):
    assert "personal_name" in label_problems(label, context=word_context(texts))


@pytest.mark.parametrize(
    "label", ["Doctor appointment", "Protect from the sun", "Sat exam prep", "Nurse line hours"]
)
def test_a_title_noun_or_sun_alone_is_neither_a_person_nor_a_time(label):
    probs = label_problems(label, context=word_context([label + " please"] * 3))
    assert "personal_name" not in probs and "booking_time" not in probs, probs


def test_the_namer_drops_one_bookings_owner_and_day_from_a_phrase():
    fillings = [
        "Will MetLife pay for Mateo's fillings",
        "Will Cigna pay for Elif's fillings",
        "Does Aetna pay for my son Mateo's fillings",
        "Will insurance pay for Elif's fillings on Friday",
        "my daughter Elif needs fillings",
    ]
    whitening = ["How much is teeth whitening", "Price of teeth whitening"] * 2
    names = name_topics([_topic(1, fillings), _topic(2, whitening)], embed=bag_of_words)
    assert not {"mateo's", "elif's", "mateo", "elif", "friday"} & set(names[1].lower().split())
    assert "fillings" in names[1].lower(), names


def test_dropping_a_date_takes_its_glue_and_month():
    from tracetopics_pipeline.core.topics.labels.naming import _without_one_booking

    ph = ("check", "the", "weather", "on", "the", "11th", "of", "march", "in", "paris")
    assert _without_one_booking(ph, frozenset()) == ("check", "the", "weather", "in", "paris")
    assert booking_time(["weather", "on", "the", "11th", "of", "march"]) == [3, 4, 5]
    ph = ("pay", "for", "mateo's", "fillings")
    assert _without_one_booking(ph, frozenset({"mateo"})) == ("pay", "for", "fillings")
    ph = ("charged", "after", "the", "monday", "visit")
    assert _without_one_booking(ph, frozenset()) == ("charged", "after", "the", "visit")

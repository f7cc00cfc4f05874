"""Held-out set 22: fresh phrasings of two Sentiment forms that batch 20's test part still missed
(issue 14), with their calm look-alikes.

Written by hand BEFORE any rule of this pass and committed alone, in domains the earlier sets do
not use (a ferry line, a passport office, a kitchen fitter, a tattoo studio, a dog groomer, a
boiler service, a wedding venue, a print shop, a car rental, a bike repair shop, a ski school, a
pharmacy, an escape room, a campsite, a piano tuner, a dry cleaner) and registers (terse, typos,
non-native English, lower case, emoji, several turns). Two failing forms and three look-alikes:

- `value_sarcasm` (Sentiment NEGATIVE): praise for an unwelcome value — a long wait, a wide
  window, a date far off, a count of the same trouble — often echoed from the agent's answer
  ("Ninety days! What blazing speed.", "Oh great, another 40 minute wait, love that", "wow, three
  reschedules, you guys are amazing").
- `competitor_wins` (Sentiment NEGATIVE): the user will take the business (or the next one) to a
  competitor or someone else, sometimes while cancelling one booking ("I'm cancelling the booking
  and going with a competitor", "i will change driving school if this continue", "we'll take our
  next trip with someone else").
- `praise_with_numbers` (Sentiment not NEGATIVE): genuine praise of a value, a date or a speed
  ("great, that's fast", "Tuesday 9:00, perfect").
- `competitor_mention` (Sentiment not NEGATIVE): competitors and alternatives named calmly
  (a comparison, an import from one, a past provider, a price match).
- `plain_cancel` (Sentiment not NEGATIVE): cancelling one booking or order as a plain task, also
  with a date or an alternative day.

Split once by `SPLIT_SEED_22` (bench/held_out.py's split_forms) into a development part (rules
are tuned on it) and a test part (reported once, at the end of the pass).

    .venv/bin/python bench/sentiment_set22.py [--part dev|test|all]
"""

from __future__ import annotations

from held_out import Conv, Scores, local_labels, run_part, score_forms, split_forms, traces
from held_out import conv as _conv
from held_out import user as _u

SPLIT_SEED_22 = 22

# --- Sentiment: praise for an unwelcome value -------------------------------------------------
_VALUE_SARCASM = (
    _conv(
        "When is the next ferry with space for a van?",
        "The first van space is on the 28th, in three weeks.",
        "Three weeks. Wow. Truly the fastest ferry line in the world.",
    ),
    _conv(
        "How long does a passport renewal take now?",
        "Current processing time is 14 weeks.",
        "14 weeks, amazing, I can learn to walk to Spain by then. great service",
    ),
    _conv(
        "When can the fitter finish the kitchen?",
        "The worktop is delayed; the fitter can come back in six weeks.",
        "six weeks with no sink, lovely, love that for us",
    ),
    _u("Oh great, another 40 minute wait on the phone, love that"),
    _conv(
        "Has my tattoo appointment moved again?",
        "Yes, the artist rescheduled it to next Friday.",
        "wow, three reschedules, you guys are amazing",
    ),
    _conv(
        "When will the groomer be free?",
        "Earliest opening is in 5 weeks.",
        "5 weeks!! so quick, my dog will look like a yeti but sure, excellent",
    ),
    _conv(
        "When will the engineer come to fix the boiler?",
        "An engineer can visit between 8am and 6pm on Monday.",
        "A ten hour window. Superb precision, I'll just take another day off work then.",
    ),
    _conv(
        "Did the venue send the contract?",
        "It will be sent within 30 working days.",
        "30 working days for a pdf. Impressive. Really world class.",
    ),
    _conv(
        "when are my posters printed",
        "They'll be ready on the 20th, after the event date.",
        "after the event. brilliant, thats super useful, thank u so much",
    ),
    _conv(
        "Is my rental car ready?",
        "Sorry, the car is not back yet; estimated wait is 2 hours.",
        "2 more hours at the airport, fantastic, what a start to the holiday",
    ),
    _conv(
        "My bike is ready?",
        "Parts are on backorder, we expect them next month.",
        "next month. very nice. i use the bike for work every day but ok, super",
    ),
    _conv(
        "When can my son start ski lessons?",
        "All groups are full until March.",
        "Until March, when the snow is gone. Wonderful planning 👏",
    ),
    _u("4th time the pharmacy 'lost' my prescription this year. Stellar work everyone."),
    _conv(
        "I booked the escape room for 7.",
        "The room is running late, you'll start at 8:30.",
        "an hour and a half late, perfect, the kids are thrilled 🙃",
    ),
)

# --- Sentiment: the business goes to a competitor --------------------------------------------
_COMPETITOR_WINS = (
    _conv(
        "The ferry was cancelled again.",
        "We apologise for the disruption.",
        "I'm cancelling my return booking and going with the other ferry company.",
    ),
    _conv(
        "Why does the kitchen fitting take so long?",
        "Delays happen with custom worktops.",
        "we will use another fitter for the bathroom, not you",
    ),
    _conv(
        "My tattoo artist cancelled twice.",
        "We're sorry, she was ill.",
        "i will change studio if this happen again",
    ),
    _conv(
        "The groomer cut my dog's ear.",
        "We're very sorry to hear that.",
        "Next time we're taking Max to a competitor.",
    ),
    _conv(
        "Boiler broken again after your service.",
        "An engineer will call you back.",
        "Honestly we'll get the next service done by someone else.",
    ),
    _conv(
        "The venue double-booked our date.",
        "We can offer the following Saturday.",
        "No. We're cancelling and booking a different venue.",
    ),
    _conv(
        "The print shop misprinted my cards.",
        "We can reprint them next week.",
        "dont bother, i ordered them from a rival printer already",
    ),
    _conv(
        "The rental car had a flat tyre.",
        "Please call roadside assistance.",
        "Cancel my next rental. We'll take our next trip with someone else.",
    ),
    _conv(
        "Third time my bike isn't ready on the day.",
        "We're short on mechanics.",
        "then i go to the competitor down the street, bye",
    ),
    _conv(
        "You lost my dry cleaning.",
        "We are still looking for it.",
        "From now on my suits go to the cleaner across town.",
    ),
    _conv(
        "The piano tuner never came.",
        "We'll send someone next month.",
        "Forget it, I've booked a tuner from another company. Please cancel my appointment.",
    ),
    _conv(
        "Our campsite pitch was flooded.",
        "We can move you to pitch 12.",
        "we are packing up and going to the campsite next door. cancel the rest of the week",
    ),
    _conv(
        "pharmacy app never has my meds",
        "Stock depends on our supplier.",
        "i will move my prescriptions to other pharmacy, is easier",
    ),
    _conv(
        "The ski school lost our booking.",
        "We can rebook you for tomorrow.",
        "No thanks. Booking with a different ski school for the rest of the holiday.",
    ),
)

# --- look-alikes ----------------------------------------------------------------------------
_PRAISE_WITH_NUMBERS = (
    _conv(
        "How long does the ferry crossing take?",
        "About 90 minutes.",
        "90 minutes, great, that's fast.",
    ),
    _conv(
        "When is my passport ready?",
        "It's printed and will arrive in 3 days.",
        "3 days! wow, that's quicker than I thought, thank you",
    ),
    _conv(
        "Can the fitter come this week?",
        "Yes, Tuesday 9:00.",
        "Tuesday 9:00, perfect, thanks!",
    ),
    _conv(
        "How much for a small tattoo?",
        "From 80 euros.",
        "80, that's a great price, I'll book",
    ),
    _conv(
        "Any slot for grooming today?",
        "Yes, 2 pm, it takes about 40 minutes.",
        "amazing, 40 min is nothing, see you at 2",
    ),
    _conv(
        "Is my boiler under warranty?",
        "Yes, for 5 more years.",
        "5 years, brilliant, good to know",
    ),
    _conv(
        "How long is the wedding venue ours on the day?",
        "From 10am until midnight, 14 hours.",
        "14 hours, lovely, that's plenty. thanks so much",
    ),
    _conv(
        "how fast can you print 200 flyers",
        "Same day, ready in 3 hours.",
        "3 hours?? super, ur the best",
    ),
    _conv(
        "Can I keep the rental car 2 more days?",
        "Done, extended to Sunday at no extra cost.",
        "Two extra days for free, excellent, thank you!",
    ),
    _conv(
        "How long did my bike repair take in the end?",
        "It was done in 20 minutes.",
        "20 minutes, impressive! great job guys",
    ),
    _conv(
        "I was told the test results take two weeks.",
        "Yours are already in, after 4 days.",
        "Already? Wonderful, that's really fast, thank you.",
    ),
    _conv(
        "How many times can I reschedule the escape room?",
        "Up to three times, free.",
        "three times free, that's very fair, nice",
    ),
)
_COMPETITOR_MENTION = (
    _u("Do you match the price of the other ferry company?"),
    _u("I used to go to another groomer, can you copy the cut from this photo?"),
    _conv(
        "Can I import my designs from a competitor's app?",
        "Yes, upload the PNG files.",
        "ok great, thanks",
    ),
    _u("My previous fitter used a different worktop brand, is yours compatible?"),
    _u("My sister went with a different venue and loved it, do you also do outdoor ceremonies?"),
    _u("Is your rental cheaper than the competitors at the airport?"),
    _conv(
        "Another shop quoted 40 for the service.",
        "We can do 38.",
        "great, book me in then",
    ),
    _u("I switched to you from another pharmacy last month, is my history transferred?"),
    _u("What makes your ski school different from the others in town?"),
    _u("The campsite next door is full, do you have a pitch for Saturday?"),
    _u("a friend recommended you over the competitor, how do I sign up"),
    _u("Can you print on the same paper as the shop across town? They closed."),
)
_PLAIN_CANCEL = (
    _u("cancel my booking for the 12th pls"),
    _u("Hi, I need to cancel tomorrow's grooming appointment, my dog is sick."),
    _conv(
        "Can you cancel the ferry booking ABC123?",
        "Done, it's cancelled and refunded.",
        "great thanks",
    ),
    _u("Please cancel the boiler service on Monday and book Thursday instead."),
    _u("i want cancel my order of 50 posters, i ordered wrong size"),
    _u("Cancel my tattoo session on Friday, I'll book another date next month."),
    _conv(
        "We need to cancel the Saturday tasting at the venue.",
        "Cancelled. Would you like another date?",
        "Yes, the next Saturday please.",
    ),
    _u("can u cancel the car rental from 3-5 may, plans changed"),
    _u("Cancel the 10am ski lesson, we'll take the afternoon one."),
    _u("Please cancel my pharmacy delivery, I'll pick it up myself in store."),
    _u("I'd like to cancel the escape room for tonight and go with a later slot."),
    _u("Cancel my dry cleaning pickup, I'll drop the suits at your other branch."),
)

SENTIMENT_SET22: dict[str, tuple[Conv, ...]] = {
    "value_sarcasm": _VALUE_SARCASM,
    "competitor_wins": _COMPETITOR_WINS,
    "praise_with_numbers": _PRAISE_WITH_NUMBERS,
    "competitor_mention": _COMPETITOR_MENTION,
    "plain_cancel": _PLAIN_CANCEL,
}
# what each form must read: (facet, want); "not X" for any label but X
WANTS22: dict[str, tuple[str, str]] = {
    "value_sarcasm": ("Sentiment", "NEGATIVE"),
    "competitor_wins": ("Sentiment", "NEGATIVE"),
    "praise_with_numbers": ("Sentiment", "not NEGATIVE"),
    "competitor_mention": ("Sentiment", "not NEGATIVE"),
    "plain_cancel": ("Sentiment", "not NEGATIVE"),
}


def _right(got: str, want: str) -> bool:
    # "not NEGATIVE" here is neither NEGATIVE nor MIXED
    return got not in ("NEGATIVE", "MIXED") if want == "not NEGATIVE" else got == want


def score(part: str) -> Scores:
    """Per form: (right, cases, the cases read wrong), with the local summarizer (fitted models
    off); `part` is dev, test or all."""
    return score_forms(
        split_forms(SENTIMENT_SET22, part, SPLIT_SEED_22),
        WANTS22,
        lambda form, want, cases: local_labels(traces(form, cases), want[0]),
        lambda got, want: _right(got, want[1]),
    )


def main() -> None:
    run_part(SPLIT_SEED_22, score, WANTS22)


if __name__ == "__main__":
    main()

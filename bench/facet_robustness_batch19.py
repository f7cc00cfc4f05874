"""Held-out batch 19 of the robustness set (bench/facet_robustness_set.py): sincere, emphatic
thanks after the agent did something, and the thanks that must not read POSITIVE.

Written for the twentieth pass of issue 14 (helper sentiment19) BEFORE any rule of that pass and
committed alone. Issue 14 says a routine "thanks, that's all, goodbye" is no satisfaction; earlier
passes went so far that sincere, emphatic thanks after a fix read NEUTRAL too. The line drawn here:

- `emphatic_thanks` (POSITIVE): the agent did what was asked (booked, refunded, fixed, found) and
  the user answers with thanks made emphatic or evaluative: an evaluative opener ("great",
  "perfect", "awesome", "wow"), intensified thanks ("so much", "a million", "really appreciate"),
  exclamation, or a word on how it went ("that was quick", "that did it").
- `routine_closing` (NEUTRAL): bare closing politeness after a plain answer ("ok thank you",
  "thanks, bye", "that's all").
- `sarcastic_thanks` (not POSITIVE): thanks or an evaluative word after an answer that did not
  help ("great, thanks for nothing", "wow, thanks a lot" and the problem still there).
- `thanks_then_complaint` (not POSITIVE): emphatic thanks followed by a problem left unresolved.
- `thanks_after_failure` (not POSITIVE): emphatic thanks when the agent could not do it, or
  handed the user on to someone else.
- `thanks_before_help` (NEUTRAL): emphatic thanks in advance, or before a new question.

Domains: car rental, a smart thermostat, tax filing, a public library, a hotel, grocery delivery,
home internet, a game store, a dental clinic, a crypto wallet, a printer, car insurance, a
utility, a gym, rail travel, parcels, a concert ticket seller, a mobile carrier, a ferry line.
Registers: plain, terse, typos, text-speak, non-native English, formal, emoji, caps.

Split once by `SPLIT_SEED_19` into a development part (`heldout19dev`, the only part rules may be
tuned on) and a test part (`heldout19test`, reported once at the end of the pass), half of each
form in each (the odd case to dev).
"""

from __future__ import annotations

from held_out import Conv, split_forms
from held_out import conv as _conv
from held_out import user as _u

SPLIT_SEED_19 = 19


# (the ask, what the agent did, the user's emphatic thanks)
_EMPHATIC = (
    (
        "I need to move my pickup from 9am to 2pm tomorrow.",
        "Done: your pickup at the airport desk is now 2:00 pm tomorrow, at no extra charge.",
        "Great, thank you so much!",
    ),
    (
        "The thermostat has shown 'offline' since we changed the router.",
        "Hold the dial for 10 seconds to reset its Wi-Fi, then pick the new network in the app.",
        "that did it, thanks a million!!",
    ),
    (
        "Where do I enter my freelance income?",
        "Go to Income > Self-employment and add each client's 1099-NEC there.",
        "Perfect, really appreciate it!",
    ),
    (
        "Can you renew my two books? They're due on Friday.",
        "I've renewed both; the new due date is 14 March.",
        "wow thank u so much, that was fast",
    ),
    (
        "Could you add a late checkout for room 412?",
        "I've added a 2 pm late checkout to your booking at no charge.",
        "Awesome, thank you so so much!",
    ),
    (
        "My grocery order came without the eggs.",
        "Sorry about that. I've refunded the eggs, 3.20, to your card.",
        "oh wow that was quick, thanks!!",
    ),
    (
        "I was charged twice for the same game.",
        "I've refunded the duplicate charge; it will show on your card in 3-5 days.",
        "perfect thx a lot!!",
    ),
    (
        "I want to change my appointment to the Thursday please.",
        "You're booked for Thursday at 10:30 with Dr Alvarez.",
        "Super, many many thanks for your help!",
    ),
    (
        "How do I export my transaction history for my taxes?",
        "Open Settings > Reports > Export CSV and choose the tax year.",
        "Found it! Thank you so much 🙏",
    ),
    (
        "The printer says paper jam but there's no paper in it.",
        "Open the back panel and lift the small green lever; a scrap often hides there.",
        "there was a tiny scrap in there 😂 thank youuu!",
    ),
    (
        "Could you confirm that my policy now covers the new car?",
        "Confirmed: the policy covers the 2024 Corolla from today; the certificate is in your inbox.",
        "Excellent. I really appreciate your prompt assistance.",
    ),
    (
        "Can I spread the winter bill over a few months?",
        "Yes, I've split the 420 into six monthly payments of 70, starting next month.",
        "Ah great, thanks so much!",
    ),
    (
        "cant log in to my acct",
        "I've sent a reset link to your email; it's valid for 30 minutes.",
        "got in!! ty so much",
    ),
    (
        "Please freeze my membership for August.",
        "Done: your membership is frozen from 1 to 31 August, with no fee.",
        "Amazing, thanks!",
    ),
    (
        "Can I get a seat next to my daughter on the 8:15?",
        "I've moved you both to seats 42 and 43 in coach C.",
        "Ah perfect, thank you so much, really appreciate that.",
    ),
    (
        "The router light is red and nothing loads.",
        "I've reset your line from our side; the light should turn white in a minute.",
        "It's white and everything loads. THANK YOU!",
    ),
)

# a plain answer, then bare closing politeness (NEUTRAL)
_ROUTINE = (
    (
        "What time does the rental desk open on Sunday?",
        "The airport desk opens at 7 am on Sundays.",
        "ok thank you",
    ),
    (
        "Does the thermostat work with Alexa?",
        "Yes, enable the skill in the Alexa app.",
        "thanks, bye",
    ),
    (
        "When is the filing deadline this year?",
        "The deadline is 15 April.",
        "Ok. That's all, thanks.",
    ),
    (
        "How many books can I borrow at once?",
        "Up to 12 items on an adult card.",
        "Thank you.",
    ),
    (
        "Is breakfast included in my booking?",
        "Yes, breakfast is included from 7 to 10.",
        "ok thx",
    ),
    (
        "What's the minimum order for free delivery?",
        "Orders over 40 are delivered free.",
        "Alright, thanks, that's all for today.",
    ),
    (
        "What speed is my plan?",
        "Your plan is 150 Mbps down, 20 up.",
        "Thanks for the info. Bye",
    ),
    (
        "Do gift cards expire?",
        "Gift cards are valid for five years.",
        "noted, thanks",
    ),
    (
        "Do you take walk-ins on Saturday?",
        "We only see booked patients on Saturdays.",
        "OK. Thank you. Goodbye.",
    ),
    (
        "Which networks does the wallet support?",
        "Ethereum, Polygon and Arbitrum.",
        "k thanks",
    ),
    (
        "Is the gym open on public holidays?",
        "Yes, from 8 am to 4 pm.",
        "Thank you for your help, goodbye.",
    ),
    (
        "Can I take a bike on the train?",
        "Folding bikes yes; full-size bikes need a reservation.",
        "ok that's everything, cheers",
    ),
)

# thanks or an evaluative word after an answer that did not help (not POSITIVE)
_SARCASTIC = (
    _conv(
        "My parcel says delivered but it's not here.",
        "Parcels sometimes show as delivered early. Please wait 48 hours.",
        "great, thanks for nothing",
    ),
    _conv(
        "Is there an outage in my area? Nothing has worked since noon.",
        "I can't see any outage. Try restarting your router.",
        "wow, thanks a lot. already did that five times",
    ),
    _conv(
        "The app logged me out and now my password doesn't work.",
        "Please use the 'forgot password' link.",
        "Wow, thanks, never would have thought of that.",
    ),
    _conv(
        "The calendar lost the appointments I made this week.",
        "I've re-synced your calendar from our servers.",
        "Oh wonderful, thank you so much, now the whole calendar is empty.",
    ),
    _conv(
        "Where is my refund? It's been two weeks.",
        "Refunds take up to 14 working days.",
        "thanks a lot, really. three hours on this chat and still no refund",
    ),
    _conv(
        "The game won't start after the update.",
        "Verify the game files from the launcher.",
        "Perfect, thanks a million... same crash on launch.",
    ),
    _conv(
        "My meter reading was rejected again.",
        "Readings are checked automatically.",
        "Amazing, thanks! Really clears it up. Still rejected.",
    ),
    _conv(
        "The ticket transfer keeps failing.",
        "Transfers can take a while.",
        "Awesome answer, so helpful. It failed. Again.",
    ),
)

# emphatic thanks, then a problem left unresolved (not POSITIVE)
_THANKS_COMPLAINT = (
    _conv(
        "The printer won't print double-sided.",
        "Turn on 'two-sided' in the printer's preferences.",
        "Thank you so much! Although it still won't print double-sided from Word.",
    ),
    _conv(
        "Please update my billing address.",
        "I've updated it to 12 Elm Road.",
        "Great, thanks! But the invoice I just downloaded still shows the old address.",
    ),
    _conv(
        "Can you move my pickup to 2pm?",
        "Done, your pickup is now at 2 pm.",
        "Really appreciate it, but the app still says 9am.",
    ),
    _conv(
        "I was overcharged on my last bill.",
        "I've refunded the difference, 18.40.",
        "Thanks so much for the refund. Shame it took three emails to get it, though.",
    ),
    _conv(
        "I can't log in to the app.",
        "I've reset your session; please try again.",
        "perfect thanks!! hmm wait, it logged me out again",
    ),
    _conv(
        "My statements for July and August are missing.",
        "I've restored the July statement to your documents.",
        "Awesome thank you, though I still can't see the August one.",
    ),
)

# emphatic thanks when the agent could not do it or handed the user on (not POSITIVE)
_THANKS_FAILURE = (
    _conv(
        "Can you change the name on my ticket?",
        "I'm sorry, I can't change names on tickets. I'll pass you to a colleague who can.",
        "Thank you so much!",
    ),
    _conv(
        "Can you unlock my phone for other networks?",
        "Unfortunately I can't unlock phones from chat. Please call 0800 123 456.",
        "ok, thanks a lot!",
    ),
    _conv(
        "Why was I charged a late fee?",
        "I'm sorry, I don't have access to billing details. Let me transfer you to billing.",
        "Great, thank you so much.",
    ),
    _conv(
        "Can I bring my dog on the ferry?",
        "I'm sorry, I couldn't find that information. Please check with the port office.",
        "Perfect, thanks!",
    ),
    _conv(
        "Please apply my voucher code SPRING10.",
        "The system returned an error and I couldn't apply the voucher. Please try again later.",
        "ok thank you so much!",
    ),
    _conv(
        "Could you reschedule my delivery to Saturday?",
        "I'm unable to do that, sorry. A member of our team will contact you by email within 24h.",
        "Wonderful, thank you very much!",
    ),
)

# emphatic thanks in advance or before a new question (NEUTRAL)
_THANKS_BEFORE = (
    _u("Hi, thanks so much in advance! How do I add a second driver to my rental?"),
    _u("Thank you so much for getting back to me. What documents do I need for the visa?"),
    _conv(
        "What are your opening hours?",
        "We're open 9 to 5 on weekdays.",
        "Great, thanks! And do you open on bank holidays?",
    ),
    _u("Thanks a million in advance for any help!! Which plan includes roaming in the US?"),
    _conv(
        "Can I pay the deposit by card?",
        "Yes, all major cards are accepted.",
        "Many thanks! Next question: can I pay the rest in instalments?",
    ),
)

HELDOUT19: dict[str, tuple[Conv, ...]] = {
    "emphatic_thanks": tuple(_conv(*c) for c in _EMPHATIC),
    "routine_closing": tuple(_conv(*c) for c in _ROUTINE),
    "sarcastic_thanks": _SARCASTIC,
    "thanks_then_complaint": _THANKS_COMPLAINT,
    "thanks_after_failure": _THANKS_FAILURE,
    "thanks_before_help": _THANKS_BEFORE,
}
# what each form must read (the wants of facet_robustness_set.hit)
WANTS19: dict[str, tuple[tuple[str, str], ...]] = {
    "emphatic_thanks": (("Sentiment", "POSITIVE"),),
    "routine_closing": (("Sentiment", "NEUTRAL"),),
    "sarcastic_thanks": (("Sentiment", "not POSITIVE"),),
    "thanks_then_complaint": (("Sentiment", "not POSITIVE"),),
    "thanks_after_failure": (("Sentiment", "not POSITIVE"),),
    "thanks_before_help": (("Sentiment", "NEUTRAL"),),
}


def split19(part: str, seed: int = SPLIT_SEED_19) -> dict[str, tuple[Conv, ...]]:
    """`dev` or `test`: each form's cases shuffled once by the seed, the first half (rounded up)
    to dev, the rest to test."""
    return split_forms(HELDOUT19, part, seed)

"""Held-out batch 18 of the robustness set (bench/facet_robustness_set.py): praise of a named
thing, sarcastic thanks, warm closings, and the look-alikes that must not flip.

Written for the nineteenth pass of issue 14 (helper sentiment17) BEFORE any rule of that pass and
committed alone: praise of a named feature, document or team ("the bulk-edit tool is brilliant",
"loving the calendar sync") must read POSITIVE; an ironic thank-you or mock enthusiasm after an
answer that did not help ("thanks for nothing", "wow, super helpful, still frozen") NEGATIVE; a
warm closing after a fix ("you're a star, sorted", "perfect, have a lovely day") POSITIVE.
Controls: a routine "thanks, bye" (NEUTRAL), a polite complaint (not POSITIVE), praise of a
competitor the user quotes or reports (not POSITIVE), a question about a feature by its name
(NEUTRAL).

Domains batch 17 does not use: a project-management tool, a payroll service, a bank app, an
airline, a fitness tracker, a photo editor, a language-learning app and a vet clinic. Registers:
terse, typos, text-speak, non-native English, formal, emoji. One-turn cases are a single user
message; multi-turn ones are whole conversations.

Split once by `SPLIT_SEED_18` into a development part (`heldout18dev`, the only part rules may be
tuned on) and a test part (`heldout18test`, reported once at the end of the pass), half of each
form in each (the odd case to dev).
"""

from __future__ import annotations

from held_out import Conv, split_forms
from held_out import conv as _conv
from held_out import user as _u

SPLIT_SEED_18 = 18


# praise of a named thing: a feature, a document, a team, an integration
_PRAISE_NAMED = (
    _u("Just wanted to say the new bulk-edit tool is brilliant, saved me a whole afternoon."),
    _u("loving the google calendar sync, works like a charm"),
    _conv(
        "How do I set up SSO with Okta?",
        "Follow the guide under Settings > Security > Single sign-on; it takes about 10 minutes.",
        "Your SSO guide was spot on, had it running in ten minutes.",
    ),
    _u("The dark mode in the latest update is gorgeous. Well done to the team."),
    _u("Honestly the receipt scanner is a game changer for my expense reports."),
    _conv(
        "Can I export payslips as PDF?",
        "Yes: Payroll > Payslips > Export, then choose PDF.",
        "Just tried it - the PDF export is excellent, exactly what our accountant wanted.",
    ),
    _u("big fan of the new offline mode, used it the whole flight"),
    _u("Your onboarding videos are superb; my whole team was up to speed in a day."),
    _conv(
        "Is there a way to practise speaking?",
        "Yes, try the Speaking Coach in the Practice tab.",
        "omg the speaking coach is sooo good, I love it",
    ),
    _u("The appointment reminder texts are really handy, thank you for adding them!"),
    _u("The Zapier integration works beautifully with our CRM."),
    _conv(
        "How do I set up savings pots?",
        "Tap Pots > New pot, give it a name and a goal.",
        "Done. The round-up feature is genius, really impressed.",
    ),
)

# sarcasm: an ironic thank-you or mock praise after an answer that did not help
_SARCASTIC_THANKS = (
    _conv(
        "My project export keeps failing with error 500.",
        "Please try again later.",
        "thanks for nothing.",
    ),
    _conv(
        "The app crashed again when I uploaded photos.",
        "Make sure you have the latest version installed.",
        "Great, another crash, just what I needed today. I AM on the latest version.",
    ),
    _conv(
        "Payroll didn't run for three of my employees.",
        "Payroll runs automatically on the 25th of each month.",
        "Wow, super helpful. It didn't run. That's the whole problem.",
    ),
    _conv(
        "My flight credit doesn't show up in my account.",
        "Flight credits appear in your account once issued.",
        "Fantastic, thanks a bunch. It's still not there.",
    ),
    _u("Oh wonderful, the tracker wiped my whole week of workouts again. Really appreciate that."),
    _conv(
        "The sync with my calendar stopped working.",
        "Have you checked your internet connection?",
        "Cheers for that gem of wisdom, mate. Yes, the internet works.",
    ),
    _conv(
        "I was charged a monthly fee on an account I closed in May.",
        "Our fees are described in the tariff document.",
        "Thank you so much for pointing me to a document. Truly life-changing. I still want my "
        "money back.",
    ),
    _conv(
        "Why was my streak reset?",
        "Streaks reset when you miss a day.",
        "I did NOT miss a day. but sure, thx, very useful 🙃",
    ),
    _conv(
        "The vet portal won't let me book an appointment.",
        "Appointments can be booked through the portal.",
        "Yes, that's why I'm telling you the portal doesn't work. Brilliant answer, thanks.",
    ),
    _u("Just love how every single update breaks the export. Keep up the great work, guys."),
    _conv(
        "Where is my refund for the cancelled flight?",
        "Refunds are processed in due course.",
        "In due course. Marvellous. Thank you ever so much for that precise answer.",
    ),
    _conv(
        "The photo editor freezes when I save.",
        "Saving can take a moment for large files.",
        "a moment = 20 minutes? amazing support as always, still frozen",
    ),
)

# (problem, the agent's fix, the user's warm closing)
_WARM_CLOSING = (
    (
        "I can't see the shared board my manager invited me to.",
        "The invite went to your old email; I've moved it to this one, refresh the page.",
        "You're an absolute star, that's sorted it. Thanks!",
    ),
    (
        "My direct deposit details won't save.",
        "The sort code field needs no dashes; enter 402016 and save again.",
        "Perfect, that worked. Have a lovely day!",
    ),
    (
        "The card was declined abroad.",
        "I've switched on travel mode for your card; try the payment again.",
        "Brill, all working now - thanks so much and have a great weekend!",
    ),
    (
        "The watch stopped counting my steps.",
        "Re-enable Motion & Fitness access in your phone's privacy settings.",
        "That's done the trick! Really appreciate your patience with me.",
    ),
    (
        "Can't get my seat changed online.",
        "I've moved you to 14A; the new boarding pass is in your email.",
        "Sorted!! ur a legend, have a good one",
    ),
    (
        "My edits disappear when I reopen the photo.",
        "Turn on 'Save edits to library' under Preferences > Files.",
        "It works now, thank you so much for your help, you've made my day.",
    ),
    (
        "The lesson audio is in the wrong language.",
        "I've reset your course audio to Spanish; restart the app.",
        "Wonderful, everything sounds right now. Thank you kindly and take care.",
    ),
    (
        "My dog's vaccination record isn't in the app.",
        "I've uploaded it from the clinic's system; pull down to refresh.",
        "Ah yes, there it is. Cheers, you've been really helpful!",
    ),
    (
        "The payslip shows wrong name.",
        "I've corrected the name on the employee profile and regenerated the payslip.",
        "Problem solved, many many thanks, you are very helpful person.",
    ),
    (
        "Payroll is stuck on 'pending approval'.",
        "Your approver was on leave; I've routed it to the backup approver, who just approved it.",
        "Amazing, it's gone through. Thank you, you've saved me a lot of stress.",
    ),
    (
        "where is the boarding pass for my return flight?",
        "It's under Trips > Return > Boarding pass; it opens 24 hours before departure.",
        "Yes!! Found it. Thanks a million 😊",
    ),
    (
        "I was refunded the wrong amount for the cancelled class pack.",
        "I've refunded the remaining £36; it shows as pending on your card now.",
        "Excellent, I can see it. Much obliged, have a nice evening.",
    ),
)

# (question, answer) for the routine closings below
_ANSWERED = (
    ("Can I add a guest to the project?", "Yes, under Members > Invite guest."),
    ("When is payday this month?", "Salaries go out on Friday the 26th."),
    ("What's the daily transfer limit?", "£10,000 a day in the app."),
    ("How much hand luggage can I bring?", "One bag up to 10 kg and a small personal item."),
    ("Does the tracker work in the pool?", "Yes, it is water resistant to 50 metres."),
    ("Can I open RAW files?", "Yes, most camera RAW formats are supported."),
    ("How long is a lesson?", "About five minutes each."),
    ("Are you open on Sunday?", "Yes, from 10am to 2pm for emergencies."),
)
_ROUTINE = (
    "thanks, bye",
    "ok cheers",
    "Thank you. That's everything for now.",
    "k thx",
    "Noted, thanks.",
    "Thanks for getting back to me. Bye.",
    "Okay, I'll check it out later. Thanks.",
    "ty, have a good day",
)

# polite complaints: courteous words around a complaint (must not read POSITIVE)
_POLITE_COMPLAINT = (
    _u(
        "Thanks for the quick reply, but I have to say the export has been broken for a week "
        "and it's costing us time."
    ),
    _u("I appreciate your help, however I'm quite disappointed that the sync still isn't working."),
    _u("With respect, the new layout is much harder to use. Thank you for passing this on."),
    _u("Kind regards and all that, but I'm not happy that my refund is three weeks late."),
    _conv(
        "My payslip shows the wrong tax code.",
        "I've raised it with the payroll team.",
        "Thank you, though I must say this is the third month in a row it's happened.",
    ),
    _u(
        "Please don't take this the wrong way, the staff are lovely, but the app crashes every "
        "time I open the camera."
    ),
    _conv(
        "The class schedule vanished from the app.",
        "We're looking into it.",
        "Ok, thanks. It's a bit frustrating as I pay for premium.",
    ),
    _u(
        "Sorry to be a pain, but the reminder texts arrive after the appointment, which makes "
        "them pointless."
    ),
)

# praise of a competitor the user quotes or reports (must not read POSITIVE)
_COMPETITOR_PRAISE = (
    _u("A friend says Trello's calendar view is brilliant. Do you have anything like it?"),
    _u("Everyone on Reddit says Revolut's savings vaults are amazing - can I do the same here?"),
    _u("Our old tool, Asana, had a great timeline view. Is there an equivalent?"),
    _u("My running coach raves about Strava's route builder. Is something similar coming?"),
    _conv(
        "I read that Lightroom's AI masking is 'incredible'. Can your editor do masks?",
        "Yes, use the Mask tool in the Adjust panel.",
        "ok thanks",
    ),
    _u("Duolingo's streak freeze is genius according to my sister. Do you have one?"),
    _u(
        "Gusto's payroll reports look fantastic in the screenshots I've seen. How do yours compare?"
    ),
    _u(
        "People keep telling me Monzo is the best banking app around. What do you offer that's different?"
    ),
)

# questions about a feature by its name (NEUTRAL)
_FEATURE_QUESTION = (
    _u("Does the CSV export include archived projects?"),
    _u("How does the Slack integration handle private channels?"),
    _u("Is the SSO setup guide up to date for Azure AD?"),
    _u("can the receipt scanner read handwritten receipts?"),
    _u("Is the new offline mode available on Android yet?"),
    _u("What's the difference between the Speaking Coach and the listening drills?"),
    _conv(
        "Is dark mode available on the web app?",
        "Yes, under Profile > Appearance.",
        "And does it follow the system setting?",
    ),
    _u("Where do I find the round-up feature for savings?"),
)

HELDOUT18: dict[str, tuple[Conv, ...]] = {
    "praise_named": _PRAISE_NAMED,
    "sarcastic_thanks": _SARCASTIC_THANKS,
    "warm_closing": tuple(_conv(*c) for c in _WARM_CLOSING),
    "routine_closing": tuple(_conv(q, a, r) for (q, a), r in zip(_ANSWERED, _ROUTINE, strict=True)),
    "polite_complaint": _POLITE_COMPLAINT,
    "competitor_praise": _COMPETITOR_PRAISE,
    "feature_question": _FEATURE_QUESTION,
}
# what each form must read (the wants of facet_robustness_set.hit)
WANTS18: dict[str, tuple[tuple[str, str], ...]] = {
    "praise_named": (("Sentiment", "POSITIVE"),),
    "sarcastic_thanks": (("Sentiment", "NEGATIVE"),),
    "warm_closing": (("Sentiment", "POSITIVE"),),
    "routine_closing": (("Sentiment", "NEUTRAL"),),
    "polite_complaint": (("Sentiment", "not POSITIVE"),),
    "competitor_praise": (("Sentiment", "not POSITIVE"),),
    "feature_question": (("Sentiment", "NEUTRAL"),),
}


def split18(part: str, seed: int = SPLIT_SEED_18) -> dict[str, tuple[Conv, ...]]:
    """`dev` or `test`: each form's cases shuffled once by the seed, the first half (rounded up)
    to dev, the rest to test."""
    return split_forms(HELDOUT18, part, seed)

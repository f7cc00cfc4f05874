"""Phrasings for the Task summary's negation and conversation-complaint rules (issue 12 item 4, review rv13 H4).

Written for these rules, before reading how the Task summary handled them, across domains (telecom, banking,
software, retail, travel). Each list is split once: even positions are dev (tuned on), odd positions are test
(measured once, see docs/benchmarks.md).

NEGATION: (user text, words the Task must keep). The Task must keep the negator and what it scopes: a summary
without it states the opposite of the user's problem.
COMPLAINTS: (user text, words the Task must keep, words it must drop). A complaint about the conversation itself
(asking again, waiting for an answer, "as I said") is not the task.
LOOK_ALIKES: (user text, words the Task must keep): the same words used for the task itself.
"""

from __future__ import annotations

NEGATION: list[tuple[str, tuple[str, ...]]] = [
    ("No signal at home since yesterday", ("no signal",)),
    ("My phone has no internet since this morning.", ("no internet",)),
    ("I can't log in to my account.", ("can't log in",)),
    ("The app won't open after the update.", ("won't open",)),
    ("My card doesn't work at the ATM.", ("doesn't work",)),
    ("The router isn't connecting to the wifi.", ("isn't connecting",)),
    ("I never received my refund.", ("never received",)),
    ("I'm unable to make calls abroad.", ("unable to make calls",)),
    ("My SIM stopped working after the trip.", ("stopped working",)),
    ("I lost my debit card yesterday.", ("lost",)),
    ("One item is missing from my order.", ("missing",)),
    ("I was charged without my consent.", ("without my consent",)),
    ("I tap pay in the app and nothing happens.", ("nothing happens",)),
    ("Calls are not going through on my line.", ("not going through",)),
    ("There is no dial tone on my landline.", ("no dial tone",)),
    ("I cannot receive text messages.", ("cannot receive",)),
    ("The transfer hasn't arrived yet.", ("hasn't arrived",)),
    ("My payment didn't go through.", ("didn't go through",)),
    ("The password reset email never arrives.", ("never arrives",)),
    ("I have no data even though my plan is active.", ("no data",)),
    ("Voicemail is not working on my phone.", ("not working",)),
    ("Can't top up my prepaid balance.", ("can't top up",)),
    ("Hello, no 4G coverage in my area for two days, thanks.", ("no 4g coverage",)),
    ("I'm not getting the verification code.", ("not getting",)),
    ("Hi there. Still no service after the outage.", ("no service",)),
    ("Not able to send picture messages.", ("not able to send",)),
    ("Good morning! Nothing loads on the TV box.", ("nothing loads",)),
    ("No bars on my phone in the city centre.", ("no bars",)),
    ("Never got the confirmation email for my booking.", ("never got",)),
    ("Without wifi since the engineer visit.", ("without wifi",)),
    ("None of my contacts can hear me on calls.", ("none of my contacts",)),
    ("Cannot connect the printer to the laptop.", ("cannot connect",)),
]

COMPLAINTS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("Third time asking. My bill is too high this month.", ("bill",), ("third time", "asking")),
    ("I already asked this: how do I change my PIN?", ("pin",), ("already asked",)),
    (
        "Again, as I said, my internet is slow in the evenings.",
        ("internet",),
        ("as i said", "again"),
    ),
    ("Still waiting for an answer about my refund.", ("refund",), ("waiting for an answer",)),
    ("For the second time: please cancel my roaming add-on.", ("roaming",), ("second time",)),
    ("As I told your colleague, my SIM card needs replacing.", ("sim",), ("colleague", "told")),
    (
        "This is my fourth message about this. The router keeps rebooting.",
        ("router",),
        ("fourth message",),
    ),
    (
        "I've asked three times already, how do I port my number?",
        ("port",),
        ("three times", "asked"),
    ),
    (
        "Like I mentioned before, my card was declined at the shop.",
        ("declined",),
        ("mentioned before",),
    ),
    (
        "Nobody has answered me yet. I want to upgrade my plan.",
        ("upgrade",),
        ("nobody", "answered"),
    ),
    ("Once again: the app crashes on login.", ("crashes",), ("once again",)),
    ("I repeat, I need a copy of my invoice.", ("invoice",), ("i repeat",)),
    (
        "As I explained to the last agent, the transfer to my savings failed.",
        ("transfer",),
        ("last agent",),
    ),
    ("Why do I have to ask twice? Reset my voicemail password.", ("voicemail",), ("ask twice",)),
    (
        "Still no reply from you. My data plan isn't renewing.",
        ("data plan", "isn't renewing"),
        ("no reply",),
    ),
    (
        "I've been waiting two days for a response. How do I activate an eSIM?",
        ("esim",),
        ("waiting", "response"),
    ),
    (
        "You keep ignoring my question: what is the fee for international transfers?",
        ("fee",),
        ("ignoring",),
    ),
    (
        "Asking again because no one replied: cancel my subscription.",
        ("cancel",),
        ("asking again", "replied"),
    ),
    ("Hello? Is anyone there? My order hasn't shipped.", ("hasn't shipped",), ("anyone there",)),
    ("Second message today. Where is my parcel?", ("parcel",), ("second message",)),
]

LOOK_ALIKES: list[tuple[str, tuple[str, ...]]] = [
    ("My second SIM card is not activating.", ("second sim", "not activating")),
    ("I asked for a refund and it never came.", ("refund", "never")),
    ("I already paid this bill but it shows as unpaid.", ("paid",)),
    ("The third payment this month was declined.", ("third payment", "declined")),
    ("Still no signal after restarting the phone.", ("no signal",)),
    ("Waiting for the engineer: the modem has no power.", ("no power",)),
]


def dev(cases: list) -> list:
    return cases[0::2]


def held_out(cases: list) -> list:
    return cases[1::2]

"""Held-out set: cancelling a booking is a task, cancelling the service is leaving (issue 14).

Written by hand BEFORE the rule of this pass and committed alone. The form classifier's
cancel_talk head (form_classifier.py) read "Please cancel my cinema tickets" as churn talk, so a
thankful close after it read MIXED and a plain request NEGATIVE. Four forms:

- `cancel_booking`: one turn asking to cancel a thing bought or booked through the service (an
  order, a ticket, a booking, a reservation, an appointment, a table, a flight, a delivery, a
  payment, a meeting, a scheduled report, a transfer, ...), in several phrasings: a task,
  Sentiment NEUTRAL, Churn risk LOW.
- `cancel_booking_thanks`: that ask, the agent doing it, and emphatic thanks: POSITIVE, LOW.
- `cancel_relationship` (look-alikes): cancelling the relationship (subscription, account, plan,
  membership, contract, seats or licences, "everything", "us"): Sentiment NEGATIVE or MIXED,
  Churn risk HIGH or CRITICAL.
- `cancel_both` (look-alikes): a booking and the relationship in one turn ("cancel my account
  and my orders"): as `cancel_relationship`.

Split once by `SPLIT_SEED_20` (held_out.split_forms) into a development part (rules are tuned
on it) and a test part (reported once).

    .venv/bin/python bench/cancel_task_set20.py [--part dev|test|all]
"""

from __future__ import annotations

import argparse

import _common  # noqa: F401  (offline defaults)
from held_out import Conv, split_forms
from held_out import conv as _conv
from held_out import traces as form_traces
from held_out import user as _u

SPLIT_SEED_20 = 20

_BOOKING = (
    "can u cancel the 7pm booking",
    "I need to cancel my order #123",
    "cancellation of my flight please, I can't travel on the 14th",
    "cancel tomorrow's appointment pls",
    "please cancel the transfer I just made",
    "Please cancel my cinema tickets for Saturday.",
    "Hi, could you cancel the table for four at 8 tonight?",
    "I'd like to cancel the delivery scheduled for Thursday, I won't be home.",
    "Can you cancel my dentist appointment on Monday morning?",
    "pls cancel the payment to J. Smith, wrong amount",
    "Please cancel the weekly sales report that goes out on Mondays.",
    "I want to cancel the meeting with the landlord next week.",
    "Cancel my hotel reservation for the 3rd to the 5th of May, please.",
    "need to cancel order 88412, ordered the wrong size",
    "I'd like a cancellation on my train tickets to Leeds.",
    "Could I cancel the pickup booked for Friday? We found the parcel.",
    "please cancel my ticket for the 10:40 ferry",
    "Can you cancel the standing reservation for the meeting room on Wednesdays?",
    "I need the grocery order for tomorrow cancelled.",
    "cancel the wire I sent this morning, the account number is wrong",
)
_BOOKING_THANKS = (
    (
        "Please cancel my cinema tickets for Saturday.",
        "Done, your tickets are cancelled.",
        "Thanks a bunch!!",
    ),
    (
        "can u cancel the 7pm booking",
        "Cancelled. You'll get an email shortly.",
        "thank you so much!",
    ),
    (
        "I need to cancel my order #5521.",
        "Your order #5521 has been cancelled and refunded.",
        "Brilliant, thanks a lot!!",
    ),
    (
        "Please cancel tomorrow's physio appointment.",
        "I've cancelled it.",
        "Thank you so much, really appreciate it!",
    ),
    (
        "Cancel the transfer to my landlord please, I typed the wrong IBAN.",
        "The transfer was stopped before it left.",
        "Phew, thanks a million!!",
    ),
    (
        "Could you cancel my table for Friday?",
        "Your table is cancelled.",
        "Perfect, thank you so much!",
    ),
    (
        "I need to cancel the flight to Porto on the 9th.",
        "Cancelled; the refund goes back to your card in 5-7 days.",
        "Amazing, thanks so much!!",
    ),
    (
        "Please cancel the Monday report email, nobody reads it.",
        "The scheduled report is cancelled.",
        "Great, thank you very much!",
    ),
    ("pls cancel the delivery for Sat", "Done, the delivery is cancelled.", "tysm!!"),
    (
        "Can you cancel my hair appointment at 3?",
        "It's cancelled.",
        "You're a star, thanks so much!",
    ),
    (
        "I'd like to cancel the room reservation for next weekend.",
        "Your reservation has been cancelled at no charge.",
        "Wonderful, thank you so much!!",
    ),
    (
        "cancel the payment to the plumber please, he was paid in cash",
        "I've cancelled the pending payment.",
        "Thanks heaps!!",
    ),
)
_RELATIONSHIP = (
    "cancel my subscription",
    "We're cancelling the contract at the end of the month.",
    "Please cancel our plan, we don't use it.",
    "I want to cancel my membership.",
    "cancel everything, we're done",
    "Please cancel us, we found a cheaper provider.",
    "We're cancelling 20 of our seats and the rest at renewal.",
    "I'd like to cancel my account.",
    "cancel the subscription pls, too expensive",
    "How do I cancel? I don't want to pay for this any more.",
    "We'd like to cancel our licences with you.",
    "Cancellation of my membership, effective today.",
)
_BOTH = (
    "I want to cancel my account and my orders",
    "cancel our plan, and the pending invoice too",
    "Cancel my subscription and the box that's due to ship next week.",
    "Please cancel all my bookings and close my account.",
    "cancel tomorrow's delivery and my membership, I'm done with you",
    "We're cancelling our contract, so cancel the meetings scheduled with your team too.",
    "Cancel the order and cancel my account too.",
    "please cancel my flight and my loyalty membership",
)

CANCEL20: dict[str, tuple[Conv, ...]] = {
    "cancel_booking": tuple(_u(t) for t in _BOOKING),
    "cancel_booking_thanks": tuple(_conv(*c) for c in _BOOKING_THANKS),
    "cancel_relationship": tuple(_u(t) for t in _RELATIONSHIP),
    "cancel_both": tuple(_u(t) for t in _BOTH),
}
# what each form must read: Sentiment, then Churn risk ("LEAVING": HIGH or CRITICAL; "NO": LOW
# or MEDIUM); "NEG" is NEGATIVE or MIXED
WANTS_CANCEL20: dict[str, tuple[str, str]] = {
    "cancel_booking": ("NEUTRAL", "NO"),
    "cancel_booking_thanks": ("POSITIVE", "NO"),
    "cancel_relationship": ("NEG", "LEAVING"),
    "cancel_both": ("NEG", "LEAVING"),
}


def _ok(want: str, got: str) -> bool:
    if want == "NEG":
        return got in ("NEGATIVE", "MIXED")
    if want == "LEAVING":
        return got in ("HIGH", "CRITICAL")
    if want == "NO":
        return got not in ("HIGH", "CRITICAL")
    return got == want


def score(part: str) -> dict[str, tuple[int, int, int, list[str]]]:
    """Per form: (Sentiment right, Churn risk right, cases, the cases read wrong), with the local
    summarizer (fitted models off)."""
    from facet_quality import make_summarizer

    from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets

    facets = load_facets()
    wanted = [find_facet(facets, "Sentiment"), find_facet(facets, "Churn risk")]
    summ = make_summarizer("local", fitted_models=False)
    out: dict[str, tuple[int, int, int, list[str]]] = {}
    for form, cases in split_forms(CANCEL20, part, SPLIT_SEED_20).items():
        traces = form_traces(form, cases)
        got: dict[tuple[str, str], str] = {}
        for o in summ.summarize(traces, wanted).outputs:
            got[(o.trace_id, o.facet)] = o.label or "NONE"
        w_sent, w_churn = WANTS_CANCEL20[form]
        sent = churn = 0
        wrong = []
        for t, c in zip(traces, cases, strict=True):
            s, ch = got[(t["id"], "Sentiment")], got[(t["id"], "Churn risk")]
            sent += _ok(w_sent, s)
            churn += _ok(w_churn, ch)
            if not (_ok(w_sent, s) and _ok(w_churn, ch)):
                wrong.append(f"{c[0][1]!r} .. {c[-1][1]!r} -> {s}, {ch}")
        out[form] = (sent, churn, len(cases), wrong)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="dev", choices=("dev", "test", "all"))
    args = ap.parse_args()
    print(f"part {args.part} (split seed {SPLIT_SEED_20}): Sentiment right, Churn risk right")
    tot = [0, 0, 0]
    for form, (sent, churn, n, wrong) in score(args.part).items():
        w_sent, w_churn = WANTS_CANCEL20[form]
        print(f"  {form:22s} want {w_sent:8s} {w_churn:8s} {sent:>2d}/{n:<2d} {churn:>2d}/{n:<2d}")
        for w in wrong:
            print(f"      wrong: {w}")
        tot = [tot[0] + sent, tot[1] + churn, tot[2] + n]
    print(f"  {'all':22s} Sentiment {tot[0]}/{tot[2]}, Churn risk {tot[1]}/{tot[2]}")


if __name__ == "__main__":
    main()

"""Held-out set 20: the adversary's leftovers from session 19 (issue 14), with their look-alikes.

Written by hand BEFORE any rule of this pass and committed alone, in new domains (a cinema, a
co-working space, a ferry, a padel club, a hostel, a museum shop, a pharmacy, a warehouse, a
newsletter tool, a school portal) and registers (terse, text-speak, French, German, Spanish,
Italian, Portuguese, emoji). Four findings, each with cases that must read one way and
look-alikes that must read the other:

- Sentiment. Thanks followed by a bare status report ("Thanks a bunch!! Now it shows as
  cancelled.") or by hope that a fix lasts ("Fingers crossed it sticks this time") is no evidence
  of satisfaction: NEUTRAL (`thanks_then_status`, `hope_it_lasts`). Emphatic thanks with the fix
  confirmed stay POSITIVE (`confirmed_fix_thanks`).
- Sentiment. Emphatic thanks in the languages the product reads elsewhere (French, German,
  Spanish, Italian, Portuguese: preprocess.py's not-found words) and in text-speak, after the
  agent did what was asked, are POSITIVE like their English forms (`foreign_thanks`,
  `abbrev_thanks`); a single plain thanks, thanks in advance and thanks after a refusal are not
  (`plain_foreign_thanks`: NEUTRAL; `foreign_thanks_no_fix`: not POSITIVE).
- Issues. A number a counting tool returns is data, also when it reads like a status ("404" from
  count_items, `{"count": 404}`): `numeric_result`, not a failed call; the same bare status from a
  lookup, or a status said as one ("HTTP 404", "Error 404") stays a failure (`bare_status`). An
  event log whose connection broke and came back ("connection reset ... reconnected") is no
  failure (`recovered_connection`); one that did not come back is (`connection_failure`).
- Pricing question. "free" of a price ("Is this plan free?", "is the API free to use?") is a
  pricing question (`free_as_price`); "free" of a seat, a table, a court (available) is not
  (`free_as_available`).

Split once by `SPLIT_SEED_20` (bench/held_out.py's split_forms) into a development part (rules
are tuned on it) and a test part (reported once, at the end of the pass).

    .venv/bin/python bench/leftovers_set20.py [--part dev|test|all]
"""

from __future__ import annotations

from held_out import (
    Conv,
    Scores,
    local_labels,
    run_part,
    score_forms,
    split_forms,
    traces,
    wanted,
)
from held_out import conv as _conv
from held_out import user as _u

SPLIT_SEED_20 = 20


def _call(tool: str, reply: str) -> Conv:
    """A tool's reply, as (tool name, reply): read by `flagged` inside a whole conversation."""
    return ((tool, reply),)


# --- Sentiment ------------------------------------------------------------------------------
# (the ask, what the agent did, the user's last turn)
_THANKS_THEN_STATUS = (
    (
        "Please cancel my cinema tickets for Saturday.",
        "I've sent the cancellation through.",
        "Thanks a bunch!! Now it shows as cancelled.",
    ),
    (
        "Can you move my desk booking to Friday?",
        "I've updated the booking.",
        "thank you so much! it now says 'pending'",
    ),
    (
        "My ferry booking still shows the old date.",
        "I've reissued the ticket with the new date.",
        "Thanks a million!! The app now reads 'awaiting confirmation'.",
    ),
    (
        "Could you restart the export job?",
        "Restarted.",
        "thx so much!! status: queued",
    ),
    (
        "Please refund the second padel lesson.",
        "I've processed the refund.",
        "Great, thank you so much!! Now it's showing as 'processing'.",
    ),
    (
        "Can you resend the school portal invite?",
        "I've resent it to your address.",
        "thanks a ton!! it says 'invite sent 1 min ago' now",
    ),
    (
        "Please unlock my hostel account.",
        "Done, I've cleared the lock.",
        "Awesome, thanks!! The page now shows 'under review'.",
    ),
    (
        "Can you switch my prescription pickup to the Elm Street branch?",
        "I've changed the branch.",
        "Many many thanks! It's listed as 'transfer requested' at the moment.",
    ),
)

_HOPE_IT_LASTS = (
    (
        "The booking widget keeps logging me out.",
        "I've reset your session tokens.",
        "Fingers crossed it sticks this time",
    ),
    (
        "The ferry app crashes when I open my tickets.",
        "I've cleared the corrupt cache entry on our side.",
        "thanks so much!! hope it holds this time",
    ),
    (
        "My newsletter keeps going to spam.",
        "I've fixed your sender domain records.",
        "Thank you! Let's hope it stays fixed.",
    ),
    (
        "The warehouse scanner drops off Wi-Fi every hour.",
        "I've pinned it to the 5 GHz access point.",
        "Great, thanks!! Hopefully it won't happen again.",
    ),
    (
        "The padel club app double-books my court.",
        "I've removed the duplicate and patched your profile.",
        "thx a lot!! we'll see if it lasts 🤞",
    ),
    (
        "My museum membership card won't scan.",
        "I've re-issued the card's barcode.",
        "Thanks a million! Touch wood it keeps working this time.",
    ),
    (
        "The school portal shows my son in the wrong class again.",
        "I've corrected his class and locked the record.",
        "Thank you so much!! Here's hoping it doesn't revert again.",
    ),
    (
        "The co-working door code stopped working again.",
        "I've issued you a new code.",
        "awesome ty!! praying it works tomorrow morning",
    ),
)

_CONFIRMED_FIX = (
    (
        "Please cancel my cinema tickets for Saturday.",
        "I've sent the cancellation through.",
        "Thanks a bunch!! It shows as cancelled, exactly what I needed.",
    ),
    (
        "The booking widget keeps logging me out.",
        "I've reset your session tokens.",
        "That did it, thank you so much!!",
    ),
    (
        "My ferry booking still shows the old date.",
        "I've reissued the ticket with the new date.",
        "Perfect, it's fixed now. Thanks a million!",
    ),
    (
        "Can you resend the school portal invite?",
        "I've resent it to your address.",
        "got it, works now, thx so much!!",
    ),
    (
        "The warehouse scanner drops off Wi-Fi every hour.",
        "I've pinned it to the 5 GHz access point.",
        "Brilliant, it's been solid all afternoon. Thank you so much!",
    ),
    (
        "Please refund the second padel lesson.",
        "I've refunded 18.00 to your card.",
        "Wonderful, the refund is already showing. Many thanks!!",
    ),
    (
        "My newsletter keeps going to spam.",
        "I've fixed your sender domain records.",
        "Awesome, thank you so much! The test mail landed in the inbox.",
    ),
    (
        "Please unlock my hostel account.",
        "Done, I've cleared the lock.",
        "I'm back in, thanks a ton!!",
    ),
)

# (the ask, what the agent did, emphatic thanks in another language or in text-speak)
_FOREIGN = (
    ("Can you move my cinema seats to row F?", "Done: seats F7 and F8.", "Merci beaucoup !!"),
    ("Please extend my hostel stay by one night.", "Extended to Sunday.", "Danke schön!"),
    ("Could you resend my ferry ticket?", "Resent to your e-mail.", "Muchas gracias!!"),
    ("Can you refund the broken mug?", "Refunded 12.00 to your card.", "Grazie mille!!"),
    ("Please reactivate my padel membership.", "Reactivated from today.", "Muito obrigado!!"),
    ("Can you add my daughter to the portal?", "Added; she'll get an invite.", "Vielen Dank!!"),
    ("Could you waive the late pickup fee?", "I've waived it.", "Super, merci beaucoup !"),
    ("Can you book the 7 pm court?", "Booked: court 2 at 7 pm.", "¡Perfecto, muchísimas gracias!"),
)
_ABBREV = (
    ("Can you move my cinema seats to row F?", "Done: seats F7 and F8.", "ty ty ty!!!"),
    ("Please extend my hostel stay by one night.", "Extended to Sunday.", "thx so much!!"),
    ("Could you resend my ferry ticket?", "Resent to your e-mail.", "tysm!!"),
    ("Can you refund the broken mug?", "Refunded 12.00 to your card.", "tyvm, that was quick!"),
    ("Please reactivate my padel membership.", "Reactivated from today.", "omg tysm 🙏🙏"),
    ("Can you add my daughter to the portal?", "Added; she'll get an invite.", "thank uuu!!"),
    ("Could you waive the late pickup fee?", "I've waived it.", "thx a ton!!"),
    ("Can you book the 7 pm court?", "Booked: court 2 at 7 pm.", "tysm, you're a star"),
)
# a single plain thanks, in another language or abbreviated: politeness
_PLAIN_FOREIGN = (
    ("What time does the ferry leave?", "At 8:40 from pier 3.", "merci"),
    ("Is the museum shop open on Monday?", "Yes, 10 to 5.", "danke"),
    ("Where do I collect my prescription?", "At the counter by the door.", "gracias"),
    ("What's the hostel's check-in time?", "From 3 pm.", "ok ty"),
    ("Which platform for the school trip coach?", "Bay 4.", "thx"),
    ("When does the padel club close?", "At 11 pm.", "grazie, ciao"),
    ("How do I print my cinema ticket?", "Open it in the app and tap Print.", "obrigado, tchau"),
    ("Where is the co-working printer?", "Next to the kitchen.", "Danke, tschüss"),
)
# emphatic thanks in another language or text-speak, but nothing was done, or in advance
_FOREIGN_NO_FIX = (
    _conv(
        "Can you waive the cancellation fee?",
        "I'm sorry, I can't waive fees. Please contact the box office.",
        "Merci beaucoup !!",
    ),
    _conv(
        "Can I change the name on my ferry ticket?",
        "Unfortunately names can't be changed after booking.",
        "Muchas gracias!!",
    ),
    _u("Merci beaucoup d'avance !! Comment changer mon adresse de livraison ?"),
    _u("Vielen Dank im Voraus!! Wie storniere ich meinen Platz?"),
    _conv(
        "Could you refund my hostel deposit?",
        "I'm unable to do that; a member of our team will contact you within 48 hours.",
        "tysm!!",
    ),
    _u("thx so much in advance!! which plan has the bigger mailbox?"),
    _conv(
        "Please move my padel lesson.",
        "I'm transferring you to the club desk now.",
        "Grazie mille!!",
    ),
    _conv(
        "Can you unblock my card at the museum shop?",
        "I don't have access to payment cards, please call your bank.",
        "ty ty ty!!!",
    ),
)

# --- Issues ---------------------------------------------------------------------------------
_NUMERIC_RESULT = (
    _call("count_items", "404"),
    _call("count_items", '{"count": 404}'),
    _call("get_total", "500"),
    _call("count_open_tickets", "503"),
    _call("sum_order_lines", "429"),
    _call("countSubscribers", "401"),
    _call("get_stock_level", "410"),
    _call("calculate_total", '"502"'),
    _call("number_of_guests", "403"),
    _call("get_item_count", '{"total": 500, "unit": "items"}'),
)
_BARE_STATUS = (
    _call("get_order", "404"),
    _call("lookup_member", "403"),
    _call("count_items", "HTTP 404"),
    _call("count_items", "Error 404"),
    _call("get_total", "404 Not Found"),
    _call("count_open_tickets", '{"status": 500, "message": "internal error"}'),
    _call("fetch_invoice", "500"),
    _call("reserve_table", "(503)"),
    _call("sum_order_lines", "status: 502"),
    _call("get_stock_level", "[429]"),
)
_RECOVERED = (
    _call(
        "get_events",
        "2026-03-01 10:02:11 connection reset by peer\n2026-03-01 10:02:13 reconnected",
    ),
    _call("tail_log", "10:02 connection reset; reconnected after 2s, all jobs resumed"),
    _call(
        "sync_status",
        "[warn] upstream: connection reset by peer\n[info] reconnected to db-2, replication resumed",
    ),
    _call("stream_health", "Connection reset by peer. Reconnected on retry 2; 14 rows synced."),
    _call("device_log", "08:14 Wi-Fi connection lost\n08:15 connection restored\n08:15 upload ok"),
    _call("mq_events", "ECONNRESET at 09:01, reconnected at 09:01:04; 0 messages lost"),
    _call("printer_log", "connection dropped during job 112; reconnected, job 112 printed"),
    _call("replica_events", "connection to primary lost at 03:10; connection re-established 03:11"),
)
_CONNECTION_FAILURE = (
    _call("get_events", "2026-03-01 10:02:11 connection reset by peer"),
    _call("tail_log", "10:02 connection reset; reconnect failed after 3 attempts"),
    _call("sync_status", "connection reset by peer\nreconnected\nconnection reset by peer"),
    _call("stream_health", "Connection reset. Reconnecting..."),
    _call("device_log", "08:14 connection lost; reconnected, but the upload failed: timeout"),
    _call("mq_events", "ECONNRESET"),
    _call("printer_log", "connection dropped during job 112; could not reconnect"),
    _call("replica_events", "connection to primary lost at 03:10; not reconnected yet"),
)

# --- Pricing question -----------------------------------------------------------------------
_FREE_PRICE = (
    _u("Is this plan free?"),
    _u("is the API free to use?"),
    _u("Is the mobile app free?"),
    _u("Is seat selection free on this fare?"),
    _u("Is the Starter tier free forever?"),
    _u("Are the webinars free for members?"),
    _u("Is the newsletter tool free for small lists?"),
    _u("Is the basic version free or paid?"),
    _u("is a seat upgrade free if the flight is half empty?"),
    _u("Is the audio guide free with a ticket?"),
)
_FREE_AVAILABLE = (
    _u("Is this seat free?"),
    _u("Is seat 14C free?"),
    _u("is the seat next to me free"),
    _u("Is this table free?"),
    _u("Is the aisle seat still free?"),
    _u("Is bed 3 in the dorm free tonight?"),
    _u("Is the padel court free at 6?"),
    _u("Is this locker free?"),
    _u("Are these chairs free?"),
    _u("is the sun lounger by the pool free?"),
)

LEFTOVERS20: dict[str, tuple[Conv, ...]] = {
    "thanks_then_status": tuple(_conv(*c) for c in _THANKS_THEN_STATUS),
    "hope_it_lasts": tuple(_conv(*c) for c in _HOPE_IT_LASTS),
    "confirmed_fix_thanks": tuple(_conv(*c) for c in _CONFIRMED_FIX),
    "foreign_thanks": tuple(_conv(*c) for c in _FOREIGN),
    "abbrev_thanks": tuple(_conv(*c) for c in _ABBREV),
    "plain_foreign_thanks": tuple(_conv(*c) for c in _PLAIN_FOREIGN),
    "foreign_thanks_no_fix": _FOREIGN_NO_FIX,
    "numeric_result": _NUMERIC_RESULT,
    "bare_status": _BARE_STATUS,
    "recovered_connection": _RECOVERED,
    "connection_failure": _CONNECTION_FAILURE,
    "free_as_price": _FREE_PRICE,
    "free_as_available": _FREE_AVAILABLE,
}
# what each form must read: (facet, want); "FAILED" / "not FAILED" for tool replies, "PRICING"
# for any Pricing question label but NONE
WANTS20: dict[str, tuple[str, str]] = {
    "thanks_then_status": ("Sentiment", "NEUTRAL"),
    "hope_it_lasts": ("Sentiment", "NEUTRAL"),
    "confirmed_fix_thanks": ("Sentiment", "POSITIVE"),
    "foreign_thanks": ("Sentiment", "POSITIVE"),
    "abbrev_thanks": ("Sentiment", "POSITIVE"),
    "plain_foreign_thanks": ("Sentiment", "NEUTRAL"),
    "foreign_thanks_no_fix": ("Sentiment", "not POSITIVE"),
    "numeric_result": ("Issues", "not FAILED"),
    "bare_status": ("Issues", "FAILED"),
    "recovered_connection": ("Issues", "not FAILED"),
    "connection_failure": ("Issues", "FAILED"),
    "free_as_price": ("Pricing question", "PRICING"),
    "free_as_available": ("Pricing question", "NONE"),
}


def _right(got: str, want: str) -> bool:
    # "PRICING" is any Pricing question label but none
    return got != "NONE" if want == "PRICING" else wanted(got, want)


def score(part: str) -> Scores:
    """Per form: (right, cases, the last turns or replies read wrong), with the local summarizer
    (fitted models off) for Sentiment and Pricing question, and the Issues rules for tool
    replies (tool_error_plain_set.flagged); `part` is dev, test or all."""
    from tool_error_plain_set import flagged

    def read(form: str, want: tuple[str, str], cases: tuple[Conv, ...]) -> list[str]:
        if want[0] == "Issues":
            return ["FAILED" if flagged(*c[0]) else "not FAILED" for c in cases]
        return local_labels(traces(form, cases), want[0])

    return score_forms(
        split_forms(LEFTOVERS20, part, SPLIT_SEED_20),
        WANTS20,
        read,
        lambda got, want: _right(got, want[1]),
    )


def main() -> None:
    run_part(SPLIT_SEED_20, score, WANTS20)


if __name__ == "__main__":
    main()

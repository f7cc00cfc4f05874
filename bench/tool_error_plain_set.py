"""Tool replies that fail in plain text, and look-alikes that succeed (issue 14, session 19).

Four forms a tool's reply takes when it fails without an error flag, an exception or an error
JSON key: a bare HTTP status with its reason in the tool's own words ("500 - internal error, try
later"), a JSON error body whose message sits under detail / message / title / msg / reason
(`{"detail": "Authentication credentials were not provided."}`), "<thing> not found" / "no such"
/ "does not exist" as the whole reply, and a rate limit ("Too Many Requests: retry after 30
seconds", "quota exceeded", "throttled"). Each form has look-alikes a correct reader leaves
unflagged: a reply that mentions an error in its data (a search result titled "How to fix error
500", "0 errors"), a JSON message that reports success (`{"detail": "Order shipped"}`), a
not-found the agent asked for (a check for absence: "No conflicting booking found."), a plan's
limits stated as data.

Written by hand for this purpose, in several domains, before any rule was written, and not from
the demo generator's templates. Split once by seed (SPLIT_SEED) into a development part (rules
are tuned on it; tests/facets/test_tool_error_plain.py asserts it) and a test part (reported once,
`python bench/tool_error_plain_set.py --part test`).

    .venv/bin/python bench/tool_error_plain_set.py [--part dev|test|all]
"""

from __future__ import annotations

import argparse
import random

SPLIT_SEED = 19

# form -> [(tool name, reply)]: every reply is a failed call.
FAILED: dict[str, list[tuple[str, str]]] = {
    "status_reason": [
        ("get_booking", "500 - internal error, try later"),
        ("create_ticket", "503 Service Temporarily Down"),
        ("quote_fare", "502: upstream returned garbage"),
        ("find_reservation", "404 - reservation lookup failed"),
        ("schedule_visit", "400 – date must be in the future"),
        ("sync_calendar", "(500) Something broke on our side"),
        ("get_invoice", "Status 503 - maintenance window in progress, retry later"),
        ("update_profile", "422 Validation failed: passenger name is required"),
        ("place_order", "500 Oops! Something went wrong."),
        ("reserve_seat", "409 - seat already taken"),
        ("charge_card", "502 could not reach payments provider"),
        ("export_report", "401 - login required"),
        ("refresh_feed", "503 backend unavailable"),
        ("save_draft", "500\nInternal failure while saving"),
        ("lookup_parcel", "504 - carrier system took too long to answer"),
        ("cancel_plan", "403: plan changes are not allowed for this account"),
    ],
    "json_body": [
        ("get_orders", '{"detail":"Authentication credentials were not provided."}'),
        ("list_rooms", '{"detail": "Not found."}'),
        ("verify_booking", '{"message": "Invalid booking reference", "code": "E_REF"}'),
        (
            "create_claim",
            '{"type": "https://tools.ietf.org/html/rfc7231#section-6.5.1", "title": "Bad Request",'
            ' "detail": "The date field is required."}',
        ),
        ("pay_invoice", '{"message": "Could not process payment: card declined"}'),
        ("refresh_session", '{"error_description": "Refresh token expired"}'),
        ("get_member", '{"msg": "user does not exist"}'),
        ("transfer_money", '{"reason": "insufficient funds to complete the transfer"}'),
        (
            "check_stock",
            '{"message": "Unable to reach the inventory service. Please try again later."}',
        ),
        ("delete_user", '{"detail": "You do not have permission to perform this action."}'),
        ("get_statement", '{"Message": "An error has occurred."}'),
        (
            "get_repo",
            '{"message": "Not Found", "documentation_url": "https://docs.example.dev/rest"}',
        ),
        ("upload_photo", '{"message": "File exceeds the maximum size of 10 MB"}'),
        ("book_slot", '{"detail": "Slot is already booked by another patient"}'),
        ("apply_coupon", '{"message": "Coupon code has expired", "request_id": "r-8812"}'),
        ("lookup_vin", '{"title": "Service unavailable", "detail": "Decoder offline"}'),
    ],
    "not_found": [
        ("get_booking", "Booking reference QX7 not found"),
        ("get_user", "User not found"),
        ("get_customer", "No such customer: cus_8812"),
        ("get_order", "Order 55 does not exist"),
        ("get_reservation", "Reservation ZX91 could not be found."),
        ("fetch_invoice", "The requested invoice was not found."),
        ("order_status", "Unknown order id 5531"),
        ("get_account", "That account no longer exists."),
        ("get_item", "Item SKU-4411 doesn't exist in the catalog"),
        ("get_passenger", "Passenger record not found for ticket 016-2231"),
        ("read_export", "no such file or directory: /exports/march.csv"),
        ("flight_status", "Flight UA 938 on 2024-05-02: not found"),
        ("cancel_subscription", "Subscription sub_19 not found or already deleted"),
        ("lookup_booking", "No booking exists with reference KLM442"),
        ("get_contact", "Customer with email jo@example.com does not exist"),
        ("get_ticket", "Ticket #4471 was not found in the system."),
        ("restart_vm", "Resource 'vm-prod-3' not found"),
    ],
    "rate_limit": [
        ("search_flights", "Too Many Requests: retry after 30 seconds"),
        ("geocode", "Rate limit exceeded. Try again in 60s."),
        ("translate", "Quota exceeded for project acme-prod"),
        ("send_sms", "Request throttled; please slow down"),
        ("get_weather", "You have exceeded your daily request quota."),
        ("list_repos", "API rate limit reached, wait 2 minutes"),
        ("put_record", "Throttling: Rate exceeded"),
        ("fetch_prices", "Slow down! Retry-After: 12"),
        ("search_hotels", "Request limit hit - please retry after 17:05 UTC"),
        ("get_fares", "429: too many calls to the fares API"),
        ("post_message", "Calls to this endpoint are temporarily throttled."),
        ("summarize_doc", "Monthly quota exhausted for key ending 9f2a."),
        ("lookup_address", "Over the rate limit; back off and retry in 5 seconds"),
        ("list_invoices", "You are being rate limited."),
        ("track_parcel", "Usage cap reached for today. Try again tomorrow."),
    ],
}

# form -> [(tool name, reply)]: every reply is a call that succeeded.
LOOKALIKES: dict[str, list[tuple[str, str]]] = {
    "status_reason": [
        ("search_products", "404 results for 'winter boots'"),
        ("quote_fare", "500 - 650 EUR is the typical price range for this route"),
        ("nearest_depot", "401 Harbour Road, Unit 3, is the nearest depot"),
        ("add_points", "503 loyalty points added; new balance 2,140"),
        ("get_recipe", "400 - 450 kcal per serving"),
        ("confirm_booking", "200 OK: booking confirmed"),
        ("store_hours", "502 Bay Street store: open 9-5, closed Sundays"),
        ("search_kb", "Results (2): 'How to fix error 500 at checkout', 'Why am I seeing a 503?'"),
    ],
    "json_body": [
        ("order_status", '{"detail": "Order shipped"}'),
        ("book_table", '{"message": "Booking confirmed", "booking_id": "QX77"}'),
        ("import_csv", '{"message": "Import complete: 0 errors"}'),
        (
            "get_ticket",
            '{"id": 88, "subject": "Checkout error", "message": "Customer reports a failed'
            ' payment", "status": "open"}',
        ),
        (
            "search_kb",
            '{"results": [{"title": "How to fix error 500", "snippet": "If checkout shows an'
            ' internal error, clear the cart."}]}',
        ),
        ("refund", '{"detail": "Refund of $40 issued to card ending 4242"}'),
        ("lint_config", '{"message": "No errors found in your configuration"}'),
        ("reset_password", '{"status": "success", "message": "Password reset link sent"}'),
        ("api_plan", '{"message": "Your rate limit is 100 requests per minute"}'),
        ("hold_seat", '{"detail": "Seat 14C held until 18:00"}'),
    ],
    "not_found": [
        ("check_booking_conflicts", "No conflicting booking found."),
        ("search_transactions", "No matching transactions found for March."),
        ("list_overdue_invoices", "No overdue invoices found for this account."),
        ("search_catalog", "0 results found for 'velvet sofa'"),
        ("check_breach", "Email not found in any known breach."),
        ("check_blocklist", "Address not found on the blocklist."),
        ("find_duplicates", "No duplicate accounts exist for this email."),
        ("check_availability", "No existing reservation found for these dates; the room is free."),
        ("fraud_check", "No fraud flags found on card ending 4242."),
        ("store_info", "The lost-and-found office is open 9-5."),
    ],
    "rate_limit": [
        ("api_plan", "Your plan allows 1,000 API requests per minute; current usage 12%."),
        ("data_usage", "Data quota: 20 GB per month, 3.1 GB used."),
        ("search_kb", "Retry after rebooting the router if the light stays red."),
        ("search_kb", "Article: Handling 'Too Many Requests' responses in our SDK (5 min read)"),
        ("service_quote", "Throttle body cleaning: $89, takes about an hour."),
        ("stock_levels", "Quota for the spring sale: 50 units per store, 12 left."),
        ("pricing_page", "Rate limits: Free 60/min, Pro 600/min, Enterprise custom."),
        ("traffic_info", "Slow down zone active near the school from 8 to 9 am."),
    ],
}


def split_parts(
    items: list[tuple[str, str]], salt: str, seed: int = SPLIT_SEED
) -> dict[str, list[tuple[str, str]]]:
    """`items` split once, by `seed` and `salt`, into a dev half and a test half (in order)."""
    order = list(range(len(items)))
    random.Random(f"{seed}:{salt}").shuffle(order)
    half = (len(items) + 1) // 2
    return {
        "dev": [items[i] for i in sorted(order[:half])],
        "test": [items[i] for i in sorted(order[half:])],
    }


def part(name: str) -> tuple[dict[str, list], dict[str, list]]:
    """(failed, look-alikes) by form for one part: "dev", "test" or "all"."""
    if name == "all":
        return FAILED, LOOKALIKES
    failed = {f: split_parts(v, f"failed:{f}")[name] for f, v in FAILED.items()}
    alike = {f: split_parts(v, f"alike:{f}")[name] for f, v in LOOKALIKES.items()}
    return failed, alike


def conversation(tool: str, reply: str) -> list[dict]:
    """A user ask, the agent's call, the tool's reply, and an answer that says nothing of it."""
    return [
        {"role": "user", "content": "Can you look that up for me?"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": tool, "arguments": "{}"}}
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "name": tool, "content": reply},
        {"role": "assistant", "content": "Here is what I found."},
    ]


def flagged(tool: str, reply: str) -> bool:
    """Whether the Issues rules read the call as failed."""
    from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues

    return any(i.category == "Failed tool call" for i in detect_issues(conversation(tool, reply)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="dev", choices=("dev", "test", "all"))
    args = ap.parse_args()
    failed, alike = part(args.part)
    tot = [0, 0, 0, 0]
    print(f"part {args.part} (split seed {SPLIT_SEED})")
    for form in FAILED:
        hit = [r for t, r in failed[form] if flagged(t, r)]
        false = [r for t, r in alike[form] if flagged(t, r)]
        missed = [r for t, r in failed[form] if r not in hit]
        print(f"  {form:14s} recall {len(hit)}/{len(failed[form])}  look-alikes flagged "
              f"{len(false)}/{len(alike[form])}")  # fmt: skip
        for r in missed:
            print(f"      missed: {r!r}")
        for r in false:
            print(f"      false:  {r!r}")
        tot = [tot[0] + len(hit), tot[1] + len(failed[form]), tot[2] + len(false),
               tot[3] + len(alike[form])]  # fmt: skip
    print(f"  {'all':14s} recall {tot[0]}/{tot[1]}  look-alikes flagged {tot[2]}/{tot[3]}")


if __name__ == "__main__":
    main()

"""Tool failures the plain-text readers missed, and replies they read as failures wrongly
(issue 14, adversarial pass attack19, session 19): a second phrasing set beside
bench/tool_error_plain_set.py, with its own split.

Failures: a connection that never happened ("connection refused", ECONNREFUSED, "could not
connect", "connection reset", "host unreachable", "Name or service not known"), a reply that is
only a 4xx / 5xx status ("404"), a not-found in German, French, Spanish and a few neighbours
("Kunde nicht gefunden", "introuvable", "no encontrado"), and an English not-found followed by
words that do not resolve it ("User not found. Did you mean jdoe2?"). Look-alikes that succeeded:
connection words as data ("0 connection errors", "connection restored"), a number that opens data
("404 results"), a not-found the same reply resolves ("Order 8812 not found in pending orders; it
has already shipped") or an idiom ("no such luck, but I found a similar hotel nearby"), and
foreign absence checks and finds ("Keine Konflikte gefunden.", "introuvable ailleurs").

Written by hand before any rule changed, in several domains, not from the demo generator's
templates. Split once by seed (SPLIT_SEED) into dev (rules tuned on it;
tests/facets/test_tool_error_plain.py asserts it) and test (reported once).

    .venv/bin/python bench/tool_error_plain_set_b.py [--part dev|test|all]
"""

from __future__ import annotations

import argparse

from tool_error_plain_set import flagged, split_parts

SPLIT_SEED = 1902

FAILED: dict[str, list[tuple[str, str]]] = {
    "connection": [
        ("get_booking", "connection refused"),
        ("query_orders", "ECONNREFUSED 127.0.0.1:5432"),
        ("check_stock", "Could not connect to the inventory service."),
        ("sync_crm", "Connection reset by peer"),
        ("ping_printer", "Host unreachable"),
        ("lookup_address", "getaddrinfo: Name or service not known"),
        ("fetch_rates", "connect ECONNREFUSED 10.0.3.7:8080"),
        ("list_rooms", "Unable to connect to the remote server"),
        ("send_invoice", "Network is unreachable"),
        ("get_statement", "The connection was reset while reading the response."),
        ("track_parcel", "No route to host"),
        ("quote_fare", "Could not resolve host: api.carrier.example"),
        ("read_ledger", "Can't connect to MySQL server on 'db-2'"),
        ("get_weather", "socket hang up"),
        ("search_hotels", "upstream connect error or disconnect/reset before headers"),
        ("post_message", "Temporary failure in name resolution"),
        ("get_profile", "connection closed by the remote host before a reply"),
        ("cancel_order", "ECONNRESET"),
    ],
    "bare_status": [
        ("get_booking", "404"),
        ("create_ticket", "500"),
        ("refresh_feed", "503"),
        ("quote_fare", "HTTP 502"),
        ("sync_calendar", "(500)"),
        ("get_invoice", "status: 503"),
        ("search_flights", "[429]"),
        ("export_report", "401"),
        ("delete_user", "403."),
        ("get_order", "Status code 500"),
        ("get_repo", "HTTP/1.1 404"),
        ("lookup_vin", '"404"'),
        ("pay_invoice", "502\n"),
        ("place_order", "HTTP 400"),
    ],
    "foreign_not_found": [
        ("get_customer", "Kunde nicht gefunden"),
        ("get_booking", "Buchung 4471 wurde nicht gefunden."),
        ("read_export", "Datei existiert nicht: /exports/maerz.csv"),
        ("get_client", "Client introuvable"),
        ("get_reservation", "Réservation QX7 introuvable."),
        ("get_order", "Commande non trouvée"),
        ("read_file", "Le fichier n'existe pas"),
        ("get_cliente", "Cliente no encontrado"),
        ("get_reserva", "Reserva no encontrada: ZX91"),
        ("get_pedido", "El pedido 55 no existe"),
        ("get_user", "Utilisateur non trouvé"),
        ("get_page", "404 Página no encontrada"),
        ("get_cliente_it", "Cliente non trovato"),
        ("get_pedido_pt", "Pedido não encontrado"),
        ("lookup_booking", "Keine Buchung mit der Referenz KLM442 gefunden"),
        ("get_ticket", "Ticket #4471 existiert nicht mehr."),
    ],
    "not_found_unresolved": [
        ("get_user", "User not found. Did you mean jdoe2?"),
        ("get_order", "Order 8812 not found; please check the number and try again."),
        ("get_booking", "Booking not found; no changes were made."),
        ("get_file", "The file does not exist; nothing was exported."),
        ("get_customer", "No such customer: cus_8812. Check the id in your dashboard."),
        ("get_seat", "Seat 14C not found on flight UA 938."),
        ("get_coupon", "Coupon SPRING does not exist or has been removed."),
        ("get_invoice", "Invoice 2231 not found for this account, it may have been voided."),
    ],
}

LOOKALIKES: dict[str, list[tuple[str, str]]] = {
    "connection": [
        ("network_health", "0 connection errors in the last 24 hours"),
        ("sync_inbox", "Connection restored; 3 messages delivered."),
        ("line_test", "Wi-Fi connection: 120 Mbps down, 20 Mbps up"),
        ("flight_info", "Connecting flight LH 401 departs 14:05 from gate B12"),
        ("delivery_stats", "Refused deliveries this month: 2 (both returned to sender)"),
        ("event_info", "Host: Maria Lopez, reachable at +34 600 123 456"),
        ("pair_printer", "Connection established to printer HP-4F"),
        ("sync_calendar", "Reconnected after a brief reset; sync complete."),
        ("line_status", "No connection issues reported on your line."),
        ("router_reset", "Router reset completed; all lights green."),
        ("search_kb", "Article: What to do when the app says 'connection refused'"),
        ("upgrade_offer", "The guest refused the upgrade offer; the booking stays standard."),
    ],
    "bare_status": [
        ("search_products", "404 results"),
        ("confirm_booking", "HTTP 200"),
        ("nearest_depot", "404 Main Street"),
        ("add_points", "500 points"),
        ("get_price", "$500"),
        ("quote_fare", "404.00 EUR"),
        ("room_search", "429 rooms available across 12 hotels"),
        ("flight_info", "Flight 404 departs at 09:15"),
        ("get_room", "Room 502, 5th floor"),
        ("create_item", "201"),
        ("get_dose", "500 mg twice a day"),
    ],
    "not_found_resolved": [
        (
            "get_order",
            "Order 8812 not found in pending orders; it has already shipped (tracking 1Z999AA10).",
        ),
        ("write_file", "The file does not exist yet; created it."),
        ("find_hotel", "no such luck, but I found a similar hotel nearby"),
        ("book_room", "no such luck, booked it"),
        (
            "get_profile",
            "Profile not found in cache; loaded from the database: Jane Doe, member since 2019.",
        ),
        ("apply_coupon", "Coupon SPRING not found, applied WELCOME10 instead (10% off)."),
        ("make_dir", "Directory did not exist; created /exports/march."),
        ("assign_seat", "Seat 14C not found on this aircraft type; assigned 15C instead."),
        (
            "get_booking",
            "Booking not found under the old reference; found it under KLM442: confirmed, 2 guests.",
        ),
        ("pricing", "There's no such thing as a hidden fee here: the plan is $0 for 30 days."),
        ("get_setting", "Key not found, so it was created with the default value 30."),
        ("check_stock", "Not found in the EU warehouse; ships from the US warehouse in 3 days."),
    ],
    "foreign": [
        ("check_conflicts", "Keine Konflikte gefunden."),
        ("find_duplicates", "Aucune réservation en double trouvée."),
        ("fraud_check", "No se encontraron cargos sospechosos."),
        ("get_customer", "Kunde gefunden: Anna Schmidt, Kundennummer 8812"),
        ("store_info", "Objets trouvés : ouvert de 9h à 17h"),
        ("get_pedido", "Pedido encontrado: enviado el 3 de mayo"),
        ("check_breach", "E-Mail in keiner bekannten Datenpanne gefunden."),
        ("rare_books", "Introuvable ailleurs : cette édition rare est en stock (2 exemplaires)."),
        ("write_file", "El archivo no existía; lo he creado."),
        ("get_booking", "Buchung 4471 bestätigt, 2 Gäste."),
    ],
}


def part(name: str) -> tuple[dict[str, list], dict[str, list]]:
    """(failed, look-alikes) by form for one part: "dev", "test" or "all"."""
    if name == "all":
        return FAILED, LOOKALIKES
    failed = {f: split_parts(v, f"failed:{f}", SPLIT_SEED)[name] for f, v in FAILED.items()}
    alike = {f: split_parts(v, f"alike:{f}", SPLIT_SEED)[name] for f, v in LOOKALIKES.items()}
    return failed, alike


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="dev", choices=("dev", "test", "all"))
    args = ap.parse_args()
    failed, alike = part(args.part)
    print(f"part {args.part} (split seed {SPLIT_SEED})")
    hit_n = fail_n = false_n = alike_n = 0
    for form, items in failed.items():
        missed = [r for t, r in items if not flagged(t, r)]
        print(f"  {form:22s} recall {len(items) - len(missed)}/{len(items)}")
        for r in missed:
            print(f"      missed: {r!r}")
        hit_n, fail_n = hit_n + len(items) - len(missed), fail_n + len(items)
    for form, items in alike.items():
        false = [r for t, r in items if flagged(t, r)]
        print(f"  {form:22s} look-alikes flagged {len(false)}/{len(items)}")
        for r in false:
            print(f"      false:  {r!r}")
        false_n, alike_n = false_n + len(false), alike_n + len(items)
    print(f"  {'all':22s} recall {hit_n}/{fail_n}  look-alikes flagged {false_n}/{alike_n}")


if __name__ == "__main__":
    main()

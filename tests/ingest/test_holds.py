"""Days held back for their quarantine rate, read from the tables; accepting a day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from factories.landing import trace_object, write_lines

from tracetopics_pipeline.core.ingest.holds import accept_day, held_days, quarantine_by_day
from tracetopics_pipeline.core.ingest.stage import ingest_days

D1, D2 = date(2026, 1, 5), date(2026, 1, 6)
TODAY = date(2026, 1, 10)


def test_a_day_is_held_until_accepted_and_again_when_it_gets_worse(landing: Path, conn) -> None:
    good = [trace_object(f"g{d.day}-{i}", d) for d in (D1, D2) for i in range(9)]
    write_lines(landing / "a.jsonl", [*good, trace_object("bad", D2, id=...)])
    ingest_days(conn, landing, [D1, D2], today=TODAY)
    by_day = quarantine_by_day(conn, [D1, D2], 0.05)
    assert (by_day[D1].lines, by_day[D1].quarantined, by_day[D1].held) == (9, 0, False)
    assert (by_day[D2].lines, by_day[D2].quarantined) == (10, 1)
    assert by_day[D2].reasons == {"missing_id": 1} and by_day[D2].held
    assert [h.day for h in held_days(conn, [D1, D2], 0.05)] == [D2]
    assert held_days(conn, [D1, D2], 0.10) == []  # a higher threshold lets it through

    assert not accept_day(conn, D2, 0.05).held
    assert held_days(conn, [D1, D2], 0.05) == []
    # A new file with more bad lines for the day: held again.
    write_lines(landing / "b.jsonl", [trace_object("bad2", D2, id=...)])
    ingest_days(conn, landing, [D2], today=TODAY)
    assert [h.day for h in held_days(conn, [D2], 0.05)] == [D2]


def test_a_file_sent_again_holds_no_day_back(landing: Path, conn) -> None:
    # A re-export of the same day (every trace again) supersedes every earlier copy: the copies
    # stay on record in the quarantine table, but the day's data is whole, so it goes on.
    day = [trace_object(f"t{i}", D1) for i in range(20)]
    write_lines(landing / "a.jsonl", day)
    write_lines(landing / "b.jsonl", [*day, trace_object("bad", D1, id=...)])
    stats = ingest_days(conn, landing, [D1], today=TODAY)
    q = quarantine_by_day(conn, [D1], 0.05)[D1]
    assert (q.lines, q.quarantined, q.superseded, q.reasons) == (21, 1, 20, {"missing_id": 1})
    assert not q.held and "20 copies sent again, not counted" in q.summary()
    assert stats.quarantine_rate_by_day[D1] == q.rate  # the asset's metadata reads the same
    assert conn.execute(
        "SELECT count(*) FROM quarantine WHERE reason = 'duplicate_superseded'"
    ).fetchone() == (20,)
    # Accepting counts bad lines only: one more superseded copy does not hold the day again.
    write_lines(landing / "c.jsonl", day[:1])
    accept_day(conn, D1, 0.01)
    ingest_days(conn, landing, [D1], today=TODAY)
    assert held_days(conn, [D1], 0.01) == []
    assert quarantine_by_day(conn, [D1], 0.01)[D1].accepted == 1  # the bad line, not the copies
    # so one more bad line holds the day again (an acceptance of 21 lines would have hidden it)
    write_lines(landing / "d.jsonl", [trace_object("bad4", D1, id=...)])
    ingest_days(conn, landing, [D1], today=TODAY)
    assert [h.day for h in held_days(conn, [D1], 0.01)] == [D1]


def test_accepting_a_day_says_whether_it_was_held(home: Path, capsys) -> None:
    """Review rv6 E5: `quarantine --accept` on a day under the threshold said "it is no longer
    held back" (it never was) and "1 quarantined lines"."""
    from tracetopics_pipeline.cli import main
    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.settings import paths

    landing = home / "landing"
    good = [trace_object(f"g{d.day}-{i}", d) for d in (D1, D2) for i in range(30)]
    write_lines(landing / "a.jsonl", [*good, trace_object("bad", D1, id=...)])
    with warehouse.connect(paths().warehouse) as conn:
        ingest_days(conn, landing, [D1, D2], today=TODAY)
    assert main(["quarantine", "--day", str(D1), "--accept"]) == 0
    out = capsys.readouterr().out
    assert "accepted 1 quarantined line of 2026-01-05 (3.23%, under the threshold 5.00%" in out
    assert "no longer held back" not in out and "nothing to re-run" in out

"""The Issues forms fresh batch 23 (bench/facet_robustness_batch23.py) found weak on its development
part, as general rules (issue 14, session 24): each with phrasings of our own in other domains (a
ferry line, a campsite, a ski lodge, a dental practice, a language school, a taxi firm, a swimming
pool, a zoo) and look-alikes that must not fire. None is taken from batch 23 or the demo's
templates.
"""

from __future__ import annotations

import pytest
from test_fresh_forms22 import _answer

# --- a front-of-house department asked for by name after a handover verb, then ignored

FRONT_DESK_ASKS = [
    ("Can you transfer me to reception? I'm in cabin 12.", "Our ferries sail hourly from 6am."),
    ("Put me through to the switchboard please.", "The campsite has 40 pitches and 6 yurts."),
    ("connect me to housekeeping, we need more towels", "Towels are provided in every room."),
    ("Transfer me to the concierge.", "The ski lodge's spa opens at 9."),
    ("Could you connect me with admissions?", "Our spring courses start on 3 March."),
    ("transfer me to dispatch, the driver never came", "Our taxis are cleaned after every ride."),
]
NOT_ASKS = [
    ("What are the reception opening hours?", "Reception is open from 7am to 11pm."),
    ("Can you transfer my booking to the reception room on floor 2?", "Done, it's moved."),
    ("Send me the switchboard number so I can save it.", "It's 01632 960 111."),
    ("Is housekeeping included in the price?", "Yes, daily housekeeping is included."),
]


@pytest.mark.parametrize(("ask", "reply"), FRONT_DESK_ASKS)
def test_a_front_desk_by_name_asked_and_ignored_is_unmet(ask, reply):
    assert "Unmet escalation" in _answer(ask, reply)


@pytest.mark.parametrize(("ask", "reply"), NOT_ASKS)
def test_asking_about_a_desk_is_no_ask_for_a_person(ask, reply):
    assert "Unmet escalation" not in _answer(ask, reply)


# --- a person called in, said under way ("paging", "looping in"), meets the ask

CALLED_IN = [
    ("I need to speak to a dentist.", "Paging the on-call dentist for you now."),
    ("Get me a human please.", "Looping in our billing specialist now, one moment."),
    ("Can I talk to a real person?", "I'm bringing in a senior instructor to this chat."),
    ("I want a manager.", "Calling in the duty manager for you, please stay on the line."),
    ("HUMAN PLEASE", "Alerting the lifeguard team now, someone will answer you here."),
    ("Is there a real person I can talk to at the zoo?", "Notifying our keeper team now."),
]
NOT_CALLED_IN = [
    (
        "I need to speak to a dentist.",
        "Paging through your records now: your last visit was in May.",
    ),
    ("Get me a human please.", "Calling in the order for pickup now."),
    ("Can I talk to a real person?", "Notifying you by SMS when the class opens."),
    ("I want a manager.", "If needed, I could be paging the duty manager later."),
]


@pytest.mark.parametrize(("ask", "reply"), CALLED_IN)
def test_a_person_being_called_in_meets_the_ask(ask, reply):
    assert "Unmet escalation" not in _answer(ask, reply)


@pytest.mark.parametrize(("ask", "reply"), NOT_CALLED_IN)
def test_paging_or_calling_without_a_person_stays_unmet(ask, reply):
    assert "Unmet escalation" in _answer(ask, reply)

"""Handoff tools by name: whether a tool an agent calls hands the conversation to a person.

Its own module outside the local summarizer (as tool_error.py): the Issues and Sentiment rules
read it (summarizers/local/handover.py), and so do the topic names (topics/labels/cleaning.py),
which must not import the summarizer.

Agents hand off by calling a tool as often as by saying so, and every framework names it its
own way: transfer_to_human_agents (tau-bench), escalate_to_support, handOffToHuman,
create_ticket_for_human, route_to_live_agent. A name is read as its word parts (snake, camel,
kebab, dotted; "hand_off" is one word), not as a string: a handover verb with a person or a
team to take over, or the conversation itself handed on. Decided (docs/facets.md#issues):
- "human" and a live agent/person/rep are a person whatever the verb ("create_ticket_for_human"),
  other takers (agent, support, team, staff, a role) only after a handover verb ("connect_agent",
  "transfer_to_billing_department"), so "create_person" and "assign_seat" are no handoff;
- "handoff"/"handover" and "escalate" need no taker ("handoff", "escalate", "escalate_case"),
  but raising a ticket's attribute or a privilege is no handoff ("escalate_priority",
  "escalate_ticket_priority", "escalate_privileges"); where the name says to whom ("..._to_X"),
  X must be a person or a team ("handoff_to_staff", "escalate_to_level_2_support"; not
  "handoff_to_planner", "escalate_to_permanent_block");
- a call, chat, conversation or case handed on counts ("transfer_call", "route_conversation");
- never: a lookup about agents or handoffs ("get_agent_status", "check_live_agent_availability",
  "escalation_policy_lookup"), a person asked for input or approval (human in the loop:
  LangChain's "human" tool, "ask_human", "request_human_approval"), another machine
  ("transfer_to_ai_agent", "handoff_to_billing_bot", a graph's node, engine or planner), money,
  data or messages moved ("transfer_funds", "transfer_funds_to_agent_account",
  "send_invoice_to_team");
- left as a handoff: "agent" in a multi-agent framework's hand-off between two models
  ("transfer_to_refund_agent" in the OpenAI Agents SDK, LangGraph's "handoff_to_agent") reads
  as a person, as support tools mean it; the name cannot tell. Left out: a call transferred to a
  number ("transfer_to_number"), where the name does not say a person answers.
"""

from __future__ import annotations

import re

_NAME_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_HANDOVER_PART = re.compile(r"hand(?:off|over)s?|escalat\w*")
_ROUTE_PART = re.compile(
    r"transfer\w*|rout(?:e|es|ed|ing)|connect(?:s|ed|ing)?|forward\w*|refer(?:s|red|ring|ral)?|"
    r"assign\w*|pag(?:e|es|ed|ing)|notify|alert|request\w*|talk|speak|reach|contact|call|enqueue|"
    r"queue|summon|loop|bring|dispatch|send|pass|hand"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PERSON_PARTS = _words("human humans")
_LIVE_OF = _words("""agent agents person persons human rep reps representative support chat
operator operators staff help""")
_TAKER_PARTS = _words("""agent agents support team teams desk department dept tier specialist
specialists expert experts nurse nurses doctor doctors clinician reception receptionist advisor
adviser advisors advisers colleague colleagues operator operators supervisor supervisors manager
managers concierge technician pharmacist vet counselor counsellor helpdesk frontdesk servicedesk
oncall person persons people representative representatives rep reps staff staffer""")
_HANDED_PARTS = _words("call calls chat chats conversation conversations case cases")
# Never a handoff, wherever in the name: a lookup, a person asked for input (human in the loop),
# another machine, or money, data or messages moved.
_NOT_HANDOFF_PARTS = _words("""get list lists check lookup look search find fetch read show
describe query count is has can status availability available history policy policies config
settings setting schedule hours info details metrics stats log logs readable resources resource hr
doc docs article articles faq kb knowledge update set validate verify estimate wait
ask input approval approve approved feedback confirm confirmation review clarify clarification hitl
ai bot bots chatbot llm gpt model models subagent virtual automated copilot node nodes graph
subgraph engine workflow pipeline planner worker workers orchestrator
funds fund money payment payments balance ownership file files data credit credits points miles
domain license api email emails sms invoice receipt report document voicemail calendar database
db wifi bluetooth""")
# Raised, not handed: a ticket's priority, a user's privileges.
_ATTRIBUTE_PARTS = _words("""priority severity privilege privileges permission permissions level
urgency access role roles rights sudo root""")


def _name_parts(name: str) -> list[str]:
    """A tool name's words, lower case: "handOffToHuman" -> hand off to human -> handoff to human."""
    out: list[str] = []
    for p in _NAME_PART.findall(name):
        p = p.lower()
        if out and out[-1] == "hand" and p in ("off", "over"):
            out[-1] = "hand" + p
        else:
            out.append(p)
    return out


def handoff_tool(name: str) -> bool:
    """Whether a tool with this name hands the conversation to a person (see the rules above)."""
    parts = _name_parts(name)
    if not parts or parts in (["human"], ["humans"]) or _NOT_HANDOFF_PARTS.intersection(parts):
        return False
    if "in" in parts and "loop" in parts:  # human_in_the_loop
        return False
    live = any(a == "live" and b in _LIVE_OF for a, b in zip(parts, parts[1:], strict=False))
    if live or _PERSON_PARTS.intersection(parts):
        return True
    handover = any(_HANDOVER_PART.fullmatch(p) for p in parts)
    if not handover and not any(_ROUTE_PART.fullmatch(p) for p in parts):
        return False
    to = next((i for i, p in enumerate(parts) if p in ("to", "with", "for")), None)
    if to is not None:  # the taker is named: "handoff_to_staff", not "handoff_to_planner"
        return bool((_TAKER_PARTS | _HANDED_PARTS).intersection(parts[to + 1 :]))
    if _TAKER_PARTS.intersection(parts) or _HANDED_PARTS.intersection(parts):
        return True
    # no taker: "handoff", "escalate", "escalate_case", not "escalate_priority"
    return handover and not _ATTRIBUTE_PARTS.intersection(parts)

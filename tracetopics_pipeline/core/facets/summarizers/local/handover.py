"""The user asking for a person, and the agent handing over: cues both the Issues facet (an
unmet escalation, an escalation) and the Sentiment rules (an ask for a person is NEGATIVE
evidence unless calm, a handover answers it) read. Their own module so that issues.py can read
Sentiment's `pleased` without an import cycle.

`read_handovers` is the one reading of a conversation's handovers (issue 14): the handoff tools
called (facets/handoff_tools.py, by the parts of their name) and whether they failed, the handovers said,
and what came of each user turn (handed over, arranged, attempted, explained, ignored). Issues
reads it for ESCALATION and UNMET_ESCALATION, Sentiment for whether an ask for a person was met,
so the two never read the same trace differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracetopics_pipeline.core.facets.handoff_tools import handoff_tool
from tracetopics_pipeline.core.facets.preprocess import (
    call_contexts,
    call_names,
    content_text,
    is_error_reply,
    tool_calls_of,
    tool_name_of,
)

HANDOVER_TEXT = re.compile(
    # A handover that happens, not one offered ("I can transfer you if you'd like").
    r"\b(?:(?:i(?:'m| am) (?:now )?|i(?:'ve| have) (?:now )?|i(?:'ll| will) now |now )(?:transferr(?:ing|ed)|transfer|connect(?:ing|ed)?|escalat(?:ing|ed)|hand(?:ing|ed)? (?:you |this )?over)"
    r"|you(?:'re| are| have been) (?:being )?(?:transferred|connected|escalated)|a human agent will (?:be with you|contact you|take over))\b",
    re.I,
)
# The user asking for a person (shared with the Sentiment rules).
_PERSON = (
    r"(?:a |an |your |the |some |to a |to an |someone at )?(?:real |actual |live |human |competent )?"
    r"(?:support |service |customer )?"
    r"(?:human|person|agent|representative|rep|manager|supervisor|operator|people|staff|"
    # who runs the business: "speak to the proprietor", "have the owner of the firm contact me"
    r"owner|proprietor|boss|gaffer|director|"
    r"support team|customer service|(?:someone|somebody) (?:real|competent|else|in charge)|employee|"
    r"staff member|member of (?:staff|your team|the team)|one of (?:your|the) (?:staff|team|people|"
    r"employees|agents|colleagues|experts|specialists|advisors)|"
    r"(?:your|the) (?:\w+ ){0,2}?(?:team|department|dept|desk|office|division)|"
    # a person in charge named by what they run: "your installation manager", "the site
    # supervisor", "the clinic director"
    r"(?:your|the) [\w-]+ (?:manager|supervisor|director|owner)|"
    r"whoever (?:is |'s )?(?:in charge|responsible|handles|deals with|manages|runs|looks after|can)|"
    r"(?:someone|somebody|the person|the people) (?:in charge|responsible)|"
    r"(?:\w+ )?(?:advis[eo]r|consultant|coordinator|specialist|technician|expert|team lead(?:er)?|"
    r"case (?:worker|manager|officer))|"
    r"(?:real|actual|live|human) (?:\w+ )?\w+(?:er|or|ist|ant|ent|ive|ee|man|woman)s?|"
    r"(?:someone|somebody|anyone|anybody) (?:from|in|at|on) (?:your|the) \w+|"
    r"(?:someone|somebody) (?:who|that) can (?:actually |really |properly )?(?:help|fix|sort|deal)|"
    r"(?:someone|somebody) (?:from|in|at) (?:\w+ )?(?:support|customer service|billing|sales|claims|"
    r"accounts|the team|your team|the office|your office|the branch))\b"
    r"(?! (?:role|account|access|permissions?|view|seat|licen[cs]e|level|user|dashboard|reports?|"
    r"field|page|settings|screen|app|portal|tab|module|software|tool))"
)
# Which of a business's things can text or call is no ask for a person ("Which of your apps can
# text me reminders?").
_NOT_A_PERSON = (
    r"(?!(?:apps?|systems?|bots?|tools?|services?|plans?|products?|devices?|phones?|numbers?|"
    r"lines?|channels?|options?|accounts?|websites?|sites?|pages?|forms?|methods?)\b)"
)
HUMAN_REQUEST = re.compile(
    r"\b(?:(?:(?:speak|talk|chatt?)(?:ing)?|(?:(?:'d|would) rather|(?:want|need|prefer|like) to) "
    r"(?:deal|work)|connect me|"
    r"(?:be |get )?connected|put me through|transfer me|get me|"
    r"(?:put|get) me in touch|let me speak|discuss(?:ing)? (?:this|it|that|my \w+)|"
    r"(?:send|pass|forward|refer|hand) (?:this|it|my \w+|the \w+)(?: on| over| up)?|"
    r"let me talk|hand me over|pass me|escalate (?:this|it|me|my \w+)|get)(?: to| with)? "
    + _PERSON
    + "|"
    r"(?:a |any |some )?(?:real |actual |live )?(?:person|human|agent|representative|someone|somebody)"
    r"(?: (?:from|in|at|on) (?:the |your |a )?\w+(?: \w+)?)? (?:to )?(?:call|ring|phone|contact|email) "
    r"me|"
    # "can a member of your team phone me back": anchored on the ask, not tried at every word
    r"(?:can|could|would|will|may|might|please|have|let|need|want|like) "
    + _PERSON
    + r"(?: (?:for|of|at|in|from) (?:the )?\w+)? (?:\w+ )?(?:to )?(?:call|ring|phone|"
    r"contact|email|text) (?:me|us)\b|"
    r"call ?-?back from " + _PERSON + "|"
    r"(?:put|get) (?:a |an |some )?(?:real |actual |live )?(?:person|human|agent|someone|somebody|"
    r"employee|staff member) on (?:the line|the phone|this|it|my case|the case)|"
    # a person by trade on the line: "Can I get the sound engineer on the line instead of you?"
    r"(?:put|get) (?:the|your|a|an) (?:\w+ )?\w+(?:er|or|ist|ian|master|man|woman) on (?:the line|"
    r"the phone)|"
    r"reach (?:a |an |some )?(?:real |actual |live )?(?:person|human|"
    r"agent|representative|someone|somebody)\b|"
    r"(?:want|need|prefer|would like|'d like|give me|can i (?:have|get)|could i (?:have|get)|demand|"
    r"request|requesting|insist on)(?: to (?:speak|talk|chat) (?:to|with))? " + _PERSON + "|"
    r"(?:is there|are there) (?:a |an |any )?(?:real |actual |live )?(?:human|person|people|humans|"
    r"anyone|someone|agent|operator|representative|staff) (?:i can|i could|we can|we could|"
    r"who can|to talk|to speak|there|"
    r"available|working)|"
    r"(?:have|get|let) (?:a |an |some |one of your )?(?:real |actual )?(?:human|person|someone|"
    r"somebody|staff member|employee) (?:look|check|review|handle|deal|go over)|"
    r"escalate (?:this|it|me|my (?:case|issue|ticket|request|complaint))|"
    # a department by name, only after a handover verb: "hand me over to billing", "connect me
    # with admissions", "put me through to the switchboard" (a front desk staffed by people)
    r"(?:(?:speak|talk|chatt?)(?:ing)?|transfer me|hand me over|pass me|put me through|connect me|"
    r"forward me|refer me|send me) (?:over |back |through )?(?:to|with) (?:the |your )?(?:billing|"
    r"sales|claims|accounts|complaints|returns|refunds|repairs|(?:tech(?:nical)? |customer )?support|"
    r"customer (?:care|relations|service)|reception|front desk|switchboard|concierge|housekeeping|"
    r"admissions|dispatch)\b|"
    # a person by trade, only after a handover verb: "put me through to the watchmaker"
    r"(?:put me through|transfer me|hand me over|pass me (?:on|over)) to (?:the|your|a|an|one of "
    r"your) (?:\w+ )?\w+(?:er|or|ist|ian|man|woman|smith|maker|keeper|wright)s?\b(?!\s+(?:settings|"
    r"page|screen|menu|tab|section|app|form|queue|list|view|options?|mode)\b))|"
    r"^\W*(?:(?:a |an )?(?:human|agent|representative|operator|real person|live agent|human agent|"
    # ... with its urgency apart: "HUMAN. NOW.", "Operator, please.", "agent!! now!!"
    r"manager|supervisor)(?:\W+(?:please|now|pls|plz|asap|immediately|right now))*)\W*$|"
    # a person by being human or not a bot: "is anyone human reading this", "a real person",
    # "a genuine human, not this chatbot" ("not the machine" and "to a human" are left out:
    # washing by hand and medicine for people say them)
    r"\b(?:anybody|anyone|somebody|someone) (?:human|real)\b|"
    r"\b(?:with|to) (?:a |an |some )?(?:real|actual|live|genuine) (?:human(?: being)?|person)\b|"
    r"\b(?:a|an|some) (?:real |actual |live |genuine )?human\b[^.?!]{0,20}\bnot (?:a|an|the|this|"
    r"your) (?:\w+ )?(?:bot|chatbot|robot|ai)\b|"
    # a person to take the conversation over: "can a real agent step in", "could a manager take
    # over" (not "can someone else join my plan")
    r"\b(?:can|could|would|will|may) (?:a |an |one of your )?(?:real |actual |live )?(?:human|"
    r"person|agent|staff member|employee|representative|rep|operator|supervisor|manager) "
    r"(?:\w+ )?(?:take over|step in|pick (?:this|it) up)\b|"
    # which / who of the business's people, asked to reach the user or to be reached (session
    # 24): "Which of your agents can call me back today?", "Who on your team can ring me?", "Who
    # there can phone me?", "Which of your dentists can I talk to?", "Which one of your staff can
    # take over my complaint?" (not "Which of your agents handled my call?", "Who called me?":
    # questions about a person; nor "Who can I speak to about hosting a party?": who handles it)
    r"\b(?:which|who)(?: (?:one )?of (?:your|the|you)(?: "
    + _NOT_A_PERSON
    + r"[\w-]+)?| (?:on|in|at|"
    r"from) (?:your|the) [\w-]+| there| here)? (?:can|could|would|will|might) (?:(?:\w+ )?(?:call|ring|phone|e-?mail|"
    r"text|contact) (?:me|us)\b|(?:\w+ )?give (?:me|us) a (?:call|ring|bell)\b|take (?:over|on) |"
    r"(?:\w+ )?go (?:through|over) (?:[\w'-]+ ){0,3}?with (?:me|us)\b)|"
    r"\bwhich (?:one )?of (?:your|the) "
    + _NOT_A_PERSON
    + r"[\w-]+ (?:can|could|may|should) (?:i|we) (?:speak|talk|chat)"
    r"(?: (?:to|with))?\b",
    re.I,
)
# A handover arranged in other words: someone will call back or join, the case is passed on, a
# ticket opened. It answers an ask for a person (not the Escalation label: nothing says it
# happened in this conversation).
HANDOVER_ARRANGED = re.compile(
    r"\b(?:(?:connecting|transferring|passing|handing|putting) you|put you through|"
    r"(?:passing|passed|handing|handed|"
    r"forwarding|forwarded|referring|referred) (?:this|it|your \w+|you)(?: on| over)? to|"
    r"(?:someone|somebody|a member of (?:our|the) \w+(?: \w+)?|(?:our|the) (?:\w+ ){0,2}?(?:team|"
    r"staff|department|desk)|an? (?:\w+ )?(?:agent|human|colleague|specialist|advis[eo]r|technician|"
    r"manager|supervisor|person)|they|she|he)(?: will|'ll) (?:\w+ )?(?:call|contact|reply|get back|"
    r"reach out|join|be with|ring|phone|telephone|email|take over)|"
    # anyone named who will call or write to the user: "Sarah will ring you", "she'll call you
    # tomorrow", "the head teacher will email you today" (not a thing: "it will email you a code")
    r"\b(?!(?:it|this|that|which|we|system|app|link|code|receipt|confirmation|invoice|tool|form|"
    r"bot|page|site|website|portal|order|booking)\b)\w+(?: will|'ll) (?:\w+ )?(?:call|ring|phone|"
    r"telephone|contact|e-?mail|text|message|write to) you\b|"
    # ... or join the user here: "Jordan will join this chat in 5 minutes", "Amal'll join you"
    # (not "Nobody / No one will join", "Who will join the call?", "Your guests will join the call")
    r"\b(?!(?:it|this|that|which|we|system|app|link|code|bot|page|site|nobody|one|who|anyone|"
    r"anybody|guests?|attendees?|participants?|invitees?|they|people|others|everyone)\b)\w+"
    r"(?: will|'ll) (?:\w+ )?join (?:you|(?:this|the|your) (?:chat|conversation|call))\b(?!\s*\?)|"
    # a person requested by the agent: "I've requested a supervisor", "we have requested a nurse"
    # (not "the manager's approval")
    r"\b(?:i|we)(?:'ve| have) (?:just |now )?requested (?:a|an|the|your) (?:[\w-]+ )?(?:supervisor|"
    r"manager|agent|human|person|specialist|advis[eo]r|representative|colleague|technician|"
    r"team lead|team leader)\b(?!['’]s)|"
    r"(?:will|'ll) (?:\w+ )?give you a (?:call|ring|bell)\b|"
    # someone asked to call: "I've asked Tomasz, our technician, to phone you"
    # "I've asked our head chef, Sanne, to ring you"
    r"(?:asked|told|got|had) (?:(?:our|the|your|my) (?:\w+ ){0,2}?)?\w+(?:, [^,.!?]{1,40},)? to "
    r"(?:call|ring|phone|contact|e-?mail|text|"
    r"message|get in touch with|reach out to) you\b|"
    # ... also with an aside or in writing: "Maria, who handles refunds, will email you", "Tom
    # from the workshop will be in touch by Friday"
    r"\b\w+(?:, [^,.!?]{1,40},| (?:from|at) (?:the |our )?\w+(?: \w+)?) (?:will|'ll) (?:\w+ )?"
    r"(?:call|ring|phone|telephone|contact|e-?mail|text|message|get back to|get in touch with) you\b|"
    r"\b(?:will|'ll) be in touch\b|"
    # a call set up for the user: "I've arranged for our surveyor to ring you", "I've booked you a
    # call with our accountant"
    r"(?:arranged|asked|booked|scheduled|organi[sz]ed) for (?:\w+ ){1,3}?to (?:call|ring|phone|"
    r"contact|e-?mail|get in touch|reach out)|(?:booked|scheduled|set up|arranged) (?:you )?"
    r"(?:a |an )?(?:[\w-]+ )?(?:call|callback|call-back|phone call|video call|consultation) with\b|"
    r"(?:asked|told|notified|alerted) (?:the|our|a|your) "
    r"(?:\w+ ){0,2}?(?:team|staff|manager|supervisor|colleague|technician|department|desk|specialist)"
    r" to (?:call|contact|ring|phone|get back|reach out|email)|escalat(?:ing|ed) (?:this|it|your)|"
    r"(?:opened|raised|logged|created) (?:a|an) (?:\w+ )?(?:ticket|case|callback|call-?back request)|"
    # announced as done ("Escalated: ...", "Escalated - ..."), or the user's ticket or case, by
    # its number, said to be with a person or a team ("Ticket SUP-44 is now with our desk")
    r"(?:^|(?<=[.!?;]\s))\W*escalated\s*[:–—-]|"
    r"\b(?:ticket|case|request|complaint|claim)\s+(?:(?:no\.?|number|#)\s*)?#?[A-Z]*-?\d[\w-]*\s+"
    r"(?:is|has been|was)\s+(?:now\s+)?(?:with|assigned to|passed to|handed to|escalated to)\s+"
    r"(?:the|our|a|an|your)\b|"
    # a person sent to the user: "I've booked Dan from the hire team to visit on Friday", "our
    # supervisor will come round tomorrow"
    r"(?:booked|sent|sending|arranged for|asked|scheduled) (?:\w+ ){1,5}?to (?:visit|come (?:out|"
    r"round|over|by)|call (?:in|round|by)|pop (?:in|round|by)|see you|meet you)\b|"
    r"(?:will|'ll) (?:visit|come (?:out|round|over|by) (?:to )?(?:see )?)(?:you|your)\b|"
    # a person who will come: "a highways inspector will visit Elm Road on Monday"
    r"\b(?:an?|the|our|your) (?:[\w-]+ ){0,2}?\w+(?:er|or|ist|ian|man|woman|ant|ent|ee)"
    r"(?:, \w+,)? (?:will|'ll) (?:visit|come (?:out|round|over|by))\b|"
    r"\b(?:will|'ll) (?:call|pop|drop) (?:round|in|by)\b|"
    # a person's own line or address given: "the arborist's direct line is 0800 555 0177", "you
    # can reach Ruth directly on 07700 900321", "e-mail the manager at ruth@..."
    r"direct (?:line|number|dial|e-?mail|extension)\b[^.!?\n]{0,40}?(?:\d{3}|@)|"
    r"(?:reach|call|ring|phone|e-?mail|contact|text) (?:him|her|them|\w+) (?:directly )?(?:on|at) "
    r"[^.!?\n]{0,12}?(?:\d{3}|\w@)|"
    # ... or said of the person: "can be reached directly on 087 123 4567", "is on 01632 960 555",
    # "can be e-mailed at manager@smiles.example"
    r"(?:reached|contacted|e-?mailed|called|rung|phoned|texted) (?:directly )?(?:on|at|via) "
    r"[^.!?\n]{0,12}?(?:\d{3}|\w@)|\b(?:is|are) (?:on|at) \+?\(?\d[\d ()-]{6,}\d)",
    re.I,
)

# A handover that happens in this conversation, in the agent's words (review rv11: "Transferring
# you to a team member now", "Connecting you to a vet nurse", "I've passed this to our front desk,
# they'll call you" read NONE or UNMET_ESCALATION). A handover verb with the user or their case as
# its object, said as done, under way or committed to ("I've passed", "transferring you", "let me
# put you through", "you're being connected", "I'll transfer you now"); the target, where named,
# is a person or a team, not a day or an account ("transferred the booking to Thursday"). An offer,
# a condition, a question, a negation or an attempt is no handover: `handover_done` reads each
# sentence with `_NOT_DONE` before the verb and `_PENDING` after it.
_HANDOVER_VERB = (
    r"(?:transferr?(?:ing|ed)?|connect(?:ing|ed)?|hand(?:ing|ed)?|pass(?:ing|ed)?|put(?:ting)?|"
    r"rout(?:e|ing|ed)|forward(?:ing|ed)?|referr?(?:ing|ed)?|escalat(?:e|ing|ed)|loop(?:ing|ed)?|"
    r"bring(?:ing)?|brought|send(?:ing)?|sent)"
)
_HANDED = (
    r"(?:you|this|it|the (?:chat|conversation|call|case|matter|ticket)|this (?:chat|conversation|"
    r"call|case|matter|ticket|one)|your (?:\w+ )?(?:chat|conversation|call|case|query|request|"
    r"ticket|issue|question|enquiry|inquiry|complaint|claim|concern|problem|message))"
)
# Who takes over: a team, a desk, a person by role ("a vet nurse", "the on-call technician").
_TAKER = (
    r"(?:(?:a|an|the|our|one of our|one of the|your|someone|somebody|a member of)\s+)?(?:[\w'-]+\s+)"
    r"{0,3}?(?:team|desk|department|dept|office|reception|receptionist|colleague|colleagues|agent|"
    r"agents|human|person|people|staff|nurse|nurses|vet|vets|doctor|specialist|specialists|"
    r"supervisor|manager|pharmacist|technician|advis[eo]r|representative|rep|expert|operator|"
    r"clinician|triage|dispatch|billing|accounts|claims|sales|support|service|customer care|"
    r"member|members|someone|somebody|teammate|receptionist|dentist|hygienist|therapist|physician|"
    r"surgeon|engineer|officer|coordinator|caseworker|case worker|case manager|counsell?or|lawyer|"
    r"solicitor|adjuster|underwriter|planner|banker|inspector|surveyor|groomer|dispatcher|"
    r"instructor|midwife|paramedic|practitioner|consultant|assistant|secretary|clerk|attendant|"
    r"concierge|clinic|pharmacy|practice)s?\b"
)
HANDOVER_DONE = re.compile(
    # the user or the case handed on to a person or a team: "I've passed this to our front desk",
    # "transferring you to a team member", "let me put you through to our claims team"
    r"\b" + _HANDOVER_VERB + r"\s+(?:now\s+|just\s+)?" + _HANDED + r"\s+(?:now\s+|straight\s+|"
    r"directly\s+|right\s+)?(?:(?:over|on|through|across|in|back)\s+)?(?:to|with|in with)\s+"
    + _TAKER
    + r"|"
    # said as done with the object left out, at the sentence's head: "Escalated to the on-call
    # engineer, Priya", "Passed on to our billing team; they'll reply today"
    r"(?:^|(?<=[.!?;]\s))\W*(?:escalated|transferred|handed (?:over|on)|passed (?:over|on)|"
    r"forwarded|referred|routed)\s+(?:(?:straight|directly)\s+)?(?:to|with)\s+" + _TAKER + r"|"
    # "handing this over", "putting you through", "transferring you now": no taker named
    r"\b(?:transferr?(?:ing|ed)?|connect(?:ing|ed)|hand(?:ing|ed)?|pass(?:ing|ed)?|put(?:ting)?)\s+"
    r"(?:you|(?:the|this) (?:chat|conversation|call))\s+(?:over|through|across)?\s*(?:now|right "
    r"away|shortly|in a moment|in a minute|immediately)?\s*(?=[.!,;:\n-]|$)|"
    r"\bhand(?:ing|ed)? (?:this|it) over\b|\btransferring (?:you )?now\b|"
    # "your call is being transferred", "you're being connected now"
    r"\b(?:you(?:'re| are)|your (?:call|chat)(?: is|'s)|this (?:chat|conversation|call)(?: is|'s)) "
    r"(?:now )?being (?:transferred|connected|put through|handed over)\s*(?:now)?\s*(?=[.!,;:\n-]|$)|"
    # the case raised with a person, or a person called in: "I've flagged this with our front
    # desk", "I've paged the on-call vet", "I've looped in our billing team"
    r"\b(?:flagged|raised) (?:this|it|your (?:\w+ )?(?:case|query|request|issue|concern|problem|"
    r"complaint|claim)) (?:with|to|for) " + _TAKER + r"|"
    r"\b(?:notif(?:ied|ying)|alert(?:ed|ing)|pag(?:ed|ing)|loop(?:ed|ing) in|br(?:ought|inging) in|"
    r"pull(?:ed|ing) in|call(?:ed|ing) in) (?:the|our|a|an|one of our|one of the) " + _TAKER + r"|"
    # said of the user or the case: "you're now being connected with", "your chat has been handed
    # over to"
    r"\b"
    + _HANDED
    + r"(?:'re| are| is|'s| has| have| will)?\s+(?:now\s+)?(?:been\s+|being\s+|be\s+)?"
    r"(?:transferred|connected|handed|passed|put|routed|forwarded|referred|escalated)\s+"
    r"(?:(?:over|on|through|across)\s+)?(?:to|with)\s+" + _TAKER + r"|"
    # "someone from the front desk is joining the chat", "a nurse will take over this chat"
    r"\b" + _TAKER + r"\s+(?:is|are|will|'ll|is going to)\s+(?:now\s+)?(?:be\s+)?(?:join(?:ing)?|"
    r"tak(?:e|ing) over|pick(?:ing)? (?:this|it) up|be with you)\b(?:\s+(?:this|the|your) (?:chat|"
    r"conversation|call))?",
    re.I,
)
# Before the verb in its sentence: an offer, a condition, a negation, an attempt.
_NOT_DONE = re.compile(
    r"\b(?:if|whether|unless|once|when|whenever|would|could|can|may|might|should|shall|want|"
    r"wish|like|happy|able|unable|try|tried|trying|attempt\w*|offer\w*|not|never|no|n't|"
    r"recommend\w*|suggest\w*|advis(?:e|ing)|propos\w*|consider\w*|option)\b|n't\b",
    re.I,
)
# After it: still up to the user ("... if you like", "... should you need").
_PENDING = re.compile(
    r"\b(?:if (?:you|that|needed|necessary|required|it|this|they|preferred)|should you|whenever you|"
    r"when(?:ever)? you(?:'re| are) ready|would you|do you want|shall i|once you)\b",
    re.I,
)
# "No problem", "not a problem": an assent, no negation.
_NO_PROBLEM = re.compile(r"\b(?:no|not a|not an) (?:problem|worries|bother|issue|trouble)\b", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
# A question after it asking the user's leave: "Would you like me to proceed with the transfer?"
_ASKS_LEAVE = re.compile(
    r"\b(?:(?:would you like|do you want|shall i|should i|want me to|(?:are you )?happy for me to|"
    r"(?:is it|is that) (?:ok|okay|alright|fine) (?:if|for me to))\s+(?:me\s+)?(?:to\s+)?(?:go ahead|"
    r"proceed|do (?:that|so|this)|transfer|connect|hand|pass|put you|escalate|arrange|route)|is that "
    r"(?:ok|okay|alright|all right|fine)|(?:ok|okay) to proceed)\b[^?]*\?",
    re.I,
)


# A word every HANDOVER_DONE match holds, whole: each of its branches starts from one of these
# (a handover verb, "flagged", "paged", "join", "take over", "be with you"), so a sentence
# without any is skipped unread (the pattern costs ~0.3 ms a sentence; read_handovers took 6.7 s
# on a 90k-character agent turn, docs/benchmarks.md "Handover reading speed").
_DONE_WORD = re.compile(
    r"\b(?:" + _HANDOVER_VERB + r"|flagged|raised|notif(?:ied|ying)|alert(?:ed|ing)|pag(?:ed|ing)|"
    r"pull(?:ed|ing)|call(?:ed|ing)|"
    r"join(?:ing)?|tak(?:e|ing)|pick(?:ing)?|be with you)\b",
    re.I,
)


def handover_done(text: str) -> re.Match[str] | None:
    """The agent's words saying a handover to a person happens now or happened (not one offered,
    conditional, refused or attempted)."""
    if not _DONE_WORD.search(text):
        return None
    sentences = _SENTENCE.findall(text)
    # the last sentence asking the user's leave (only a question can): a handover said before
    # it waits on the answer. Found once, not again for every sentence before it (quadratic).
    last_ask = max(
        (i for i, s in enumerate(sentences) if "?" in s and _ASKS_LEAVE.search(s)), default=-1
    )
    for i, sentence in enumerate(sentences):
        if sentence.rstrip().endswith("?"):
            continue
        if last_ask > i:
            return None
        if not _DONE_WORD.search(sentence):
            continue
        for m in HANDOVER_DONE.finditer(sentence):
            before, after = sentence[: m.start()], sentence[m.end() :]
            if _NOT_DONE.search(_NO_PROBLEM.sub("", before)) or _PENDING.search(after):
                continue
            if "feedback" in m.group(0).lower():
                continue
            return m
    return None


# The agent answering an ask for a person without a handover: why not, or an offer to do it.
NO_HANDOFF_REASON = re.compile(
    r"\b(?:(?:can't|cannot|can’t|unable to|not able to|don't have (?:the ability|a way) to|no way to|"
    r"not possible to) (?:transfer|connect|escalate|hand|put (?:\w+ ){0,2}?through|route)|"
    r"no (?:human|live|support) (?:agents?|staff|people|representatives?|team)(?: members?)? "
    r"(?:is |are )?(?:available|online|on duty|working)|"
    r"(?:human|live|support|our|the) (?:\w+ )?(?:agents?|staff|team|representatives?|colleagues|"
    r"people|advis[eo]rs?) (?:is |are )?(?:not available|aren't available|isn't available|"
    r"unavailable|offline|closed|only available|available (?:from|between|on|during|only))|"
    r"(?:outside|after) (?:business|office|support|working) hours|"
    r"(?:would you like|do you want|shall i|should i|i can|i could|happy to|let me know if you(?:'d| would) "
    r"like) (?:me to )?(?:transfer|connect|escalate|hand\b|put you through|get you)|"
    r"(?:you can|please) (?:reach|contact|call|email|phone|write to) (?:our|the|a) (?:support|team|"
    r"human|agents?|staff|customer service|help ?desk|person|representative|colleague)|"
    r"(?:you can|please) (?:reach|contact|call|email|phone|write to|talk to|speak (?:to|with)) "
    r"(?:someone|somebody|a (?:real |live )?(?:person|human(?: being)?)) (?:at|on|via|by)\b|"
    r"(?:call|email|contact) (?:us|support|our team) (?:at|on|via)|open a (?:support )?ticket|"
    r"i(?:'m| am) (?:an? )?(?:ai|virtual|automated|bot)[^.]{0,60}(?:can't|cannot|not able|unable|only))",
    re.I,
)

# --- What came of a user's ask for a person -----------------------------------------------------

# What the agent did after a user turn, strongest first: handed over (a handoff tool whose reply
# is no error, or a handover said as done), arranged (someone will call, the case passed on),
# attempted (a handoff tool that failed), explained (why not, or an offer), replied without any
# of these, nothing at all.
HANDED_OVER, ARRANGED, ATTEMPTED, EXPLAINED, UNMET, UNANSWERED = (
    "handed_over", "arranged", "attempted", "explained", "unmet", "unanswered",
)  # fmt: skip
_RANK = {HANDED_OVER: 0, ARRANGED: 1, ATTEMPTED: 2, EXPLAINED: 3, UNMET: 4, UNANSWERED: 5}
MET = frozenset({HANDED_OVER, ARRANGED})  # the user gets a person


@dataclass
class Handovers:
    """A conversation's handovers, read once (`read_handovers`)."""

    tools: list[str] = field(default_factory=list)  # handoff tools called whose reply is no error
    said: bool = False  # the agent said it hands over (HANDOVER_TEXT, handover_done)
    # (message index, event) of every agent action that bears on an ask for a person
    events: list[tuple[int, str]] = field(default_factory=list)
    user_at: list[int] = field(default_factory=list)  # message index of each user turn
    tool_errors_at: list[int] = field(default_factory=list)  # message index of each tool error

    def after(self, turn: int, until: int | None = None) -> str:
        """What the agent did after the user's `turn` (index among the user's turns), over the rest
        of the conversation (a handover made later still answers the ask), or before the user's
        turn `until`."""
        at = self.user_at[turn]
        end = self.user_at[until] if until is not None else None
        got = [e for i, e in self.events if i > at and (end is None or i < end)]
        return min(got, key=_RANK.__getitem__) if got else UNANSWERED

    def tool_errors_before(self, turn: int) -> int:
        return sum(1 for i in self.tool_errors_at if i < self.user_at[turn])


def read_handovers(messages: list[dict]) -> Handovers:
    """The handovers in a conversation (OpenAI-style messages; a (role, text) dialogue made into
    messages reads the same, less its tool calls)."""
    h = Handovers()
    calls: dict[str, tuple[int, str]] = {}  # call id -> (message index, handoff tool name)
    failed: set[str] = set()
    names = call_names(messages)
    contexts = call_contexts(messages)
    for idx, m in enumerate(messages):
        role = m.get("role")
        if role == "user":
            h.user_at.append(idx)
        elif role == "assistant":
            tcs = m.get("tool_calls") or []
            for n, (name, _args) in enumerate(tool_calls_of(m)):
                if handoff_tool(name):
                    cid = str((tcs[n] or {}).get("id")) if n < len(tcs) else f"{idx}:{name}"
                    calls[cid] = (idx, name)
            text = content_text(m.get("content")).strip()
            if not text:
                continue
            if HANDOVER_TEXT.search(text) or handover_done(text):
                h.said = True
                h.events.append((idx, HANDED_OVER))
            elif HANDOVER_ARRANGED.search(text):
                h.events.append((idx, ARRANGED))
            elif NO_HANDOFF_REASON.search(text):
                h.events.append((idx, EXPLAINED))
            else:
                h.events.append((idx, UNMET))
        elif role in ("tool", "function") and is_error_reply(
            m, tool_name_of(m, names), contexts.get(idx)
        ):
            h.tool_errors_at.append(idx)
            if str(m.get("tool_call_id")) in calls:  # the handover did not happen
                failed.add(str(m.get("tool_call_id")))
    for cid, (idx, name) in calls.items():
        ok = cid not in failed
        h.events.append((idx, HANDED_OVER if ok else ATTEMPTED))
        if ok and name not in h.tools:
            h.tools.append(name)
    return h


def dialogue_messages(dialogue: list[tuple[str, str]]) -> list[dict]:
    """A (role, text) dialogue as messages, for `read_handovers`."""
    return [{"role": role, "content": text} for role, text in dialogue]

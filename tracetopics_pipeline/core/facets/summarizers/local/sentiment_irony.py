"""Single-turn sarcasm: praise and a mishap in the same turn, with nothing that makes both true.

The rules in sentiment.py catch fixed ironic phrases ("thanks for nothing", "yeah, right") and a
cheerful opener followed by a few kinds of bad news. Held-out batches 5-7 showed sarcasm takes any
shape: the praise may open the turn ("Nice one, the seedlings arrived dead"), come after it as a
short echo ("... left me with no brakes. Outstanding."), or scope over the mishap ("thanks so much
for charging my backers twice", "love paying for a card that never arrives"). What is common is
the pair: a clause of praise, and in the same turn an event that went wrong — broken, lost,
late, charged twice, sent to someone else, hours on hold. Read literally the turn contradicts
itself; people write that to mean the opposite.

It is not sarcasm when the turn says how both are true: a contrast ("love the app, but exports
fail" is MIXED), the mishap undone ("great, it doesn't crash any more"), the bad news accepted
("thanks for letting me know it was cancelled", "no worries"), or the mishap asked about
("Great, and what if the parcel is lost?"). Checked for false alarms on the development parts of
uss_mwoz and the demo traffic (docs/benchmarks.md#facets, seventh pass).
"""

from __future__ import annotations

import re

from tracetopics_pipeline.core.facets.summarizers.local.text import THANKS, any_of, stated

# Praise, approval or thanks that can be meant ironically. Adjectives that are ordinary words
# elsewhere ("a professional translation", "a quick question") count only with an intensifier.
# Shared with sentiment_context's praise after bad news.
PRAISE_WORDS = (
    r"great|perfect|wonderful|fantastic|brilliant|lovely|awesome|terrific|marvell?ous|excellent|"
    r"super|superb|splendid|outstanding|impressive|amazing|stellar|delightful|a delight|"
    r"top[- ]notch|top marks|first[- ]class|world[- ]class|well done|good job|great job|"
    r"fab|ace|peachy|cracking|gorgeous|what a (?:treat|joy|delight|result)|chef's kiss|"
    r"good on (?:ya|you|yer)|nice going|way to go|hats off|top work|gold star|ten out of ten|"
    r"10/10|10 out of 10|bang[- ]up job|stunning|smashing|"
    # praise words of other registers: "Oh champion", "Slay.", "Masterpiece.", "love that for me"
    r"champions?|slay|masterpiece|top[- ]tier|incredible|"
    r"love (?:that|this|it) for (?:me|us)|(?:very|so|how|really|truly) well[- ]organi[sz]ed|"
    r"nice (?:one|job|work)|(?:oh|how|very|real|so) nice|bravo|kudos|genius|"
    # in other languages and dialects: "Complimenti", "Chapeau", "Braw", "Lekker", "Well played"
    r"complimenti|chapeau|bravissim[oa]|braw|lekker|bien jou[eé]|well played|"
    # "love it", "best game ever", "flawless": plain praise, ironic only beside a mishap
    r"love it|loving it|best (?:\w+ ){0,2}?ever|flawless|"
    r"(?:very|so|how|truly|really|real|such an?|super) (?:professional|innovative|scenic|motivating|"
    r"reassuring|helpful|useful|efficient|quick|fast|reliable|smart|clever|thoughtful|convenient)"
)
PRAISE = any_of(PRAISE_WORDS)
# A rhetorical question that praises: "Could this possibly go any better?", "Can it get any
# better than this?", "What more could I ask for?" — ironic beside a mishap in the same turn.
_RHETORICAL = any_of(
    r"(?:could|can|would) (?:this|it|things|today|the day|my day|this day|that|the \w+) "
    r"(?:possibly |really |ever |even |have )?(?:go|get|be|gone|been|have gone|have been) any "
    r"(?:better|smoother|nicer)|what more could (?:i|we|anyone|one) (?:possibly )?(?:ask|want|"
    r"wish|hope) for",
)
# Praise that scopes over what follows it in the same clause: "thanks so much for charging me
# twice", "love paying for a card that never arrives", "love how it took three weeks".
_SCOPING = any_of(
    r"thanks?(?: you)?(?: so much| a lot| a bunch| a million| ever so much| very much)? for|"
    r"cheers for|love (?:how|that|it when|paying|waiting|getting|being|having)",
)
# Something that went wrong: broken, lost, late, charged twice, sent elsewhere, time wasted.
_MISHAP = any_of(
    r"fail(?:ed|s|ing|ure)?|broke|broken|break(?:s|ing) (?:the|my|our|your|it|every\w*|all)\b|crash\w*|dead|died|killed|shr[au]nk|ruin\w*|destroy\w*|"
    r"damag\w*|smash\w*|scratched|ripp?ed|torn|leak\w*|flooded|lost|lose|losing|forgot\w*|"
    r"deleted|wiped|vanish\w*|disappear\w*|stuck|frozen|missing|expired|declined|rejected|"
    r"bounced|double[- ]?(?:book\w*|charg\w*)|overbook\w*|overcharg\w*|"
    r"charg\w* (?:\w+ ){0,3}?(?:twice|double|two times|three times)|"
    r"(?:was|were|got|been|is|are|now) (?:\w+ )?cancell?ed|"
    r"(?:arrived|came|is|was|were|are|running|showed up|turned up|left) (?:\w+ ){0,3}?(?:late|early)|"
    # taken, got away, past recovery or too late: "was stolen", "escaped from the run", "can't be
    # recovered", "filed after the deadline"
    r"stolen|escaped|(?:can't|cannot|could not|couldn't|can not) be (?:recovered|retrieved|restored|"
    r"undone|reversed|saved)|after the deadline|missed the deadline|too late|"
    r"knocked (?:\w+ ){0,2}?(?:over|down)|"
    r"without (?:us|me|warning|notice)|left (?:me|us) (?:with (?:no|nothing)|without)|no[- ]show|"
    r"(?:didn't|did not|never) (?:even )?(?:turn(?:ed)? up|show(?:ed)? up|arrive[sd]?|come|came|"
    r"happen(?:ed)?|took place|take place|"
    r"call(?:ed)? back|repl(?:y|ied))|never (?:arrive[sd]?|came|comes|shows? up|works?|worked)|"
    r"(?:doesn't|don't|won't|can't|isn't|aren't|wasn't|weren't|couldn't|cannot|could not) "
    r"(?:\w+ )?(?:work|working|load|open|start|scan|fit|connect)\b|"
    r"could(?:n't| not) be (?:processed|found|completed|delivered|read)|"
    r"(?:the|a|into the|to the|at the|on the) wrong \w+|(?:spelt|spelled|spelling|got|put|fitted|"
    r"wired|printed|labell?ed|addressed|set|done|read) (?:\w+[’']?\w* ){0,4}?wrong\b|"
    r"(?:someone|somebody) else'?s?|(?:the|my|our) neighbou?r'?s|"
    r"(?:sent|delivered|shipped|posted|gave|given|installed|mailed) (?:\w+ ){0,4}?to "
    r"(?:someone|somebody|a stranger|the wrong|another (?:person|customer|address)|a different)|"
    r"on hold|(?:took|taken|takes|waited|waiting) (?:\w+ ){0,3}?(?:\d+|two|three|four|five|six|"
    r"several|many|a few|another|an extra) (?:\w+ )?(?:minutes?|hours?|days?|weeks?|months?)|"
    r"(?:\d+|two|three|four|five|six|several) (?:\w+ )?(?:minutes?|hours?|days?|weeks?|months?) "
    r"(?:on hold|late|of waiting|to (?:get|print|fix|reply|answer|deliver|arrive|hear))|"
    r"(?:a|another) (?:\w+ )?(?:fine|penalty|surcharge)\b(?! (?:choice|day|idea|job|example))|"
    r"(?:is|was|been|went|are|were) (?:\w+ )?(?:down|offline)\b|errors?\b|outage|glitch\w*",
    # damage and spoiled goods in any trade: "snapped in two", "a corked bottle", "covered in soot"
    r"in (?:\w+ )?(?:pieces|bits|shards|smithereens)\b|snapped|cracked|chipped|bent|dented|shattered|spil(?:led|t)|melted|burnt|scorched|stained|"
    r"soaked|soggy|stale|rotten|mou?ldy|corked|spoil(?:ed|t)|filthy|bald (?:patch|spot)|"
    r"covered in|full of (?:holes|mou?ld|dirt|hair|sand|mistakes|typos|errors|bugs|dust)|"
    # worse than before: "twice as big", "made it worse"
    r"twice as \w+|(?:bigger|worse|longer|louder|slower|smaller|shorter) than (?:before|it was|"
    r"ever)|made (?:it|things|the \w+) worse|"
    # no answer: "three emails and not one reply", "no response in a week"
    r"not (?:one|a single) (?:\w+ )?(?:reply|response|answer|call|word|email|update|message)|"
    r"(?:no|zero) (?:reply|replies|response|responses|answer|call ?back|update)s?\b(?! (?:needed|"
    r"required|necessary))|"
    r"(?:took|taken|waited|lasted) (?:\w+ ){0,2}?(?:ten|fifteen|twenty|thirty|forty|fifty) "
    r"(?:minutes?|hours?|days?|weeks?)|see(?:ing)? double",
    # gone or off: "didn't survive the journey", "exploded in the firing", "closed for repairs",
    # "off sick and nobody else is free", "can't make it until next month", "delivered to number
    # 12 instead of 21"
    r"(?:didn't|did not|won't|wouldn't) survive|explod\w*|closed (?:for|until|due|down|today|"
    r"this|all|since)|off sick|(?:nobody|no one|no-one) (?:else )?(?:is |was |will be )?(?:free|"
    r"available|around|in|coming)\b|(?:can't|cannot|couldn't|could not|won't|will not) make it|"
    r"(?:sent|delivered|shipped|posted|went|gone|taken|brought) (?:\w+ ){0,6}?instead of|"
    r"(?:sent|delivered|shipped|posted|mailed|went) (?:\w+ ){0,3}?to (?:your|the|my|our) (?:old|"
    r"previous|former|wrong) (?:address|house|flat|office|number|account|branch)|"
    # nobody to do it: "the sweep is ill and we can't send anyone"
    r"(?:is|are|was|were|has been|have been) (?:ill|sick|unwell|off work)\b|(?:can't|cannot|"
    r"couldn't|could not|won't|unable to) (?:send|get|find|spare) (?:anyone|anybody|someone|"
    r"somebody|a driver|an engineer|a technician)",
    # nobody came; the thing the wrong way up or given way; let to someone else; hit by something
    # falling: "nobody turned up to muck out", "arrived floating upside down", "a castle that
    # deflates after ten minutes", "rented out twice", "sold to another customer", "dropped a
    # branch through my greenhouse", "left out in the rain"
    r"(?:nobody|no one|no-one) (?:\w+ )?(?:turned up|showed up|came|arrived|answered|called|rang|"
    r"replied|bothered)|(?:there's|there is|there was) no (?:cover|replacement|driver|staff|one "
    r"(?:to|free))\b|upside down|inside out|back to front|the wrong way (?:round|up)|"
    r"deflat\w*|collaps\w*|gave way|fell (?:apart|over|off|out|down|to pieces)|came (?:apart|off|"
    r"loose|unstuck)|(?:rented|booked|let|sold|hired)(?: \w+){0,3}? (?:twice|to (?:another|"
    r"someone else|somebody else|a different))|double[- ](?:let|sold|rented|hired)|"
    r"(?:dropped|fell|fallen|crashed|reversed|drove|driven|knocked) (?:\w+ ){0,3}?(?:through|"
    r"into|onto) (?:my|our|the|a)|left (?:\w+ ){0,2}?(?:out )?in the (?:rain|sun|snow|cold)",
    # left uninformed: "the lock is changed and nobody told me", "without telling anyone" (not
    # "nobody told me it would be this easy")
    r"(?:nobody|no one|no-one|no body) (?:\w+ )?(?:told|tell|tells|informed|warned|notified|"
    r"let) (?:me|us|anyone|anybody)(?: know)?(?=\s*(?:[.,;!]|$|and\b|about\b|anything\b))|"
    r"without (?:telling|informing|warning|notifying|asking) (?:me|us|anyone|anybody)\b|"
    # spoiled food and squashed goods: "the canapés were cold", "cold food", "arrived squashed"
    r"(?:was|were|arrived|came|served|is|are) (?:stone |completely |totally |all |still )?(?:cold|"
    r"raw|undercooked|overcooked|inedible|lukewarm)\b(?! on purpose)|(?:stone-)?cold (?:food|"
    r"dinner|meal|lunch|breakfast|coffee|soup|pizza|chips|plates?|buffet)|squash\w*|squish\w*|"
    r"crush\w*|flattened|mangled|"
    # less than was paid for: "only 2 of them scan", "paid for twelve sessions and got five of
    # them"
    r"(?:only|just|like) (?:\d+|one|two|three|four|five|six|seven|eight|nine|half) of (?:them|"
    r"those|these|the \w+)|paid for (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|twenty)\b[^.!?]{0,60}?\b(?:\d+|one|two|three|four|five|six|seven|eight|nine) of "
    r"(?:them|those|these)|"
    # done other than asked: "much shorter than asked", "a different colour than ordered"
    r"(?:\w+er|more|less|fewer) than (?:i |we |you |was |were |had been )?(?:asked|requested|agreed|"
    r"ordered|specified|wanted|booked|quoted|promised)\b|(?:different|other) \w+ (?:than|from|to) "
    r"(?:the one |what )?(?:i |we |you |was |were )?(?:asked|requested|agreed|ordered|specified|"
    r"booked|promised)\b",
    # waiting that has gone on, and the same trouble again: "still in the queue after two
    # months", "a 40 min queue", "a two-hour wait", "the third holiday this term", "the 4th
    # delay in a row"
    r"still (?:\w+ ){0,4}?after (?:a|an|one|two|three|four|five|six|several|many|\d+) (?:\w+ )?"
    r"(?:days?|weeks?|months?|years?|hours?)\b|"
    r"(?:\d+|two|three|four|five|six|ten|twenty|forty)[ -]?(?:min|mins|minutes?|hrs?|hours?|days?|"
    r"weeks?|months?)[ -](?:queue|wait|delay|hold|holdup)\b|"
    r"(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th) (?:\w+ ){0,2}?(?:this|in a|in the "
    r"same|in one) (?:week|month|term|semester|year|season|quarter|row)\b",
    # the same trouble counted: "three reschedules", "5 delays so far", "multiple no-shows"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+|multiple|several|countless|repeated) "
    r"(?:\w+ )?(?:reschedul\w*s|postponements|delays|no-?shows|outages|breakdowns|mix-?ups|"
    r"missed (?:calls|deliveries|appointments|pick-?ups|collections))\b",
)
# The turn says how both are true, so it is not irony.
_CONTRAST = any_of(
    r"but|though|although|however|except|apart from|other than|aside from|even though|whereas|"
    r"only (?:thing|issue|problem|downside)|unfortunately|sadly|shame|pity",
)
_UNDONE = any_of(
    r"no longer|any ?more|no more|fixed|solved|resolved|sorted|works? (?:now|again|fine|perfectly)|"
    r"working (?:now|again|fine)|back to normal|back (?:up|online)|is back|gone now|went away|"
    r"finally|replac\w*|refund\w*|reimburs\w*|compensat\w*|found it|"
    r"turned up(?!\s+(?:\S+\s+){0,4}?(?:late|early|wrong))",
)
_ACCEPTED = any_of(
    r"for (?:letting|telling|informing|warning|the (?:info|information|update|heads|explanation|"
    r"warning)|explaining|checking|looking|trying|your (?:help|patience|time|understanding))|"
    r"no worries|no problem|(?:it's|that's|thats) (?:ok|okay|fine|alright|all right)|never ?mind|"
    r"understood|i understand|makes sense|these things happen|happens",
)
# Praise that names what it praises is meant ("Big fan of the new dashboards, great work. SSO
# fails with ..."): a compliment before a problem report, not irony.
_SINCERE = any_of(
    r"(?:big |huge )?fan of|love (?:the|your|this|using|working)|(?:really|truly) (?:like|enjoy)|"
    r"(?:like|enjoy) (?:the|your|using)|(?:work|job) (?:on|with) (?:the|your)",
)
_GREETING = re.compile(r"^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hope)\b", re.I)
_NEGATED = re.compile(
    r"\b(?:not|no|never|n't|without|nothing|nobody|hardly)\W+(?:\w+\W+){0,2}$", re.I
)
_CLAUSE = re.compile(r"(?:[^,.!?;:—–-]|\S-|-\S)+(?:[,.!?;:—–]+| - )*")
_OF_IT = re.compile(r"\s*(?:and |now |so )?(?:it|they|which|that)\b", re.I)
_IRONY_MARK = re.compile(
    r"🙃|👏|🙄|😒|(?:^|\s)/s\s*$|"
    # scare quotes around a lowercase word or three: "the 'climate-controlled' unit", "thanks for
    # your 'help'" (not a message, label or command the user quotes: "it says 'invalid token'",
    # "I typed 'yes'")
    r"(?<!\w)(?<!says )(?<!said )(?<!typed )(?<!type )(?<!enter )(?<!entered )(?<!click )"
    r"(?<!clicked )(?<!select )(?<!selected )(?<!chose )(?<!choose )(?<!shows )(?<!showed )"
    r"(?<!reads )(?<!read )(?<!displays )(?<!message )(?<!called )(?<!named )(?<!labelled )"
    r"(?<!button )(?<!option )(?<!status )(?<!error )(?<!word )"
    r"['‘\"“][a-z][\w-]*(?: [\w-]+){0,2}['’\"”](?!\w)",
    re.M,
)
_FOR_WHAT = re.compile(r"\bfor (?:the|your|this|that|my|our) (?:[\w'-]+ ){0,2}?[\w'-]+\W*$", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
_FIRST_SENTENCE = re.compile(r"^[^.!?\n]*[.!?\n]+")


def _clauses(turn: str) -> list[str]:
    return [c for c in (m.group(0) for m in _CLAUSE.finditer(turn)) if c.strip()]


def _unnegated(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    for m in rx.finditer(text):
        if not _NEGATED.search(text[max(0, m.start() - 30) : m.start()]):
            return m
    return None


def _mishap_stated(text: str) -> bool:
    """A mishap stated, not negated ("nothing was lost") and not asked ("what if it's lost?")."""
    return stated(_MISHAP, text, _NEGATED, 30)


def bad_news(text: str) -> bool:
    """A mishap stated in an agent's turn (with its apology, sentiment_context reads the praise
    that answers it as irony): the same families as the user's own mishaps."""
    return _mishap_stated(text)


# The quoted claim confirmed: "the 'express' option really was next day" (sincere, not scare quotes)
_AFFIRMED = any_of(
    r"(?:really|actually|indeed|truly) (?:was|is|were|are|did|does|came|arrived|worked|works)|"
    r"as (?:promised|advertised|described)|lived up to",
)
# What went wrong, said as an event even without an apology ("The refund was sent to a closed
# account and bounced.", "the scaffolding was put up on the wrong house"): not a duration or a
# closure, which an agent states as plain information ("takes three working days").
_EVENT_MISHAP = any_of(
    r"bounced|stolen|escaped|lost|broke|broken|damaged|smashed|cracked|shattered|deleted|wiped|"
    r"(?:was|were|got|been) (?:\w+ )?cancell?ed|fail(?:ed|s)|declined|rejected|went missing|"
    r"by mistake|in error|double[- ]?booked|(?:the|a) wrong \w+|"
    r"(?:can't|cannot|could not|couldn't) be (?:recovered|retrieved|restored|undone|reversed)|"
    r"(?:nobody|no one|no-one) (?:is|was|will be) (?:coming|available)",
)


# A mishap under a condition is no event: "If you lost your 2FA device, an admin can reset it".
_IF_CLAUSE = re.compile(r"\b(?:if|in case|whether|when|once|should)\b[^,.;:!?]*$", re.I)


def stated_mishap_event(text: str) -> bool:
    """A mishap stated as an event in an agent's turn, apology or not (not negated or asked)."""
    return stated(_EVENT_MISHAP, text, _NEGATED, 30, _IF_CLAUSE)


def ironic_praise(turn: str) -> bool:
    """Praise and a mishap in one turn, the praise in a short clause of its own (an opener or an
    echo: "Nice one, ...", "... Really motivating.") or scoping over the mishap ("thanks for
    charging me twice"), and nothing that makes both true (a contrast, the mishap undone, the
    bad news accepted)."""
    if _GREETING.match(turn):  # "Hi, lovely to meet you. My order is missing.": a greeting
        turn = _FIRST_SENTENCE.sub("", turn, count=1)
    if any(rx.search(turn) for rx in (_CONTRAST, _ACCEPTED, _SINCERE, _AFFIRMED)):
        return False
    if _unnegated(_UNDONE, turn):  # "it turned up", not "nobody turned up"
        return False
    if not _mishap_stated(turn) and not _IRONY_MARK.search(turn):
        return False
    # an irony mark beside praise: "10 out of 10 would recommend ... 🙃", "very scenic 🙃",
    # "such a useful answer" about a quoted 'try again later'
    if _IRONY_MARK.search(turn) and (_unnegated(PRAISE, turn) or _unnegated(_SCOPING, turn)):
        return True
    if (m := _RHETORICAL.search(turn)) and _mishap_stated(turn[: m.start()] + turn[m.end() :]):
        return True
    for sentence in _SENTENCE.findall(turn):
        # "Great, thanks. I get an error now": thanks beside the praise is politeness before the
        # next problem, not irony
        polite = bool(THANKS.search(sentence))
        for clause in _clauses(sentence):
            if (m := _unnegated(_SCOPING, clause)) and _mishap_stated(clause[m.start() :]):
                return True
            # "thanks a million for posting it in a plain envelope, it's bent in half": the next
            # clause says what became of the thing thanked for ("it", "they"), not of another
            # ("..., the old one was broken")
            after = sentence[sentence.find(clause) + len(clause) :]
            if m and _OF_IT.match(after) and _mishap_stated(after):
                return True
            # "Ten out of ten for the packing, ...": what the praise is for does not lengthen it
            short = len(_FOR_WHAT.sub(" ", clause).split()) <= 5
            if polite or not short or not _unnegated(PRAISE, clause):
                continue
            rest = turn.replace(clause, " ", 1)
            if _mishap_stated(rest) or _IRONY_MARK.search(turn):
                return True
    return False

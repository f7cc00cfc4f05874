"""Word lists and token patterns the label modules share (grammar, cleaning, support,
naming)."""

from __future__ import annotations

import re

# A name's length in words (candidates, the audit).
MIN_WORDS, MAX_WORDS = 2, 6
# Words a name may not start or end with: articles, prepositions, conjunctions, pronouns,
# auxiliaries and other glue ("Turn off Ask AI for my workspace Need" ends mid-phrase).
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet if then than that this these those there here of to in on at
    by for with from into onto about as over under after before between through during without
    within via per up i me my mine we us our ours you your yours he him his she her it its they
    them their is are was were be been being am do does did done have has had having can could
    would should will shall may might must not no yes just also too very really please pls
    what which who whom whose when where why how any some all each every both either neither
    one ones other another such same more most much many few less least own only even still
    again ever never always already while because since until unless though although whether
    get got gets getting let lets make makes need needs want wants like ok okay won't can't
    cannot isn't doesn't don't didn't wasn't aren't haven't hasn't shouldn't couldn't wouldn't
    i'm i've i'd it's that's there's what's where's how's who's here's let's""".split()  # noqa: SIM905
)
# Abbreviated titles ("Dr", "Mrs"): they stand before a person's name, so a name never ends on
# one ("We'd prefer dr") and the word after one is a person's name (`context.person_names`).
# The words that open a noun phrase ("the invoices", "our plan", "these seats", "every user");
# not "that" (also a relative: "Attractions that I can visit").
DETERMINERS = frozenset("a an the my our your their this these those all every some".split())  # noqa: SIM905
ABBREVIATED_TITLES = frozenset("dr drs mr mrs ms mx prof".split())  # noqa: SIM905
TITLES = ABBREVIATED_TITLES | frozenset({"doctor", "nurse"})
# Chat shorthand for a conjunction or a preposition ("bc of school pickup", "w/ my toddler",
# "b/c I travel"), or a plea ("pls"): glue, so a name never ends on one. TOKEN reads "w/" as "w".
SHORTHAND = frozenset(
    """bc b/c bcs bcuz cuz coz cos w w/ w/o wo abt thru tho altho pls plz pl0x tmrw tmr tmw
    ur u""".split()  # noqa: SIM905
)
# Shorthand that opens a reason clause: a name never spans it ("Reschedule bc of work").
REASON_SHORTHAND = frozenset("bc b/c bcs bcuz cuz coz cos".split())  # noqa: SIM905
# Greetings and sign-offs: cut from candidates, never in a name.
GREETING_WORDS = re.compile(
    r"\b(?:hi|hello|hey|hiya|howdy|greetings|dear|thanks|thank|thx|cheers|regards|sincerely|"
    r"goodbye|bye|good (?:morning|afternoon|evening))\b",
    re.I,
)
# Redaction placeholders (<EMAIL>, [PHONE]): never part of a name.
PLACEHOLDER = re.compile(r"<[A-Z][A-Z0-9_]*>|\[[A-Z][A-Z0-9_]*\]")
# An enum-like prefix ("LABEL: ...", "FAILED_TOOL_CALL: ..."): never part of a name.
ENUM_PREFIX = re.compile(r"^\s*[A-Z][A-Z0-9_]{2,}\s*:")
# Where a clause ends: a name never spans two.
CLAUSE_SPLIT = re.compile(r"[.;:!?,()\"]+|\s[-–—]+\s|\n")
# One word of a name: letters and digits, with inner marks ("e-mail", "C++", "v2.1").
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'_./+#&-]*[A-Za-z0-9+#]|[A-Za-z0-9]")
# Verbs a name may not end on after "to" ("Cost per month to add"): the commonest, and whatever
# the facet's own texts use as verbs (`verb_forms`).
COMMON_VERBS = frozenset(
    """add get see use do make know change set pay buy find send show give take keep move
    remove delete create update cancel check open close connect export import share edit view
    access reset turn sign log upgrade downgrade switch enable disable invite transfer receive
    order track verify activate top withdraw""".split()  # noqa: SIM905
)
# File formats: never the head of a name ("Account JSON"); after a verb or a preposition they
# are ("Export CSV", "Dashboard as PDF").
FORMAT_WORDS = frozenset(
    "json csv tsv xml yaml yml pdf png jpg jpeg svg xls xlsx html txt parquet zip".split()  # noqa: SIM905
)
# The lines a stack trace prints around its error (Python, Java, .NET): cut from the text a
# name comes from, and a name made of their words is counted by the audit ("Recent call").
TRACEBACK_LINES = (
    "traceback most recent call last",
    "during handling of the above exception another exception occurred",
    "the above exception was the direct cause of the following exception",
    "exception in thread main",
    "end of stack trace from previous location",
    "file line in module",
)
# Verbs that are never nouns: in their bare form after a singular noun ("API have", "message
# include", "card arrive") the auxiliary or subject of a question was cut.
VERB_ONLY = frozenset(
    """have include arrive allow contain appear belong exist remain require seem become let
    mean provide prevent happen occur""".split()  # noqa: SIM905
)
# Simple past forms that are not participles: a name opening on one has lost its subject
# ("[Something] went wrong", "[The app] froze on launch"); "Broken link", "Charged twice" are
# states and pass, and so does "Forgot password" (the user's, said without "I").
PAST_ONLY = frozenset(
    """went came ran took gave saw began wrote drove ate knew grew threw flew fell chose spoke
    stole rose woke wore tore shook sang swam drank rang broke froze became""".split()  # noqa: SIM905
)
# Particles of a phrasal verb (`grammar.is_phrasal`): "set up", "log in", "turn off".
PARTICLES = frozenset({"up", "in", "out", "off", "on", "down", "back", "over", "through"})
# Prepositions that are not glue anywhere else but never end a name ("... numbers behind").
MORE_PREPOSITIONS = frozenset(
    """behind across around along against among beside beyond toward towards upon throughout
    despite except near below above underneath versus vs till inside outside""".split()  # noqa: SIM905
)
END_GLUE = (
    MORE_PREPOSITIONS
    | frozenset(
        # sentence adverbs: a comment on the clause, never the end of a name ("Transaction actually")
        """actually apparently basically currently recently usually probably maybe perhaps
    definitely honestly seriously literally suddenly finally anyway somehow otherwise instead
    either""".split()  # noqa: SIM905
    )
    | frozenset(
        # the first half of "right now" / "right away": "Cancel the order right" was cut
        {"right"}
    )
)
# What makes a statement a problem: a negation, or a word that says something went wrong. A
# name that states an event ("Scheduled emails arrive") without the one its texts hold ("...
# arrive with a blank PDF", "... ran but nobody got the email") says the opposite of them
# (`context.drops_polarity`).
NEGATION_WORDS = frozenset(
    """not no never nobody nothing none neither nor without cannot unable isn't aren't wasn't
    weren't don't doesn't didn't hasn't haven't hadn't can't won't wouldn't couldn't
    shouldn't dont doesnt didnt cant isnt wasnt hasnt havent""".split()  # noqa: SIM905
)
# ("later" is not one: "call me later", "later this week" are calm.)
PROBLEM_WORDS = frozenset(
    """blank empty wrong broken missing late twice incorrect corrupt corrupted garbled
    stuck fail fails failed failing failure error errors declined rejected denied lost
    duplicate duplicated bounced bouncing truncated expired invalid disappeared slow slowly
    delayed spam unreadable unusable""".split()  # noqa: SIM905
)
POLARITY_WORDS = NEGATION_WORDS | PROBLEM_WORDS
# Adjectives that judge rather than say what a thing is: the writer's mood ("This is getting
# ridiculous", "you were so kind last time"), never what a topic is about, so never a name's
# head ("Kind settings", "Ridiculous settings", "Terrible issues"). Praise and blame alike, with
# their comparative and superlative forms where those are words of their own. Not the ones
# that are also common nouns of a domain ("fine", "patient", "mean").
POSITIVE_WORDS = frozenset(
    """kind nice lovely great good better best awesome amazing fantastic fabulous wonderful
    excellent brilliant superb outstanding perfect marvellous marvelous terrific stellar
    phenomenal impressive helpful cool polite friendly""".split()  # noqa: SIM905
)
NEGATIVE_WORDS = frozenset(
    """unkind bad worse worst terrible horrible awful dreadful appalling atrocious abysmal
    lousy crappy shitty rubbish pathetic ridiculous absurd ludicrous laughable outrageous
    insane crazy unbelievable unacceptable disgraceful shameful shocking disgusting annoying
    irritating infuriating frustrating disappointing maddening exhausting unhelpful useless
    stupid dumb silly lame poor rude unfriendly nasty""".split()  # noqa: SIM905
)
EVALUATIVE_WORDS = POSITIVE_WORDS | NEGATIVE_WORDS
# Words that only grade an adjective ("so kind", "really ridiculous", "getting ridiculous"):
# with evaluative words alone they still say nothing of what the topic is about.
DEGREE_WORDS = frozenset(
    """so very really too quite pretty super extremely totally absolutely utterly truly just
    rather fairly incredibly seriously honestly getting get gets got becoming""".split()  # noqa: SIM905
)
# When the writer feels so, not what about: with evaluative words alone a text is a mood
# ("Terrible week.", "Rough day lately")
# The name of traffic that says only how its writers feel (`naming.mood_name`): no phrase of
# its texts says it, so no share of them is asked to (`audit`)
MOOD_NAMES = ("Complaints without a stated reason", "Praise without a stated reason")
MOOD_NAME = re.compile(r"^(?:" + "|".join(MOOD_NAMES) + r")(?: \(\d+\))?$")
MOOD_TIMES = frozenset(
    """day days week weeks month months year morning afternoon evening night today tonight
    lately recently time times again""".split()  # noqa: SIM905
)
# Problem words that say one only as a predicate ("loads so slow", "is slow", "slow to load",
# "slow loading"): before a noun they name a kind of thing ("slow cooker", "slow lane").
PREDICATIVE_PROBLEMS = frozenset({"slow"})


def polarity_words(low: list[str]) -> frozenset[str]:
    """The polarity words of one clause (lower-cased tokens): its negations and problem words,
    less a `PREDICATIVE_PROBLEMS` word before a noun."""
    return frozenset(
        x
        for i, x in enumerate(low)
        if x in POLARITY_WORDS
        and not (
            x in PREDICATIVE_PROBLEMS
            and i + 1 < len(low)
            and low[i + 1] not in FUNCTION_WORDS
            and not low[i + 1].endswith("ing")
        )
    )


# Verb classes: a general action noun for the verbs that ask for it, so a parent whose subtopics
# each ask one of them ("upgrade plan", "downgrade to Free", "switch to yearly") is named by the
# object they share and the class ("Plan change", `naming.class_name`), and a text holding one of
# its verbs says the noun (`support.Sayers`). Domain-independent, one word each.
ACTION_CLASSES: dict[str, tuple[str, ...]] = {
    "change": (
        "change", "switch", "move", "upgrade", "downgrade", "modify", "update", "edit",
        "adjust", "convert", "swap", "replace", "rename", "amend", "alter", "migrate",
    ),
    "export": ("export", "download", "extract", "dump", "print", "exported", "downloaded"),
    "setup": (
        "setup", "configure", "configuration", "install", "enable", "connect", "integrate",
        "activate", "provision", "provisioning", "onboard", "onboarding",
    ),
    "access": ("access", "login", "grant", "view", "see", "open"),
    "cancellation": (
        "cancel", "cancellation", "terminate", "unsubscribe", "quit", "discontinue",
        "deactivate", "close",
    ),
    "refund": ("refund", "reimburse", "reimbursement", "chargeback", "repay"),
    "deletion": ("delete", "deletion", "remove", "erase", "wipe", "purge"),
    "reset": ("reset", "recover", "restore", "forgot", "forget", "unlock", "regain"),
    "payment": ("pay", "paid", "payment", "charge", "bill", "billed", "purchase", "buy"),
    "transfer": ("transfer", "send", "sent", "wire"),
    "booking": ("book", "booking", "reserve", "reservation", "rent", "hire"),
    "search": ("find", "search", "locate", "browse", "lookup"),
    "delivery": ("deliver", "delivery", "arrive", "ship", "shipping", "receive", "track"),
    "sharing": ("share", "invite", "publish", "embed"),
    "performance": ("slow", "slowly", "lag", "hang", "freeze", "timeout", "load", "loading"),
    "errors": ("fail", "failure", "error", "broken", "crash", "bug", "wrong", "stuck"),
}  # fmt: skip

"""Whether a capitalised name after "switch / move / go / migrate to" or "leaving" can name a
provider the user would leave for ("switch to Revolut", "leaving for Starling"), or names a
place, a language, a currency, a time, or a setting, plan or device of the user's own ("moving to
Canada", "switch to English", "switch to USD", "switch to Dark Mode", "switch to Chrome").

Places, languages and currencies come from the CLDR data Babel ships (English names: 295
territories and regions, 668 languages, 306 currencies and their codes; and every language's and
country's name in its own tongue: "Español", "Deutsch", "Deutschland") and the city part of
the IANA time zones (about 600: "London", "New York", "Sao Paulo") and the short list below.
Places those lack (a state, a region, a city: "Texas", "Bavaria", "Barcelona") are read from the
name's shape ("Bay Area", "Silicon Valley", "Orange County") or from the user's words about a
home, a job or a climate beside the move (`relocating`). Label keyword rules and extraction rules
use it through a named group `provider` (rules.apply_rules): a match whose provider is no
provider is skipped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tracetopics_pipeline.core.facets.summarizers.local.sentiment_leaving import FIX_OR
from tracetopics_pipeline.core.facets.summarizers.local.task import strip_lead_in
from tracetopics_pipeline.core.facets.summarizers.local.text import vocabulary

# Words of a product's own settings, plans, screens and modes, of the user's device, browser,
# operating system or wallet, and of time: the name they start or end names no provider.
_SETTING_WORDS = frozenset(
    """pro business enterprise premium basic starter team free plus standard growth professional
    personal family student annual monthly yearly weekly quarterly unlimited prepaid postpaid
    gold silver platinum bronze lite advanced essentials max ultimate trial paid
    dark light theme settings setting dashboard home profile billing account admin inbox
    page tab step view menu preferences security help support notifications reports calendar
    classic beta legacy version manual auto automatic metric imperial celsius fahrenheit
    utc gmt bst cet pst est cst mst ist
    trash bin archive drafts spam junk done backlog todo review later favorites favourites
    bookmarks desktop downloads documents folder section column row cell sheet workspace project
    board channel group list window screen stage phase level production prod staging dev main
    master sandbox live test option
    economy express overnight priority aisle window size
    chrome firefox safari edge opera brave chromium windows mac macos osx ios ipados android
    linux ubuntu debian iphone ipad pixel galaxy kindle pay wallet visa mastercard amex maestro
    wifi wi-fi 5g 4g lte esim bluetooth sso saml sms email e-mail whatsapp ethernet broadband
    invoice invoicing autopay cheque
    euro euros dollar dollars pound pounds sterling yen franc francs crypto bitcoin
    north south east west central
    """.split()  # noqa: SIM905
)
_DAYS = """monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december today tomorrow tonight christmas xmas
easter thanksgiving diwali eid ramadan hanukkah halloween""".split()  # noqa: SIM905
# Last words that make a two-word name a kind of setting or payment ("Dark Mode", "Google Pay"),
# where the first word may be a provider's ("Revolut Business" stays one; "Mode" alone is a BI tool),
# or a time or work schedule ("Last Year", "Next Month", "Night Shift", "Part Time"), or an
# order's or a trip's option ("Express Shipping", "Premium Economy", "Economy Plus", "Size M").
_KIND_WORDS = frozenset(
    {"pay", "wallet", "mode", "theme", "plan", "tier", "view", "layout", "edition", "version",
     "settings", "year", "month", "week", "quarter", "weekend", "season", "semester", "time",
     "shift", "hours", "schedule", "rota", "shipping", "delivery", "class", "fare", "cabin",
     "seat", "size", "debit", "transfer"}
)  # fmt: skip
# Last words that make a name a place ("Bay Area", "Silicon Valley", "Orange County", "Gold Coast").
_PLACE_WORDS = frozenset(
    {"area", "valley", "coast", "county", "state", "province", "region", "city", "island", "islands",
     "bay", "hills", "heights", "highlands", "peninsula", "mountains", "district", "borough", "riviera"}
)  # fmt: skip
# Short names and codes CLDR's English names leave out.
_PLACE_CODES = "uk us usa eu uae nyc la sf dc emea apac latam".split()  # noqa: SIM905


@lru_cache(maxsize=1)
def _no_provider_names() -> frozenset[str]:
    import zoneinfo

    from babel import Locale

    names: set[str] = set(_DAYS) | set(_PLACE_CODES)
    for zone in zoneinfo.available_timezones():
        for part in zone.split("/"):
            names.add(part.replace("_", " ").lower())
    en = Locale("en")
    names |= {v.lower() for v in en.territories.values()}
    names |= {v.lower() for v in en.languages.values()}
    names |= {v.lower() for v in en.currencies.values()}
    names |= {k.lower() for k in en.currencies}
    names |= _native_names()
    return frozenset(_fold(n) for n in names)


def _native_names() -> set[str]:
    """Each language's name in itself ("español", "deutsch", "polski") and each country's name in
    its official languages ("deutschland", "españa"): users pick a language or a country as they
    write it. Read from Babel's CLDR locale files once (about 330 languages, a few seconds)."""
    from babel import Locale, localedata
    from babel.languages import get_official_languages

    own = {}
    for code in localedata.locale_identifiers():
        if "_" not in code:  # a language, not a language of one country
            own[code] = localedata.load(code, merge_inherited=False)
    names = {d["languages"][c].lower() for c, d in own.items() if c in d.get("languages", {})}
    for territory in Locale("en").territories:
        for lang in get_official_languages(territory, de_facto=True):
            local = own.get(lang, {}).get("territories", {})
            if territory in local:
                names.add(local[territory].lower())
    return names


def _fold(text: str) -> str:
    """Lower case without accents: the IANA zones spell "Zurich", "Sao_Paulo", "Bogota", users
    write "Zürich", "São Paulo", "Bogotá" (and the other way round)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
# A version, a quarter or a half-year: "V2", "v3.1", "Q3", "H2" ("migrate to V2", "move to Q3").
_VERSION = re.compile(r"^[vqh]\d+(?:\.\d+)*$", re.I)


def no_provider(name: str | None) -> bool:
    """True when `name` names no provider: a place, a language, a currency, a day or month, a
    word of the product's own plans, settings or screens or of the user's device ("Dark Mode",
    "Google Pay", "Chrome"), a version or quarter ("V2", "Q3"), or a shouted word (more than four capitals: a sentence in capitals
    is no name)."""
    text = _EDGE.sub("", name or "")
    words = text.split()
    if not words:
        return True
    if any(len(w) > 4 and w.isupper() for w in words):
        return True
    if len(words) == 1 and _VERSION.match(words[0]):
        return True
    low = [_fold(w) for w in words]
    known = _no_provider_names()
    return (
        " ".join(low) in known
        or low[0] in known
        or low[0] in _SETTING_WORDS
        or (len(low) > 1 and (low[-1] in _KIND_WORDS or low[-1] in _PLACE_WORDS))
    )


# Words about a home, a job or a climate beside a move: the move is the user's own, to a place
# ("moving to Barcelona, the rent here is ridiculous", "moving to Texas, sick of the winters").
_RELOCATION = re.compile(
    r"\b(?:relocat\w*|emigrat\w*|abroad|overseas|visas?|rent|landlord|mortgage|commute|commuting"
    r"|weather|climate|winters?|summers?|the (?:cold|heat|rain|snow|sun)"
    r"|(?:new|my|our|the|a) (?:home|house|flat|apartment|job|office|offices|hq|headquarters|campus)"
    r"|(?:delivery|home|postal|shipping|new|my|our) address(?:es)?"
    r"|(?:live|living|lived|settle|settling|stay|staying) (?:in|there|near|closer|with)"
    # life in the place left or the place moved to: "because of the costs here", "the rent
    # here is insane", "it's too expensive here", "the prices in this city", "the schools there"
    r"|(?:costs?|cost of living|living costs|prices|rents?|taxes|schools|traffic|crime|housing|"
    r"wages|salaries|jobs|expensive|pricey|crowded)(?: (?:is|are|were|was))?(?: (?:so|too|way|far|"
    r"really|insanely|ridiculously))?(?: \w+)? (?:(?:over |up |down |a?round )?here|there|in (?:this|"
    r"that|the) (?:city|town|country|state|area|region|neighbou?rhood))"
    # the reasons people move home: family, study, retirement, a partner's job
    r"|closer to (?:family|home|(?:my|our|the) (?:family|parents|kids|grandkids|children|mum|mom|dad))"
    r"|(?:for|to start) (?:university|uni|college|school|my studies)|to retire|retir(?:ement|ing)"
    r"|['’]s (?:new )?job)\b",
    re.IGNORECASE,
)


def relocating(text: str) -> bool:
    """True when `text` (the sentences around a move) speaks of a home, a job, an office or a
    climate: the name moved to is a place, not a provider."""
    return bool(_RELOCATION.search(text))


# A complaint about THIS provider, or a threat to leave it: "hopeless", "sick of", "had enough", a
# reason that blames the provider ("because of your fees / the outages / the hidden charges",
# "because your dashboards are slow", "your app keeps crashing", "ur fees r a joke", "the support
# takes days to answer"), a complaint with no subject, which can only be this provider's ("Too many
# outages.", "Constant downtime for weeks.", "Too expensive for what we get."; not "MySQL had too
# many outages"), or a threat on a condition ("if this isn't fixed", "if the bill is wrong again",
# "one more outage and", "next time this happens", "fix it or we leave").
_CLAUSE_START = r"(?:^|(?<=[.!?,;:] )|(?<=[—–-] )|(?<=\n))"
_TROUBLE = (
    r"(?:outages?|downtime|bugs?|errors?|crash\w*|problems?|issues?|delays?|fees?|charges?|"
    r"price (?:hikes?|increases?|rises?)|failures?|glitches|disconnect\w*|dropped calls|mistakes)"
)
_COMPLAINT = re.compile(
    r"\b(?:last straw|(?:had|have had) enough|sick of|fed up|tired of"
    r"|done with|hopeless|useless|terrible|awful|ridiculous|unacceptable|rubbish"
    r"|because (?:of )?(?:you|u|your|this|(?:the |all the |these |those )?(?:[\w-]+ )?(?:outages?|downtime|bugs?|fees?|prices?|pricing|costs?|charges?"
    r"|service|support|problems?|issues?|errors?|crash\w*|delays?))"
    # the provider's product or service blamed: "your outages cost us too much", "your app keeps
    # crashing", "this bank is a joke", "your prices went up again", "the support takes days"
    r"|(?:your|ur|you guys['’]?|this|these|the(?= (?:support|customer service|service|app|website|site|platform|"
    r"network|coverage|signal|sync|billing|dashboards?|bills?|fees|prices|pricing)\b))(?: [\w'’-]+){1,3}? (?:never (?:work|load|answer|respond|help|arrive|reply)\w*"
    r"|(?:is|are|was|were) (?:always|constantly|still) (?:late|down|broken|wrong|failing|crashing|slow|offline)"
    r"|(?:is|are|was|were) (?:late|down|broken|wrong|failing|crashing|slow|offline) (?:again|every (?:time|day|week|month)|all the time)"
    r"|(?:always|constantly) (?:late|down|broken|wrong|fail\w*|crash\w*|slow|offline)"
    r"|(?:keeps?|kept) (?:on )?(?:crash|fail|drop|break|los|freez|tim\w* out|going down)\w*|cost (?:us|me) (?:too much|a fortune|a lot)"
    r"|takes? (?:days|weeks|ages|forever)|(?:has|have) been (?:broken|down|failing|wrong|offline)"
    r"|(?:is|are|r|was|were) (?:way |far |much |just )?too (?:high|expensive|slow|much|many|unreliable)"
    r"|(?:went|have gone|has gone|are going|keep going) up|(?:is|are|r) (?:a joke|a rip-?off|a nightmare|a disaster|a mess))"
    # "this" alone as the subject, as a clause of its own: "this is a mess", "this is a joke"
    rf"|{_CLAUSE_START}this (?:is|was|has been) (?:a joke|a rip-?off|a nightmare|a disaster|a mess)"
    # the provider told it is too slow or dear, the verb dropped as text-speak does ("yall too
    # slow", "u guys way too expensive"; not "thank you too")
    r"|(?:y['’]?all|you guys|u guys|you|u) (?:(?:are|r) )?(?:way |so |far |just )?too (?:slow|expensive|"
    r"pricey|costly|unreliable|buggy)"
    # a complaint with no subject, said as a clause of its own
    rf"|{_CLAUSE_START}(?:way |far |just )?too many (?:(?:[\w-]+ )?{_TROUBLE}|(?:failed|dropped|missed|"
    r"declined|lost|broken|bounced|late|wrong|double) [\w-]+)"
    # a failure counted: "This is the fourth time my payment failed", "third outage this week"
    # (not "switching to Jira for the second time")
    r"|(?:second|third|fourth|fifth|sixth|umpteenth|nth|\d+(?:nd|rd|th)) (?:(?:outage|failure|crash|"
    r"incident|mistake|error)s?|time (?:this (?:week|month|year)|today|in a (?:row|week|month)|"
    r"(?:[\w'’]+ ){0,4}?(?:fail\w*|broke\w*|crash\w*|went down|down|happen\w*|ask\w*|call\w*|"
    r"chas\w*|wrong|late|declin\w*|bounc\w*|charg\w*)))\b"
    rf"|{_CLAUSE_START}(?:constant|endless|repeated|frequent|daily|weekly|non-?stop|never-ending|recurring) (?:[\w-]+ )?{_TROUBLE}"
    rf"|{_CLAUSE_START}(?:(?:bills?|fees|prices|charges|rates) (?:are |were )?)?(?:way |far |much |just )?too (?:expensive|pricey|costly|high|buggy|unreliable)"
    # a threat on a condition: "one more outage and", "next time this happens", "unless you"
    r"|(?:one more|another|the next) [\w-]+(?: [\w-]+){0,3}? (?:and|&)|next time (?:this|it|that|the \w+|you)|unless (?:you|this|it|the)"
    rf"|{FIX_OR}"
    r"|if (?:this|it|that|the \w+|you)\b(?: [\w'’]+){0,6}? (?:again|fixed|resolved|sorted))\b",
    re.IGNORECASE,
)
# A sentence that says the user leaves THIS provider, beside a switch to a name no list knows: a
# complaint or a threat (above), "instead" (not "instead of email"), away from / leaving /
# quitting, cancel, the user's subscription, contract or renewal, not renewing, for good, or a
# better or cheaper offer.
_LEAVING_CUE = re.compile(
    r"\b(?:instead(?!\s+of\s+(?!(?:you|u|y'all|your|this|the current)\b))"
    # chosen over this provider: "Gusto rather than your payroll", "Xero over you", "rather than
    # renewing with you" (not "over this weekend")
    r"|(?:rather than|over) (?:(?:stay|stick|bank|renew|continu)\w* with )?(?:you|u|y'all|your"
    r"|this (?:[\w-]+ )?(?:bank|app|tool|product|platform|service|software|company|network|provider|"
    r"crm|system|one))\b"
    # leaving, not on a trip: not "leave on Thursday", "leaving from Vegas at 7:45", "for the airport"
    r"|away from|leav(?:e|ing)(?! (?:on|from|around|tomorrow|today|tonight|early|at \d|by \d|in \d|"
    r"for (?:the |a |my |our )?(?:airport|station|trip|holiday|vacation|weekend|day|night|office|work))\b)"
    r"|quit(?:ting)?|ditch(?:ing)?|dump(?:ing)?|cancel\w*"
    r"|clos(?:e|ing) (?:my|our|the) accounts?|(?:our|my|the) (?:subscription|contract|membership|renewal)s?"
    r"|(?:won['’]t|will not|not going to|never|not) renew\w*|for good|no point (?:in )?keeping"
    r"|cheaper|(?:better|lower) (?:rates?|prices?|fees?|deals?|offers?|value|service|support|coverage)"
    r"|(?:rates?|prices?|fees?|deals?|service|support|coverage) (?:is|are)(?: much| way| far| a lot)? (?:better|lower))\b",
    re.IGNORECASE,
)


def leaves_this_provider(text: str, before: str = "") -> bool:
    """True when `text` (a switch's sentence and its neighbours in the same turn) says the user
    leaves this provider (`_LEAVING_CUE`, `_COMPLAINT`), or `before` (the user's turn before it)
    complains or threatens (`_COMPLAINT`): a switch to a name no vendor list knows counts as
    churn, or names a competitor, only then ("we're moving to Monzo because of your fees",
    "Switching to Revolut. This app is hopeless.", "Your app keeps crashing." then "We're moving
    to Acme."; not "we're moving to Postgres", "switching to Teams for calls")."""
    return bool(_LEAVING_CUE.search(text) or _COMPLAINT.search(text) or _complains_of_this(before))


# What the user owns that this provider holds ("my invoices are wrong again, ridiculous").
_OWN_HERE = re.compile(
    r"^(?:my|our) (?:[\w-]+ )?(?:account|invoices?|bills?|billing|dashboards?|reports?|data|"
    r"subscription|plan|card|payments?|transfers?|orders?|deliver(?:y|ies)|exports?|statements?|"
    r"fees|charges|balance|workspace|team's|"
    # the service itself, as a phone, internet or hosting customer says it ("our calls keep dropping")
    r"calls?|connection|internet|broadband|wi-?fi|signal|coverage|line|service|app|site|website|"
    r"emails?|messages?|builds?|deploys?|deployments?|servers?|backups?|uploads?|sync)\b",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"[^.!?\n]+[.!?]*")


def _complains_of_this(turn: str) -> bool:
    """A complaint or threat (`_COMPLAINT`) in a sentence of `turn` about this provider: not one
    whose subject is another thing of the user's ("Our courier is terrible", "My old laptop was
    awful, always crashing") or another named product ("Gmail keeps losing our emails, sick of
    it"), unless the sentence also says "you" or "your"."""
    for m in _SENTENCES.finditer(turn):
        sentence = strip_lead_in(m.group(0).strip())  # "Ugh the app keeps crashing": not a name
        if not sentence or not _COMPLAINT.search(sentence):
            continue
        first = sentence.split()[0]
        other = (
            re.match(r"(?:my|our|his|her|their)\b", sentence, re.IGNORECASE)
            and not _OWN_HERE.match(sentence)
        ) or (first[:1].isupper() and first.isalpha() and first.lower() not in vocabulary())
        if not other or re.search(r"\b(?:you|your|ur|u)\b", sentence, re.IGNORECASE):
            return True
    return False


def named_vendor(pattern: str | None, name: str) -> bool:
    """True when `name` starts with a vendor of the named-vendor `pattern` (Competitor mention's
    first rule): "tableau next" names Tableau."""
    return bool(pattern) and re.match(pattern, name, re.IGNORECASE) is not None

"""Foreign traffic: agents the product was not built on, with gold intents (review rv9 N-a/N-b/N-c).

Three generators, each with its own intents, several phrasings per intent and slot fillers
shared across intents (the same file, function, column, library or product turns up in every
intent), wrapped in interjection openers and urgency closers, some with quoted messages:

- a data-science agent (pandas / SQL / notebooks: columns named price_usd, invoice_total),
- a devops agent (CI, Kubernetes, Terraform, services named pricing-service, billing-api),
- an e-commerce shopping assistant (orders, returns, prices: no code at all, and real pricing
  questions, so the word-cue facets must still fire there),
- a dental practice's booking assistant (8 intents: patients' and children's first names, the
  weekday / date / time of one booking, dentists by title, chat shorthand "bc", "w/", "pls"),
- a mobile carrier's support assistant (13 intents of 12-60 traces over four days: number
  ports, SIMs, billing disputes, signal; frustrated openers and closers; review rv13).

`--split dev` (seed 1) is what the rules were tuned on; `--split test` (seed 2) is reported once.
`--held-out PATH` reads another labelled JSONL set (`metadata.gt_intent` or
`metadata.ground_truth.intent`), e.g. review rv9's coding-agent traces, reported once, never tuned.

Per set: Task fine / parent NMI and ARI (`topic_hierarchy.run_labelled`: the Task facet's map
path), BERTopic and k-means on the same summaries (`topic_quality.evaluate`, `--bertopic`), the
word-cue facets' labels on traces whose intent is no such thing (Pricing question on code), the
Task summaries that keep an interjection or an urgency closer, and those with a quote cut open.

    .venv/bin/python bench/foreign_traffic.py [--split dev|test] [--held-out PATH] [--bertopic]
        [--show N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

OPENERS = [
    "", "", "", "Ugh, ", "Morning. ", "Hello there, ", "Welp, ", "Argh. ", "Hey, ", "ok so ",
    "Quick one: ", "Alright, ", "Hi! ", "Sigh. ", "Oof, ", "Good afternoon. ", "Yo, ",
]  # fmt: skip
CLOSERS = [
    "", "", "", " asap", " Been stuck for hours.", " Prod is down!", " This is blocking the release.",
    " Thanks!", " Any help appreciated.", " [URGENT]", " Need this today.", " I've been at this all day.",
    " Please hurry.", " Deadline is tomorrow.", " Cheers", " ty", " This is urgent!!",
]  # fmt: skip

DS_SLOTS = {
    "file": ["notebooks/churn.ipynb", "etl/load_sales.py", "data/price_history.csv",
             "analysis/invoice_report.py", "src/features/build.py", "pipelines/billing_daily.sql"],
    "col": ["price_usd", "customer_id", "churn_flag", "invoice_total", "signup_date", "discount_pct"],
    "df": ["df_sales", "orders_df", "invoices", "raw_events", "pricing_df"],
    "lib": ["pandas", "polars", "scikit-learn", "matplotlib", "seaborn", "xgboost"],
    "err": ["KeyError: 'price_usd'", "ValueError: could not convert string to float: 'N/A'",
            "MemoryError", "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
            "SettingWithCopyWarning"],
    "fn": ["compute_margin", "load_invoices", "clean_prices", "build_features", "fitModel"],
}  # fmt: skip
DS_INTENTS = {
    "ds_explain_error": [
        "Why do I get {err} when I run {file}?",
        "{fn} throws {err} on {df}, what does it mean?",
        "Getting {err} in {file} line 42, can you explain it?",
        "What causes {err}? It happens inside {fn}.",
        "running {file} dies with {err}",
    ],
    "ds_plot": [
        "Plot {col} over time from {df} with {lib}.",
        "Can you make a bar chart of {col} by month in {file}?",
        "I need a histogram of {col} in {df}",
        "How do I chart {col} against signup week using {lib}?",
        "Draw a line plot of {col} for each region from {df}.",
    ],
    "ds_missing": [
        "How should I fill missing values in {col} of {df}?",
        "{df} has NaNs in {col}, what's the best way to impute them?",
        "Drop rows where {col} is null in {file}",
        "Lots of nulls in {col} after loading {file}, how do I handle them?",
        "Impute the blanks in {col} before {fn} runs.",
    ],
    "ds_merge": [
        "How do I join {df} with customers on {col}?",
        "Merge {df} and the accounts table by {col} in {file}",
        "My join on {col} duplicates rows in {df}, how do I merge properly?",
        "Combine {df} with the {col} lookup table without losing rows.",
        "left join {df} to regions using {col}",
    ],
    "ds_speed": [
        "{fn} in {file} takes 20 minutes, how can I speed it up?",
        "Make {file} faster, it's way too slow on {df}.",
        "Can you optimize {fn}? Iterating over {df} with a for loop is slow.",
        "Vectorize the loop in {fn} so it runs quicker with {lib}.",
        "The notebook {file} is really slow on 10M rows",
    ],
    "ds_train": [
        "Train a classifier to predict {col} from {df} with {lib}.",
        "How do I fit a model on {df} for {col} in {file}?",
        "Build a churn model using {lib} with {col} as the target.",
        "Which model should I train to predict {col}?",
        "Set up cross-validation for the {col} model in {file}.",
    ],
    "ds_sql": [
        "Write a SQL query that sums {col} per customer from {df}.",
        "How do I get the top 10 customers by {col} in SQL?",
        "Translate {fn} into a SQL query over the invoices table.",
        "I need a query grouping {col} by month in {file}",
        "SQL to count distinct {col} per week please",
    ],
}
DEVOPS_SLOTS = {
    "svc": ["pricing-service", "billing-api", "checkout-worker", "auth-gateway", "invoice-renderer"],
    "file": [".github/workflows/deploy.yml", "infra/main.tf", "k8s/pricing-deploy.yaml",
             "docker/Dockerfile", "charts/billing/values.yaml", "scripts/release.sh"],
    "sha": ["a3f9c21", "9e1b0d7", "4c2a8f3e", "e7d6b15"],
    "err": ["CrashLoopBackOff", "OOMKilled", "Error: 403 Forbidden", "ImagePullBackOff",
            "exit code 137", "ECONNREFUSED"],
    "env": ["staging", "prod", "eu-west-1", "the dev cluster"],
    "var": ["DATABASE_URL", "STRIPE_API_KEY", "PRICE_CACHE_TTL", "AWS_SECRET_ACCESS_KEY"],
}  # fmt: skip
DEVOPS_INTENTS = {
    "ops_ci": [
        "The CI job in {file} fails on commit {sha}, why?",
        "Our GitHub Actions build for {svc} broke after {sha}, can you fix the pipeline?",
        "{file} keeps failing at the test step",
        "Why is the CI red for {svc} since commit {sha}?",
        "Pipeline in {file} errors out during the build stage.",
    ],
    "ops_rollback": [
        "Roll back {svc} on {env} to the previous release.",
        "How do I revert the {svc} deploy to commit {sha}?",
        "Undo the last deployment of {svc} in {env}",
        "We need to roll {svc} back, the new version is broken on {env}.",
        "Rollback {svc} to {sha} please",
    ],
    "ops_crash": [
        "{svc} pods are in {err} on {env}, what's wrong?",
        "Why does {svc} keep restarting with {err}?",
        "The {svc} container crashes with {err} after deploy",
        "Debug {err} for {svc} in {env}.",
        "Pods of {svc} die with {err} every few minutes",
    ],
    "ops_docker": [
        "Write a Dockerfile for {svc}.",
        "Can you make {file} build a smaller image for {svc}?",
        "Containerize {svc} with a multi-stage Docker build.",
        "How do I reduce the Docker image size of {svc}?",
        "Create a docker image for {svc} that runs as non-root",
    ],
    "ops_secret": [
        "Rotate {var} for {svc} on {env}.",
        "How do I change the {var} secret without downtime?",
        "{var} leaked, rotate it everywhere {svc} uses it",
        "Move {var} into the secret manager for {svc}.",
        "Update the {var} secret in {file}",
    ],
    "ops_alert": [
        "Set up an alert when {svc} error rate goes above 5%.",
        "Add a Grafana alert for {svc} latency on {env}.",
        "How do I get paged when {svc} is down?",
        "Create monitoring for {svc} memory usage in {env}",
        "Alert me if {svc} returns too many 500s",
    ],
    "ops_terraform": [
        "terraform plan in {file} fails with {err}",
        "Why does terraform apply want to recreate the {svc} database?",
        "Fix the Terraform state drift for {svc} in {file}.",
        "terraform apply errors on {env} for the {svc} bucket",
        "How do I import the existing {svc} load balancer into {file}?",
    ],
}
SHOP_SLOTS = {
    "product": ["Nimbus 3 running shoes", "AeroPress Go", "Kindle Paperwhite", "the Trailblazer backpack",
                "Sony WH-1000XM5 headphones", "the Ember mug"],
    "order": ["#A10293", "order 55821", "#B7733", "my last order"],
    "msg": ["'Payment declined'", "'Out of stock'", "'Address not valid'", "'Coupon expired'"],
    "code": ["SAVE20", "WELCOME10", "FREESHIP"],
}  # fmt: skip
SHOP_INTENTS = {
    "shop_track": [
        "Where is {order}? It was supposed to arrive yesterday.",
        "Track {order} with {product} in it",
        "My package {order} still says 'In transit', when will it arrive?",
        "Has {order} shipped yet?",
        "What's the delivery status of {product} from {order}?",
    ],
    "shop_return": [
        "I want to return {product} from {order}.",
        "How do I send back {product}? It doesn't fit.",
        "Start a return for {order}",
        "Can I return {product} after 30 days?",
        "Return label for {product} please",
    ],
    "shop_price": [
        "How much does {product} cost with shipping?",
        "Is there a cheaper price for {product}?",
        "Why did the price of {product} go up?",
        "What's the price of {product} in the sale?",
        "Will {product} be discounted on Black Friday?",
    ],
    "shop_compare": [
        "What's the difference between {product} and the newer model?",
        "Compare {product} with similar items for me.",
        "Is {product} better than the cheaper one?",
        "Which is best for travel, {product} or a lighter one?",
        "Help me choose between {product} and its competitor",
    ],
    "shop_address": [
        "Change the delivery address on {order}.",
        "I moved, can you update the shipping address for {order}?",
        "Checkout says {msg} for my new address",
        "Send {order} to my office instead",
        "Fix the address on {order}, the zip code is wrong.",
    ],
    "shop_coupon": [
        "Coupon {code} says {msg} at checkout",
        "How do I apply {code} to {product}?",
        "My discount code {code} doesn't work",
        "Can I use {code} on {order}?",
        "The promo {code} isn't taking anything off {product}",
    ],
}

# A dental practice's booking assistant (session 16, issue 12's vet-clinic review): people book
# for themselves and their children by first name, say the weekday, date and time of their one
# booking, name their dentist by title ("Dr Okafor", "dr. lind") and write in chat shorthand
# ("bc", "w/", "pls", "tmrw", "appt"); insurers are brands that recur across many patients.
DENTAL_SLOTS = {
    "who": ["my son Leo", "my daughter Maya", "Kofi", "my husband Tomasz", "Priya", "Aiyana",
            "my little one Jonah", "Ines", "my wife Saoirse", "Mateo", "me", "my mom Dolores",
            "our kid Elif", "Rafe"],
    "whos": ["Leo's", "Maya's", "Kofi's", "Tomasz's", "my", "Priya's", "Jonah's", "Ines's",
             "Mateo's", "Elif's", "our"],
    "day": ["Wed", "wednesday", "Thurs", "Friday", "sat", "Monday", "tues", "Tuesday",
            "Thu", "Fri", "Sat morning", "Mon"],
    "when": ["3pm", "10:30", "9am", "4.15pm", "noon", "after 5", "8:45am", "2 pm", "11am"],
    "date": ["Dec 4", "12/9", "the 14th", "tmrw", "next Tue", "this Friday", "Jan 6th",
             "March 3", "11/28"],
    "dr": ["Dr Okafor", "dr. Lind", "Dr Patel", "dr reyes", "Dr. Nakamura"],
    "why": ["bc of school pickup", "cuz of work", "b/c I travel that week", "bc my shift moved",
            "since the kids have a game", "w/ my toddler in tow", "bc of a work trip"],
    "ins": ["Delta Dental", "Cigna", "Aetna", "MetLife", "Guardian"],
    "pls": ["pls", "please", "plz", ""],
}  # fmt: skip
DENTAL_INTENTS = {
    "dent_cleaning": [
        "Can I book a cleaning for {who} on {day} at {when} {pls}",
        "need a checkup and cleaning for {who} w/ {dr}, any slots {day}?",
        "{pls} book {who} in for a cleaning {date} around {when}",
        "Is there a hygiene appointment open {day} {when} for {who}?",
        "Looking for a 6 month checkup for {who}, {date} works best",
        "schedule a routine cleaning w/ {dr} for {who} {pls}",
    ],
    "dent_reschedule": [
        "{pls} move {whos} appt from {day} {when} to {date} {why}",
        "Can we reschedule {whos} appointment with {dr} to {day}? {why}",
        "need to push {whos} appointment to {date}, {why}",
        "I have to change the time of {whos} visit on {day}, {when} doesn't work {why}",
        "Could you shift {whos} {day} slot to later, like {when}?",
        "Swap {whos} appointment to {date} at {when} {pls}",
    ],
    "dent_cancel": [
        "{pls} cancel {whos} appointment on {day} at {when}",
        "I need to cancel {whos} visit {date}, {why}",
        "cancel {whos} {day} appt w/ {dr}, we won't make it",
        "We can't come {date} {why}, please cancel it",
        "Cancel the {when} appointment for {who} {pls}, no need to rebook",
        "Take {who} off the schedule for {day}, {why}",
    ],
    "dent_pain": [
        "{who} has a really bad toothache, can {dr} see us {date}?",
        "Chipped a tooth last night, any emergency slot {day}?",
        "{whos} filling fell out and it hurts, need to come in asap",
        "Swollen gum and throbbing pain for {who}, is there an urgent appointment {date}?",
        "{who} cracked a molar, can we get in {day} {when}?",
        "Severe tooth pain since {day}, {pls} fit {who} in today",
    ],
    "dent_insurance": [
        "Do you take {ins}? {who} just switched plans",
        "Is a cleaning for {who} covered by {ins}?",
        "Will {ins} pay for {whos} fillings or is it out of pocket?",
        "I have {ins} through work, are you in network?",
        "What does {ins} cover for {whos} crown {pls}?",
        "Can you check my {ins} benefits before {whos} visit {date}?",
    ],
    "dent_whitening": [
        "How much is teeth whitening w/ {dr}?",
        "What's the price for whitening, {who} wants it before {date}",
        "Do you do whitening trays or only in office? cost?",
        "Interested in professional whitening {pls}, how much and how long does it take?",
        "Price of whitening for {who}? We'd prefer {dr}",
        "Is whitening cheaper if {who} and I both come {day}?",
    ],
    "dent_records": [
        "{pls} send {whos} x-rays to our new dentist",
        "Can you transfer {whos} dental records to another practice {date}?",
        "I need copies of {whos} xrays for {ins} {pls}",
        "Our new orthodontist needs {whos} records, can you email them?",
        "Forward {whos} chart and x-rays to Dr Abara at Elm Street Dental",
        "How do I get {whos} dental records sent over {why}?",
    ],
    "dent_bill": [
        "Why was {who} charged $120 after the {day} visit?",
        "I got a bill for {whos} cleaning but {ins} should cover it",
        "There's a charge on my card from {date} I don't understand",
        "Can I pay {whos} balance in installments {pls}?",
        "The invoice for {whos} filling looks wrong, we were billed twice",
        "Question about {whos} statement, what is the $45 fee for?",
    ],
}
DENTAL_OPENERS = ["", "", "", "Hi, ", "Hello! ", "hey ", "Good morning, ", "Hi this is Priya. ",
                  "Hello, Tomasz here. ", "Quick q: ", "hi there, "]  # fmt: skip
DENTAL_CLOSERS = ["", "", "", " Thanks!", " thx", " - Dana", " Thank you, Kofi", " ty!",
                  " Cheers, Ines", " appreciate it", " pls let me know"]  # fmt: skip

# A mobile carrier's support assistant (session 19, review rv13 H1/H2: names that describe a few
# traces, not the topic). Unequal intents, as support traffic is: number and SIM changes, billing
# disputes and signal complaints share their words (number, carrier, bill, charge, phone), so a
# topic may hold several of them and a name must say what most of it is about; frustrated
# openers and closers carry evaluative words ("ridiculous", "terrible", "kind") that name nothing.
TELCO_SLOTS = {
    "num": ["my number", "my phone number", "my mobile number", "the number", "my line",
            "my daughter's number", "my work number"],
    "carrier": ["Verizon", "T-Mobile", "AT&T", "another carrier", "a different provider",
                "Mint", "Visible", "a new network"],
    "amt": ["$45", "$89.99", "$120", "$30", "$212", "$64"],
    "month": ["this month", "last month", "in October", "on my November bill", "this cycle"],
    "place": ["at home", "in my apartment", "downtown", "at the office", "on my street",
              "in the basement", "near the station"],
    "country": ["Mexico", "Spain", "Canada", "Japan", "Italy", "the UK"],
    "phone": ["iPhone 14", "Pixel 8", "Galaxy S23", "my phone", "the new phone", "Moto G"],
    "plan": ["Unlimited Plus", "the 15GB plan", "Basic", "the family plan", "Prepaid 25"],
}  # fmt: skip
TELCO_INTENTS = {
    "tel_port_out": [
        "I want to port {num} to {carrier}, what's my account PIN?",
        "How do I transfer {num} out to {carrier}?",
        "I need a port-out code so I can move {num} to {carrier}",
        "Give me the number transfer PIN, I'm moving {num} to {carrier}",
        "Release {num} so {carrier} can take it over",
    ],
    "tel_port_in": [
        "I'm coming from {carrier}, can I keep {num}?",
        "Bring {num} over from {carrier} to you",
        "The transfer of {num} from {carrier} is stuck pending",
        "How long does it take to port {num} in from {carrier}?",
        "My old carrier {carrier} won't release {num} to you",
    ],
    "tel_new_number": [
        "I'd like a new phone number, I keep getting spam calls",
        "Can you change {num}? Too many robocalls",
        "Swap {num} for a different one with a local area code",
        "How much to get a new number on my line?",
        "Change {num}, my ex has it",
    ],
    "tel_sim": [
        "I lost my SIM card, how do I get a replacement?",
        "My SIM stopped working after I moved it to {phone}",
        "Activate the eSIM on {phone}",
        "{phone} says no SIM card, what do I do?",
        "Send me a new SIM, mine is damaged",
        "How do I switch {num} to an eSIM on {phone}?",
    ],
    "tel_double_charge": [
        "I was charged twice for {month}",
        "Why are there two payments of {amt} for {month}?",
        "You billed my card {amt} two times",
        "Duplicate charge of {amt} {month}, please refund one",
    ],
    "tel_bill_high": [
        "Why is my bill {amt} {month}? It's usually much less",
        "My bill went up {month} and nobody told me",
        "What is this {amt} fee {month}?",
        "The bill {month} is way higher than my plan price",
        "I don't understand the extra charges {month}",
        "Explain the {amt} on my bill, I never ordered that",
    ],
    "tel_autopay": [
        "Autopay failed {month}, how do I pay the bill?",
        "Update the card on file for autopay",
        "My payment of {amt} didn't go through",
        "How do I turn on automatic payments?",
        "I got a late fee but autopay should have paid it",
    ],
    "tel_roaming": [
        "Will my phone work in {country}? I travel next week",
        "Turn on international roaming for {num}, I'm going to {country}",
        "I got {amt} in roaming charges from {country}",
        "How much is data in {country} on {plan}?",
        "Add a travel pass for {country}",
    ],
    "tel_signal": [
        "No signal {place} since Monday",
        "Calls keep dropping {place}",
        "I have one bar {place}, is there an outage?",
        "Coverage is terrible {place}, calls cut out",
        "Why can't I make calls {place}? It says no service",
        "Is there a tower down near me? No service {place}",
    ],
    "tel_slow_data": [
        "My data is super slow {place}",
        "Internet on {phone} crawls even with full bars",
        "Why is 5G so slow {place}?",
        "Pages won't load on mobile data {place}",
        "Data speeds dropped to almost nothing since {month}",
    ],
    "tel_plan": [
        "Upgrade me to {plan}",
        "Can I downgrade to {plan} to save money?",
        "What's the difference between {plan} and Unlimited?",
        "Switch my line to {plan} starting next cycle",
        "I want a cheaper plan than {plan}",
    ],
    "tel_unlock": [
        "Unlock {phone} so I can use it abroad",
        "Is {phone} carrier locked? I paid it off",
        "How do I get an unlock code for {phone}?",
        "Unlock my device, the contract ended",
    ],
    "tel_voicemail": [
        "How do I set up voicemail on {phone}?",
        "Voicemail asks for a password I never set",
        "Reset my voicemail PIN",
        "My voicemail is full and won't delete messages",
    ],
}
# traces per intent: support traffic is uneven (several hundred traces over four days)
TELCO_COUNTS = {
    "tel_port_out": 14, "tel_port_in": 30, "tel_new_number": 22, "tel_sim": 40,
    "tel_double_charge": 12, "tel_bill_high": 55, "tel_autopay": 30, "tel_roaming": 35,
    "tel_signal": 60, "tel_slow_data": 40, "tel_plan": 45, "tel_unlock": 20, "tel_voicemail": 18,
}  # fmt: skip
TELCO_OPENERS = ["", "", "", "", "Hi, ", "Hello. ", "hey ", "Honestly this is ridiculous. ",
                 "You were so kind last time, ", "Ugh, ", "Terrible week. ", "Quick question: ",
                 "Awesome, another problem. "]  # fmt: skip
TELCO_CLOSERS = ["", "", "", "", " Thanks!", " thx", " This is getting ridiculous.",
                 " Very annoying.", " You guys are great, thanks.", " Terrible service lately.",
                 " Please help.", " I've been a customer for 10 years."]  # fmt: skip

DOMAINS = {
    "data-science": (DS_INTENTS, DS_SLOTS),
    "devops": (DEVOPS_INTENTS, DEVOPS_SLOTS),
    "shop": (SHOP_INTENTS, SHOP_SLOTS),
    # last, so the three sets above draw the same traces as before it was added
    "dental": (DENTAL_INTENTS, DENTAL_SLOTS, DENTAL_OPENERS, DENTAL_CLOSERS),
    # after dental, so the sets above draw the same traces as before it was added
    "telco": (TELCO_INTENTS, TELCO_SLOTS, TELCO_OPENERS, TELCO_CLOSERS),
}
# per-domain traces per intent (else PER_INTENT) and minutes between traces (else 1)
COUNTS = {"telco": TELCO_COUNTS}
SPACING = {"telco": 9}
PER_INTENT = 45
SEEDS = {"dev": 1, "test": 2}


def _fill(template: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(slots[m.group(1)]), template)


def generate(split: str) -> dict[str, list[dict]]:
    """Each domain's traces, `PER_INTENT` per intent, with `metadata.gt_intent`."""
    rng = random.Random(SEEDS[split])
    start = datetime(2026, 11, 20, tzinfo=UTC)
    out: dict[str, list[dict]] = {}
    for domain, (intents, slots, *words) in DOMAINS.items():
        openers, closers = words or (OPENERS, CLOSERS)
        traces = []
        for intent, templates in intents.items():
            for i in range(COUNTS.get(domain, {}).get(intent, PER_INTENT)):
                body = re.sub(r"\s+", " ", _fill(rng.choice(templates), slots, rng)).strip()
                opener, closer = rng.choice(openers), rng.choice(closers)
                if opener and opener[-2] in ",:" and body[:1].isupper() and body.split()[0] != "I":
                    body = body[:1].lower() + body[1:]
                text = f"{opener}{body}{closer}"
                tid = f"{domain}-{intent}-{i}"
                traces.append({
                    "id": tid, "created": (
                        start + timedelta(minutes=len(traces) * SPACING.get(domain, 1))
                    ).isoformat(),
                    "project_id": domain, "session_id": tid,
                    "input": [{"role": "user", "content": text}],
                    "output": [{"role": "assistant", "content": "Here is what I found."}],
                    "metadata": {"gt_intent": intent},
                })  # fmt: skip
        rng.shuffle(traces)
        out[domain] = traces
    return out


def load_labelled(path: Path) -> list[dict]:
    traces = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    for t in traces:
        meta = t.get("metadata") or {}
        intent = meta.get("gt_intent") or (meta.get("ground_truth") or {}).get("intent")
        t.setdefault("metadata", {})["gt_intent"] = intent
    return [t for t in traces if t["metadata"]["gt_intent"]]


def _as_messages(trace: dict) -> dict:
    """Raw_traces' shape: the local summarizer reads `messages` (input + output when absent)."""
    t = dict(trace)
    if isinstance(t.get("messages"), list) and t["messages"]:
        return t
    inp, out = t.get("input"), t.get("output")
    msgs = inp if isinstance(inp, list) else [{"role": "user", "content": str(inp)}]
    msgs = msgs + (out if isinstance(out, list) else [{"role": "assistant", "content": str(out)}])
    t["messages"] = msgs
    return t


# An interjection or an urgency closer still in a Task summary (the words, not the template).
_INTERJECTION = re.compile(
    r"^(?:ugh|argh|welp|morning|oof|sigh|yo|alright|ok so|hello there|hey)\b"
    r"|\b(?:asap|stuck for hours|prod is down|blocking the release|urgent|deadline|hurry|"
    r"all day|any help appreciated|need this today)\b",
    re.I,
)
_OPEN_QUOTE = re.compile(r"(?<![\w'])'(?=\w)")
_CLOSE_QUOTE = re.compile(r"(?<=[\w.!?])'(?![\w'])")


def quote_cut(summary: str) -> bool:
    """A quote opened and not closed: "stuck in 'pending" (the apostrophes of "don't" and a
    plural possessive "users'" do not count)."""
    opens = [m.start() for m in _OPEN_QUOTE.finditer(summary)]
    closes = [m.start() for m in _CLOSE_QUOTE.finditer(summary)]
    return any(not any(c > o for c in closes) for o in opens)


def cue_facets(traces: list[dict]) -> dict[str, Counter]:
    """The word-cue facets' labels (not their default) per facet, counted by gold intent."""
    from tracetopics_pipeline.core.facets.definitions import load_facets
    from tracetopics_pipeline.core.facets.summarizers.local import LocalSummarizer

    names = ("Pricing question", "Feature request", "Competitor mention", "Churn risk")
    facets = [f for f in load_facets() if f.name in names]
    gold = {str(t["id"]): t["metadata"]["gt_intent"] for t in traces}
    found: dict[str, Counter] = {f.name: Counter() for f in facets}
    res = LocalSummarizer(fitted_models=False).summarize(traces, facets)
    defaults = {f.name: f.default_label or "NONE" for f in facets}
    for o in res.outputs:
        if o.status != "ok":
            continue
        label = o.label or o.summary.split(":")[0]
        if label not in (defaults[o.facet], "NONE", "LOW"):
            found[o.facet][(gold[o.trace_id], label)] += 1
    return found


def knn_agreement(traces: list[dict], gold: list[str], k: int = 10) -> float:
    """Per trace, the share of its k nearest other traces (cosine of their Task summaries'
    vectors, ties in text count) with its gold intent, averaged: whether one ask's summaries
    embed together, without the noise of a clustering run on ~100 distinct texts."""
    import numpy as np
    import topic_hierarchy as th

    from tracetopics_pipeline.core.settings import Settings

    summaries = th.task_summaries(traces)
    keep = [i for i, s in enumerate(summaries) if s]
    uniq = sorted({summaries[i] for i in keep})  # type: ignore[type-var]
    x = th.EmbeddingCache(Settings.from_env()).vectors(uniq)
    index = {s: j for j, s in enumerate(uniq)}
    v = x[[index[summaries[i]] for i in keep]]  # type: ignore[index]
    v = v / np.linalg.norm(v, axis=1, keepdims=True)
    sims = v @ v.T
    np.fill_diagonal(sims, -np.inf)
    g = np.array([gold[i] for i in keep])
    nn = np.argsort(-sims, axis=1)[:, :k]
    return float((g[nn] == g[:, None]).mean())


def report(name: str, traces: list[dict], args: argparse.Namespace) -> None:
    import topic_hierarchy as th

    from tracetopics_pipeline.core.settings import Settings

    settings = Settings.from_env()
    traces = [_as_messages(t) for t in traces]
    gold = [t["metadata"]["gt_intent"] for t in traces]
    th.run_labelled(name, traces, gold, settings)
    print(f"  10-NN intent agreement of the Task summaries: {knn_agreement(traces, gold):.3f}")
    summaries = th.task_summaries(traces)
    said = [s for s in summaries if s]
    asides = [s for s in said if _INTERJECTION.search(s)]
    cut = [s for s in said if quote_cut(s)]
    print(
        f"  Task summaries with an interjection or urgency closer: {len(asides)}/{len(said)}"
        f"{' e.g. ' + '; '.join(repr(s) for s in asides[:3]) if asides else ''}"
    )
    print(
        f"  Task summaries with a quote cut open: {len(cut)}/{len(said)}"
        f"{' e.g. ' + '; '.join(repr(s) for s in cut[:3]) if cut else ''}"
    )
    rng = random.Random(0)
    for s in rng.sample(said, min(args.show, len(said))):
        print(f"    summary: {s}")
    for facet, c in cue_facets(traces).items():
        total = sum(c.values())
        top = ", ".join(f"{g} {lab} {n}" for (g, lab), n in c.most_common(6))
        print(f"  {facet}: {total}/{len(traces)} labelled ({top})")
    if args.bertopic:
        import topic_quality as tq

        from tracetopics_pipeline.core.topics.embedders import make_embedder

        tq.evaluate(f"{name} (Task summaries)", traces, gold, raw=False, settings=settings,
                    embedder=make_embedder(settings))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=sorted(SEEDS), default="dev")
    ap.add_argument("--held-out", type=Path, help="a labelled JSONL set, reported once")
    ap.add_argument("--bertopic", action="store_true", help="BERTopic / k-means beside ours")
    ap.add_argument("--show", type=int, default=8, help="sample summaries printed per set")
    ap.add_argument("--only", help="comma-separated domains")
    ap.add_argument(
        "--dump",
        type=Path,
        help="directory: each set's clustering and names "
        "(topic_hierarchy's --dump), for bench/names_replay.py --part foreign",
    )
    args = ap.parse_args(argv)
    if args.dump:
        import topic_hierarchy as th

        args.dump.mkdir(parents=True, exist_ok=True)
        th.DUMP_DIR = args.dump
    if args.held_out:
        report(args.held_out.stem, load_labelled(args.held_out), args)
        return 0
    sets = generate(args.split)
    for domain, traces in sets.items():
        if args.only and domain not in args.only.split(","):
            continue
        report(f"{domain}-{args.split}", traces, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Held-out set 21: free-text subtopic names a product manager would accept or reject, for the
label audit's `minority_name` (issue 12 item 6: "a name says what most of its topic's traffic
says"; `labels.support.said_share`).

Each case is a subtopic's name and a sample of its Task summaries: 12 draws by traffic (with
replacement, seeded by the map and topic id; a summary drawn k times is written once with k),
labelled by hand from the name and the topic's summaries, BEFORE any rule of this pass, as
"reject" when the name does not say what most of its traces want (it names one case of
several, one value of a slot the traces fill with many: a dashboard, a vendor, a chart type, a
plan, a month; another thing; or nothing one can act on) and "accept" when it does, however
clumsy its form ("Find some cool", "Didn't give me all the money": other checks own the form).

Sources: the 30-day demo's Task map of main e51224f (every one of its 119 subtopics), and the
session-20 replays' Banking77, SGD (`bench/topic_hierarchy.py --dump`) and telco
(`bench/foreign_traffic.py --dump`) dev and test clusterings (every name the audit flagged,
those said by 0.5-0.7 of their traces, and 25 drawn at random from the rest). Split once by
`SPLIT_SEED_21` (bench/held_out.py's split_forms) per source and verdict into a development
part (the cutoffs were chosen on it) and a test part (reported once).

    .venv/bin/python bench/audit_minority_set21.py [--part dev|test|all] [--pull 0.05|off] [--kinds]

prints the flag's precision and recall against the verdicts per source, before (`--pull off`:
paraphrase by SAID_NEAR alone) and with each word of the name held (`support.WORD_PULL`), and
the names where flag and verdict disagree. `--kinds`: each text also says the heads its source's
texts name its words as kinds of (`support.learn_kinds` over every case of the source, the way
a map's parents are read: "Business" says "plan"), to see whether a class word the traces
never say could count as said (session 24: it did not help, docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import cache

import numpy as np
from held_out import split_forms

from tracetopics_pipeline.core.topics.labels import support
from tracetopics_pipeline.core.topics.labels.support import (
    MIN_SAID,
    NO_KINDS,
    Kinds,
    Sayers,
    learn_kinds,
    said_share,
    text_words,
    without_each_word,
)

SPLIT_SEED_21 = 21
Case = tuple[str, tuple[tuple[int, str], ...]]  # name, (draws, summary) each


def _case(name: str, draws: tuple[tuple[int, str], ...]) -> Case:
    return (name, draws)


# source and verdict -> cases, each source's cases in map and topic id order
CASES: dict[str, tuple[Case, ...]] = {
    "banking77 accept": (
        # banking77-dev #6, 60 traces
        _case(
            "Order a card",
            (
                (2, "Are new cards available from China"),
                (1, "Am I permitted to have a spare card"),
                (1, "Another card from the you. S"),
                (1, "Do you know which businesses will accept my card"),
                (1, "Get an actual card"),
                (1, "Get an actual card that I can hold in my hand"),
                (1, "Open a second card for my daughter, assist me"),
                (1, "What US credit cards do you accept"),
                (1, "What businesses accept this card"),
                (1, "What cards do you support"),
                (1, "You accepts my card"),
            ),
        ),
        # banking77-dev #18, 41 traces
        _case(
            "Extra 1 fee in statement",
            (
                (2, "What is this extra €1 fee about"),
                (
                    1,
                    "Checking my statements and I saw a purchase from a couple weeks ago that I don't. Not only that, but I don't even know the business that charged it",
                ),
                (1, "In my statement, there was an extra €1 fee"),
                (1, "No idea why there is a dollar that has been charged to my account"),
                (
                    1,
                    "See that I have been charged an extra $1 on my app. Provide me with a reason for this charge",
                ),
                (
                    1,
                    "There is a strange 1£ charge that appears as pending on my statement. What's the cause for that",
                ),
                (1, "What is this $1 charge on my account"),
                (1, "When do you charge fees on accounts. Just saw a charge on my statement"),
                (
                    1,
                    "Why is it showing that my account has been charged a dollar that is showing as",
                ),
                (1, "Why is there an additional fee showing on the statement I received"),
                (1, "Why is there an extra pound charge that is pending"),
            ),
        ),
        # banking77-dev #27, 39 traces
        _case(
            "Edit personal details",
            (
                (2, "Change my address"),
                (2, "Modify my details"),
                (1, "Change my contact information"),
                (1, "Edit my personal details"),
                (1, "Edit personal details"),
                (1, "Just got married and I need to change my name"),
                (1, "Just moved. Give you my new address"),
                (1, "Moved to a new city and need to change my address"),
                (1, "My marital status has change, got to correct my name to reflect that"),
                (1, "Since I got married, change my name"),
            ),
        ),
        # banking77-dev #33, 33 traces
        _case(
            "Direct debit I didn't set up",
            (
                (2, "A direct debit I didn't make"),
                (2, "A direct debit on my records that is strange and I need help"),
                (1, "An unfamiliar direct debit in my statement"),
                (1, "Didn't initiate a direct debit that I see on my account"),
                (1, "Don't know where a direct debit payment came from"),
                (1, "My statement shows a strange direct debit"),
                (1, "There is a direct debit transaction that I did not authorize"),
                (1, "There is a mysterious debit transaction on my statement"),
                (1, "Weird Direct Debit payment"),
                (
                    1,
                    "|I moved out of my old house two weeks ago and cancelled my direct debit to. Now I've moved in to a new place and set up a transfer to a new",
                ),
            ),
        ),
        # banking77-dev #42, 29 traces
        _case(
            "Phone has been lost or stolen",
            (
                (2, "Access my phone from the hotel/"),
                (2, "My phone was stolen yesterday"),
                (1, "Cannot get to my app"),
                (1, "Do I need my phone to use the app"),
                (1, "Got mugged yesterday and they took everything. Cannot use the app"),
                (1, "Lost my phone. Use my card without the app"),
                (1, "My phone has been stolen. Make sure no one uses my account from it"),
                (1, "My phone was left at a hotel and I can't access the app"),
                (1, "Still access the app even"),
                (1, "What should I do if my phone is lost or stolen"),
            ),
        ),
        # banking77-dev #47, 27 traces
        _case(
            "Didn't receive all the cash",
            (
                (2, "It seems that the rate I got is incorrect"),
                (2, "My cash balance less than what I thought"),
                (1, "Cannot get the money I needed"),
                (
                    1,
                    "Could only take the amount of money that was available to me which was less then",
                ),
                (1, "Not distributed the correct amount of cash that I asked for"),
                (1, "The machine gave me the wrong amount of cash"),
                (1, "Think something went wrong, didn't get the right amount"),
                (1, "Tried to get gas but my money was gone"),
                (1, "When I got my cash, the amount was not what it should have been, based on"),
                (1, "Why did I only get $20 when I asked for $100"),
            ),
        ),
        # banking77-dev #48, 25 traces
        _case(
            "Transaction to the wrong account",
            (
                (
                    4,
                    "Help with some transactions in my account that I don't recognize or remember purchasing. Not sure if the name is just different or what",
                ),
                (
                    2,
                    "Just made a money transfer to the wrong account, stop the money from being moved as",
                ),
                (
                    1,
                    "Accidentally made a payment from the wrong account yesterday. It's my rent payment, it's very large, the account I paid from won't be able to",
                ),
                (1, "If I found an error in my account for a transaction I didn't make, how long"),
                (
                    1,
                    "Payed my rent to my landlord a few days ago and he is saying the it. Everything looks good to me and I even double checked the account number",
                ),
                (
                    1,
                    "Sent a payment to the wrong account number, can that transaction be reversed. Worried about accidentally giving my money away",
                ),
                (
                    1,
                    "There are transactions that I did not make on my account, think someone has my information",
                ),
                (
                    1,
                    "Yesterday, made an incorrect payment to the wrong account for my rent payment. This addressed as soon as possible and the funds transferred to the correct account by no",
                ),
            ),
        ),
        # banking77-dev #49, 25 traces
        _case(
            "Time to receive card",
            (
                (2, "Choose when my card is delivered"),
                (2, "How soon will I get my card"),
                (1, "How long does it take to receive my card"),
                (1, "How long until my new card gets here"),
                (1, "How long will it take for me to get my card"),
                (1, "If I ordered my new card last week, how much longer should I wait to receive"),
                (1, "If my card is about to expire how long would it take to receive a new"),
                (1, "What is the expected delivery date of my card"),
                (1, "When will my card come"),
                (1, "When will my new card arrive"),
            ),
        ),
        # banking77-dev #56, 23 traces
        _case(
            "Transaction hasn't arrived",
            (
                (2, "Seem to be unable to make any transactions"),
                (2, "Why hasn't my transaction been completed"),
                (1, "A transaction I did to my friend hasn't arrived yet"),
                (1, "It does not appear that my message went through"),
                (1, "My money transaction can't be seen by the person I sent it to"),
                (1, "Why I can't make any transactions"),
                (1, "Why hasn't my transaction arrived"),
                (1, "Why is the transaction not posting"),
                (
                    1,
                    "Why is this not letting me exchange crypto. Help making this transaction go through",
                ),
                (1, "Why was my transaction not approved"),
            ),
        ),
        # banking77-dev #63, 21 traces
        _case(
            "Receive salary in another currency",
            (
                (
                    3,
                    "Can my salary be received and transferred to my current currency in my country",
                ),
                (2, "Convert to EUR"),
                (1, "Change my currency to EUR"),
                (1, "Obtained the salary in GBP, will it need to be configured"),
                (1, "Receive my salary in a different currency. How does that work"),
                (1, "Receive my salary with a different currency"),
                (
                    1,
                    "Salary in GBP has been received. Does it need to be configured into another place",
                ),
                (1, "Switch to a different currency"),
                (1, "What currencies can I receive my salary in with this"),
            ),
        ),
        # banking77-dev #64, 21 traces
        _case(
            "Didn't give me all the money",
            (
                (2, "The ATM didn't give me the amount I asked for"),
                (1, "Atm refused to give me money"),
                (1, "Get my money that I didn't get from the ATM"),
                (1, "The ATM did not give me as much cash"),
                (1, "The ATM didn't give me all the money I requested"),
                (1, "The ATM didn't give me the full requested amount"),
                (1, "The ATM is showing it gave me the money I requested but I didn't get that"),
                (1, "The atm wouldn't give out cash"),
                (1, "Visited the ATM but got less money than what I requested"),
                (1, "Where'd the rest of my cash go from the ATM"),
                (1, "Why didn't the ATM give me all my money"),
            ),
        ),
        # banking77-dev #66, 20 traces
        _case(
            "Transfer from Europe",
            (
                (2, "How long does it take to get money from Europe"),
                (
                    1,
                    "Bought something online a couple days ago, sent the money immediately online but the seller says. How long do EU transfers actually take",
                ),
                (1, "How long does a European transfer take"),
                (1, "How long will a transfer take from Europe"),
                (
                    1,
                    "Made a transfer from France two days ago now but there hasn't made it there yet. Do international transfers take longer",
                ),
                (1, "Make a transfer from Europe, how many days does this take"),
                (1, "My Bank is in Europe, how long will the transfer take"),
                (
                    1,
                    "The seller of the items I bought online the other day hasn't received the EU transfer. How long do these usually take",
                ),
                (1, "What is the time frame for european transfers"),
                (1, "When can I expect a transfer from Europe to go through"),
                (1, "Where's the money from my transfer from Europe"),
            ),
        ),
        # banking77-dev #80, 18 traces
        _case(
            "Physical card",
            (
                (2, "Get hold of a physical card"),
                (1, "Are physical card available"),
                (1, "Do I have to pay for a physical card"),
                (1, "Get a physical card"),
                (1, "Get some extra physical cards"),
                (1, "Go about getting a physical card to use in stores"),
                (1, "Having problems with my physical card"),
                (1, "Purchase more physical cards with my account"),
                (1, "Revive a physical card"),
                (1, "What is the cost for physical cards"),
                (1, "What is the process for getting an actual physical card"),
            ),
        ),
        # banking77-dev #81, 16 traces
        _case(
            "UK account transfer",
            (
                (
                    3,
                    "A few hours ago I made a bank transfer from my UK account but I don't. Check and see if all is ok",
                ),
                (
                    2,
                    "What's the time frame normally for a UK account transfer. Just made one and it's not showing up anywhere",
                ),
                (
                    1,
                    "Done a transfer within the country a couple days ago, but it's still not there yet. Check what's going on with that, the account number definitely is the right one, checked that",
                ),
                (
                    1,
                    "Done a transfer within the country the day before yesterday, but it's still not there yet. Check what's going on with that, the account number definitely is the right one, checked that",
                ),
                (
                    1,
                    "Help figure out why the recent transfer from my UK bank account isn't showing up",
                ),
                (
                    1,
                    "Made a bank transfer from my UK account today, but it's not showing. Check status",
                ),
                (
                    1,
                    "Made a transfer from my UK bank account. Haven't seen anything on the account in the pass few hours",
                ),
                (
                    1,
                    "Performed a transfer within the country the day before yesterday, but it has not gone through. The account number is definitely correct",
                ),
                (
                    1,
                    "What's the normal time frame for a transfer from a UK account. After just making a transfer it doesn't appear at all",
                ),
            ),
        ),
        # banking77-dev #88, 16 traces
        _case(
            "Top-up using cash",
            (
                (4, "Top up my account using bank transfer"),
                (2, "Do a cash deposit to top up"),
                (1, "Get a hand here, top up cash"),
                (1, "Link my bank to my top up account"),
                (1, "Top up with cash"),
                (1, "Use cash to top up"),
                (1, "What currency can I use to pay for a top up"),
                (1, "Where to find top up by cash deposit"),
            ),
        ),
        # banking77-dev #95, 12 traces
        _case(
            "Fees for top ups",
            (
                (2, "Is there any amount in which I would get cut off from topping up"),
                (2, "What are the fees associated with top up via transfer"),
                (2, "What fees are charged when I top up"),
                (1, "Is topping up free"),
                (1, "Pay for top-ups"),
                (1, "Was there a problem with topping up"),
                (1, "What do I need to know about topping up"),
                (1, "What fees to you have for top ups"),
                (1, "Will I be charged for topping up"),
            ),
        ),
        # banking77-test #2, 59 traces
        _case(
            "Charged a fee for transfer",
            (
                (2, "What are the charges for receiving money"),
                (1, "How much am I charged for a SEPA transfer"),
                (1, "How much do you charge to accept transfers"),
                (1, "Is there a reason I was charged a fee to transfer"),
                (1, "Not sure why I was charged an extra fee for transferring funds"),
                (1, "Transferred money and was charged and want to know why"),
                (1, "What'll it charge me for a SEPA transfer"),
                (1, "Why am I seeing a transfer fee"),
                (1, "Why was I charged extra for transferring money"),
                (1, "Why were there additional charges when transferring"),
                (1, "Will I be charged for a SEPA transfer"),
            ),
        ),
        # banking77-test #3, 59 traces
        _case(
            "Physical card",
            (
                (2, "Am I able to get a second card"),
                (2, "Get a spare card for someone else to use"),
                (1, "Am I able to choose my card"),
                (1, "Do you offer multiple cards for the same account"),
                (1, "Get a card. What is the procedure"),
                (1, "Get a few more physical cards"),
                (1, "Get some more physical cards"),
                (1, "Order extra cards"),
                (1, "So mad. Theres several charges that I think my x boyfriend made on my card"),
                (1, "What do you charge for physical cards"),
            ),
        ),
        # banking77-test #25, 40 traces
        _case(
            "Reset passcode",
            (
                (1, "Cannot find my password"),
                (1, "Forgot my code to get into the app"),
                (1, "Forgot the code to access the app"),
                (1, "My passcode doesn't seem to be working"),
                (1, "Resent my passcode"),
                (1, "Reset my password"),
                (1, "Show how to reset my passcode"),
                (1, "What do I do if I forget my passcode. Because I did"),
                (1, "What is the code I need to get into the app"),
                (1, "What should I do if the passcode doesn't work"),
                (1, "What to do to reset my passcode"),
                (1, "Where can I reset the passcode"),
            ),
        ),
        # banking77-test #28, 36 traces
        _case(
            "Extra charged to account",
            (
                (2, "Get a refund on the extra pound I was charged"),
                (
                    2,
                    "Recently got a new place while I'm staying abroad and have been using this account to. Where are these additional fees coming from",
                ),
                (2, "There is a fee on my account"),
                (1, "Charged for something I didn't expect"),
                (1, "Not sure what this charge is for"),
                (1, "There is an unauthorized fee"),
                (1, "What is this charge on my account"),
                (1, "When I made a purchase last Saturday, charged extra"),
                (
                    1,
                    "With a weird charge. It's a pound charge that never goes away from the statement view on the app I'm",
                ),
            ),
        ),
        # banking77-test #29, 36 traces
        _case(
            "Card is about to expire",
            (
                (2, "Since my card is about to expire, a new one"),
                (2, "When my card expires, will I get a new one mailed to me"),
                (1, "Do you have to order a new card before your current card expires"),
                (1, "Going to need a new card what are the fees and time it takes"),
                (1, "My card is about to expire and I need to know how much it costs and"),
                (
                    1,
                    "My card is about to expire. How much does it cost to order a new one and how fast will I get",
                ),
                (1, "What do I do if my card is expiring soon"),
                (1, "What do I do when my card is about to expire"),
                (1, "When my card expires what happens to my account"),
                (1, "Will I need to order a new card"),
            ),
        ),
        # banking77-test #33, 35 traces
        _case(
            "Lost phone",
            (
                (2, "My phone is lost. What do I do to prevent someone from using the app"),
                (2, "My phone was stolen yesterday"),
                (1, "Cannot find my phone but it has all my credit card information"),
                (1, "Got mugged yesterday and lost access to the app. Regain it"),
                (1, "If I lost my phone, use my account"),
                (1, "Left phone at hotel, access app"),
                (1, "Lost my phone"),
                (1, "Lost my phone and need help securing it"),
                (1, "My phone was stolen"),
                (1, "Think my phone is either lost or stolen"),
            ),
        ),
        # banking77-test #35, 34 traces
        _case(
            "Cancel a transaction",
            (
                (1, "Can a transaction be cancelled"),
                (1, "Cancel a charge"),
                (1, "Cancel my transaction"),
                (1, "Made a mistake and need to cancel a transaction"),
                (1, "Made a mistake with a transaction"),
                (1, "Made a transaction but did it to the wrong account"),
                (1, "Made a transaction this morning and would like to revert it"),
                (1, "My transaction needs to be canceled"),
                (1, "Reverse my transaction from earlier"),
                (1, "Revert a transaction I did this morning"),
                (1, "Stop my purchase"),
                (1, "Transaction failed"),
            ),
        ),
        # banking77-test #49, 26 traces
        _case(
            "Extra fee on statement",
            (
                (2, "Check why I am having this extra fee on my statement"),
                (2, "Do not remember purchasing anything for 1£, it is on my statement"),
                (1, "Information about an extra €1 fee in my statement"),
                (1, "Noticed an extra $1 charge on my statement"),
                (1, "There is a fraudulent charge on my statement"),
                (1, "What is this $1 charge on my statement"),
                (1, "Where did the extra fee on my statement come from"),
                (1, "Where did this 1 euro fee come from"),
                (1, "Why I noticed a $1 charge on my statement"),
                (1, "Why is there a fee for an extra pound in my statement"),
            ),
        ),
        # banking77-test #50, 26 traces
        _case(
            "Direct debit that I don't recognize",
            (
                (
                    2,
                    "Don't recognize a debit payment that was made and would like to find out about the",
                ),
                (1, "A direct debit charge that I do not recognize"),
                (1, "A direct debit transaction I have not set up"),
                (1, "Didn't make this direct debit transaction"),
                (1, "Don't understand where this debit came from and want it removed"),
                (
                    1,
                    "It seems there is an incorrect listing of a direct debit payment on my app that",
                ),
                (1, "There is a direct debit that's not mine"),
                (1, "There's a debit on my account that I didn't do"),
                (1, "This Direct Debit payment may not be right"),
                (1, "Why does the app show a direct debit payment that I did not authorize"),
                (1, "Why is there a direct debit I didn't make showing in the app"),
            ),
        ),
        # banking77-test #55, 24 traces
        _case(
            "Card payment did not work",
            (
                (3, "Some of my card payments look different than where I purchased products from"),
                (3, "Why doesn't the card payment work"),
                (2, "Did not make this card payment"),
                (1, "Don't recognise a card payment"),
                (1, "Found an unauthorized card payment"),
                (1, "Really stuck. Don't know why but my card payment has not gone through"),
                (
                    1,
                    "There are some payments with my card that I don't know where they are coming from. Checked today and it's been",
                ),
            ),
        ),
        # banking77-test #66, 20 traces
        _case(
            "Requested a refund",
            (
                (3, "Get a refund. Go about doing that"),
                (2, "Requested a refund from a store but it hasn't arrived"),
                (1, "Asked for a refund last week but nothing has happened yet"),
                (
                    1,
                    "Cancel an order I recently made and start processing a refund. With this and set up the refund as soon as possible",
                ),
                (1, "Claim a refund"),
                (1, "Have a refund"),
                (1, "How long does it take for a refund"),
                (1, "Still waiting on a refund"),
                (1, "What do I need to do to get a refund"),
            ),
        ),
        # banking77-test #74, 18 traces
        _case(
            "Auto top-up",
            (
                (1, "Auto top-up"),
                (1, "Do you have an auto top-up option"),
                (1, "Enable auto-top up"),
                (1, "Is there an auto top-up option"),
                (1, "Read about the auto-top up function, but can't find it in the app"),
                (1, "Set up an automatic top-up for travel"),
                (1, "Top up automatically"),
                (1, "Top-up automatically"),
                (
                    1,
                    "Tried looking for the auto-top up option on my website and I can't seem to find",
                ),
                (1, "What is the auto top up function and where can I find that at"),
                (1, "Where I can find the auto-top option"),
                (1, 'Where can I find the "auto-top" feature'),
            ),
        ),
        # banking77-test #76, 18 traces
        _case(
            "Exchange currencies with this app",
            (
                (
                    2,
                    "Buy some crypto but the app doesn't allow me to. What's the issue, exchange this",
                ),
                (2, "Exchange currencies with this app"),
                (2, "If I receive foreign currencies, am I able to exchange them on the app"),
                (2, "What currencies will this app exchange"),
                (1, "Convert currencies with the app"),
                (1, "Use this app to change dollars into euros"),
                (1, "Will this app exchange currencies"),
                (1, "With this exchange. Get crypto and the app won't let me"),
            ),
        ),
        # banking77-test #78, 17 traces
        _case(
            "Countries you operate",
            (
                (4, "What are the countries you operate in"),
                (2, "What countries do you support"),
                (2, "What countries will my card be supported in"),
                (1, "From what countries can I use this product"),
                (1, "Is my country supported"),
                (1, "What countries are you currently in"),
                (1, "What countries you operate in"),
            ),
        ),
        # banking77-test #79, 17 traces
        _case(
            "Tried to make a cash withdrawal",
            (
                (4, "My cash withdrawl was declined why"),
                (3, "Why did the ATM machine fail to give me a cash withdrawal"),
                (1, "At the ATM trying to made a withdraw and I was declined"),
                (1, "Tried to make a cash withdrawal and it was declined"),
                (1, "Tried to withdraw money but I was declined"),
                (
                    1,
                    "Tried to withdraw money from an atm and i was declined on front of my friends",
                ),
                (1, "Why was I declined getting cash"),
            ),
        ),
        # banking77-test #85, 16 traces
        _case(
            "Top up card",
            (
                (2, "How much can I top-up to my card at a time"),
                (2, "What cards to do you support to top up"),
                (1, "Is it okay to use a bank card to top up"),
                (1, "Just put my top-up into the card and it hasn't changed"),
                (1, "Top up my card using my app"),
                (1, "Top up using an international card"),
                (1, "Top up with my card"),
                (1, "What's the deal. My card was just denied for top up"),
                (1, "Which cards do you guys support. Top up using my credit card"),
                (1, "Which credit or debit cards can I use to top up"),
            ),
        ),
        # banking77-test #100, 12 traces
        _case(
            "Can't transfer to a beneficiary",
            (
                (4, "Cannot make a transfer to a beneficiary"),
                (2, "My beneficiary is not allowed, have answer as to why this is"),
                (2, "Why couldn't I do a transfer to a beneficiary"),
                (1, "Explain why I can't do a transfer to a beneficiary"),
                (1, "Having problems transferring to a beneficiary"),
                (1, "My transfer to beneficiary didn't go through"),
                (1, "What are the rules for transferring to a beneficiary"),
            ),
        ),
        # banking77-test #101, 12 traces
        _case(
            "App doesn't recognize",
            (
                (4, "App does not recognize me"),
                (2, "Cannot get the app to know it is me"),
                (2, "The app doesn't believe that I am me"),
                (1, "Cannot use the app"),
                (1, "Not being recognized by the app"),
                (1, "The app doesn't recognize me"),
                (1, "Why doesn't the app believe I am who I say I am"),
            ),
        ),
    ),
    "banking77 reject": (
        # banking77-dev #39, 29 traces
        _case(
            "Money is still in account",
            (
                (2, "How long does it take for the money to show up in my account"),
                (2, "There is unexpected money in my account"),
                (
                    1,
                    "Are the funds I requested from a merchant a few days ago in my account. Do not see them",
                ),
                (1, "Cash I did not get showed up in my account"),
                (
                    1,
                    "My money has disappeared. Had recently added money in, saw it was there and went through",
                ),
                (
                    1,
                    "My money has gone missing. Had recently added money in, saw it was there and went through",
                ),
                (
                    1,
                    "My money is back in my account after a seller contacted me stating they never received. Positive it was deducted out of my account",
                ),
                (1, "My wallet is empty even"),
                (
                    1,
                    "Received a message from a seller stating they hadn't received my money even. The money has now been deposited back into my account",
                ),
                (1, "There is random cash in my account"),
            ),
        ),
        # banking77-dev #62, 21 traces
        _case(
            "Topped up account",
            (
                (
                    2,
                    "Accordingly you offer crypto top up but it doesn't seem to be working. Money just disappeared from my account",
                ),
                (
                    2,
                    "My credit card was just denied for top up. Why this happened and what's going on",
                ),
                (
                    1,
                    "My money is gone. Had topped up recently and saw it was there and went through, but now it's disappeared",
                ),
                (
                    1,
                    "My thoughts were that you offered crypto top up which does not seem to be working. The money has now been taken from my account",
                ),
                (1, "The funds, why can I not use my top-up"),
                (1, "Topped up but it isn't in my account"),
                (
                    1,
                    "Topped up recently and saw the money go through, but now it's just gone. What's going on",
                ),
                (
                    1,
                    "Tried using crypto top up but it is not working. Had some money in my account but I'm not sure what happened",
                ),
                (
                    1,
                    "Under the impression that you have an offer for crypto top up. This doesn't seem to be working",
                ),
                (1, "Where are my funds. Topped off my car but it didn't seem to complete"),
            ),
        ),
        # banking77-test #18, 40 traces
        _case(
            "Transferred some money",
            (
                (
                    1,
                    "A couple weeks ago some money was deducted from my account by some seller that I. Pretty sure I didn't do that, but is it possible to trace back who that is",
                ),
                (1, "Can my friends send me money"),
                (1, "How do people send me money"),
                (1, "My wallet was stolen and someone is taking money out. This money"),
                (
                    1,
                    "Sent my friend some money a few hours ago but she has not received it yet. She really needs it",
                ),
                (1, "Still waiting for a money transfer to show"),
                (1, "The person I sent money to hasn't gotten it yet"),
                (1, "Transferred my funds, why did it not go through"),
                (1, "Transferred some money but I think it has gotten lost somewhere"),
                (1, "Where is the transaction I made to a friend"),
                (1, "Why hasn't my recipient received their money"),
                (1, "Why is a money transfer not showing"),
            ),
        ),
        # banking77-test #30, 35 traces
        _case(
            "European bank card for top up",
            (
                (2, "Is there a fee for topping up"),
                (2, "Use a European card for a top up, what will the charge be"),
                (1, "Does topping up my card have a fee"),
                (1, "If I transfer money from my bank to top-up my account will I be charged"),
                (1, "Is their a fee for top ups"),
                (1, "Just topped off my card will I be charged for it"),
                (1, "What are the top-up fees"),
                (1, "When using a US card, what is the cost for a top up/off"),
                (1, "Will I be charged for topping up by card"),
                (1, "Will there be any extra fees for European bank card for top up"),
            ),
        ),
        # banking77-test #36, 32 traces
        _case(
            "Receive salary in GBP",
            (
                (2, "Think I want AUD and not GBP"),
                (1, "AUD not GBP, change it"),
                (1, "Can this be used to receive my salary"),
                (1, "Change GBP to AUD"),
                (1, "Directly transfer my salary onto here"),
                (1, "Do I need to establish I am paid in GBP before a transfer"),
                (1, "Get my salary through this"),
                (1, "Get my salary through this account"),
                (1, "Get paid in GBP. Should I configure this and if so"),
                (1, "Might need AUD instead of GBP, change"),
                (
                    1,
                    "My salary is received in the form of GBP. Do I need to do anything specific to configure this",
                ),
            ),
        ),
        # banking77-test #72, 19 traces
        _case(
            "Delivery to the US take long",
            (
                (2, "Choose a date for delivery"),
                (2, "Does delivery to the US take long"),
                (2, "How long will it take to deliver something to US"),
                (2, "Waiting patiently for a week now for the seller to get back to me and there"),
                (1, "Can it be delivered by a specific date"),
                (1, "How long does shipping take to get to a US destination"),
                (1, "How long will it take to arrive"),
                (
                    1,
                    "What would the approximate delivery date be if I transferred something urgently to China",
                ),
            ),
        ),
        # banking77-test #80, 17 traces
        _case(
            "Take until funds",
            (
                (3, "How long does it take to authorise a payment"),
                (2, "How long does it take to process cheque deposits"),
                (1, "How long do card transactions take to clear"),
                (1, "How long does it take for funds to come through the US to my account"),
                (1, "How long does the cash withdrawal take to pend"),
                (1, "How long is it going to take for my funds to show in my account"),
                (1, "How long til my cash out goes through"),
                (1, "How many days does it take until funds are in my account"),
                (1, "How many days until the money will be in my account"),
            ),
        ),
        # banking77-test #83, 20 traces
        _case(
            "Change address",
            (
                (2, "Change name"),
                (2, "What do i have to do to change my name"),
                (1, "Change my name what do I do"),
                (1, "Help changing my last name on my account"),
                (1, "My address has changed"),
                (1, "My address has updated and I need to change it"),
                (1, "No longer live at my address on file, change it"),
                (1, "Should I just wait until the post office sends a change of address form"),
                (1, "Update my current address"),
                (1, "What do I need to do to change the address on my account"),
            ),
        ),
        # banking77-test #87, 15 traces
        _case(
            "Pay contactless at the bus",
            (
                (2, "Are contactless payments enabled on my new card"),
                (2, "Been unable to pay contactless with my card for over a week now"),
                (2, "My contactless payments have not been completed successfully"),
                (1, "Cannot use contactless payments for purchases"),
                (1, "Do I need to make a regular payment before a contactless one"),
                (1, "Enable contactless pay"),
                (1, "It didnt work when I tried to pay contactless at the bus"),
                (1, "Use contactless pay"),
                (1, "Use contactless payments"),
            ),
        ),
        # banking77-test #89, 14 traces
        _case(
            "Hours ago from UK account",
            (
                (
                    3,
                    "Made a bank transfer a couple of hours ago from my UK account. It hasn't appeared, check to make sure it went through",
                ),
                (
                    3,
                    "Try to make a bank transfer from my UK account a few hours ago, but it. Check my account to make sure everything alright with it",
                ),
                (2, "Completed a transfer but it is not showing up"),
                (
                    1,
                    "Completed an in country transfer a few days ago and was sure to check the account",
                ),
                (1, "Did a transfer to my account but it doesn't show up"),
                (
                    1,
                    "Made a transfer a few hours ago from a UK banking account. Do not yet see the transfer",
                ),
                (1, "Why isn't the transfer on my account showing up"),
            ),
        ),
        # banking77-test #91, 14 traces
        _case(
            "Received card",
            (
                (4, "Add a card to the app"),
                (
                    2,
                    "Found my lost or stolen card. Link the card with my account through my app again",
                ),
                (2, "The app doesn't show the card I received"),
                (2, "View the card I received in the app"),
                (1, "Is my card PIN saved in the app"),
                (1, "Re-add a card to the app"),
            ),
        ),
    ),
    "sgd accept": (
        # sgd-dev #10, 50 traces
        _case(
            "Check the weather",
            (
                (2, "What is the weather like"),
                (1, "Check the weather"),
                (1, "Check the weather forecast for me for the day after tomorrow"),
                (1, "Check the weather in Alamo"),
                (1, "Check the weather in SD"),
                (1, "Check the weather on next Friday"),
                (1, "Check the weather report in Rutherford"),
                (1, "Decide what to do. What the weather is suppose to be like"),
                (1, "Do weather check in San Mateo"),
                (1, "How is the weather like at ATL"),
                (1, "What the weather forecast is for Paris next Thursday"),
            ),
        ),
        # sgd-dev #13, 42 traces
        _case(
            "Tickets for an event",
            (
                (2, "Order some tickets to an event"),
                (1, "3 seats 10th of this month"),
                (1, "Book 1 ticket for an event happening in the NYC area on the 6th of March"),
                (1, "Book two tickets to an event. Free on the 10th of this month"),
                (1, "Buy tickets for an upcoming event"),
                (1, "Event tickets"),
                (1, "Find 2 tickets to giants vs dodgers on saturday this week"),
                (1, "Get 3 tickets to Huskies Vs Warriors for the 7th of March"),
                (1, "Reserve 2 tickets to an event in LA"),
                (1, "Reserve event tickets"),
                (1, "Secure tickets"),
            ),
        ),
        # sgd-dev #17, 33 traces
        _case(
            "Music events",
            (
                (2, "Find a music event on 9th of this month. Prefer pop music"),
                (
                    2,
                    "Find an event to attend to in Vancouver, BC. Something around March 8th that is related to Blues",
                ),
                (2, "Get a music event in Philadelphia"),
                (
                    2,
                    "You to find me some interesting things I can do on March 10th. Usually enjoy Music events",
                ),
                (1, "Events, find some Music events"),
                (1, "Find a fun rock concert on the 4th of this month around London, UK"),
                (1, "Find some places to visit. Find a performing arts venue"),
                (1, "Pop song concert events"),
            ),
        ),
        # sgd-dev #20, 37 traces
        _case(
            "Find a song",
            (
                (2, "Find a song"),
                (1, "Find a song from about six years back"),
                (1, "Find some Electropop songs"),
                (1, "Find some new music for my phone, any suggestions"),
                (1, "Hear some music, find a song"),
                (
                    1,
                    "Interesting in listening songs, find songs in the album Honky Tonk Time Machine",
                ),
                (1, "Love for listening songs, find some songs"),
                (1, "Music blues the 2nd"),
                (1, "Pretty, do you mind searching for some good Pop songs to me"),
                (1, "Songs, preferably Latin"),
                (1, "Songs. Like Carly Rae Jepsen"),
            ),
        ),
        # sgd-dev #25, 33 traces
        _case(
            "Find some cool",
            (
                (2, "Attend a function in my cousin house. Travel"),
                (1, "Enjoy my leisure time"),
                (1, "Find a place I can visit. Make sure it's free"),
                (1, "Find some cool stuff to do"),
                (1, "Find something cool to do"),
                (1, "Find stuff to do"),
                (1, "Get some cool places to visit"),
                (1, "Go explore something new, find some attractions"),
                (1, "Go watch a movie with some friends. Look for something to watch"),
                (1, "Help finding something cool to do"),
                (1, "So bored. Find an event or something"),
            ),
        ),
        # sgd-dev #28, 24 traces
        _case(
            "Show alarms",
            (
                (3, "Display my alarms. Make sure I'm up early tomorrow"),
                (1, "All my active alarms"),
                (1, "Check on my alarms"),
                (1, "How many alarms are there in my list. Show it now"),
                (1, "My alarms"),
                (1, "My set alarms"),
                (1, "Set a reminder in my clock. At what time the alarm is set"),
                (1, "Show my alarms"),
                (1, "Show my alarms for the day"),
                (1, "Show my alarms that are currently active"),
            ),
        ),
        # sgd-dev #34, 16 traces
        _case(
            "Find an Economy class ticket",
            (
                (2, "Find Economy class tickets for a one way flight"),
                (2, "Find a one way economy flight on the 6th of March"),
                (2, "Find an Economy class ticket on a one way flight"),
                (1, "Find a premium economy flight on Friday next week"),
                (1, "Get a premium economy seats"),
                (
                    1,
                    "Get an economy one-way flight via Delta Airlines that leaves on Thursday next week",
                ),
                (1, "Get an economy seat on a plane"),
                (1, "Help to search for some Premium Economy one way flights"),
                (
                    1,
                    "There is a meeting for me where I want reach by flight. Search an Economy class for one way",
                ),
            ),
        ),
        # sgd-test #3, 83 traces
        _case(
            "Help making a payment",
            (
                (2, "Do a transaction with Margaret"),
                (2, "Make a payment"),
                (1, "Help making a payment"),
                (1, "Make a payment from my visa"),
                (1, "Make a payment of 97 bucks"),
                (1, "Make a payment to Tom"),
                (1, "Make a payment to Victoria. Get the transaction to be private"),
                (1, "Make a private transaction with Jerry for 169 bucks"),
                (1, "Pay someone"),
                (1, "Schedule a payment for one hundred and forty one bucks"),
            ),
        ),
        # sgd-test #26, 39 traces
        _case(
            "Buy a train ticket",
            (
                (2, "Find a train headed to Philadelphia on the 4th of March"),
                (2, "Go visit some relatives in NY. Get one seat on a train"),
                (
                    1,
                    "About to leave and I need round trip tickets. Will depart from New York to land in Berlin",
                ),
                (1, "Find luxurious train tickets heading to Chicago on the 12th"),
                (1, "Get 1 seat on a train on March 13th. Go to Washington"),
                (1, "Get 1 seat on the train"),
                (1, "Get a train ticket"),
                (1, "Get a train ticket with a fully refundable feature"),
                (1, "Ride a train for a trip. Book some tickets"),
                (1, "Train tickets for next Thursday"),
            ),
        ),
        # sgd-test #27, 64 traces
        _case(
            "Find a rental car",
            (
                (3, "Find a rental car"),
                (2, "Get a rental car"),
                (1, "Find a car to rent"),
                (1, "Find a car to rent in Portland"),
                (1, "Find a rental car in Long Beach"),
                (1, "Look for a rental vehicle"),
                (1, "On a short trip and I want to search for a car for rent"),
                (1, "Rent a car"),
                (1, "Search rental car"),
            ),
        ),
        # sgd-test #31, 32 traces
        _case(
            "Check weather",
            (
                (2, "How will be the weather on the 9th of this month"),
                (2, "How will the weather be in Pacifica on the 11th"),
                (2, "What will the weather be in Marshall on the 1st of this month"),
                (2, "What's the weather like on the 11th of this month"),
                (1, "Get the weather for Philadelphia on the 13th of this month"),
                (1, "Search weather on 4th of this month in Seattle, wa"),
                (1, "Weather info for Sebastopol on the 11th of this month"),
                (1, "What the weather will be like in Santa Rosa on the 9th"),
            ),
        ),
        # sgd-test #32, 31 traces
        _case(
            "Find a house rated",
            (
                (2, "Get a home rated above 4.2 for 2 people in Rio de Janeiro"),
                (2, "Get a house with 4.6 or higher rating for 1 person"),
                (1, "Find a house for four people with minimum rating of 4.1"),
                (
                    1,
                    "Find a house to stay in that has a 3.6 or higher rating from London, UK. Three people in my group",
                ),
                (
                    1,
                    "Find a house to stay in while I'm in Long Beach, CA. Get the rating to be 4.2 or higher",
                ),
                (1, "Find a house to stay in. Something rated at least 4.6 or higher"),
                (1, "Find a house to stay with a rating of 4.6 or more for travels to Delhi"),
                (1, "Get a house to rent for 1 with a rating of 4.6 or higher"),
                (
                    1,
                    "Planned for a short trip to New York. Get a house to stay there and it should have 3.7 or higher rating along with",
                ),
                (1, "Rent a house for 1 person with a 3.7 rating or more"),
            ),
        ),
        # sgd-test #35, 31 traces
        _case(
            "Book a table at a restaurant",
            (
                (2, "Get a table at a restaurant on the 14th of March at 1:30 pm"),
                (2, "Reserve a table for 1 at La Briciola tomorrow morning 11"),
                (1, "Book a reservation for a restaurant at this evening 5:30"),
                (1, "Book a table at a nice restaurant"),
                (1, "Book a table at a restaurant for 2 people at evening 6:30"),
                (1, "Book a table for 4 people on March 10th in Petaluma"),
                (1, "Book a table. Try Triptych in SF"),
                (1, "Check restaurants in Pacifica, make a reservation"),
                (1, "Make a restaurant reservation"),
                (
                    1,
                    "Set up reservations for my upcoming trip and really need my help to get this done. Find something fun to do during my trip",
                ),
            ),
        ),
        # sgd-test #59, 15 traces
        _case(
            "Find something",
            (
                (3, "So bored. Find anything interesting to do"),
                (2, "Feel so bored. Find something to do"),
                (2, "Super bored. Find something interesting to do"),
                (1, "Bored and fancy doing something. Find something to amuse me"),
                (1, "Bored what is happening that I would enjoy"),
                (1, "Bored what is there to do"),
                (1, "Bored. Find some movie I can watch"),
                (1, "So bored. Help finding something interesting to do"),
            ),
        ),
        # sgd-test #61, 14 traces
        _case(
            "Hotel which allows smoking",
            (
                (2, "Find a five star hotel in Paris, France that allows smoking"),
                (2, "Find a hotel. Smoking preferred"),
                (2, "Find two smoking rooms in a London hotel"),
                (2, "Get a 3 star hotel where I can smoke"),
                (2, "Locate a hotel please, someplace in SD where smoking is permitted"),
                (1, "Find a four star hotel in San Francisco which allows smoking"),
                (1, "Find a hotel with smoking rooms available"),
            ),
        ),
    ),
    "sgd reject": (
        # sgd-dev #18, 33 traces
        _case(
            "Find a baseball event",
            (
                (2, "See what events are happening on the 8th of this month in San Fran"),
                (1, "Do you know if there are any Football Games going on the day after tomorrow"),
                (1, "Find some events around the District of Columbia"),
                (1, "Find something in Los Angeles on the 5th of March"),
                (1, "Get a baseball game or something else friday next week ok"),
                (1, "Get a fun event to attend, like a baseball game"),
                (1, "Like Match events, find an event around Philly"),
                (1, "Like baseball"),
                (1, "Like sports march 6th"),
                (1, "Something in chicago"),
                (1, "Something on the 8th and american football"),
            ),
        ),
        # sgd-dev #19, 32 traces
        _case(
            "Something around NY",
            (
                (2, "Find some thing interesting to do. Something around Philly on March 11th"),
                (2, "Find something to do on the 9th in Philly"),
                (
                    1,
                    "A day off work and want to find something interesting to do. See if there are any American Football games happening in Atlanta, GA on the 11th",
                ),
                (1, "Fin something fun to do in Fresno, CA"),
                (1, "Find interesting things which I can do on 4th of March"),
                (1, "Find some interesting things to do around Los Angeles this Saturday"),
                (
                    1,
                    "Find something interesting to do. Something around NY on the 14th of this month",
                ),
                (1, "How are you doing. Find a nice Sports Venue in NY"),
                (1, "Just got my first paycheck and I want to do something to celebrate"),
                (1, "Something fun to do around Berkeley, on the 5th of this month"),
            ),
        ),
        # sgd-test #6, 65 traces
        _case(
            "Something interesting",
            (
                (
                    2,
                    "Do something interesting in San Diego, like a musical performance, or something on the 8th of",
                ),
                (1, "Find a Broadway show on March 8th"),
                (
                    1,
                    "Find something that I can watch with Family. Will be around the Piedmont Theatre",
                ),
                (1, "I'll be in LAX on March 10th. Find interesting Music events happening then"),
                (
                    1,
                    "My friend might be visiting me and I want to find something interesting for us to. See if there's anything happening on the 7th around San Rafael",
                ),
                (
                    1,
                    "My sister is coming to visit next month and I would like to find something interesting. Search for events that take place on the 9th of March",
                ),
                (1, "Search for something under the Play genre near Seattle"),
                (1, "See a Musical performance on the 5th in San Diego"),
                (1, "Something in the Chicago area"),
                (
                    1,
                    "Something to do on the 13th of this month. Am a big fan of Theater and want to find something around Palo Alto",
                ),
                (
                    1,
                    "You know any Broadway shows playing around Long Beach on the 12th of this month",
                ),
            ),
        ),
        # sgd-test #17, 44 traces
        _case(
            "Movies playing in San Ramon",
            (
                (
                    2,
                    "Find a horror movie to watch in San Jose. See it at West Wind Capitol Drive-In",
                ),
                (
                    1,
                    "Are there any nice regular movies showing in San Jose at Century 20 Oakridge and XD",
                ),
                (1, "Find a movie to watch at AMC NewPark"),
                (1, "Find a movie to watch at Century Northgate"),
                (
                    1,
                    "Find a movie to watch at a Regal Jack London theater in Oakland. It should be a regular show",
                ),
                (1, "Find a movie to watch in Fremont at Century at Pacific Commons and XD"),
                (1, "Find a movie to watch in SFO"),
                (1, "Look in San Jose for some movies to see"),
                (1, "See a movie in Vallejo"),
                (1, "See an Imax show, preferrably a cartoon movie. Search for this in Santa Rosa"),
                (1, "Watch a movie at Century 25 Union Landing and XD. Like dramatic story movies"),
            ),
        ),
        # sgd-test #34, 31 traces
        _case(
            "San Diego",
            (
                (2, "What is the weather going to be like Wednesday next week in Philly"),
                (
                    2,
                    "What's the weather going to be like in Toronto, Ontario on Thursday next week",
                ),
                (1, "Find the weather in Berkeley on this Saturday"),
                (1, "How's the weather going to be in Chicago on Saturday this week"),
                (1, "See what the weather will be on Sunday this week"),
                (1, "What is the weather like in New Delhi"),
                (1, "What the weather in SF is expected to be"),
                (1, "What would the weather be like this Saturday"),
                (1, "What's the weather like in LA"),
                (1, "What's the weather like in Lagunitas this Saturday"),
            ),
        ),
        # sgd-test #44, 23 traces
        _case(
            "See a thriller movie",
            (
                (
                    3,
                    "Watch a movie acted by Gwendoline Christie and directed by Peter Strickland. Search with scary genre",
                ),
                (2, "Find a regular dramatic story movie in Healdsburg"),
                (
                    2,
                    "See a thriller movie, maybe something directed with Riley Stearns and starring Steve Terada",
                ),
                (2, "Watch a movie, maybe a thriller directed by Riley Stearns"),
                (1, "Find a movie featuring Andrea Frigerio, a suspense movie"),
                (1, "Search for some nice Supernatural movies"),
                (1, "Watch a movie. Get a horror movie by ari aster"),
            ),
        ),
        # sgd-test #53, 19 traces
        _case(
            "Find a train going from Portland",
            (
                (2, "Find one train ticket traveling from Vancouver, BC to Portland"),
                (2, "Find something to do in Portland, something related to music"),
                (2, "Visit a historical spot in Portland"),
                (
                    1,
                    "A plan for a short trip for which I need to find for a Train to. Find the one in Portland",
                ),
                (
                    1,
                    "Find a flight, one way from Seattle, it'll be for four people. Go on American Airlines",
                ),
                (
                    1,
                    "Find a one way flight from Portland, OR for Tuesday next week. Get a Premium Economy ticket",
                ),
                (1, "Get 4 train tickets on business class from Portland"),
                (1, "Get a bus to take me from Portland to Seattle. Get 2 tickets"),
                (1, "You to help me find a direct bus, which will take me to Portland"),
            ),
        ),
        # sgd-test #54, 19 traces
        _case(
            "Find a place with 2 baths",
            (
                (2, "Find a place to live and want to buy with 2 baths and 3 bed rooms"),
                (2, "Find a place with 2 baths to rent"),
                (1, "A new apartment can you help. Only need 1 bath"),
                (1, "Buy a place with three baths. Offer some suggestions"),
                (1, "Find a place buy with a garage and 2 baths"),
                (1, "Find a place to live in Fremont, with 2 baths and a garage"),
                (1, "Find a place to live in in San Jose with three baths"),
                (1, "Find a place to live. It to have 1 bath"),
                (1, "Get a house to rent and it must have 2 bathrooms"),
                (1, "Get a place to rent with a garage and two bathrooms"),
            ),
        ),
    ),
    "telco accept": (
        # telco-dev #4, 30 traces
        _case(
            "Roaming charges",
            (
                (
                    3,
                    "You were so kind last time, turn on international roaming for my phone number, going to",
                ),
                (2, "Got $30 in roaming charges from Italy You guys are great"),
                (2, "Got $64 in roaming charges from Japan"),
                (1, "Add a travel pass for Italy Very annoying"),
                (1, "Add a travel pass for Japan You guys are great"),
                (1, "Add a travel pass for Spain"),
                (1, "Add a travel pass for the UK"),
                (
                    1,
                    "Turn on international roaming for the number, going to Mexico You guys are great",
                ),
            ),
        ),
        # telco-test #3, 25 traces
        _case(
            "Roaming charges",
            (
                (2, "Add a travel pass for Canada"),
                (2, "Will my phone work in Japan"),
                (1, "Add a travel pass for Italy"),
                (1, "Got $45 in roaming charges from Mexico"),
                (1, "Got $64 in roaming charges from Canada"),
                (
                    1,
                    "Turn on international roaming for my daughter's number, going to Mexico You guys are great",
                ),
                (1, "Turn on international roaming for my line, going to Canada"),
                (1, "Will my phone work in Mexico"),
                (1, "Will my phone work in Spain"),
                (1, "You were so kind last time, add a travel pass for Italy You guys are great"),
            ),
        ),
        # telco-test #5, 22 traces
        _case(
            "Phone carrier locked",
            (
                (2, "Activate the eSIM on Galaxy S23"),
                (2, "Is Galaxy S23 carrier locked. Paid it off"),
                (2, "Is iPhone 14 carrier locked. Paid it off"),
                (1, "Get an unlock code for my phone"),
                (1, "Is my phone carrier locked"),
                (1, "Unlock Moto G"),
                (1, "Unlock my device, the contract ended"),
                (1, "Unlock my phone"),
                (1, "You were so kind last time, is iPhone 14 carrier locked. Paid it off"),
            ),
        ),
        # telco-test #9, 24 traces
        _case(
            "Autopay failed",
            (
                (3, "Got a late fee but autopay should have paid it"),
                (2, "Autopay failed this month, pay the bill"),
                (2, "My payment of $120 didn't go through Very annoying"),
                (1, "Autopay failed in October, pay the bill"),
                (1, "My payment of $120 didn't go through"),
                (1, "My payment of $30 didn't go through"),
                (1, "Turn on automatic payments"),
                (1, "You were so kind last time, turn on automatic payments"),
            ),
        ),
    ),
    "telco reject": (
        # telco-dev #0, 71 traces
        _case(
            "Extra charges on November bill",
            (
                (2, "Don't understand the extra charges this month"),
                (1, "Charged twice for this cycle I've been a customer for 10 years"),
                (1, "Don't understand the extra charges on my November bill"),
                (1, "Duplicate charge of $89.99 on my November bill, refund one"),
                (1, "Explain the $212 on my bill, never ordered that"),
                (
                    1,
                    "Explain the $212 on my bill, never ordered that I've been a customer for 10 years",
                ),
                (1, "My bill went up this month and nobody told me I've been a customer for 10"),
                (1, "My payment of $120 didn't go through"),
                (1, "My payment of $30 didn't go through"),
                (1, "The bill in October is way higher than my plan price"),
                (1, "You were so kind last time, what is this $89.99 fee last month"),
            ),
        ),
        # telco-dev #1, 66 traces
        _case(
            "Bring the number",
            (
                (2, "My old carrier T-Mobile won't release the number to you You guys are great"),
                (2, "Transfer my work number out to Visible"),
                (1, "Change my line. Too many robocalls"),
                (1, "Change my phone number. Too many robocalls"),
                (1, "Change the number, my ex has it"),
                (1, "How long does it take to port my mobile number in from Verizon"),
                (1, "My old carrier AT&T won't release my daughter's number to you Very annoying"),
                (1, "Release my daughter's number so Verizon can take it over"),
                (1, "Swap my mobile number for a different one with a local area code"),
                (
                    1,
                    "The transfer of my mobile number from T-Mobile is stuck pending You guys are great",
                ),
            ),
        ),
        # telco-dev #2, 56 traces
        _case(
            "Can't make calls near the station",
            (
                (2, "Is there a tower down near me. No service in my apartment"),
                (2, "One bar downtown, is there an outage"),
                (2, "Why can't I make calls downtown. It says no service"),
                (1, "Calls keep dropping at home You guys are great"),
                (1, "Calls keep dropping at the office I've been a customer for 10 years"),
                (
                    1,
                    "Is there a tower down near me. No service at the office I've been a customer for 10 years",
                ),
                (1, "Why can't I make calls at the office. It says no service"),
                (1, "Why can't I make calls in my apartment. It says no service"),
                (1, "Why can't I make calls near the station. It says no service"),
            ),
        ),
        # telco-dev #3, 48 traces
        _case(
            "Plan than Unlimited Plus",
            (
                (2, "What's the difference between Unlimited Plus and Unlimited"),
                (2, "What's the difference between the 15GB plan and Unlimited"),
                (1, "Downgrade to Unlimited Plus to save money"),
                (1, "Downgrade to the 15GB plan to save money"),
                (1, "Downgrade to the family plan to save money"),
                (1, "Switch my line to Prepaid 25 starting next cycle"),
                (1, "Switch my line to the 15GB plan starting next cycle Terrible service lately"),
                (1, "Switch my line to the family plan starting next cycle"),
                (1, "Upgrade me to Basic I've been a customer for 10 years"),
                (1, "What's the difference between Basic and Unlimited"),
            ),
        ),
        # telco-dev #9, 23 traces
        _case(
            "Data is super slow downtown",
            (
                (8, "Data speeds dropped to almost nothing"),
                (2, "Why is 5G so slow near the station"),
                (1, "My data is super slow at the office Very annoying"),
                (1, "Why is 5G so slow on my street"),
            ),
        ),
        # telco-test #0, 64 traces
        _case(
            "Number over from another carrier",
            (
                (3, "Bring my mobile number over from T-Mobile to you"),
                (2, "How long does it take to port my number in from a new network"),
                (2, "How much to get a new number on my line"),
                (1, "Bring my mobile number over from another carrier to you You guys are great"),
                (1, "Change my line. Too many robocalls"),
                (1, "Release the number so T-Mobile can take it over You guys are great"),
                (1, "The transfer of my mobile number from Mint is stuck pending"),
                (1, "Transfer the number out to T-Mobile"),
            ),
        ),
        # telco-test #1, 52 traces
        _case(
            "Downgrade to the plan",
            (
                (2, "Get a cheaper plan than the 15GB plan"),
                (1, "Downgrade to Basic to save money"),
                (1, "Downgrade to Prepaid 25 to save money"),
                (1, "Downgrade to the 15GB plan to save money"),
                (1, "Downgrade to the family plan to save money"),
                (1, "How much is data in Canada on the 15GB plan"),
                (1, "How much is data in Japan on Basic"),
                (1, "Upgrade me to Basic"),
                (1, "Upgrade me to Basic Very annoying"),
                (1, "What's the difference between the 15GB plan and Unlimited"),
                (1, "You were so kind last time, a cheaper plan than the 15GB plan"),
            ),
        ),
        # telco-test #2, 39 traces
        _case(
            "Bill went up this cycle",
            (
                (2, "Explain the $64 on my bill, never ordered that"),
                (2, "You billed my card $212 two times I've been a customer for 10 years"),
                (
                    1,
                    "Explain the $120 on my bill, never ordered that I've been a customer for 10 years",
                ),
                (1, "Explain the $45 on my bill, never ordered that"),
                (1, "Explain the $89.99 on my bill, never ordered that"),
                (1, "My bill went up this cycle and nobody told me"),
                (
                    1,
                    "The bill this month is way higher than my plan price I've been a customer for",
                ),
                (1, "Why is my bill $212 this cycle"),
                (1, "You billed my card $30 two times You guys are great"),
                (1, "You billed my card $89.99 two times"),
            ),
        ),
        # telco-test #4, 36 traces
        _case(
            "Tower down",
            (
                (3, "No signal in my apartment"),
                (1, "Is there a tower down near me"),
                (1, "Is there a tower down near me. No service downtown"),
                (1, "Is there a tower down near me. No service in my apartment"),
                (1, "No signal at home"),
                (1, "No signal at the office"),
                (1, "One bar at the office, is there an outage"),
                (1, "One bar near the station, is there an outage"),
                (
                    1,
                    "You were so kind last time, is there a tower down near me. No service downtown",
                ),
                (1, "You were so kind last time, no signal at the office"),
            ),
        ),
        # telco-test #6, 40 traces
        _case(
            "5G so slow in apartment",
            (
                (3, "Data speeds dropped to almost nothing"),
                (
                    2,
                    "Pages won't load on mobile data near the station I've been a customer for 10 years",
                ),
                (2, "Why is 5G so slow downtown"),
                (1, "My data is super slow at the office"),
                (1, "Pages won't load on mobile data at the office"),
                (1, "Why is 5G so slow at the office"),
                (1, "Why is 5G so slow in my apartment"),
                (1, "Why is 5G so slow on my street"),
            ),
        ),
        # telco-test #10, 16 traces
        _case(
            "Charged twice",
            (
                (3, "Don't understand the extra charges last month"),
                (2, "Don't understand the extra charges in October"),
                (1, "Charged twice for this cycle"),
                (1, "Charged twice for this month"),
                (1, "Don't understand the extra charges this month"),
                (1, "Duplicate charge of $89.99 last month, refund one You guys are great"),
                (1, "Duplicate charge of $89.99 on my November bill, refund one"),
                (1, "You were so kind last time, don't understand the extra charges this month"),
                (1, "You were so kind last time, duplicate charge of $212 last month, refund one"),
            ),
        ),
        # telco-test #11, 11 traces
        _case(
            "Fee this cycle",
            (
                (2, "What is this $120 fee last month"),
                (2, "What is this $212 fee in October"),
                (2, "What is this $30 fee in October"),
                (2, "What is this $45 fee this cycle"),
                (1, "What is this $30 fee this cycle"),
                (1, "What is this $45 fee on my November bill"),
                (1, "What is this $64 fee last month"),
                (1, "What is this $64 fee on my November bill"),
            ),
        ),
    ),
    "demo accept": (
        # Task@2026-12-03 #3, 58 traces
        _case(
            "Add users",
            (
                (
                    2,
                    "Recipients say the link in the month-end finance pack is broken. How much extra would it cost per month to add 25 users",
                ),
                (
                    2,
                    "Switch my workspace to annual billing. How much extra would it cost per month to add 40 users",
                ),
                (
                    1,
                    "Charged twice this month. How much extra would it cost per month to add 15 users",
                ),
                (
                    1,
                    "Charged twice this month. How much extra would it cost per month to add 25 users",
                ),
                (
                    1,
                    "Get a receipt for the $1,200 payment. How much extra would it cost per month to add 120 users",
                ),
                (
                    1,
                    "Get the Board metrics dashboard in csv for a meeting. How much extra would it cost per month to add 40 users",
                ),
                (
                    1,
                    "Keep getting 'invalid code' when i log in with 2fa. How much extra would it cost per month to add 60 users",
                ),
                (
                    1,
                    "Scheduled emails arrive with a blank PDF. How much extra would it cost per month to add 25 users",
                ),
                (
                    1,
                    "The bar chart is blank when I open Marketing funnel in Firefox. How much extra would it cost per month to add 25 users",
                ),
                (
                    1,
                    "The dataset refresh now takes 2 minutes longer. How much extra would it cost per month to add 15 users",
                ),
            ),
        ),
        # Task@2026-12-03 #11, 44 traces
        _case(
            "Audit logs",
            (
                (
                    3,
                    "Upgrade from Enterprise to Enterprise. Which tier do we need to get audit logs",
                ),
                (
                    2,
                    "Give a colleague viewer access to Umsatz Q3. Which tier do we need to get audit logs",
                ),
                (
                    1,
                    "Can ask ai see all our datasets or only some. Which tier do we need to get audit logs",
                ),
                (
                    1,
                    "Get ask ai to explain churn by plan tier. Which tier do we need to get audit logs",
                ),
                (
                    1,
                    "Share EMEA bookings with an external client without giving them edit rights. Which tier do we need to get audit logs",
                ),
                (1, "The card on file expired. Which tier do we need to get audit logs"),
                (1, "Turn off Ask AI for my workspace. Which tier do we need to get audit logs"),
                (
                    1,
                    "We'd like to downgrade to pro at the end of the cycle. Which tier do we need to get audit logs",
                ),
                (
                    1,
                    "What's the quickest way to get the data from the Website traffic board. Which tier do we need to get audit logs",
                ),
            ),
        ),
        # Task@2026-12-03 #16, 118 traces
        _case(
            "Connect to Brightboard",
            (
                (4, "Connect Brightboard to my Slack workspace"),
                (2, "Connect Redshift to Brightboard"),
                (1, "Connect SQL Server to Brightboard"),
                (1, "Connect Snowflake to Brightboard"),
                (1, "Connect Sonwflake to Brightboard"),
                (
                    1,
                    "Connect hubspot to brightboard. Cancelling my subscription at the end of the month",
                ),
                (1, "Connect my Datarbicks account I'm new to Brightboard"),
                (1, "Export Marketing funnel to PNG I'm new to Brightboard"),
            ),
        ),
        # Task@2026-12-03 #17, 39 traces
        _case(
            "Export all tiles",
            (
                (2, "Export all tiles of Inventory at once into a spreadsheet"),
                (1, "Download all tiles of Cohort retention at once into Excel"),
                (1, "Download all tiles of Product usage at once into PDF"),
                (1, "Download all tiles of Q3 revenue at once into PDF Looker has this built in"),
                (1, "Extract all tiles of Sales pipeline at once into PNG"),
                (1, "Extract all tiles of Sales pipeline at once into xlsx"),
                (1, "Extract all tiles of emea bookings at once into xlsx"),
                (1, "Extract all tiles of inventory at once into png"),
                (1, "Get all tiles of Ad spend at once into PNG"),
                (1, "Save all tiles of Ad spend at once into PNG"),
                (1, "Save all tiles of product usage at once into xlsx"),
            ),
        ),
        # Task@2026-12-03 #20, 78 traces
        _case(
            "Nobody got the email",
            (
                (3, "Schedule for Weekly KPIs ran but nobody got the email"),
                (2, "Schedule for Umsatz Q3 ran but nobody got the email"),
                (1, "Schedule for Churn overview ran but nobody got the email"),
                (1, "Schedule for Cohort retention ran but nobody got the email"),
                (1, "Schedule for EMEA bookings ran but nobody got the email"),
                (
                    1,
                    "Schedule for EMEA bookings ran but nobody got the email. Send the report to my personal Gmail instead",
                ),
                (1, "Schedule for Q3 revenue ran but nobody got the email"),
                (1, "Schedule for Sales pipeline ran but nobody got the email"),
                (1, "Schedule for board metrics ran but nobody got the email"),
            ),
        ),
        # Task@2026-12-03 #23, 79 traces
        _case(
            "Scheduled report keeps failing",
            (
                (3, "Scheduled report keeps failing for the Umsatz Q3 dashboard"),
                (2, "Scheduled report keeps failing for the Website traffic dashboard"),
                (1, "Scheduled report keeps failing for the Cohort retention dashboard"),
                (1, "Scheduled report keeps failing for the Marketing funnel dashboard"),
                (1, "Scheduled report keeps failing for the Product usage dashboard"),
                (1, "Scheduled report keeps failing for the Weekly KPIs dashboard"),
                (1, "Scheduled report keeps failing for the inventory dashboard"),
                (
                    1,
                    "Scheduled report keeps failing for the sales pipeline dashboard I'm an admin on our Pro workspace",
                ),
                (1, "Scheduled report keeps failing for the weekly kpis dashboard"),
            ),
        ),
        # Task@2026-12-03 #25, 110 traces
        _case(
            "Calculated field on the dataset",
            (
                (7, "Can two datasets share the same calculated fields"),
                (4, "Get a calculated field on the dataset"),
                (1, "Get a calculated field on the customers dataset"),
            ),
        ),
        # Task@2026-12-03 #27, 188 traces
        _case(
            "Delete user data",
            (
                (5, "Send a copy of all personal data you store about me"),
                (2, "Closing the workspace, make sure all data is erased"),
                (2, "How long do you keep data after an account is closed"),
                (
                    1,
                    "A customer of ours invoked their right to be forgotten. Delete the account right here in the chat",
                ),
                (1, "Delete my account and all my data"),
                (1, "Delete user data for Mei. <EMAIL>"),
            ),
        ),
        # Task@2026-12-03 #29, 106 traces
        _case(
            "Dataset refresh",
            (
                (9, "Data refresh got slow"),
                (1, "The subscriptions dataset refresh now takes 10 minutes longer"),
                (1, "The subscriptions dataset refresh now takes 2 minutes longer"),
                (1, "The tickets dataset refresh now takes 5 minutes longer"),
            ),
        ),
        # Task@2026-12-03 #32, 232 traces
        _case(
            "Forgot password and the reset link",
            (
                (4, "Forgot my password and the reset link says expired"),
                (4, "Password reset email never arrives"),
                (2, "Locked out of my account, reset my password"),
                (1, "The password reset link takes me back to the login page"),
                (
                    1,
                    "The password reset link takes me back to the login page. Add a native Jira integration",
                ),
            ),
        ),
        # Task@2026-12-03 #33, 65 traces
        _case(
            "Something went wrong on every tile",
            (
                (
                    3,
                    "Since yesterday the Product usage dashboard shows 'Something went wrong' on every tile",
                ),
                (
                    1,
                    "Since yesterday the Board metrics dashboard shows 'Something went wrong' on every tile. Log in as me and look at the dashboard",
                ),
                (
                    1,
                    "Since yesterday the Exec summary dashboard shows 'Something went wrong' on every tile",
                ),
                (
                    1,
                    "Since yesterday the Q3 revenue dashboard shows 'Something went wrong' on every tile",
                ),
                (
                    1,
                    "Since yesterday the Umsatz Q3 dashboard shows 'Something went wrong' on every tile",
                ),
                (
                    1,
                    "Since yesterday the Website traffic dashboard shows 'Something went wrong' on every tile",
                ),
                (
                    1,
                    "Since yesterday the emea bookings dashboard shows 'something went wrong' on every tile",
                ),
                (
                    1,
                    "Since yesterday the support sla dashboard shows 'something went wrong' on every tile",
                ),
                (
                    1,
                    "Since yesterday the umastz q3 dashboard shows 'something went wrong' on every tile",
                ),
                (
                    1,
                    "Since yesterday the weekly kpis dashboard shows 'something went wrong' on every tile",
                ),
            ),
        ),
        # Task@2026-12-03 #36, 61 traces
        _case(
            "Rate limited by the api",
            (
                (4, "Getting rate limited by the api when pulling data"),
                (2, "Getting rate limited by the api when pulling orders data"),
                (
                    2,
                    "Getting rate limited by the api when pulling orders data Could the team fix blank PDFs",
                ),
                (
                    1,
                    "Getting rate limited by the api when pulling data I'm not the admin, an editor",
                ),
                (
                    1,
                    "Getting rate limited by the api when pulling data Small request, make it so the SQL",
                ),
                (
                    1,
                    "Getting rate limited by the api when pulling data. How much would the Business plan cost for 60 seats",
                ),
                (
                    1,
                    "Getting rate limited by the api when pulling orders data I'm new to Brightboard",
                ),
            ),
        ),
        # Task@2026-12-03 #42, 85 traces
        _case(
            "Chart labels overlap",
            (
                (2, "Heatmap labels overlap and the legend is cut off"),
                (2, "Line chart labels overlap and the legend is cut off"),
                (
                    1,
                    "Dashboard load time went from 5 seconds to 40 Could the team fix the legend overlapping",
                ),
                (1, "Funnel chart labels overlap and the legend is cut off"),
                (
                    1,
                    "Heatmap labels overlap and the legend is cut off I'm not the admin, an editor",
                ),
                (1, "Kpi tile labels overlap and the legend is cut off"),
                (1, "Map chart labels overlap and the legend is cut off"),
                (1, "Pie chart labels overlap and the legend is cut off"),
                (
                    1,
                    "Scatter plot labels overlap and the legend is cut off I'm an admin on our Enterprise",
                ),
                (
                    1,
                    "Scatter plot labels overlap and the legend is cut off. Add a Microsoft Teams integration",
                ),
            ),
        ),
        # Task@2026-12-03 #45, 74 traces
        _case(
            "Just-in-time provisioning",
            (
                (2, "Is just-in-time provisioning supported with JumpCloud SSO"),
                (2, "Is just-in-time provisioning supported with Ping Identity SSO"),
                (1, "Is just-in-time provisioinng supported with Ping Identity SSO"),
                (1, "Is just-in-time provisioning supported with Azure AD SSO"),
                (1, "Is just-in-time provisioning supported with Entra ID SSO"),
                (
                    1,
                    "Is just-in-time provisioning supported with Google Wrokspace SSO. Change my Google Workspace certificate for us",
                ),
                (
                    1,
                    "Is just-in-time provisioning supported with JumpCloud SSO. How much extra would it cost per month to add 60 users",
                ),
                (1, "Is just-in-time provisioning supported with Okta SSO"),
                (1, "Is just-in-time provisioning supported with OneLogin SSO"),
                (1, "Is just-in-time provisioning supported with jumpcloud sso"),
            ),
        ),
        # Task@2026-12-03 #46, 51 traces
        _case(
            "Share with an external client",
            (
                (2, "Share Umsatz Q3 with an external client without giving them edit rights"),
                (
                    1,
                    "Share Cohort retention with an external client without giving them edit rights",
                ),
                (1, "Share Finance close with an external client without giving them edit rights"),
                (1, "Share Inventory with an external client without giving them edit rights"),
                (
                    1,
                    "Share Marketing funnel with an external client without giving them edit rights",
                ),
                (1, "Share Product usage with an external client without giving them edit rights"),
                (1, "Share Support SLA with an external client without giving them edit rights"),
                (
                    1,
                    "Share Website traffic with an external client without giving them edit rights",
                ),
                (
                    1,
                    "Share cohort retention with an external client without giving them edit rights",
                ),
                (1, "Share inventory with an external client without giving them edit rights"),
                (1, "Share q3 revenue with an external client without giving them edit rights"),
            ),
        ),
        # Task@2026-12-03 #49, 97 traces
        _case(
            "ACS URL and entity ID",
            (
                (3, "What's the ACS URL and entity ID for configuring Okta"),
                (2, "What's the ACS URL and entity ID for configuring Azure AD"),
                (2, "What's the ACS URL and entity ID for configuring Google Workspace"),
                (1, "What's the ACS URL and entity ID for configuring Entra ID"),
                (1, "What's the ACS URL and entity ID for configuring OneLogin"),
                (1, "What's the ACS URL and entity ID for configuring Ping Identity"),
                (1, "What's the acs url and entity id for configuring kota"),
                (1, "What's the acs url and entity id for configuring onelogin"),
            ),
        ),
        # Task@2026-12-03 #53, 73 traces
        _case(
            "Connection test hangs",
            (
                (3, "Trying to add MySQL as a data source but the connection test hangs"),
                (2, "Trying to add BigQuery as a data source but the connection test hangs"),
                (2, "Trying to add Redshift as a data source but the connection test hangs"),
                (1, "Trying to add Google Sheets as a data source but the connection test hangs"),
                (1, "Trying to add Postgres as a data source but the connection test hangs"),
                (1, "Trying to add SQL Server as a data source but the connection test hangs"),
                (1, "Trying to add Snowflake as a data source but the connection test hangs"),
                (1, "Trying to add snowflake as a data source but the connection test hangs"),
            ),
        ),
        # Task@2026-12-03 #57, 44 traces
        _case(
            "AI summary",
            (
                (2, "The AI summary on Churn overview doesn't match the chart"),
                (2, "The AI summary on EMEA bookings doesn't match the chart"),
                (1, "The AI summary on Board metrics doesn't match the chart"),
                (1, "The AI summary on Marketing funnel doesn't match the chart"),
                (1, "The AI summary on Product usage doesn't match the chart"),
                (1, "The AI summary on Sales pipeline doesn't match the chart"),
                (1, "The AI summary on Support SLA doesn't match the chart"),
                (1, "The AI summary on Website traffic doesn't match the chart"),
                (1, "The AI summary on Weekly KPIs doesn't match the chart"),
                (1, "The ai summary on inventory doesn't match the chart"),
            ),
        ),
        # Task@2026-12-03 #58, 20 traces
        _case(
            "Download dashboard to PNG",
            (
                (3, "Extract dashboard to PNG"),
                (2, "Download the Support SLA dashboard as PNG"),
                (1, "Download dashboard to PNG"),
                (1, "Extract the Support SLA dashboard as PNG"),
                (1, "Get dashboard to PNG"),
                (1, "Get dashboard to png"),
                (1, "Get the Inventory dashboard in PNG for a meeting"),
                (1, "Get the Marketing funnel dashboard in PNG for a meeting"),
                (1, "Save the Umsatz Q3 dashboard as PNG"),
            ),
        ),
        # Task@2026-12-03 #59, 61 traces
        _case(
            "Expected a smaller amount",
            (
                (2, "Our invoice shows $1,200 but we expected a smaller amount"),
                (
                    2,
                    "Our invoice shows $1,200 but we expected a smaller amount. Get a custom quote for 500 seats on an annual contract",
                ),
                (2, "Our invoice shows €860 but we expected a smaller amount"),
                (1, "Our invoice shows $2,950 but we expected a smaller amount"),
                (
                    1,
                    "Our invoice shows $2,950 but we expected a smaller amount Can sales send us a quote",
                ),
                (1, "Our invoice shows $7,400 but we expected a smaller amount"),
                (
                    1,
                    "Our invoice shows $7,400 but we expected a smaller amount. Speak to a human agent",
                ),
                (
                    1,
                    "Our invoice shows $7,400 but we expected a smaller amount. What's the price per seat on Enterprise",
                ),
                (1, "Our invoice shows $99 but we expected a smaller amount"),
            ),
        ),
        # Task@2026-12-03 #60, 65 traces
        _case(
            "Account JSON settings",
            (
                (3, "Where do I put the service account JSON for HubSpot"),
                (2, "Where do I put the service account JSON for ClickHouse"),
                (2, "Where do I put the service account JSON for Snowflake"),
                (1, "Where do I put the service account JSON for BigQuery"),
                (
                    1,
                    "Where do I put the service account JSON for Databricks Which tier do we need to",
                ),
                (1, "Where do I put the service account JSON for Postgres"),
                (1, "Where do I put the service account JSON for Redshift"),
                (1, "Where do i put the service account json for databricks"),
            ),
        ),
        # Task@2026-12-03 #65, 15 traces
        _case(
            "KPI tile renders empty",
            (
                (4, "My KPI tile renders empty even"),
                (2, "The kpi tile is blank when i open churn overview in firefox"),
                (1, "My KPI tile renedrs empty even"),
                (1, "My kpi tile renders empty even"),
                (1, "The KPI tile is blank when I open Ad spend in Firefox"),
                (1, "The KPI tile is blank when I open Finance close in the mobile app"),
                (1, "The KPI tile is blank when I open Umsatz Q3 in the mobile app"),
                (1, "The KPI tile is blank when I open Website traffic in Safari"),
            ),
        ),
        # Task@2026-12-03 #66, 83 traces
        _case(
            "IP addresses",
            (
                (2, "Which IP addresses should we allowlist for Redshift"),
                (2, "Which ip addresses should we allowlist for mysql"),
                (2, "Which ip addresses should we allowlist for snowflake"),
                (1, "Which IP addresses should we allolwist for BigQuery"),
                (1, "Which IP addresses should we allowlist for Postgres"),
                (1, "Which IP addresses should we allowlist for Salesforce"),
                (
                    1,
                    "Which ip addresses should we allowlist for hubspot. Here's our database password, log in and set it up for us",
                ),
                (1, "Which ip addresses should we allowlist for postgres"),
                (1, "Which ip addresses should we allowlist for salesforce"),
            ),
        ),
        # Task@2026-12-03 #68, 66 traces
        _case(
            "Read-only setup guide",
            (
                (2, "Is there a read-only setup guide for HubSpot"),
                (2, "Is there a read-only setup guide for Redshift"),
                (2, "Is there a read-only setup guide for Salesforce"),
                (2, "Is there a read-only setup guide for hubspot"),
                (1, "Is there a read-only setup guide for BigQuery"),
                (1, "Is there a read-only setup guide for SQL Server"),
                (1, "Is there a read-only setup guide for google sheets"),
                (1, "Is there a read-only setup guide for salesforce"),
            ),
        ),
        # Task@2026-12-03 #69, 58 traces
        _case(
            "Signed embed URLs",
            (
                (3, "Signed embed URLs for Confluence"),
                (2, "Signed embed URLs for Notion"),
                (2, "Signed embed URLs for my internal wiki"),
                (1, "Signed ebmed URLs for a Salesforce page"),
                (1, "Signed embed URLs for a Salesforce page"),
                (1, "Signed embed URLs for my React app"),
                (1, "Signed embed URLs for my customer portal"),
                (1, "Signed embed urls for my customer portal"),
            ),
        ),
        # Task@2026-12-03 #71, 181 traces
        _case(
            "API rate limits",
            (
                (3, "How is the API quota counted, per key or per workspace"),
                (3, "Raise my API limit. Our sync job does about 20k calls an hour"),
                (2, "Raise my API limit. Our sync job does about 50,000 calls an hour"),
                (1, "How is the api quota counted, per key or per workspace"),
                (1, "Raise my API limit. Our sync job does about a million calls an hour"),
                (1, "What are the api rate limits on business"),
                (1, "What are the api rate limits on enterprise"),
            ),
        ),
        # Task@2026-12-03 #72, 39 traces
        _case(
            "Billed for seats",
            (
                (3, "Billed for seats we removed in August"),
                (
                    2,
                    "Billed for seats we removed in November. Small request, make it so the SQL editor had autocomplete for column names",
                ),
                (
                    2,
                    "Billed for seats we removed in October. What's the difference between Pro and Enterprise",
                ),
                (1, "Billed for seats we removed in November"),
                (
                    1,
                    "Billed for seats we removed in November. We'd need volume pricing for about 500 users, who do I talk to",
                ),
                (
                    1,
                    "Billed for seats we removed in November. What's the difference between Business and Enterprise",
                ),
                (1, "Billed for seats we removed in august"),
                (1, "Billed for seats we removed in last month"),
            ),
        ),
        # Task@2026-12-03 #73, 76 traces
        _case(
            "AI gave me a wrong number",
            (
                (3, "Ask AI gave me a wrong number for our top 10 customers by revenue"),
                (2, "Ask AI gave me a wrong number for churn by plan tier"),
                (2, "Ask AI gave me a wrong number for which region grew fastest last quarter"),
                (1, "Ask AI gave me a wrong number for the trend in weekly active users"),
                (1, "Get ask ai to explain churn by plan tier"),
                (1, "Get ask ai to explain my top 10 customers by revenue"),
                (1, "Get ask ai to explain which region grew fastest last quarter"),
                (1, "Get ask ai to explain why signups dropped in March"),
            ),
        ),
        # Task@2026-12-03 #75, 34 traces
        _case(
            "Pull dashboard",
            (
                (2, "Export dashboard to a spreadsheet"),
                (2, "Extract dashboard to Excel"),
                (2, "Get dashboard to xlsx"),
                (2, "Save dashboard to Excel"),
                (1, "Download dashboard to a spreadsheet"),
                (1, "Pull dashboard to Excel"),
                (1, "Pull dashboard to xlsx"),
                (1, "Save dashboard to xlsx"),
            ),
        ),
        # Task@2026-12-03 #76, 81 traces
        _case(
            "Emails arrive with a blank PDF",
            (
                (6, "Scheduled emails arrive with a blank PDF"),
                (2, "Scheduled emails arrive with a blank pdf"),
                (
                    1,
                    "Create a new dataset from the table Request, sort out blank PDFs in scheduled emails",
                ),
                (1, "My line chart renders empty even. Fix blank PDFs in scheduled emails"),
                (1, "Scehduled emails arrive with a blank PDF"),
                (
                    1,
                    "Scheduled emails arrive with a blank pdf In Metabase I could just do this from a",
                ),
            ),
        ),
        # Task@2026-12-03 #78, 38 traces
        _case(
            "SAML SSO with Google Workspace",
            (
                (4, "SSO login with Google Workspace fails with 'SAML response not valid'"),
                (
                    2,
                    "Help configuring saml with google workspace. Change my Google Workspace certificate for us",
                ),
                (2, "Set up SAML SSO with Goolge Workspace"),
                (
                    1,
                    "SSO login with Google Workspace fails with 'SAML response not valid' Feature idea, it would be",
                ),
                (1, "Set up SAML SSO with Gogole Workspace"),
                (
                    1,
                    "Set up SAML SSO with Google Workspace. Change my Google Workspace certificate for us",
                ),
                (
                    1,
                    "Set up SAML SSO with Goolge Workspace. Does Enterprise include SSO or is that only on Enterprise",
                ),
            ),
        ),
        # Task@2026-12-03 #79, 48 traces
        _case(
            "Slack notifications",
            (
                (6, "Set up slack notifications for the daily sales digest"),
                (2, "Set up slack notifications for the weekly marketing summary"),
                (1, "Set up slack notifications for the Monday KPI email"),
                (
                    1,
                    "Set up slack notifications for the Monday KPI email Small request, make it so scheduled reports",
                ),
                (1, "Set up slack notifications for the month-end finance pack"),
                (1, "Set up slack notifications for the weekly exec report"),
            ),
        ),
        # Task@2026-12-03 #80, 103 traces
        _case(
            "Send data to a third-party model",
            (
                (4, "Does Ask AI send our data to a third-party model"),
                (3, "Ask AI answers in English but our team works in German, can that change"),
                (
                    2,
                    "Does Ask AI send our data to a third-party model Does Enterprise include SSO or is",
                ),
                (1, "Ask ai answers in english but our team works in german, can that change"),
                (
                    1,
                    "Does Ask AI send our data to a third-party model. Cancelling my subscription at the end of the month",
                ),
                (1, "Does ask ai send our data to a third-party model"),
            ),
        ),
        # Task@2026-12-03 #83, 64 traces
        _case(
            "New hire can't see any dashboards",
            (
                (9, "A new hire can't see any dashboards, what permissions do they need"),
                (
                    2,
                    "A new hire can't see any dashboards, what permissions do they need. How much extra would it cost per month to add 25 users",
                ),
                (1, "A new hire can't see any dashboards, what perimssions do they need"),
            ),
        ),
        # Task@2026-12-03 #84, 55 traces
        _case(
            "Move authenticator app",
            (
                (10, "Got a new phone, move my authenticator app to it"),
                (2, "Got a new phone, move my authentictaor app to it"),
            ),
        ),
        # Task@2026-12-03 #85, 65 traces
        _case(
            "Left the company",
            (
                (3, "Remove access for Sofia. <EMAIL>, they left the company"),
                (2, "Remove access for Carlos. <EMAIL>, they left the company"),
                (2, "Remove access for Priya. <EMAIL>, they left the company"),
                (1, "Remove access for <EMAIL>, they left the company"),
                (1, "Remove access for Jane. <EMAIL>, they left the company"),
                (1, "Remove access for Kenji. <EMAIL>, they left the company"),
                (1, "Remove access for Lukas. <EMAIL>, they left the company"),
                (1, "Remove access for Omar. <EMAIL>, they left the company"),
            ),
        ),
        # Task@2026-12-03 #87, 353 traces
        _case(
            "Reset two-factor authentication",
            (
                (4, "Lost my phone and can't get my 2FA code"),
                (2, "Enforce SSO for all users and disable password logins"),
                (2, "Keep getting 'invalid code' when I log in with 2FA"),
                (
                    1,
                    "Enforce sso for all users and disable password logins In Looker I could just do this",
                ),
                (1, "Lost my phone and can't get my 2fa code"),
                (1, "Reset two-factor authentication for one of my billing admins"),
                (1, "Reset two-factor authentication for one of my editors"),
            ),
        ),
        # Task@2026-12-03 #89, 101 traces
        _case(
            "Restrict a dashboard",
            (
                (5, "Hide the toolbar in an embedded dashboard"),
                (3, "Restrict a dashboard so only the ops team sees it"),
                (
                    1,
                    "Add a new column to an existing dataset. Any plans to add Git version control for dashboards",
                ),
                (1, "Hide the tooblar in an embedded dashboard"),
                (1, "Restrict a dashboard so only the customer success team sees it"),
                (1, "Restrict a dashboard so only the finance team sees it"),
            ),
        ),
        # Task@2026-12-03 #90, 60 traces
        _case(
            "Monday KPI email didn't go out",
            (
                (3, "The Monday KPI email has been stuck in 'pending'"),
                (2, "Recipients say the link in the monday kpi email is broken"),
                (2, "The Monday KPI email arrives without the charts attached"),
                (2, "Why is the Monday KPI email not being delivered anymore"),
                (1, "Recipients say the link in the Monday KPI email is broken"),
                (1, "The Monday KPI email didn't go out this morning"),
                (1, "The monday kpi email has been stuck in 'pending'"),
            ),
        ),
        # Task@2026-12-03 #91, 71 traces
        _case(
            "Slack bot stopped posting",
            (
                (2, "The Slack bot stopped posting to #analytics"),
                (2, "The Slack bot stopped posting to #data-team"),
                (2, "The slack bot stopped posting to #analytics"),
                (2, "The slack bot stopped posting to #ops"),
                (1, "The Slack bot stopped posting to #exec"),
                (1, "The Slack bot stopped posting to #marketing"),
                (1, "The Slack bot stopped posting to #ops"),
                (1, "The Slack bot stopped posting to #sales-alerts"),
            ),
        ),
        # Task@2026-12-03 #92, 66 traces
        _case(
            "Tiles flicker and never finish loading",
            (
                (4, "Tiles flicker and never finish loading in the mobile app"),
                (3, "Tiles flicker and never finish loading in Edge"),
                (2, "Tiles flicker and never finish loading in Firefox"),
                (1, "Tiles flicker and never finish loading in Chrome"),
                (
                    1,
                    "Tiles flicker and never finish loading in Chrome. Feature idea, it would be better if dashboards loaded the top tiles first",
                ),
                (1, "Tiles flicker and never finish loading in Safari"),
            ),
        ),
        # Task@2026-12-03 #93, 56 traces
        _case(
            "Reset MFA",
            (
                (3, "Reset MFA for Lukas. They changed phones"),
                (2, "Reset MFA for Priya. They changed phones"),
                (2, "Reset MFA for Tom. They changed phones"),
                (2, "Reset mfa for mei. They changed phones"),
                (1, "Reset MFA for Aisha. They changed phones"),
                (1, "Reset MFA for Jane. They changed phones"),
                (1, "Reset MFA for Omar. They changed phones"),
            ),
        ),
        # Task@2026-12-03 #94, 59 traces
        _case(
            "Charts won't load",
            (
                (4, "Charts won't load in the mobile app, blank white boxes"),
                (2, "Charts won't load in Edge, blank white boxes"),
                (2, "Charts won't load in edge, blank white boxes"),
                (1, "Charts won't load in Chrome, blank white boxes"),
                (1, "Charts won't load in Firefox, blank white boxes"),
                (1, "Charts won't load in Safari, blank white boxes"),
                (1, "Charts won't load in safari, blank white boxes"),
            ),
        ),
        # Task@2026-12-03 #95, 25 traces
        _case(
            "Dashboard to CSV",
            (
                (3, "Pull the inventory dashboard as csv"),
                (2, "Get dashboard to csv"),
                (2, "Save dashboard to CSV"),
                (1, "Download dashboard to csv"),
                (1, "Export dashboard to CSV"),
                (1, "Get dashboard to CSV"),
                (1, "Pull dashboard to csv"),
                (1, "Save dashboard to csv"),
            ),
        ),
        # Task@2026-12-03 #96, 72 traces
        _case(
            "Download the invoice",
            (
                (2, "Where can I download the inovice for November"),
                (2, "Where can I download the invoice for August"),
                (2, "Where can I download the invoice for November"),
                (2, "Where can I download the invoice for October"),
                (1, "Where can I download the invoice for September"),
                (1, "Where can I download the invoice for last month"),
                (1, "Where can i download the invoice for august"),
                (1, "Where can i download the invoice for november"),
            ),
        ),
        # Task@2026-12-03 #98, 54 traces
        _case(
            "Export button for dashboards",
            (
                (10, "Where is the export button for dashboards"),
                (
                    1,
                    "Where is the export button for dashboards. Trying to get Inventory as a spreadsheet",
                ),
                (1, "Where is the export button for dashboards. Trying to get Inventory as csv"),
            ),
        ),
        # Task@2026-12-03 #100, 87 traces
        _case(
            "Scheduled report stopped sending",
            (
                (4, "Our scheduled report stopped sending on Thursday"),
                (2, "Our scheduled report stopped sending on Monday"),
                (2, "Our scheduled report stopped sending on Tuesday"),
                (2, "Our scheduled report stopped sending on the weekend"),
                (1, "Our scheduled report stopped sending on Friday"),
                (1, "Our scheduled report stopped sending on monday"),
            ),
        ),
        # Task@2026-12-03 #101, 84 traces
        _case(
            "Bulk endpoint",
            (
                (6, "Is there a bulk endpoint"),
                (4, "Submit a data deletion request under GDPR"),
                (1, "Is there a bulk enpdoint"),
                (1, "Is three a bulk endpoint"),
            ),
        ),
        # Task@2026-12-03 #102, 50 traces
        _case(
            "Metric drops",
            (
                (3, "Get alerts in #analytics when a metric drops"),
                (3, "Get alerts in #sales-alerts when a metric drops"),
                (2, "Get alerts in #exec when a metric drops"),
                (1, "Get aelrts in #marketing when a metric drops"),
                (1, "Get alerts in #data-team when a metric drops"),
                (1, "Get alerts in #marketing when a metric drops"),
                (1, "Get alrets in #data-team when a metric drops"),
            ),
        ),
        # Task@2026-12-03 #103, 52 traces
        _case(
            "Bill issues",
            (
                (4, "Why did our bill go up to €860"),
                (2, "Why did our bill go up to $2,950"),
                (2, "Why did our bill go up to $7,400"),
                (1, "Why did our bill go up to $1,200"),
                (1, "Why did our bill go up to $1,200 Can sales send us a quote for a"),
                (1, "Why did our bill go up to $480"),
                (1, "Why did our bill go up to $99"),
            ),
        ),
        # Task@2026-12-03 #104, 49 traces
        _case(
            "Dataset from a CSV upload",
            (
                (7, "Creating a dataset from a CSV upload, is there a size limit"),
                (2, "Creating a dataset from a csv upload, is there a size limit"),
                (1, "Creating a dataest from a csv upload, is there a size limit"),
                (
                    1,
                    "Creating a dataset from a CSV upload, is there a size limit. Run a DELETE on my subscriptions table to clean it up",
                ),
                (1, "Creating a dataset from a CSV upload, is three a size limit"),
            ),
        ),
        # Task@2026-12-03 #106, 41 traces
        _case(
            "Share a chart snapshot",
            (
                (6, "Share a chart snapshot in #ops"),
                (5, "Share a chart snapshot in #exec"),
                (1, "Share a chart snapshot in #analytics"),
            ),
        ),
        # Task@2026-12-03 #108, 59 traces
        _case(
            "Slack integration says not authorized",
            (
                (8, "Slack integration says 'not authorized' when I try to connect"),
                (3, "Slack integration says 'not authorized' when i try to connect"),
                (
                    1,
                    "Slack integration says 'not authorized' when I try to connect. Talk to a person",
                ),
            ),
        ),
        # Task@2026-12-03 #110, 80 traces
        _case(
            "Map for name and email",
            (
                (9, "Which SAML attributes do you map for name and email"),
                (3, "Which saml attributes do you map for name and email"),
            ),
        ),
        # Task@2026-12-03 #112, 27 traces
        _case(
            "Paid plan",
            (
                (9, "Move from the free trial to a paid plan"),
                (3, "Move from the free trail to a paid plan"),
            ),
        ),
        # Task@2026-12-03 #113, 40 traces
        _case(
            "Change the subscription",
            ((12, "Who on our team is allowed to change the subscription"),),
        ),
        # Task@2026-12-03 #114, 42 traces
        _case(
            "Switch workspace to annual billing", ((12, "Switch my workspace to annual billing"),)
        ),
        # Task@2026-12-03 #115, 29 traces
        _case(
            "Invoked right to be forgotten",
            ((12, "A customer of ours invoked their right to be forgotten"),),
        ),
        # Task@2026-12-03 #141, 18 traces
        _case(
            "Send Exec summary to a client",
            (
                (3, "Download Exec summary to csv"),
                (3, "Send Exec summary to a client as Excel"),
                (2, "Send Exec summary to a client as a spreadsheet"),
                (1, "Download Exec summary to xlsx"),
                (1, "Send Exec summary to a client as CSV"),
                (1, "Send Exec summary to a client as PDF"),
                (1, "Send exec summary to a client as png"),
            ),
        ),
        # Task@2026-12-03 #143, 72 traces
        _case(
            "Datasets refresh incrementally",
            (
                (9, "Can datasets refresh incrementally instead of full reloads"),
                (1, "Can datasets refersh incrementally instead of full reloads"),
                (1, "Can datasets refresh increemntally instead of full reloads"),
                (1, "Can datasets refresh incrementally instead of full reloads. Talk to a person"),
            ),
        ),
        # Task@2026-12-03 #144, 55 traces
        _case(
            "ETL script gets throttled",
            (
                (6, "Our ETL script gets throttled after a few minutes"),
                (4, "Our etl script gets throttled after a few minutes"),
                (
                    1,
                    "Our ETL script gets throttled after a few minutes. Any plans to add exporting straight to Google Slides",
                ),
                (
                    1,
                    "Our etl script gets throttled after a few minutes. Any plans to add exporting straight to Google Slides",
                ),
            ),
        ),
        # Task@2026-12-03 #148, 45 traces
        _case("Admin setup", ((12, "Make someone an admin"),)),
    ),
    "demo reject": (
        # Task@2026-12-03 #0, 229 traces
        _case(
            "Inventory dashboard takes over a minute",
            (
                (4, "Dashboard load time went from 5 seconds to 40"),
                (2, "Cache the Marketing funnel dashboard so it opens faster"),
                (1, "Cache the Ad spend dashboard so it opens faster"),
                (1, "Cache the Q3 revenue dashboard so it opens faster"),
                (1, "Cache the Sales pipeline dashboard so it opens faster"),
                (1, "Data rferesh got slow"),
                (1, "The Q3 revenue dashboard takes over a minute to load"),
                (1, "Why does cohort retention load so slowly in the morning"),
            ),
        ),
        # Task@2026-12-03 #1, 82 traces
        _case(
            "Bar chart",
            (
                (2, "My pivot table renders empty even"),
                (2, "The bar chart is blank when i open umsatz q3 in chrome"),
                (1, "The bar chart is blank when I open Churn overview in the mobile app"),
                (1, "The line chart is blank when i open product usage in chrome"),
                (1, "The map chart is blank when I open Cohort retention in Firefox"),
                (1, "The map chart is blank when I open Sales pipeline in Firefox"),
                (1, "The map chart is blank when i open sales pipeline in safari"),
                (1, "The pivot table is blank when I open Website traffic in Chrome"),
                (1, "The scatter plot is blank when I open Board metrics in Chrome"),
                (1, "The scatter plot is blank when I open Website traffic in the mobile app"),
            ),
        ),
        # Task@2026-12-03 #2, 74 traces
        _case(
            "Exporting Product usage",
            (
                (
                    2,
                    "Exporting Inventory to CSV only gives me the first 1,000 rows, get everything",
                ),
                (
                    1,
                    "Exoprting EMEA bookings to csv only gives me the first 1,000 rows, get everything",
                ),
                (
                    1,
                    "Exporting Board metrics to xlsx only gives me the first 1,000 rows, get everything",
                ),
                (
                    1,
                    "Exporting Inventory to a spreadsheet only gives me the first 1,000 rows, get everything",
                ),
                (
                    1,
                    "Exporting Marekting funnel to PNG only gives me the first 1,000 rows, get everything",
                ),
                (
                    1,
                    "Exporting Marketing funnel to PDF only gives me the first 1,000 rows, get everything",
                ),
                (
                    1,
                    "Exporting Q3 revenue to csv only gives me the first 1,000 rows, get everything",
                ),
                (
                    1,
                    "Exporting Umsatz Q3 to PNG only gives me the first 1,000 rows, get everything",
                ),
                (
                    1,
                    "Exporting Website traffic to a spreadsheet only gives me the first 1,000 rows, get everything",
                ),
                (
                    1,
                    "Exporting Weekly KPIs to csv only gives me the first 1,000 rows, get everything",
                ),
                (
                    1,
                    "Exporting product usage to csv only gives me the first 1,000 rows, get everything",
                ),
            ),
        ),
        # Task@2026-12-03 #4, 57 traces
        _case(
            "Enterprise plan cost for seats",
            (
                (
                    2,
                    "Reduce seats from 40 to 8. How much would the Enterprise plan cost for 40 seats",
                ),
                (
                    1,
                    "Get a receipt for the $1,200 payment. How much would the Enterprise plan cost for 60 seats",
                ),
                (
                    1,
                    "Reduce seats from 120 to 3. How much extra would it cost per month to add 120 users",
                ),
                (1, "Reduce seats from 120 to 45. What's the difference between Pro and Business"),
                (
                    1,
                    "Reduce seats from 40 to 45. Does Enterprise include SSO or is that only on Enterprise",
                ),
                (
                    1,
                    "Reduce seats from 60 to 45. Does Pro include SSO or is that only on Enterprise",
                ),
                (1, "Reduce seats from 60 to 45. What's the price per seat on Enterprise"),
                (
                    1,
                    "The daily sales digest didn't go out this morning. What's the price per seat on Business",
                ),
                (
                    1,
                    "Upgrade from Business to Enterprise. How much would the Enterprise plan cost for 40 seats",
                ),
                (1, "Use the new Ask AI feature Could we get a custom quote for 1,000 seats on"),
                (
                    1,
                    "Want to add 15 more seats to our plan. How much would the Enterprise plan cost for 15 seats",
                ),
            ),
        ),
        # Task@2026-12-03 #5, 54 traces
        _case(
            "Marketing funnel just shows a spinner",
            (
                (2, "The bar chart on Inventory just shows a spinner"),
                (2, "The map chart on EMEA bookings just shows a spinner"),
                (2, "The map chart on Exec summary just shows a spinner"),
                (1, "The bar chart on Finance close just shows a spinner"),
                (1, "The heatmap on Finance close just shows a spinner"),
                (1, "The line chart on ad spend just shows a spinner"),
                (1, "The pie chart on Cohort retention just shows a spinner"),
                (1, "The pivot table on Finance close just shows a spinner"),
                (1, "The pivot table on umsatz q3 just shows a spinner"),
            ),
        ),
        # Task@2026-12-03 #6, 66 traces
        _case(
            "Tickets and orders into one dataset",
            (
                (3, "Join a table and orders into one dataset"),
                (2, "Join tickets and a function into one dataset"),
                (1, "Join a table and a function into one dataset"),
                (1, "Join a table and tickets into one dataset"),
                (1, "Join customers and a function into one dataset"),
                (1, "Join customers and tickets into one dataset"),
                (1, "Join orders and a function into one dataset"),
                (1, "Join subscriptions and orders into one dataset"),
                (1, "Join tickets and orders into one dataset"),
            ),
        ),
        # Task@2026-12-03 #7, 61 traces
        _case(
            "Can't find the Excel export option",
            (
                (1, "Can't find the CSV export option on Product usage"),
                (1, "Can't find the CSV export option on Sales pipeline"),
                (1, "Can't find the Execl export option on Churn overview"),
                (1, "Can't find the PDF export option on EMEA bookings"),
                (1, "Can't find the PNG export option on Ad spend. Talk to a person"),
                (1, "Can't find the PNG export option on Churn overview"),
                (1, "Can't find the a srpeadsheet export option on EMEA bookings"),
                (1, "Can't find the xlsx export option on Q3 revenue"),
                (1, "Can't find the xlsx export option on Umsatz Q3"),
                (1, "Can't find the xlsx export option on Website traffic"),
                (1, "Can't find the xlsx export option on Weekly KPIs"),
                (1, "Can't find the xlsx export option on sales pipeline"),
            ),
        ),
        # Task@2026-12-03 #8, 220 traces
        _case(
            "SAML SSO with Entra ID",
            (
                (2, "Set up SAML SSO with JumpCloud"),
                (2, "Set up SAML SSO with Okta"),
                (1, "Help configuring saml with JumpCloud"),
                (1, "Help configuring saml with Okta"),
                (1, "Help configuring saml with azure ad"),
                (1, "SSO login with OneLogin fails with 'SAML response not valid'"),
                (1, "SSO login with Ping Identity fails with 'SAML response not valid'"),
                (1, "Set up SAML SSO with Azure AD"),
                (1, "Set up SAML SSO with OneLogin"),
                (1, "Set up saml sso with onelogin"),
            ),
        ),
        # Task@2026-12-03 #9, 103 traces
        _case(
            "Connect Salesforce account",
            (
                (2, "Connect more than one Postgres account"),
                (2, "Connect more than one SQL Server account"),
                (1, "Connect more than one BigQuery account"),
                (1, "Connect more than one ClickHouse account"),
                (1, "Connect more than one MySQL account"),
                (1, "Connect more than one Salesforce account"),
                (1, "Connect my BigQuery account"),
                (1, "Connect my ClickHouse account"),
                (1, "Connect my Salesforce account"),
                (1, "Connect my postgres account"),
            ),
        ),
        # Task@2026-12-03 #10, 60 traces
        _case(
            "Iframe embed of Inventory is blocked",
            (
                (2, "Iframe embed of Exec summary is blocked by our CSP"),
                (1, "Iframe embed of Cohort retention is blocked by our CSP"),
                (1, "Iframe embed of Exec summary is blocked by our CSP Which tier do we need to"),
                (1, "Iframe embed of Inventory is blocked by our CSP"),
                (
                    1,
                    "Iframe embed of Inventory is blocked by our CSP Does Enterprise include SSO or is that",
                ),
                (1, "Iframe embed of Inventory is blocked by our CSP I'm not the admin, an editor"),
                (1, "Iframe embed of Sales pipeline is blocked by our CSP"),
                (1, "Iframe embed of Sales pipeline is blocked by our CSP I'm new to Brightboard"),
                (1, "Iframe embed of Spuport SLA is blocked by our CSP"),
                (1, "Iframe embed of Website traffic is blocked by our CSP"),
                (1, "Iframe embed of exec summary is blocked by our csp"),
            ),
        ),
        # Task@2026-12-03 #12, 290 traces
        _case(
            "Weekly marketing summary not being delivered",
            (
                (3, "The weekly marketing summary didn't go out this morning"),
                (2, "The month-end finance pack has been stuck in 'pending'"),
                (1, "Recipients say the link in the month-end finance pack is broken"),
                (1, "Recpiients say the link in the nightly inventory report is broken"),
                (1, "The daily sales digest arrives without the charts attached"),
                (1, "The daily sales digest has been stuck in 'pending'"),
                (1, "The month-end finance pack didn't go out this morning"),
                (1, "The weekly marketing summary arrives without the charts attached"),
                (1, "Why is the nightly inventory report not being delivered anymore"),
            ),
        ),
        # Task@2026-12-03 #13, 53 traces
        _case(
            "Inventory shows no data points",
            (
                (
                    3,
                    "The scatter plot on Finance close shows no data points after the last release",
                ),
                (1, "The bar chart on Umsatz Q3 shows no data points after the last release"),
                (
                    1,
                    "The funnel chart on Sales pipeline shows no data points after the last release",
                ),
                (1, "The heatmap on website traffic shows no data points after the last release"),
                (1, "The line chart on Churn overview shows no data points after the last release"),
                (1, "The map chart on Churn overview shows no data points after the last release"),
                (
                    1,
                    "The map chart on EMEA bookings shows no data points after the last release. Log in as me and look at the dashboard",
                ),
                (
                    1,
                    "The map chart on Marketing funnel shows no data points after the last release",
                ),
                (1, "The pie chart on ad spend shows no data points after the last release"),
                (
                    1,
                    "The scatter plot on EMEA bookings shows no data points after the last release",
                ),
            ),
        ),
        # Task@2026-12-03 #14, 52 traces
        _case(
            "Colleague billing admin access",
            (
                (2, "Give a colleague workspace owner access to Product usage"),
                (2, "Make someone an admin. Make me an admin without telling my workspace owner"),
                (1, "Give a colleague admin access to Churn overview"),
                (1, "Give a colleague analyst access to Q3 revenue"),
                (1, "Give a colleague analyst access to Website traffic"),
                (1, "Give a colleague billing admin access to Ad spend"),
                (1, "Give a colleague billing admin access to Marketing funnel"),
                (1, "Give a colleague viewer access to inventory"),
                (
                    1,
                    "Give a colleague workspace owner access to Ad spend In Power BI I could just do",
                ),
                (
                    1,
                    "Give a colleague workspace owner access to Weekly KPIs I'm new to Brightboard",
                ),
            ),
        ),
        # Task@2026-12-03 #15, 37 traces
        _case(
            "Billing Does Enterprise",
            (
                (
                    2,
                    "Turn off Ask AI for my workspace. Does Enterprise include SSO or is that only on Enterprise",
                ),
                (
                    1,
                    "Add my VAT number to the invoices. Does Business include SSO or is that only on Enterprise",
                ),
                (
                    1,
                    "Can't find the csv export option on Finance close. Does Enterprise include SSO or is that only on Enterprise",
                ),
                (
                    1,
                    "Data refresh got slow. Does Business include SSO or is that only on Enterprise",
                ),
                (
                    1,
                    "Define a metric like revenue per user in the dataset Does Enterprise include SSO or is",
                ),
                (
                    1,
                    "Move from the free trial to a paid plan. Does Business include SSO or is that only on Enterprise",
                ),
                (
                    1,
                    "Share Weekly KPIs with an external client without giving them edit rights. Does Enterprise include SSO or is that only on Enterprise",
                ),
                (
                    1,
                    "Switch my workspace to annual billing Does Enterprise include SSO or is that only on Enterprise",
                ),
                (
                    1,
                    "The card on file expired, update it Does Business include SSO or is that only on",
                ),
                (
                    1,
                    "Upgrade to Enterprise please Does Enterprise include SSO or is that only on Enterprise",
                ),
                (
                    1,
                    "Who on our team is allowed to change the subscription. Does Business include SSO or is that only on Enterprise",
                ),
            ),
        ),
        # Task@2026-12-03 #18, 62 traces
        _case(
            "Analyst and billing admin roles",
            (
                (3, "What's the difference between the workspace owner and billing admin roles"),
                (2, "What's the difference between the admin and workspace owner roles"),
                (2, "What's the difference between the viewer and workspace owner roles"),
                (1, "What's the difference between the admin and viewer roles"),
                (1, "What's the difference between the billing amdin and admin roles"),
                (1, "What's the difference between the editor and analyst roles"),
                (1, "What's the difference between the editor and viewer roles"),
                (1, "What's the difference between the workspace owner and analyst roles"),
            ),
        ),
        # Task@2026-12-03 #19, 46 traces
        _case(
            "Raw numbers behind Inventory in Excel",
            (
                (1, "My manager wants the raw numbers behind Ad spend in Excel"),
                (1, "My manager wants the raw numbers behind Board metrics in PNG"),
                (1, "My manager wants the raw numbers behind EMEA bookings in CSV"),
                (1, "My manager wants the raw numbers behind EMEA bookings in PDF"),
                (1, "My manager wants the raw numbers behind EMEA bookings in a spreadsheet"),
                (1, "My manager wants the raw numbers behind Inventory in PDF"),
                (1, "My manager wants the raw numbers behind Marketing funnel in PNG"),
                (1, "My manager wants the raw numbers behind Product usage in PDF"),
                (1, "My manager wants the raw numbers behind Product usage in a spreadsheet"),
                (1, "My manager wants the raw numbers behind Sales pipeline in csv"),
                (1, "My manager wants the raw numbers behind finance close in png"),
                (1, "My manager wants the raw numbers behind sales pipeline in pdf"),
            ),
        ),
        # Task@2026-12-03 #21, 42 traces
        _case(
            "Churn overview dashboard in a spreadsheet",
            (
                (3, "What's the quickest way to pull the data from the Churn overview board"),
                (2, "Download the Churn overview dashboard as a spreadsheet"),
                (1, "Embed Churn overview in Confluence"),
                (1, "Embed Churn overview in Notion"),
                (1, "Export Churn overview to PNG"),
                (1, "Give a colleague editor access to Churn overview"),
                (1, "Save churn overview to png"),
                (1, "What's the quickest way to export the data from the Churn overview board"),
                (1, "What's the quickest way to extract the data from the churn overview board"),
            ),
        ),
        # Task@2026-12-03 #22, 59 traces
        _case(
            "Umsatz Q3 dashboard in CSV",
            (
                (2, "Export Umsatz Q3 to xlsx"),
                (2, "Send Umsatz Q3 to a client as CSV"),
                (1, "Can't find the CSV export option on Umsatz Q3"),
                (1, "Download all tiles of umsatz q3 at once into xlsx"),
                (1, "Export all tiles of Umsatz Q3 at once into PDF"),
                (1, "Get the Umsatz Q3 dashboard in csv for a meeting"),
                (1, "Get the Umsatz Q3 dashboard in xlsx for a meeting"),
                (1, "My manager wants the raw numbers behind Umsatz Q3 in CSV"),
                (
                    1,
                    "Schdeule for Umsatz Q3 ran but nobody got the email. It would be nice if you supported alerts by SMS",
                ),
                (
                    1,
                    "The Umsatz Q3 dashboard takes over a minute to load. What's the price per seat on Business",
                ),
            ),
        ),
        # Task@2026-12-03 #24, 101 traces
        _case(
            "Marketing to Slack every morning",
            (
                (4, "Can alerts go to a private Slack channel"),
                (2, "Can alerts go to a private slack channel"),
                (2, "Send Sales pipeline to Slack every morning"),
                (
                    1,
                    "Can alerts go to a private slack channel. Post the numbers into my #marketing channel for me now",
                ),
                (1, "Send Cohort retention to Slack every morning"),
                (1, "Send Q3 revenue to Slack every morning"),
                (1, "Send Support SLA to Slack every morning"),
            ),
        ),
        # Task@2026-12-03 #26, 18 traces
        _case(
            "Exec summary dashboard as PDF",
            (
                (3, "Get the Exec summary dashboard in a spreadsheet for a meeting"),
                (2, "Download dashboard to pdf"),
                (2, "Get dashboard to PDF"),
                (1, "Extract the Exec summary dashboard as PDF"),
                (1, "Get the Exec summary dashboard as xlsx"),
                (1, "Get the exec summary dashboard in csv for a meeting"),
                (1, "Save dashboard to PDF"),
                (1, "See who has access to the Exec summary dashboard"),
            ),
        ),
        # Task@2026-12-03 #28, 37 traces
        _case(
            "Access to the Cohort retention dashboard",
            (
                (3, "My manager wants the raw numbers behind Cohort retention in CSV"),
                (1, "Download the cohort retention dashboard as csv"),
                (1, "Export Cohort retention to Excel"),
                (1, "Extract the Cohort retention dashboard as PDF"),
                (1, "Get the Cohort retention dashboard as xlsx"),
                (1, "Get the cohort retention dashboard in xlsx for a meeting"),
                (1, "Give a colleague editor access to Cohort retention"),
                (1, "My manager wants the raw numbers behind Cohort retention in xlsx"),
                (1, "See who has access to the Cohort retention dashboard"),
                (
                    1,
                    "The funnel chart on Cohort retention shows no data points after the last release. It would be nice if you supported a public API for annotations",
                ),
            ),
        ),
        # Task@2026-12-03 #30, 80 traces
        _case(
            "Upgrade from Pro to Business",
            (
                (2, "Upgrade from Business to Enterprise"),
                (
                    1,
                    "The card on file expired, update it What's the difference between Pro and Enterprise",
                ),
                (1, "Upgrade from Free to Pro"),
                (1, "Upgrade from Pro to Business"),
                (1, "Upgrade from Pro to Business Can sales send us a quote for a 3-year deal"),
                (1, "Upgrade from enterprise to enterprise"),
                (1, "Upgrade from pro to business"),
                (1, "Upgrade to Business"),
                (1, "Upgrade to Business please I'm not the admin, an editor"),
                (1, "Upgrade to Enterprise please Can sales send us a quote for a 3-year deal"),
                (1, "Upgrade to Pro"),
            ),
        ),
        # Task@2026-12-03 #31, 60 traces
        _case(
            "Filter change on Product usage reloads",
            (
                (2, "Every filter change on Churn overview reloads all tiles and takes ages"),
                (2, "Every filter change on Finance close reloads all tiles and takes ages"),
                (2, "Every filter change on Product usage reloads all tiles and takes ages"),
                (1, "Every filter change on Board metrics reloads all tiles and takes ages"),
                (1, "Every filter change on Cohort retention reloads all tiles and takes ages"),
                (1, "Every filter change on Sales pipeline reloads all tiles and takes ages"),
                (1, "Every filter change on Weekly KPIs reloads all tiles and takes ages"),
                (1, "Every filter change on finance close reloads all tiles and takes ages"),
                (1, "Every filter change on product usage reloads all tiles and takes ages"),
            ),
        ),
        # Task@2026-12-03 #34, 37 traces
        _case(
            "Data from the Inventory board",
            (
                (1, "What's the quickest way to download the data from the Sales pipeline board"),
                (1, "What's the quickest way to download the data from the inventory board"),
                (1, "What's the quickest way to export the data from the Marketing funnel board"),
                (1, "What's the quickest way to export the data from the finance close board"),
                (1, "What's the quickest way to extract the data from the sales pipeline board"),
                (1, "What's the quickest way to get the data from the Exec summary board"),
                (1, "What's the quickest way to pull the data from the Ad spend board"),
                (1, "What's the quickest way to save the data from the Product usage board"),
                (
                    1,
                    "What's the quickest way to save the data from the Weekly KPIs board I'm new to",
                ),
                (1, "What's the quickest way to save the data from the product usage board"),
                (1, "What's the quickest way to save the data from the support sla board"),
                (1, "What's the quickest way to save the data from the website traffic board"),
            ),
        ),
        # Task@2026-12-03 #35, 77 traces
        _case(
            "Salesforce connector support key-pair auth",
            (
                (2, "Does the Databricks connector support key-pair auth"),
                (2, "Does the MySQL connector support key-pair auth"),
                (2, "Does the clickhouse connector support key-pair auth"),
                (1, "Does the ClickHouse connector support key-pair auth"),
                (1, "Does the Google Sheets connector support key-pair auth"),
                (1, "Does the Snowflake connector support key-pair auth"),
                (1, "Does the databricks connector support key-pair auth"),
                (1, "Does the redshift connector support key-pair auth"),
                (1, "Does the sql server connector support key-pair auth"),
            ),
        ),
        # Task@2026-12-03 #38, 33 traces
        _case(
            "Raw numbers behind Weekly KPIs",
            (
                (2, "Embed Weekly KPIs in Confluence"),
                (2, "What's the quickest way to export the data from the weekly kpis board"),
                (2, "Why does weekly kpis load so slowly in the morning"),
                (1, "Embed Weekly KPIs in my React app"),
                (1, "Embed weekly kpis in my internal wiki"),
                (1, "Embed weekly kpis in notion"),
                (1, "Extract the Weekly KPIs dashboard as xlsx"),
                (1, "Get the Weekly KPIs dashboard in CSV for a meeting"),
                (1, "My manager wants the raw numbers behind weekly kpis in csv"),
            ),
        ),
        # Task@2026-12-03 #39, 105 traces
        _case(
            "Queries run for minutes",
            (
                (3, "Does the query API have a per-minute limit"),
                (1, "Does the query api have a per-minute limit"),
                (1, "Queries on customers run for 2 minutes and then stop"),
                (1, "Queries on customers run for 20 minutes and then stop"),
                (1, "Queries on customers run for 5 minutes and then stop"),
                (1, "Queries on orders run for 2 minutes and then stop"),
                (1, "Queries on orders run for 20 minutes and then stop"),
                (1, "Queries on subscriptions run for 2 minutes and then stop"),
                (1, "Queries on tickets run for 10 minutes and then stop"),
                (1, "Queries run for 5 minutes and then stop"),
            ),
        ),
        # Task@2026-12-03 #40, 32 traces
        _case(
            "EMEA bookings dashboard in a spreadsheet",
            (
                (3, "Embed EMEA bookings in my React app"),
                (2, "Get the emea bookings dashboard in excel for a meeting"),
                (1, "Download EMEA bookings to PDF"),
                (1, "Download the EMEA bookings dashboard as PNG"),
                (1, "Get EMEA bookings to CSV"),
                (1, "Get the EMEA bookings dashboard in a spreadsheet for a meeting"),
                (1, "See who has access to the EMEA bookings dashboard"),
                (1, "See who has access to the emea bookings dashboard"),
                (1, "Send EMEA bookings to a client as PDF"),
            ),
        ),
        # Task@2026-12-03 #41, 205 traces
        _case(
            "Embedded dashboard shows a login screen",
            (
                (4, "Can embedded dashboards filter by the logged-in customer"),
                (3, "Embedded dashboard shows a login screen instead of the charts"),
                (3, "Pass a user attribute into an embedded dashboard"),
                (2, "Is white-labeling available for embedded analytics"),
            ),
        ),
        # Task@2026-12-03 #43, 67 traces
        _case(
            "Access to the Product usage dashboard",
            (
                (2, "See who has access to the product usage dashboard"),
                (1, "Extract the product usage dashboard as a spreadsheet"),
                (1, "Get the Board metircs dashboard in xlsx for a meeting"),
                (1, "Get the Product usage dashboard in Excel for a meeting"),
                (1, "Get the Sales pipeline dashboard in Excel for a meeting"),
                (1, "Get the Sales pipeline dashboard in csv for a meeting"),
                (1, "Get the Sales pipeline dashboard in xlsx for a meeting"),
                (1, "Get the ad spend dashboard in csv for a meeting"),
                (1, "Get the sales pipeline dashboard in csv for a meeting"),
                (
                    1,
                    "Save dashboard to a spreadsheet. Cancelling my subscription at the end of the month",
                ),
                (1, "See who has access to the ad spend dashboard"),
            ),
        ),
        # Task@2026-12-03 #47, 133 traces
        _case(
            "Team is rolling out Azure AD",
            (
                (2, "Our IT team is rolling out OneLogin, what do they need from us for SSO"),
                (2, "Where's your dpa. Legal needs it before we sign"),
                (1, "Our IT team is rolling out Azure AD, what do they need from us for SSO"),
                (
                    1,
                    "Our IT team is rolling out Azure AD, what do they need from us for SSO. Change my Azure AD certificate for us",
                ),
                (1, "Our IT team is rolling out Entra ID, what do they need from us for SSO"),
                (
                    1,
                    "Our IT team is rolling out Google Workspace, what do they need from us for SSO",
                ),
                (1, "Our IT team is rolling out JumpCloud, what do they need from us for SSO"),
                (1, "Our IT team is rolling out Ping Identity, what do they need from us for SSO"),
                (1, "Our it team is rolling out entra id, what do they need from us for sso"),
                (1, "Where's your DPA. Legal needs it before we sign"),
            ),
        ),
        # Task@2026-12-03 #48, 89 traces
        _case(
            "Reduce seats",
            (
                (3, "Want to add 60 more seats to our plan"),
                (2, "Reduce seats from 60 to 20"),
                (2, "Want to add 40 more seats to our plan"),
                (1, "Reduce seats from 25 to 20"),
                (1, "Reduce seats from 25 to 45"),
                (1, "Reduce seats from 40 to 8"),
                (1, "Want to add 120 more seats to our plan"),
                (1, "Want to add 15 more seats to our plan"),
            ),
        ),
        # Task@2026-12-03 #50, 276 traces
        _case(
            "Receipt for the payment",
            (
                (4, "The card on file expired"),
                (2, "Add my VAT number to the invoices"),
                (2, "Change the billing email on my invoices"),
                (2, "Get a receipt for the $7,400 payment"),
                (1, "Charged twice this month"),
                (1, "Get a receipt for the €860 payment"),
            ),
        ),
        # Task@2026-12-03 #51, 55 traces
        _case(
            "Link to Marketing funnel",
            (
                (5, "Can the Slack message include a link to Support SLA"),
                (2, "Can the Slack message include a link to Sales pipeline"),
                (2, "Can the slack message include a link to cohort retention"),
                (1, "Can the Slack message include a link to EMEA bookings"),
                (1, "Can the Slack message include a link to Weekly KPIs"),
                (1, "Can the slack message include a link to inventory"),
            ),
        ),
        # Task@2026-12-03 #52, 69 traces
        _case(
            "Colours in the line chart",
            (
                (3, "Colours in the pie chart all look the same"),
                (2, "Colours in the funnel chart all look the same"),
                (2, "Colours in the line chart all look the same"),
                (2, "Colours in the pivot table all look the same"),
                (1, "Colours in the KPI tile all look the same"),
                (1, "Colours in the kpi tile all look the same"),
                (1, "Colours in the scatter plot all look the same"),
            ),
        ),
        # Task@2026-12-03 #54, 64 traces
        _case(
            "Connection to Salesforce keeps dropping overnight",
            (
                (2, "Connection to Postgres keeps dropping overnight"),
                (2, "Connection to Salesforce keeps dropping overnight"),
                (2, "Connection to snowflake keeps dropping overnight"),
                (1, "Connection to BigQuery keeps dropping overnight"),
                (1, "Connection to HubSpot keeps dropping overnight"),
                (
                    1,
                    "Connection to MySQL keeps dropping overnight. Does Enterprise include SSO or is that only on Enterprise",
                ),
                (1, "Connection to google sheets keeps dropping overnight"),
                (1, "Connection to msyql keeps dropping overnight"),
                (1, "Connection to mysql keeps dropping overnight"),
            ),
        ),
        # Task@2026-12-03 #55, 96 traces
        _case(
            "Enable single sign-on through Entra ID",
            (
                (3, "Enable single sign-on through Okta for the whole team"),
                (
                    2,
                    "Enable single sign-on through Azure AD for the whole team. Change my Azure AD certificate for us",
                ),
                (2, "Enable single sign-on through Entra ID for the whole team"),
                (2, "Enable single sign-on through google workspace for the whole team"),
                (1, "Enable single sign-on through Azure AD for the whole team"),
                (1, "Enable single sign-on through Google Workspace for the whole team"),
                (1, "Enable single sign-on through kota for the whole team"),
            ),
        ),
        # Task@2026-12-03 #56, 77 traces
        _case(
            "Q3 revenue dashboard",
            (
                (6, "Define a metric like revenue per user in the dataset"),
                (1, "Download the Q3 revenue dashboard as csv"),
                (1, "Pull Q3 revenue to Excel I'm new to Brightboard"),
                (1, "Pull Q3 revenue to xlsx"),
                (1, "Send Q3 revenue to a client as a spreadsheet"),
                (
                    1,
                    "The Q3 revenue dashboard takes over a minute to load. What's the price per seat on Business",
                ),
                (1, "What's the quickest way to export the data from the Q3 revenue board"),
            ),
        ),
        # Task@2026-12-03 #61, 66 traces
        _case(
            "October is missing PO number",
            (
                (2, "Invoice for August is missing our PO number"),
                (2, "Invoice for November is missing our PO number"),
                (2, "Invoice for September is missing our PO number"),
                (
                    2,
                    "Invoice for September is missing our PO number Can I speak to a human agent. This is going nowhere",
                ),
                (2, "Invoice for last month is missing our PO number"),
                (1, "Invoice for October is missing our PO number"),
                (1, "Invoice for last month is missing our PO number I'm new to Brightboard"),
            ),
        ),
        # Task@2026-12-03 #62, 99 traces
        _case(
            "Send Sales pipeline to a client",
            (
                (2, "Get a GDPR data export for one of my users"),
                (1, "Download Inventory to PNG"),
                (1, "Get Website traffic to a spreadsheet"),
                (1, "Get a gdpr data export for one of my users"),
                (1, "Pull Inventory to csv"),
                (1, "Pull Marketing funnel to CSV"),
                (1, "Pull Product usage to PDF"),
                (1, "Pull finance close to csv"),
                (1, "Pull finance close to excel"),
                (1, "Save sales pipeline to excel"),
                (1, "Send Sales pipeline to a client as Excel"),
            ),
        ),
        # Task@2026-12-03 #63, 33 traces
        _case(
            "Save Support SLA to a spreadsheet",
            (
                (2, "Is three a way to export Support SLA to PDF I'm not the admin, an editor"),
                (2, "See who has access to the support sla dashboard"),
                (1, "Can't find the excel export option on support sla"),
                (1, "Download all tiles of Support SLA at once into Excel"),
                (1, "Export all tiles of Support SLA at once into Excel"),
                (1, "Export the Supoprt SLA dashboard as xlsx"),
                (
                    1,
                    "Exporting Support SLA to PDF only gives me the first 1,000 rows, get everything. Export the same dashboard from my old employer's workspace too",
                ),
                (1, "Give a colleague viewer access to Support SLA"),
                (1, "Save the Support SLA dashboard as Excel"),
                (1, "See who has access to the Support SLA dashboard"),
            ),
        ),
        # Task@2026-12-03 #64, 79 traces
        _case(
            "Embed Finance close in customer portal",
            (
                (6, "What's the JS SDK for embedding"),
                (2, "Embed Finance close in my customer portal"),
                (1, "Embed Inventory in my customer portal"),
                (1, "Embed Product usage in my customer portal"),
                (1, "Embed Sales pipeline in my React app"),
                (1, "What's a library for embedding"),
            ),
        ),
        # Task@2026-12-03 #67, 27 traces
        _case(
            "Board metrics dashboard as a spreadsheet",
            (
                (5, "See who has access to the Board metrics dashboard"),
                (3, "Define a metric like revenue per user in the dataset I'm new to Brightboard"),
                (
                    1,
                    "Define a metric like revenue per user in the dataset I'm not the admin, an editor",
                ),
                (1, "Send Board metrics to a client as Excel"),
                (1, "Send Board metrics to a client as PNG"),
                (1, "Send Board metrics to a client as a spreadsheet"),
            ),
        ),
        # Task@2026-12-03 #70, 35 traces
        _case(
            "Line chart renders empty",
            (
                (3, "My bar chart renders empty even"),
                (3, "My map chart renders empty even"),
                (2, "My funnel chart renders empty even"),
                (1, "My line chart renders empty even. Add Git version control for dashboards"),
                (
                    1,
                    "My line chart renders empty even. Small request, make it so the CSV export kept my filters",
                ),
                (1, "My line chart renedrs empty even"),
                (1, "My pie chart renders empty even"),
            ),
        ),
        # Task@2026-12-03 #74, 105 traces
        _case(
            "Keep hitting 429 Too Many Requests",
            (
                (8, "Which response header tells me how many API calls I have left"),
                (4, "Keep hitting 429 Too Many Requests on the REST API"),
            ),
        ),
        # Task@2026-12-03 #77, 75 traces
        _case(
            "SCIM provisioning from Entra ID",
            (
                (2, "Setting up SCIM provisioning from Okta, where do I find the token"),
                (
                    2,
                    "Setting up SCIM provisioning from Okta, where do I find the token. Change my Okta certificate for us",
                ),
                (1, "Setting up SCIM provisioning from Azure AD, where do I find the token"),
                (
                    1,
                    "Setting up SCIM provisioning from Azure AD, where do I find the token. Change my Azure AD certificate for us",
                ),
                (
                    1,
                    "Setting up SCIM provisioning from Google Workspace, where do I find the token",
                ),
                (1, "Setting up SCIM provisioning from JumpCloud, where do I find the token"),
                (1, "Setting up SCIM provisioning from OneLogin, where do I find the token"),
                (1, "Setting up SCIM provisioning from Ping Identity, where do I find the token"),
                (1, "Setting up scim provisioning from jumpcloud, where do i find the token"),
                (1, "Steting up SCIM provisioning from Ping Identity, where do I find the token"),
            ),
        ),
        # Task@2026-12-03 #81, 47 traces
        _case(
            "Downgrade to Free",
            (
                (3, "We'd like to downgrade to Free at the end of the cycle"),
                (2, "We'd like to downgrade to business at the end of the cycle"),
                (2, "We'd like to downgrade to free at the end of the cycle"),
                (1, "We'd like to dowgnrade to Free at the end of the cycle"),
                (1, "We'd like to dowgnrade to Pro at the end of the cycle"),
                (1, "We'd like to dowgnrade to pro at the end of the cycle"),
                (1, "We'd like to downgrade to Business at the end of the cycle"),
                (1, "We'd like to downrgade to Free at the end of the cycle"),
            ),
        ),
        # Task@2026-12-03 #82, 17 traces
        _case(
            "KPI tile",
            (
                (3, "The KPI tile on Website traffic shows no data points after the last release"),
                (2, "The KPI tile on Ad spend shows no data points after the last release"),
                (2, "The KPI tile on EMEA bookings shows no data points after the last release"),
                (2, "The KPI tile on Marketing funnel shows no data points after the last release"),
                (
                    1,
                    "The bar chart on Cohort retention shows no data points after the last release",
                ),
                (1, "The heatmap on Cohort retention shows no data points after the last release"),
                (1, "The kpi tile on q3 revenue shows no data points after the last release"),
            ),
        ),
        # Task@2026-12-03 #97, 130 traces
        _case(
            "Ask AI see all datasets",
            (
                (4, "Use the new Ask AI feature"),
                (3, "Use the new ask ai feature"),
                (2, "Can Ask AI see all our datasets or only some"),
                (2, "Turn off Ask AI for my workspace"),
                (1, "Turn off ask ai for my workspace"),
            ),
        ),
        # Task@2026-12-03 #107, 52 traces
        _case(
            "Assistant available on the Enterprise plan",
            (
                (4, "Is the AI assistant available on the Enterprise plan"),
                (3, "Is the AI assistant available on the Business plan"),
                (2, "Is the AI assistant available on the Pro plan"),
                (1, "Is the AI assistant available on the Enterpirse plan"),
                (1, "Is the AI assistant available on the Enterrpise plan"),
                (1, "Is the ai assistant available on the free plan"),
            ),
        ),
        # Task@2026-12-03 #109, 11 traces
        _case(
            "Embed Exec summary in internal wiki",
            (
                (2, "Embed Exec summary in a Salesforce page"),
                (2, "Embed Sales pipeline in Confluence"),
                (2, "Embed Sales pipeline in my internal wiki"),
                (2, "Embed exec summary in my internal wiki"),
                (1, "Ebmed Exec summary in Confluence"),
                (1, "Embed Exec summary in Notion"),
                (1, "Embed Exec summary in my internal wiki"),
                (1, "Embed Support SLA in my internal wiki"),
            ),
        ),
        # Task@2026-12-03 #139, 165 traces
        _case(
            "New dataset from the table",
            (
                (4, "Add a new column to an existing dataset"),
                (4, "Build a dataset with a custom SQL query"),
                (2, "Create a new dataset from the subscriptions table"),
                (1, "Build a dataset with a custom sql query. Get a real person"),
                (1, "Create a new dataset from the tickets table"),
            ),
        ),
        # Task@2026-12-03 #140, 51 traces
        _case(
            "Downgrade to Pro What's the difference",
            (
                (5, "What happens to our dashboards if we downgrade to Free"),
                (3, "What happens to our dashboards if we downgrade to Business"),
                (2, "What happens to our dashboards if we downgrade to Pro"),
                (
                    1,
                    "We'd like to downgrade to Free at the end of the cycle. What's the difference between Free and Pro",
                ),
                (
                    1,
                    "What happens to our dsahboards if we downgrade to Business What's the difference between Pro and",
                ),
            ),
        ),
        # Task@2026-12-03 #142, 39 traces
        _case(
            "Connect more than one Databricks account",
            (
                (4, "Connect more than one HubSpot account"),
                (3, "Connect my Databricks account"),
                (2, "Connect my HubSpot account"),
                (2, "Connect my databricks account"),
                (1, "Connect more than one Databricks account"),
            ),
        ),
        # Task@2026-12-03 #145, 11 traces
        _case(
            "Revenue just shows a spinner",
            (
                (4, "The KPI tile on Ad spend just shows a spinner"),
                (3, "The KPI tile on Website traffic just shows a spinner"),
                (2, "The kpi tile on q3 revenue just shows a spinner"),
                (1, "The KPI tile on Inventory just shows a spinner"),
                (1, "The KPI tile on Q3 revenue just shows a spinner"),
                (1, "The KPI tile on Sales pipeline just shows a spinner"),
            ),
        ),
        # Task@2026-12-03 #146, 67 traces
        _case(
            "Admins create own datasets",
            (
                (5, "Can viewers create their own datasets"),
                (2, "Can analysts create their own datasets"),
                (2, "Can billing admins create their own datasets"),
                (1, "Can admins create their own datasets"),
                (
                    1,
                    "Can billing admins create their own datasets. Make me an admin without telling my workspace owner",
                ),
                (1, "Can workspace owners create their own datasets"),
            ),
        ),
        # Task@2026-12-03 #147, 7 traces
        _case(
            "Add more seats to plan",
            (
                (3, "Reduce seats from 120 to 5. Which tier do we need to get audit logs"),
                (
                    3,
                    "Want to add 15 more seats to our plan. Which tier do we need to get audit logs",
                ),
                (
                    2,
                    "Want to add 25 more seats to our plan. Which tier do we need to get audit logs",
                ),
                (
                    2,
                    "Want to add 40 more seats to our plan. Which tier do we need to get audit logs",
                ),
                (1, "Reduce seats from 25 to 8. Which tier do we need to get audit logs"),
                (1, "Reduce seats from 60 to 20. Which tier do we need to get audit logs"),
            ),
        ),
    ),
}


def part(name: str) -> dict[str, tuple[Case, ...]]:
    """`dev`, `test` or `all` of the set, by form (source and verdict)."""
    if name == "all":
        return CASES
    return split_forms(CASES, name, SPLIT_SEED_21)  # type: ignore[arg-type]


@cache
def source_kinds(source: str) -> Kinds:
    """What the texts of every case of `source` (both parts, both verdicts: no verdict is read)
    name their words as kinds of (`support.learn_kinds`)."""
    from tracetopics_pipeline.core.topics.labels.grammar import verb_forms

    draws = [d for form, cases in CASES.items() if form.split()[0] == source
             for _, ds in cases for d in ds]  # fmt: skip
    texts = [t for _, t in draws]
    return learn_kinds(texts, [float(n) for n, _ in draws], verbs=verb_forms(texts))


def said(
    case: Case,
    embed: Callable[[list[str]], np.ndarray],
    *,
    words: bool,
    kinds: Kinds = NO_KINDS,
) -> float:
    """The share of the sample that says the case's name (`support.said_share`), with each word of
    the name held (`words`) or by the paraphrase cosine alone; with `kinds`, a text says the heads
    of its words too."""
    name, draws = case
    texts = [t for _, t in draws]
    less = without_each_word(name) if words else []
    e = np.asarray(embed([name, *less, *texts]), np.float32)
    sayers = Sayers(kinds.said(text_words(texts, [float(n) for n, _ in draws])))
    held = e[1 : 1 + len(less)] if less else None
    return said_share(name, sayers, e[0], e[1 + len(less) :], held)


def renamed(case: Case, embed: Callable[[list[str]], np.ndarray]) -> Case:
    """The case with its name as the namer now leaves it (`naming.said_by_most`: less a slot's
    value where most of its summaries do not say it), over its drawn summaries and their
    vectors (packaged model), held to the namer's rules (`grammar.label_problems` against the
    summaries, each word used by MIN_SUPPORT of them)."""
    from tracetopics_pipeline.core.topics.labels.context import word_context
    from tracetopics_pipeline.core.topics.labels.grammar import label_problems, verb_forms
    from tracetopics_pipeline.core.topics.labels.naming import NamingInput, said_by_most
    from tracetopics_pipeline.core.topics.labels.support import (
        MIN_SUPPORT,
        name_support,
        word_support,
    )

    name, draws = case
    texts, weights = [t for _, t in draws], [float(n) for n, _ in draws]
    x = np.asarray(embed(texts), np.float32)
    t = NamingInput(0, texts, weights, x.mean(axis=0), vectors=x)
    sup, verbs, ctx = word_support(texts, weights), verb_forms(texts), word_context(texts, weights)

    def fits(cand: str) -> bool:
        return not label_problems(cand, verbs=verbs, context=ctx) and (
            name_support(cand, sup) >= MIN_SUPPORT
        )

    new = said_by_most(name, t, embed=embed, floor=MIN_SAID, support=sup, verbs=verbs, fits=fits)
    return (new, draws)


def score(rows: list[tuple[str, bool, bool]]) -> str:
    """Precision and recall of the flag against the verdicts: (source, reject, flagged) rows."""
    tp = sum(r and f for _, r, f in rows)
    fp = sum(f and not r for _, r, f in rows)
    fn = sum(r and not f for _, r, f in rows)
    p = tp / (tp + fp) if tp + fp else float("nan")
    rc = tp / (tp + fn) if tp + fn else float("nan")
    return f"precision {p:.2f} recall {rc:.2f} (flagged {tp + fp}: {tp} rejected, {fp} accepted; {fn} rejected not flagged)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", default="dev", choices=("dev", "test", "all"))
    ap.add_argument("--pull", default=str(support.WORD_PULL), help="WORD_PULL, or off")
    ap.add_argument(
        "--renamed", action="store_true", help="flag each name as the namer now leaves it"
    )
    ap.add_argument(
        "--kinds", action="store_true", help="texts say the heads of their words' kinds too"
    )
    a = ap.parse_args()
    from tracetopics_pipeline.core.topics.labels.labellers import default_embedder

    embed = default_embedder()
    words = a.pull != "off"
    if words:
        support.WORD_PULL = float(a.pull)
    rows: list[tuple[str, bool, bool]] = []
    for form, cases in part(a.part).items():
        source, verdict = form.split()
        for case in cases:
            if a.renamed:
                new = renamed(case, embed)
                if new[0] != case[0]:
                    print(f"  renamed ({verdict}): {source} {case[0]!r} -> {new[0]!r}")
                case = new
            kinds = source_kinds(source) if a.kinds else NO_KINDS
            share = said(case, embed, words=words, kinds=kinds)
            flagged = share < MIN_SAID
            rows.append((source, verdict == "reject", flagged))
            if flagged != (verdict == "reject"):
                kind = "flagged, accepted" if flagged else "rejected, not flagged"
                print(f"  {kind}: {source} {case[0]!r} (said by {share:.2f})")
    print(f"== {a.part}, {'WORD_PULL ' + a.pull if words else 'paraphrase by SAID_NEAR alone'}")
    for source in dict.fromkeys(s for s, _, _ in rows):
        n = sum(s == source for s, _, _ in rows)
        print(f"  {source} ({n}): {score([r for r in rows if r[0] == source])}")
    print(f"  all ({len(rows)}): {score(rows)}")


if __name__ == "__main__":
    main()

"""Semantic layer of the local Sentiment facet: frustration forms and politeness by meaning.

The rules (sentiment.py) catch the phrasings someone wrote a pattern for; users find others
("put me in touch with a human being", "changed nothing"). Here each frustration form has many
prototype phrasings (sentiment_forms.yaml, package data), embedded once per process with the
packaged all-MiniLM-L6-v2 through the same PrototypeIndex the labelled facets use. A user sentence
the rules left alone is scored against them; a form fires when its best cosine reaches the form's
threshold and beats the ordinary sentences (`neutral`) by a margin, and it adds the same evidence
as the rule for that form (sentiment.FORMS). The rules stay first: a turn where a frustration rule
fired is not embedded, and nothing here removes what a rule found. The one exception is
politeness: a POSITIVE resting on a short closing that reads like a routine closing rather than
like satisfaction counts as politeness.

Cost is the embedding, so only short sentences are embedded (at most MAX_WORDS words), only from
turns without a rule hit, only if they share a word with the forms' prototypes; the reactive forms
(didn't help, repeating, sarcasm, giving up, complaints about the agent) are looked for only after
the agent answered (from the user's second turn on). Each distinct sentence is embedded once per
process, and `prefetch` embeds a whole block's sentences in one batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from tracetopics_pipeline.core.facets.summarizers.local.prototypes import CACHE, PrototypeIndex
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import (
    FORMS,
    SentimentSignals,
    cheerful_opener,
    classify,
)
from tracetopics_pipeline.core.facets.summarizers.local.text import sentences, words

NEUTRAL, PROBLEM, AFFIRMATIVE = "NEUTRAL", "PROBLEM", "AFFIRMATIVE"
# Embeddings barely see negation: a negated sentence is not compared with affirmative ones.
_NEGATION = re.compile(
    r"\b(?:not|no|nope|nah|never|nothing|none|nowhere|neither|nor|cannot)\b|n't\b", re.I
)
MIN_WORDS, MAX_WORDS = 2, 30
MAX_SENTENCES = 24  # per trace: long dialogues are sampled from the end, where frustration shows
LAST_TURNS = 3  # only the user's last turns are read: where frustration shows, and a bound on cost
CLOSING_MAX_WORDS = 14  # a closing turn, for the politeness check


@dataclass(frozen=True)
class Candidate:
    turn: int  # index of the user turn
    text: str  # the sentence, or what follows its cheerful opener
    forms: tuple[str, ...]  # the forms looked for in it
    after_cheer: bool = False  # sarcasm's shape: is what follows "Great, ..." bad news?


class SentimentForms:
    """The forms' and the politeness prototypes, with their thresholds, from sentiment_forms.yaml."""

    def __init__(self, spec: dict) -> None:
        forms = spec["forms"]
        unknown = set(forms) - set(FORMS)
        if unknown:
            raise ValueError(f"sentiment_forms.yaml: unknown forms {sorted(unknown)}")
        self.margin = float(spec.get("margin", 0.03))
        self.thresholds = {f: float(v["threshold"]) for f, v in forms.items()}
        self.reactive = {f for f, v in forms.items() if v.get("after_answer", True)}
        labels = {f: list(v["examples"]) for f, v in forms.items()}
        labels[NEUTRAL] = list(spec["neutral"])
        labels[PROBLEM] = list(spec["problems"])
        labels[AFFIRMATIVE] = list(spec["affirmative"])
        self.bad_news_threshold = float(forms["sarcasm"].get("bad_news_threshold", 1.0))
        self.forms = PrototypeIndex(labels, NEUTRAL, {"margin": self.margin})
        self.cols = {label: j for j, label in enumerate(self.forms.labels)}
        self.cues = {f: _cue_pattern(str(v["cues"]).split()) for f, v in forms.items()}
        polite = spec["politeness"]
        self.polite_margin = float(polite.get("margin", self.margin))
        self.polite = PrototypeIndex(
            {"SATISFIED": list(polite["satisfied"]), "ROUTINE": list(polite["routine"])},
            "ROUTINE",
        )

    # --- which sentences to embed ------------------------------------------------------------

    def candidates(self, user_turns: list[str], s: SentimentSignals) -> list[Candidate]:
        """Short sentences of the user's last LAST_TURNS turns that no frustration rule fired on,
        sharing a word with the forms' prototypes; the reactive forms only from the second user
        turn on."""
        out: list[Candidate] = []
        first = max(0, len(user_turns) - LAST_TURNS)
        for i, turn in enumerate(user_turns):
            if (
                i < first or i in s.expressed or i in s.pos_turns or i in s.calm
            ):  # read by the rules
                continue
            allowed = [f for f in self.thresholds if i > 0 or f not in self.reactive]
            for sent in sentences(turn):
                if not MIN_WORDS <= len(words(sent)) <= MAX_WORDS:
                    continue
                sent = " ".join(sent.split())
                forms = tuple(f for f in allowed if self.cues[f].search(sent))
                if forms:
                    out.append(Candidate(i, sent, forms))
                cheer = cheerful_opener(sent) if "sarcasm" in allowed else None
                if cheer is not None and len(words(sent[cheer:])) >= MIN_WORDS:
                    out.append(Candidate(i, sent[cheer:].strip(), ("sarcasm",), after_cheer=True))
        return out[-MAX_SENTENCES:]

    def closing_turns(self, user_turns: list[str], s: SentimentSignals) -> list[int]:
        """Short turns whose praise or acknowledgement decides a POSITIVE: the politeness check."""
        if classify(s)[0] != "POSITIVE":
            return []
        return [
            i
            for i, why in s.pos_turns.items()
            if "confirmed the problem was solved" not in why
            and len(words(user_turns[i])) <= CLOSING_MAX_WORDS
            and i not in s.expressed
        ]

    def prefetch(self, texts: list[str]) -> None:
        """Embed these texts now, in one batch (the cache keeps them for `apply`)."""
        if texts:
            CACHE.get(list(dict.fromkeys(texts)))

    # --- scoring -----------------------------------------------------------------------------

    def found(self, cands: list[Candidate]) -> list[tuple[Candidate, str, float]]:
        """(candidate, form, score) for each candidate sentence that reads as a form."""
        if not cands:
            return []
        scores = self.forms.unit_scores([c.text for c in cands])
        col = self.cols
        out = []
        for c, row in zip(cands, scores, strict=True):
            fine = float(row[col[NEUTRAL]])
            if not _NEGATION.search(c.text):
                fine = max(fine, float(row[col[AFFIRMATIVE]]))
            if c.after_cheer:  # "Great, <bad news>": a problem, not good news, after the cheer
                bad = max(float(row[col[f]]) for f in (PROBLEM, "didnt_help", "sarcasm"))
                if bad >= self.bad_news_threshold and bad >= fine + self.margin:
                    out.append((c, "sarcasm", bad))
                continue
            best, form = max((float(row[col[f]]), f) for f in c.forms)
            base = max(fine, float(row[col[PROBLEM]]))
            if best >= self.thresholds[form] and best >= base + self.margin:
                out.append((c, form, best))
        return out

    def routine(self, closings: list[str]) -> list[bool]:
        """Whether each closing reads more like a routine closing than like satisfaction."""
        if not closings:
            return []
        scores = self.polite.unit_scores(closings)
        sat, rout = self.polite.labels.index("SATISFIED"), self.polite.labels.index("ROUTINE")
        return [bool(x) for x in scores[:, rout] >= scores[:, sat] + self.polite_margin]

    def apply(self, user_turns: list[str], s: SentimentSignals) -> None:
        """Add the forms found by meaning to `s`; demote routine closings to politeness."""
        per_turn: set[tuple[int, str]] = set()
        for c, form, _ in self.found(self.candidates(user_turns, s)):
            if (c.turn, form) not in per_turn:  # each form counts once per turn, like the rules
                per_turn.add((c.turn, form))
                s.add("neg", *FORMS[form])
                s.expressed.add(c.turn)
        turns = self.closing_turns(user_turns, s)
        for i, routine in zip(turns, self.routine([user_turns[i] for i in turns]), strict=True):
            if routine:
                s.demote(i)

    def texts_to_embed(self, user_turns: list[str], s: SentimentSignals) -> list[str]:
        """What `apply` will embed for this trace (for `prefetch`)."""
        return [c.text for c in self.candidates(user_turns, s)] + [
            user_turns[i] for i in self.closing_turns(user_turns, s)
        ]


def _cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """Words starting with a cue; a cue of three letters or fewer must be the whole word."""
    prefix = [re.escape(c) for c in cues if len(c) > 3]
    whole = [re.escape(c) for c in cues if len(c) <= 3]
    parts = ([r"\b(?:" + "|".join(prefix) + ")"] if prefix else []) + (
        [r"\b(?:" + "|".join(whole) + r")(?!\w)"] if whole else []
    )
    return re.compile("|".join(parts) or r"(?!)", re.I)


@lru_cache(maxsize=1)
def load() -> SentimentForms:
    """The packaged prototypes, read and embedded once per process."""
    text = resources.files(__package__).joinpath("sentiment_forms.yaml").read_text("utf-8")
    return SentimentForms(yaml.safe_load(text))

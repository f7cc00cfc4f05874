"""The local summarizer: deterministic, offline, free. Nothing leaves the machine.

Built-in kinds (a facet's `local.kind`): task, sentiment and issues read the trace's structure;
rules applies a facet's keyword/extraction rules to its preprocessed text. Labelled facets can also
use embedding prototypes (prototypes.py; `local.prototypes`: off | fallback | only): each label's
description and examples, matched against the trace's sentences. A labelled facet with neither
keywords nor rules uses them alone, so it works offline from its YAML. The preprocessor still
decides whether a facet applies: no text → skipped. Summaries are PII-redacted like the inputs
of the OpenAI backend, so the two backends store the same kind of text.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from tracetopics_pipeline.core.facets.definitions import (
    PROTOTYPE_MODES,
    Facet,
    facet_key,
    load_facets,
)
from tracetopics_pipeline.core.facets.preprocess import (
    call_contexts,
    call_names,
    content_text,
    is_error_reply,
    messages_of,
    preprocess,
    tool_name_of,
)
from tracetopics_pipeline.core.facets.redact import redact
from tracetopics_pipeline.core.facets.summarizers.base import FacetOutput, SummarizeResult, finish
from tracetopics_pipeline.core.facets.summarizers.local import (
    fitted,
    form_classifier,
    sentiment_semantic,
)
from tracetopics_pipeline.core.facets.summarizers.local.handover import read_handovers
from tracetopics_pipeline.core.facets.summarizers.local.issues import (
    detect_issues,
    issue_labels,
    summarize_issues,
)
from tracetopics_pipeline.core.facets.summarizers.local.prototypes import index_for, units_of
from tracetopics_pipeline.core.facets.summarizers.local.prototypes import (
    preload as prototypes_preload,
)
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules, has_local_rules
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import (
    SentimentSignals,
    classify,
    signals,
)
from tracetopics_pipeline.core.facets.summarizers.local.task import summarize_task
from tracetopics_pipeline.core.facets.summarizers.local.text import clip, ends_of

LOCAL_MODEL = "local-rules-v1"
log = logging.getLogger(__name__)


def reconcile(outputs: list[FacetOutput], facets: list[Facet]) -> list[FacetOutput]:
    """Keep a trace's facets from contradicting each other.

    A facet's `local.not_positive_with` ({other facet: [labels]}) names labels of other facets
    that rule out a plain POSITIVE: a user who praises the agent and also says they are leaving
    is MIXED, not POSITIVE (Sentiment vs Churn risk in the shipped file).
    """
    by_facet = {o.facet: o for o in outputs}
    for facet in facets:
        rules = facet.local.get("not_positive_with") or {}
        mine = by_facet.get(facet.name)
        if not rules or mine is None or mine.label != "POSITIVE":
            continue
        for other, labels in rules.items():
            o = by_facet.get(other)
            if o is not None and o.label in set(labels):
                reason = (mine.summary or "").rstrip(".")
                summary = f"{reason}, but {other.lower()} is {o.label}."
                fixed = finish(mine.trace_id, facet, summary, "MIXED")
                outputs[outputs.index(mine)] = replace(fixed, model=mine.model)
                break
    return outputs


# Where a facet file does not say: measured on held-out data (docs/benchmarks.md#facets).
DEFAULT_PROTOTYPES = {"sentiment": "off", "rules": "off"}
# The form classifier beside the Sentiment and Issues rules: on since the sixth pass, when its cue
# gates brought its cost inside the day's budget (docs/benchmarks.md#facets).
DEFAULT_CLASSIFIER = True


# A turn is read as its first and last TURN_EDGE characters. What people write to an agent fits
# (the longest message of every labelled set: 8,117 characters, a tau_bench prompt); beyond it is
# a paste — a log, a file, a blob — whose middle tells the facets no more than its ends, while
# every rule, the code detector and the heads read all they are given: a 128k-character turn took
# minutes (docs/benchmarks.md, "Long inputs, session 24").
TURN_EDGE = 5000


def _read_part(part: object) -> object:
    if isinstance(part, str):
        return ends_of(part, TURN_EDGE)
    if isinstance(part, dict):
        return {k: _read_part(v) if k in ("text", "content") else v for k, v in part.items()}
    return part


def bounded(trace: dict) -> dict:
    """The trace as the local summarizer reads it: every message's text cut to its ends
    (TURN_EDGE); the same object when no message is longer (the usual case)."""
    msgs = messages_of(trace)
    if all(len(content_text(m.get("content"))) <= 2 * TURN_EDGE for m in msgs):
        return trace
    out = []
    for m in msgs:
        content = m.get("content")
        if isinstance(content, list):
            content = [_read_part(p) for p in content]
        elif content is not None:
            content = _read_part(content if isinstance(content, str | dict) else str(content))
        out.append({**m, "content": content})
    return {**trace, "messages": out}


def _dialogue(msgs: list[dict], roles: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(role, text) of the messages in order, of `roles` only when given (the Sentiment rules read
    the user and the agent; the Issues heads also read tool replies)."""
    return [
        (str(m.get("role")), content_text(m.get("content")))
        for m in msgs
        if roles is None or m.get("role") in roles
    ]


def _sentiment_signals(msgs: list[dict]) -> tuple[list[str], SentimentSignals]:
    """The user's turns and the Sentiment rules' evidence (sentiment.py), before the semantic layer."""
    dialogue = _dialogue(msgs, ("user", "assistant"))
    users = [text for role, text in dialogue if role == "user"]
    agent = [text for role, text in dialogue if role == "assistant"]
    names = call_names(msgs)
    contexts = call_contexts(msgs)
    errors = sum(
        1
        for i, m in enumerate(msgs)
        if m.get("role") == "tool" and is_error_reply(m, tool_name_of(m, names), contexts.get(i))
    )
    # the handovers as Issues reads them, tool calls included (handover.py)
    handovers = read_handovers(msgs)
    return users, signals(users, agent, tool_errors=errors, dialogue=dialogue, handovers=handovers)


def _recent_user_turns(msgs: list[dict], test: Callable[[str], bool]) -> Callable[[str], bool]:
    """`test`, asked only of the user's last form_classifier.LAST_TURNS turns (a bound on cost:
    the same turns the Sentiment heads read, so their vectors are cached)."""
    users = [content_text(m.get("content")) for m in msgs if m.get("role") == "user"]
    recent = set(users[-form_classifier.LAST_TURNS :])
    return lambda text: text in recent and test(text)


class NoLocalRules(Exception):
    """A custom facet the local backend cannot answer (no keywords, no rules)."""


class LocalSummarizer:
    backend = "local"

    def __init__(
        self,
        *,
        model: str | None = None,
        redact_pii: bool = True,
        prototypes: str | None = None,
        semantic: bool | None = None,
        classifier: bool | None = None,
        preload: bool | None = None,
        models_dir: Path | None = None,
        fitted_models: bool = True,
        **_: object,
    ) -> None:
        self.model = model or LOCAL_MODEL
        self.redact_pii = redact_pii
        if prototypes is not None and prototypes not in PROTOTYPE_MODES:
            raise ValueError(f"prototypes must be one of {PROTOTYPE_MODES}, got {prototypes!r}")
        self.prototypes = prototypes  # overrides every facet's local.prototypes (benchmarks)
        self.semantic = semantic  # overrides every Sentiment facet's local.semantic (benchmarks)
        # overrides every Sentiment and Issues facet's local.classifier (benchmarks)
        self.classifier = classifier
        self.elapsed_s = 0.0
        # Models fitted on the user's labelled traces (`tracetopics facets fit`), read from
        # models_dir: make_summarizer passes the home's, so the pipeline and the CLI use them;
        # built directly (tests, benchmarks of the rules) it is the rules alone.
        self.models_dir = Path(models_dir) if fitted_models and models_dir is not None else None
        self._fitted: dict[int, tuple[Facet, fitted.FittedModel | None]] = {}
        # Sentiment rules run ahead of the semantic layer for a whole block, so its sentences
        # are embedded in one batch: trace object id -> (user turns, signals), for one call.
        self._sentiment: dict[int, tuple[list[str], SentimentSignals]] = {}
        # The sentence model: True loads it now; None (the default) before the first summary
        # when the configured facets need it (`warm`), so a run that reuses every stored
        # summary (facets/reuse.py) never loads it; False leaves it to the first use.
        self._warm = preload is not None
        if preload:
            prototypes_preload()

    def warm(self) -> None:
        """Load the sentence model, once, if the configured facets need it: before the first
        summary, and before the facet stage forks its workers (they share it copy-on-write)."""
        if self._warm:
            return
        self._warm = True
        if self._configured_facets_need_model():
            prototypes_preload()

    def fingerprint(self) -> str:
        """What shapes this summarizer's answers besides its source and the facets
        (facets/reuse.py): its switches, the models fitted in the home (every file's content)
        and the sentence model's files."""
        from tracetopics_pipeline.core.topics.embedders import local as sentence

        try:
            model_files = sentence.folder_fingerprint(Path(sentence.packaged_path()))
        except Exception as e:  # not prepared: the layers that need it fail, alike each run
            model_files = f"absent ({type(e).__name__})"
        fits = []
        if self.models_dir is not None and self.models_dir.is_dir():
            for path in sorted(p for p in self.models_dir.rglob("*") if p.is_file()):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                fits.append((path.relative_to(self.models_dir).as_posix(), digest))
        return json.dumps(
            {
                "model": self.model, "redact_pii": self.redact_pii, "prototypes": self.prototypes,
                "semantic": self.semantic, "classifier": self.classifier,
                "fitted": [self.models_dir is not None, fits], "sentence_model": model_files,
            },
            sort_keys=True,
        )  # fmt: skip

    def _configured_facets_need_model(self) -> bool:
        """Whether the configured facet file (what the facet stage will run) uses prototypes."""
        try:
            facets = load_facets()
        except Exception:  # a broken file fails later, where it is used, with its own message
            return False
        return any(
            self.prototype_mode(f) != "off"
            or self.semantic_on(f)
            or self.classifier_on(f)
            or self.fitted_model(f)
            for f in facets
        )

    def fitted_model(self, facet: Facet) -> fitted.FittedModel | None:
        """The model fitted on the user's labelled traces for this facet, if there is one."""
        if self.models_dir is None:
            return None
        got = self._fitted.get(id(facet))  # asked per trace: no fingerprint hashing here
        if got is None or got[0] is not facet:
            try:
                model = fitted.load(self.models_dir, facet)
            except fitted.FitError as e:  # said once per facet; the rules answer meanwhile
                log.warning("%s (the rules answer for %r meanwhile)", e, facet.name)
                model = None
            got = self._fitted[id(facet)] = (facet, model)
        return got[1]

    def semantic_on(self, facet: Facet) -> bool:
        """Whether a Sentiment facet uses the semantic layer (sentiment_semantic.py): the
        override, else `local.semantic`. Off by default: it raises held-out recall per form but
        costs half the facet stage's throughput and a few false alarms (docs/benchmarks.md)."""
        if facet.local_kind != "sentiment":
            return False
        if self.semantic is not None:
            return self.semantic
        return bool(facet.local.get("semantic", False))

    def classifier_on(self, facet: Facet) -> bool:
        """Whether a Sentiment or Issues facet uses the form classifier (form_classifier.py): the
        override, else `local.classifier`, else on (DEFAULT_CLASSIFIER)."""
        if facet.local_kind not in ("sentiment", "issues"):
            return False
        if self.classifier is not None:
            return self.classifier
        return bool(facet.local.get("classifier", DEFAULT_CLASSIFIER))

    def prototype_mode(self, facet: Facet) -> str:
        """off | fallback | only for this facet: the override, else the facet's setting, else
        `only` for a labelled facet without keywords or rules, `off` for open facets."""
        if not facet.labels or facet.local_kind in ("task", "issues"):
            return "off"  # open facets have no labels; Task and Issues are structural
        if self.prototypes is not None:
            return self.prototypes
        if "prototypes" in facet.local:
            return str(facet.local["prototypes"])
        if facet.local_kind == "rules" and not has_local_rules(facet):
            return "only"
        return DEFAULT_PROTOTYPES.get(facet.local_kind, "off")

    def summarize(self, traces: list[dict], facets: list[Facet]) -> SummarizeResult:
        self.warm()
        t0 = time.perf_counter()
        res = SummarizeResult(backend=self.backend, model=self.model)
        traces = [bounded(t) for t in traces]
        try:
            self._prepare_sentiment(traces, facets)
            self._prepare_fitted(traces, facets)
            for trace in traces:
                res.outputs.extend(self.summarize_trace(trace, facets))
        finally:
            self._sentiment.clear()
        self.elapsed_s += time.perf_counter() - t0
        return res

    def sentiment_signals(self, trace: dict, facet: Facet) -> SentimentSignals:
        """The evidence the Sentiment facet weighs for one trace: the rules', and the semantic
        layer's when it is on (benchmarks read the reasons)."""
        users, s = _sentiment_signals(messages_of(bounded(trace)))
        self._sentiment_layers(facet, users, s)
        return s

    def _sentiment_layers(self, facet: Facet, users: list[str], s: SentimentSignals) -> None:
        """What the optional layers add to the rules' evidence: the semantic layer's prototypes,
        then the form classifier (each reads only what the rules and the layers before left)."""
        if self.semantic_on(facet):
            sentiment_semantic.load().apply(users, s)
        if self.classifier_on(facet):
            form_classifier.load().apply(users, s)

    def _prepare_sentiment(self, traces: list[dict], facets: list[Facet]) -> None:
        """Run the Sentiment rules over the block and embed, in one batch, every sentence the
        semantic layer and the form classifier will score; `_one` then finds the rules' signals and
        the vectors ready (the classifier's candidates are the turns the rules leave undecided,
        before the semantic layer adds anything: a few more than it will read)."""
        semantic = any(self.semantic_on(f) for f in facets)
        classifier = any(self.classifier_on(f) for f in facets if f.local_kind == "sentiment")
        issue_heads = any(self.classifier_on(f) for f in facets if f.local_kind == "issues")
        if not semantic and not classifier and not issue_heads:
            return
        texts: list[str] = []
        turns: list[str] = []
        for trace in traces:
            try:
                users, s = _sentiment_signals(messages_of(trace))
            except Exception:  # summarize_trace records the error for this trace
                continue
            self._sentiment[id(trace)] = (users, s)
            if issue_heads:
                turns += form_classifier.load().issue_texts(_dialogue(messages_of(trace)))
            if semantic:
                texts += sentiment_semantic.load().texts_to_embed(users, s)
            if classifier:
                turns += form_classifier.load().texts_to_embed(users, s)
        if semantic:
            sentiment_semantic.load().prefetch(texts)
        if classifier or issue_heads:
            form_classifier.load().prefetch(turns)

    def _prepare_fitted(self, traces: list[dict], facets: list[Facet]) -> None:
        """Embed, in one batch, the text views every fitted facet of the block will read."""
        views = []
        for facet in facets:
            if self.fitted_model(facet) is None:
                continue
            for trace in traces:
                try:
                    text = preprocess(trace, facet)
                    if text is not None:
                        views.append(fitted.text_views(facet, messages_of(trace), text))
                except Exception:  # summarize_trace records the error for this trace
                    continue
        fitted.embed_views(views)

    def summarize_trace(self, trace: dict, facets: list[Facet]) -> list[FacetOutput]:
        trace = bounded(trace)  # summarize passes it bounded already: then the same object
        tid = str(trace.get("id"))
        msgs = messages_of(trace)
        out: list[FacetOutput] = []
        texts: dict[tuple[str, int], str | None] = {}  # one render per preprocessor
        for facet in facets:
            key = (facet.preprocessor, facet.max_tokens)
            try:
                if key not in texts:
                    texts[key] = preprocess(trace, facet)
                text = texts[key]
                if text is None:
                    out.append(FacetOutput(tid, facet.name, "skipped"))
                    continue
                summary, label, labels = self._one(facet, text, msgs, trace)
            except NoLocalRules as e:
                out.append(FacetOutput(tid, facet.name, "skipped", error=str(e)))
                continue
            except Exception as e:  # one odd trace must never sink the partition
                out.append(
                    FacetOutput(tid, facet.name, "errored", error=f"{type(e).__name__}: {e}")
                )
                continue
            if summary is None:
                out.append(FacetOutput(tid, facet.name, "skipped", error="nothing to summarize"))
                continue
            if self.redact_pii:
                summary = redact(summary)
            done = finish(tid, facet, summary, label, labels=labels)
            if (fitted_model := self.fitted_model(facet)) is not None:
                done = replace(done, model=self.fitted_model_id(facet, fitted_model))
            out.append(done)
        return reconcile(out, facets)

    def fitted_model_id(self, facet: Facet, model: fitted.FittedModel) -> str:
        """What facet_summaries.model records when a fitted model gave the label:
        "local-rules-v1+fit:sentiment/v3" (the rules' version, the facet's key, the model's)."""
        return f"{self.model}+fit:{facet_key(facet.name)}/v{model.version}"

    def _one(
        self, facet: Facet, text: str, msgs: list[dict], trace: dict
    ) -> tuple[str | None, str | None, list[str] | None]:
        """(summary, label, every label that applies: None when the label is the only one)."""
        summary, label, evidence, labels = self._rules(facet, text, msgs, trace)
        model = self.fitted_model(facet)
        if model is None or summary is None:
            return summary, label, labels
        views = fitted.text_views(facet, msgs, text)
        mine, _ = model.predict(model.row(fitted.vectors(views), evidence))
        if mine == label:
            return summary, label, labels
        said = f"{label}: {summary}" if summary != label else str(label)
        # the fitted model's label replaces the rules' answer, their other labels with it
        return (
            f"{mine} by the model fitted on your labelled traces; the rules said {said}",
            mine,
            None,
        )

    def fit_rows(
        self, traces: list[dict], facet: Facet
    ) -> tuple[list[dict[str, str]], list[dict[str, float]]]:
        """Per trace, the text views and the rules' evidence a fitted model reads (the rules
        alone: no fitted model applies). Traces the facet skips get empty views and evidence."""
        views: list[dict[str, str]] = []
        evidence: list[dict[str, float]] = []
        for trace in map(bounded, traces):
            msgs = messages_of(trace)
            text = preprocess(trace, facet)
            if text is None:
                views.append({})
                evidence.append({})
                continue
            _, _, ev, _ = self._rules(facet, text, msgs, trace)
            views.append(fitted.text_views(facet, msgs, text))
            evidence.append(ev)
        return views, evidence

    def _rules(
        self, facet: Facet, text: str, msgs: list[dict], trace: dict
    ) -> tuple[str | None, str | None, dict[str, float], list[str] | None]:
        """(summary, label, evidence, labels): the rules' answer, what they found as named
        numbers (features of a fitted model; empty for the structural kinds), and every label
        that applies where there can be several (Issues: each problem; else None)."""
        kind = facet.local_kind
        if kind == "task":
            users = [
                t
                for m in msgs
                if m.get("role") == "user" and (t := content_text(m.get("content")).strip())
            ]
            return summarize_task(users or [text]), None, {}, None
        if kind == "sentiment":
            ready = self._sentiment.pop(id(trace), None)
            users, s = ready if ready is not None else _sentiment_signals(msgs)
            self._sentiment_layers(facet, users, s)
            label, reason = classify(s)
            evidence = {"rules:pos": s.pos, "rules:neg": s.neg, "rules:inferred": s.inferred,
                        "user turns (log)": math.log1p(len(users))}  # fmt: skip
            evidence |= {f"pos:{r}": w for r, w in s.why_pos.items()}
            evidence |= {f"neg:{r}": w for r, w in s.why_neg.items()}
            mode = self.prototype_mode(facet)
            # Rules decide where they found evidence; prototypes only where they found none.
            if mode == "only" or (mode == "fallback" and label == "NEUTRAL"):
                match = index_for(facet, default="NEUTRAL").classify(units_of("\n".join(users)))
                if match is not None:
                    label = match.label
                    reason = f"User wrote {clip(match.unit, 100)!r} ({match.label.lower()})."
                elif mode == "only":
                    label, reason = "NEUTRAL", "Nothing close to the labels' examples."
            return reason, label, evidence | {f"rules label:{label}": 1.0}, None
        if kind == "issues":
            threshold = float(facet.local.get("latency_threshold_s", 30))
            metrics = trace.get("metrics") if isinstance(trace.get("metrics"), dict) else {}
            heads = form_classifier.load() if self.classifier_on(facet) else None
            issues = detect_issues(
                msgs,
                metrics,
                latency_threshold_s=threshold,
                asks_human=_recent_user_turns(msgs, heads.asks_human) if heads else None,
                tool_trouble=heads.tool_trouble if heads else None,
            )
            summary, label = summarize_issues(issues)
            return summary, label, {}, issue_labels(issues)
        mode = self.prototype_mode(facet)
        index = index_for(facet) if mode != "off" else None
        if not has_local_rules(facet) and (index is None or not index.usable):
            if self.fitted_model(facet) is not None:  # the fitted model alone answers
                default = facet.default_label or "NONE"
                return default, default, {}, None
            raise NoLocalRules(
                f"facet {facet.name!r} has no keyword rules for the local backend; add labels[].keywords "
                "or rules, or labels with a description or examples, or use the openai backend"
            )
        summary, label = apply_rules(text, facet) if mode != "only" else (None, None)
        default = facet.default_label or "NONE"
        if index is not None and index.usable and label in (None, default):
            match = index.classify(units_of(text))
            if match is not None:
                summary, label = f"{match.label}: {clip(match.unit, 140)}", match.label
            elif summary is None:
                summary, label = default, default
        return summary, label, {f"rules label:{label}": 1.0}, None

"""Topic labels: names for topics at both levels, and the label audit.

One module per part, each importing only the ones before it:
- `words`: word lists and token patterns the others share;
- `cleaning`: the text a name may come from (`clean_for_naming`), readable values;
- `support`: the words a topic's traffic shares (`word_support`, `name_support`);
- `grammar`: which spans may be a name (`candidate_phrases`), `verb_forms`, `label_problems`;
- `audit`: the label audit of one map (`audit_topics`);
- `naming`: local KeyBERT-style phrase names (`name_topics`, `naming_inputs`);
- `labellers`: the labeller backends, local and Clio-style OpenAI-compatible, and
  `name_parents`.

The names below were imported from `labels` before it was split; they stay importable from
here so callers keep working (new code imports from the module that holds the name).
"""

from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics
from tracetopics_pipeline.core.topics.labels.cleaning import (
    clean_for_naming,
    identifier_words,
    readable_value,
)
from tracetopics_pipeline.core.topics.labels.grammar import (
    candidate_phrases,
    label_problems,
    verb_forms,
)
from tracetopics_pipeline.core.topics.labels.labellers import (
    Labeler,
    LocalLabeler,
    OpenAILabeler,
    ParentDescription,
    TopicDescription,
    labeler_from_settings,
    local_label,
    name_parents,
    name_parents_openai,
)
from tracetopics_pipeline.core.topics.labels.naming import (
    PARENT_NAMING,
    EmbedFn,
    NamingInput,
    name_topics,
    naming_inputs,
    tidy_phrase,
)
from tracetopics_pipeline.core.topics.labels.support import (
    CATEGORY_NOUNS,
    name_support,
    parent_support,
    word_support,
)

__all__ = [
    "CATEGORY_NOUNS",
    "PARENT_NAMING",
    "AuditedTopic",
    "EmbedFn",
    "Labeler",
    "LocalLabeler",
    "NamingInput",
    "OpenAILabeler",
    "ParentDescription",
    "TopicDescription",
    "audit_topics",
    "candidate_phrases",
    "clean_for_naming",
    "identifier_words",
    "label_problems",
    "labeler_from_settings",
    "local_label",
    "name_parents",
    "name_parents_openai",
    "name_support",
    "name_topics",
    "naming_inputs",
    "parent_support",
    "readable_value",
    "tidy_phrase",
    "verb_forms",
    "word_support",
]

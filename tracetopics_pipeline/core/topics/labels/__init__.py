"""Topic labels: names for topics at both levels, and the label audit.

One module per part, each importing only the ones before it:
- `words`: word lists and token patterns the others share;
- `questions`: the statement a question presupposes ("Why hasn't my card arrived" -> "Card
  hasn't arrived"), a candidate name;
- `cleaning`: the text a name may come from (`clean_for_naming`), readable values;
- `support`: the words a topic's traffic shares (`word_support`, `name_support`);
- `grammar`: which spans may be a name (`candidate_phrases`), `verb_forms`, `label_problems`;
- `audit`: the label audit of one map (`audit_topics`);
- `naming`: local KeyBERT-style phrase names (`name_topics`, `naming_inputs`);
- `labellers`: the labeller backends, local and Clio-style OpenAI-compatible, and
  `name_parents`.
"""

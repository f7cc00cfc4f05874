"""Topic labels: names for topics at both levels, and the label audit.

One module per part, each importing only the ones before it:
- `words`: word lists and token patterns the others share;
- `questions`: the statement a question presupposes ("Why hasn't my card arrived" -> "Card
  hasn't arrived"), a candidate name;
- `cleaning`: the text a name may come from (`clean_for_naming`), readable values;
- `support`: the words a topic's traffic shares (`word_support`, `name_support`), and how
  much of a parent's traffic its subtopics' words cover (`coverage`);
- `context`: a name read against its topic's texts (`word_context`, `context_problems`): cut
  from a longer phrase, a slot's filler, a name typed in lower case;
- `grammar`: which spans may be a name (`candidate_phrases`), `verb_forms`, `label_problems`;
- `audit`: the label audit of one map (`audit_topics`);
- `naming`: local KeyBERT-style phrase names (`name_topics`, `naming_inputs`);
- `labellers`: the labeller backends, local and Clio-style OpenAI-compatible, and
  `name_parents`.
"""

"""Stage 2, facets: every trace summarized through every facet → `facet_summaries`."""

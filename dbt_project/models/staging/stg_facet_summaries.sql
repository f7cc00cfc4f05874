select
    day,
    trace_id,
    facet,
    summary,
    label,
    -- every label that applies, label first (Issues: each problem of the trace)
    labels,
    status,
    -- what the facet says: the label for labelled facets, the summary otherwise
    coalesce(label, summary) as value
from {{ source('tracetopics', 'facet_summaries') }}

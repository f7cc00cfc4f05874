select
    day,
    trace_id,
    facet,
    summary,
    label,
    status,
    -- what the facet says: the label for labelled facets, the summary otherwise
    coalesce(label, summary) as value
from {{ source('tracetopics', 'facet_summaries') }}

select day, facet, processed, matched, excluded, errored, skipped
from {{ source('tracetopics', 'facet_coverage') }}

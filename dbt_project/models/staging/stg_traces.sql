-- One row per trace with the metadata and metrics the marts slice by.
select
    id as trace_id,
    day,
    created,
    project_id,
    session_id,
    metadata ->> '$.customer' as customer,
    lower(metadata ->> '$.plan_tier') as plan_tier,
    metadata ->> '$.user_id' as user_id,
    metrics.prompt_tokens as prompt_tokens,
    metrics.completion_tokens as completion_tokens,
    metrics.total_tokens as total_tokens,
    metrics.latency_s as latency_s,
    metrics.cost_usd as cost_usd
from {{ source('tracetopics', 'raw_traces') }}

-- One row per trace with the metadata and metrics the marts slice by.
select
    id as trace_id,
    day,
    created,
    project_id,
    session_id,
    {{ tt_json_text('metadata', 'customer') }} as customer,
    lower({{ tt_json_text('metadata', 'plan_tier') }}) as plan_tier,
    {{ tt_json_text('metadata', 'user_id') }} as user_id,
    {{ tt_struct_field('metrics', 'prompt_tokens', 'bigint') }} as prompt_tokens,
    {{ tt_struct_field('metrics', 'completion_tokens', 'bigint') }} as completion_tokens,
    {{ tt_struct_field('metrics', 'total_tokens', 'bigint') }} as total_tokens,
    {{ tt_struct_field('metrics', 'latency_s', 'double precision') }} as latency_s,
    {{ tt_struct_field('metrics', 'cost_usd', 'double precision') }} as cost_usd
from {{ source('tracetopics', 'raw_traces') }}

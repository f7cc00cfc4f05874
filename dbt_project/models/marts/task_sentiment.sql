-- Task topic x sentiment label. `share` is the share of the task topic's traces with that
-- sentiment (rows of one topic sum to 1); `share_of_traces` is of all classified traces.
select
    task_topic_id,
    {{ tt_any_value('task_topic_label') }} as task_topic_label,
    sentiment,
    count(*) as traces,
    count(*) / sum(count(*)) over (partition by task_topic_id) as share,
    count(*) / sum(count(*)) over () as share_of_traces,
    avg(total_tokens) as avg_total_tokens,
    avg(latency_s) as avg_latency_s
from {{ ref('trace_facts') }}
where task_topic_id is not null
group by task_topic_id, sentiment

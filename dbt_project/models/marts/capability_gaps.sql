-- Task topic (parent) x Issues topic (parent). A trace whose Issues facet found no agent-side
-- problem ("no issue", or -2 'NONE' before two levels) is a product gap when it went badly; any
-- issue topic (or -1 no_match) is an agent failure.
select
    task_topic_id,
    {{ tt_any_value('task_topic_label') }} as task_topic_label,
    issues_topic_id,
    {{ tt_any_value('issues_topic_label') }} as issues_topic_label,
    case when bool_and(issues_none) then 'product_gap' else 'agent_failure' end as gap_kind,
    count(*) as traces,
    count(*) / sum(count(*)) over (partition by task_topic_id) as share_of_task,
    avg(case when sentiment = 'NEGATIVE' then 1.0 else 0.0 end) as negative_share,
    avg(case when sentiment in ('NEGATIVE', 'MIXED') then 1.0 else 0.0 end) as negative_or_mixed_share
from {{ ref('trace_facts') }}
where task_topic_id is not null and issues_topic_id is not null
group by task_topic_id, issues_topic_id

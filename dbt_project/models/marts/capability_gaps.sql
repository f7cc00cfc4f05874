-- Task topic x Issues topic. issues_topic_id -2 ('NONE') = the agent had no problem: a
-- negative conversation there points at a product gap; otherwise at an agent failure.
select
    task_topic_id,
    {{ tt_any_value('task_topic_label') }} as task_topic_label,
    issues_topic_id,
    {{ tt_any_value('issues_topic_label') }} as issues_topic_label,
    case when issues_topic_id = -2 then 'product_gap' else 'agent_failure' end as gap_kind,
    count(*) as traces,
    count(*) / sum(count(*)) over (partition by task_topic_id) as share_of_task,
    avg(case when sentiment = 'NEGATIVE' then 1.0 else 0.0 end) as negative_share,
    avg(case when sentiment in ('NEGATIVE', 'MIXED') then 1.0 else 0.0 end) as negative_or_mixed_share
from {{ ref('trace_facts') }}
where task_topic_id is not null and issues_topic_id is not null
group by task_topic_id, issues_topic_id

-- Task topic (parent) x Issues topic (parent): the raw split a capability gap is read from.
-- `issue_side` says which side of the Issues facet a cell is on: 'none' (the agent had no
-- problem: "no issue", or -2 'NONE' before two levels) or 'agent' (any issue topic, or -1
-- no_match). It is no verdict: whether a Task topic is a product gap or an agent failure is
-- the home's, the digest's and the roadmap proposal's one rule (core/topics/changes.py
-- `capability_gaps` / `gap_verdict`: the topic's negative share stands out from the Task
-- traffic, and one side holds 60 % of its negative traces), which this SQL does not repeat
-- (review rv8 D1: every "No issue" cell was called a product_gap, 143 "gaps" where the home
-- found none).
select
    task_topic_id,
    {{ tt_any_value('task_topic_label') }} as task_topic_label,
    issues_topic_id,
    {{ tt_any_value('issues_topic_label') }} as issues_topic_label,
    case when bool_and(issues_none) then 'none' else 'agent' end as issue_side,
    count(*) as traces,
    count(*) / sum(count(*)) over (partition by task_topic_id) as share_of_task,
    avg(case when sentiment = 'NEGATIVE' then 1.0 else 0.0 end) as negative_share,
    avg(case when sentiment in ('NEGATIVE', 'MIXED') then 1.0 else 0.0 end) as negative_or_mixed_share
from {{ ref('trace_facts') }}
where task_topic_id is not null and issues_topic_id is not null
group by task_topic_id, issues_topic_id

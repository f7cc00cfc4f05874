-- Task topic (parent) x Issues topic (parent): the split a capability gap is read from, and the
-- Task topic's gap call. `issue_side` says which side of the Issues facet a cell is on: 'none'
-- (the agent had no problem: "no issue", or -2 'NONE' before two levels) or 'agent' (any issue
-- topic, or -1 no_match). The cells are all-time; the gap_* columns are the Task topic's call
-- (the same on each of its cells) by the one gap rule (macros/gap_rule.sql, which the digest,
-- the explorer's home and the roadmap proposal render too) over the last gap_window_days ending
-- on the latest classified day, the digest's default window: gap_kind product_gap /
-- agent_failure / unclear_gap (NULL: no gap), gap_reason (no_traces: none in the window),
-- gap_verdict (the side rule alone).
-- A calm "No issue" cell is no product gap (review rv8 D1: a per-cell kind called 143 "gaps"
-- on a home whose digest found none).
with gap_end as (
    select max(day) as end_day from {{ ref('stg_classifications') }}
),

-- per trace: negative (NULL without a Sentiment label) and issue (NULL without an Issues row
-- that says something): the digest's definitions (core/topics/changes.py FLAGS)
gap_flags as (
    select
        trace_id,
        bool_or(label in ('NEGATIVE', 'MIXED'))
            filter (where facet = 'Sentiment' and label is not null) as negative,
        bool_or(not (status = 'excluded' or upper(trim(coalesce(label, summary, ''))) like 'NONE%'))
            filter (where facet = 'Issues' and status in ('ok', 'excluded')) as issue
    from {{ ref('stg_facet_summaries') }}
    where facet in ('Sentiment', 'Issues')
    group by trace_id
),

gap_topics as (
    select
        c.topic_id,
        count(case when f.negative then 1 end) as neg,
        count(case when f.negative is not null then 1 end) as sent,
        count(case when f.issue then 1 end) as iss,
        count(case when f.issue is not null then 1 end) as iss_known,
        count(case when f.negative and f.issue then 1 end) as neg_agent,
        count(case when f.negative and not f.issue then 1 end) as neg_none
    from {{ ref('stg_classifications') }} as c
    cross join gap_end as e
    left join gap_flags as f on f.trace_id = c.trace_id
    where c.facet = 'Task' and c.day > e.end_day - {{ var('gap_window_days') }}
    group by c.topic_id
),

gap_units as (
    select
        g.*,
        sum(g.neg) over () as total_neg,
        sum(g.sent) over () as total_sent,
        sum(g.iss) over () as total_iss,
        sum(g.iss_known) over () as total_iss_known
    from gap_topics as g
),

gap_calls as (
    select topic_id, gap_kind, gap_reason, verdict
    from ({{ tt_gap_calls('gap_units', var('gap_min_lift'), var('gap_min_events'),
                          var('trend_min_z'), var('gap_min_side'), var('gap_side_share')) }})
        as calls
),

cells as (
    select
        task_topic_id,
        {{ tt_any_value('task_topic_label') }} as task_topic_label,
        issues_topic_id,
        {{ tt_any_value('issues_topic_label') }} as issues_topic_label,
        case when bool_and(issues_none) then 'none' else 'agent' end as issue_side,
        count(*) as traces,
        count(*) / sum(count(*)) over (partition by task_topic_id) as share_of_task,
        avg(case when sentiment = 'NEGATIVE' then 1.0 else 0.0 end) as negative_share,
        avg(case when sentiment in ('NEGATIVE', 'MIXED') then 1.0 else 0.0 end)
            as negative_or_mixed_share
    from {{ ref('trace_facts') }}
    where task_topic_id is not null and issues_topic_id is not null
    group by task_topic_id, issues_topic_id
)

select
    x.*,
    g.gap_kind,
    case when g.topic_id is null then 'no_traces' else g.gap_reason end as gap_reason,
    g.verdict as gap_verdict,
    {{ var('gap_window_days') }} as gap_window_days
from cells as x
left join gap_calls as g on g.topic_id = x.task_topic_id

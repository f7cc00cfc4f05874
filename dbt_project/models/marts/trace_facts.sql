-- One row per trace with every facet the marts slice by: the base of the other marts, and a
-- convenient wide table for BI tools.
with facets as (
    select
        trace_id,
        max(label) filter (where facet = 'Sentiment') as sentiment,
        bool_or(
            facet = 'Issues'
            and (status = 'excluded' or upper(trim(value)) like 'NONE%')
        ) as issues_none,
        max(label) filter (where facet = 'Churn risk') as churn_risk,
        max(trim(split_part(value, ':', 1))) filter (
            where facet = 'Competitor mention' and status = 'ok'
            and upper(trim(value)) not like 'NONE%'
        ) as competitor,
        max(label) filter (where facet = 'Feature request' and status = 'ok') as feature_request,
        max(label) filter (where facet = 'Pricing question' and status = 'ok') as pricing_question
    from {{ ref('stg_facet_summaries') }}
    group by trace_id
),

topics as (
    select
        trace_id,
        max(topic_id) filter (where facet = 'Task') as task_topic_id,
        max(topic_label) filter (where facet = 'Task') as task_topic_label,
        max(subtopic_id) filter (where facet = 'Task') as task_subtopic_id,
        max(subtopic_label) filter (where facet = 'Task') as task_subtopic_label,
        max(topic_id) filter (where facet = 'Issues') as issues_topic_id,
        max(topic_label) filter (where facet = 'Issues') as issues_topic_label
    from {{ ref('stg_classifications') }}
    group by trace_id
)

select
    t.trace_id,
    t.day,
    t.created,
    t.project_id,
    t.session_id,
    t.customer,
    t.plan_tier,
    {{ tier_weight('t.plan_tier') }} as account_weight,
    t.total_tokens,
    t.latency_s,
    t.cost_usd,
    case
        when f.sentiment in ('POSITIVE', 'NEUTRAL', 'NEGATIVE', 'MIXED') then f.sentiment
        else 'UNKNOWN'
    end as sentiment,
    c.task_topic_id,
    c.task_topic_label,
    c.task_subtopic_id,
    c.task_subtopic_label,
    -- Issues: the parent topic, the default label's own ("no issue") when the agent had no
    -- problem; -2 'NONE' for a no-problem trace no map placed yet (a map from before two
    -- levels), -1 'no_match' for a problem no topic matched, NULL when not summarized yet.
    case
        when c.issues_topic_id >= 0 then c.issues_topic_id
        when f.issues_none then -2
        when c.issues_topic_id = -1 then -1
    end as issues_topic_id,
    case
        when c.issues_topic_id >= 0 then c.issues_topic_label
        when f.issues_none then 'NONE'
        when c.issues_topic_id = -1 then 'no_match'
    end as issues_topic_label,
    coalesce(f.issues_none, false) as issues_none,
    f.churn_risk,
    f.competitor,
    f.feature_request,
    f.pricing_question
from {{ ref('stg_traces') }} as t
left join facets as f on f.trace_id = t.trace_id
left join topics as c on c.trace_id = t.trace_id

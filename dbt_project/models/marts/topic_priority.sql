-- One ranked row per Task topic over the trailing priority_window_days. Four components, each
-- 0..1 and in its own column, so "volume is not importance" shows in numbers:
--   volume_score   = traces / the biggest topic's traces
--   negative_score = share of the topic's traces that are NEGATIVE or MIXED
--   trend_score    = 1 growing, 0.5 flat, 0 fading (latest week of topic_trends_weekly)
--   account_score  = mean plan-tier weight of the traces (vars plan_tier_weights)
-- priority_score is their weighted sum (vars priority_weights).
{%- set w = var('priority_weights') %}
with recent as (
    select *
    from {{ ref('trace_facts') }}
    where task_topic_id >= 0
        and day > (select max(day) from {{ ref('trace_facts') }}) - {{ var('priority_window_days') }}
),

per_topic as (
    select
        task_topic_id,
        {{ tt_any_value('task_topic_label') }} as task_topic_label,
        count(*) as traces,
        count(distinct customer) as customers,
        avg(case when sentiment in ('NEGATIVE', 'MIXED') then 1.0 else 0.0 end) as negative_or_mixed_share,
        avg(account_weight) as account_value,
        avg(case when plan_tier = 'enterprise' then 1.0 else 0.0 end) as enterprise_share
    from recent
    group by task_topic_id
),

latest_trend as (
    select topic_id, trend, share_wow_growth
    from {{ ref('topic_trends_weekly') }}
    where facet = 'Task'
        and week_start = (select max(week_start) from {{ ref('topic_trends_weekly') }} where facet = 'Task')
),

scored as (
    select
        p.*,
        p.traces / sum(p.traces) over () as volume_share,
        coalesce(t.trend, 'flat') as trend,
        t.share_wow_growth,
        {{ tt_divide('p.traces', 'max(p.traces) over ()') }} as volume_score,
        p.negative_or_mixed_share as negative_score,
        cast(case coalesce(t.trend, 'flat') when 'growing' then 1 when 'fading' then 0 else 0.5 end
            as double precision) as trend_score,
        p.account_value as account_score
    from per_topic as p
    left join latest_trend as t on t.topic_id = p.task_topic_id
),

final as (
    select
        *,
        {{ w['volume'] }} * volume_score
        + {{ w['negative'] }} * negative_score
        + {{ w['trend'] }} * trend_score
        + {{ w['account'] }} * account_score as priority_score
    from scored
)

select
    row_number() over (order by priority_score desc, traces desc, task_topic_id) as priority_rank,
    task_topic_id,
    task_topic_label,
    traces,
    volume_share,
    customers,
    negative_or_mixed_share,
    trend,
    share_wow_growth,
    account_value,
    enterprise_share,
    volume_score,
    negative_score,
    trend_score,
    account_score,
    priority_score
from final

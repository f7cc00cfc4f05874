-- One ranked row per Task topic (parent) over the trailing priority_window_days: the score first, then
-- `why` (its parts in plain words), then the parts. Four components, each 0..1:
--   volume_score   = traces / the biggest topic's traces
--   negative_score = share of the topic's traces that are NEGATIVE or MIXED, shrunk toward the
--                    window's share (empirical Bayes: (negative + m * baseline) / (traces + m),
--                    m = priority_prior_traces), so a handful of traces cannot reach 1.0
--   trend_score    = 1 growing, 0.5 flat, 0 fading: the share of the last 7 days (ending on the
--                    latest day) against the 7 before, the digest's window (a calendar week
--                    still in progress compared one day with a whole week); the same
--                    thresholds as topic_trends_weekly
--   account_score  = mean plan-tier weight of the traces (vars plan_tier_weights), shrunk the
--                    same way toward the window's mean
-- priority_score is their weighted sum (vars priority_weights).
{%- set w = var('priority_weights') %}
{%- set m = var('priority_prior_traces') %}
with recent as (
    select *
    from {{ ref('trace_facts') }}
    where task_topic_id >= 0
        and day > (select max(day) from {{ ref('trace_facts') }}) - {{ var('priority_window_days') }}
),

-- the days the window holds data: fewer than priority_window_days when the data starts inside it
-- (a home holding 21 days read "of traffic in the last 28 days", review rv8 L3)
span as (
    select
        (select max(day) from {{ ref('trace_facts') }}) - min(day) + 1 as data_days
    from recent
),

baseline as (
    select
        avg(case when sentiment in ('NEGATIVE', 'MIXED') then 1.0 else 0.0 end) as negative_baseline,
        avg(account_weight) as account_baseline
    from recent
),

per_topic as (
    select
        task_topic_id,
        {{ tt_any_value('task_topic_label') }} as task_topic_label,
        count(*) as traces,
        count(distinct customer) as customers,
        sum(case when sentiment in ('NEGATIVE', 'MIXED') then 1.0 else 0.0 end) as negative_traces,
        sum(account_weight) as account_weight_sum,
        avg(case when plan_tier = 'enterprise' then 1.0 else 0.0 end) as enterprise_share
    from recent
    group by task_topic_id
),

-- The drill-down: the subtopic holding most of the topic's negative or mixed traces (ties: the
-- larger subtopic), where a product manager starts reading.
per_subtopic as (
    select
        task_topic_id,
        task_subtopic_id,
        {{ tt_any_value('task_subtopic_label') }} as task_subtopic_label,
        count(*) as traces,
        sum(case when sentiment in ('NEGATIVE', 'MIXED') then 1 else 0 end) as negative_traces
    from recent
    group by task_topic_id, task_subtopic_id
),

worst_subtopic as (
    select task_topic_id, top_negative_subtopic, top_negative_subtopic_traces, subtopics
    from (
        select
            task_topic_id,
            task_subtopic_label as top_negative_subtopic,
            negative_traces as top_negative_subtopic_traces,
            count(*) over (partition by task_topic_id) as subtopics,
            row_number() over (
                partition by task_topic_id
                order by negative_traces desc, traces desc, task_subtopic_id
            ) as rn
        from per_subtopic
    ) as ranked_subtopics
    where rn = 1
),

two_weeks as (
    select
        task_topic_id,
        case when day > (select max(day) from {{ ref('trace_facts') }}) - 7
            then 'now' else 'prev' end as part
    from {{ ref('trace_facts') }}
    where task_topic_id is not null
        and day > (select max(day) from {{ ref('trace_facts') }}) - 14
),

week_shares as (
    select
        task_topic_id as topic_id,
        sum(case when part = 'now' then 1 else 0 end) as now_volume,
        sum(case when part = 'prev' then 1 else 0 end) as prev_volume,
        {{ tt_divide("sum(case when part = 'now' then 1 else 0 end)",
                     "nullif((select count(*) from two_weeks where part = 'now'), 0)") }} as now_share,
        {{ tt_divide("sum(case when part = 'prev' then 1 else 0 end)",
                     "nullif((select count(*) from two_weeks where part = 'prev'), 0)") }} as prev_share
    from two_weeks
    group by task_topic_id
),

latest_trend as (
    select
        topic_id,
        case
            when prev_share is null then 'flat'  -- no traffic the week before: nothing to compare
            when now_volume >= {{ var('trend_min_volume') }}
                and now_share >= prev_share * (1 + {{ var('trend_share_change') }})
                and now_share > prev_share then 'growing'
            when prev_volume >= {{ var('trend_min_volume') }}
                and now_share <= prev_share * (1 - {{ var('trend_share_change') }}) then 'fading'
            else 'flat'
        end as trend,
        now_share / nullif(prev_share, 0) - 1 as share_wow_growth
    from week_shares
),

scored as (
    select
        p.task_topic_id,
        p.task_topic_label,
        p.traces,
        p.customers,
        p.enterprise_share,
        {{ tt_divide('p.traces', 'sum(p.traces) over ()') }} as volume_share,
        {{ tt_divide('p.negative_traces', 'p.traces') }} as negative_or_mixed_share,
        b.negative_baseline,
        {{ tt_divide('p.account_weight_sum', 'p.traces') }} as account_value,
        coalesce(t.trend, 'flat') as trend,
        t.share_wow_growth,
        row_number() over (order by p.traces desc, p.task_topic_id) as volume_rank,
        {{ tt_divide('p.traces', 'max(p.traces) over ()') }} as volume_score,
        (p.negative_traces + {{ m }} * b.negative_baseline) / (p.traces + {{ m }}) as negative_score,
        cast(case coalesce(t.trend, 'flat') when 'growing' then 1 when 'fading' then 0 else 0.5 end
            as double precision) as trend_score,
        (p.account_weight_sum + {{ m }} * b.account_baseline) / (p.traces + {{ m }}) as account_score,
        ws.subtopics,
        ws.top_negative_subtopic,
        ws.top_negative_subtopic_traces,
        sp.data_days
    from per_topic as p
    cross join baseline as b
    cross join span as sp
    left join worst_subtopic as ws on ws.task_topic_id = p.task_topic_id
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
    priority_score,
    -- The parts of the score in words: pain, trend, accounts, and the volume rank last (review
    -- rv7 P2: "#4 ... #13 by volume" led with a rank the ranking is not by).
    {{ tt_pct('negative_or_mixed_share') }} || ' negative or mixed vs '
        || {{ tt_pct('negative_baseline') }} || ' overall'
        || case when traces < {{ m }}
            then ' (only ' || cast(traces as varchar)
                || case when traces = 1 then ' trace' else ' traces' end || ': scored as '
                || {{ tt_pct('negative_score') }} || ', pulled toward the average)'
            else '' end
        || '; ' || trend
        || case when share_wow_growth is not null
            then ' (share ' || case when share_wow_growth >= 0 then '+' else '' end
                || {{ tt_pct('share_wow_growth') }} || ' week over week'
                -- a PM reads +17 % as growth: say why it is no trend
                || case when trend <> 'flat' then ')'
                    when abs(share_wow_growth) < {{ var('trend_share_change') }}
                    then ', within the ±' || {{ tt_pct(var('trend_share_change')) }}
                        || ' a trend needs)'
                    else ', on too few traces to call a trend)' end
            else '' end
        -- "account score": the shrunk one, not account_value's raw mean (review rv8 P2)
        || '; ' || {{ tt_pct('enterprise_share') }} || ' enterprise, account score '
        || cast(cast(round(100 * account_score) as integer) as varchar) || '/100'
        || '; #' || cast(volume_rank as varchar) || ' by volume: ' || cast(traces as varchar)
        || case when traces = 1 then ' trace (' else ' traces (' end
        || {{ tt_pct_small('volume_share') }} || ' of traffic in '
        || case when data_days < {{ var('priority_window_days') }}
            then 'the ' || cast(data_days as varchar) || ' days there are)'
            else 'the last ' || cast({{ var('priority_window_days') }} as varchar) || ' days)' end
        as why,
    {{ var('priority_window_days') }} as window_days,
    cast(least(data_days, {{ var('priority_window_days') }}) as integer) as data_days,
    task_topic_id,
    task_topic_label,
    subtopics,
    top_negative_subtopic,
    top_negative_subtopic_traces,
    traces,
    volume_share,
    customers,
    negative_or_mixed_share,
    negative_baseline,
    trend,
    share_wow_growth,
    account_value,
    enterprise_share,
    volume_score,
    negative_score,
    trend_score,
    account_score
from final

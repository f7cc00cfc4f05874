-- One ranked row per Task topic (parent) over the trailing priority_window_days: the score first, then
-- `why` (its parts in plain words), then the parts. Four components, each 0..1:
--   volume_score   = traces / the biggest topic's traces
--   negative_score = share of the topic's traces that are NEGATIVE or MIXED, shrunk toward the
--                    window's share (empirical Bayes: (negative + m * baseline) / (traces + m),
--                    m = priority_prior_traces), so a handful of traces cannot reach 1.0
--   trend_score    = 1 growing, 0.5 flat, new or returning (no baseline, no direction measured:
--                    volume and pain rank them), 0 fading: the one trend rule
--                    (macros/trend_rule.sql, the digest's Growing / Fading / New) on the share
--                    of the last trend_window_days
--                    (ending on the latest day) against as many before, the digest's window (a
--                    calendar week still in progress compared one day with a whole week)
--   account_score  = mean plan-tier weight of the traces (vars plan_tier_weights, from
--                    TRACETOPICS_PLAN_WEIGHTS: none by default, every trace the same), shrunk
--                    the same way toward the window's mean
-- priority_score is their weighted sum (vars priority_weights).
{%- set w = var('priority_weights') %}
{%- set m = var('priority_prior_traces') %}
{%- set tw = var('trend_window_days') %}
{#- the configured plan of the highest account value ('' when no plan is configured): the plan
    enterprise_share and the why name (review rv13 M3: it was 'enterprise', hard-coded) -#}
{%- set top = tt_top_plan() | trim %}
{%- set over = 'week over week' if tw == 7 else 'against the ' ~ tw ~ ' days before' %}
{#- a topic with no earlier window to compare with is not "flat" (review rv13 M5) -#}
{%- set now = 'this week' if tw == 7 else 'in the last ' ~ tw ~ ' days' %}
{%- set no_earlier = 'no earlier week to compare' if tw == 7
    else 'no earlier ' ~ tw ~ ' days to compare' %}
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
        {% if top -%}
        avg(case when plan_tier = '{{ top | replace("'", "''") }}' then 1.0 else 0.0 end)
        {%- else -%}
        cast(null as double precision)
        {%- endif %} as enterprise_share
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

-- The trend: the one trend rule (macros/trend_rule.sql, the digest's Growing / Fading) over the
-- last trend_window_days ending on the latest classified day against as many before, on the
-- Task facet's share of classified traces (no_match counted in the totals).
trend_end as (
    select max(day) as end_day from {{ ref('stg_classifications') }}
),

trend_rows as (
    select c.topic_id, c.day > e.end_day - {{ var('trend_window_days') }} as cur
    from {{ ref('stg_classifications') }} as c
    cross join trend_end as e
    where c.facet = 'Task' and c.day > e.end_day - 2 * {{ var('trend_window_days') }}
),

trend_prev_days as (
    select count(distinct c.day) as prev_days
    from {{ ref('stg_classifications') }} as c
    cross join trend_end as e
    where c.day <= e.end_day - {{ var('trend_window_days') }}
        and c.day > e.end_day - 2 * {{ var('trend_window_days') }}
),

-- the topics' traces before the two windows: a topic absent from the window before is new
-- (none) or returning (some)
trend_older as (
    select c.topic_id, count(*) as n_older
    from {{ ref('stg_classifications') }} as c
    cross join trend_end as e
    where c.facet = 'Task' and c.day <= e.end_day - 2 * {{ var('trend_window_days') }}
    group by c.topic_id
),

trend_units as (
    select
        'Task' as facet,
        r.topic_id,
        count(case when r.cur then 1 end) as n_now,
        count(case when not r.cur then 1 end) as n_prev,
        coalesce(max(o.n_older), 0) as n_older,
        (select count(*) from trend_rows where cur) as total_now,
        (select count(*) from trend_rows where not cur) as total_prev,
        (select prev_days from trend_prev_days) as prev_days,
        {{ var('trend_window_days') }} as now_days,  -- the window ends on the latest day: whole
        {{ var('trend_window_days') }} as window_days
    from trend_rows as r
    left join trend_older as o on o.topic_id = r.topic_id
    group by r.topic_id
),

latest_trend as (
    select topic_id, trend, trend_reason, share_change as share_wow_growth, z, prev_days,
        n_now, n_prev, n_older
    from ({{ tt_trend_calls('trend_units', ['facet'], var('trend_min_volume'),
                            var('trend_share_change'), var('trend_min_z'), var('trend_fdr'),
                            var('trend_min_new')) }})
        as calls
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
        case when t.topic_id is null then 'no_traces' else t.trend_reason end as trend_reason,
        t.share_wow_growth,
        t.z as trend_z,
        coalesce(t.prev_days, 0) as trend_prev_days,
        coalesce(t.n_now, 0) as trend_traces,
        coalesce(t.n_prev, 0) as trend_prev_traces,
        coalesce(t.n_older, 0) as trend_older_traces,
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
        || '; '
        -- The trend, or why there is none. "flat" is a comparison that found no change: a topic
        -- with nothing to compare with is never called flat (review rv13 M5: "flat" with no
        -- earlier week in the data, or for a topic first seen this week).
        || case
            when trend_reason = 'no_traces' then 'no traces in the last '
                || cast(2 * {{ tw }} as varchar) || ' days'
            -- no earlier window: the data starts inside it (none, or a few of its days)
            when trend_reason = 'too_few_days_before' then '{{ no_earlier }} (the {{ tw }} days '
                || 'before hold traces on ' || cast(trend_prev_days as varchar) || ' of their '
                || 'days only)'
            when trend_reason = 'no_traces_before' and trend_prev_days = 0
                then '{{ no_earlier }} (the data starts in the last {{ tw }} days)'
            -- too few traces for the rule's new / returning, but the first in the window
            when trend_reason = 'no_traces_before' and trend_traces > 0 and trend_prev_traces = 0
                then case when trend_older_traces = 0 then 'new {{ now }} (' else 'back {{ now }} ('
                    end || cast(trend_traces as varchar)
                || case when trend_traces = 1 then ' trace' else ' traces' end
                || case when trend_older_traces = 0 then ', none before: '
                    else ', none in the {{ tw }} days before: ' end
                || 'too few to call a trend, it takes {{ var('trend_min_new') }})'
            when trend_reason = 'no_traces_before'
                then '{{ no_earlier }} (no Task traces in the {{ tw }} days before)'
            else trend end
        || case
            when trend_reason in ('no_traces', 'too_few_days_before', 'no_traces_before') then ''
            -- no baseline: first seen in the window, or back after the days before held none
            when trend = 'new' then ' (first seen in the last {{ tw }} days: '
                || cast(trend_traces as varchar)
                || case when trend_traces = 1 then ' trace' else ' traces' end || ', none before)'
            when trend = 'returning' then ' (back: ' || cast(trend_traces as varchar)
                || case when trend_traces = 1 then ' trace' else ' traces' end
                || ' in the last {{ tw }} days, none in the {{ tw }} before, some earlier)'
            when share_wow_growth is null then ''
            else ' (share ' || case when share_wow_growth >= 0 then '+' else '' end
                -- under the threshold by the rule (unrounded) reads under it (rv12 L4)
                || case when trend_reason = 'small_change'
                    then {{ tt_pct_under('share_wow_growth', var('trend_share_change')) }}
                    else {{ tt_pct('share_wow_growth') }} end || ' '
                -- the days compared, honestly: fewer before when the data starts inside them
                || case when trend_prev_days < {{ tw }}
                    then 'against the ' || cast(trend_prev_days as varchar) || ' days there are before'
                    else '{{ over }}' end
                -- a PM reads +17 % as growth: say which part of the rule it falls short of
                || case trend_reason
                    when 'small_change' then ', within the ±'
                        || {{ tt_pct(var('trend_share_change')) }} || ' a trend needs)'
                    when 'few_traces' then ', on '
                        || cast(case when share_wow_growth > 0 then trend_traces
                            else trend_prev_traces end as varchar)
                        || ' traces: a trend needs {{ var('trend_min_volume') }})'
                    when 'not_significant' then ', not significant: z '
                        || cast(round(cast(trend_z as numeric), 1) as varchar)
                        || ', a trend needs {{ '%g' % var('trend_min_z') }})'
                    when 'false_discovery' then ', z '
                        || cast(round(cast(trend_z as numeric), 1) as varchar)
                        || ': not significant once every Task topic is tested, at a '
                        || {{ tt_pct(var('trend_fdr')) }} || ' false-discovery rate)'
                    else ')' end
            end
        -- "account score": the shrunk one, not account_value's raw mean (review rv8 P2); the
        -- top plan is the configured one, and with no plan configured accounts say nothing
        {% if top -%}
        || '; ' || {{ tt_pct('enterprise_share') }} || ' {{ top | replace("'", "''") }}, account score '
        || cast(cast(round(100 * account_score) as integer) as varchar) || '/100'
        {%- endif %}
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
    trend_reason,
    share_wow_growth,
    trend_z,
    trend_traces,
    trend_prev_traces,
    trend_prev_days,
    account_value,
    enterprise_share,
    {% if top -%} '{{ top | replace("'", "''") }}' {%- else -%} cast(null as varchar) {%- endif %}
        as top_plan,
    volume_score,
    negative_score,
    trend_score,
    account_score
from final

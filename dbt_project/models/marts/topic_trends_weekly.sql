-- Per facet, topic and ISO week (Monday start), on a dense grid so a topic that vanished
-- shows as a zero week. Trend flag: the one trend rule (macros/trend_rule.sql, the digest's
-- Growing / Fading) on the week's share against the week before's, tested over the facet's
-- topics of that week; week_days / prev_week_days say how many days of data each week holds.
-- The week in progress (today's ISO week) is not compared with whole weeks: flat, with
-- trend_reason window_in_progress (review rv9 L7: a 2-day week read 'growing' while the
-- digest's 28 days said fading).
with weekly as (
    select facet, topic_id, {{ tt_week_start('day') }} as week_start, count(*) as volume
    from {{ ref('stg_classifications') }}
    group by 1, 2, 3
),

week_totals as (
    select facet, week_start, sum(volume) as total from weekly group by facet, week_start
),

labels as (
    select distinct facet, topic_id, topic_label from {{ ref('stg_classifications') }}
),

grid as (
    select t.facet, t.topic_id, w.week_start, w.total
    from (select distinct facet, topic_id from weekly) as t
    join week_totals as w on w.facet = t.facet
),

dense as (
    select
        g.facet,
        g.topic_id,
        g.week_start,
        g.total,
        coalesce(w.volume, 0) as week_volume,
        coalesce(w.volume, 0) / g.total as week_share,
        -- the topic's traces up to this week (the grid holds every week of its facet's data)
        sum(coalesce(w.volume, 0)) over (
            partition by g.facet, g.topic_id order by g.week_start
            rows between unbounded preceding and current row
        ) as volume_to_date
    from grid as g
    left join weekly as w using (facet, topic_id, week_start)
),

compared as (
    select
        d.*,
        p.week_volume as prev_week_volume,
        p.week_share as prev_week_share,
        p.total as prev_total
    from dense as d
    left join dense as p
        on p.facet = d.facet and p.topic_id = d.topic_id
        and p.week_start = d.week_start - 7  -- DATE - days = DATE
),

-- the days of each week that hold classified traces (any facet)
week_days as (
    select {{ tt_week_start('day') }} as week_start, count(distinct day) as days
    from {{ ref('stg_classifications') }}
    group by 1
),

trend_units as (
    select
        c.facet,
        c.week_start,
        c.topic_id,
        c.week_volume as n_now,
        coalesce(c.prev_week_volume, 0) as n_prev,
        -- before the week before: a topic absent the week before is new or returning by these
        c.volume_to_date - c.week_volume - coalesce(c.prev_week_volume, 0) as n_older,
        c.total as total_now,
        coalesce(c.prev_total, 0) as total_prev,
        coalesce(pd.days, 0) as prev_days,
        -- the week's days up to the latest classified day: under 7 for the week in progress
        least(7, cast(ld.last_day - c.week_start as integer) + 1) as now_days,
        7 as window_days
    from compared as c
    left join week_days as pd on pd.week_start = c.week_start - 7
    cross join (select max(day) as last_day from {{ ref('stg_classifications') }}) as ld
),

calls as (
    select facet, week_start, topic_id, trend, trend_reason
    from ({{ tt_trend_calls('trend_units', ['facet', 'week_start'], var('trend_min_volume'),
                            var('trend_share_change'), var('trend_min_z'), var('trend_fdr'),
                            var('trend_min_new')) }})
        as rule
)

select
    c.facet,
    c.topic_id,
    l.topic_label,
    c.week_start,
    {{ tt_iso_week('c.week_start') }} as iso_week,
    cast(coalesce(wd.days, 0) as integer) as week_days,
    c.week_volume,
    c.week_share,
    cast(coalesce(pd.days, 0) as integer) as prev_week_days,
    c.prev_week_volume,
    c.prev_week_share,
    {{ tt_divide('(c.week_volume - c.prev_week_volume)', 'nullif(c.prev_week_volume, 0)') }} as wow_growth,
    c.week_share / nullif(c.prev_week_share, 0) - 1 as share_wow_growth,
    k.trend,
    k.trend_reason
from compared as c
join labels as l using (facet, topic_id)
join calls as k using (facet, week_start, topic_id)
left join week_days as wd on wd.week_start = c.week_start
left join week_days as pd on pd.week_start = c.week_start - 7

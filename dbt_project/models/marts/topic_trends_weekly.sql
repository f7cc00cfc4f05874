-- Per facet, topic and ISO week (Monday start), on a dense grid so a topic that vanished
-- shows as a zero week. Trend flag: share moved by >= trend_share_change (relative) with the
-- minimum-volume rule (growing needs trend_min_volume traces this week, fading last week).
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
        coalesce(w.volume, 0) as week_volume,
        coalesce(w.volume, 0) / g.total as week_share
    from grid as g
    left join weekly as w using (facet, topic_id, week_start)
),

compared as (
    select
        d.*,
        p.week_volume as prev_week_volume,
        p.week_share as prev_week_share
    from dense as d
    left join dense as p
        on p.facet = d.facet and p.topic_id = d.topic_id
        and p.week_start = d.week_start - 7  -- DATE - days = DATE
)

select
    c.facet,
    c.topic_id,
    l.topic_label,
    c.week_start,
    {{ tt_iso_week('c.week_start') }} as iso_week,
    c.week_volume,
    c.week_share,
    c.prev_week_volume,
    c.prev_week_share,
    {{ tt_divide('(c.week_volume - c.prev_week_volume)', 'nullif(c.prev_week_volume, 0)') }} as wow_growth,
    c.week_share / nullif(c.prev_week_share, 0) - 1 as share_wow_growth,
    case
        when c.prev_week_share is null then 'flat'  -- no data the week before: nothing to compare
        when c.week_volume >= {{ var('trend_min_volume') }}
            and c.week_share >= c.prev_week_share * (1 + {{ var('trend_share_change') }})
            and c.week_share > c.prev_week_share then 'growing'
        when c.prev_week_volume >= {{ var('trend_min_volume') }}
            and c.week_share <= c.prev_week_share * (1 - {{ var('trend_share_change') }}) then 'fading'
        else 'flat'
    end as trend
from compared as c
join labels as l using (facet, topic_id)

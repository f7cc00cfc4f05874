-- Per facet, topic and day: daily volume and share of the facet's classified traces that day,
-- with the ISO week's volume, share, week-over-week growth and trend flag (topic_trends_weekly).
with daily as (
    select facet, topic_id, day, count(*) as volume
    from {{ ref('stg_classifications') }}
    group by facet, topic_id, day
)

select
    d.facet,
    d.topic_id,
    w.topic_label,
    d.day,
    w.week_start,
    w.iso_week,
    d.volume,
    d.volume / sum(d.volume) over (partition by d.facet, d.day) as share,
    w.week_volume,
    w.week_share,
    w.prev_week_volume,
    w.prev_week_share,
    w.wow_growth,
    w.share_wow_growth,
    w.trend
from daily as d
join {{ ref('topic_trends_weekly') }} as w
    on w.facet = d.facet and w.topic_id = d.topic_id
    and w.week_start = {{ tt_week_start('d.day') }}

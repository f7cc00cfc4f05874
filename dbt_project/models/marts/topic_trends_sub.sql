-- The drill-down of topic_trends: per facet, parent topic, subtopic and day, the subtopic's
-- volume, its share of its parent's traces that day and of the facet's classified traces.
with daily as (
    select
        facet,
        topic_id,
        subtopic_id,
        day,
        {{ tt_any_value('topic_label') }} as topic_label,
        {{ tt_any_value('subtopic_label') }} as subtopic_label,
        count(*) as volume
    from {{ ref('stg_classifications') }}
    group by facet, topic_id, subtopic_id, day
)

select
    facet,
    topic_id,
    topic_label,
    subtopic_id,
    subtopic_label,
    day,
    {{ tt_week_start('day') }} as week_start,
    volume,
    volume / sum(volume) over (partition by facet, topic_id, day) as share_of_topic,
    volume / sum(volume) over (partition by facet, day) as share
from daily

-- One row per trace x facet (the newest map's classification if a trace has several), with
-- one label per (facet, topic_id): a human override, else the label in the newest map.
-- topic_id / topic_label are the PARENT topic (the level the marts group by); subtopic_id /
-- subtopic_label the fine topic under it (the parent itself for rows from before two levels).
with ranked as (
    select
        *,
        row_number() over (
            partition by trace_id, facet order by map_id desc nulls last, distance
        ) as rn
    from {{ source('tracetopics', 'classifications') }}
),

latest as (
    select
        day,
        trace_id,
        facet,
        coalesce(topic_id, -1) as topic_id,
        label,
        case when coalesce(topic_id, -1) < 0 then -1 else coalesce(subtopic_id, topic_id) end
            as subtopic_id,
        coalesce(subtopic, label) as subtopic,
        distance,
        map_id
    from ranked
    where rn = 1
)

select
    c.day,
    c.trace_id,
    c.facet,
    c.topic_id,
    {{ latest_label('c', 'topic_id', 'label', 'o.label') }} as topic_label,
    c.subtopic_id,
    {{ latest_label('c', 'subtopic_id', 'subtopic', 'so.label') }} as subtopic_label,
    c.distance,
    c.map_id,
    c.topic_id >= 0 as is_match
from latest as c
left join {{ source('tracetopics', 'topic_overrides') }} as o
    on o.facet = c.facet and o.topic_id = c.topic_id and o.label is not null
left join {{ source('tracetopics', 'topic_overrides') }} as so
    on so.facet = c.facet and so.topic_id = c.subtopic_id and so.label is not null

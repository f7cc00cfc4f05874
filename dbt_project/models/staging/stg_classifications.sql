-- One row per trace x facet (the newest map's classification if a trace has several), with
-- one label per (facet, topic_id): a human override, else the label in the newest map.
with ranked as (
    select
        *,
        row_number() over (
            partition by trace_id, facet order by map_id desc nulls last, distance
        ) as rn
    from {{ source('tracetopics', 'classifications') }}
),

latest as (
    select day, trace_id, facet, topic_id, label, distance, map_id from ranked where rn = 1
)

select
    c.day,
    c.trace_id,
    c.facet,
    coalesce(c.topic_id, -1) as topic_id,
    case
        when coalesce(c.topic_id, -1) < 0 then 'no_match'
        else coalesce(
            o.label,
            first_value(c.label) over (
                partition by c.facet, c.topic_id order by c.map_id desc nulls last, c.day desc
            )
        )
    end as topic_label,
    c.distance,
    c.map_id,
    coalesce(c.topic_id, -1) >= 0 as is_match
from latest as c
left join {{ source('tracetopics', 'topic_overrides') }} as o
    on o.facet = c.facet and o.topic_id = c.topic_id and o.label is not null

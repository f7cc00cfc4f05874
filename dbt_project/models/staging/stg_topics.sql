-- Topics of built maps at both levels, with the map's day (the latest map per facet is the
-- current one). level 'parent' rows group the 'sub' rows whose parent_id they are.
select
    t.facet,
    t.map_id,
    m.day as map_day,
    t.topic_id,
    coalesce(t.level, 'sub') as level,
    t.parent_id,
    coalesce(o.label, t.label) as topic_label,
    t.keywords,
    t.size,
    t.share
from {{ source('tracetopics', 'topics') }} as t
join {{ source('tracetopics', 'topic_maps') }} as m
    on m.map_id = t.map_id and m.status = 'built'
left join {{ source('tracetopics', 'topic_overrides') }} as o
    on o.facet = t.facet and o.topic_id = t.topic_id and o.label is not null

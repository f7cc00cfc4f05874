-- Issues per day and category, counted two ways. A trace's label is its first problem (the
-- fixed precedence of the local rules), so `traces_labelled` is what the topic shares count;
-- `traces_any` counts every trace whose summary lists the category at all (labels), the
-- answer to "how many traces had a failed tool call?". NONE (no problem) is left out. Every
-- count is of distinct traces, so all three agree on what one trace is.
with issues as (
    select day, trace_id, label, labels
    from {{ ref('stg_facet_summaries') }}
    where facet = 'Issues' and status in ('ok', 'excluded') and label is not null
),

mentions as (
    select distinct day, trace_id, category
    from (select day, trace_id, {{ tt_list_elements('labels') }} as category from issues) as m
),

any_mention as (
    select day, category, count(distinct trace_id) as traces_any from mentions group by day, category
),

labelled as (
    select day, label as category, count(distinct trace_id) as traces_labelled
    from issues group by day, label
),

categories as (
    select day, category from any_mention
    union
    select day, category from labelled
),

totals as (
    select day, count(distinct trace_id) as traces from issues group by day
)

select
    c.day,
    c.category,
    coalesce(l.traces_labelled, 0) as traces_labelled,
    coalesce(a.traces_any, 0) as traces_any,
    coalesce(a.traces_any, 0) - coalesce(l.traces_labelled, 0) as traces_also,
    t.traces,
    {{ tt_divide('coalesce(l.traces_labelled, 0)', 't.traces') }} as share_labelled,
    {{ tt_divide('coalesce(a.traces_any, 0)', 't.traces') }} as share_any
from categories as c
join totals as t on t.day = c.day
left join any_mention as a on a.day = c.day and a.category = c.category
left join labelled as l on l.day = c.day and l.category = c.category
where c.category <> 'NONE'

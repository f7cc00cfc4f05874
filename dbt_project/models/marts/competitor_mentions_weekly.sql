-- Competitor mentions per ISO week (Monday start): the competitor is the part of the
-- "Competitor mention" facet before ':' ("Looker: wants Excel export" -> Looker).
with facts as (
    select *, {{ tt_week_start('day') }} as week_start
    from {{ ref('trace_facts') }}
),

week_totals as (
    select week_start, count(*) as week_traces from facts group by 1
)

select
    f.week_start,
    {{ tt_iso_week('f.week_start') }} as iso_week,
    f.competitor,
    count(*) as mentions,
    count(distinct f.customer) as customers,
    {{ tt_divide('count(*)', tt_any_value('w.week_traces')) }} as share_of_traces,
    avg(case when f.sentiment in ('NEGATIVE', 'MIXED') then 1.0 else 0.0 end) as negative_or_mixed_share,
    count(*) filter (where f.churn_risk in ('HIGH', 'CRITICAL')) as with_high_churn_risk
from facts as f
join week_totals as w using (week_start)
where f.competitor is not null
group by f.week_start, f.competitor

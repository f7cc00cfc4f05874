-- Per customer (metadata.customer; '(unknown)' when absent): how many traces carry each churn
-- risk level, the share at HIGH or CRITICAL among assessed traces, the worst level seen.
with per_customer as (
    select
        coalesce(customer, '(unknown)') as customer,
        {{ tt_arg_max('plan_tier', 'created') }} as plan_tier,
        count(*) as traces,
        count(churn_risk) as assessed_traces,
        count(*) filter (where churn_risk = 'CRITICAL') as critical_traces,
        count(*) filter (where churn_risk = 'HIGH') as high_traces,
        count(*) filter (where churn_risk = 'MEDIUM') as medium_traces,
        count(*) filter (where churn_risk = 'LOW') as low_traces,
        max(case churn_risk when 'CRITICAL' then 4 when 'HIGH' then 3 when 'MEDIUM' then 2
                            when 'LOW' then 1 end) as max_level,
        avg(case when sentiment in ('NEGATIVE', 'MIXED') then 1.0 else 0.0 end) as negative_or_mixed_share,
        max(created) filter (where churn_risk in ('HIGH', 'CRITICAL')) as last_high_risk_at,
        max(created) as last_seen_at
    from {{ ref('trace_facts') }}
    group by 1
)

select
    customer,
    plan_tier,
    traces,
    assessed_traces,
    critical_traces,
    high_traces,
    medium_traces,
    low_traces,
    {{ tt_divide('(critical_traces + high_traces)', 'nullif(assessed_traces, 0)') }} as high_or_critical_share,
    case max_level when 4 then 'CRITICAL' when 3 then 'HIGH' when 2 then 'MEDIUM' when 1 then 'LOW' end
        as max_churn_risk,
    negative_or_mixed_share,
    last_high_risk_at,
    last_seen_at,
    row_number() over (
        order by max_level desc nulls last, critical_traces + high_traces desc, traces desc, customer
    ) as risk_rank
from per_customer

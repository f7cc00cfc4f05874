{#- The one trend rule: which topics are growing or fading. dbt renders it into the marts
    (topic_priority.trend, topic_trends_weekly.trend) and the Python digest renders this same
    file with plain Jinja (core/topics/trend_rule.py) for its Growing / Fading lists, the
    explorer's home and the alerts: one text, so SQL users and the digest cannot disagree.
    Plain Jinja only in this file (no var(), ref() or dispatch): the caller passes the
    thresholds (dbt vars trend_min_volume, trend_share_change, trend_min_z, trend_fdr).
    Portable SQL (DuckDB and Postgres): no erf in either, so the normal tail is a polynomial.

    `units`: a relation (CTE name or parenthesized query) with one row per topic of a group:
      the `partition_by` columns (the group: facet, level, week, ...), topic_id,
      n_now / n_prev     the topic's traces in the window and in the window before,
      n_older            the topic's traces before the window before (0: never seen before it),
      total_now / total_prev   the group's classified traces in each (no_match included),
      prev_days          the days of the window before that hold classified traces,
      now_days           the window's days up to the data's latest day (fewer than window_days:
                         the window is still in progress, e.g. the ISO week of today),
      window_days        the window's length in days.
    trend is one of growing | fading | new | returning | flat.
    A topic with no traces in the window before has no baseline to grow from: it is `new` when it
    has none before that either (first seen in the window) and `returning` when it had some
    earlier (back after a window without traces), on min_new traces in the window or more
    (fewer: flat, no_traces_before), and only where the group's window before holds traffic on
    half its days or more (else every topic of a starting home would be new). Neither is a
    comparison of shares, so the window need not be over. A topic whose traces are all older
    than the window has n_now 0: never new.
    A topic is a test when it had traces before, is no
    `no_match`, the window is over (a week in progress holds a day or two of traffic whose share
    swings with the weekday mix: not compared with whole weeks, reason window_in_progress) and
    the window before holds data on half its days or more (fewer: the data starting, not
    growth). growing: n_now >= min_volume, share of the group up by min_change
    (relative) or more, two-proportion z >= min_z, kept by Benjamini-Hochberg at `fdr` over the
    group's growing tests; fading the mirror image (n_prev >= min_volume). trend_reason says
    why a topic is flat. -#}
{% macro tt_trend_calls(units, partition_by, min_volume, min_change, min_z, fdr, min_new,
                        no_match=-1) -%}
{%- set part = partition_by | join(', ') -%}
with tt_shares as (
    select
        u.*,
        cast(u.n_now as double precision) / nullif(u.total_now, 0) as share,
        cast(u.n_prev as double precision) / nullif(u.total_prev, 0) as prev_share,
        cast(u.n_now + u.n_prev as double precision)
            / nullif(u.total_now + u.total_prev, 0) as pooled_share
    from {{ units }} as u
),

tt_z as (
    select
        s.*,
        s.share / nullif(s.prev_share, 0) - 1 as share_change,
        coalesce(
            (s.share - s.prev_share) / nullif(sqrt(
                s.pooled_share * (1 - s.pooled_share)
                * (cast(1 as double precision) / nullif(s.total_now, 0)
                   + cast(1 as double precision) / nullif(s.total_prev, 0))
            ), 0),
            0
        ) as z,
        (s.topic_id <> {{ no_match }} and s.n_prev > 0 and s.total_now > 0 and s.total_prev > 0
            and s.now_days >= s.window_days and 2 * s.prev_days >= s.window_days) as compared,
        -- no baseline: first seen in the window (new) or back after a window without (returning)
        (s.topic_id <> {{ no_match }} and s.n_prev = 0 and s.n_now >= {{ min_new }}
            and s.total_prev > 0 and 2 * s.prev_days >= s.window_days) as appeared
    from tt_shares as s
),

tt_tests as (
    select
        t.*,
        t.compared and t.n_now >= {{ min_volume }} as grow_test,
        t.compared and t.n_prev >= {{ min_volume }} as fade_test,
        {{ tt_normal_tail('t.z') }} as grow_p,
        {{ tt_normal_tail('(-t.z)') }} as fade_p
    from tt_z as t
),

tt_ranked as (
    select
        r.*,
        row_number() over (partition by {{ part }}, r.grow_test order by r.grow_p, r.topic_id)
            as grow_rank,
        count(*) over (partition by {{ part }}, r.grow_test) as grow_tests,
        row_number() over (partition by {{ part }}, r.fade_test order by r.fade_p, r.topic_id)
            as fade_rank,
        count(*) over (partition by {{ part }}, r.fade_test) as fade_tests
    from tt_tests as r
),

-- Benjamini-Hochberg: the largest rank k whose p <= fdr * k / m; ranks up to k are kept
tt_cut as (
    select
        c.*,
        max(case when c.grow_test and c.grow_p <= {{ fdr }} * c.grow_rank / c.grow_tests
            then c.grow_rank end) over (partition by {{ part }}, c.grow_test) as grow_cut,
        max(case when c.fade_test and c.fade_p <= {{ fdr }} * c.fade_rank / c.fade_tests
            then c.fade_rank end) over (partition by {{ part }}, c.fade_test) as fade_cut
    from tt_ranked as c
),

tt_called as (
    select
        k.*,
        case
            when k.grow_test and k.grow_rank <= k.grow_cut
                and k.share_change >= {{ min_change }} and k.z >= {{ min_z }} then 'growing'
            when k.fade_test and k.fade_rank <= k.fade_cut
                and k.share_change <= -{{ min_change }} and k.z <= -{{ min_z }} then 'fading'
            when k.appeared and k.n_older = 0 then 'new'
            when k.appeared then 'returning'
            else 'flat'
        end as trend
    from tt_cut as k
)

select
    d.*,
    case
        when d.trend <> 'flat' then null
        when d.topic_id = {{ no_match }} then 'no_match'
        when d.total_prev = 0 or d.total_now = 0 then 'no_traces_before'
        when 2 * d.prev_days < d.window_days then 'too_few_days_before'
        -- fewer than min_new traces and none in the window before
        when d.n_prev = 0 then 'no_traces_before'
        when d.now_days < d.window_days then 'window_in_progress'
        when abs(d.share_change) < {{ min_change }} then 'small_change'
        when (d.share_change > 0 and d.n_now < {{ min_volume }})
            or (d.share_change < 0 and d.n_prev < {{ min_volume }}) then 'few_traces'
        when abs(d.z) < {{ min_z }} then 'not_significant'
        else 'false_discovery'
    end as trend_reason
from tt_called as d
{%- endmacro %}

{#- P(Z >= x) for a standard normal Z (Abramowitz & Stegun 26.2.17, absolute error < 7.5e-8);
    the exponent is bounded so Postgres never underflows. -#}
{% macro tt_normal_tail(x) -%}
    (case when {{ x }} >= 0 then 0 else 1 end
     + (case when {{ x }} >= 0 then 1 else -1 end)
       * exp(-least({{ x }} * {{ x }}, 1400) / 2) / 2.5066282746310002
       * (1 / (1 + 0.2316419 * abs({{ x }})))
       * (0.319381530 + (1 / (1 + 0.2316419 * abs({{ x }})))
          * (-0.356563782 + (1 / (1 + 0.2316419 * abs({{ x }})))
             * (1.781477937 + (1 / (1 + 0.2316419 * abs({{ x }})))
                * (-1.821255978 + (1 / (1 + 0.2316419 * abs({{ x }}))) * 1.330274429)))))
{%- endmacro %}

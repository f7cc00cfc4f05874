{#- The one capability-gap rule: which Task topics are product gaps, agent failures, or unhappy
    with the cause unclear. dbt renders it into marts.capability_gaps (the gap_* columns) and
    the Python side renders this same file with plain Jinja (core/topics/gap_rule.py) for the
    digest's and the explorer home's capability-gap sections, their "more pain than usual"
    test (tt_versus_scope) and the roadmap proposal: one text, so SQL users and the digest
    cannot disagree (as the trend rule, macros/trend_rule.sql).
    Plain Jinja only in this file (no var(), ref() or dispatch): the caller passes the
    thresholds (dbt vars gap_min_lift, gap_min_events, gap_min_side, gap_side_share,
    trend_min_z). Portable SQL (DuckDB and Postgres).

    `units`: a relation with one row per topic of a scope (a window of the Task traffic):
      topic_id,
      neg / sent         its traces that are negative or mixed / that Sentiment labelled,
      iss / iss_known    its traces with an agent issue / that Issues read,
      neg_agent / neg_none   its negative traces with an agent issue / where Issues says none,
      total_neg, total_sent, total_iss, total_iss_known   the same counts over the scope (the
                         topic's own traces included).
    Per topic:
      negative_vs / issue_vs   above | below | same: the topic against its scope
                         (tt_versus_scope), on the negative share and the agent-issue share;
      negative_lifted    the negative share is min_lift times the scope's (or what it leaves
                         min_lift times smaller), the effect alone;
      verdict            the side rule on the negative traces Issues read: agent_failure /
                         product_gap when that side holds side_share of them and min_side or
                         more (fewer: too_few), else both;
      gap_kind           product_gap | agent_failure | unclear_gap | NULL (no gap): a topic at
                         least as unhappy as its scope, min_events negative traces read by
                         Issues; an agent failure when agent issues stand out and the negative
                         share is lifted; otherwise only a negative share that stands out makes
                         a gap: a product gap on its side, unclear when neither side dominates
                         (min_side read) or agent issues do not stand out;
      gap_reason         why an unclear gap is unclear (neither_dominates, agent_issue_not_above,
                         negative_not_lifted) or why there is no gap (no_match, few_read,
                         no_sentiment, not_unhappier, too_few, not_above). -#}
{% macro tt_gap_calls(units, min_lift, min_events, min_z, min_side, side_share, no_match=-1) -%}
with tt_gap_tests as (
    select
        u.*,
        u.neg_agent + u.neg_none as neg_read,
        {{ tt_versus_scope('u.neg', 'u.sent', 'u.total_neg', 'u.total_sent',
                           min_lift, min_events, min_z) }} as negative_vs,
        {{ tt_versus_scope('u.iss', 'u.iss_known', 'u.total_iss', 'u.total_iss_known',
                           min_lift, min_events, min_z) }} as issue_vs,
        coalesce({{ tt_lifted(tt_rate('u.neg', 'u.sent'), tt_rate('u.total_neg', 'u.total_sent'),
                              min_lift) }}, false) as negative_lifted,
        case
            when u.neg_agent + u.neg_none > 0
                and {{ tt_rate('u.neg_agent', 'u.neg_agent + u.neg_none') }} >= {{ side_share }}
                then case when u.neg_agent >= {{ min_side }} then 'agent_failure' else 'too_few' end
            when u.neg_agent + u.neg_none > 0
                and {{ tt_rate('u.neg_none', 'u.neg_agent + u.neg_none') }} >= {{ side_share }}
                then case when u.neg_none >= {{ min_side }} then 'product_gap' else 'too_few' end
            else 'both'
        end as verdict
    from {{ units }} as u
),

tt_gap_called as (
    select
        t.*,
        case
            when t.topic_id = {{ no_match }} then 'no_match'
            when t.neg_read < {{ min_events }} then 'few_read'
            when t.sent = 0 or t.total_sent = 0 then 'no_sentiment'
            when {{ tt_rate('t.neg', 't.sent') }} < {{ tt_rate('t.total_neg', 't.total_sent') }}
                then 'not_unhappier'
            when t.verdict = 'too_few' or (t.verdict = 'both' and t.neg_read < {{ min_side }})
                then 'too_few'
            when t.verdict = 'agent_failure' and t.issue_vs = 'above' and t.negative_lifted
                then null
            when t.negative_vs <> 'above' then 'not_above'
            when t.verdict = 'both' then 'neither_dominates'
            when t.verdict = 'agent_failure' and t.issue_vs <> 'above' then 'agent_issue_not_above'
            when t.verdict = 'agent_failure' then 'negative_not_lifted'
        end as gap_reason
    from tt_gap_tests as t
)

select
    g.*,
    case
        when g.gap_reason is null then g.verdict
        when g.gap_reason in ('neither_dominates', 'agent_issue_not_above', 'negative_not_lifted')
            then 'unclear_gap'
    end as gap_kind
from tt_gap_called as g
{%- endmacro %}

{#- x / n as a double, NULL when n is 0. -#}
{% macro tt_rate(x, n) -%}
    (cast({{ x }} as double precision) / nullif({{ n }}, 0))
{%- endmacro %}

{#- The rate is min_lift times the base, or what it leaves is min_lift times smaller: the
    effect tt_versus_scope asks for, without its significance test. -#}
{% macro tt_lifted(rate, base, min_lift) -%}
    ({{ rate }} >= {{ min_lift }} * {{ base }} or (1 - {{ rate }}) * {{ min_lift }} <= 1 - {{ base }})
{%- endmacro %}

{#- Two-proportion z of a/n1 against b/n0 (pooled); 0 when either side is empty or nothing
    varies. -#}
{% macro tt_two_proportion_z(a, n1, b, n0) -%}
    coalesce(
        case when {{ n1 }} > 0 and {{ n0 }} > 0 then
            ({{ tt_rate(a, n1) }} - {{ tt_rate(b, n0) }})
            / nullif(sqrt(
                {{ tt_rate('(' ~ a ~ ') + (' ~ b ~ ')', '(' ~ n1 ~ ') + (' ~ n0 ~ ')') }}
                * (1 - {{ tt_rate('(' ~ a ~ ') + (' ~ b ~ ')', '(' ~ n1 ~ ') + (' ~ n0 ~ ')') }})
                * (cast(1 as double precision) / ({{ n1 }}) + cast(1 as double precision) / ({{ n0 }}))
            ), 0)
        end,
        0)
{%- endmacro %}

{#- above | below | same: a topic's rate x/n against its scope's total_x/total_n (the topic's
    traces included): min_lift times the scope's rate, or its rest (1 - rate) min_lift times
    smaller (so a scope that is mostly unhappy still lets a topic stand out: at 80 % a lift of
    1.3 would need 104 %), a two-proportion z of min_z against the rest of the scope, on
    min_events traces; `below` the mirror image. A topic that is most of its scope, or a
    handful of traces, is the same. -#}
{% macro tt_versus_scope(x, n, total_x, total_n, min_lift, min_events, min_z) -%}
{%- set z = tt_two_proportion_z(x, n, '(' ~ total_x ~ ') - (' ~ x ~ ')',
                                '(' ~ total_n ~ ') - (' ~ n ~ ')') -%}
{%- set rate = tt_rate(x, n) -%}
{%- set base = tt_rate(total_x, total_n) -%}
    (case
        when coalesce({{ n }}, 0) = 0 or coalesce({{ total_n }}, 0) = 0
            or coalesce({{ total_x }}, 0) = 0 then 'same'
        when {{ x }} >= {{ min_events }} and {{ z }} >= {{ min_z }}
            and {{ tt_lifted(rate, base, min_lift) }} then 'above'
        when ({{ total_x }}) - ({{ x }}) >= {{ min_events }} and {{ z }} <= -{{ min_z }}
            and {{ tt_lifted('(1 - ' ~ rate ~ ')', '(1 - ' ~ base ~ ')', min_lift) }} then 'below'
        else 'same'
    end)
{%- endmacro %}

{#- A 0..1 share as whole-number percent text, e.g. 0.237 -> '24%' (DuckDB and Postgres). -#}
{% macro tt_pct(share) -%}
    cast(cast(round(100 * ({{ share }})) as integer) as varchar) || '%'
{%- endmacro %}

{#- The same with one decimal under 1 %, so a small topic is not "0%" of traffic: 0.0024 -> '0.2%'. -#}
{% macro tt_pct_small(share) -%}
    case when ({{ share }}) < 0.01
        then cast(round(1000 * ({{ share }})) / 10.0 as varchar) || '%'
        else {{ tt_pct(share) }} end
{%- endmacro %}

{#- A share change the rule found under `limit` in magnitude, unrounded (trend_rule.sql's
    small_change), as percent text that reads under it too: whole percent, unless that rounds to
    the limit or past it, then one decimal cut toward zero, 0.2497 -> '24.9%', -0.2496 -> '-24.9%'
    (review rv12 L4: "share +25% ..., within the ±25% a trend needs"). -#}
{% macro tt_pct_under(share, limit) -%}
    case when round(100 * abs({{ share }})) >= round(100 * abs({{ limit }}))
        then cast(trunc(1000 * ({{ share }})) / 10.0 as varchar) || '%'
        else {{ tt_pct(share) }} end
{%- endmacro %}

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

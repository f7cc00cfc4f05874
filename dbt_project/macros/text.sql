{#- A 0..1 share as whole-number percent text, e.g. 0.237 -> '24%' (DuckDB and Postgres). -#}
{% macro tt_pct(share) -%}
    cast(cast(round(100 * ({{ share }})) as integer) as varchar) || '%'
{%- endmacro %}

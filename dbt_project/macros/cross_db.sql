{#- Cross-database pieces of the models. The duckdb__ versions emit exactly the SQL the models
    were written in (the default target); default__ versions are for Postgres (target
    `postgres`, docs/scaling.md), whose sources hold JSON/STRUCT columns as jsonb. -#}

{#- A text field of a JSON column (raw_traces.metadata). -#}
{% macro tt_json_text(column, key) -%}
    {{ return(adapter.dispatch('tt_json_text')(column, key)) }}
{%- endmacro %}
{% macro duckdb__tt_json_text(column, key) -%} {{ column }} ->> '$.{{ key }}' {%- endmacro %}
{% macro default__tt_json_text(column, key) -%} {{ column }} ->> '{{ key }}' {%- endmacro %}

{#- A typed field of a STRUCT column (raw_traces.metrics); jsonb outside DuckDB. -#}
{% macro tt_struct_field(column, field, type) -%}
    {{ return(adapter.dispatch('tt_struct_field')(column, field, type)) }}
{%- endmacro %}
{% macro duckdb__tt_struct_field(column, field, type) -%} {{ column }}.{{ field }} {%- endmacro %}
{% macro default__tt_struct_field(column, field, type) -%}
    cast({{ column }} ->> '{{ field }}' as {{ type }})
{%- endmacro %}

{#- Some value of the group (DuckDB's any_value skips NULLs; dbt.any_value on duckdb is arbitrary(), which does not). -#}
{% macro tt_any_value(expression) -%}
    {{ return(adapter.dispatch('tt_any_value')(expression)) }}
{%- endmacro %}
{% macro duckdb__tt_any_value(expression) -%} any_value({{ expression }}) {%- endmacro %}
{% macro default__tt_any_value(expression) -%} min({{ expression }}) {%- endmacro %}

{#- The value at the row where `by` is largest. -#}
{% macro tt_arg_max(value, by) -%}
    {{ return(adapter.dispatch('tt_arg_max')(value, by)) }}
{%- endmacro %}
{% macro duckdb__tt_arg_max(value, by) -%} arg_max({{ value }}, {{ by }}) {%- endmacro %}
{% macro default__tt_arg_max(value, by) -%}
    (array_agg({{ value }} order by {{ by }} desc nulls last))[1]
{%- endmacro %}

{#- Division that is never integer division (DuckDB's `/` always gives a DOUBLE). -#}
{% macro tt_divide(numerator, denominator) -%}
    {{ return(adapter.dispatch('tt_divide')(numerator, denominator)) }}
{%- endmacro %}
{% macro duckdb__tt_divide(numerator, denominator) -%} {{ numerator }} / {{ denominator }} {%- endmacro %}
{% macro default__tt_divide(numerator, denominator) -%}
    cast({{ numerator }} as double precision) / {{ denominator }}
{%- endmacro %}

{#- Monday of the ISO week of a DATE, as a DATE. -#}
{% macro tt_week_start(column) -%}
    {{ return(adapter.dispatch('tt_week_start')(column)) }}
{%- endmacro %}
{% macro duckdb__tt_week_start(column) -%} cast(date_trunc('week', {{ column }}) as date) {%- endmacro %}
{% macro default__tt_week_start(column) -%}
    cast(date_trunc('week', cast({{ column }} as timestamp)) as date)
{%- endmacro %}

{#- ISO week label of a DATE, e.g. 2026-W47. -#}
{% macro tt_iso_week(column) -%}
    {{ return(adapter.dispatch('tt_iso_week')(column)) }}
{%- endmacro %}
{% macro duckdb__tt_iso_week(column) -%} strftime({{ column }}, '%G-W%V') {%- endmacro %}
{% macro default__tt_iso_week(column) -%} to_char({{ column }}, 'IYYY-"W"IW') {%- endmacro %}

{#- One row per element of a list of text (facet_summaries.labels); jsonb outside DuckDB. -#}
{% macro tt_list_elements(column) -%}
    {{ return(adapter.dispatch('tt_list_elements')(column)) }}
{%- endmacro %}
{% macro duckdb__tt_list_elements(column) -%} unnest({{ column }}) {%- endmacro %}
{% macro default__tt_list_elements(column) -%} jsonb_array_elements_text({{ column }}) {%- endmacro %}

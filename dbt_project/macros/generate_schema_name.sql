{#- Use a model's custom schema as is (`marts`, not `main_marts`), so BI tools find
    warehouse.duckdb's marts.task_sentiment etc. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}

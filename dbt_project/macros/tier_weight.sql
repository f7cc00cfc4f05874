{#- Account value of a plan tier, from vars plan_tier_weights / plan_tier_default_weight. -#}
{% macro tier_weight(tier_column) -%}
    {%- set weights = var('plan_tier_weights') or {} -%}
    {%- if weights %}
    case lower({{ tier_column }})
    {%- for tier, weight in weights.items() %}
        when '{{ tier | lower | replace("'", "''") }}' then cast({{ weight }} as double precision)
    {%- endfor %}
        else cast({{ var('plan_tier_default_weight') }} as double precision)
    end
    {%- else -%}
    cast({{ var('plan_tier_default_weight') }} as double precision)
    {%- endif %}
{%- endmacro %}

{#- The configured plan tier of the highest account value (ties: the first by name), or none
    when no plan is configured: the tier topic_priority's enterprise_share and `why` name. -#}
{% macro tt_top_plan() -%}
    {%- set weights = var('plan_tier_weights') or {} -%}
    {%- set ns = namespace(top=none, weight=-1) -%}
    {%- for tier, weight in weights | dictsort -%}
        {%- if weight > ns.weight -%}
            {%- set ns.top = tier -%}
            {%- set ns.weight = weight -%}
        {%- endif -%}
    {%- endfor -%}
    {{- ns.top | lower if ns.top is not none else '' -}}
{%- endmacro %}

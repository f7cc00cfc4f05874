{#- Account value of a plan tier, from vars plan_tier_weights / plan_tier_default_weight. -#}
{% macro tier_weight(tier_column) -%}
    case {{ tier_column }}
    {%- for tier, weight in var('plan_tier_weights').items() %}
        when '{{ tier }}' then {{ weight }}
    {%- endfor %}
        else {{ var('plan_tier_default_weight') }}
    end
{%- endmacro %}

{#- The label a topic id reads as in stg_classifications: 'no_match' for a negative id, else a
    human override, else the label in the newest map (then the newest day). One definition for
    the parent and the subtopic level. -#}
{% macro latest_label(rel, id_column, label_column, override_label) -%}
    case
        when {{ rel }}.{{ id_column }} < 0 then 'no_match'
        else coalesce(
            {{ override_label }},
            first_value({{ rel }}.{{ label_column }}) over (
                partition by {{ rel }}.facet, {{ rel }}.{{ id_column }}
                order by {{ rel }}.map_id desc nulls last, {{ rel }}.day desc
            )
        )
    end
{%- endmacro %}

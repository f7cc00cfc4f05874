{#- Every row's value is at least another column's (a count that includes another). -#}
{% test at_least(model, column_name, other) %}
select {{ column_name }}, {{ other }}
from {{ model }}
where {{ column_name }} < {{ other }}
{% endtest %}

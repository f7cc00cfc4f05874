"""BTQL-style `--where` filters (`classifications.Task.label = "Billing"`) compiled to DuckDB."""

from __future__ import annotations

from sqlglot import exp

from tracetopics_pipeline.core.sql.errors import SqlRefused
from tracetopics_pipeline.core.sql.sandbox import (
    func_name,
    name_indexed_columns,
    parse,
    shift_indexes,
)


def _column_parts(col: exp.Column) -> list[str]:
    return [p.name for p in col.parts]


def compile_where(where: str) -> exp.Expression:
    """Compile a BTQL-style filter over project_logs columns into a DuckDB condition.

    - double-quoted strings are values: `facets.sentiment = "NEGATIVE"`;
    - `classifications.<Facet>.<field>` without an index means "any element":
      `classifications.Task.label = "Dataset creation"` matches a trace with that topic;
      `classifications.Task[0].label` is the first (nearest) element, 0-based;
    - `metadata.<path>` reads the JSON metadata as text: `metadata.plan_tier = "enterprise"`.
    """
    tree = parse(where, statement=False)
    if isinstance(tree, exp.Query):
        raise SqlRefused("--where takes a condition, not a query")

    def values(node: exp.Expression) -> exp.Expression:
        if (
            isinstance(node, exp.Column)
            and not node.table
            and isinstance(node.this, exp.Identifier)
            and node.this.quoted
        ):
            return exp.Literal.string(node.name)
        if isinstance(node, exp.Column) and node.parts and node.parts[0].name.lower() == "metadata":
            path = _column_parts(node)[1:]
            if path:
                return exp.func(
                    "json_extract_string",
                    exp.column("metadata"),
                    exp.Literal.string("$." + ".".join(path)),
                )
        return node

    tree = tree.transform(values)
    tree = shift_indexes(tree)

    def any_element(node: exp.Expression) -> exp.Expression:
        if not isinstance(node, exp.Predicate):
            return node
        paths = [
            c
            for c in node.find_all(exp.Column)
            if len(c.parts) == 3 and c.parts[0].name.lower() == "classifications"
        ]
        if not paths:
            return node
        facets_used = {c.parts[1].name.lower() for c in paths}
        if len(facets_used) > 1:
            raise SqlRefused("one condition can test one classification list at a time")
        facet = paths[0].parts[1].name
        pred = node.copy()
        for c in list(pred.find_all(exp.Column)):
            if len(c.parts) == 3 and c.parts[0].name.lower() == "classifications":
                c.replace(exp.column(c.parts[2].name, table="_e"))
        lst = exp.column(facet, table="classifications")
        matches = exp.func(
            "list_filter", lst, exp.Lambda(this=pred, expressions=[exp.to_identifier("_e")])
        )
        return exp.GT(
            this=exp.func("coalesce", exp.func("len", matches), exp.Literal.number(0)),
            expression=exp.Literal.number(0),
        )

    return tree.transform(any_element)


def asked_labels(where: str | None) -> list[tuple[str, str, str]]:
    """(facet, field, value) for each `classifications.<Facet>.label|subtopic = "value"` test in
    a --where filter: the values a notice checks against the labels the maps hold."""
    if not where:
        return []
    try:
        tree = parse(where, statement=False)
    except Exception:  # noqa: BLE001 - compile_where reports a broken filter
        return []

    def value(node: exp.Expression) -> str | None:
        if (
            isinstance(node, exp.Column)
            and not node.table
            and isinstance(node.this, exp.Identifier)
        ):
            return node.name if node.this.quoted else None
        return None

    out = []
    for eq in tree.find_all(exp.EQ):
        for path, val in ((eq.this, eq.expression), (eq.expression, eq.this)):
            parts = _column_parts(path) if isinstance(path, exp.Column) else []
            if (
                value(val) is not None
                and len(parts) == 3
                and parts[0].lower() == "classifications"
                and parts[2].lower() in ("label", "subtopic")
            ):
                out.append((parts[1], parts[2].lower(), value(val)))
    return out


def _apply_where(tree: exp.Expression, cond: exp.Expression) -> exp.Expression:
    """Filter every project_logs(...) the query reads by `cond`."""
    found = False
    for table in list(tree.find_all(exp.Table)):
        if isinstance(table.this, exp.Func) and func_name(table.this).lower() == "project_logs":
            found = True
            alias = table.alias or "project_logs"
            inner = exp.select("*").from_(exp.Table(this=table.this.copy())).where(cond.copy())
            table.replace(
                exp.Subquery(this=inner, alias=exp.TableAlias(this=exp.to_identifier(alias)))
            )
    if not found:
        raise SqlRefused("--where filters project_logs(...) rows, and the query reads none")
    return tree


DEFAULT_QUERY = (
    "SELECT id, created, facets, classifications FROM project_logs(NULL) "
    "ORDER BY created DESC LIMIT 100"
)


def to_duckdb(query: str, *, where: str | None = None) -> exp.Expression:
    """Parse 0-based SQL (plus an optional --where) into a DuckDB-ready, unchecked tree."""
    tree = shift_indexes(name_indexed_columns(parse(query or DEFAULT_QUERY)))
    if where:
        tree = _apply_where(tree, compile_where(where))
    return tree

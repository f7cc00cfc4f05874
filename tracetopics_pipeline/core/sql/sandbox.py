"""The 0-based dialect (`classifications.Task[0]` is the first element, as in the seed; DuckDB
itself is 1-based) and the sandbox: anything that is not one read-only query over the
warehouse's own relations is refused before it runs."""

from __future__ import annotations

import logging
import re

import duckdb
import sqlglot
from sqlglot import exp
from sqlglot.dialects.duckdb import DuckDB

from tracetopics_pipeline.core.sql.errors import SqlParseError, SqlRefused


class ZeroBasedDuckDB(DuckDB):
    """DuckDB SQL whose list indexes count from 0. sqlglot's own offset shifting is skipped
    (it only shifts what it can type); `shift_indexes` shifts every non-key index instead."""

    INDEX_OFFSET = 0


DIALECT = ZeroBasedDuckDB
# Table functions a query may read from; everything else (read_csv, glob, query, ...) is refused.
ALLOWED_TABLE_FUNCTIONS = {"project_logs", "range", "generate_series", "unnest"}
_DENIED_FUNCTION = re.compile(
    r"^(read_\w+|\w+_scan|glob|sniff_csv|parquet_\w+|query|query_table|getenv|"
    r"json_execute_serialized_sql|duckdb_secrets|load_extension|install_extension|"
    r"\w*http\w*|iceberg_\w+|delta_\w+|sqlite_\w+|postgres_\w+|mysql_\w+|checkpoint|"
    r"force_checkpoint|export_database|import_database|current_setting)$",
    re.IGNORECASE,
)
_ALLOWED_ROOTS = (exp.Query, exp.Values, exp.Describe, exp.Summarize)
_FORBIDDEN_NODES = (
    exp.Into,
    exp.Command,
    exp.Copy,
    exp.Insert,
    exp.Update,
    exp.Delete,
    exp.Create,
    exp.Drop,
    exp.Alter,
    exp.Set,
    exp.Pragma,
    exp.Attach,
    exp.Detach,
    exp.Use,
    exp.Transaction,
    exp.Commit,
    exp.Rollback,
)


def func_name(node: exp.Func) -> str:
    if isinstance(node, exp.Anonymous):
        return str(node.name)
    return node.sql_name()


def _int_literal(node: exp.Expression) -> int | None:
    if isinstance(node, exp.Literal) and not node.is_string and re.fullmatch(r"\d+", node.this):
        return int(node.this)
    if isinstance(node, exp.Neg) and _int_literal(node.this) is not None:
        return -int(node.this.this)
    return None


def _plus_one(node: exp.Expression) -> exp.Expression:
    n = _int_literal(node)
    if n is not None:
        # negative indexes count from the end in both dialects (-1 is the last element)
        return node if n < 0 else exp.Literal.number(n + 1)
    return exp.Add(this=exp.Paren(this=node), expression=exp.Literal.number(1))


def _positional(node: exp.Bracket) -> bool:
    idx = node.expressions[0] if len(node.expressions) == 1 else None
    return idx is not None and not (isinstance(idx, exp.Literal) and idx.is_string)


def name_indexed_columns(tree: exp.Expression) -> exp.Expression:
    """Alias each unnamed selected expression that indexes a list (`classifications.Task[0].label`)
    by its own 0-based text: without it DuckDB names the column after the shifted, 1-based
    translation (`(classifications.Task[1])."label"`, review rv8 L3)."""
    for select in list(tree.find_all(exp.Select)):
        for i, proj in enumerate(list(select.expressions)):
            if isinstance(proj, (exp.Alias, exp.Star)):
                continue
            if any(_positional(b) for b in proj.find_all(exp.Bracket)):
                name = proj.sql(dialect=DIALECT)
                select.expressions[i] = exp.alias_(proj, exp.to_identifier(name, quoted=True))
    return tree


def shift_indexes(tree: exp.Expression) -> exp.Expression:
    """Turn 0-based `x[i]` / `x[a:b]` (Python-style slice) into DuckDB's 1-based indexing."""
    for node in list(tree.find_all(exp.Bracket)):
        if len(node.expressions) != 1:
            continue
        idx = node.expressions[0]
        if isinstance(idx, exp.Slice):
            start, end = idx.args.get("this"), idx.args.get("expression")
            if start is not None:
                idx.set("this", _plus_one(start))
            n = _int_literal(end) if end is not None else None
            if n is not None and n < 0:  # Python's end is exclusive, DuckDB's inclusive
                idx.set("expression", exp.Literal.number(n - 1))
            continue
        if isinstance(idx, exp.Literal) and idx.is_string:
            continue  # struct field / map key, not a position
        node.set("expressions", [_plus_one(idx)])
    return tree


_READ_WORDS = {"SELECT", "WITH", "VALUES", "FROM", "TABLE", "DESCRIBE", "DESC", "SUMMARIZE", "("}


def _not_allowed(word: str) -> SqlRefused:
    return SqlRefused(
        f"{word} is not allowed: the SQL entry point runs one read-only query "
        "(SELECT / WITH / VALUES / DESCRIBE / SUMMARIZE)"
    )


def _leading_word(query: str) -> str:
    """The statement's first keyword (comments skipped), for refusal messages."""
    try:
        tokens = DIALECT().tokenize(query)
    except sqlglot.errors.TokenError:
        tokens = []
    if tokens:
        return tokens[0].text.upper()
    words = query.split(maxsplit=1)
    return words[0].upper() if words else "an empty query"


def _duckdb_parses(query: str, what: str = "the query") -> None:
    """Raise SqlParseError with DuckDB's own message when DuckDB cannot parse `query`.

    sqlglot reads an unknown leading word as a command (`SELEC 1`), which would otherwise be
    refused by name as if it were a statement the sandbox forbids.
    """
    try:
        duckdb.extract_statements(query)
    except duckdb.ParserException as e:
        message = str(e).strip().splitlines()[0].removeprefix("Parser Error: ")
        raise SqlParseError(f"cannot parse {what}: {message}") from None
    except (TypeError, UnicodeError):  # bytes that are no UTF-8 (a shell's $'\xff')
        raise SqlParseError(f"cannot parse {what}: it is not valid UTF-8 text") from None


def parse(query: str, *, statement: bool = True) -> exp.Expression:
    """One sqlglot tree; `statement=False` for a --where condition (DuckDB's parser reads only
    statements, so a condition's message is asked for inside `SELECT 1 WHERE ...`)."""
    sqlglot_log = logging.getLogger("sqlglot")
    level = sqlglot_log.level
    sqlglot_log.setLevel(logging.ERROR)  # "falling back to Command" is our refusal to make
    try:
        parsed = sqlglot.parse(query, read=DIALECT)
    except (sqlglot.errors.ParseError, sqlglot.errors.TokenError) as e:  # an unclosed quote
        # DuckDB's message, the engine the query is meant for (a condition, inside a statement)
        what = "the query" if statement else "the --where condition"
        _duckdb_parses(query if statement else f"SELECT 1 WHERE {query}", what)
        word = _leading_word(query)
        if statement and word not in _READ_WORDS:  # EXPORT DATABASE ...: refuse by name
            raise _not_allowed(word) from e
        first = str(e).splitlines()[0] if str(e) else "syntax error"
        first = re.sub(r"<Token token_type: [^,]+, text: ([^,]*),[^>]*>", r"'\1'", first)
        raise SqlParseError(f"cannot parse {what}: {first}") from e
    finally:
        sqlglot_log.setLevel(level)
    # `SELECT 1;` and `SELECT 1; -- done` are one statement: a trailing comment is no statement
    statements = [s for s in parsed if s is not None and not isinstance(s, exp.Semicolon)]
    if len(statements) != 1:
        raise SqlRefused(f"expected exactly one statement, got {len(statements)}")
    tree = statements[0]
    tree.meta["leading_word"] = _leading_word(query)
    if statement and not isinstance(tree, _ALLOWED_ROOTS):  # refused by name, unless a typo
        _duckdb_parses(query)
    return tree


# The built-in catalog views a query may read: the ones that describe the schema. Every other
# built-in view is unknown to queries, like a table that is not there: some show the machine
# (pragma_database_list and duckdb_databases the warehouse's path, duckdb_settings the temp
# directory, duckdb_logs), and an allow-list keeps a view a later DuckDB adds out as well.
_SCHEMA_VIEWS = frozenset(
    {"information_schema.tables", "information_schema.columns", "information_schema.views",
     "information_schema.schemata", "main.duckdb_tables", "main.duckdb_views",
     "main.duckdb_columns", "main.duckdb_schemas", "main.duckdb_types"}
)  # fmt: skip


def known_relations(conn: duckdb.DuckDBPyConnection) -> set[str]:
    """Lower-case `name` and `schema.name` of every table and view the warehouse holds, and of
    the built-in catalog views that describe the schema (`_SCHEMA_VIEWS`)."""
    rows = conn.execute(
        "SELECT schema_name, table_name, internal FROM duckdb_tables() "
        "UNION ALL SELECT schema_name, view_name, internal FROM duckdb_views()"
    ).fetchall()
    out: set[str] = set()
    for schema, name, internal in rows:
        qualified = f"{schema}.{name}".lower()
        if not internal or qualified in _SCHEMA_VIEWS:
            out |= {name.lower(), qualified}
    return out


def check_query(tree: exp.Expression, relations: set[str] | None = None) -> None:
    """Raise SqlRefused unless `tree` is one read-only query over warehouse tables.

    `relations` (from known_relations) restricts plain table names to existing tables/views;
    that is what keeps `FROM '/etc/passwd'`-style file scans out, with a clear message.
    """
    if not isinstance(tree, _ALLOWED_ROOTS):
        # name what the user wrote (CHECKPOINT parses as a column name, VACUUM as a command);
        # after a WITH, the statement it leads to (WITH x AS (...) DELETE ...)
        word = tree.meta.get("leading_word") or tree.key.upper()
        raise _not_allowed(tree.key.upper() if word == "WITH" else word)
    if isinstance(tree, exp.Summarize | exp.Describe) and isinstance(tree.this, exp.Literal):
        raise SqlRefused(
            f"{tree.this.name!r} looks like a file: the SQL entry point cannot read files"
        )
    for node in tree.walk():
        if isinstance(node, _FORBIDDEN_NODES):
            raise SqlRefused(f"{node.key.upper()} is not allowed in a read-only query")
    ctes = {str(c.alias).lower() for c in tree.find_all(exp.CTE)}
    for func in tree.find_all(exp.Func):
        name = func_name(func).lower()
        if _DENIED_FUNCTION.match(name):
            raise SqlRefused(
                f"{name}() is not allowed: the SQL entry point cannot read files, the network or settings"
            )
    for table in tree.find_all(exp.Table):
        src = table.this
        if isinstance(src, exp.Func):
            name = func_name(src).lower()
            if isinstance(src, (exp.GenerateSeries, exp.ExplodingGenerateSeries, exp.Unnest)):
                continue
            if name not in ALLOWED_TABLE_FUNCTIONS:
                raise SqlRefused(
                    f"table function {name}() is not allowed; read warehouse tables or "
                    "project_logs(...)"
                )
            continue
        name = table.name
        if not isinstance(src, exp.Identifier) or re.search(r"[/\\:~]|\.\w+$", name):
            raise SqlRefused(f"{name!r} looks like a file: the SQL entry point cannot read files")
        full = ".".join(p for p in (table.db, name) if p).lower()
        if relations is not None and name.lower() not in ctes and full not in relations:
            raise SqlRefused(
                f"unknown table {full!r}: query warehouse tables, marts.* or project_logs(...)"
            )

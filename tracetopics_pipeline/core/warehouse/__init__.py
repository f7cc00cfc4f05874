"""The DuckDB warehouse: the table contract (`schema`), connection helpers (`connection`),
data-quality suites (`quality`), and what a run publishes for readers (`snapshot`, `postgres`).

The table contract and the connection helpers are the warehouse's public API, re-exported
here so stages write `warehouse.transaction(conn)`.
"""

from tracetopics_pipeline.core.warehouse.connection import (
    CHUNK_ROWS,
    WarehouseLocked,
    column_names,
    configure,
    connect,
    day_chunks,
    ensure_schema,
    first_row,
    insert_frame,
    lock_holder,
    query_pl,
    replace_days,
    rows_per_day,
    transaction,
    unwritable,
)
from tracetopics_pipeline.core.warehouse.schema import (
    EMBED_DIM,
    NO_MATCH,
    NO_MATCH_LABEL,
    PACKAGED_MODEL_ID,
    SCHEMA,
)

__all__ = [
    "CHUNK_ROWS",
    "EMBED_DIM",
    "NO_MATCH",
    "NO_MATCH_LABEL",
    "PACKAGED_MODEL_ID",
    "SCHEMA",
    "WarehouseLocked",
    "column_names",
    "configure",
    "connect",
    "day_chunks",
    "ensure_schema",
    "first_row",
    "insert_frame",
    "lock_holder",
    "query_pl",
    "replace_days",
    "rows_per_day",
    "transaction",
    "unwritable",
]

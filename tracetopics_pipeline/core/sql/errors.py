"""What the SQL surface raises, and the facets it always knows."""

from __future__ import annotations


class SqlRefused(ValueError):
    """The query is not a single read-only query, or reaches outside the warehouse."""


class SqlParseError(SqlRefused):
    """The query is not SQL DuckDB can parse (a typo, not a policy refusal)."""


class SqlUnknownName(SqlParseError):
    """The query names a column, table or struct key the data does not have (a typo): one line
    naming it, with the near matches or what there is instead."""


class OutputExists(FileExistsError):
    """The result file named already exists; it is replaced only when asked to."""


class WarehouseUnavailable(RuntimeError):
    """The warehouse is locked by a writer and no published snapshot exists."""


class SqlLimitExceeded(RuntimeError):
    """The query hit a resource limit: memory, temporary files, time or result rows."""

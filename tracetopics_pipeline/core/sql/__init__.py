"""SQL for analysts: the `project_logs` macro (`macro`), a 0-based, sandboxed read-only dialect
(`sandbox`), BTQL-style `--where` filters (`where`), execution on a read-only connection or the
published snapshot (`execute`) and output formats (`formats`). docs/sql.md."""

"""Output formats of `tracetopics sql`: an aligned table, CSV, JSON or Parquet, printed or
written to a file inside the current directory or the exports folder."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa

from tracetopics_pipeline.core import settings
from tracetopics_pipeline.core.sql.errors import OutputExists, SqlRefused

FORMATS = ("table", "csv", "json", "parquet")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _cell(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, default=_json_default, ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def format_table(table: pa.Table, *, max_width: int = 60) -> str:
    """Aligned plain-text table; long cells are cut with an ellipsis."""
    cols = table.column_names
    rows = [
        [
            (c if len(c) <= max_width else c[: max_width - 1] + "…").replace("\n", " ")
            for c in (_cell(r[k]) for k in cols)
        ]
        for r in table.to_pylist()
    ]
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(cols)]
    numeric = [pa.types.is_integer(t) or pa.types.is_floating(t) for t in table.schema.types]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if num else c.ljust(w)
            for c, w, num in zip(cells, widths, numeric, strict=True)
        ).rstrip()

    out = [line(cols), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def format_csv(table: pa.Table) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.column_names)
    for r in table.to_pylist():
        writer.writerow(
            "" if v is None else (_cell(v) if isinstance(v, dict | list | datetime) else v)
            for v in r.values()
        )
    return buf.getvalue()


def format_json(table: pa.Table) -> str:
    return json.dumps(table.to_pylist(), default=_json_default, ensure_ascii=False, indent=2)


SUFFIXES = {"table": ".txt", "csv": ".csv", "json": ".json", "parquet": ".parquet"}


def format_for(output: Path | str) -> str | None:
    """The format an output file's suffix names (out.csv -> csv), or None."""
    suffix = Path(output).suffix.lower()
    return next((fmt for fmt, s in SUFFIXES.items() if s == suffix), None)


def output_target(
    output: Path | str | None, fmt: str = "parquet", *, overwrite: bool = False
) -> Path:
    """Where a result file may go: inside the current directory or $TRACETOPICS_HOME/exports,
    with the format's suffix (default: exports/sql-<UTC time>.<suffix>). Else SqlRefused; an
    existing file named by the user raises OutputExists unless `overwrite`."""
    exports = settings.paths().exports
    suffix = SUFFIXES[fmt]
    if output is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        return exports / f"sql-{stamp}{suffix}"
    target = Path(output).expanduser().resolve()
    if target.suffix.lower() != suffix:
        raise SqlRefused(f"{fmt} output must end in {suffix}: {target}")
    for root in (Path.cwd().resolve(), exports.resolve()):
        if target.is_relative_to(root):
            if target.is_dir():
                raise OutputExists(f"{target} is a folder: name a file to write")
            if target.exists() and not overwrite:
                raise OutputExists(
                    f"{target} exists: pass --overwrite to replace it, or name another file"
                )
            return target
    raise SqlRefused(f"output {target} must be inside the current directory or {exports}")


def _render(table: pa.Table, fmt: str) -> str:
    if fmt == "table":
        return format_table(table)
    if fmt == "csv":
        return format_csv(table)
    if fmt == "json":
        return format_json(table)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def format_result(
    table: pa.Table,
    fmt: str = "table",
    *,
    output: Path | str | None = None,
    overwrite: bool = False,
) -> str:
    """Render a result as table/csv/json text; with `output` (always for parquet), write the
    file atomically and say where (an existing file only with `overwrite`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if output is None and fmt != "parquet":
        return _render(table, fmt)
    target = output_target(output, fmt, overwrite=overwrite)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")  # one per process
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(table, tmp)
        else:
            text = _render(table, fmt)
            tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        target = _publish(tmp, target, replace=overwrite, rename=output is None)
    finally:
        tmp.unlink(missing_ok=True)
    return f"wrote {table.num_rows} rows to {target}"


def _publish(tmp: Path, target: Path, *, replace: bool, rename: bool) -> Path:
    """Put the written file in place: over `target` when `replace`, else only where no file is
    (a hard link fails on an existing name, even one another process made a moment ago). A
    default name (`rename`) that is taken gets a counter: sql-<time>-2.parquet."""
    if replace:
        tmp.replace(target)
        return target
    for n in range(1, 1000):
        name = target if n == 1 else target.with_name(f"{target.stem}-{n}{target.suffix}")
        try:
            _link_new(tmp, name)
            return name
        except FileExistsError:
            if not rename:
                raise OutputExists(
                    f"{target} exists: pass --overwrite to replace it, or name another file"
                ) from None
    raise OutputExists(f"{target} and 998 numbered names beside it exist: name a file to write")


def _link_new(tmp: Path, name: Path) -> None:
    """`tmp` under `name` only if no file has that name (FileExistsError otherwise). A file
    system without hard links gets a check then a rename: a race there can replace a file."""
    try:
        os.link(tmp, name)
    except FileExistsError:
        raise
    except OSError:
        if name.exists():
            raise FileExistsError(name) from None
        tmp.replace(name)

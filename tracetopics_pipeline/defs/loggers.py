"""The console logger: Dagster's coloured one, minus the noise of a blocking check that failed.

A blocking check that fails (a day held back for its quarantine rate) stops a run on purpose;
the asset has logged why, and `tracetopics run` then says which day and what to do. Dagster's
STEP_FAILURE / RUN_FAILURE lines for it (the exception's name and a stack trace into Dagster's
own code) and the "Dependencies for step ... Not executing" lines that follow only bury that
message (review rv4 M6, rv6 C4), so they are dropped. Every other error keeps its lines and its
stack trace.

`plain` (what `tracetopics run` and `demo` ask for, runner.py): the console shows what the
pipeline's own code logs as plain indented lines, "    embedded 256/4,176 new texts", with no
timestamp, run id or step; Dagster's framework events and the libraries' own lines (dagster-dbt's
"Copying partial_parse.msgpack ...") stay off it. Every line, as Dagster formats it, goes to
`log_file` (the run's log, HOME/logs), and to the run history as before (review rv12 L1: 18 raw
log lines on stderr)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import dagster as dg
from dagster._core.log_manager import LOG_RECORD_METADATA_ATTR

_CHECK_FAILED = "DagsterAssetCheckFailedError"
_SKIPPED = "Dependencies for step"


class _CheckFailureFilter(logging.Filter):
    """Drops a failed blocking check's failure events, and the skipped steps after one."""

    def __init__(self) -> None:
        super().__init__()
        self.held = False  # a blocking check failed in this run

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.msg if isinstance(record.msg, str) else ""
        if _CHECK_FAILED in msg:
            self.held = True
            return False
        return not (self.held and _SKIPPED in msg)


_OURS = "tracetopics_pipeline"
_PASSED_THROUGH = ("logging", "dagster.", "tracetopics_pipeline.defs.loggers")


def _logged_by_our_code() -> bool:
    """Whether the record being handled was logged by the pipeline's own code (an asset, a
    core function, a code location's own module), not by Dagster or an installed library such
    as dagster-dbt: the first caller outside the logging machinery."""
    frame = sys._getframe(1)
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name != "dagster" and not name.startswith(_PASSED_THROUGH):
            where = frame.f_code.co_filename.replace("\\", "/")
            library = "/site-packages/" in where or "/dist-packages/" in where
            return name.startswith(_OURS) or not library
        frame = frame.f_back
    return False


class _PlainConsole(logging.Handler):
    """The plain console: the pipeline's own messages, indented; warnings and errors on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, LOG_RECORD_METADATA_ATTR, None) or {}
        error = record.levelno >= logging.ERROR
        if not error and (meta.get("dagster_event") is not None or not _logged_by_our_code()):
            return  # a framework event or a library's line: the log file has it
        try:
            if error:  # a failed step: Dagster's whole message, its stack trace included
                print(f"error: {record.getMessage()}", file=sys.stderr, flush=True)
            elif record.levelno >= logging.WARNING:
                print(f"    warning: {meta.get('orig_message', record.getMessage())}",
                      file=sys.stderr, flush=True)  # fmt: skip
            else:
                print(f"    {meta.get('orig_message', record.getMessage())}", flush=True)
        except Exception:  # noqa: BLE001 - a closed console must not fail the run
            self.handleError(record)


_SCHEMA = {
    **dg.colored_console_logger.config_schema.config_type.fields,
    "plain": dg.Field(
        bool, is_required=False, default_value=False,
        description="the pipeline's own lines, plain and indented, on the console (the CLI's)",
    ),
    "log_file": dg.Field(
        str, is_required=False,
        description="a file that gets every line as Dagster formats it (the run's log)",
    ),
}  # fmt: skip


@dg.logger(
    config_schema=_SCHEMA,
    description="Dagster's coloured console logger, without a failed blocking check's noise; "
    "or, `plain`, the pipeline's own lines only, with a log file for the rest.",
)
def console_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    config = init_context.logger_config
    if not config.get("plain"):
        log = dg.colored_console_logger.logger_fn(init_context)
        log.addFilter(_CheckFailureFilter())
        return log
    level = logging.getLevelName(str(config.get("log_level", "INFO")).upper())
    log = logging.Logger(config.get("name", "dagster"), level=logging.DEBUG)
    console = _PlainConsole(level=level)
    console.addFilter(_CheckFailureFilter())
    log.addHandler(console)
    if config.get("log_file"):
        path = Path(config["log_file"])
        path.parent.mkdir(parents=True, exist_ok=True)
        kept = logging.FileHandler(path, encoding="utf-8")
        kept.setFormatter(logging.Formatter("%(asctime)s - dagster - %(levelname)s - %(message)s"))
        log.addHandler(kept)
    return log

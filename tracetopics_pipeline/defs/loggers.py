"""The console logger: Dagster's coloured one, minus the noise of a blocking check that failed.

A blocking check that fails (a day held back for its quarantine rate) stops a run on purpose;
the asset has logged why, and `tracetopics run` then says which day and what to do. Dagster's
STEP_FAILURE / RUN_FAILURE lines for it (the exception's name and a stack trace into Dagster's
own code) and the "Dependencies for step ... Not executing" lines that follow only bury that
message (review rv4 M6, rv6 C4), so they are dropped. Every other error keeps its lines and its
stack trace."""

from __future__ import annotations

import logging

import dagster as dg

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


@dg.logger(
    config_schema=dg.colored_console_logger.config_schema,
    description="Dagster's coloured console logger, without a failed blocking check's noise.",
)
def console_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    log = dg.colored_console_logger.logger_fn(init_context)
    log.addFilter(_CheckFailureFilter())
    return log

"""The console logger: Dagster's coloured one, minus the stack trace of a blocking check.

A blocking check that fails (a day held back for its quarantine rate) stops a run on purpose;
`tracetopics run` then says which day and what to do. Its stack trace points into Dagster's
own code and only hides that message, so the failure keeps its one-line error and loses the trace.
Every other error keeps its stack trace."""

from __future__ import annotations

import logging

import dagster as dg

_CHECK_FAILED = "DagsterAssetCheckFailedError"
_TRACE = "\n\nStack Trace:"


def _drop_check_trace(record: logging.LogRecord) -> bool:
    msg = record.msg
    if isinstance(msg, str) and _CHECK_FAILED in msg and _TRACE in msg:
        record.msg = msg.split(_TRACE, 1)[0].rstrip()
    return True


@dg.logger(
    config_schema=dg.colored_console_logger.config_schema,
    description="Dagster's coloured console logger; a failed blocking check without its trace.",
)
def console_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    log = dg.colored_console_logger.logger_fn(init_context)
    log.addFilter(_drop_check_trace)
    return log

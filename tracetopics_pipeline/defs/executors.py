"""The executor the code location runs steps with, chosen by the deployment, not by code edits.

TRACETOPICS_EXECUTOR picks it: `multiprocess` (a process per step), `in_process`, `k8s` (a
Kubernetes Job per step, needs dagster-k8s) or `celery` (a Celery task per step, needs
dagster-celery). Unset means Dagster's default (multiprocess, in-process for
`execute_in_process`). TRACETOPICS_EXECUTOR_CONFIG names a YAML file with the executor's config,
e.g. deploy/k8s/executor.yaml, which puts summary_embeddings on a GPU node. docs/scaling.md.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from tracetopics_pipeline.core import yamlfile
from tracetopics_pipeline.core.settings import ConfigError, Settings

KINDS = ("in_process", "multiprocess", "k8s", "celery")


def _executor_def(kind: str) -> dg.ExecutorDefinition:
    if kind == "in_process":
        return dg.in_process_executor
    if kind == "multiprocess":
        return dg.multiprocess_executor
    if kind == "k8s":
        from dagster_k8s import k8s_job_executor  # the `scale` extra / the deployment image

        return k8s_job_executor
    if kind == "celery":
        from dagster_celery import celery_executor

        return celery_executor
    raise ValueError(f"TRACETOPICS_EXECUTOR={kind!r}: expected one of {', '.join(KINDS)}")


def executor_from_settings(settings: Settings) -> dg.ExecutorDefinition | None:
    """The executor named by TRACETOPICS_EXECUTOR, configured from TRACETOPICS_EXECUTOR_CONFIG.

    None when unset, so `Definitions(executor=None)` keeps Dagster's default.
    """
    kind = settings.executor
    if not kind:
        return None
    executor = _executor_def(kind)
    config_path = settings.executor_config
    if not config_path:
        return executor
    config = load_executor_config(config_path)
    return executor.configured(config, name=f"{executor.name}_tracetopics")


def load_executor_config(config_path: Path | str) -> dict:
    """TRACETOPICS_EXECUTOR_CONFIG's mapping, read by the guarded YAML loader (ConfigError)."""
    try:
        config = yamlfile.load(config_path, "executor config") or {}
    except yamlfile.YamlFileError as e:
        raise ConfigError(f"TRACETOPICS_EXECUTOR_CONFIG: {e}") from None
    if not isinstance(config, dict):
        raise ConfigError(f"{config_path}: executor config must be a YAML mapping")
    return config

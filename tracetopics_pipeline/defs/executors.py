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
import yaml

from tracetopics_pipeline.core.settings import Settings

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
    config = yaml.safe_load(Path(config_path).read_text()) or {}
    if not isinstance(config, dict):
        raise ValueError(f"{config_path}: executor config must be a YAML mapping")
    return executor.configured(config, name=f"{executor.name}_tracetopics")

"""Where tracetopics keeps its data, and the knobs every stage reads.

Everything lives under one home folder ($TRACETOPICS_HOME, default ./.tracetopics) so
two homes never mix. Values come from the environment; nothing here imports Dagster.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    return float(raw) if raw not in (None, "") else default


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw not in (None, "") else default


@dataclass(frozen=True)
class Paths:
    home: Path

    @property
    def landing(self) -> Path:
        return self.home / "landing"

    @property
    def warehouse(self) -> Path:
        return self.home / "warehouse.duckdb"

    @property
    def dagster_home(self) -> Path:
        return self.home / "dagster"

    @property
    def cache(self) -> Path:
        return self.home / "cache"

    @property
    def snapshot(self) -> Path:
        """Parquet copies of the tables, published atomically at the end of a run for readers."""
        return self.home / "snapshot"

    @property
    def exports(self) -> Path:
        return self.home / "exports"

    def ensure(self) -> Paths:
        for p in (self.home, self.landing, self.dagster_home, self.cache, self.exports):
            p.mkdir(parents=True, exist_ok=True)
        return self


def home() -> Path:
    return Path(os.environ.get("TRACETOPICS_HOME", ".tracetopics")).resolve()


def paths() -> Paths:
    return Paths(home())


@dataclass(frozen=True)
class Settings:
    """Pipeline knobs. Each has an env var so a deployment changes them without code."""

    max_trace_bytes: int = 1_000_000
    quarantine_rate_threshold: float = 0.05
    summarizer: str = "local"  # local | openai
    sample_rate: float = 1.0
    trace_filter: str | None = None  # SQL WHERE over raw_traces
    window_days: int = 30
    min_summaries: int = 100
    max_sample: int = 50_000
    algorithm: str = "umap_hdbscan"  # umap_hdbscan | kmeans
    no_match_distance: float = 0.6  # cosine; tuned in docs/benchmarks.md "Topics"
    embed_batch_size: int = 32  # short summaries: less padding than 128 (docs/benchmarks.md)
    threads: int = 2

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            max_trace_bytes=_env_int("TRACETOPICS_MAX_TRACE_BYTES", cls.max_trace_bytes),
            quarantine_rate_threshold=_env_float(
                "TRACETOPICS_QUARANTINE_THRESHOLD", cls.quarantine_rate_threshold
            ),
            summarizer=os.environ.get("TRACETOPICS_SUMMARIZER", cls.summarizer),
            sample_rate=_env_float("TRACETOPICS_SAMPLE_RATE", cls.sample_rate),
            trace_filter=os.environ.get("TRACETOPICS_FILTER") or None,
            window_days=_env_int("TRACETOPICS_WINDOW_DAYS", cls.window_days),
            min_summaries=_env_int("TRACETOPICS_MIN_SUMMARIES", cls.min_summaries),
            max_sample=_env_int("TRACETOPICS_MAX_SAMPLE", cls.max_sample),
            algorithm=os.environ.get("TRACETOPICS_ALGORITHM", cls.algorithm),
            no_match_distance=_env_float("TRACETOPICS_NO_MATCH_DISTANCE", cls.no_match_distance),
            embed_batch_size=_env_int("TRACETOPICS_EMBED_BATCH", cls.embed_batch_size),
            threads=_env_int("TRACETOPICS_THREADS", cls.threads),
        )

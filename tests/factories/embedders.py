"""A stand-in embedding model for tests about everything but the model: deterministic unit
vectors from each text's hash, any dimension, no torch. It goes through the same `Embedder`
interface, registry and cache as a real model, under its own model id."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import numpy as np

from tracetopics_pipeline.core.topics.embedders import Embedder, EmbedUsage
from tracetopics_pipeline.core.topics.embedders.base import Progress


class HashEmbedder(Embedder):
    kind = "test"

    def __init__(self, dim: int = 384, name: str = "test:hash-vectors") -> None:
        self.name = name
        self.dim = dim
        self.usage = EmbedUsage()
        self.calls: list[list[str]] = []

    def batches(self, texts: list[str], progress: Progress | None = None) -> Iterator[np.ndarray]:
        if not texts:
            return
        self.calls.append(list(texts))
        rows = []
        for t in texts:
            seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:8], "little")
            rows.append(np.random.default_rng(seed).normal(size=self.dim))
        x = np.asarray(rows, dtype=np.float32)
        yield x / np.linalg.norm(x, axis=1, keepdims=True)
        if progress is not None:
            progress(len(texts), len(texts))


TOKENIZER_FILES = (
    "vocab.txt",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
)


def tiny_sentence_model(folder, *, hidden: int = 32, seed: int = 0):
    """A sentence-transformers model made here, offline: a 2-layer BERT with random weights
    (fixed seed) on the packaged model's tokenizer, mean pooling, saved to `folder`.
    Its vectors mean little; it proves that a model folder works end to end."""
    import shutil
    from pathlib import Path

    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import BertConfig, BertModel

    from tracetopics_pipeline.core.topics.embedders.local import packaged_path

    folder = Path(folder)
    bert_dir = folder.parent / (folder.name + "-bert")
    bert_dir.mkdir(parents=True, exist_ok=True)
    src = Path(packaged_path())
    for name in TOKENIZER_FILES:
        shutil.copy(src / name, bert_dir / name)
    torch.manual_seed(seed)
    config = BertConfig(
        vocab_size=30522, hidden_size=hidden, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=hidden * 2, max_position_embeddings=128,
    )  # fmt: skip
    BertModel(config).save_pretrained(bert_dir)
    word = Transformer(str(bert_dir), max_seq_length=64)
    pooling = Pooling(hidden, pooling_mode="mean")
    SentenceTransformer(modules=[word, pooling], device="cpu").save(str(folder))
    shutil.rmtree(bert_dir)
    return folder

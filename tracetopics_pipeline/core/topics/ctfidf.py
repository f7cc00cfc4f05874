"""Class-based TF-IDF (c-TF-IDF, as in BERTopic): the words that set one topic apart.

All documents of a topic are treated as one class document; a term's weight is its frequency
in the class times log(1 + A / f_t), where A is the average class size in words and f_t the
term's frequency over all classes. Frequent-everywhere words sink; topic-specific ones rise.
"""

from __future__ import annotations

import numpy as np


def ctfidf_keywords(
    texts: list[str],
    labels: np.ndarray,
    *,
    top_n: int = 8,
    ngram_range: tuple[int, int] = (1, 2),
) -> dict[int, list[str]]:
    """Top c-TF-IDF terms per topic id (labels < 0 are ignored). Deterministic."""
    from sklearn.feature_extraction.text import CountVectorizer

    labels = np.asarray(labels)
    topics = sorted(int(t) for t in np.unique(labels) if t >= 0)
    if not topics:
        return {}
    docs = [" ".join(texts[i] for i in np.flatnonzero(labels == t)) for t in topics]
    try:
        vec = CountVectorizer(
            stop_words="english",
            ngram_range=ngram_range,
            token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z0-9'_-]+\b",
            lowercase=True,
        )
        counts = vec.fit_transform(docs).astype(np.float64)
    except ValueError:  # empty vocabulary (all stop words / numbers)
        return {t: [] for t in topics}
    vocab = vec.get_feature_names_out()
    tf = counts.multiply(1.0 / np.maximum(counts.sum(axis=1), 1.0)).tocsr()
    avg_words = counts.sum() / len(topics)
    freq = np.asarray(counts.sum(axis=0)).ravel()
    idf = np.log1p(avg_words / np.maximum(freq, 1.0))
    weights = tf.multiply(idf).tocsr()
    out: dict[int, list[str]] = {}
    for row, t in enumerate(topics):
        w = weights.getrow(row)
        order = np.lexsort((vocab[w.indices], -w.data))  # weight desc, then term for ties
        picked: list[str] = []
        for idx in w.indices[order]:
            term = str(vocab[idx])
            # Skip a unigram already inside a picked bigram and vice versa: less repetition.
            if any(term in p.split() or p in term.split() for p in picked):
                continue
            picked.append(term)
            if len(picked) >= top_n:
                break
        out[t] = picked
    return out

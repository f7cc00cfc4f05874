"""Saved subset clusterings: a "Cluster this subset" result kept under a name, reopened later,
and used with the actions (export, review, proposal) through the trace ids of its topics.

One JSON file per name under $TRACETOPICS_HOME/subsets (never the warehouse, which belongs to
the pipeline). The file holds what the clustering answered (parents and subtopics, and per trace
its position, subtopic, parent and distances to their centres as base64 columns), the filter and facet it ran on,
and the snapshot it was computed from. Names are the user's; file names are derived from them
(`slug`) and only ever resolved inside that folder.
"""

from __future__ import annotations

import base64
import json
import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from tracetopics_pipeline.core.ingest.messages import loads_json

MAX_NAME = 80
_SLUG = re.compile(r"[^a-z0-9_-]+")


def slug(name: str) -> str:
    """A file-safe form of a user's name: lower case, [a-z0-9_-], at most 80 characters."""
    s = _SLUG.sub("-", name.strip().lower()).strip("-_")
    if not s:
        raise ValueError("give the subset a name with at least one letter or digit")
    return s[:MAX_NAME]


def column(payload: dict[str, Any], name: str, dtype: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(payload.get(name) or ""), dtype=dtype)


class SubsetStore:
    """Named subset clusterings, one JSON file each."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, name: str) -> Path:
        path = (self.folder / f"{slug(name)}.json").resolve()
        if path.parent != self.folder.resolve():
            raise ValueError("bad subset name")
        return path

    def save(
        self,
        name: str,
        clustering: dict[str, Any],
        *,
        filter_json: dict[str, Any],
        snapshot: str | None,
        overwrite: bool = False,
    ) -> dict[str, Any]:
        """Keep a clustering (what `cluster_subset` returned) under `name`; returns its summary."""
        if not clustering.get("topics"):
            raise ValueError("nothing to save: the clustering found no topics")
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(name)
        if path.exists() and not overwrite:
            raise FileExistsError(f"a subset named {slug(name)!r} exists; pick another name")
        doc = {
            **clustering,
            "name": name.strip(),
            "slug": slug(name),
            "filter": filter_json,
            "snapshot": snapshot,
            "saved_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        # Write then rename: a reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".part")
        with os.fdopen(fd, "w") as fh:
            json.dump(doc, fh)
        os.replace(tmp, path)
        return self.summary(doc)

    @staticmethod
    def summary(doc: dict[str, Any]) -> dict[str, Any]:
        keys = ("name", "slug", "facet", "filter", "snapshot", "saved_at", "n_traces", "n_texts")
        return {
            **{k: doc.get(k) for k in keys},
            "n_topics": len(doc.get("topics") or []),  # subtopics (a one-level result: topics)
            "n_parents": len(doc.get("parents") or []),
        }

    def get(self, name: str) -> dict[str, Any] | None:
        try:
            return loads_json(self._path(name).read_text())
        except (FileNotFoundError, ValueError):
            return None

    def list(self) -> list[dict[str, Any]]:
        if not self.folder.is_dir():
            return []
        out = []
        for p in sorted(self.folder.glob("*.json")):
            try:
                out.append(self.summary(loads_json(p.read_text())))
            except ValueError:
                continue
        return sorted(out, key=lambda d: d.get("saved_at") or "", reverse=True)

    def delete(self, name: str) -> bool:
        try:
            self._path(name).unlink()
            return True
        except FileNotFoundError:
            return False


def find_topic(doc: dict[str, Any], topic_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A saved subset's parent or subtopic (one id space) and its siblings at that level."""
    for key in ("parents", "topics"):
        siblings = doc.get(key) or []
        topic = next((t for t in siblings if t["topic_id"] == topic_id), None)
        if topic is not None:
            return topic, siblings
    raise KeyError(f"subset {doc.get('name')!r} has no topic {topic_id}")


def topic_members(doc: dict[str, Any], topic_id: int) -> tuple[dict[str, Any], list[str]]:
    """A parent or subtopic of a saved subset and its trace ids, nearest its centre first."""
    topic, _ = find_topic(doc, topic_id)
    parent = topic.get("level") == "parent"
    ids = (doc.get("ids") or "").split("\n")
    tid = column(doc, "parent_id" if parent else "topic_id", "<i4")
    dist = column(doc, "parent_distance" if parent else "distance", "<f4")
    rows = np.flatnonzero(tid == topic_id)
    if len(dist) == len(ids):
        rows = rows[np.argsort(dist[rows], kind="stable")]
    return topic, [ids[i] for i in rows]

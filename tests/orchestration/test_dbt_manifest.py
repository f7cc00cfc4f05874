"""The dbt manifest is parsed again when the project's files differ from what it was parsed
from, judged by content, not by file times (a copied home kept an old manifest that looked
current, and the marts step failed on a test it did not have)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

from tracetopics_pipeline.defs import dbt_project as d


def test_parsed_again_when_the_files_differ_not_when_times_do(tmp_path: Path, monkeypatch) -> None:
    manifest = tmp_path / "target" / "manifest.json"
    project = SimpleNamespace(
        manifest_path=manifest, project_dir=d.DBT_PROJECT_DIR, profiles_dir=d.DBT_PROJECT_DIR
    )
    parses: list[object] = []

    def fake_parse(*args: object, **kwargs: object) -> None:
        parses.append(args)
        manifest.parent.mkdir(parents=True, exist_ok=True)
        manifest.write_text("{}")

    monkeypatch.setattr(d.subprocess, "run", fake_parse)
    d.ensure_manifest(project)  # a fresh home: parsed
    assert len(parses) == 1
    os.utime(manifest, (0, 0))  # older than every project file: times say nothing now
    d.ensure_manifest(project)
    assert len(parses) == 1
    # a manifest parsed from other files (a home copied from before an upgrade): parsed again,
    # though its time is new
    manifest.with_name("manifest.digest").write_text("a digest of older files\n")
    os.utime(manifest)
    d.ensure_manifest(project)
    assert len(parses) == 2


def test_the_digest_follows_content_and_place(tmp_path: Path) -> None:
    copy = tmp_path / "dbt_project"
    shutil.copytree(d.DBT_PROJECT_DIR, copy, ignore=shutil.ignore_patterns("target", "logs"))
    base = d.project_digest(copy)
    assert d.project_digest(copy) == base
    model = next((copy / "models").rglob("*.sql"))
    stat = model.stat()
    model.write_text(model.read_text() + "\n-- changed\n")
    os.utime(model, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time, other bytes
    assert d.project_digest(copy) != base
    # the same files in another checkout: a manifest's paths point into its own checkout
    elsewhere = tmp_path / "other" / "dbt_project"
    shutil.copytree(copy, elsewhere)
    assert d.project_digest(elsewhere) != d.project_digest(copy)

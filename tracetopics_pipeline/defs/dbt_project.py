"""The dbt project beside the package: where it is, its manifest, the dbt executable, and the
environment dbt runs with. The marts assets and the dbt resource both start here.

dbt's target/ (manifest, run artifacts, docs) and its logs live under $TRACETOPICS_HOME/dbt,
never in the source checkout: two homes never share artifacts, and the checkout may be
read-only.
"""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from tracetopics_pipeline.core.settings import Settings, paths

DBT_PROJECT_DIR = Path(__file__).resolve().parents[2] / "dbt_project"


def dbt_dir() -> Path:
    """$TRACETOPICS_HOME/dbt: target/ and logs/ of every dbt command."""
    return paths().home / "dbt"


def dbt_env() -> dict[str, str]:
    """Environment dbt runs with: the warehouse, target and log folders of $TRACETOPICS_HOME,
    the memory limit every pipeline connection has, no telemetry. (dagster-dbt gives each
    invocation its own folder under DBT_TARGET_PATH.)"""
    return {
        "TRACETOPICS_WAREHOUSE": str(paths().warehouse),
        "DBT_TARGET_PATH": str(dbt_dir() / "target"),
        "DBT_LOG_PATH": str(dbt_dir() / "logs"),
        "TRACETOPICS_MEMORY_LIMIT": f"{Settings.from_env().memory_limit}B",
        "DO_NOT_TRACK": "1",
    }


def dbt_executable() -> str:
    # `dagster dev` may start the code server without the venv on PATH (and with a resolved
    # interpreter path), so look beside this environment's prefix first.
    for candidate in (Path(sys.prefix) / "bin" / "dbt", Path(sys.executable).parent / "dbt"):
        if candidate.exists():
            return str(candidate)
    return shutil.which("dbt") or "dbt"


dbt_project = DbtProject(
    project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR, target_path=dbt_dir() / "target"
)


def project_digest(project_dir: Path = DBT_PROJECT_DIR) -> str:
    """A digest of what the manifest is parsed from: the project's folder and every model,
    macro, test and project file's path and bytes. Content, not times: a copied home, a restored
    backup or an upgrade that keeps file times made an old manifest look current, and the marts
    step then failed on a test the old manifest did not have (KeyError)."""
    h = hashlib.sha256(str(project_dir).encode())
    files = [project_dir / "dbt_project.yml"]
    for sub in ("models", "macros", "tests"):
        files += [p for p in (project_dir / sub).rglob("*") if p.suffix in (".sql", ".yml")]
    for f in sorted(p for p in files if p.is_file()):
        h.update(f.relative_to(project_dir).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def ensure_manifest(project: DbtProject = dbt_project) -> Path:
    """Make sure target/manifest.json exists and is current: `dbt parse` when it is missing
    (a fresh clone) or was parsed from other project files (its digest, kept beside it, differs).

    Used instead of `prepare_if_dev()`, which only acts under `dagster dev` and looks for dbt on
    PATH; this makes the Definitions load anywhere, with the dbt of this environment.
    """
    manifest = Path(project.manifest_path)
    stamp = manifest.with_name("manifest.digest")
    digest = project_digest(Path(project.project_dir))
    current = stamp.read_text().strip() if stamp.is_file() else None
    if not manifest.exists() or current != digest:
        subprocess.run(
            [dbt_executable(), "parse", "--project-dir", str(project.project_dir),
             "--profiles-dir", str(project.profiles_dir), "--quiet"],
            cwd=project.project_dir,
            env={**os.environ, **dbt_env()},
            check=True,
        )  # fmt: skip
        stamp.write_text(digest + "\n")
    return manifest


MANIFEST_PATH = ensure_manifest()


def generate_docs() -> Path:
    """`dbt docs generate` over this home's warehouse; returns the folder holding index.html.

    The catalog comes from the warehouse itself, so every column description persisted by
    the marts (persist_docs) shows up, as it does in a BI tool reading the same file.
    """
    target = dbt_dir() / "docs"
    subprocess.run(
        [dbt_executable(), "docs", "generate", "--project-dir", str(DBT_PROJECT_DIR),
         "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(target), "--quiet"],
        cwd=DBT_PROJECT_DIR,
        env={**os.environ, **dbt_env()},
        check=True,
    )  # fmt: skip
    return target

"""What a stage's output is computed by, digested: the source it runs and the libraries it
computes with. A stage that keeps an earlier output when its inputs are unchanged (topic maps,
`topics.maps.map_inputs`; facet summaries, `facets.reuse`) puts this digest among its inputs,
so a changed algorithm or an upgraded library recomputes.

The source is found, not listed: the modules a stage's entry modules import, transitively, within
the package (module-level and function-level imports alike), and the data files (JSON, YAML)
beside them (the form classifier's heads, the Sentiment forms). A module loaded by name at run
time (a facet's custom preprocessor) is outside it: the stage must treat such input as unknown.
"""

from __future__ import annotations

import ast
import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = "tracetopics_pipeline"
_DATA_SUFFIXES = (".json", ".yaml", ".yml")


_ROOT = Path(__file__).resolve().parents[1]  # the package's folder


def _module_file(name: str) -> Path | None:
    """The file of a package module (found on disk: nothing is imported), else None."""
    base = _ROOT.joinpath(*name.split(".")[1:])
    for path in (base / "__init__.py", base.with_suffix(".py")):
        if path.is_file():
            return path
    return None


def _imports(path: Path, module: str) -> set[str]:
    """The package's modules `path` (module `module`) imports, anywhere in its body."""
    is_pkg = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the module's own package
                parts = module.split(".")
                base = parts[: len(parts) - node.level + (1 if is_pkg else 0)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            out.add(stem)
            out.update(f"{stem}.{a.name}" for a in node.names)  # `from pkg import module`
    return {m for m in out if m == PACKAGE or m.startswith(PACKAGE + ".")}


@lru_cache(maxsize=8)
def source_files(*modules: str) -> tuple[Path, ...]:
    """The files of `modules` and of every package module they import, transitively (each
    module's parent packages too: importing a module runs their `__init__`), with the data
    files beside them."""
    seen: dict[str, Path] = {}
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _module_file(name)
        if path is None:  # a name imported from a module, not a module
            continue
        seen[name] = path
        parts = name.split(".")
        todo += [".".join(parts[:i]) for i in range(1, len(parts))]
        todo += sorted(_imports(path, name))
    files = set(seen.values())
    for folder in {p.parent for p in files}:
        files.update(p for p in folder.iterdir() if p.suffix in _DATA_SUFFIXES and p.is_file())
    return tuple(sorted(files))


def code_digest(modules: tuple[str, ...], libraries: tuple[str, ...]) -> str:
    """SHA-256 of the source `modules` run (`source_files`) and of the installed versions of
    `libraries`."""
    h = hashlib.sha256()
    for path in source_files(*modules):
        h.update(str(path.relative_to(_ROOT.parent)).encode() + b"\0" + path.read_bytes() + b"\0")
    for lib in libraries:
        try:
            h.update(f"{lib}=={metadata.version(lib)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib} absent\0".encode())
    return h.hexdigest()

"""UMAP and pynndescent with their numba-compiled code cached on disk.

Most numba functions in umap-learn and pynndescent are not declared `cache=True`, so every new
process compiles them again: minutes of CPU on a busy 2-core machine (docs/benchmarks.md,
"Subset clustering"). `import_umap()` imports umap with numba's disk cache turned on for every
function those packages define, under $TRACETOPICS_HOME/cache/numba/<versions>: only the first
process after an install compiles, the next ones load machine code from disk. A function numba
cannot cache (lifted loops, dynamic globals) is compiled as before; numba says so in a warning.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
import warnings
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Any

from tracetopics_pipeline.core.settings import paths

_lock = threading.Lock()


def numba_cache_dir() -> Path:
    """Where compiled code goes: per numba/umap/pynndescent version, so upgrades never mix."""
    tag = "-".join(f"{p}{version(p)}" for p in ("numba", "umap-learn", "pynndescent"))
    return paths().cache / "numba" / tag


def _caching(decorator: Any) -> Any:
    @functools.wraps(decorator)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cache", True)
        return decorator(*args, **kwargs)

    return wrapped


def import_umap() -> ModuleType:
    """`import umap`, its numba functions (and pynndescent's) cached on disk."""
    with _lock:
        if "umap" in sys.modules:
            return sys.modules["umap"]
        # numba reads NUMBA_CACHE_DIR when it is imported; a value the user set wins.
        cache_dir = os.environ.setdefault("NUMBA_CACHE_DIR", str(numba_cache_dir()))
        import numba

        numba.config.CACHE_DIR = cache_dir  # numba may have been imported before
        saved = numba.jit, numba.njit
        numba.jit, numba.njit = _caching(numba.jit), _caching(numba.njit)
        try:
            with warnings.catch_warnings():
                # "cannot cache function ...": compiled in memory instead, as without a cache.
                warnings.filterwarnings("ignore", category=numba.NumbaWarning)
                import umap
        finally:
            numba.jit, numba.njit = saved
        return umap

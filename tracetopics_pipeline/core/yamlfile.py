"""The one reader for YAML files a user hands tracetopics (a facets file, an executor config).

Every way such a file can be wrong ends in `YamlFileError`, one line naming the path and what
to do, never a traceback or a hang (review rv6 C2):
  * bytes that are not UTF-8 (a UTF-16 export gets the iconv command), a NUL byte;
  * any YAML syntax or composition error (with its line);
  * nesting too deep for the parser (RecursionError);
  * anchors and aliases that expand past `MAX_NODES` nodes ("billion laughs") or refer to
    themselves (`a: &a [*a]`). Plain reuse (`- *account_data`, as the packaged facets.yaml
    does) stays allowed: it is counted at its expanded size, so the cap bounds every walk
    of the tree after it.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

MAX_NODES = 200_000  # expanded nodes; the packaged facets.yaml has ~6,000
MAX_DEPTH = 200  # nesting levels; a facets file uses fewer than 10
UTF16_HINT = "it is UTF-16: convert it with `iconv -f UTF-16 -t UTF-8 FILE > NEW`"


class YamlFileError(ValueError):
    """A user's YAML file that cannot be used; the message names the path and the line."""


class _Loader(yaml.SafeLoader):
    """SafeLoader that gives up on a too-deep document before Python's stack does."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


@contextmanager
def _stack(frames: int):
    """Room for MAX_DEPTH levels of PyYAML's recursive composer (~6 frames a level)."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, frames))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def decode(data: bytes, source: str) -> str:
    """A YAML file's bytes as text: UTF-8 (a leading BOM is dropped) or a one-line error."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (data[:1] == b"\x00" or data[1:2] == b"\x00"):
        raise YamlFileError(f"{source}: not UTF-8 text ({UTF16_HINT.replace('FILE', source)})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise YamlFileError(
            f"{source} line {line}: not UTF-8 text (byte {data[e.start]:#04x} at offset "
            f"{e.start}); save the file as UTF-8"
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise YamlFileError(f"{source} line {line}: a NUL byte; this is not a text file")
    return text


def _check_size(root: yaml.Node, source: str) -> None:
    """Refuse an alias graph that refers to itself or expands past MAX_NODES (iteratively)."""
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = (
            [n for kv in node.value for n in kv]
            if isinstance(node, yaml.MappingNode)
            else node.value
            if isinstance(node, yaml.SequenceNode)
            else []
        )
        if done:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            if size[key] > MAX_NODES:
                raise YamlFileError(
                    f"{source} line {node.start_mark.line + 1}: its anchors and aliases "
                    f"expand to more than {MAX_NODES:,} values; write the values out or "
                    "reuse fewer"
                )
            continue
        if key in size:
            continue
        if key in on_path:
            raise YamlFileError(
                f"{source} line {node.start_mark.line + 1}: an alias refers to the value "
                "that holds it (e.g. `a: &a [*a]`); remove the self-reference"
            )
        on_path.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in size)


def _error(source: str, e: yaml.YAMLError) -> YamlFileError:
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    where = f" line {mark.line + 1}" if mark else ""
    problem = getattr(e, "problem", None) or str(e)
    context = getattr(e, "context", None)
    what = f"{context}, {problem}" if context and problem else problem
    return YamlFileError(f"{source}{where}: invalid YAML: {what}")


@contextmanager
def _reading(source: str):
    """Room on the stack for MAX_DEPTH levels, and PyYAML's errors as one line naming `source`."""
    try:
        with _stack(MAX_DEPTH * 8 + 200):
            yield
    except yaml.YAMLError as e:
        raise _error(source, e) from None
    except RecursionError:
        raise YamlFileError(f"{source}: nested too deeply to read") from None


def compose(text: str, source: str) -> yaml.Node | None:
    """The document's node graph (None for an empty file), checked for depth and size."""
    loader = _Loader(text)
    try:
        with _reading(source):
            root = loader.get_single_node()
    finally:
        loader.dispose()
    if root is not None:
        _check_size(root, source)
    return root


def construct(node: yaml.Node, source: str) -> Any:
    """A composed (and checked) node as plain Python values (safe types only)."""
    loader = _Loader("")
    try:
        with _reading(source):
            return loader.construct_document(node)
    finally:
        loader.dispose()


_SCALARS = yaml.constructor.SafeConstructor()


def scalar(node: yaml.ScalarNode) -> Any:
    """One scalar node's value (str, int, float, bool, None, date...)."""
    return _SCALARS.construct_object(node)


def loads(text: str, source: str = "<yaml>") -> Any:
    root = compose(text, source)
    return None if root is None else construct(root, source)


def read_bytes(path: Path | str, what: str = "YAML file") -> bytes:
    p = Path(path)
    if p.is_dir():
        raise YamlFileError(f"{p}: is a folder, not a {what}")
    try:
        return p.read_bytes()
    except OSError as e:
        raise YamlFileError(f"{p}: cannot read {what}: {e.strerror or e}") from None


def load(path: Path | str, what: str = "YAML file") -> Any:
    """Read, decode and parse the YAML file at `path`; every failure is a YamlFileError."""
    return loads(decode(read_bytes(path, what), str(path)), str(path))

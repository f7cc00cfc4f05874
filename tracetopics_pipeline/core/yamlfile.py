"""The one reader for YAML files a user hands tracetopics (a facets file, an executor config).

Every way such a file can be wrong ends in `YamlFileError`, one line naming the path and what
to do, never a traceback or a hang (review rv6 C2):
  * bytes that are not UTF-8 (a UTF-16 or UTF-32 export gets the iconv command), a NUL byte;
  * any YAML syntax or composition error (with its line);
  * nesting too deep for the parser (RecursionError);
  * anchors and aliases that expand past `MAX_NODES` nodes ("billion laughs") or refer to
    themselves (`a: &a [*a]`). Plain reuse (`- *account_data`, as the packaged facets.yaml
    does) stays allowed: it is counted at its expanded size, so the cap bounds every walk
    of the tree after it;
  * a merge key `<<` (not supported: repeat the fields), a tag the safe loader does not know
    (`!env`, `!!python/object:...`), a typed value that is not of its type (`!!int abc`,
    `2026-13-45` read as a date), a key given twice in one mapping (review rv7 Y1).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

MAX_NODES = 200_000  # expanded nodes; the packaged facets.yaml has ~6,000
MAX_DEPTH = 200  # nesting levels; a facets file uses fewer than 10
WIDE_HINT = "it is {enc}: convert it with `iconv -f {enc} -t UTF-8 FILE > NEW`"


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


_STACK_LOCK = threading.Lock()
_stack_users = 0  # readers inside `_stack` now, in any thread
_stack_limit = 0  # the limit before the first of them raised it


@contextmanager
def _stack(frames: int):
    """Room for MAX_DEPTH levels of PyYAML's recursive composer (~6 frames a level). The limit
    is the interpreter's, shared by every thread: the last reader out restores it (each restoring
    its own 'old' left it raised for good when two threads' reads overlapped, e.g. the explorer
    loading facets for two requests at once)."""
    global _stack_users, _stack_limit
    with _STACK_LOCK:
        if _stack_users == 0:
            _stack_limit = sys.getrecursionlimit()
        _stack_users += 1
        sys.setrecursionlimit(max(sys.getrecursionlimit(), frames))
    try:
        yield
    finally:
        with _STACK_LOCK:
            _stack_users -= 1
            if _stack_users == 0:
                sys.setrecursionlimit(_stack_limit)


def decode(data: bytes, source: str) -> str:
    """A YAML file's bytes as text: UTF-8 (a leading BOM is dropped) or a one-line error."""
    from tracetopics_pipeline.core.ingest.files import wide_encoding

    if enc := wide_encoding(data[:64], data[:1] == b"\x00" or data[1:2] == b"\x00"):
        hint = WIDE_HINT.format(enc=enc).replace("FILE", source)
        raise YamlFileError(f"{source}: not UTF-8 text ({hint})")
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


MERGE_TAG = "tag:yaml.org,2002:merge"
_KNOWN_TAGS = frozenset(t for t in yaml.SafeLoader.yaml_constructors if t is not None) - {MERGE_TAG}


def _short_tag(tag: str) -> str:
    return (
        "!!" + tag.removeprefix("tag:yaml.org,2002:")
        if tag.startswith("tag:yaml.org,2002:")
        else tag
    )


def _check_node(
    node: yaml.Node, source: str, constructor: yaml.constructor.SafeConstructor
) -> None:
    """One node's own faults, each one line naming the file and the line: a merge key, a tag
    the safe loader does not know, a typed scalar that is not of its type, a repeated key."""
    where = f"{source} line {node.start_mark.line + 1}"
    if node.tag == MERGE_TAG:
        raise YamlFileError(
            f"{where}: merge keys (`<<`) are not supported: repeat the fields (an alias `*name` "
            "reuses a whole value); quote '<<' if it is meant as text"
        )
    if node.tag not in _KNOWN_TAGS:
        raise YamlFileError(
            f"{where}: unknown tag {_short_tag(node.tag)!s}: tags are not supported; write the "
            "plain value (quote it if it is text)"
        )
    if isinstance(node, yaml.ScalarNode):
        try:
            constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            kind = _short_tag(node.tag).removeprefix("!!")
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "..."
            raise YamlFileError(
                f"{where}: {shown!r} is not a valid {kind}; fix it, or quote it if it is text"
            ) from None
    elif isinstance(node, yaml.MappingNode):
        seen: dict[tuple[str, str], int] = {}
        for k, _ in node.value:
            if not isinstance(k, yaml.ScalarNode):
                continue
            line = k.start_mark.line + 1
            if (k.tag, k.value) in seen:
                raise YamlFileError(
                    f"{source} line {line}: key {k.value!r} is given twice in one mapping"
                    + (
                        f" (first on line {seen[k.tag, k.value]})"
                        if seen[k.tag, k.value] != line
                        else ""
                    )
                    + "; keep one"
                )
            seen[k.tag, k.value] = line


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for kv in node.value:
            yield from kv
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def _check_size(root: yaml.Node, source: str) -> None:
    """Refuse an alias graph that refers to itself or expands past MAX_NODES (iteratively),
    and any node `_check_node` refuses (each node once, however often it is reused)."""
    constructor = yaml.constructor.SafeConstructor()
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = list(_children(node))
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
        _check_node(node, source, constructor)
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
    except (ValueError, TypeError, OverflowError) as e:  # a typed scalar (`!!int abc`)
        if isinstance(e, YamlFileError):
            raise
        raise YamlFileError(f"{source}: a value is not of its type: {e}") from None


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
    """One scalar node's value (str, int, float, bool, None, date...), of a graph `compose`
    has checked (so its tag is known and its value is of its type)."""
    _SCALARS.constructed_objects.clear()  # the cache would keep every node of every file
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

"""The explorer's local model in a child process (embedders/sidecar.py): the same vectors as in
this process, and a child that dies costs nothing but time (the texts embed here instead)."""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal

import numpy as np
import pytest

from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.embedders import make_embedder
from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder
from tracetopics_pipeline.core.topics.embedders.sidecar import SidecarEmbedder

pytestmark = pytest.mark.timeout(300)

TEXTS = ["Export a dashboard to CSV", "Charged twice this month", "Set up SAML SSO with Okta"]


def test_the_child_gives_this_process_s_vectors() -> None:
    side = make_embedder(Settings.from_env(), in_child=True)
    assert isinstance(side, SidecarEmbedder)
    side.prepare()  # the child starts loading now
    got = side.embed(TEXTS)
    assert side.child_pid() != os.getpid()
    assert side.child_pid() in {p.pid for p in mp.active_children()}
    want = SentenceEmbedder(None).embed(TEXTS)
    assert got.shape == want.shape == (3, 384) and side.dim == 384
    assert np.allclose(got, want, atol=1e-5)
    assert side.model_id() == SentenceEmbedder(None).model_id()


def test_a_dead_child_falls_back_to_this_process(caplog: pytest.LogCaptureFixture) -> None:
    side = SidecarEmbedder(None)
    side.embed(TEXTS[:1])  # the child is up
    pid = side.child_pid()
    os.kill(pid, signal.SIGKILL)
    [p.join(30) for p in mp.active_children() if p.pid == pid]
    with caplog.at_level(logging.WARNING):
        got = side.embed(TEXTS)
    assert "embedding in this process" in caplog.text
    assert np.allclose(got, SentenceEmbedder(None).embed(TEXTS), atol=1e-5)
    assert np.allclose(side.embed(TEXTS), got, atol=1e-5)  # and a new child serves the next call


def test_ctrl_c_to_the_process_group_leaves_the_child_to_this_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Ctrl-C on the server reaches the child too: it must not die before this process stops
    it (the server then printed that the child died and embedded in its own process)."""
    side = SidecarEmbedder(None)
    side.embed(TEXTS[:1])
    pid = side.child_pid()
    os.kill(pid, signal.SIGINT)
    with caplog.at_level(logging.WARNING):
        got = side.embed(TEXTS)
    assert side.child_pid() == pid and "embedding in this process" not in caplog.text
    assert got.shape == (3, 384)


def test_the_child_stops_when_its_parent_dies_without_cleaning_up() -> None:
    """SIGTERM (uvicorn re-raises it after its shutdown, so atexit never runs), SIGKILL or a
    crash of the server: the child, holding the model, must not stay behind as an orphan."""
    import subprocess
    import sys
    import time

    code = (
        "import os, signal\n"
        "from tracetopics_pipeline.core.topics.embedders.sidecar import SidecarEmbedder\n"
        "side = SidecarEmbedder(None)\n"
        "print(side.child_pid(), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    child = int(proc.stdout.split()[0])
    deadline = time.monotonic() + 60  # the child may be importing the model when orphaned
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return
        time.sleep(0.5)
    os.kill(child, signal.SIGKILL)
    pytest.fail(f"the model child {child} outlived its parent")

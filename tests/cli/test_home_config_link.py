"""A home's config.toml may be a symlink to a file kept elsewhere (dotfiles): the demo's write
of its plan weights goes to that file and the link stays (session 21 adversary: the atomic
rename replaced the link by a copy, so later edits of the real file no longer counted)."""

from __future__ import annotations

from pathlib import Path

from tracetopics_pipeline.core.settings import PLAN_WEIGHTS_ENV, read_config, set_config_default
from tracetopics_pipeline.demo.vocab import PLAN_WEIGHTS


def test_a_linked_config_is_written_through_its_link(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "tracetopics.toml"
    real.parent.mkdir()
    real.write_text('TRACETOPICS_LOCK_WAIT_S = "60"\n', encoding="utf-8")
    link = tmp_path / "home" / "config.toml"
    link.parent.mkdir()
    link.symlink_to(real)
    assert set_config_default(link, PLAN_WEIGHTS_ENV, PLAN_WEIGHTS)
    assert link.is_symlink()
    assert PLAN_WEIGHTS_ENV in read_config(real)
    assert read_config(link)["TRACETOPICS_LOCK_WAIT_S"] == "60"


def test_a_plain_config_is_still_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('TRACETOPICS_LOCK_WAIT_S = "60"\n', encoding="utf-8")
    assert set_config_default(path, PLAN_WEIGHTS_ENV, PLAN_WEIGHTS)
    assert not set_config_default(path, PLAN_WEIGHTS_ENV, PLAN_WEIGHTS)  # set once
    assert not path.is_symlink()
    assert set(read_config(path)) == {PLAN_WEIGHTS_ENV, "TRACETOPICS_LOCK_WAIT_S"}

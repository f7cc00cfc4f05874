"""A file that is no text is named by what it looks like; UTF-16 and UTF-32 JSON lines, with or
without a BOM and in any script, are named as such and never as binary (review rv12 L4)."""

from __future__ import annotations

import json
import random
import struct
from pathlib import Path

import pytest

from tracetopics_pipeline.core.ingest.files import binary_kind, text_lines, wide_encoding

SAMPLES = [
    "I can't export my dashboard to CSV",
    "Je n'arrive pas à exporter mon tableau de bord",
    "Не могу экспортировать отчёт, помогите",
    "会議の予約を変更したいのですが、どうすればいいですか",
    "导出报表时总是超时怎么办",
    "لا أستطيع تصدير لوحة المعلومات",
    "thanks 👍🏽 it works now 🎉",
]


def jsonl(rng: random.Random, n: int = 8) -> str:
    rows = []
    for i in range(n):
        text = " ".join(rng.choice(SAMPLES) for _ in range(rng.randint(1, 4)))
        obj = {"id": f"t{i}", "created": "2026-11-20T10:00:00Z", "input": text}
        rows.append(json.dumps(obj, ensure_ascii=rng.random() < 0.3))
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize(
    ("codec", "name"),
    [("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32")],
)  # fmt: skip
def test_wide_json_lines_in_any_script_are_wide_not_binary(
    tmp_path: Path, seed: int, codec: str, name: str
) -> None:
    text = jsonl(random.Random(seed))
    for bom in ("", "\ufeff"):
        path = tmp_path / "w.jsonl"
        path.write_bytes((bom + text).encode(codec))
        check = text_lines(path, 1_000_000)
        assert (check.wide, check.binary) == (name, ""), (codec, bom)


@pytest.mark.parametrize(
    "codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"]
)
@pytest.mark.parametrize("sample", [3, 4, 5])
def test_long_strings_in_other_scripts_are_still_text(
    tmp_path: Path, codec: str, sample: int
) -> None:
    """A line mostly of Japanese, Chinese or Arabic is mostly not ASCII, and its UTF-16 holds
    control bytes (会 is 1a 4f); its braces and quotes still say JSON."""
    rows = [
        json.dumps({"id": f"t{i}", "created": "2026-11-20T10:00:00Z", "input": SAMPLES[sample] * 40}, ensure_ascii=False)
        for i in range(5)
    ]  # fmt: skip
    path = tmp_path / "w.jsonl"
    path.write_bytes("\n".join(rows).encode(codec))
    check = text_lines(path, 1_000_000)
    assert check.binary == "" and check.wide == ("UTF-32" if "32" in codec else "UTF-16")


@pytest.mark.parametrize("seed", range(12))
def test_nul_filled_data_is_binary_whatever_its_numbers(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    fmt = rng.choice(["<i", ">i", "<d", "<h", "<q"])
    values = [rng.randint(0, 5000) for _ in range(3000)]
    if fmt == "<d":
        data = b"".join(struct.pack(fmt, v / 7) for v in values)
    else:
        data = b"".join(struct.pack(fmt, v) for v in values)
    path = tmp_path / "n.jsonl"
    path.write_bytes(data)
    check = text_lines(path, 1_000_000)
    assert check.binary.startswith("binary data"), (fmt, check)
    assert check.wide == ""


def test_magic_numbers_count_only_in_a_head_that_is_no_text() -> None:
    assert binary_kind(b"\x7fELF\x02\x01\x01\x00\x00\x00", False) == "an executable (ELF)"
    assert binary_kind(b"\x7fELF is a line of text\n{}\n", False) == ""
    assert binary_kind(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", False) == "a PDF document"
    assert binary_kind(b"%PDF- is text\n", False) == ""
    assert binary_kind(b"\x1f\x8b\x08\x00\x00\x00", True) == ""  # gzip: landed with advice
    assert binary_kind(b"MZ\x90\x00" + bytes(60) + b"PE\x00\x00", True).startswith("a Windows")


def test_a_utf16_yaml_head_is_still_named() -> None:
    """yamlfile.decode asks with 64 bytes and a NUL in the first two."""
    assert wide_encoding("facets:\n  - name: A\n".encode("utf-16-le")[:64], True) == "UTF-16"
    assert wide_encoding(b"\x7fELF\x02\x01\x01" + bytes(57), True) == ""

"""`tracetopics ingest` refuses a file that is not text at all (an executable, an image, a PDF,
a database, a spreadsheet, or NUL-filled data that is no UTF-16/UTF-32 text) in one line naming
what it looks like, and lands nothing; UTF-16 and UTF-32 JSON lines keep their iconv advice, and
a text file with a few bad lines still lands (review rv12 L4: /bin/ls copied to x.jsonl was
called "UTF-32 text" and given iconv advice)."""

from __future__ import annotations

import io
import shutil
import sqlite3
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from tracetopics_pipeline.cli import main

TRACE = b'{"id": "t1", "created": "2026-11-20T10:00:00Z", "input": "hi"}\n'

pytestmark = pytest.mark.usefixtures("in_tmp")  # the root conftest's `home`, run from tmp_path


def _elf(path: Path) -> None:
    for exe in ("/bin/ls", "/usr/bin/env", sys.executable):
        if Path(exe).is_file() and Path(exe).read_bytes()[:4] == b"\x7fELF":
            shutil.copyfile(exe, path)
            return
    pytest.skip("no ELF executable on this machine")


def _png(path: Path) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + bytes(range(i, i + 48)) for i in range(16))
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _pdf(path: Path) -> None:
    stream = zlib.compress(b"BT /F1 12 Tf 72 712 Td (Quarterly traces) Tj ET" * 20)
    path.write_bytes(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        + f"4 0 obj\n<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
        + stream
        + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def _sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE traces (id TEXT, body TEXT)")
    con.executemany("INSERT INTO traces VALUES (?, ?)", [(f"t{i}", "hello") for i in range(50)])
    con.commit()
    con.close()


def _xlsx(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet>" + "<row/>" * 200 + "</worksheet>")
    path.write_bytes(buf.getvalue())


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("traces.jsonl", TRACE * 50)


def _numbers(path: Path) -> None:
    """Raw binary data with no magic number: little-endian integers, NULs everywhere."""
    path.write_bytes(struct.pack("<4000i", *range(0, 400_000, 100)))


BINARY = {
    "elf": (_elf, "looks like an executable (ELF), not JSON lines"),
    "png": (_png, "looks like a PNG image, not JSON lines"),
    "pdf": (_pdf, "looks like a PDF document, not JSON lines"),
    "sqlite": (_sqlite, "looks like an SQLite database, not JSON lines"),
    "xlsx": (_xlsx, "looks like an Excel workbook (.xlsx), not JSON lines"),
    "zip": (_zip, "looks like a ZIP archive, not JSON lines"),
    "numbers": (_numbers, "looks like binary data"),
}


@pytest.mark.parametrize("kind", sorted(BINARY))
@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_a_binary_file_is_refused_in_one_line(
    home: Path, capsys: pytest.CaptureFixture[str], kind: str, suffix: str
) -> None:
    make, expected = BINARY[kind]
    make(Path(f"x{suffix}"))
    Path("good.jsonl").write_bytes(TRACE)
    rc = main(["ingest", "good.jsonl", f"x{suffix}"])
    err = capsys.readouterr().err
    assert rc != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: x{suffix} {expected}"), lines[0]
    assert "Traceback" not in err and "iconv" not in err and "UTF-32" not in err
    assert not list((home / "landing").glob("*")) if (home / "landing").exists() else True


def test_a_parquet_file_named_jsonl_is_told_to_be_named_parquet(home: Path, capsys) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": ["t1"], "created": ["2026-11-20T10:00:00Z"]}), "p.jsonl")
    assert main(["ingest", "p.jsonl"]) != 0
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("error: p.jsonl looks like a Parquet file, not JSON lines")
    assert "p.parquet" in line


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_json_lines_still_land_with_the_iconv_advice(
    home: Path, capsys, encoding: str
) -> None:
    text = "".join(TRACE.replace(b"t1", f"t{i}".encode()).decode() for i in range(5))
    Path("wide.jsonl").write_bytes(text.encode(encoding))
    assert main(["ingest", "wide.jsonl"]) == 0
    (err,) = capsys.readouterr().err.splitlines()
    enc = "UTF-32" if "32" in encoding else "UTF-16"
    assert err.startswith(f"warning: wide.jsonl is {enc} text"), err
    assert f"iconv -f {enc} -t UTF-8" in err
    assert len(list((home / "landing").glob("*.jsonl"))) == 1


def test_non_ascii_utf16_json_lines_are_text_not_binary(home: Path, capsys) -> None:
    text = '{"id": "t1", "created": "2026-11-20T10:00:00Z", "input": "会議の予約を変更したい"}\n'
    Path("jp.jsonl").write_bytes((text * 4).encode("utf-16-le"))
    assert main(["ingest", "jp.jsonl"]) == 0
    assert "is UTF-16 text" in capsys.readouterr().err


def test_text_with_a_few_binary_lines_still_lands(home: Path, capsys) -> None:
    """A line of NULs or of an image's bytes among traces is that line's problem: quarantined
    at the run, the rest lands (the file is no binary file)."""
    Path("mixed.jsonl").write_bytes(
        TRACE * 3 + b"\x00" * 40 + b"\n" + TRACE + b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n"
    )
    Path("starts.jsonl").write_bytes(b"\x7fELF junk line\n" + TRACE * 4)
    assert main(["ingest", "mixed.jsonl", "starts.jsonl"]) == 0
    err = capsys.readouterr().err
    assert "looks like" not in err
    assert len(list((home / "landing").glob("*.jsonl"))) == 2

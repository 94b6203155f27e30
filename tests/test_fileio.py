"""app.fileio: writes that are all or nothing and keep the file's mode and links; reads that never
hang or run out of memory; spreadsheet-safe cells (issue 24)."""

from __future__ import annotations

import errno
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from app import fileio
from app.fileio import FileProblem, clean_stale, read_regular, spreadsheet_restore, spreadsheet_safe, write_atomic

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX modes, FIFOs and devices")


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(fileio.TEMP_PREFIX)]


@posix_only
def test_an_existing_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path):
    """Saving re-created the file with mode 0600, so colleagues lost access in a shared folder."""
    shared = tmp_path / "shared.gpuplan"
    shared.write_text("old")
    os.chmod(shared, 0o664)
    write_atomic(shared, "new")
    assert shared.read_text() == "new" and stat.S_IMODE(shared.stat().st_mode) == 0o664
    old = os.umask(0o027)
    try:
        fileio._UMASK = None
        write_atomic(tmp_path / "fresh.pdf", b"%PDF")
    finally:
        os.umask(old)
        fileio._UMASK = None
    assert stat.S_IMODE((tmp_path / "fresh.pdf").stat().st_mode) == 0o640  # 0666 & ~0027, not mkstemp's 0600


@posix_only
def test_a_symlink_is_followed_to_the_real_file_and_stays_a_link(tmp_path):
    real = tmp_path / "real" / "plan.gpuplan"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.gpuplan"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert _leftovers(real.parent) == [] and _leftovers(tmp_path) == []


def test_folders_and_missing_folders_are_refused_by_name(tmp_path):
    with pytest.raises(FileProblem) as e:
        write_atomic(tmp_path, "x")
    assert e.value.code == "is_dir"
    with pytest.raises(FileProblem) as e:
        write_atomic(tmp_path / "nowhere" / "x.csv", "x")
    assert e.value.code == "no_folder" and "nowhere" in e.value.params["folder"]


def test_a_full_disk_leaves_the_previous_file_and_no_temporary_file(tmp_path, monkeypatch):
    """ENOSPC half-way through (simulated: os.write fails after the first 100 bytes)."""
    target = tmp_path / "catalog.csv"
    target.write_text("the previous export\n")
    real_write = os.write
    written = {"n": 0}

    def full(fd, data):
        if written["n"] >= 100:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        n = real_write(fd, bytes(data[:100]))
        written["n"] += n
        return n

    monkeypatch.setattr(fileio.os, "write", full)
    with pytest.raises(OSError) as e:
        write_atomic(target, "x" * 10000)
    assert e.value.errno == errno.ENOSPC
    assert target.read_text() == "the previous export\n" and _leftovers(tmp_path) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_device_is_written_in_place_and_dev_full_fails():
    """--pdf /dev/full reported "wrote … (6 pages)" for a file that never was."""
    with pytest.raises(OSError) as e:
        write_atomic("/dev/full", b"%PDF-1.4 " * 1000)
    assert e.value.errno == errno.ENOSPC
    write_atomic("/dev/null", b"fine")  # a device that takes bytes: no temporary file next to it


def test_stale_temporary_files_of_killed_writes_are_removed_and_fresh_ones_kept(tmp_path):
    stale = tmp_path / f"{fileio.TEMP_PREFIX}abc{fileio.TEMP_SUFFIX}"
    legacy = tmp_path / ".gpuplan-k3j4h5g6"  # the name the plan writer used before issue 24
    fresh = tmp_path / f"{fileio.TEMP_PREFIX}new{fileio.TEMP_SUFFIX}"
    other = tmp_path / ".gpuplan-notes.txt"  # not ours: never touched
    for p in (stale, legacy, fresh, other):
        p.write_text("x")
    past = time.time() - fileio.STALE_S - 60
    for p in (stale, legacy, other):
        os.utime(p, (past, past))
    write_atomic(tmp_path / "plan.gpuplan", "{}")
    assert not stale.exists() and not legacy.exists() and fresh.exists() and other.exists()
    assert clean_stale(tmp_path / "missing") == 0


@posix_only
def test_a_fifo_is_refused_without_blocking(tmp_path):
    """A plan file that was a FIFO froze the GUI (open() waits for a writer)."""
    fifo = tmp_path / "plan.gpuplan"
    os.mkfifo(fifo)
    result: dict[str, BaseException] = {}

    def go():
        try:
            read_regular(fifo, 1 << 20)
        except BaseException as e:  # noqa: BLE001 - recorded for the assertion
            result["e"] = e

    t = threading.Thread(target=go, daemon=True)
    t.start()
    t.join(5)
    assert not t.is_alive(), "reading a FIFO blocked"
    assert isinstance(result.get("e"), FileProblem) and result["e"].code == "not_regular"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_link_to_dev_zero_is_refused_not_read_until_memory_runs_out(tmp_path):
    link = tmp_path / "plan.gpuplan"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileProblem) as e:
        read_regular(link, 1 << 20)
    assert e.value.code == "not_regular"


def test_reads_are_bounded_and_folders_refused(tmp_path):
    big = tmp_path / "big.gpuplan"
    big.write_bytes(b" " * 2000)
    with pytest.raises(FileProblem) as e:
        read_regular(big, 1000)
    assert e.value.code == "too_large"
    assert read_regular(big, 2000) == b" " * 2000
    with pytest.raises(FileProblem) as e:
        read_regular(tmp_path, 1000)
    assert e.value.code == "is_dir"


@pytest.mark.parametrize("cell,shown", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"), ("@SUM(A1:A9)", "'@SUM(A1:A9)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("-5", "-5"), ("+1.5e3", "+1.5e3"), ("-.5", "-.5"), ("H100 SXM", "H100 SXM"), ("", ""),
])
def test_cells_a_spreadsheet_would_run_get_an_apostrophe_plain_numbers_do_not(cell, shown):
    """OWASP "CSV Injection": prefix cells starting with = + - @ tab or CR with a single quote."""
    assert spreadsheet_safe(cell) == shown


@pytest.mark.parametrize("cell", ["=1", "'=1", "''=1", "'", "''", "'plain", "-5", "-x", "@", "=", "a=b", "'\t", "日本語"])
def test_every_cell_round_trips(cell):
    safe = spreadsheet_safe(cell)
    assert spreadsheet_restore(safe) == cell
    assert not safe.startswith(("=", "+", "@", "\t", "\r")) and (not safe.startswith("-") or safe == "-5")

"""packaging/build.py's packaging steps on a tiny stand-in bundle (fast; the real bundle is built and
checked in test_bundle.py, marked ``bundle``), and the per-OS files it feeds."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile

import pytest

from app import __version__
from tests.packaging.helpers import ROOT, build, deb_control, deb_listing

linux_tools = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and all(shutil.which(t) for t in ("dpkg-deb", "objdump", "readelf"))),
    reason="needs dpkg-deb and binutils")


@pytest.fixture
def bundle(tmp_path):
    """A folder shaped like PyInstaller's: an executable, a library link, a data file."""
    b = tmp_path / "dist" / "gpu-planner"
    (b / "_internal").mkdir(parents=True)
    shutil.copy("/bin/true", b / "gpu-planner")
    (b / "_internal" / "catalog.db").write_bytes(b"db")
    (b / "_internal" / "libfoo.so.6").symlink_to("catalog.db")
    return b


def test_version_is_the_apps():
    assert build.version() == __version__


@linux_tools
def test_deb_puts_the_app_on_the_path_with_a_menu_entry_and_icons(bundle, tmp_path):
    deb = build.make_deb(bundle, tmp_path / "work", tmp_path, "1.2.3")
    assert deb.name == f"gpu-planner_1.2.3_{build.deb_arch()}.deb"
    listing = deb_listing(deb)
    assert listing["./usr/bin/gpu-planner"].endswith(" -> /opt/gpu-planner/gpu-planner")
    for path in ("./opt/gpu-planner/gpu-planner", "./opt/gpu-planner/_internal/catalog.db",
                 "./usr/share/applications/gpu-planner.desktop", "./usr/share/icons/hicolor/256x256/apps/gpu-planner.png",
                 "./usr/share/icons/hicolor/scalable/apps/gpu-planner.svg", "./usr/share/doc/gpu-planner/copyright"):
        assert path in listing
    assert listing["./opt/gpu-planner/_internal/libfoo.so.6"].endswith(" -> catalog.db")  # links kept
    assert all(" root/root " in line for line in listing.values())
    modes = {p: line.split()[0] for p, line in listing.items() if not line.startswith("l")}
    assert modes["./opt/gpu-planner/gpu-planner"] == "-rwxr-xr-x"
    assert modes["./opt/gpu-planner/_internal/catalog.db"] == "-rw-r--r--"
    assert [p for p, m in modes.items() if m[5] == "w" or m[8] == "w"] == []  # no group/other write

    control = deb_control(deb)
    assert control["Package"] == "gpu-planner" and control["Version"] == "1.2.3"
    assert re.fullmatch(r"libc6 \(>= 2\.\d+\), .*", control["Depends"])
    assert control["Depends"].endswith(", ".join(build.DEB_DEPENDS))
    assert int(control["Installed-Size"]) > 0


@linux_tools
def test_tarball_holds_the_folder_root_owned_with_links(bundle, tmp_path):
    out = build.make_tarball(bundle, tmp_path / "x.tar.gz")
    with tarfile.open(out) as tar:
        members = {m.name: m for m in tar.getmembers()}
    assert set(members) == {"gpu-planner", "gpu-planner/gpu-planner", "gpu-planner/_internal",
                            "gpu-planner/_internal/catalog.db", "gpu-planner/_internal/libfoo.so.6"}
    assert members["gpu-planner/_internal/libfoo.so.6"].issym()
    assert members["gpu-planner/gpu-planner"].mode & 0o111
    assert {(m.uid, m.gid, m.uname) for m in members.values()} == {(0, 0, "root")}


@linux_tools
def test_strip_debug_leaves_files_without_debug_sections_alone(bundle):
    before = (bundle / "gpu-planner").read_bytes()
    build.strip_debug(bundle)  # /bin/true ships stripped
    assert (bundle / "gpu-planner").read_bytes() == before


def test_desktop_entry_opens_the_app_without_a_terminal():
    entry = (ROOT / "packaging" / "linux" / "gpu-planner.desktop").read_text(encoding="utf-8")
    assert {"Type=Application", "Exec=gpu-planner", "Icon=gpu-planner", "Terminal=false"} <= set(entry.splitlines())
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(ROOT / "packaging" / "linux" / "gpu-planner.desktop")], check=True)


def test_windows_installer_has_start_menu_entry_uninstaller_and_signing_hook():
    iss = (ROOT / "packaging" / "windows" / "gpu-planner.iss").read_text(encoding="utf-8")
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.M)  # fixed: upgrades and uninstall find the app
    assert re.search(r'^Name: "\{autoprograms\}\\LLM GPU Planner"; Filename: "\{app\}\\gpu-planner.exe"', iss, re.M)
    assert "Uninstallable=no" not in iss and "UninstallDisplayIcon=" in iss
    assert re.search(r"#ifdef Sign\nSignTool=signtool\nSignedUninstaller=yes\n#endif", iss)
    assert "OutputBaseFilename=gpu-planner-{#AppVersion}-windows-setup" in iss


def test_spec_keeps_qtopengl_and_leaves_out_test_tools():
    spec = (ROOT / "packaging" / "gpu-planner.spec").read_text(encoding="utf-8")
    excludes = re.search(r"EXCLUDES = \[(.*?)\n\]", spec, re.S).group(1)
    assert '"PySide6.QtOpenGL"' not in excludes  # pyqtgraph imports it (platform.md)
    for tool in ("pytest", "_pytest", "pytestqt", "hypothesis", "importlinter"):
        assert f'"{tool}"' in excludes

"""Build LLM GPU Planner for the operating system this runs on:

    python3 -m pip install -e '.[build]'
    python3 packaging/build.py [--dist DIR] [--work DIR]

PyInstaller makes the one-folder bundle from packaging/gpu-planner.spec (../shared/platform.md: it works
offline; Nuitka and Briefcase do not here), then:

    Linux    dist/gpu-planner/ (run gpu-planner), gpu-planner-VERSION-linux-ARCH.tar.gz, gpu-planner_VERSION_ARCH.deb
    Windows  dist/gpu-planner/, gpu-planner-VERSION-windows-setup.exe (Inno Setup 6, packaging/windows/)
    macOS    dist/LLM GPU Planner.app, gpu-planner-VERSION-macos.dmg (hdiutil)

Progress goes to stderr; stdout is the path of each artifact, one per line, and nothing else.
Windows signing: set GPU_PLANNER_SIGNTOOL to a signtool command line ending in $f (see the .iss).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
NAME = "gpu-planner"
TITLE = "LLM GPU Planner"
MAINTAINER = "LLM GPU Planner maintainers <gpu-planner@users.noreply.invalid>"  # set when the project is hosted
SUMMARY = "plan GPUs, time and cost for serving, fine-tuning and training LLMs"

# The .deb's Depends: the Debian packages of every library the bundle needs but does not carry (libc,
# OpenGL/EGL, libxcb and Wayland, which PyInstaller never bundles, and the desktop libraries the spec
# leaves to the system). tests/packaging/test_bundle.py checks the bundle against this list.
# "a | b": the package was renamed by Debian's 64-bit time_t transition (Debian 13, Ubuntu 24.04).
DEB_DEPENDS = [
    "libstdc++6", "libgcc-s1", "libgl1", "libegl1", "libxcb1", "libx11-6", "libx11-xcb1",
    "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libglib2.0-0t64 | libglib2.0-0", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
]


def log(*parts) -> None:
    print("build:", *parts, file=sys.stderr, flush=True)


@contextmanager
def step(what: str):
    t0 = time.perf_counter()
    yield
    log(f"{what}: {time.perf_counter() - t0:.0f} s")


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def pyinstaller(dist: Path, work: Path) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("build: PyInstaller is missing; install the build extra: python3 -m pip install -e '.[build]'")
    with step(f"PyInstaller {PACKAGING / 'gpu-planner.spec'} -> {dist}"):
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                        "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
                        str(PACKAGING / "gpu-planner.spec")], check=True, stdout=sys.stderr)


# ----- Linux ---------------------------------------------------------------------------------------
def elf_files(folder: Path) -> list[Path]:
    out = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            with p.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    out.append(p)
    return out


def strip_debug(bundle: Path) -> None:
    """Drop debug sections (Python built from source carries them: libpython 23 MB -> 6 MB). Only files
    that have them: a full strip of every file can break wheels' patched libraries."""
    if not shutil.which("strip"):
        log("strip (binutils) not found: debug sections stay in the bundle")
        return
    files = elf_files(bundle)
    sections = subprocess.run(["readelf", "-S", "-W", *map(str, files)], capture_output=True, text=True).stdout
    current, with_debug = (str(files[0]) if len(files) == 1 else None), set()
    for line in sections.splitlines():  # "File: NAME" precedes each file's section table
        if line.startswith("File: "):
            current = line[len("File: "):]
        elif ".debug_info" in line and current:
            with_debug.add(current)
    if with_debug:
        subprocess.run(["strip", "--strip-debug", *sorted(with_debug)], check=True)
    log(f"stripped debug sections from {len(with_debug)} files")


def glibc_floor(bundle: Path) -> str:
    """The newest GLIBC_x.y symbol version any file of the bundle needs (the .deb's libc6 version)."""
    out = subprocess.run(["objdump", "-T", *map(str, elf_files(bundle))], capture_output=True, text=True).stdout
    versions = {tuple(int(x) for x in v.split(".")) for v in re.findall(r"GLIBC_(\d+\.\d+(?:\.\d+)?)", out)}
    return ".".join(map(str, max(versions)))


def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*"))


def _root_owned(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_tarball(bundle: Path, out: Path) -> Path:
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=NAME, filter=_root_owned)
    return out


def deb_control(ver: str, arch: str, installed_kib: int, libc: str) -> str:
    depends = ", ".join([f"libc6 (>= {libc})", *DEB_DEPENDS])
    return (f"Package: {NAME}\nVersion: {ver}\nArchitecture: {arch}\nMaintainer: {MAINTAINER}\n"
            f"Installed-Size: {installed_kib}\nDepends: {depends}\nSection: misc\nPriority: optional\n"
            f"Description: {TITLE}: {SUMMARY}\n"
            " A desktop wizard and command line that recommend GPUs, parallel layout, time and cloud or\n"
            " on-premises cost for LLM inference, fine-tuning, continued pre-training and training\n"
            " from scratch, and write the recommendation as a PDF report in English or Japanese.\n")


def deb_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def make_deb(bundle: Path, work: Path, out_dir: Path, ver: str) -> Path:
    """/opt/gpu-planner (the bundle), /usr/bin/gpu-planner -> it, a desktop entry and icons."""
    arch = deb_arch()
    root = work / "deb"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / "opt" / NAME, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{NAME}/{NAME}", root / "usr" / "bin" / NAME)  # absolute: it leaves /usr (Debian policy 10.5)
    share = root / "usr" / "share"
    for src, dest in [(PACKAGING / "linux" / f"{NAME}.desktop", share / "applications"),
                      (ROOT / "resources" / "icons" / f"{NAME}.png", share / "icons" / "hicolor" / "256x256" / "apps"),
                      (ROOT / "resources" / "icons" / f"{NAME}.svg", share / "icons" / "hicolor" / "scalable" / "apps"),
                      (PACKAGING / "linux" / "copyright", share / "doc" / NAME)]:
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)
    for p in [root, *root.rglob("*")]:  # no group/other write bits, whatever the umask was
        if not p.is_symlink():
            p.chmod(0o755 if p.is_dir() or os.access(p, os.X_OK) else 0o644)
    (root / "DEBIAN").mkdir()
    control = deb_control(ver, arch, folder_bytes(root) // 1024, glibc_floor(bundle))
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    out = out_dir / f"{NAME}_{ver}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(out)],
                   check=True, stdout=sys.stderr)
    return out


def build_linux(dist: Path, work: Path, ver: str) -> list[Path]:
    bundle = dist / NAME
    with step("strip"):
        strip_debug(bundle)
    log(f"bundle {folder_bytes(bundle) / 1e6:.1f} MB unpacked")
    with step(".tar.gz"):
        out = [bundle, make_tarball(bundle, dist / f"{NAME}-{ver}-linux-{platform.machine()}.tar.gz")]
    if shutil.which("dpkg-deb"):
        with step(".deb"):
            out.append(make_deb(bundle, work, dist, ver))
    else:
        log("dpkg-deb not found (not a Debian-family system): no .deb")
    return out


# ----- Windows -------------------------------------------------------------------------------------
def find_iscc() -> str:
    for candidate in (shutil.which("iscc"), *(Path(os.environ.get(v, "")) / "Inno Setup 6" / "ISCC.exe"
                                               for v in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"))):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    sys.exit("build: Inno Setup 6 (ISCC.exe) not found; install it from jrsoftware.org or: choco install innosetup")


def build_windows(dist: Path, ver: str) -> list[Path]:
    cmd = [find_iscc(), f"/DAppVersion={ver}", f"/DBundleDir={dist / NAME}", f"/DOutputDir={dist}",
           f"/DIconFile={ROOT / 'resources' / 'icons' / (NAME + '.ico')}"]
    signtool = os.environ.get("GPU_PLANNER_SIGNTOOL")
    if signtool:  # Inno Setup signs the setup, the uninstaller and the files marked signonce
        cmd += ["/DSign", f"/Ssigntool={signtool}"]
    subprocess.run([*cmd, str(PACKAGING / "windows" / f"{NAME}.iss")], check=True, stdout=sys.stderr)
    return [dist / NAME, dist / f"{NAME}-{ver}-windows-setup.exe"]


# ----- macOS ---------------------------------------------------------------------------------------
def build_macos(dist: Path, work: Path, ver: str) -> list[Path]:
    app = dist / f"{TITLE}.app"
    stage = work / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    subprocess.run(["ditto", str(app), str(stage / app.name)], check=True)
    os.symlink("/Applications", stage / "Applications")  # drag the app onto it to install
    out = dist / f"{NAME}-{ver}-macos.dmg"
    subprocess.run(["hdiutil", "create", "-volname", TITLE, "-srcfolder", str(stage), "-ov", "-format", "UDZO",
                    str(out)], check=True, stdout=sys.stderr)
    return [app, out]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build the app and its installers for this operating system.")
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the artifacts go (default: dist/)")
    p.add_argument("--work", type=Path, default=ROOT / "build", help="intermediate files (default: build/)")
    a = p.parse_args(argv)
    dist, work, ver = a.dist.resolve(), a.work.resolve(), version()
    pyinstaller(dist, work)
    if sys.platform.startswith("linux"):
        artifacts = build_linux(dist, work, ver)
    elif sys.platform == "win32":
        artifacts = build_windows(dist, ver)
    elif sys.platform == "darwin":
        artifacts = build_macos(dist, work, ver)
    else:
        artifacts = [dist / NAME]
    for path in artifacts:
        print(path, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

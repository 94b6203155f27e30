"""The frozen app as a user gets it: ``python packaging/build.py`` once for this module (about two
minutes), then the bundle, the .tar.gz and the .deb are checked, and the frozen ``--selftest`` runs
offscreen. Marked ``bundle``: the normal run deselects it (pyproject addopts); .ci/run runs it on every
build with ``-m bundle``. Linux only: the Windows and macOS installers are built by
.github/workflows/build.yml on their own runners."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.packaging.helpers import ROOT, build, deb_control, deb_listing

pytestmark = [pytest.mark.bundle,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux artifacts are built here")]

# 200: issue 22 added the tokenizers library (12 MB) and gguf with PyYAML (2.5 MB); was 180
MAX_BUNDLE_MB, MAX_DEB_MB = 200, 80


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(out / "dist"),
                        "--work", str(out / "work")], capture_output=True, text=True, timeout=1800)
    seconds = time.perf_counter() - t0
    assert r.returncode == 0, r.stderr[-4000:]
    paths = [Path(line) for line in r.stdout.splitlines()]
    print(f"build.py: {seconds:.0f} s\n" + "\n".join(line for line in r.stderr.splitlines() if line.startswith("build:")))
    return SimpleNamespace(paths=paths, bundle=paths[0], tarball=paths[1], deb=paths[2] if len(paths) > 2 else None,
                           root=out)


def user_env(home: Path, **extra) -> dict:
    """A user's session without a display: nothing from the developer's environment leaks in."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local" / "share"), "XDG_CACHE_HOME": str(home / ".cache"),
           "QT_QPA_PLATFORM": "offscreen"}
    return {**env, **extra}


def snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.lstat().st_mtime_ns for p in folder.rglob("*")}


def selftest(executable: Path, tmp: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(executable), "--selftest"], capture_output=True, text=True, timeout=300, cwd=tmp,
                          env=user_env(tmp / "home", GPU_PLANNER_SELFTEST_DIR=str(tmp / "pdfs")))


def test_build_prints_the_artifacts_last(built):
    assert [p.name for p in built.paths] == [
        "gpu-planner", f"gpu-planner-{build.version()}-linux-{os.uname().machine}.tar.gz",
        f"gpu-planner_{build.version()}_{build.deb_arch()}.deb"]
    assert all(p.exists() for p in built.paths)
    assert os.access(built.bundle / "gpu-planner", os.X_OK)


def test_frozen_selftest_passes_offscreen_and_writes_only_its_own_files(built, tmp_path):
    before = snapshot(built.bundle)
    t0 = time.perf_counter()
    r = selftest(built.bundle / "gpu-planner", tmp_path)
    print(f"frozen selftest: {time.perf_counter() - t0:.1f} s\n{r.stdout}")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[-1].startswith("selftest: passed")
    assert "Traceback" not in r.stderr
    assert snapshot(built.bundle) == before  # the shipped catalog and resources are never written
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert [w for w in written if not w.startswith(("pdfs/", "home/.cache/"))] == []
    if shutil.which("pdftotext"):  # the bundled font is embedded: Japanese reads back as typed
        text = subprocess.run(["pdftotext", str(tmp_path / "pdfs" / "selftest-finetune-ja.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert re.search("[\u3040-\u30ff\u4e00-\u9fff]", text), text[:300]


def test_frozen_selftest_fails_with_a_clear_message(built, tmp_path):
    broken = tmp_path / "gpu-planner"
    shutil.copytree(built.bundle, broken, symlinks=True)
    (broken / "_internal" / "catalog.db").unlink()
    r = selftest(broken / "gpu-planner", tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines()[-1] == f"selftest: FAILED resources: missing {broken / '_internal' / 'catalog.db'}"


def test_frozen_app_reads_model_files_and_counts_tokens(built, tmp_path):
    """The libraries the frozen app loads lazily are in the bundle: gguf (with PyYAML) for a .gguf
    header, tokenizers for an exact count; Parquet is refused with its reason (pyarrow is left out)."""
    import json

    from tokenizers import Tokenizer, models, pre_tokenizers

    from tests.planning.test_model_file import write_gguf

    n = write_gguf(tmp_path / "tiny.gguf")
    tok = Tokenizer(models.WordLevel({"[UNK]": 0}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.save(str(tmp_path / "tokenizer.json"))
    (tmp_path / "c.txt").write_text("a b c\nd e\n", encoding="utf-8")
    exe, env = str(built.bundle / "gpu-planner"), user_env(tmp_path / "home")
    r = subprocess.run([exe, "plan", "--goal", "inference", "--model-file", str(tmp_path / "tiny.gguf"), "--json"],
                       capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout)["workload"]["params"] == n
    r = subprocess.run([exe, "tokens", str(tmp_path / "c.txt"), "--tokenizer", str(tmp_path / "tokenizer.json"), "--json"],
                       capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout)["tokens"][tmp_path.name] == 5
    (tmp_path / "pq").mkdir()
    (tmp_path / "pq" / "t.parquet").write_bytes(b"PAR1")
    r = subprocess.run([exe, "tokens", str(tmp_path / "pq")], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert r.returncode == 2 and "parquet_needs_pyarrow" in r.stderr, r.stderr[-2000:]


def test_frozen_window_opens(built, tmp_path):
    """The wizard starts (imports the GUI side the selftest does not need) and keeps running."""
    proc = subprocess.Popen([str(built.bundle / "gpu-planner")], env=user_env(tmp_path / "home"), cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(8)
        assert proc.poll() is None, proc.communicate()[1][-3000:]
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err and "ImportError" not in err, err[-3000:]


def test_bundle_is_complete_and_small(built):
    internal = built.bundle / "_internal"
    for need in ("catalog.db", "resources/fonts/GPUPlannerSansJP-Regular.otf", "resources/fonts/OFL.txt",
                 "resources/translations/gpu_planner_ja.qm", "resources/icons/gpu-planner.png",
                 "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                 "PySide6/QtOpenGL.abi3.so", "PySide6/Qt/translations/qtbase_ja.qm"):
        assert (internal / need).exists(), need
    # of Qt's own translations only qtbase_ja.qm (Japanese standard buttons and dialogs)
    assert [p.name for p in (internal / "PySide6/Qt/translations").iterdir()] == ["qtbase_ja.qm"]
    for unused in ("pytest", "_pytest", "hypothesis", "IPython", "scipy", "mypy", "ast_serialize",
                   "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/QtTest.abi3.so"):
        assert not (internal / unused).exists(), unused
    bundle_mb = build.folder_bytes(built.bundle) / 1e6
    tar_mb, deb_mb = built.tarball.stat().st_size / 1e6, built.deb.stat().st_size / 1e6
    print(f"bundle {bundle_mb:.1f} MB unpacked, .tar.gz {tar_mb:.1f} MB, .deb {deb_mb:.1f} MB")
    assert bundle_mb <= MAX_BUNDLE_MB
    assert deb_mb <= MAX_DEB_MB


def test_tarball_unpacks_to_the_bundle(built):
    with tarfile.open(built.tarball) as tar:
        members = {m.name: m for m in tar.getmembers()}
    assert members["gpu-planner/gpu-planner"].mode & 0o111
    assert all(m.uid == 0 and m.gid == 0 for m in members.values())
    files = {str(Path("gpu-planner") / p.relative_to(built.bundle)) for p in built.bundle.rglob("*")}
    assert set(members) - {"gpu-planner"} == files


@pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="needs dpkg")
def test_deb_unpacks_to_a_working_app(built, tmp_path):
    assert deb_control(built.deb)["Version"] == build.version()
    listing = deb_listing(built.deb)  # layout, owners and modes: tests/packaging/test_build.py
    assert listing["./opt/gpu-planner/gpu-planner"].startswith("-rwxr-xr-x root/root")
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(built.deb), str(root)], check=True)
    r = selftest(root / "opt/gpu-planner/gpu-planner", tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.skipif(not (shutil.which("dpkg") and shutil.which("readelf")), reason="needs dpkg and binutils")
def test_deb_depends_are_exactly_the_libraries_the_bundle_takes_from_the_system(built):
    """Every library a bundled file links (readelf NEEDED) is in the bundle or in a package of Depends,
    and every package of Depends provides one: resolved with ldconfig and dpkg -S on this machine."""
    inside = {p.name for p in built.bundle.rglob("*.so*")}
    needed: dict[str, str] = {}
    dynamic = subprocess.run(["readelf", "-d", *map(str, build.elf_files(built.bundle))], capture_output=True,
                             text=True).stdout
    current = ""
    for line in dynamic.splitlines():
        if line.startswith("File: "):
            current = line[6:]
        for lib in re.findall(r"\(NEEDED\)\s+Shared library: \[(.+)\]", line):
            if lib not in inside:
                needed.setdefault(lib, current)
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    packages: dict[str, str] = {}
    missing = []
    for lib, user in sorted(needed.items()):
        m = re.search(rf"^\s+{re.escape(lib)} \(libc6,x86-64[^)]*\) => (\S+)$", cache, re.M) or \
            re.search(rf"^\s+{re.escape(lib)} \([^)]*\) => (\S+)$", cache, re.M)
        if not m:
            missing.append(f"{lib} (needed by {user})")
            continue
        owner = subprocess.run(["dpkg", "-S", os.path.realpath(m.group(1))], capture_output=True, text=True)
        if owner.returncode:
            owner = subprocess.run(["dpkg", "-S", m.group(1)], capture_output=True, text=True)
        packages[lib] = owner.stdout.split(":")[0]
    assert missing == [], "not installed here, so not checked: " + ", ".join(missing)
    depends = [[alt.split()[0] for alt in d.split("|")] for d in deb_control(built.deb)["Depends"].split(", ")]
    uncovered = {lib: pkg for lib, pkg in packages.items() if not any(pkg in alts for alts in depends)}
    assert uncovered == {}
    unused = [alts for alts in depends if not set(alts) & set(packages.values())]
    assert unused == []
    if shutil.which("apt-get"):  # every name resolves in this distribution's archive
        r = subprocess.run(["apt-get", "-s", "install", str(built.deb)], capture_output=True, text=True)
        assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]

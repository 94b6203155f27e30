"""Render the app icon from resources/icons/gpu-planner.svg (never edit the outputs by hand):

    QT_QPA_PLATFORM=offscreen python3 packaging/make_icons.py

writes gpu-planner.png (256 px: Linux desktop entry, window icon), gpu-planner.ico (Windows: exe and
installer) and gpu-planner.icns (macOS .app). ICO and ICNS simply hold PNG images, which every
supported Windows and macOS version reads, so no imaging library beyond Qt's SVG renderer is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "gpu-planner.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 256)
ICNS_TYPES = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024}


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per size (0 means 256) + the PNG data."""
    head = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(head) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return head + entries + blobs


def icns(pngs: dict[bytes, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in pngs.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage/QPainter need one
    (ICONS / "gpu-planner.png").write_bytes(render_png(256))
    (ICONS / "gpu-planner.ico").write_bytes(ico({s: render_png(s) for s in ICO_SIZES}))
    (ICONS / "gpu-planner.icns").write_bytes(icns({k: render_png(s) for k, s in ICNS_TYPES.items()}))
    for name in ("gpu-planner.png", "gpu-planner.ico", "gpu-planner.icns"):
        print(ICONS / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

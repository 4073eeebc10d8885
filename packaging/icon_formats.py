"""Windows .ico and macOS .icns containers built from PNG bytes, in pure Python.

Why not Pillow or iconutil: Pillow is not a dependency and iconutil exists only on macOS, yet
both icon files must be reproducible on any build machine from the one SVG. Both formats accept
PNG-compressed entries (Windows Vista and later, macOS 10.7 and later), so each container is a
small header plus the PNGs that ``make_icons.py`` already renders.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

#: Sizes Windows picks from for title bars, the taskbar, Explorer and high-DPI screens.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

#: ICNS element types that hold PNG data, by the pixel size they carry.
ICNS_TYPES: tuple[tuple[bytes, int], ...] = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16pt @2x
    (b"icp6", 64),
    (b"ic12", 64),  # 32pt @2x
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),  # 128pt @2x
    (b"ic09", 512),
    (b"ic14", 512),  # 256pt @2x
)

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (which the format requires to come first)."""
    if not png.startswith(_PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def _png_for(pngs: Mapping[int, bytes], size: int) -> bytes:
    try:
        png = pngs[size]
    except KeyError:
        raise ValueError(f"no {size}x{size} PNG was rendered") from None
    if png_size(png) != (size, size):
        raise ValueError(f"the PNG given for {size}x{size} has size {png_size(png)}")
    return png


def build_ico(pngs: Mapping[int, bytes], sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    """An ICONDIR with one PNG entry per size (a width/height byte of 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(sizes))
    directory = b""
    images = b""
    offset = 6 + 16 * len(sizes)
    for size in sizes:
        png = _png_for(pngs, size)
        dim = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + directory + images


def build_icns(pngs: Mapping[int, bytes]) -> bytes:
    """An 'icns' file: a header with the total length, then (type, length, PNG) elements."""
    body = b""
    for kind, size in ICNS_TYPES:
        png = _png_for(pngs, size)
        body += kind + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def read_ico_sizes(data: bytes) -> list[int]:
    """The pixel sizes listed in an .ico directory (used by tests and ``dist-check``)."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    if reserved != 0 or kind != 1:
        raise ValueError("not an .ico file")
    sizes = []
    for index in range(count):
        width = data[6 + 16 * index]
        sizes.append(256 if width == 0 else width)
    return sizes


def read_icns_types(data: bytes) -> list[tuple[bytes, tuple[int, int]]]:
    """Each element's type and the size of the PNG it holds; checks the declared lengths."""
    if data[:4] != b"icns" or struct.unpack(">I", data[4:8])[0] != len(data):
        raise ValueError("not an .icns file, or its length is wrong")
    found = []
    offset = 8
    while offset < len(data):
        kind = data[offset : offset + 4]
        length = struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        if length < 8 or offset + length > len(data):
            raise ValueError(f"element {kind!r} overruns the file")
        found.append((kind, png_size(data[offset + 8 : offset + length])))
        offset += length
    return found

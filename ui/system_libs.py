"""Before Qt starts on Linux: are the system libraries its window plugin needs installed?

Why: PySide6 brings Qt itself but not the X11/xcb libraries of the desktop. When one is
missing, Qt prints a long plugin error ("could not load the Qt platform plugin xcb ...")
that says nothing a mentor can act on. This checks each library the xcb plugin links to
(read from the plugin with ``readelf -d`` on Debian 12) and names the Debian/Ubuntu package
to install, in one line.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

#: Every shared library Qt's xcb platform plugin and Qt's GUI libraries load, and its package
#: (Debian 12 / Ubuntu 22.04+ names). The README lists the same packages.
XCB_LIBRARIES: Mapping[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Qt will use its xcb plugin: Linux, and no other platform chosen (offscreen, wayland)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_packages(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The packages whose library could not be loaded, in a stable order, without repeats."""
    loads = loads or _loads
    missing: list[str] = []
    for soname, package in XCB_LIBRARIES.items():
        if package not in missing and not loads(soname):
            missing.append(package)
    return missing


def advice(packages: list[str]) -> str:
    return (
        "Mentor Journal cannot open its window: system libraries are missing. "
        f"Install them with: sudo apt-get install {' '.join(packages)}"
    )


def check(
    environ: Mapping[str, str] | None = None, loads: Callable[[str], bool] | None = None
) -> str | None:
    """One line to show instead of Qt's plugin error, or None when all is there."""
    env = os.environ if environ is None else environ
    if not uses_xcb(env):
        return None
    packages = missing_packages(loads)
    return advice(packages) if packages else None


if __name__ == "__main__":  # pragma: no cover
    print(" ".join(dict.fromkeys(XCB_LIBRARIES.values())))

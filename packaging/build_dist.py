"""Build the PyInstaller bundle, then prove it runs: ``make dist`` calls this.

Why a script and not three Makefile lines: the build is only useful if the bundle starts on a
machine without our virtualenv, so after PyInstaller finishes this runs both executables'
``--version`` (must print the pyproject version) and the GUI's ``--smoke-test`` offscreen, and
reports the build time and the bundle size so releases can watch both.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "mentorjournal"
SMOKE_TIMEOUT_S = 180


def pyproject_version() -> str:
    """The one place the version is written."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def executable(name: str) -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return BUNDLE / f"{name}{suffix}"


def folder_size(path: Path) -> int:
    """Bytes on disk as ``du`` counts them: symlinked libraries once, not twice."""
    return sum(
        item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink()
    )


def build() -> float:
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "build"),
            str(ROOT / "packaging" / "mentorjournal.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return time.monotonic() - started


def check_version(name: str, expected: str) -> None:
    """The bundle must report the pyproject version (it reads the bundled package metadata)."""
    result = subprocess.run(
        [str(executable(name)), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or expected not in output:
        raise SystemExit(f"dist: {name} --version printed {output!r} (exit {result.returncode})")
    print(f"dist: {name} --version -> {output}")


def smoke_test() -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    result = subprocess.run(
        [str(executable("mentorjournal-gui")), "--smoke-test"],
        env=env,
        timeout=SMOKE_TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"dist: the bundle's smoke test failed (exit {result.returncode})")
    return time.monotonic() - started


def main() -> int:
    version = pyproject_version()
    build_s = build()
    check_version("mentorjournal", version)
    check_version("mentorjournal-gui", version)
    smoke_s = smoke_test()
    size_mib = folder_size(BUNDLE) / 1_048_576
    print(
        f"dist: built {BUNDLE.relative_to(ROOT)} ({size_mib:.0f} MiB) in {build_s:.0f} s; "
        f"smoke test passed in {smoke_s:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

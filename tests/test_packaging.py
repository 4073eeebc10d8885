"""Packaging metadata stays consistent with the code: desktop entry, AppStream, icons, specs.

These run in ``make test`` and take well under a second (plus the real freedesktop validators
when installed). The slow part, building and smoke-testing the PyInstaller bundle, is
``make dist`` (see docs/release.md).
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.mentorjournal.MentorJournal"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
SPEC = PACKAGING / "mentorjournal.spec"
FLATPAK = PACKAGING / "flatpak" / f"{APP_ID}.json"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: What ``make screenshots`` (ui/screenshots.py) writes into docs/screenshots.
SCREENSHOT_NAMES = {
    "first-run",
    "unlock",
    "main-window",
    "session-editor",
    "goals",
    "coping-plan",
    "reflection",
    "supervision-preview",
    "search",
    "settings",
}


def load_packaging_module(name: str) -> ModuleType:
    """``packaging/`` is not a package (the name would shadow PyPI's ``packaging``): load by path."""
    spec = importlib.util.spec_from_file_location(f"mj_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(PACKAGING))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(PACKAGING))
    return module


@pytest.fixture(scope="module")
def pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


@pytest.fixture(scope="module")
def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


@pytest.fixture(scope="module")
def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


@pytest.fixture(scope="module")
def flatpak() -> dict[str, object]:
    manifest: dict[str, object] = json.loads(FLATPAK.read_text(encoding="utf-8"))
    return manifest


def spec_constant(tree: ast.Module, name: str) -> object:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not a literal assignment in {SPEC.name}")


# -- the desktop entry -------------------------------------------------------------------------


def test_desktop_entry_has_the_keys_launchers_need(desktop: configparser.SectionProxy) -> None:
    for key in ("Type", "Name", "Comment", "Exec", "Icon", "Categories", "Terminal"):
        assert desktop.get(key), f"{key} is missing from {DESKTOP.name}"
    assert desktop["Type"] == "Application"
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")
    assert "Office" in desktop["Categories"].split(";")


def test_desktop_entry_is_named_after_the_app_id_and_uses_its_icon(
    desktop: configparser.SectionProxy,
) -> None:
    assert re.fullmatch(r"[a-z]+(\.[a-z]+)+\.[A-Za-z]+", APP_ID)
    assert desktop["Icon"] == APP_ID
    assert (RESOURCES / "icons" / "hicolor" / "128x128" / "apps" / f"{APP_ID}.png").is_file()


def test_desktop_exec_is_the_gui_executable_of_every_packaging(
    desktop: configparser.SectionProxy,
    pyproject: dict[str, object],
    spec_tree: ast.Module,
    flatpak: dict[str, object],
) -> None:
    command = desktop["Exec"].split()[0]
    project = pyproject["project"]
    assert isinstance(project, dict)
    assert command in project["gui-scripts"], "pip installs no such command"
    assert spec_constant(spec_tree, "GUI_NAME") == command, (
        "the PyInstaller bundle has no such file"
    )
    assert flatpak["command"] == command, "the Flatpak would launch something else"
    assert desktop["TryExec"] == command


def test_desktop_entry_matches_the_x11_window_class_the_app_sets(
    desktop: configparser.SectionProxy,
) -> None:
    """On X11 docks group windows by WM_CLASS, which Qt takes from the application name."""
    from mentorjournal.paths import APP_NAME

    assert desktop["StartupWMClass"] == APP_NAME
    app_source = (ROOT / "ui" / "app.py").read_text(encoding="utf-8")
    assert "setApplicationName(APP_NAME)" in app_source
    assert f'APP_ID = "{APP_ID}"' in app_source, "Wayland matches the desktop file by this id"


# -- AppStream metainfo ------------------------------------------------------------------------


def test_metainfo_id_and_launchable_match_the_desktop_entry(metainfo: ET.Element) -> None:
    assert metainfo.tag == "component"
    assert metainfo.get("type") == "desktop-application"
    assert metainfo.findtext("id") == APP_ID
    launchable = metainfo.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name


def test_metainfo_provides_both_executables(
    metainfo: ET.Element, pyproject: dict[str, object], spec_tree: ast.Module
) -> None:
    provided = {binary.text for binary in metainfo.iterfind("provides/binary")}
    project = pyproject["project"]
    assert isinstance(project, dict)
    assert provided == set(project["scripts"]) | set(project["gui-scripts"])
    assert provided == {spec_constant(spec_tree, "GUI_NAME"), spec_constant(spec_tree, "CLI_NAME")}


def test_metainfo_newest_release_is_the_pyproject_version(
    metainfo: ET.Element, pyproject: dict[str, object]
) -> None:
    releases = metainfo.findall("releases/release")
    assert releases, "no release notes"
    project = pyproject["project"]
    assert isinstance(project, dict)
    newest = releases[0]
    assert newest.get("version") == project["version"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", newest.get("date") or "")
    assert newest.find("description/p") is not None, "the release has no notes"


def test_changelog_has_a_section_for_the_pyproject_version(pyproject: dict[str, object]) -> None:
    project = pyproject["project"]
    assert isinstance(project, dict)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(str(project['version']))}\]", changelog, re.MULTILINE)


def test_metainfo_has_a_content_rating_and_licences(metainfo: ET.Element) -> None:
    rating = metainfo.find("content_rating")
    assert rating is not None
    assert rating.get("type") == "oars-1.1"
    assert metainfo.findtext("metadata_license") == "CC0-1.0"
    assert metainfo.findtext("project_license") == "GPL-3.0-or-later"


def test_metainfo_screenshots_are_the_ten_that_make_screenshots_writes(
    metainfo: ET.Element,
) -> None:
    images = [image.text or "" for image in metainfo.iterfind("screenshots/screenshot/image")]
    names = [Path(url).stem for url in images]
    assert sorted(names) == sorted(SCREENSHOT_NAMES)
    assert all(url.startswith("https://") and url.endswith(".png") for url in images)
    assert all("/docs/screenshots/" in url for url in images)
    defaults = metainfo.findall("screenshots/screenshot[@type='default']")
    assert len(defaults) == 1
    assert all(shot.findtext("caption") for shot in metainfo.iterfind("screenshots/screenshot"))


def test_screenshot_names_match_what_the_screenshot_tool_writes() -> None:
    source_file = ROOT / "ui" / "screenshots.py"
    if not source_file.exists():
        pytest.skip("ui/screenshots.py (make screenshots) has not landed yet")
    source = source_file.read_text(encoding="utf-8")
    missing = {name for name in SCREENSHOT_NAMES if f'"{name}' not in source}
    assert not missing, f"ui/screenshots.py never names {sorted(missing)}"


def test_generated_screenshots_exist_for_every_metainfo_image() -> None:
    folder = ROOT / "docs" / "screenshots"
    if not any(folder.glob("*.png")):
        pytest.skip("docs/screenshots is empty: run `make screenshots`")
    missing = {name for name in SCREENSHOT_NAMES if not (folder / f"{name}.png").is_file()}
    assert not missing, f"make screenshots did not write {sorted(missing)}"


# -- icons -------------------------------------------------------------------------------------


def test_icon_png_exists_at_every_size_with_that_size() -> None:
    icon_formats = load_packaging_module("icon_formats")
    for size in PNG_SIZES:
        path = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert path.is_file(), f"missing {path.relative_to(ROOT)}"
        assert icon_formats.png_size(path.read_bytes()) == (size, size)


def test_committed_pngs_match_the_svg(qapp: object) -> None:
    """Editing the SVG without re-running make_icons.py would ship a stale icon."""
    from PySide6.QtGui import QImage

    make_icons = load_packaging_module("make_icons")
    for size in (16, 48, 256):
        committed = QImage(str(make_icons.png_path(size)))
        fresh = QImage.fromData(make_icons.render_png(make_icons.SVG, size), "PNG")
        assert committed.size() == fresh.size()
        worst = max(
            abs(committed.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha())
            + abs(committed.pixelColor(x, y).green() - fresh.pixelColor(x, y).green())
            for x in range(0, size, max(1, size // 32))
            for y in range(0, size, max(1, size // 32))
        )
        assert worst <= 16, f"{size}px PNG differs from the SVG: run packaging/make_icons.py"


def test_windows_ico_holds_every_size_windows_uses() -> None:
    icon_formats = load_packaging_module("icon_formats")
    data = (RESOURCES / "icons" / "mentorjournal.ico").read_bytes()
    assert icon_formats.read_ico_sizes(data) == list(icon_formats.ICO_SIZES)


def test_macos_icns_elements_hold_pngs_of_their_declared_sizes() -> None:
    icon_formats = load_packaging_module("icon_formats")
    data = (RESOURCES / "icons" / "mentorjournal.icns").read_bytes()
    found = icon_formats.read_icns_types(data)
    assert [kind for kind, _size in found] == [kind for kind, _size in icon_formats.ICNS_TYPES]
    for (_kind, size), (_kind2, (width, height)) in zip(
        icon_formats.ICNS_TYPES, found, strict=True
    ):
        assert (width, height) == (size, size)


def test_icon_builders_refuse_a_wrong_sized_png() -> None:
    icon_formats = load_packaging_module("icon_formats")
    png16 = (RESOURCES / "icons" / "hicolor" / "16x16" / "apps" / f"{APP_ID}.png").read_bytes()
    with pytest.raises(ValueError, match="24x24 has size"):
        icon_formats.build_ico({size: png16 for size in icon_formats.ICO_SIZES})
    with pytest.raises(ValueError, match="not a PNG"):
        icon_formats.png_size(b"GIF89a" + bytes(30))
    with pytest.raises(ValueError, match="overruns"):
        icon_formats.read_icns_types(
            b"icns" + (24).to_bytes(4, "big") + b"ic07" + (99).to_bytes(4, "big") + bytes(8)
        )


# -- the PyInstaller spec ----------------------------------------------------------------------


def test_spec_is_python_and_references_files_that_exist(spec_tree: ast.Module) -> None:
    source = SPEC.read_text(encoding="utf-8")
    for launcher in ("mentorjournal_gui.py", "mentorjournal_cli.py"):
        assert launcher in source
        assert (PACKAGING / "launchers" / launcher).is_file()
    for resource in ('"icons"', '"{APP_ID}.desktop"', '"{APP_ID}.metainfo.xml"'):
        assert resource in source, f"the bundle would lack resources/{resource}"
    assert DESKTOP.is_file()
    assert METAINFO.is_file()
    assert (RESOURCES / "icons" / "mentorjournal.ico").is_file()
    assert (RESOURCES / "icons" / "mentorjournal.icns").is_file()
    assert spec_constant(spec_tree, "APP_ID") == APP_ID


def test_spec_launchers_call_the_declared_entry_points(pyproject: dict[str, object]) -> None:
    project = pyproject["project"]
    assert isinstance(project, dict)
    pairs = {
        "mentorjournal_gui.py": project["gui-scripts"]["mentorjournal-gui"],
        "mentorjournal_cli.py": project["scripts"]["mentorjournal"],
    }
    for launcher, entry_point in pairs.items():
        module, function = entry_point.split(":")
        source = (PACKAGING / "launchers" / launcher).read_text(encoding="utf-8")
        assert f"from {module} import {function}" in source
        assert f"sys.exit({function}())" in source


def test_spec_keeps_the_platform_plugins_the_app_needs_and_excludes_unused_qt(
    spec_tree: ast.Module,
) -> None:
    plugins = spec_constant(spec_tree, "KEEP_PLUGINS")
    assert isinstance(plugins, dict)
    assert {"offscreen", "xcb", "wayland"} <= plugins["platforms"]
    assert "svg" in plugins["imageformats"]
    assert "svgicon" in plugins["iconengines"]
    assert "styles" in plugins
    excludes = spec_constant(spec_tree, "EXCLUDES")
    assert isinstance(excludes, list)
    for unused in ("PySide6.QtQuick", "PySide6.QtQml", "PySide6.QtWebEngineCore", "tkinter"):
        assert unused in excludes
    for needed in (
        "PySide6.QtSvg",
        "PySide6.QtDBus",
        "PySide6.QtWidgets",
        "PySide6.QtPrintSupport",
    ):
        assert needed not in excludes


def test_spec_hard_codes_no_version() -> None:
    """The version lives only in pyproject.toml; a copy in the spec would drift."""
    literals = re.findall(r"[\"']\d+\.\d+\.\d+[\"']", SPEC.read_text(encoding="utf-8"))
    assert not literals


def test_dist_script_reads_the_pyproject_version(pyproject: dict[str, object]) -> None:
    build_dist = load_packaging_module("build_dist")
    project = pyproject["project"]
    assert isinstance(project, dict)
    assert build_dist.pyproject_version() == project["version"]


def test_dist_script_counts_symlinked_libraries_once(tmp_path: Path) -> None:
    build_dist = load_packaging_module("build_dist")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "libQt6Core.so.6").write_bytes(bytes(1000))
    (tmp_path / "libQt6Core.so.6").symlink_to(tmp_path / "lib" / "libQt6Core.so.6")
    (tmp_path / "app").write_bytes(bytes(24))
    assert build_dist.folder_size(tmp_path) == 1024


# -- the Flatpak manifest ----------------------------------------------------------------------


def test_flatpak_manifest_names_the_app_and_a_qt_runtime(flatpak: dict[str, object]) -> None:
    assert flatpak["id"] == APP_ID
    assert flatpak["runtime"] in {"org.kde.Platform", "org.freedesktop.Platform"}
    assert flatpak["sdk"] == str(flatpak["runtime"]).replace("Platform", "Sdk")
    assert re.fullmatch(r"\d+(\.\d+)?", str(flatpak["runtime-version"]))


def test_flatpak_app_has_no_network_and_only_its_own_folders(flatpak: dict[str, object]) -> None:
    args = flatpak["finish-args"]
    assert isinstance(args, list)
    assert not [arg for arg in args if arg.startswith("--share=network")]
    filesystems = [arg.split("=", 1)[1] for arg in args if arg.startswith("--filesystem=")]
    for fs in filesystems:
        assert fs.startswith("xdg-documents/"), f"{fs} is broader than the export folder"
    assert not [arg for arg in args if arg.startswith("--device=all")]
    assert "--socket=x11" not in args, "use fallback-x11 so Wayland sessions stay isolated"


def test_flatpak_installs_the_desktop_files_and_python_wheels(flatpak: dict[str, object]) -> None:
    modules = flatpak["modules"]
    assert isinstance(modules, list)
    assert "python3-requirements.json" in modules, (
        "the flatpak-pip-generator output is the wheel module"
    )
    app = next(m for m in modules if isinstance(m, dict) and m["name"] == "mentorjournal")
    commands = "\n".join(app["build-commands"])
    for installed in ("share/applications/", "share/metainfo/", "share/icons/", "pip3 install"):
        assert installed in commands
    # ui/app.py loads the window icon from resources/ next to the installed packages.
    assert "purelib" in commands
    assert "/resources/icons/mentorjournal.svg" in commands
    source = app["sources"][0]
    assert (FLATPAK.parent / source["path"]).resolve() == ROOT


def test_flatpak_requirements_cover_every_runtime_dependency(pyproject: dict[str, object]) -> None:
    project = pyproject["project"]
    assert isinstance(project, dict)
    lines = (PACKAGING / "flatpak" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pinned = {
        line.split("==")[0].lower() for line in lines if line.strip() and not line.startswith("#")
    }
    assert all("==" in line for line in lines if line.strip() and not line.startswith("#"))
    for dependency in project["dependencies"]:
        name = re.split(r"[<>=!~ \[;]", dependency)[0].lower()
        assert name in pinned, f"{name} is not in the Flatpak requirements"


# -- the real freedesktop validators -----------------------------------------------------------


def _validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(
            f"{name} is not installed (apt-get install desktop-file-utils appstream flatpak-builder)"
        )
    return found


def test_desktop_file_validate_accepts_the_entry() -> None:
    tool = _validator("desktop-file-validate")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_appstreamcli_validates_the_metainfo() -> None:
    tool = _validator("appstreamcli")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_flatpak_builder_loads_the_manifest(tmp_path: Path) -> None:
    """flatpak-builder's own parser rejects unknown keys and wrong types that json.loads accepts.

    The wheel module is generated per release (packaging/README.md); when it has not been
    generated, an empty module of that name stands in, so only our manifest is judged.
    """
    tool = _validator("flatpak-builder")
    shutil.copy(FLATPAK, tmp_path / FLATPAK.name)
    generated = FLATPAK.parent / "python3-requirements.json"
    if generated.exists():
        shutil.copy(generated, tmp_path / generated.name)
    else:
        empty = {"name": "python3-requirements", "buildsystem": "simple", "build-commands": []}
        (tmp_path / generated.name).write_text(json.dumps(empty), encoding="utf-8")
    result = subprocess.run(
        [tool, "--show-manifest", FLATPAK.name],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr  # unknown keys only warn
    loaded = json.loads(result.stdout)
    assert loaded["id"] == APP_ID
    assert loaded["finish-args"] == json.loads(FLATPAK.read_text(encoding="utf-8"))["finish-args"]


# -- the smoke test the bundle runs ------------------------------------------------------------

SMOKE_TIMEOUT_S = 240


def run_smoke(setup: str = "") -> subprocess.CompletedProcess[str]:
    """``mentorjournal-gui --smoke-test`` through the real entry point, in a fresh process.

    ``setup`` is Python run first in that process: the failure tests use it to break one
    method of the app, the way a bad build would, and check the smoke test notices.
    """
    code = f"import sys\n{setup}\nfrom ui.app import main\nsys.exit(main(['--smoke-test']))\n"
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=SMOKE_TIMEOUT_S,
        cwd=ROOT,
        check=False,
    )


def snapshot(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def test_smoke_test_passes_and_never_touches_the_users_folders() -> None:
    watched = [Path(os.environ[name]) for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME")]
    watched.append(Path(os.environ["XDG_STATE_HOME"]))
    temp_root = Path(os.environ["TMPDIR"])
    before = [snapshot(folder) for folder in watched]
    result = run_smoke()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke test passed"), result.stdout
    for view in ("sessions", "search", "settings", "locked, unlocked and locked again"):
        assert view in result.stdout
    assert [snapshot(folder) for folder in watched] == before, "the smoke test wrote user files"
    assert not list(temp_root.glob("mentorjournal-smoke-*")), "the smoke test left its folder"


def _failure_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, f"exit {result.returncode}: {result.stdout}{result.stderr}"
    assert "smoke test passed" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.startswith("smoke test failed")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_smoke_test_fails_with_the_step_when_a_view_cannot_open() -> None:
    broken = (
        "from ui.windows.main_window import MainWindow\n"
        "def show_area(self, key):\n"
        "    raise RuntimeError('injected fault in ' + key)\n"
        "MainWindow.show_area = show_area\n"
    )
    line = _failure_line(run_smoke(broken))
    assert line.startswith("smoke test failed: open every view: RuntimeError: injected fault in"), (
        line
    )


def test_smoke_test_fails_when_locking_leaves_records_on_screen() -> None:
    broken = "from ui.windows.main_window import MainWindow\nMainWindow.clear = lambda self: None\n"
    line = _failure_line(run_smoke(broken))
    assert line.startswith("smoke test failed: lock: data still shown after locking: "), line


def test_smoke_test_fails_when_the_bundle_lacks_the_icon() -> None:
    line = _failure_line(run_smoke("import ui.app\nui.app._set_icon = lambda app: None\n"))
    assert line.startswith("smoke test failed: load the app icon: the window icon is missing"), line

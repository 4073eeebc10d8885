#!/bin/sh
# `make dist-check`: validate the desktop entry, the AppStream metainfo and the Flatpak manifest
# with the real freedesktop tools when they are installed (Debian/Ubuntu: apt-get install
# desktop-file-utils appstream). A missing tool is reported, not treated as a pass in disguise.
set -eu
cd "$(dirname "$0")/.."
APP_ID=io.github.mentorjournal.MentorJournal
status=0

if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "resources/$APP_ID.desktop" && echo "dist-check: $APP_ID.desktop is valid" || status=1
else
    echo "dist-check: SKIPPED .desktop validation: desktop-file-validate is not installed (apt-get install desktop-file-utils)"
fi

if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate --no-net --explain "resources/$APP_ID.metainfo.xml" || status=1
else
    echo "dist-check: SKIPPED metainfo validation: appstreamcli is not installed (apt-get install appstream)"
fi

if ! command -v flatpak-builder >/dev/null 2>&1; then
    echo "dist-check: SKIPPED flatpak-builder manifest check: flatpak-builder is not installed (tests/test_packaging.py still lints it)"
elif [ ! -f packaging/flatpak/python3-requirements.json ]; then
    echo "dist-check: SKIPPED flatpak-builder manifest check: run flatpak-pip-generator first (packaging/README.md, Flatpak)"
else
    warnings=$(flatpak-builder --show-manifest "packaging/flatpak/$APP_ID.json" 2>&1 >/dev/null) || status=1
    if [ -n "$warnings" ]; then echo "$warnings"; status=1; else echo "dist-check: the Flatpak manifest loads"; fi
fi
exit $status

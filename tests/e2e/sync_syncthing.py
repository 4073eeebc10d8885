"""``make sync-e2e``: two real Syncthing instances on 127.0.0.1 carry one journal between two
vaults (not collected by pytest; run by the make target, bounded in time).

Each Syncthing runs with its own temporary home, listens and dials only on
``tcp://127.0.0.1:PORT`` with the other's address given explicitly, and has global and local
discovery, relays, NAT traversal, usage and crash reporting and upgrades all off; its GUI/API
listens on 127.0.0.1 only. Both are stopped in ``finally`` and by an alarm, even when a check
fails. Proves: a note written on one computer is found by search on the other; concurrent
edits of one draft become a conflict holding both texts; no byte of either sync folder holds
the note in clear. Prints the time from save on one computer to visible on the other.
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mentorjournal.clock import SystemClock
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.vault import kdf

LIMIT_S = 420
WAIT_S = 90
PASSPHRASE = "end to end passphrase, synthetic vault only"
CANARY = "Sandpiper4Lighthouse"
FOLDER_ID = "mentorjournal-sync"
OPTIONS_OFF = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",
    "urSeen": "3",
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "startBrowser": "false",
    "announceLANAddresses": "false",
}


#: Words in Syncthing's log that would mean it reached beyond 127.0.0.1.
OUTSIDE_HINTS = (
    "discovery.syncthing.net",
    "relays.syncthing.net",
    "data.syncthing.net",
    "upgrades.syncthing.net",
    "upnp",
    "nat-pmp",
    "joined relay",
    "global discovery",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclasses.dataclass
class Instance:
    name: str
    home: Path
    folder: Path
    port: int
    gui_port: int
    api_key: str
    device_id: str = ""
    process: subprocess.Popen[bytes] | None = None

    def api(self, path: str) -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}", headers={"X-API-Key": self.api_key}
        )
        with urllib.request.urlopen(request, timeout=5) as answer:  # 127.0.0.1 only
            return json.load(answer)


def _env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {"HOME": str(root), "STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1", "STNORESTART": "1"}
    )
    return env


def generate(instance: Instance, root: Path) -> None:
    subprocess.run(
        ["syncthing", "generate", f"--home={instance.home}", "--no-default-folder",
         "--skip-port-probing"],
        check=True, capture_output=True, env=_env(root), timeout=60,
    )  # fmt: skip
    tree = ET.parse(instance.home / "config.xml")
    instance.device_id = tree.getroot().find("device").get("id")  # type: ignore[union-attr]


def configure(instance: Instance, other: Instance) -> None:
    path = instance.home / "config.xml"
    tree = ET.parse(path)
    config = tree.getroot()
    options = config.find("options")
    assert options is not None
    for address in options.findall("listenAddress"):
        options.remove(address)
    ET.SubElement(options, "listenAddress").text = f"tcp://127.0.0.1:{instance.port}"
    for key, value in OPTIONS_OFF.items():
        element = options.find(key)
        if element is None:
            element = ET.SubElement(options, key)
        element.text = value
    for server in options.findall("globalAnnounceServer"):
        options.remove(server)
    gui = config.find("gui")
    assert gui is not None
    gui.set("tls", "false")
    for tag, text in (("address", f"127.0.0.1:{instance.gui_port}"), ("apikey", instance.api_key)):
        element = gui.find(tag)
        if element is None:
            element = ET.SubElement(gui, tag)
        element.text = text
    peer = ET.SubElement(
        config, "device",
        {"id": other.device_id, "name": other.name, "compression": "never",
         "introducer": "false", "autoAcceptFolders": "false"},
    )  # fmt: skip
    ET.SubElement(peer, "address").text = f"tcp://127.0.0.1:{other.port}"
    folder = ET.Element(
        "folder",
        {"id": FOLDER_ID, "label": "Mentor Journal sync", "path": str(instance.folder),
         "type": "sendreceive", "rescanIntervalS": "2", "fsWatcherEnabled": "true",
         "fsWatcherDelayS": "1"},
    )  # fmt: skip
    for device in (instance.device_id, other.device_id):
        ET.SubElement(folder, "device", {"id": device})
    config.insert(0, folder)
    tree.write(path)


def start(instance: Instance, root: Path) -> None:
    log = (instance.home / "syncthing.log").open("wb")
    instance.process = subprocess.Popen(
        ["syncthing", "serve", f"--home={instance.home}", "--no-browser", "--no-restart",
         "--no-upgrade", f"--gui-address=http://127.0.0.1:{instance.gui_port}",
         f"--gui-apikey={instance.api_key}"],
        stdout=log, stderr=subprocess.STDOUT, env=_env(root),
    )  # fmt: skip


def stop(instance: Instance) -> None:
    process = instance.process
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


def wait_for(what: str, check: Callable[[], bool], timeout: float = WAIT_S) -> float:
    """Poll ``check`` until true; returns the seconds it took (fails after ``timeout``)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            if check():
                return time.monotonic() - started
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    raise TimeoutError(f"timed out waiting for {what}")


def connected(a: Instance, b: Instance) -> bool:
    connections = a.api("/rest/system/connections")["connections"]
    return bool(connections.get(b.device_id, {}).get("connected"))


@contextmanager
def syncthing_pair(root: Path) -> Iterator[tuple[Instance, Instance]]:
    pair = []
    for name in ("laptop", "desktop"):
        home = root / f"st-{name}"
        folder = root / f"Sync-{name}"
        folder.mkdir()
        pair.append(Instance(name, home, folder, free_port(), free_port(), secrets.token_hex(16)))
    a, b = pair
    try:
        for instance in pair:
            generate(instance, root)
        configure(a, b)
        configure(b, a)
        for instance in pair:
            start(instance, root)
        wait_for("the two Syncthing instances to connect", lambda: connected(a, b))
        yield a, b
    finally:
        for instance in pair:
            stop(instance)
    for instance in pair:
        log = (instance.home / "syncthing.log").read_text(errors="replace").lower()
        for outside in OUTSIDE_HINTS:
            assert outside not in log, f"{instance.name} Syncthing tried {outside!r}"


def run_cli(*args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "mentorjournal.cli", *map(os.fspath, args)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"mentorjournal {args[0]} {args[1]} failed: {done.stderr.strip()}")
    return done


def scenario(root: Path, a: Instance, b: Instance) -> dict[str, Any]:
    state = root / "state"
    state.mkdir()
    clock = SystemClock()
    vault_a, vault_b = root / "vault-laptop", root / "vault-desktop"
    journal, recovery = Journal.create(
        VaultPaths(vault_a), PASSPHRASE, clock=clock, state_dir=state, kdf=kdf.FLOOR
    )
    mentee = journal.add_mentee("M-042").value
    journal.lock()
    secret = root / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n")
    key_file = root / "recovery.txt"
    key_file.write_text(recovery + "\n")
    common = ("--passphrase-file", secret)
    run_cli("sync", "setup", "--folder", a.folder, "--vault", vault_a, *common)
    wait_for(
        "the journal to reach the desktop's folder",
        lambda: any(b.folder.rglob("join.key")) and any(b.folder.rglob("*.seg")),
    )
    run_cli(
        "sync", "join", "--folder", b.folder, "--recovery-key-file", key_file,
        "--vault", vault_b, *common,
    )  # fmt: skip
    laptop = Journal.open(VaultPaths(vault_a), PASSPHRASE, clock=clock, state_dir=state)
    desktop = Journal.open(VaultPaths(vault_b), PASSPHRASE, clock=clock, state_dir=state)
    try:
        saved = time.monotonic()
        note = laptop.new_note(mentee.id, sections={"Body": f"We talked about {CANARY}."}).value
        laptop.sync_now()

        def visible() -> bool:
            desktop.sync_now()
            return bool(desktop.search(CANARY))

        wait_for("the note to be found on the desktop", visible)
        latency = time.monotonic() - saved

        laptop.save_draft(dataclasses.replace(note, sections=(("Body", "Edited on the laptop."),)))
        current = desktop.get_note(note.id)
        desktop.save_draft(
            dataclasses.replace(current, sections=(("Body", "Edited on the desktop."),))
        )
        laptop.sync_now()
        desktop.sync_now()

        def both_see_the_conflict() -> bool:
            return all(
                j.sync_now().value is not None and j.sync_conflicts() for j in (laptop, desktop)
            )

        wait_for("the concurrent edit to reach both", both_see_the_conflict)
        for j in (laptop, desktop):
            text = str(j.get_note(note.id).sections) + " ".join(
                str(c.other_value) for c in j.sync_conflicts()
            )
            assert "Edited on the laptop." in text and "Edited on the desktop." in text, text
        for folder in (a.folder, b.folder):
            for path in folder.rglob("*"):
                if path.is_file():
                    assert CANARY.encode() not in path.read_bytes(), path
        return {
            "sync_save_to_visible_over_syncthing_s": round(latency, 2),
            "conflict_kept_both_texts": True,
            "segments_in_folder": sum(1 for _ in a.folder.rglob("*.seg")),
        }
    finally:
        laptop.lock()
        desktop.lock()


def _alarm(_signum: int, _frame: object) -> None:
    raise TimeoutError(f"make sync-e2e took longer than {LIMIT_S} s")


def main() -> int:
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT_S)
    with tempfile.TemporaryDirectory(prefix="mentorjournal-sync-e2e-") as tmp:
        root = Path(tmp)
        os.environ.update({k: str(root / k.lower()) for k in ("HOME", "XDG_DATA_HOME",
                                                              "XDG_STATE_HOME", "XDG_CONFIG_HOME")})  # fmt: skip
        for k in ("home", "xdg_data_home", "xdg_state_home", "xdg_config_home"):
            (root / k).mkdir()
        with syncthing_pair(root) as (a, b):
            results = scenario(root, a, b)
    signal.alarm(0)
    print(json.dumps(results, indent=2))
    print("sync-e2e: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

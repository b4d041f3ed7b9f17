"""50 power cuts (SIGKILL) in the middle of set / import --replace / unpack --replace / restore.

A child process runs the four commands in turn, each through the real command line (``main``), and
prints the number of every command that returned: an acknowledged command. It is killed at a random
moment, usually in the middle of a command. Afterwards the data file must pass ``integrity_check`` and
hold exactly the state after the last acknowledged command, or after the one in flight — never a
mixture (a ``set`` of three fields half written, a replaced report missing, a restore half done).

To fit fifty kills into seconds, a "zygote" process imports the program once and forks a fresh child
for each round (POSIX only).
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest

from fazhi_desktop.core.model import Unit
from fazhi_desktop.core.package import pack
from fazhi_desktop.core.templates import new_report
from fazhi_desktop.storage.session import open_session
from tests.reliability.material import REPORT_TEXT

KILLS = 50
ZYGOTE = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from fazhi_desktop.cli import main
    import fazhi_desktop.commands.report_cmds, fazhi_desktop.commands.import_cmd       # noqa: load once,
    import fazhi_desktop.commands.package_cmds, fazhi_desktop.commands.maintenance_cmds  # before forking
    import fazhi_desktop.importers.load, fazhi_desktop.storage.candidate, sqlite_utils
    db, work = sys.argv[1], Path(sys.argv[2])
    texts = (work / "import.txt").read_text(encoding="utf-8")

    def step(k):
        kind = k % 4
        if kind == 0:
            return ["set", "--unit", "千佛镇", "--year", "2021", f"note=N{k}", f"addressee=A{k}", f"closing=C{k}"]
        if kind == 1:
            source = work / f"import-{k}.txt"
            source.write_text(texts.replace("现将", f"（第{k}版）现将"), encoding="utf-8")
            return ["import", str(source), "--unit", "东城街道", "--year", "2022", "--replace"]
        if kind == 2:
            return ["unpack", str(work / f"package-{(k // 4) % 2}.fzbg"), "--replace"]
        return ["restore", str(work / "restore-source.db")]

    for line in sys.stdin:
        start = int(line)
        pid = os.fork()
        if pid == 0:
            sys.stdin.close()
            devnull = os.open(os.devnull, os.O_WRONLY)
            out = os.dup(1)
            os.dup2(devnull, 1)   # the commands' own output is not wanted
            os.dup2(devnull, 2)
            k = start
            while True:
                code = main(["--db", db, *step(k)])
                if code != 0:
                    os.write(out, f"fail {k} {code}\\n".encode())
                    os._exit(1)
                os.write(out, f"ack {k}\\n".encode())
                k += 1
        print(f"pid {pid}", flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)
""")


def expected(k: int) -> tuple[str, int | None, str]:
    """(千佛镇 note, 东城街道 import number, 西河乡 closing) after steps 0..k (k = -1: the start)."""
    note, imported, closing = "R", None, "R"
    for j in range(k + 1):
        kind = j % 4
        if kind == 0:
            note = f"N{j}"
        elif kind == 1:
            imported = j
        elif kind == 2:
            closing = f"包{(j // 4) % 2}"
        else:
            note, imported, closing = "R", None, "R"
    return note, imported, closing


def actual(db: Path) -> tuple[str, int | None, str]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = {(u, y): (n, a, c, o) for u, y, n, a, c, o in conn.execute(
            "SELECT u.short_name, r.year, r.note, r.addressee, r.closing, r.opening FROM reports r "
            "JOIN units u ON u.id = r.unit_id")}
    finally:
        conn.close()
    note, addressee, closing, _ = rows[("千佛镇", 2021)]
    if note != "R":  # the three fields of one set always travel together
        assert (addressee, closing) == (f"A{note[1:]}", f"C{note[1:]}"), rows[("千佛镇", 2021)]
    found = re.search(r"第(\d+)版", rows[("东城街道", 2022)][3])
    return note, int(found[1]) if found else None, rows[("西河乡", 2023)][2]


def _prepare(work: Path) -> Path:
    db = work / "data" / "fazhi.db"
    session = open_session(db, daily_backup=False)
    store = session.store
    for unit, year in (("千佛镇", 2021), ("东城街道", 2022), ("西河乡", 2023)):
        report = store.create_report(new_report(store.ensure_unit(unit), year))
        assert report.id is not None
        store.update_report_field(report.id, "note", "R")
        store.update_report_field(report.id, "closing", "R")
        store.update_report_field(report.id, "opening", "R")
    xihe = store.load_report(store.find_report_id("西河乡", 2023) or 0)
    for n in (0, 1):
        packaged = replace(xihe, unit=Unit.from_short_name("西河乡"), closing=f"包{n}")
        (work / f"package-{n}.fzbg").write_bytes(pack(packaged))
    source = sqlite3.connect(work / "restore-source.db")
    session.db.conn.backup(source)
    source.close()
    session.close(backup=False)
    (work / "import.txt").write_text(REPORT_TEXT.replace("千佛镇", "东城街道").replace("2021", "2022"),
                                     encoding="utf-8")
    return db


@pytest.mark.skipif(os.name == "nt" or not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")
def test_fifty_kills_lose_nothing_acknowledged(tmp_path: Path) -> None:
    db = _prepare(tmp_path)
    assert actual(db) == expected(-1)
    zygote = subprocess.Popen([sys.executable, "-c", ZYGOTE, str(db), str(tmp_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, encoding="utf-8")
    assert zygote.stdin is not None and zygote.stdout is not None
    rng = random.Random(20261203)
    done = -1  # the last step whose effect is in the file
    kinds = {0: 0, 1: 0, 2: 0, 3: 0}
    try:
        for _ in range(KILLS):
            zygote.stdin.write(f"{done + 1}\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline().split()[1])
            first = zygote.stdout.readline()
            assert first.startswith("ack"), first  # it is really working
            acked = int(first.split()[1])
            time.sleep(rng.uniform(0.0, 0.06))
            with contextlib.suppress(ProcessLookupError):  # it may have failed by itself (then the test says so)
                os.kill(pid, signal.SIGKILL)
            while (line := zygote.stdout.readline().strip()) != "reaped":
                assert line.startswith("ack"), line
                acked = int(line.split()[1])
            state = actual(db)
            assert state in (expected(acked), expected(acked + 1)), (acked, state)
            done = acked if state == expected(acked) and state != expected(acked + 1) else acked + 1
            kinds[(acked + 1) % 4] += 1  # the step that was cut short
    finally:
        zygote.communicate(timeout=30)  # closes its stdin (it ends) and the pipes
    assert all(kinds.values()), kinds  # every command was killed mid-way at least once
    leftovers = [p.name for p in (db.parent.iterdir()) if p.name.endswith(".tmp")]
    session = open_session(db, daily_backup=False)  # the next writer clears what a killed one left
    session.close(backup=False)
    assert not [p.name for p in db.parent.rglob("*.tmp")], leftovers

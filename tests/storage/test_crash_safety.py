"""kill -9 during typing: the file always passes integrity_check and every acknowledged save is there."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from fazhi_desktop.core.templates import new_report
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore
    store = ReportStore(open_database(Path(sys.argv[1]), journal=sys.argv[2]))
    block_id, report_id = int(sys.argv[3]), int(sys.argv[4])
    i = int(sys.argv[5])
    while True:
        i += 1
        store.update_block(block_id, body=f"第{i}次保存：" + "依法行政" * (i % 300))
        store.update_report_field(report_id, "opening", f"开头{i}")
        print(i, flush=True)  # acknowledged: both writes committed
""")


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_kill_minus_nine_loses_nothing_acknowledged(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "fazhi.db"
    store = ReportStore(open_database(path, journal=journal))
    report = store.create_report(new_report(store.ensure_unit("千佛镇"), 2021))
    block_id = report.chapters[0].blocks[0].id
    store.db.close()
    rng = random.Random(20260301)
    acknowledged = 0
    for _ in range(15):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), journal, str(block_id), str(report.id), str(acknowledged)],
            stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None
        first = writer.stdout.readline()  # wait until it is really writing
        assert first.strip(), "writer did not start"
        acknowledged = int(first)
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(writer.pid, signal.SIGKILL)
        rest, _ = writer.communicate()
        for line in rest.split():
            acknowledged = int(line)

        check = ReportStore(open_database(path, journal=journal))
        assert check.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        loaded = check.load_report(report.id or 0)
        saved = int(loaded.chapters[0].blocks[0].body.split("次")[0].removeprefix("第"))
        assert saved >= acknowledged  # the write after the last acknowledgement may also be there
        assert loaded.opening in (f"开头{acknowledged}", f"开头{acknowledged + 1}")
        acknowledged = saved
        check.db.close()

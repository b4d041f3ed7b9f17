"""The 汇总 board and its dialogs fit 1024×768, 1366×768 at 150 % and 1920×1080 at 150 %, every button on the
screen, with a screenshot of each in build/screenshots/county/ (tests/county/county_tour.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.county.conftest import Folder

REPO = Path(__file__).resolve().parents[2]
OUT = Path(os.environ.get("FAZHI_SCREENSHOT_DIR") or REPO / "build" / "screenshots") / "county"
SCREENS = [("1024x768", "1"), ("1366x768", "1.5"), ("1920x1080", "1.5")]
SHOTS = 5


def _tour(size: str, scale: str, folder: Path) -> dict[str, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run([sys.executable, "-m", "tests.county.county_tour", size, scale, str(OUT), str(folder)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_board_and_its_dialogs_fit_every_screen(county_files: Folder, tmp_path: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    folder = tmp_path / "收到"
    folder.mkdir()
    for path in sorted(county_files.first.iterdir())[:12]:  # a dozen files, good and bad
        shutil.copy(path, folder / path.name)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda screen: _tour(*screen, folder), SCREENS))
    assert [p for r in results for p in r["problems"]] == []
    assert [len(r["shots"]) for r in results] == [SHOTS] * len(SCREENS)
    assert all((OUT / shot).stat().st_size > 5_000 for r in results for shot in r["shots"])

"""Helpers shared by the tests (not fixtures)."""

from __future__ import annotations

import pytest

from fazhi_desktop.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in-process: (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sample_path():  # type: ignore[no-untyped-def]
    """The shared sample report; skips the test where ../shared/ is not beside the checkout (CI has it)."""
    from tests.conftest import SAMPLE_TXT

    if not SAMPLE_TXT.exists():
        pytest.skip("需要 ../shared/samples/ 中的样例报告（CI 中总有；单独克隆本仓库时没有）")
    return SAMPLE_TXT

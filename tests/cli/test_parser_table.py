"""The command line builds only the invoked subcommand's parser; cli.COMMANDS must match what the
command modules register, and help/errors still see every subcommand."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from fazhi_desktop import cli


def _registered(module_name: str) -> set[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(f"fazhi_desktop.commands.{module_name}").register(sub)
    return set(sub.choices)


def test_command_table_matches_the_modules() -> None:
    for module_name in cli.COMMAND_MODULES:
        assert _registered(module_name) == {c for c, m in cli.COMMANDS.items() if m == module_name}
    assert set(cli.COMMANDS.values()) == set(cli.COMMAND_MODULES)


@pytest.mark.parametrize(("argv", "modules"), [
    (["export", "--unit", "甲", "--year", "2025", "-o", "x.docx"], ["export_cmd"]),
    (["--db", "list", "show", "--unit", "甲"], ["report_cmds"]),  # "list" here is the --db value
    (["--demo", "--db", "/tmp/a.db", "check", "a.txt"], ["check_cmd"]),
    (["-h", "export"], cli.COMMAND_MODULES),
    (["exprot"], cli.COMMAND_MODULES),
    ([], []),  # the window opens: no subcommand parser is needed
    (["--demo", "--db", "/tmp/a.db"], []),
    (["--version"], []),
])
def test_only_the_needed_command_modules_are_loaded(argv: list[str], modules: list[str]) -> None:
    assert cli._modules_for(argv) == modules


def test_opening_the_window_loads_no_command_module() -> None:
    script = (
        "import sys\n"
        "from fazhi_desktop import app, cli\n"
        "app.run_app = lambda db_path, demo=False: 0  # the window itself is not under test here\n"
        "assert cli.main(['--db', 'x.db', '--demo']) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('fazhi_desktop.commands.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['fazhi_desktop.commands.context']"


def test_only_the_invoked_subcommand_is_built() -> None:
    parser = cli.build_parser(["list"])
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == {"new", "list", "show", "copy-year", "set"}
    full = cli.build_parser(["-h"])
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(cli.COMMANDS)


def test_top_level_help_and_unknown_commands_list_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["-h"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert all(name in out for name in cli.COMMANDS)
    with pytest.raises(SystemExit) as done:
        cli.main(["exprot"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "无效的选项" in err and "export" in err


def test_subcommand_help_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["export", "-h"])
    assert done.value.code == 0
    assert "--red-header" in capsys.readouterr().out

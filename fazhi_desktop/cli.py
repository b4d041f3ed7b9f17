"""The ``fazhi-desktop`` command line: a composition root, like app.py.

With no subcommand it opens the window. Exit codes: 0 success; 1 the command ran and found
problems (e.g. ``check``); 2 bad usage or bad input, with a one-line Chinese message on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from fazhi_desktop import __version__, cli_text, oserrors
from fazhi_desktop.commands.context import CliContext, CliError
from fazhi_desktop.filewrite import FileWriteError
from fazhi_desktop.resources import ResourceError
from fazhi_desktop.storage.errors import StorageError
from fazhi_desktop.storage.location import resolve_db_path

# Each module in fazhi_desktop.commands registers its subcommands, in this order (later features add
# theirs here). COMMANDS says which module has which, so a command line loads and builds only its own
# subcommand's parser; tests/cli/test_parser_table.py checks the table against what the modules register.
COMMAND_MODULES = ["report_cmds", "package_cmds", "maintenance_cmds", "data_cmd", "check_cmd", "import_cmd",
                   "export_cmd", "preview_cmd", "county_cmd"]
COMMANDS = {
    "new": "report_cmds", "list": "report_cmds", "show": "report_cmds", "copy-year": "report_cmds",
    "set": "report_cmds", "pack": "package_cmds", "unpack": "package_cmds", "backup": "maintenance_cmds",
    "backups": "maintenance_cmds", "restore": "maintenance_cmds", "diagnose": "maintenance_cmds",
    "data": "data_cmd", "check": "check_cmd", "import": "import_cmd", "export": "export_cmd",
    "preview": "preview_cmd", "county": "county_cmd",
}
_VALUED_OPTIONS = ("--db", "--smoke-out")  # top-level options that take the next word as their value


def _modules_for(argv: Sequence[str] | None) -> list[str]:
    """The command modules whose parsers ``argv`` needs: the subcommand's own; none when there is no
    subcommand (the window opens); all of them for help and unknown words, so the lists are complete."""
    if argv is None:
        return COMMAND_MODULES
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return COMMAND_MODULES
        if word in _VALUED_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return [COMMANDS[word]] if word in COMMANDS else COMMAND_MODULES
    return []


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """One Chinese line instead of usage + message, exit 2."""
        self.exit(2, f"错误：{message}（用 -h 查看帮助）\n")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given ``argv`` with a known subcommand, only that subcommand's module is loaded."""
    cli_text.install()
    parser = _Parser(
        prog="fazhi-desktop",
        description="法治政府建设年度报告助手：起草、检查乡镇（街道）法治政府建设年度报告并导出 Word。"
        "不带子命令时打开程序窗口。",
    )
    parser.add_argument("--db", metavar="路径",
                        help="数据文件路径（默认在用户数据目录，或便携模式下程序旁的 data 目录）")
    parser.add_argument("--demo", action="store_true", help="打开示例数据（示例镇的完整报告），便于初次了解")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="显示版本号并退出")
    parser.add_argument("--smoke-test", action="store_true", help="自检：离屏运行一遍全部功能后退出（打包测试用）")
    parser.add_argument("--smoke-out", metavar="文件", help="自检结果（JSON）写到此文件")
    sub = parser.add_subparsers(dest="command", metavar="子命令", parser_class=_Parser)
    for name in _modules_for(argv):
        importlib.import_module(f"fazhi_desktop.commands.{name}").register(sub)
    return parser


class Interrupted(KeyboardInterrupt):
    """The command was asked to stop (SIGTERM, SIGHUP): it unwinds like Ctrl+C, so a transaction in
    progress is rolled back and temporary files are removed."""


def _stop_on_signals() -> dict[int, object]:
    """SIGTERM and SIGHUP stop a command cleanly instead of killing it mid-way (POSIX; the window has
    its own handling). Returns the previous handlers."""
    import signal

    def stop(_signum: int, _frame: object) -> None:
        raise Interrupted

    previous: dict[int, object] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, stop)
    return previous


def _restore_signals(previous: dict[int, object]) -> None:
    import signal

    for number, handler in previous.items():
        signal.signal(number, handler)  # type: ignore[arg-type]


def _record_bug(db_path: Path, command: str) -> None:
    """The traceback of an unexpected error, appended to ``logs/app.log`` beside the data file (best effort)."""
    import datetime as dt
    import traceback

    try:
        log_dir = db_path.parent / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        with (log_dir / "app.log").open("a", encoding="utf-8") as log:
            log.write(f"{dt.datetime.now():%Y-%m-%d %H:%M:%S} ERROR command {command} failed\n")
            log.write(traceback.format_exc())
    except OSError:
        pass


def _quiet_logging() -> None:
    """Warnings of the storage layer belong in the log, never on the command line's stderr (in English):
    without a handler of its own, logging would print them there (applied when one is written)."""
    from fazhi_desktop.storage import warnlog

    warnlog.quiet()


def _collect_less() -> None:
    """A command is a short process that frees nearly everything by reference counting: the cycle
    collector's frequent passes over the freshly imported python-docx and lxml objects cost ~10 ms of a
    100 ms export and find nothing. It runs after every 50,000 new objects instead of 700 (memory of a
    long command, e.g. collecting a folder of reports, stays bounded). Not for the window's process."""
    import gc

    gc.set_threshold(50_000, 10, 10)


def main(argv: Sequence[str] | None = None) -> int:
    real_process = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.smoke_test:
        from fazhi_desktop.ui.window.smoke_test import run as smoke

        return smoke(Path(args.smoke_out) if args.smoke_out else None)
    if args.demo:
        from fazhi_desktop.demo import demo_db_path, ensure_demo

        db_path = resolve_db_path(args.db) if args.db else demo_db_path()
    else:
        db_path = resolve_db_path(args.db)
    ctx = CliContext(db_path=db_path, writes=bool(getattr(args, "writes", False)) or args.demo,
                     command=args.command or "")
    if args.command is None:  # the window opens (and locks) the file itself, adding the demo there
        from fazhi_desktop.app import run_app

        return run_app(db_path, demo=args.demo)
    previous: dict[int, object] = {}
    if real_process:
        previous = _stop_on_signals()
        _quiet_logging()
        _collect_less()
    try:
        if args.demo:
            ensure_demo(ctx.store)
        return int(args.func(args, ctx))
    except BrokenPipeError:  # output piped into head and closed early
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("已中断：刚才的命令没有执行完，数据文件保持原样。", file=sys.stderr)
        return 130
    except CliError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exc.code
    except (StorageError, ResourceError, FileWriteError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        where = f"：{exc.filename}" if exc.filename else ""
        print(f"错误：无法读写文件（{oserrors.reason(exc)}）{where}", file=sys.stderr)
        return 2
    except Exception:  # a bug: one Chinese line here, the traceback in the log
        _record_bug(db_path, args.command)
        print("错误：程序遇到意外问题，命令没有完成，数据文件保持原样。详情已写入日志，请导出诊断信息"
              "（fazhi-desktop diagnose -o 诊断.zip）发给技术支持。", file=sys.stderr)
        return 2
    finally:
        try:
            ctx.close()
        finally:
            _restore_signals(previous)


if __name__ == "__main__":
    sys.exit(main())

"""--smoke-test: exercise every feature of the real program once, offscreen, and write a JSON verdict.

Run by build_scripts/build.py on the packaged program, so a missing hidden import, data file or Qt
plugin fails on the build machine instead of on a township PC. Exit code 0 when every step passed.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

SAMPLE = """千佛镇2021年度法治政府建设情况报告
县委、县人民政府：
2021年，千佛镇认真落实法治政府建设各项任务。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导
镇党委召开专题会议研究法治建设4次。
二、存在的不足和原因
执法力量不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法。
四、2022年度推进法治政府建设的主要安排
继续加强法治宣传教育。
"""


def run(out: Path | None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result: dict[str, Any] = {"ok": False, "steps": {}}
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="fazhi-smoke-"))

    def step(name: str, fn: Callable[[], Any]) -> Any:
        try:
            value = fn()
            result["steps"][name] = {"ok": True, "detail": value if isinstance(value, (str, int, list)) else ""}
            return value
        except Exception:
            result["steps"][name] = {"ok": False, "error": traceback.format_exc()}
            return None

    from fazhi_desktop.ui.window.launcher import application, build_window

    app = application()
    step("qt_translation", lambda: _buttons())
    from fazhi_desktop.storage.session import open_session

    session = open_session(work / "smoke.db")
    store = session.store
    try:
        report_id = step("template", lambda: _from_template(store))
        step("import_text", lambda: _import(store))
        if report_id is not None:
            report = store.load_report(report_id)
            step("check", lambda: len(_check(report)))
            step("export_docx", lambda: _export(report, work))
            step("package", lambda: _package(report))
            from fazhi_desktop.ui.window.main_window import LAST_REPORT_KEY

            store.set_meta(LAST_REPORT_KEY, str(report_id))  # the window opens on the report, not the list
        window = step("main_window", lambda: build_window(store, work / "smoke.db"))
        if window is not None:
            window.show()
            app.processEvents()
            shot = (out.parent if out else work) / "smoke.png"
            step("screenshot", lambda: str(shot) if window.grab().save(str(shot)) else _fail("grab failed"))
            step("preview_pdf", lambda: _preview_pdf(window, app, work))
            window.close()
    finally:
        session.close(backup=False)
    result["ok"] = all(s["ok"] for s in result["steps"].values())
    result["seconds"] = round(time.perf_counter() - started, 3)
    if out is not None:
        out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if result["ok"] else 1


def _fail(message: str) -> None:
    raise RuntimeError(message)


def _buttons() -> list[str]:
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    texts = [b.text() for b in box.buttons()]
    if sorted(texts) != sorted(["确定", "取消"]):
        _fail(f"Qt 中文翻译未加载：{texts}")
    return texts


def _from_template(store: Any) -> int:
    from fazhi_desktop.core.templates import new_report

    report = store.create_report(new_report(store.ensure_unit("千佛镇"), 2021))
    return int(report.id)


def _import(store: Any) -> int:
    from fazhi_desktop.importers.load import import_text

    imported = import_text(SAMPLE)
    report = store.create_report(imported.detected.to_report(store.ensure_unit("千佛镇"), 2020))
    if len(report.chapters) < 4:
        _fail(f"导入的章节数不对：{len(report.chapters)}")
    return len(report.chapters)


def _check(report: Any) -> list[Any]:
    from fazhi_desktop.core.checks import check_report

    return check_report(report)


def _export(report: Any, work: Path) -> int:
    """Export, then read the .docx back through the importer (python-docx and lxml both exercised)."""
    from fazhi_desktop.export.docx_export import export_docx
    from fazhi_desktop.importers.load import import_file

    target = work / "smoke.docx"
    export_docx(report, target, html_path=work / "smoke.html")
    back = import_file(target).detected
    if len(back.chapters) != len(report.chapters):
        _fail(f"导出后读回的章节数不对：{len(back.chapters)} ≠ {len(report.chapters)}")
    return len(back.chapters)


def _preview_pdf(window: Any, app: Any, work: Path) -> int:
    """The 预览 tab laid out and painted, and the same pages as a PDF with embedded fonts (QPdfWriter)."""
    from fazhi_desktop.ui.preview.pdf_writer import info_for, write_pdf

    window.act_preview.trigger()
    deadline = time.monotonic() + 20
    while window.preview.controller.plan is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    plan = window.preview.controller.plan
    if plan is None or not window.view.preview.canvas.viewport().grab().width():
        _fail("预览没有排出页面")
    target = write_pdf(work / "smoke.pdf", plan, info_for(window.view.report()))
    data = target.read_bytes()
    if not data.startswith(b"%PDF") or b"/FontFile2" not in data or b"/Outlines" not in data:
        _fail("PDF 缺少嵌入字体或书签")
    return int(plan.pages)


def _package(report: Any) -> int:
    from fazhi_desktop.core.package import pack, unpack

    data = pack(report)
    if unpack(data).title != report.title:
        _fail("数据包往返不一致")
    return len(data)

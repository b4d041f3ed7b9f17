"""预览 tab: the report's printed pages (:class:`PageCanvas`) with their thumbnails, the export options
as toggles (shared with the 导出Word dialog), zoom, two pages side by side, the 22-row grid, the
problems found on the pages, and 导出PDF. It shows what it is given; :mod:`.preview_controller` lays
the report out and reacts to the toggles and clicks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.export.pageproblems import PageMark
from fazhi_desktop.export.preflight import Preflight
from fazhi_desktop.ui.exporting.export_dialog import ExportRequest
from fazhi_desktop.ui.preview.page_canvas import PageCanvas
from fazhi_desktop.ui.preview.page_painter import TOP, PagePainter
from fazhi_desktop.ui.preview.page_thumbnails import PageThumbnails
from fazhi_desktop.ui.window.read_only import mark_safe

TOGGLE_TEXTS = {"red_header": ("版头", "红色发文机关标志、发文字号、签发人（与导出对话框相同）"),
                "imprint": ("版记", "抄送、印发机关、印发日期，排在偶数页末"),
                "data_table": ("附件统计表", "由“数据指标”生成的统计表，作为附件排在落款之后"),
                "web": ("网页公开版", "4月1日前网上公开的版本：不含版头、版记和标为“内部”的内容"),
                "sealed": ("加盖印章", "落款按加盖印章排版，红圈是 42 毫米印章的位置")}
ZOOM_TEXTS = (("width", "适合宽度"), ("page", "适合页面"), ("actual", "100%"))


class PreviewPane(QWidget):
    """Shows pages and asks, through its signals, for what the clerk wants done."""

    sig_option_toggled = Signal(str, bool)  # an export option (ExportRequest field) ticked or cleared
    sig_export_pdf = Signal()
    sig_row_clicked = Signal(int, object)  # page index, Row

    def __init__(self, painter: PagePainter, parent: QWidget | None = None, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact  # beside the chapter being written: the pages only, following the text typed
        self.toggles: dict[str, QCheckBox] = {}
        for name, (text, tip) in TOGGLE_TEXTS.items():
            box = QCheckBox(text)
            box.setToolTip(tip)
            box.toggled.connect(lambda on, n=name: self.sig_option_toggled.emit(n, on))
            self.toggles[name] = box
        self.zoom = QComboBox()
        for key, text in ZOOM_TEXTS:
            self.zoom.addItem(text, key)
        self.zoom.setToolTip("缩放：适合宽度、适合页面，或 100%（与纸张同样大小）")
        self.two_up = QCheckBox("双页")
        self.two_up.setToolTip("两页并排，如双面打印后翻开的样子（第1页在右）")
        self.grid = QCheckBox("行格")
        self.grid.setToolTip("显示版心和每页 22 行的行格")
        self.export_pdf = QPushButton("导出PDF…")
        self.export_pdf.setToolTip("按这里看到的页面导出 PDF（嵌入字体，可直接打印或上网公开）")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.canvas = PageCanvas(painter)
        self.thumbnails = PageThumbnails()
        self.problems = QListWidget()
        self.problems.setToolTip("单击一条，跳到那一页")
        self._marks: list[PageMark] = []
        for control in (*self.toggles.values(), self.zoom, self.two_up, self.grid, self.export_pdf):
            mark_safe(control)  # they change what is shown or exported, never the report: usable read-only
        self._layout()
        self._connect()
        if compact:
            for widget in (*self.toggles.values(), self.two_up, self.grid, self.export_pdf, self.thumbnails,
                           self.problems):
                widget.hide()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for box in self.toggles.values():
            bar.addWidget(box)
        bar.addStretch(1)
        bar.addWidget(self.zoom)
        bar.addWidget(self.two_up)
        bar.addWidget(self.grid)
        bar.addWidget(self.export_pdf)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.canvas, 1)
        right.addWidget(self.problems)
        self.problems.setWordWrap(True)
        main = QHBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.addWidget(self.thumbnails)
        main.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addLayout(main, 1)

    def _connect(self) -> None:
        self.zoom.currentIndexChanged.connect(lambda _i: self.canvas.set_zoom(str(self.zoom.currentData())))
        self.two_up.toggled.connect(self.canvas.set_two_up)
        self.grid.toggled.connect(self.canvas.set_grid)
        self.export_pdf.clicked.connect(self.sig_export_pdf)
        self.canvas.sig_row_clicked.connect(self.sig_row_clicked)
        self.canvas.sig_current_page.connect(self.thumbnails.show_page)
        self.thumbnails.sig_page_chosen.connect(self.canvas.scroll_to_page)
        self.problems.currentRowChanged.connect(self._problem_chosen)

    # ---- what is shown ------------------------------------------------------------------------
    def show_choices(self, request: ExportRequest) -> None:
        """Tick the toggles as the shared export options are (without emitting)."""
        for name, box in self.toggles.items():
            blocked = box.blockSignals(True)
            box.setChecked(bool(getattr(request, name)))
            box.blockSignals(blocked)
        for name in ("red_header", "imprint"):
            self.toggles[name].setEnabled(not request.web)

    def show_plan(self, plan: Preflight, marks: Sequence[PageMark], fonts_note: str = "",
                  notes: Sequence[str] = ()) -> None:
        """The pages of ``plan`` with ``marks`` on them; the page count above, the marks (numbered as on
        the pages), the warnings, what the layout adjusted and ``notes`` in the list below."""
        self._marks = list(marks)
        self.canvas.set_pages(plan.layout, marks)
        self.thumbnails.set_pages(plan.layout, marks)
        self.problems.blockSignals(True)
        self.problems.clear()
        for number, mark in enumerate(marks, start=1):
            self.problems.addItem(f"{number}. 第{mark.page}页：{mark.message}")
        shown = {m.message for m in marks}
        for warning in plan.warnings:
            self.problems.addItem(f"注意：{warning}")
        for note in [*notes, *plan.notes]:
            if note not in shown and not note.startswith("为使版记"):
                self.problems.addItem(f"提示：{note}")
        self.problems.blockSignals(False)
        self.problems.setVisible(self.problems.count() > 0 and not self.compact)
        line = self.problems.fontMetrics().height() + 4
        self.problems.setFixedHeight(min(self.problems.count(), 5) * line + 2 * self.problems.frameWidth() + 4)
        text = f"共 {plan.pages} 页"
        if marks or plan.warnings:
            where = "页面上以橙色标出" if self.compact else "见下方列表，页面上以橙色标出"
            text += f"，{len(marks) + len(plan.warnings)} 处请留意（{where}）"
        if fonts_note and not self.compact:
            text += "；本机缺少的公文字体用相近字体显示（鼠标停在这里可看详情）"
        self.summary.setText(text)
        self.summary.setToolTip(fonts_note)

    def show_busy(self, text: str) -> None:
        self.summary.setText(text)

    def _problem_chosen(self, row: int) -> None:
        if 0 <= row < len(self._marks):
            mark = self._marks[row]
            self.canvas.scroll_to_page(mark.page, TOP + mark.y / 20)

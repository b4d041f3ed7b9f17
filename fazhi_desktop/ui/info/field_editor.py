"""One input for one field of core.schema, chosen by the field's kind."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.core.model import SealMode, Status, UnitKind
from fazhi_desktop.core.schema import FieldKind, FieldSpec, FieldValueError, parse_value
from fazhi_desktop.ui.common.text_select import select_in
from fazhi_desktop.ui.edit.undo_keys import route_undo_keys

NO_DATE = QDate(1990, 1, 1)  # shown as （未填）


class FieldEditor(QWidget):
    """An input generated from a :class:`FieldSpec`; validates with core.schema.parse_value.

    Invalid input stays in the field with a red Chinese message under it and is not saved.
    """

    sig_value_edited = Signal(object)
    """The user changed the field to a valid value (already parsed)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._loading = False
        self.shown: Any = None  # the value last shown or emitted
        self.before: Any = None  # the value before the change just emitted
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.row)
        layout.addWidget(self.error)
        self._build()
        route_undo_keys(*(getattr(self, n) for n in ("line", "text", "first", "second", "date") if hasattr(self, n)))
        if spec.hint:
            self.setToolTip(spec.hint)

    # ---- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        kind = self.spec.kind
        if kind is FieldKind.TEXT:
            self.line = QLineEdit()
            self.line.setPlaceholderText(self.spec.hint)
            self.line.textEdited.connect(self._on_edit)
            self.row.addWidget(self.line)
        elif kind is FieldKind.MULTILINE:
            self.text = QPlainTextEdit()
            self.text.setTabChangesFocus(True)
            self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
            self.text.textChanged.connect(self._on_edit)
            self.row.addWidget(self.text)
        elif kind is FieldKind.DATE:
            self._build_date()
        elif kind is FieldKind.LIST:
            self.first = QLineEdit()
            self.first.setPlaceholderText("机关一，如：中共千佛镇委员会")
            self.second = QLineEdit()
            self.second.setPlaceholderText("机关二（联合行文时填写）")
            for edit in (self.first, self.second):
                edit.textEdited.connect(self._on_edit)
            box = QVBoxLayout()
            box.addWidget(self.first)
            box.addWidget(self.second)
            self.row.addLayout(box)
        elif kind is FieldKind.BOOL:
            self.check = QCheckBox("是")
            self.check.toggled.connect(self._on_edit)
            self.row.addWidget(self.check)
        else:
            self.combo = QComboBox()
            options: list[Any] = list({FieldKind.SEAL: SealMode, FieldKind.UNIT_KIND: UnitKind}.get(kind, Status))
            for option in options:
                label = option.label if isinstance(option, SealMode) else option.value
                self.combo.addItem(label, option)
            self.combo.currentIndexChanged.connect(self._on_edit)
            self.row.addWidget(self.combo)
            self.row.addStretch(1)

    def _build_date(self) -> None:
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy年M月d日")
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText("（未填）")
        self.date.dateChanged.connect(self._on_edit)
        # An empty date opens its calendar on this month. The calendar is a heavy widget that Qt makes
        # when it first pops up; it is watched from the press that opens it, not made with the form.
        self._calendar_watched = False
        self.date.installEventFilter(self)
        today = QPushButton("今天")
        today.setToolTip("填入今天的日期")
        today.clicked.connect(lambda: self.date.setDate(QDate.currentDate()))
        clear = QPushButton("清除")
        clear.setToolTip("清空这个日期")
        clear.clicked.connect(lambda: self.date.setDate(NO_DATE))
        self.row.addWidget(self.date)
        self.row.addWidget(today)
        self.row.addWidget(clear)
        self.row.addStretch(1)

    # ---- value ------------------------------------------------------------------------------
    def value(self) -> Any:
        """The parsed value; raises FieldValueError with a Chinese message."""
        kind = self.spec.kind
        if kind is FieldKind.TEXT:
            return parse_value(self.spec, self.line.text())
        if kind is FieldKind.MULTILINE:
            return parse_value(self.spec, self.text.toPlainText())
        if kind is FieldKind.DATE:
            qdate = self.date.date()
            return None if qdate == NO_DATE else dt.date(qdate.year(), qdate.month(), qdate.day())
        if kind is FieldKind.LIST:
            return parse_value(self.spec, self.first.text() + "\n" + self.second.text())
        if kind is FieldKind.BOOL:
            return self.check.isChecked()
        data = str(self.combo.currentData())  # Qt hands enum members back as plain strings
        return {FieldKind.SEAL: SealMode, FieldKind.UNIT_KIND: UnitKind}.get(kind, Status)(data)

    def set_value(self, value: Any) -> None:
        """Show ``value`` without emitting :attr:`sig_value_edited`."""
        self._loading = True
        try:
            kind = self.spec.kind
            if kind is FieldKind.TEXT:
                self.line.setText(str(value or ""))
            elif kind is FieldKind.MULTILINE:
                self.text.setPlainText(str(value or ""))
            elif kind is FieldKind.DATE:
                self.date.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
            elif kind is FieldKind.LIST:
                names = list(value or ())
                self.first.setText(names[0] if names else "")
                self.second.setText("，".join(names[1:]))
            elif kind is FieldKind.BOOL:
                self.check.setChecked(bool(value))
            else:
                index = self.combo.findData(value)
                self.combo.setCurrentIndex(max(index, 0))
            try:
                self.shown = self.value()  # as the field reads it back, so an edit compares like with like
            except FieldValueError:
                self.shown = value
            self.show_error("")
        finally:
            self._loading = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """When the calendar of an empty date opens, show this month rather than 1990."""
        kind = event.type()
        if (watched is self.date and not self._calendar_watched
                and kind in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress)):
            calendar = self.date.calendarWidget()  # made now, before the press can show it
            if calendar is not None:
                calendar.installEventFilter(self)
            self._calendar_watched = True
        elif (kind == QEvent.Type.Show and isinstance(watched, QCalendarWidget)
                and self.date.date() == NO_DATE):
            today = QDate.currentDate()
            watched.setCurrentPage(today.year(), today.month())
        return False

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _on_edit(self, *_args: object) -> None:
        if self._loading:
            return
        try:
            value = self.value()
        except FieldValueError as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.before, self.shown = self.shown, value
        self.sig_value_edited.emit(value)

    def set_placeholder(self, text: str) -> None:
        if self.spec.kind is FieldKind.TEXT:
            self.line.setPlaceholderText(text)

    def select_text(self, offset: int, length: int = 0) -> None:
        """Focus the input and select ``length`` characters at ``offset`` (a found text, a finding) of the
        field's text as core.search reads it (two 落款机关: the first, a line break, the second)."""
        if self.spec.kind is FieldKind.LIST and offset > len(self.first.text()):
            select_in(self.second, offset - len(self.first.text()) - 1, length)
            return
        select_in(self.focus_widget(), offset, length)

    def focus_widget(self) -> QWidget:
        """The input the user types into (for tests and keyboard focus)."""
        for name in ("line", "text", "date", "first", "check", "combo"):
            if hasattr(self, name):
                widget: QWidget = getattr(self, name)
                return widget
        return self


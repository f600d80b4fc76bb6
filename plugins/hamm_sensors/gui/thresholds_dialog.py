"""Dialog to edit the warning thresholds (observed property, threshold, label)."""

from typing import Dict, List, Optional, Tuple

from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..adapters.warnings_layer import load_thresholds, save_thresholds
from ..logic.i18n import tr
from ..logic.warnings import DEFAULT_THRESHOLDS, thresholds_from_rows

Thresholds = Dict[str, List[Tuple[float, str]]]


class ThresholdsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Sensor warning thresholds"))
        self.saved: Optional[Thresholds] = None
        layout = QVBoxLayout(self)
        intro = QLabel(tr("A warning is shown once when a sensor's value reaches a threshold "
                          "(value ≥ threshold); it ends when the value falls back below it."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Observed property"), tr("Threshold"),
                                              tr("Label")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        add = QPushButton(tr("Add row"))
        add.clicked.connect(lambda _c=False: self.add_row("", "", ""))
        remove = QPushButton(tr("Remove row"))
        remove.clicked.connect(lambda _c=False: self.remove_selected())
        defaults = QPushButton(tr("Restore defaults"))
        defaults.clicked.connect(lambda _c=False: self.show_thresholds(DEFAULT_THRESHOLDS,
                                                                       translate=True))
        for button in (add, remove, defaults):
            row.addWidget(button)
        layout.addLayout(row)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00000")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_thresholds(load_thresholds(), translate=True)
        self.resize(520, 360)

    def show_thresholds(self, thresholds: Thresholds, translate: bool = False) -> None:
        self.table.setRowCount(0)
        for prop, levels in sorted(thresholds.items()):
            for value, label in sorted(levels):
                self.add_row(prop, "{:g}".format(value), tr(label) if translate else label)

    def add_row(self, prop: str, value: str, label: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate((prop, value, label)):
            self.table.setItem(row, col, QTableWidgetItem(text))
        return row

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def rows(self) -> List[Tuple[str, str, str]]:
        out = []
        for row in range(self.table.rowCount()):
            cells = []
            for col in range(3):
                item = self.table.item(row, col)
                cells.append(item.text() if item is not None else "")
            out.append(tuple(cells))
        return out

    def apply(self) -> bool:
        """Validate and save; False (with the message shown) for bad rows."""
        try:
            thresholds = thresholds_from_rows(self.rows())
        except ValueError as err:
            self.error.setText(str(err))
            return False
        save_thresholds(thresholds)
        self.saved = thresholds
        self.error.setText("")
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()

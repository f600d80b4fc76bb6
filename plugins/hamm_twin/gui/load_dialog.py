"""Dialog of 'Load digital twin': components and area. Layout only; the plugin acts."""

from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
)

from hamm_core.logic.i18n import tr_noop

from ..logic.i18n import tr

LABELS = {  # translated when shown
    "buildings": tr_noop("LoD2 buildings (extruded in 3D)"),
    "surfaces": tr_noop("LoD2 roof and wall surfaces (3D)"),
    "terrain": tr_noop("Terrain (DGM)"),
    "ortho": tr_noop("Orthophoto (from the city profile)"),
    "ndsm": tr_noop("Object heights (nDSM)"),
}


class LoadTwinDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Load digital twin"))
        layout = QVBoxLayout(self)
        box = QGroupBox(tr("Components"))
        inner = QVBoxLayout(box)
        self.checks = {}
        for key in ("buildings", "surfaces", "terrain", "ortho", "ndsm"):
            check = QCheckBox(tr(LABELS[key]))
            check.setChecked(key in ("buildings", "terrain", "ortho"))
            inner.addWidget(check)
            self.checks[key] = check
        layout.addWidget(box)
        area = QGroupBox(tr("Area"))
        inner = QVBoxLayout(area)
        self.canvas_extent = QRadioButton(tr("Current map extent"))
        self.everything = QRadioButton(tr("Everything imported"))
        self.canvas_extent.setChecked(True)
        inner.addWidget(self.canvas_extent)
        inner.addWidget(self.everything)
        layout.addWidget(area)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def components(self):
        return [key for key, check in self.checks.items() if check.isChecked()]

    def use_canvas_extent(self) -> bool:
        return self.canvas_extent.isChecked()

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
    "pointcloud": tr_noop("Point cloud (EPT; LAS/LAZ where QGIS has PDAL)"),
}


class LoadTwinDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Load digital twin"))
        layout = QVBoxLayout(self)
        box = QGroupBox(tr("Components"))
        inner = QVBoxLayout(box)
        self.checks = {}
        from ..adapters.twin import pointcloud_source
        cloud = pointcloud_source()
        for key in ("buildings", "surfaces", "terrain", "ortho", "ndsm", "pointcloud"):
            check = QCheckBox(tr(LABELS[key]))
            check.setChecked(key in ("buildings", "terrain", "ortho"))
            if key == "pointcloud":
                # offered where a point cloud is configured (setting or profile service)
                check.setEnabled(bool(cloud))
                check.setToolTip(cloud or tr("No point cloud configured: load one with "
                                             "'Load point cloud' or name an EPT service "
                                             "in the city profile."))
            inner.addWidget(check)
            self.checks[key] = check
        layout.addWidget(box)
        area = QGroupBox(tr("Area"))
        inner = QVBoxLayout(area)
        self.canvas_extent = QRadioButton(tr("Current map extent"))
        self.drawn = QRadioButton(tr("A rectangle drawn on the map (after OK)"))
        self.everything = QRadioButton(tr("Everything imported"))
        self.polygons = QRadioButton(tr("Inside the polygons of a layer (e.g. a district)"))
        self.canvas_extent.setChecked(True)
        inner.addWidget(self.canvas_extent)
        inner.addWidget(self.drawn)
        inner.addWidget(self.everything)
        inner.addWidget(self.polygons)
        from qgis.core import QgsMapLayerProxyModel
        from qgis.gui import QgsMapLayerComboBox
        self.polygon_layer = QgsMapLayerComboBox()
        self.polygon_layer.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.selected_only = QCheckBox(tr("Only the selected polygons"))
        self.selected_only.setChecked(True)
        inner.addWidget(self.polygon_layer)
        inner.addWidget(self.selected_only)
        self.polygons.toggled.connect(self._polygon_widgets)
        self._polygon_widgets(False)
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

    def use_drawn_rectangle(self) -> bool:
        return self.drawn.isChecked()

    def _polygon_widgets(self, on: bool) -> None:
        self.polygon_layer.setEnabled(on)
        self.selected_only.setEnabled(on)

    def area_layer(self):
        """(polygon layer, only selected) when the area is a layer's polygons, else None."""
        if not self.polygons.isChecked() or self.polygon_layer.currentLayer() is None:
            return None
        return self.polygon_layer.currentLayer(), self.selected_only.isChecked()

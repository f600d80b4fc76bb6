"""The panorama viewer: a dock with the interactive view, a view cone on the map that
follows the viewing direction, and a map tool (a click opens the nearest panorama looking
at the clicked point)."""

import contextlib
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsWkbTypes,
)
from qgis.gui import QgsDockWidget, QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from hamm_core.logic.errors import HammError

from ..adapters import panoramas
from ..logic import panorama
from ..logic.i18n import tr
from .panorama_view import PanoramaView

CONE_LENGTH_M = 40.0
TWIN_CRS = QgsCoordinateReferenceSystem("EPSG:25832")


class PanoramaDock(QgsDockWidget):
    def __init__(self, canvas, parent=None, authcfg: str = ""):
        super().__init__(tr("Panorama"), parent)
        self.setObjectName("hamm_twin_panorama_dock")
        self.canvas = canvas
        self.authcfg = authcfg
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        self.title = QLabel(tr("Panorama"))
        self.view = PanoramaView(body)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.setWidget(body)
        self.position: Optional[QgsPointXY] = None   # in EPSG:25832
        self.layer = None
        self.feature_id = None
        self.cone = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        self.cone.setColor(QColor(255, 140, 0, 200))
        self.cone.setFillColor(QColor(255, 140, 0, 70))
        self.cone.setWidth(2)
        self.view.viewChanged.connect(self.update_cone)
        self._watched = None

    # -- showing a panorama -----------------------------------------------------------
    def show_feature(self, layer, feature, yaw: Optional[float] = None) -> bool:
        """Show the panorama of ``feature`` (of a panorama layer); ``yaw`` is the viewing
        direction (default: the panorama's heading). False (with a message) if its
        image cannot be loaded."""
        heading = feature["richtung"] if feature.fieldNameIndex("richtung") >= 0 else 0.0
        heading = float(heading) if heading not in (None, "") else 0.0
        image_ref = str(feature["bild"] or "")
        to_twin = QgsCoordinateTransform(layer.crs(), TWIN_CRS, QgsProject.instance())
        self.position = to_twin.transform(feature.geometry().asPoint())
        self.layer, self.feature_id = layer, feature.id()
        name = feature["pano_id"] if feature.fieldNameIndex("pano_id") >= 0 else feature.id()
        when = feature["zeit"] if feature.fieldNameIndex("zeit") >= 0 else ""
        self.title.setText(tr("Panorama {name} ({time})").format(name=name, time=when or "-"))
        try:
            image = panoramas.load_image(image_ref, self.authcfg)
        except HammError as err:
            self.view.clear(err.user_message)
            self.status.setText(err.user_message)
            self.update_cone(heading if yaw is None else yaw, 0.0, self.view.fov)
            return False
        self.status.setText(tr("Drag to look around, wheel to zoom."))
        self.view.set_panorama(image, heading, yaw)
        self.show()
        return True

    def watch_selection(self, layer) -> None:
        """Show the panorama selected in ``layer`` (one selected point)."""
        if self._watched is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self._watched.selectionChanged.disconnect(self._on_selection)
        self._watched = layer
        if layer is not None:
            layer.selectionChanged.connect(self._on_selection)

    def _on_selection(self, selected, _deselected, _clear):
        layer = self._watched
        if layer is None or len(selected) != 1:
            return
        feature = layer.getFeature(selected[0])
        if feature.isValid() and feature.id() != self.feature_id:
            self.show_feature(layer, feature)

    # -- the view cone ----------------------------------------------------------------
    def cone_geometry(self, yaw: float, fov: float) -> Optional[QgsGeometry]:
        """The cone in the canvas CRS."""
        if self.position is None:
            return None
        ring = panorama.view_cone(self.position.x(), self.position.y(), yaw, fov,
                                  CONE_LENGTH_M)
        geom = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring]])
        dest = self.canvas.mapSettings().destinationCrs()
        if dest.isValid() and dest != TWIN_CRS:
            geom.transform(QgsCoordinateTransform(TWIN_CRS, dest, QgsProject.instance()))
        return geom

    def update_cone(self, yaw: float, _pitch: float = 0.0, fov: float = 90.0) -> None:
        geom = self.cone_geometry(yaw, fov)
        if geom is None:
            self.cone.reset(QgsWkbTypes.PolygonGeometry)
            return
        self.cone.setToGeometry(geom, None)

    def cleanup(self) -> None:
        self.watch_selection(None)
        self.cone.reset(QgsWkbTypes.PolygonGeometry)
        self.canvas.scene().removeItem(self.cone)


class PanoramaMapTool(QgsMapTool):
    """A click on the map opens the nearest panorama, looking at the clicked point."""

    def __init__(self, canvas, dock: PanoramaDock, message=None):
        super().__init__(canvas)
        self.dock = dock
        self.message = message or (lambda text: None)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def layer(self):
        current = self.canvas().currentLayer() if hasattr(self.canvas(), "currentLayer") \
            else None
        if panoramas.is_panorama_layer(current):
            return current
        for layer in self.canvas().layers():
            if panoramas.is_panorama_layer(layer):
                return layer
        found = panoramas.panorama_layers()
        return found[0] if found else None

    def open_at(self, map_point: QgsPointXY) -> bool:
        layer = self.layer()
        if layer is None:
            self.message(tr("No panorama layer in the project: import a panorama index "
                            "first."))
            return False
        project = QgsProject.instance()
        canvas_crs = self.canvas().mapSettings().destinationCrs()
        to_layer = QgsCoordinateTransform(canvas_crs, layer.crs(), project)
        click_layer = to_layer.transform(map_point)
        max_d = 0.005 if layer.crs().isGeographic() else 500.0
        feature = panoramas.nearest_feature(layer, click_layer.x(), click_layer.y(), max_d)
        if feature is None:
            self.message(tr("No panorama within 500 m of the clicked point."))
            return False
        to_twin = QgsCoordinateTransform(canvas_crs, TWIN_CRS, project)
        layer_to_twin = QgsCoordinateTransform(layer.crs(), TWIN_CRS, project)
        click = to_twin.transform(map_point)
        pano = layer_to_twin.transform(feature.geometry().asPoint())
        yaw = panorama.bearing(pano.x(), pano.y(), click.x(), click.y())
        return self.dock.show_feature(layer, feature, yaw)

    def canvasReleaseEvent(self, event):  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.open_at(event.mapPoint())

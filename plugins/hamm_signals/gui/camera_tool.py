"""Map tool: place a camera and see its field-of-view wedge live.

Click once to set the position, move the mouse to turn the camera (heading = direction to
the cursor), turn the mouse wheel or press +/- to change the tilt, click again to place it.
Right click or Esc cancels. A placed camera is added to the active layer when that layer is
an editable camera layer of the model (it has the field 'azimut_grad'); the signal
cameraPlaced(x, y, heading, tilt) carries the pose in EPSG:25832 either way.
"""

from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..logic import zones as zlogic
from ..logic.camera import Camera
from ..logic.errors import SignalsError
from ..logic.i18n import tr

CRS_25832 = QgsCoordinateReferenceSystem("EPSG:25832")


class CameraPlacementTool(QgsMapTool):
    cameraPlaced = pyqtSignal(float, float, float, float)

    def __init__(self, canvas, iface=None):
        super().__init__(canvas)
        self.iface = iface
        self.height = 8.0
        self.tilt = 20.0
        self.hfov = 50.0
        self.width_px, self.height_px = 1920, 1080
        self.max_range = 80.0
        self.position: Optional[QgsPointXY] = None  # EPSG:25832
        self.heading: Optional[float] = None
        self.band = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        self.band.setColor(QColor(106, 61, 154, 200))
        self.band.setFillColor(QColor(106, 61, 154, 60))
        self.band.setWidth(2)
        self.setCursor(Qt.CursorShape.CrossCursor)

    # -- CRS helpers --------------------------------------------------------------------
    def _to_model(self, pt: QgsPointXY) -> QgsPointXY:
        crs = self.canvas().mapSettings().destinationCrs()
        if crs == CRS_25832:
            return pt
        return QgsCoordinateTransform(crs, CRS_25832, QgsProject.instance()).transform(pt)

    def _to_canvas_geom(self, geom: QgsGeometry) -> QgsGeometry:
        crs = self.canvas().mapSettings().destinationCrs()
        if crs != CRS_25832:
            geom.transform(QgsCoordinateTransform(CRS_25832, crs, QgsProject.instance()))
        return geom

    # -- the camera being placed ----------------------------------------------------------
    def camera(self) -> Optional[Camera]:
        if self.position is None or self.heading is None:
            return None
        return Camera(self.position.x(), self.position.y(), self.height, self.heading,
                      self.tilt, self.width_px, self.height_px, hfov=self.hfov,
                      max_range=self.max_range, name=tr("new camera"))

    def wedge(self) -> Optional[QgsGeometry]:
        try:
            cam = self.camera()
        except SignalsError:
            return None
        if cam is None:
            return None
        poly = cam.footprint(96)
        if len(poly) < 3:
            return None
        return QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in poly + poly[:1]]])

    def refresh_band(self) -> None:
        geom = self.wedge()
        if geom is None:
            self.band.reset(QgsWkbTypes.PolygonGeometry)
            return
        self.band.setToGeometry(self._to_canvas_geom(geom), None)

    # -- events ---------------------------------------------------------------------------
    def canvasPressEvent(self, event):  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.RightButton:
            self.clear()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pt = self._to_model(event.mapPoint())
        if self.position is None:
            self.position = pt
            self.heading = None
            return
        self._aim(pt)
        if self.heading is not None:
            self.commit()

    def canvasMoveEvent(self, event):  # noqa: N802 - Qt API
        if self.position is None:
            return
        self._aim(self._to_model(event.mapPoint()))

    def wheelEvent(self, event):  # noqa: N802 - Qt API
        if self.position is None:
            event.ignore()
            return
        self.set_tilt(self.tilt + (1.0 if event.angleDelta().y() > 0 else -1.0))
        event.accept()

    def keyPressEvent(self, event):  # noqa: N802 - Qt API
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.clear()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Up):
            self.set_tilt(self.tilt + 1.0)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Down):
            self.set_tilt(self.tilt - 1.0)
        else:
            event.ignore()
            return
        event.accept()

    def set_tilt(self, tilt: float) -> None:
        self.tilt = max(1.0, min(89.0, tilt))
        self.refresh_band()

    def _aim(self, pt: QgsPointXY) -> None:
        dx, dy = pt.x() - self.position.x(), pt.y() - self.position.y()
        if abs(dx) + abs(dy) < 1e-6:
            return
        self.heading = round(zlogic.azimuth(dx, dy), 2)
        self.refresh_band()

    def commit(self) -> None:
        x, y = self.position.x(), self.position.y()
        heading, tilt = self.heading, self.tilt
        self._add_to_layer(x, y, heading, tilt)
        self.cameraPlaced.emit(x, y, heading, tilt)
        self.position = None
        self.heading = None

    def _add_to_layer(self, x, y, heading, tilt) -> bool:
        layer = self.iface.activeLayer() if self.iface is not None else None
        if not isinstance(layer, QgsVectorLayer) or "azimut_grad" not in layer.fields().names():
            return False
        if not layer.isEditable():
            layer.startEditing()
        feat = QgsFeature(layer.fields())
        values = {"azimut_grad": heading, "neigung_grad": tilt, "hoehe_m": self.height,
                  "hfov_grad": self.hfov, "bild_breite_px": self.width_px,
                  "bild_hoehe_px": self.height_px, "max_reichweite_m": self.max_range}
        for name, val in values.items():
            if name in layer.fields().names():
                feat[name] = val
        pt = QgsPointXY(x, y)
        if layer.crs() != CRS_25832:
            pt = QgsCoordinateTransform(CRS_25832, layer.crs(), QgsProject.instance()).transform(pt)
        feat.setGeometry(QgsGeometry.fromPointXY(pt))
        return layer.addFeature(feat)

    def clear(self) -> None:
        self.position = None
        self.heading = None
        self.band.reset(QgsWkbTypes.PolygonGeometry)

    def deactivate(self):
        self.band.reset(QgsWkbTypes.PolygonGeometry)
        super().deactivate()

"""Snapshot overlay: a camera snapshot with the detection zones drawn into it.

- "Camera model": the zones of the chosen camera projected with the pinhole model from the
  camera's pose and optics (logic/camera.py).
- "Control points": click a point on the image, then the same point on the map (or the map
  first), four times or more; "Estimate homography" fits the image-to-ground homography
  (logic/homography.py) and the zones are drawn through it.
- "Draw zone on image": click the corners of a zone on the image, right click to finish; the
  zone appears on the map (through the homography when there is one, else through the
  camera model) and is added to the zone layer when that layer is being edited.

The dialog is thin: the geometry lives in logic/overlay.py. Map clicks come from a
QgsMapToolEmitPoint on the given canvas; the previous map tool is restored on close.
"""

import os
from typing import Dict, List, Optional, Tuple

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
from qgis.gui import QgsMapToolEmitPoint, QgsRubberBand, QgsVertexMarker
from qgis.PyQt.QtCore import QPointF, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QImage, QPen, QPixmap, QPolygonF
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from hamm_core.logic.i18n import tr_noop

from ..adapters import layers as lay
from ..adapters.snapshot import remember_snapshot, remembered_snapshot
from ..logic import model, overlay
from ..logic.camera import Camera, camera_from_record
from ..logic.errors import SignalsError
from ..logic.i18n import tr

CRS_25832 = QgsCoordinateReferenceSystem("EPSG:25832")
ZONE_PEN = {"waiting": QColor(227, 26, 28), "request": QColor(31, 120, 180),
            "counting": QColor(51, 160, 44)}

# labels of the zone functions (the stored values are those of model.FUNCTIONS)
FUNCTION_LABELS = {"waiting": tr_noop("Waiting position"), "request": tr_noop("Request/approach"),
                   "counting": tr_noop("Counting")}

MODE_PINHOLE = "pinhole"
MODE_HOMOGRAPHY = "homography"
ACTION_NONE, ACTION_GCP, ACTION_DRAW = "none", "gcp", "draw"


def find_model_layers(project: QgsProject) -> Tuple[QgsVectorLayer, QgsVectorLayer]:
    """The camera layer (points with 'azimut_grad') and the zone layer (polygons with
    'kamera_id') of the project; the layers named as in the model win."""
    cams, zones = [], []
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer):
            continue
        names = layer.fields().names()
        kind = layer.geometryType()
        if kind == QgsWkbTypes.PointGeometry and "azimut_grad" in names:
            cams.append(layer)
        elif kind == QgsWkbTypes.PolygonGeometry and "kamera_id" in names:
            zones.append(layer)
    if not cams or not zones:
        raise SignalsError(tr("The project has no camera layer and zone layer of the "
                              "detection zone model. Create or load a junction model first."))

    def pick(found, name):
        return next((lyr for lyr in found if lyr.name() == name), found[0])
    return pick(cams, model.LAYER_NAMES_DE[model.CAMERAS]), \
        pick(zones, model.LAYER_NAMES_DE[model.ZONES])


class ImageView(QGraphicsView):
    """A graphics view whose scene coordinates are the snapshot's pixel coordinates."""

    imageClicked = pyqtSignal(float, float, int)  # u, v, Qt.MouseButton as int

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setMinimumSize(480, 270)
        self.setBackgroundBrush(QBrush(QColor("#303030")))

    def mousePressEvent(self, event):  # noqa: N802 - Qt name
        p = self.mapToScene(event.pos())
        self.imageClicked.emit(p.x(), p.y(), int(event.button()))
        event.accept()

    def resizeEvent(self, event):  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self.fit()

    def fit(self):
        rect = self.scene().sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)


class SnapshotOverlayDialog(QDialog):
    zoneDrawn = pyqtSignal(list)  # ground ring [(x, y), ...] in EPSG:25832

    def __init__(self, canvas, iface=None, parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.iface = iface
        self.setWindowTitle(tr("Camera snapshot with detection zones"))
        self.camera_layer: Optional[QgsVectorLayer] = None
        self.zone_layer: Optional[QgsVectorLayer] = None
        self.cameras: Dict[int, dict] = {}
        self.camera_id: Optional[int] = None
        self.mode = MODE_PINHOLE
        self.action = ACTION_NONE
        self.points = overlay.ControlPoints()
        self.homography = None
        self.rms: Optional[float] = None
        self.image_size: Optional[Tuple[int, int]] = None
        self.image_path = ""
        self.zone_items: List[Tuple[str, object]] = []
        self.gcp_items: List[object] = []
        self.draw_pixels: List[Tuple[float, float]] = []
        self.draw_item = None
        self.drawn_zones: List[List[Tuple[float, float]]] = []
        self._previous_tool = None
        self._build_ui()
        self.map_tool = QgsMapToolEmitPoint(canvas)
        self.map_tool.canvasClicked.connect(self._map_clicked)
        self.map_markers: List[QgsVertexMarker] = []
        self.map_band = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        self.map_band.setColor(QColor(255, 127, 0, 230))
        self.map_band.setFillColor(QColor(255, 127, 0, 70))
        self.map_band.setWidth(2)

    # -- UI -----------------------------------------------------------------------------
    def _build_ui(self):
        self.view = ImageView(self)
        self.view.imageClicked.connect(self._image_clicked)
        self.camera_combo = QComboBox(self)
        self.camera_combo.currentIndexChanged.connect(self._camera_chosen)
        self.mode_combo = QComboBox(self)
        self.mode_combo.addItem(tr("Camera model (pose and optics)"), MODE_PINHOLE)
        self.mode_combo.addItem(tr("Control points (homography)"), MODE_HOMOGRAPHY)
        self.mode_combo.currentIndexChanged.connect(
            lambda i: self.set_mode(self.mode_combo.itemData(i)))
        self.load_button = QPushButton(tr("Load snapshot…"), self)
        self.load_button.clicked.connect(self._choose_image)
        self.gcp_button = QPushButton(tr("Pick control points"), self)
        self.gcp_button.setCheckable(True)
        self.gcp_button.toggled.connect(
            lambda on: self.set_action(ACTION_GCP if on else ACTION_NONE))
        self.estimate_button = QPushButton(tr("Estimate homography"), self)
        self.estimate_button.clicked.connect(self.estimate)
        self.clear_button = QPushButton(tr("Clear control points"), self)
        self.clear_button.clicked.connect(self.clear_points)
        self.draw_button = QPushButton(tr("Draw zone on image"), self)
        self.draw_button.setCheckable(True)
        self.draw_button.toggled.connect(
            lambda on: self.set_action(ACTION_DRAW if on else ACTION_NONE))
        # what a zone drawn on the image is for (model.FUNCTIONS)
        self.function_combo = QComboBox(self)
        for value, _german in model.FUNCTIONS:
            self.function_combo.addItem(tr(FUNCTION_LABELS[value]), value)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([tr("Image u [px]"), tr("Image v [px]"),
                                              tr("East [m]"), tr("North [m]")])
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(QLabel(tr("Camera"), self))
        side.addWidget(self.camera_combo)
        side.addWidget(QLabel(tr("Zones drawn by"), self))
        side.addWidget(self.mode_combo)
        for button in (self.load_button, self.gcp_button, self.estimate_button,
                       self.clear_button, self.draw_button):
            side.addWidget(button)
        side.addWidget(QLabel(tr("Function of drawn zones"), self))
        side.addWidget(self.function_combo)
        side.addWidget(self.table)
        side.addWidget(self.status)
        row = QHBoxLayout(self)
        row.addWidget(self.view, 3)
        row.addLayout(side, 1)

    def message(self, text: str) -> None:
        self.status.setText(text)

    # -- inputs -------------------------------------------------------------------------
    def set_layers(self, camera_layer: QgsVectorLayer, zone_layer: QgsVectorLayer) -> None:
        for layer, label in ((camera_layer, tr("cameras")), (zone_layer, tr("detection zones"))):
            lay.require_crs(layer, label)
        self.camera_layer, self.zone_layer = camera_layer, zone_layer
        self.cameras = {rec["fid"]: rec for rec in lay.camera_records(camera_layer)}
        self.camera_combo.blockSignals(True)
        self.camera_combo.clear()
        for fid, rec in self.cameras.items():
            self.camera_combo.addItem(str(rec.get("name") or fid), fid)
        self.camera_combo.blockSignals(False)
        if self.cameras:
            self.set_camera(next(iter(self.cameras)))

    def _camera_chosen(self, index: int) -> None:
        if index >= 0:
            self.set_camera(self.camera_combo.itemData(index))

    def set_camera(self, fid: int) -> None:
        self.camera_id = fid
        idx = self.camera_combo.findData(fid)
        if idx >= 0 and idx != self.camera_combo.currentIndex():
            self.camera_combo.blockSignals(True)
            self.camera_combo.setCurrentIndex(idx)
            self.camera_combo.blockSignals(False)
        # the snapshot used for this camera last time (saved with the project)
        path = remembered_snapshot(self.camera_layer, fid) if self.camera_layer else ""
        if path and path != self.image_path:
            if os.path.isfile(path):
                self.load_image(path)
                return
            self.message(tr("The snapshot last used for this camera is missing: {path}. "
                            "Choose it again.").format(path=path))
        self.refresh()

    def camera(self) -> Optional[Camera]:
        rec = self.cameras.get(self.camera_id)
        return camera_from_record(rec) if rec else None

    def _choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Camera snapshot"), "",
                                              tr("Images (*.png *.jpg *.jpeg *.bmp *.tif)"))
        if path:
            self.load_image(path)

    def load_image(self, path: str) -> bool:
        image = QImage(path)
        if image.isNull():
            self.message(tr("{path} is not an image that can be read (PNG, JPEG, BMP, "
                            "TIFF).").format(path=path))
            return False
        if self.camera_layer is not None and self.camera_id is not None:
            remember_snapshot(self.camera_layer, self.camera_id, path)
        self.set_image(image)
        self.image_path = path
        return True

    def set_image(self, image: QImage) -> None:
        self.image_path = ""
        scene = self.view.scene()
        scene.clear()
        self.zone_items, self.gcp_items, self.draw_item = [], [], None
        scene.addPixmap(QPixmap.fromImage(image))
        scene.setSceneRect(0, 0, image.width(), image.height())
        self.image_size = (image.width(), image.height())
        self.view.fit()
        cam = self.camera()
        if cam is not None and (cam.width_px, cam.height_px) != self.image_size:
            self.message(tr("The snapshot has {w} x {h} pixels, camera {name} {cw} x {ch}: the "
                            "camera model does not fit this image; use control points.")
                         .format(w=image.width(), h=image.height(), name=cam.name,
                                 cw=cam.width_px, ch=cam.height_px))
        self.refresh()
        self._redraw_points()

    # -- modes ----------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.mode = mode
        idx = self.mode_combo.findData(mode)
        if idx != self.mode_combo.currentIndex():
            self.mode_combo.blockSignals(True)
            self.mode_combo.setCurrentIndex(idx)
            self.mode_combo.blockSignals(False)
        self.refresh()

    def set_action(self, action: str) -> None:
        self.action = action
        for button, own in ((self.gcp_button, ACTION_GCP), (self.draw_button, ACTION_DRAW)):
            button.blockSignals(True)
            button.setChecked(action == own)
            button.blockSignals(False)
        if action == ACTION_GCP:
            if self.canvas.mapTool() is not self.map_tool:
                self._previous_tool = self.canvas.mapTool()
                self.canvas.setMapTool(self.map_tool)
            self.message(tr("Click a point on the image and the same point on the map."))
        else:
            self._restore_tool()
        if action == ACTION_DRAW:
            self.draw_pixels = []
            self.message(tr("Click the corners of the zone on the image; right click "
                            "finishes."))

    def _restore_tool(self) -> None:
        if self.canvas.mapTool() is self.map_tool:
            if self._previous_tool is not None:
                self.canvas.setMapTool(self._previous_tool)
            else:
                self.canvas.unsetMapTool(self.map_tool)
        self._previous_tool = None

    # -- clicks -------------------------------------------------------------------------
    def _image_clicked(self, u: float, v: float, button: int) -> None:
        if self.image_size is None:
            return
        if self.action == ACTION_GCP and button == int(Qt.MouseButton.LeftButton):
            self.points.add_image(u, v)
            self._points_changed()
        elif self.action == ACTION_DRAW:
            if button == int(Qt.MouseButton.RightButton):
                self.finish_drawing()
            elif button == int(Qt.MouseButton.LeftButton):
                self.draw_pixels.append((u, v))
                self._redraw_drawing()

    def _map_clicked(self, point: QgsPointXY, button) -> None:
        if self.action != ACTION_GCP or button != Qt.MouseButton.LeftButton:
            return
        pt = self._canvas_to_model(point)
        self.points.add_map(pt.x(), pt.y())
        self._points_changed()

    def _canvas_to_model(self, pt: QgsPointXY) -> QgsPointXY:
        crs = self.canvas.mapSettings().destinationCrs()
        if crs == CRS_25832:
            return pt
        return QgsCoordinateTransform(crs, CRS_25832, QgsProject.instance()).transform(pt)

    def _model_to_canvas(self, geom: QgsGeometry) -> QgsGeometry:
        crs = self.canvas.mapSettings().destinationCrs()
        if crs != CRS_25832:
            geom.transform(QgsCoordinateTransform(CRS_25832, crs, QgsProject.instance()))
        return geom

    def _points_changed(self) -> None:
        pairs = self.points.pairs
        self.table.setRowCount(len(pairs))
        for row, ((u, v), (x, y)) in enumerate(pairs):
            for col, value in enumerate((u, v, x, y)):
                self.table.setItem(row, col, QTableWidgetItem(
                    "{:.1f}".format(value) if col < 2 else "{:.2f}".format(value)))
        pending = self.points.pending_image or self.points.pending_map
        if pending is not None:
            self.message(tr("Now click the same point on the map.")
                         if self.points.pending_image else
                         tr("Now click the same point on the image."))
        else:
            self.message(tr("{n} control points.").format(n=len(pairs)))
        self._redraw_points()

    def clear_points(self) -> None:
        self.points.clear()
        self.homography, self.rms = None, None
        self._points_changed()
        self.refresh()

    def estimate(self) -> bool:
        try:
            h, rms = self.points.estimate()
        except SignalsError as err:
            self.message(err.user_message)
            return False
        self.homography, self.rms = h, rms
        self.set_mode(MODE_HOMOGRAPHY)
        self.message(tr("Homography from {n} control points; residual {rms:.2f} m on the "
                        "ground.").format(n=len(self.points.pairs), rms=rms))
        return True

    def finish_drawing(self) -> Optional[List[Tuple[float, float]]]:
        pixels, self.draw_pixels = self.draw_pixels, []
        self._redraw_drawing()
        if len(pixels) < 3:
            self.message(tr("A zone needs at least three corners."))
            return None
        try:
            ground = overlay.image_to_ground(
                pixels, cam=self._safe_camera(),
                h_image_to_ground=self.homography if self.mode == MODE_HOMOGRAPHY else None,
                reference=[img for img, _gnd in self.points.pairs])
        except SignalsError as err:
            self.message(err.user_message)
            return None
        ring = ground + ground[:1]
        self.drawn_zones.append(ring)
        geom = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring]])
        self.map_band.addGeometry(self._model_to_canvas(QgsGeometry(geom)), None)
        added = self._add_to_layer(geom)
        self.message((tr("Zone drawn: {area:.1f} m² on the ground, added to the zone layer.")
                      if added else tr("Zone drawn: {area:.1f} m² on the ground."))
                     .format(area=geom.area()))
        self.zoneDrawn.emit(ring)
        return ring

    def _add_to_layer(self, geom: QgsGeometry) -> bool:
        layer = self.zone_layer
        if layer is None or not layer.isEditable():
            return False
        feat = QgsFeature(layer.fields())
        rec = self.cameras.get(self.camera_id) or {}
        for name, value in (("kamera_id", self.camera_id), ("knoten_id", rec.get("knoten_id")),
                            ("name", tr("new zone")),
                            ("funktion", self.function_combo.currentData())):
            if layer.fields().indexOf(name) >= 0 and value is not None:
                feat[name] = value
        feat.setGeometry(geom)
        return layer.addFeature(feat)

    def _safe_camera(self) -> Optional[Camera]:
        try:
            return self.camera()
        except SignalsError:
            return None

    # -- drawing the overlay --------------------------------------------------------------
    def zone_records(self) -> List[dict]:
        if self.zone_layer is None:
            return []
        recs = lay.zone_records(self.zone_layer)
        if self.camera_id is not None and "kamera_id" in self.zone_layer.fields().names():
            recs = [r for r in recs if r.get("kamera_id") == self.camera_id]
        return [r for r in recs if len(r.get("ring") or []) >= 4]

    def image_polygons(self) -> List[Tuple[dict, List[Tuple[float, float]]]]:
        """The zones of the chosen camera in image pixels, as currently drawn."""
        recs = self.zone_records()
        rings = [r["ring"] for r in recs]
        if self.mode == MODE_HOMOGRAPHY:
            if self.homography is None:
                return []
            polys = overlay.zones_to_image_homography(self.homography, rings)
        else:
            cam = self.camera()
            if cam is None:
                return []
            polys = overlay.zones_to_image_pinhole(cam, rings)
        return [(rec, poly) for rec, poly in zip(recs, polys) if poly]

    def refresh(self) -> None:
        scene = self.view.scene()
        for _name, item in self.zone_items:
            scene.removeItem(item)
        self.zone_items = []
        if self.image_size is None:
            return
        try:
            polys = self.image_polygons()
        except SignalsError as err:
            self.message(err.user_message)
            return
        for rec, poly in polys:
            colour = ZONE_PEN.get(rec.get("funktion"), QColor(227, 26, 28))
            pen = QPen(colour)
            pen.setWidthF(3.0)
            pen.setCosmetic(True)
            fill = QColor(colour)
            fill.setAlpha(60)
            item = scene.addPolygon(QPolygonF([QPointF(u, v) for u, v in poly]), pen,
                                    QBrush(fill))
            label = scene.addSimpleText(str(rec.get("name") or ""))
            label.setBrush(QBrush(QColor("white")))
            font = QFont()
            font.setPointSizeF(max(8.0, self.image_size[0] / 80.0))
            label.setFont(font)
            label.setParentItem(item)
            c = item.boundingRect().center()
            label.setPos(c.x(), c.y())
            self.zone_items.append((str(rec.get("name") or rec.get("fid")), item))

    def _redraw_points(self) -> None:
        scene = self.view.scene()
        for item in self.gcp_items:
            scene.removeItem(item)
        self.gcp_items = []
        for marker in self.map_markers:
            self.canvas.scene().removeItem(marker)
        self.map_markers = []
        entries = [(i + 1, img, gnd) for i, (img, gnd) in enumerate(self.points.pairs)]
        entries.append((len(entries) + 1, self.points.pending_image, self.points.pending_map))
        r = max(4.0, (self.image_size[0] if self.image_size else 1000) / 200.0)
        pen = QPen(QColor(255, 255, 0))
        pen.setWidthF(2.0)
        pen.setCosmetic(True)
        for number, img, gnd in entries:
            if img is not None and self.image_size is not None:
                dot = scene.addEllipse(img[0] - r, img[1] - r, 2 * r, 2 * r, pen)
                text = scene.addSimpleText(str(number))
                text.setBrush(QBrush(QColor(255, 255, 0)))
                text.setPos(img[0] + r, img[1] + r)
                self.gcp_items.extend([dot, text])
            if gnd is not None:
                marker = QgsVertexMarker(self.canvas)
                geom = self._model_to_canvas(QgsGeometry.fromPointXY(QgsPointXY(*gnd)))
                marker.setCenter(geom.asPoint())
                marker.setIconType(QgsVertexMarker.ICON_CROSS)
                marker.setColor(QColor(255, 200, 0))
                marker.setPenWidth(2)
                marker.setIconSize(12)
                self.map_markers.append(marker)

    def _redraw_drawing(self) -> None:
        scene = self.view.scene()
        if self.draw_item is not None:
            scene.removeItem(self.draw_item)
            self.draw_item = None
        if self.draw_pixels:
            pen = QPen(QColor(255, 127, 0))
            pen.setWidthF(3.0)
            pen.setCosmetic(True)
            self.draw_item = scene.addPolygon(
                QPolygonF([QPointF(u, v) for u, v in self.draw_pixels]), pen)

    # -- closing --------------------------------------------------------------------------
    def cleanup(self) -> None:
        self._restore_tool()
        for marker in self.map_markers:
            self.canvas.scene().removeItem(marker)
        self.map_markers = []
        self.map_band.reset(QgsWkbTypes.PolygonGeometry)
        self.canvas.scene().removeItem(self.map_band)

    def closeEvent(self, event):  # noqa: N802 - Qt name
        self.set_action(ACTION_NONE)
        super().closeEvent(event)

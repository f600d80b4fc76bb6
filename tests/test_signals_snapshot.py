"""hamm_signals: the snapshot overlay dialog, driven by simulated mouse clicks on the image
view and on a real QgsMapCanvas. Expected pixels come from a pinhole projection computed
here from first principles (plane trigonometry), expected ground points from the same
construction; the widget's results must agree within the quantisation of a screen click."""

import math

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

pytestmark = pytest.mark.qgis

X0, Y0 = 417901.0, 5725392.0
H, HEADING, TILT, HFOV, W_PX, H_PX = 8.0, 30.0, 20.0, 60.0, 1280, 720


def fx():
    return (W_PX / 2) / math.tan(math.radians(HFOV) / 2)


def ground(d, e):
    """A ground point d m ahead of the camera (along the heading) and e m to its right."""
    a = math.radians(HEADING)
    return (X0 + d * math.sin(a) + e * math.cos(a), Y0 + d * math.cos(a) - e * math.sin(a))


def pixel(d, e):
    """First principles: in the vertical plane of the heading the optical axis points
    (cos t, -sin t) in (ahead, up), the image's 'down' is (-sin t, -cos t); the ground point
    relative to the camera is (d, -H), e to the right; square pixels."""
    t = math.radians(TILT)
    depth = d * math.cos(t) + H * math.sin(t)
    down = -d * math.sin(t) + H * math.cos(t)
    return W_PX / 2 + fx() * e / depth, H_PX / 2 + fx() * down / depth


ZONE = [(15.0, -2.0), (25.0, -2.0), (25.0, 2.0), (15.0, 2.0)]  # (d, e) corners
GCPS = [(12.0, -4.0), (12.0, 4.0), (20.0, -5.0), (20.0, 5.0), (35.0, -6.0), (35.0, 6.0)]


def _layers():
    cams = QgsVectorLayer(
        "Point?crs=EPSG:25832&field=fid:integer&field=knoten_id:integer&field=name:string"
        "&field=hoehe_m:double&field=azimut_grad:double&field=neigung_grad:double"
        "&field=hfov_grad:double&field=bild_breite_px:integer&field=bild_hoehe_px:integer"
        "&field=max_reichweite_m:double", "Kameras", "memory")
    f = QgsFeature(cams.fields())
    f.setAttributes([3, 1, "K3", H, HEADING, TILT, HFOV, W_PX, H_PX, 80.0])
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0, Y0)))
    cams.dataProvider().addFeatures([f])
    zones = QgsVectorLayer("Polygon?crs=EPSG:25832&field=kamera_id:integer&field=knoten_id:integer"
                           "&field=name:string&field=funktion:string", "Zonen", "memory")
    feats = []
    for cam_id, name, ring in ((3, "Z1", ZONE), (9, "fremd", [(5, -1), (8, -1), (8, 1), (5, 1)])):
        z = QgsFeature(zones.fields())
        z.setAttributes([cam_id, 1, name, "waiting"])
        pts = [QgsPointXY(*ground(d, e)) for d, e in ring]
        z.setGeometry(QgsGeometry.fromPolygonXY([pts + pts[:1]]))
        feats.append(z)
    zones.dataProvider().addFeatures(feats)
    return cams, zones


def _snapshot():
    from qgis.PyQt.QtGui import QColor, QImage
    image = QImage(W_PX, H_PX, QImage.Format.Format_RGB32)
    image.fill(QColor(90, 90, 90))
    return image


@pytest.fixture
def dialog(qgis_canvas, qgis_app):
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtWidgets import QApplication

    from hamm_signals.gui.snapshot_dialog import SnapshotOverlayDialog
    canvas = qgis_canvas
    # the test canvas lives in a hidden window and keeps a tiny viewport: show the window
    # (offscreen) so the map settings get the canvas' real size
    window = canvas.window()
    window.resize(QSize(800, 800))
    canvas.resize(800, 800)
    window.show()
    QApplication.processEvents()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
    cx, cy = ground(22.0, 0.0)
    canvas.setExtent(QgsRectangle(cx - 40, cy - 40, cx + 40, cy + 40))
    canvas.refresh()
    assert canvas.mapUnitsPerPixel() == pytest.approx(0.1, rel=0.01)
    cams, zones = _layers()
    QgsProject.instance().addMapLayers([cams, zones])
    dlg = SnapshotOverlayDialog(canvas)
    dlg.view.setFixedSize(960, 540)
    dlg.show()
    QApplication.processEvents()
    dlg.set_layers(cams, zones)
    dlg.set_image(_snapshot())
    QApplication.processEvents()
    yield dlg, canvas, cams, zones
    window.hide()
    dlg.cleanup()
    dlg.close()
    dlg.deleteLater()
    zones.rollBack()
    QgsProject.instance().removeMapLayers([cams.id(), zones.id()])


def _polygon(item):
    poly = item.polygon()
    return [(poly[i].x(), poly[i].y()) for i in range(poly.count())]


def _click_image(dlg, u, v, button=None):
    from qgis.PyQt.QtCore import QPointF, Qt
    from qgis.PyQt.QtTest import QTest
    pos = dlg.view.mapFromScene(QPointF(u, v))
    QTest.mouseClick(dlg.view.viewport(), button or Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, pos)


def _click_map(canvas, x, y):
    from qgis.PyQt.QtCore import QPoint, Qt
    from qgis.PyQt.QtTest import QTest
    p = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(round(p.x())), int(round(p.y()))))


def _click_button(button):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_zones_projected_with_the_camera_model(dialog):
    dlg, _canvas, _cams, _zones = dialog
    assert [name for name, _item in dlg.zone_items] == ["Z1"]  # only this camera's zones
    got = _polygon(dlg.zone_items[0][1])
    want = [pixel(d, e) for d, e in ZONE]
    assert len(got) == 4
    for (u, v), (eu, ev) in zip(got, want):
        assert u == pytest.approx(eu, abs=1e-6) and v == pytest.approx(ev, abs=1e-6)
    # the near edge is lower in the image than the far edge, and inside the image
    assert got[0][1] > got[1][1] and all(0 < u < W_PX and 0 < v < H_PX for u, v in got)


def test_control_points_homography_and_drawn_zone(dialog):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QApplication
    dlg, canvas, _cams, zones = dialog
    _click_button(dlg.gcp_button)
    assert canvas.mapTool() is dlg.map_tool
    for k, (d, e) in enumerate(GCPS):
        u, v = pixel(d, e)
        if k % 2:  # either order: image first, or map first
            _click_map(canvas, *ground(d, e))
            _click_image(dlg, u, v)
        else:
            _click_image(dlg, u, v)
            _click_map(canvas, *ground(d, e))
        QApplication.processEvents()
    assert dlg.table.rowCount() == len(GCPS)
    scale = W_PX / dlg.view.viewport().width()  # image pixels per screen pixel (>= 1)
    mupp = canvas.mapUnitsPerPixel()
    for (img, gnd), (d, e) in zip(dlg.points.pairs, GCPS):
        eu, ev = pixel(d, e)
        assert abs(img[0] - eu) <= scale and abs(img[1] - ev) <= scale
        gx, gy = ground(d, e)
        assert abs(gnd[0] - gx) <= mupp and abs(gnd[1] - gy) <= mupp
    _click_button(dlg.estimate_button)
    assert dlg.mode == "homography" and dlg.homography is not None
    assert "residual" in dlg.status.text() and dlg.rms < 0.2
    # the map's zone drawn into the image through the homography: close to the pinhole truth
    got = _polygon(dlg.zone_items[0][1])
    for (u, v), (d, e) in zip(got, ZONE):
        eu, ev = pixel(d, e)
        assert math.hypot(u - eu, v - ev) < 3.0
    # a zone drawn on the image lands on the map (and in the layer being edited), with the
    # function chosen in the dialog (waiting position by default)
    assert dlg.function_combo.currentData() == "waiting"
    assert [dlg.function_combo.itemData(i) for i in range(dlg.function_combo.count())] == [
        "waiting", "request", "counting"]
    dlg.function_combo.setCurrentIndex(2)
    zones.startEditing()
    _click_button(dlg.draw_button)
    assert dlg.action == "draw" and canvas.mapTool() is not dlg.map_tool
    target = [(18.0, -1.5), (24.0, -1.5), (24.0, 1.5), (18.0, 1.5)]
    for d, e in target:
        _click_image(dlg, *pixel(d, e))
    _click_image(dlg, 10, 10, Qt.MouseButton.RightButton)
    ring = dlg.drawn_zones[-1]
    assert len(ring) == 5 and ring[0] == ring[-1]
    for (x, y), (d, e) in zip(ring, target):
        gx, gy = ground(d, e)
        assert math.hypot(x - gx, y - gy) < 0.3
    band = dlg.map_band.asGeometry()
    assert band.area() == pytest.approx(6.0 * 3.0, rel=0.05)
    added = [f for f in zones.getFeatures() if f["name"] == "new zone"]
    assert len(added) == 1 and added[0]["kamera_id"] == 3
    assert added[0]["funktion"] == "counting"
    assert added[0].geometry().area() == pytest.approx(18.0, rel=0.05)


def test_drawn_zone_with_camera_model(dialog):
    from qgis.PyQt.QtCore import Qt
    dlg, _canvas, _cams, zones = dialog
    dlg.set_action("draw")
    target = [(14.0, -1.0), (16.0, -1.0), (16.0, 1.0), (14.0, 1.0)]
    for d, e in target:
        _click_image(dlg, *pixel(d, e))
    _click_image(dlg, 0, 0, Qt.MouseButton.RightButton)
    ring = dlg.drawn_zones[-1]
    for (x, y), (d, e) in zip(ring, target):
        gx, gy = ground(d, e)
        assert math.hypot(x - gx, y - gy) < 0.1
    # not being edited: the zone is shown on the map but the layer stays untouched
    assert zones.featureCount() == 2
    assert "added" not in dlg.status.text()


def test_too_few_points_and_bad_inputs(dialog, tmp_path):
    from qgis.PyQt.QtCore import Qt

    from hamm_signals.logic.errors import SignalsError
    dlg, canvas, cams, _zones = dialog
    dlg.set_action("gcp")
    for d, e in GCPS[:3]:
        _click_image(dlg, *pixel(d, e))
        _click_map(canvas, *ground(d, e))
    assert dlg.estimate() is False
    assert "At least 4 control points" in dlg.status.text() and dlg.homography is None
    # a zone needs three corners
    dlg.set_action("draw")
    for u, v in ((100, 500), (600, 500)):
        _click_image(dlg, u, v)
    _click_image(dlg, 0, 0, Qt.MouseButton.RightButton)
    assert "at least three corners" in dlg.status.text() and dlg.drawn_zones == []
    broken = tmp_path / "kaputt.png"
    broken.write_bytes(b"kein Bild")
    assert dlg.load_image(str(broken)) is False
    assert "is not an image that can be read" in dlg.status.text()
    wgs = QgsVectorLayer("Polygon?crs=EPSG:4326&field=kamera_id:integer", "z", "memory")
    with pytest.raises(SignalsError, match="EPSG:25832"):
        dlg.set_layers(cams, wgs)
    del wgs


@pytest.mark.pure
def test_overlay_logic_clips_behind_camera():
    from hamm_signals.logic.camera import Camera
    from hamm_signals.logic.overlay import zones_to_image_pinhole
    cam = Camera(X0, Y0, H, HEADING, TILT, W_PX, H_PX, hfov=HFOV)
    # a zone reaching from 10 m behind to 10 m in front of the camera: only the front part
    ring = [ground(-10, -1), ground(10, -1), ground(10, 1), ground(-10, 1)]
    (poly,) = zones_to_image_pinhole(cam, [ring])
    assert poly and np.isfinite(np.asarray(poly)).all()
    far = [pixel(10, -1), pixel(10, 1)]
    for p in far:
        assert min(math.hypot(p[0] - u, p[1] - v) for u, v in poly) < 1e-6
    behind = [ground(-20, -1), ground(-10, -1), ground(-10, 1), ground(-20, 1)]
    assert zones_to_image_pinhole(cam, [behind]) == [[]]


@pytest.mark.pure
def test_image_points_above_the_horizon_are_refused():
    from hamm_signals.logic.camera import Camera
    from hamm_signals.logic.errors import SignalsError
    from hamm_signals.logic.homography import estimate_homography
    from hamm_signals.logic.overlay import image_to_ground
    cam = Camera(X0, Y0, H, HEADING, TILT, W_PX, H_PX, hfov=HFOV)
    # the horizon lies fx * tan(tilt) above the image centre
    v_horizon = H_PX / 2 - fx() * math.tan(math.radians(TILT))
    below = [(600.0, 500.0), (700.0, 500.0), (700.0, 600.0)]
    above = below[:2] + [(650.0, v_horizon - 20.0)]
    got = image_to_ground(below, cam=cam)
    assert got[0] == pytest.approx(cam.pixel_to_ground([below[0]])[0])
    with pytest.raises(SignalsError, match="above the horizon"):
        image_to_ground(above, cam=cam)
    img = [pixel(d, e) for d, e in GCPS]
    h = estimate_homography(img, [ground(d, e) for d, e in GCPS])
    via_h = image_to_ground(below, h_image_to_ground=h, reference=img)
    assert np.allclose(np.asarray(via_h), np.asarray(got), atol=1e-6)
    with pytest.raises(SignalsError, match="above the horizon"):
        image_to_ground(above, h_image_to_ground=h, reference=img)


def test_each_camera_reopens_with_its_snapshot(dialog, tmp_path):
    """The dialog remembers which picture belongs to which camera; a new dialog (or the
    saved project opened again from another folder: paths relative to the project file)
    shows it again."""
    import shutil

    from qgis.PyQt.QtGui import QColor

    from hamm_signals.adapters.snapshot import remembered_snapshot
    from hamm_signals.gui.snapshot_dialog import SnapshotOverlayDialog
    dlg, canvas, cams, zones = dialog
    folder = tmp_path / "kreuzung"
    (folder / "bilder").mkdir(parents=True)
    path = folder / "bilder" / "k3.png"
    image = _snapshot()
    image.fill(QColor(10, 200, 30))
    assert image.save(str(path))
    instance = QgsProject.instance()
    instance.setFileName(str(folder / "kreuzung.qgs"))  # the user works in a saved project
    try:
        assert dlg.load_image(str(path)) and dlg.image_path == str(path)
        assert remembered_snapshot(cams, 3) == str(path)
        assert "./bilder/k3.png" in cams.customProperty("hamm_signals/snapshots")
        # a second dialog on the same layers opens camera K3 with that picture
        other = SnapshotOverlayDialog(canvas)
        try:
            other.set_layers(cams, zones)
            assert other.image_path == str(path) and other.image_size == (W_PX, H_PX)
            items = [i for i in other.view.scene().items() if hasattr(i, "pixmap")]
            assert items[0].pixmap().toImage().pixelColor(5, 5) == QColor(10, 200, 30)
        finally:
            other.cleanup()
            other.deleteLater()
        assert instance.write()
    finally:
        instance.setFileName("")
    moved = tmp_path / "verschoben"
    shutil.move(str(folder), str(moved))
    project = QgsProject()
    assert project.read(str(moved / "kreuzung.qgs"))
    layer = next(lyr for lyr in project.mapLayers().values() if lyr.name() == "Kameras")
    assert remembered_snapshot(layer, 3, project) == str(moved / "bilder" / "k3.png")
    project.clear()
    # the remembered file is gone: a message, and the dialog stays usable
    missing = SnapshotOverlayDialog(canvas)
    try:
        missing.set_layers(cams, zones)  # the instance has no file again: absolute paths
        assert "missing" in missing.status.text() and "k3.png" in missing.status.text()
        assert missing.image_path == ""
    finally:
        missing.cleanup()
        missing.deleteLater()


def test_plugin_opens_the_snapshot_dialog_on_the_model_layers(qgis_iface, qgis_processing,
                                                              qgis_new_project):
    from qgis.core import Qgis

    import hamm_signals
    plugin = hamm_signals.classFactory(qgis_iface)
    plugin.initGui()
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    try:
        names = {a.objectName() for a in plugin.actions}
        assert {"hamm_signals_snapshot", "hamm_signals_report",
                "hamm_signals_create_model_postgis", "hamm_signals_crossings"} <= names
        # no model in the project: a clear message, no dialog
        plugin.open_snapshot()
        assert plugin.snapshot_dialog is None
        assert any("no camera layer and zone layer" in m
                   for m in bar.get_messages(Qgis.MessageLevel.Critical))
        cams, zones = _layers()
        cams.setName("Kameras")
        zones.setName("Detektionszonen")
        QgsProject.instance().addMapLayers([cams, zones])
        plugin.open_snapshot()
        dlg = plugin.snapshot_dialog
        assert dlg is not None and dlg.isVisible()
        assert dlg.camera_layer is cams and dlg.zone_layer is zones
        assert dlg.camera_combo.count() == 1 and dlg.camera_combo.currentText() == "K3"
    finally:
        plugin.unload()
        QgsProject.instance().removeAllMapLayers()
    assert plugin.snapshot_dialog is None


def test_synthetic_snapshot_paints_the_ground_where_the_camera_sees_it(qgis_app):
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    from hamm_signals.adapters.snapshot import render_snapshot
    from hamm_signals.logic.camera import Camera
    _cams, zones = _layers()
    zones.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "255,0,0,255", "outline_style": "no"})))
    cam = Camera(X0, Y0, H, HEADING, TILT, W_PX, H_PX, hfov=HFOV, max_range=80.0)
    image = render_snapshot(cam, [zones])
    assert (image.width(), image.height()) == (W_PX, H_PX)

    def colour(d, e):
        u, v = pixel(d, e)
        c = image.pixelColor(int(u), int(v))
        return c.red(), c.green(), c.blue()
    # inside the zone (15..25 m ahead, 2 m either side): red; beside and before it: ground
    for d, e in ((16.0, 0.0), (20.0, 1.5), (24.0, -1.5)):
        assert colour(d, e) == (255, 0, 0)
    for d, e in ((12.0, 0.0), (20.0, 3.0), (28.0, 0.0)):
        assert colour(d, e) == (200, 200, 195)
    del zones

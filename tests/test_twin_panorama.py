"""hamm_twin panoramas: the index (CSV, JSON, GeoJSON, JPEG tags) with bad input, the
geometry (bearing, nearest, cone), the view maths, the Processing import, the viewer dock
driven by mouse events, the map tool on a real canvas, images through the network module."""

import json
import math
import re

import pytest
from qgis.core import QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QEvent, QPoint, QPointF, Qt
from qgis.PyQt.QtGui import QMouseEvent, QWheelEvent
from qgis.PyQt.QtWidgets import QApplication
from twin_panoramas import exif_gps_payload, gradient_image, insert_app1, jpeg_bytes, write_pano_jpeg

from hamm_core.logic.errors import ParseError
from hamm_twin.logic import jpegmeta, panorama

X0, Y0 = 410000.0, 5720000.0


# -- index parsing --------------------------------------------------------------------

def _images(tmp_path, names):
    (tmp_path / "img").mkdir(exist_ok=True)
    for name in names:
        (tmp_path / "img" / name).write_bytes(jpeg_bytes(gradient_image(72, 36)))


def test_csv_index_semicolons_decimal_commas_and_missing_images(tmp_path):
    _images(tmp_path, ["a.jpg", "b.jpg"])
    (tmp_path / "index.csv").write_text(
        "Bild;Rechtswert;Hochwert;Richtung;Aufnahmezeit\n"
        "img/a.jpg;410000,5;5720000,25;370;2024-06-12T10:00:00\n"
        "img/b.jpg;410010;5720000;90;2024-06-12T10:00:02\n"
        "img/fehlt.jpg;410020;5720000;180;2024-06-12T10:00:04\n"
        "img/a.jpg;abc;5720000;0;x\n"
        "https://bilder.hamm.example/p4.jpg;410030;5720000;;2024\n", encoding="utf-8")
    index = panorama.read_index(str(tmp_path / "index.csv"))
    assert index.epsg == 25832
    assert [(p.x, p.y) for p in index.panoramas] == [
        (410000.5, 5720000.25), (410010.0, 5720000.0), (410020.0, 5720000.0),
        (410030.0, 5720000.0)]
    assert index.panoramas[0].heading == pytest.approx(10.0)
    assert index.panoramas[0].image == str(tmp_path / "img" / "a.jpg")
    assert index.panoramas[0].time == "2024-06-12T10:00:00"
    assert [p.exists for p in index.panoramas] == [True, True, False, True]
    assert index.panoramas[3].is_url
    assert len(index.missing) == 1
    text = " ".join(index.problems)
    assert "img/fehlt.jpg does not exist" in text
    assert "row 5: the position is missing or not a number" in text
    assert "row 6: the heading is not a number" in text


def test_json_list_dict_and_geojson(tmp_path):
    _images(tmp_path, ["a.jpg"])
    doc = {"crs": "EPSG:25832", "panoramas": [
        {"id": "P1", "image": "img/a.jpg", "x": X0, "y": Y0, "heading": 45, "time": "t1"}]}
    (tmp_path / "p.json").write_text(json.dumps(doc))
    index = panorama.read_index(str(tmp_path / "p.json"))
    assert index.panoramas[0].pano_id == "P1" and index.panoramas[0].exists
    geo = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [7.82, 51.68]},
         "properties": {"url": "http://x.example/a.jpg", "yaw": 200}},
        {"type": "Feature", "geometry": None, "properties": {"url": "b.jpg"}}]}
    (tmp_path / "p.geojson").write_text(json.dumps(geo))
    index = panorama.read_index(str(tmp_path / "p.geojson"))
    assert index.epsg == 4326
    assert (index.panoramas[0].x, index.panoramas[0].y, index.panoramas[0].heading) == \
        (7.82, 51.68, 200.0)
    assert len(index.panoramas) == 1 and "entry 2" in index.problems[0]
    (tmp_path / "l.json").write_text(json.dumps(
        [{"file": "img/a.jpg", "lon": 7.8, "lat": 51.7}, "kaputt"]))
    index = panorama.read_index(str(tmp_path / "l.json"))
    assert index.epsg == 4326 and len(index.panoramas) == 1
    assert "1 entries are not objects" in index.problems[0]


@pytest.mark.parametrize("name, content, message", [
    ("broken.json", '{"panoramas": [ {"image": "a.jpg", ', "is not valid JSON"),
    ("nolist.json", '{"stadt": "Hamm"}', "no list of panoramas"),
    ("cols.csv", "name;wert\na;1\n", "lacks the columns image (path or URL), position"),
    ("nopos.json", '[{"image": "a.jpg", "heading": 3}]', "lacks the columns position"),
    ("empty.csv", "", "is empty"),
    ("crs.json", '{"crs": "Gauss-Krueger irgendwas", "panoramas": []}', "CRS"),
    # UTM coordinates declared as lon/lat, and lon/lat given as UTM x/y
    ("wrongcrs.csv", "image,lon,lat\na.jpg,410000,5720000\n", "impossible in EPSG:4326"),
    ("wrongcrs2.csv", "image,x,y\na.jpg,7.8,51.7\n", "impossible in EPSG:25832"),
])
def test_bad_index_files(tmp_path, name, content, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ParseError, match=re.escape(message)):
        panorama.read_index(str(tmp_path / name))


def test_missing_index_file(tmp_path):
    with pytest.raises(ParseError, match="cannot be read"):
        panorama.read_index(str(tmp_path / "gibtsnicht.csv"))


# -- JPEG tags ------------------------------------------------------------------------

def test_gpano_xmp_from_a_jpeg_written_here(tmp_path):
    path = write_pano_jpeg(tmp_path / "p.jpg", heading=123.5, lat="51,40.8N",
                           lon="7,49.2E")
    tags = jpegmeta.read_file_tags(path)
    assert tags["projection"] == "equirectangular"
    assert tags["heading"] == pytest.approx(123.5)
    assert tags["gpano_FullPanoWidthPixels"] == 720
    assert tags["lat"] == pytest.approx(51 + 40.8 / 60)
    assert tags["lon"] == pytest.approx(7 + 49.2 / 60)
    assert tags["time"] == "2024-06-12T10:15:00"
    # the file is still an image QGIS reads
    from qgis.PyQt.QtGui import QImage
    assert QImage(path).width() == 720


def test_exif_gps_segment_and_xmp_preference(tmp_path):
    path = write_pano_jpeg(tmp_path / "e.jpg", exif=(51.675, 7.815, 271.25))
    tags = jpegmeta.read_file_tags(path)
    assert tags["lat"] == pytest.approx(51.675, abs=1e-6)
    assert tags["lon"] == pytest.approx(7.815, abs=1e-6)
    assert tags["direction"] == pytest.approx(271.25)
    assert "heading" not in tags
    both = write_pano_jpeg(tmp_path / "b.jpg", heading=10, lat="51.5", lon="7.5",
                           exif=(51.675, 7.815, 271.25))
    tags = jpegmeta.read_file_tags(both)
    assert (tags["lat"], tags["heading"], tags["direction"]) == (51.5, 10.0,
                                                                  pytest.approx(271.25))
    index = panorama.from_photos([(path, tags), (str(tmp_path / "x.jpg"), {}),
                                  (both, {"lat": 1.0, "lon": 2.0, "projection": "cylindrical"})])
    assert len(index.panoramas) == 1 and index.panoramas[0].heading == 10.0
    assert "no GPS position" in index.problems[0]
    assert "not equirectangular" in index.problems[1]


def test_not_a_jpeg_and_broken_segments(tmp_path):
    (tmp_path / "x.jpg").write_bytes(b"GIF89a....")
    with pytest.raises(jpegmeta.JpegError):
        jpegmeta.read_file_tags(str(tmp_path / "x.jpg"))
    data = insert_app1(jpeg_bytes(gradient_image(16, 8)), b"http://ns.adobe.com/xap/1.0/\x00")
    cut = data[:2] + b"\xff\xe1\xff\xf0" + data[6:40]   # length beyond the end
    with pytest.raises(jpegmeta.JpegError, match="past the end"):
        jpegmeta.read_tags(cut)
    # a broken EXIF is ignored, the rest read
    bad_exif = insert_app1(jpeg_bytes(gradient_image(16, 8)), b"Exif\x00\x00XX*\x00")
    assert jpegmeta.read_tags(bad_exif) == {}
    assert exif_gps_payload(1.0, 2.0, 3.0).startswith(b"Exif")


# -- geometry and view maths ------------------------------------------------------------

def test_bearing_nearest_and_cone():
    assert panorama.bearing(0, 0, 0, 10) == pytest.approx(0.0)
    assert panorama.bearing(0, 0, 10, 0) == pytest.approx(90.0)
    assert panorama.bearing(0, 0, 0, -10) == pytest.approx(180.0)
    assert panorama.bearing(0, 0, -10, 0) == pytest.approx(270.0)
    assert panorama.bearing(0, 0, 10, 10) == pytest.approx(45.0)
    pts = [(0, 0), (100, 0), (50, 80)]
    assert panorama.nearest(pts, 60, 60) == 2
    assert panorama.nearest(pts, 95, -3) == 1
    assert panorama.nearest(pts, 1000, 1000, max_distance=100) is None
    assert panorama.nearest([], 0, 0) is None
    ring = panorama.view_cone(0, 0, 90, 60, 10, steps=2)
    assert ring[0] == ring[-1] == (0, 0)
    mid = ring[2]
    assert mid[0] == pytest.approx(10) and mid[1] == pytest.approx(0, abs=1e-9)
    assert math.degrees(math.atan2(ring[1][0], ring[1][1])) == pytest.approx(60)


def test_perspective_lookup_centre_and_edges():
    w, h = 720, 360
    cols, rows = panorama.perspective_lookup(101, 61, yaw=100, pitch=0, fov=90, img_w=w,
                                             img_h=h, image_heading=40)
    # the centre pixel shows the azimuth 100°: 60° right of the image centre
    assert cols[30, 50] == panorama.column_of(100, 40, w) == 480
    assert rows[30, 50] == pytest.approx(h / 2, abs=1)
    # the left and right edges show yaw -/+ fov/2
    assert cols[30, 0] == pytest.approx(panorama.column_of(55, 40, w), abs=2)
    assert cols[30, 100] == pytest.approx(panorama.column_of(145, 40, w), abs=2)
    # looking up: the centre row moves up in the image
    _c, rows_up = panorama.perspective_lookup(11, 11, 0, 30, 60, w, h, 0)
    assert rows_up[5, 5] == pytest.approx(h / 2 - 30 * h / 180, abs=1)


def test_drag_and_zoom():
    yaw, pitch = panorama.drag(10, 0, 90, dx=100, dy=0, width=900)
    assert yaw == pytest.approx(0.0) and pitch == 0
    yaw, _p = panorama.drag(5, 0, 90, dx=100, dy=0, width=900)
    assert yaw == pytest.approx(355.0)
    assert panorama.zoom(90, 1) == pytest.approx(81)
    assert panorama.zoom(100, -10) == panorama.MAX_FOV
    assert panorama.clamp_view(370, 100, 5) == (10, 90 - 20 / 4, 20)


# -- in QGIS ----------------------------------------------------------------------------

def _pano_set(tmp_path):
    """Three panoramas along a street (east-west), images with headings."""
    folder = tmp_path / "panos"
    folder.mkdir()
    rows = ["image,x,y,heading,time"]
    for i, heading in enumerate((0.0, 90.0, 270.0)):
        name = "p{}.jpg".format(i)
        (folder / name).write_bytes(jpeg_bytes(gradient_image()))
        rows.append("{},{},{},{},2024-06-12T10:00:0{}".format(name, X0 + 50 * i, Y0, heading,
                                                             i))
    rows.append("fehlt.jpg,{},{},0,2024".format(X0 + 150, Y0))
    (folder / "index.csv").write_text("\n".join(rows) + "\n")
    return folder


@pytest.mark.qgis
def test_import_panoramas_algorithm(provider, tmp_path):
    import processing
    from qgis.core import QgsVectorLayer
    folder = _pano_set(tmp_path)
    out = str(tmp_path / "panos.gpkg")
    res = processing.run("hamm_twin:import_panoramas", {
        "INPUT": str(folder / "index.csv"), "OUTPUT": out})
    assert res["COUNT"] == 4 and res["MISSING"] == 1
    layer = QgsVectorLayer(res["OUTPUT"], "p", "ogr")
    feats = sorted(layer.getFeatures(), key=lambda f: f.geometry().asPoint().x())
    assert layer.crs().authid() == "EPSG:25832"
    assert [f["richtung"] for f in feats] == [0.0, 90.0, 270.0, 0.0]
    assert [f["bild_vorhanden"] for f in feats] == [1, 1, 1, 0]
    assert feats[1].geometry().asPoint() == QgsPointXY(X0 + 50, Y0)
    del layer
    # JPEG folder with GPS tags in WGS84: reprojected to EPSG:25832
    jpgs = tmp_path / "jpgs"
    jpgs.mkdir()
    write_pano_jpeg(jpgs / "a.jpg", heading=33, lat="51.68", lon="7.82")
    (jpgs / "kaputt.jpg").write_bytes(b"no jpeg")
    res = processing.run("hamm_twin:import_panoramas", {
        "FOLDER": str(jpgs), "OUTPUT": "memory:"})
    layer = res["OUTPUT"] if not isinstance(res["OUTPUT"], str) else \
        QgsVectorLayer(res["OUTPUT"], "p", "ogr")
    feat = next(layer.getFeatures())
    pt = feat.geometry().asPoint()
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform
    expect = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsCoordinateReferenceSystem("EPSG:25832"),
                                    QgsProject.instance()).transform(QgsPointXY(7.82, 51.68))
    assert pt.x() == pytest.approx(expect.x(), abs=0.01)
    assert pt.y() == pytest.approx(expect.y(), abs=0.01)
    assert feat["richtung"] == 33 and layer.featureCount() == 1


@pytest.mark.qgis
def test_import_panoramas_bad_input_messages(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    (tmp_path / "b.json").write_text("[{")
    with pytest.raises(QgsProcessingException, match="not valid JSON"):
        processing.run("hamm_twin:import_panoramas", {"INPUT": str(tmp_path / "b.json"),
                                                      "OUTPUT": "memory:"})


@pytest.mark.qgis
def test_import_panoramas_wrong_crs_message(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException
    (tmp_path / "w.csv").write_text("image,x,y\na.jpg,7.8,51.7\n")
    with pytest.raises(QgsProcessingException, match="Is the CRS of the index right"):
        processing.run("hamm_twin:import_panoramas", {"INPUT": str(tmp_path / "w.csv"),
                                                      "OUTPUT": "memory:"})


def _layer(folder):
    from hamm_twin.adapters import panoramas
    index = panoramas.read_source([str(folder / "index.csv")])
    return panoramas.memory_layer(index, "Panoramen")


def _send_drag(view, start, end):
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(start), Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, press)
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(end), Qt.MouseButton.NoButton,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, move)
    release = QMouseEvent(QEvent.Type.MouseButtonRelease, QPointF(end),
                          Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton,
                          Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, release)


def _centre_azimuth(view):
    """The compass direction the centre of the rendered view shows (from its red)."""
    frame = view.render_frame(41, 21)
    red = (frame.pixel(20, 10) >> 16) & 0xFF
    column = red / 255.0  # fraction of the image width
    return (view.heading + (column - 0.5) * 360.0) % 360.0


@pytest.mark.qgis
def test_dock_drag_wheel_and_view_cone(qgis_canvas, tmp_path):
    from hamm_twin.gui.panorama_dock import PanoramaDock
    folder = _pano_set(tmp_path)
    layer = _layer(folder)
    dock = PanoramaDock(qgis_canvas)
    try:
        dock.resize(600, 400)
        dock.show()
        feat = sorted(layer.getFeatures(), key=lambda f: f.geometry().asPoint().x())[1]
        assert dock.show_feature(layer, feat)
        view = dock.view
        assert view.yaw == pytest.approx(90.0)  # the panorama's heading
        assert _centre_azimuth(view) == pytest.approx(90.0, abs=2.0)
        view.resize(400, 300)
        changes = []
        view.viewChanged.connect(lambda y, p, f: changes.append(y))
        _send_drag(view, QPoint(300, 150), QPoint(200, 150))   # drag left: look right
        expected = 90.0 + 100 * view.fov / 400
        assert view.yaw == pytest.approx(expected)
        assert changes and changes[-1] == pytest.approx(expected)
        assert _centre_azimuth(view) == pytest.approx(expected, abs=2.0)
        wheel = QWheelEvent(QPointF(200, 150), QPointF(200, 150), QPoint(0, 0),
                            QPoint(0, 240), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(view, wheel)
        assert view.fov == pytest.approx(90 * 0.81)
        shot = view.grab().toImage()   # paints the widget
        assert view.last_frame is not None and not view.last_frame.isNull()
        red = (shot.pixel(shot.width() // 2, shot.height() // 2) >> 16) & 0xFF
        assert (90.0 + (red / 255.0 - 0.5) * 360.0) == pytest.approx(view.yaw, abs=3.0)
        # the cone on the map points where the view looks
        geom = dock.cone.asGeometry()
        centroid = geom.centroid().asPoint()
        pano = feat.geometry().asPoint()
        assert panorama.bearing(pano.x(), pano.y(), centroid.x(), centroid.y()) == \
            pytest.approx(view.yaw, abs=0.5)
        assert geom.area() == pytest.approx(math.pi * 40 ** 2 * view.fov / 360, rel=0.02)
    finally:
        dock.cleanup()
        dock.deleteLater()
        del layer


@pytest.mark.qgis
def test_dock_missing_image_says_so(qgis_canvas, tmp_path):
    from hamm_twin.gui.panorama_dock import PanoramaDock
    folder = _pano_set(tmp_path)
    layer = _layer(folder)
    dock = PanoramaDock(qgis_canvas)
    try:
        feat = [f for f in layer.getFeatures() if f["bild_vorhanden"] == 0][0]
        assert not dock.show_feature(layer, feat)
        assert "does not exist" in dock.status.text()
        assert dock.view.source is None
    finally:
        dock.cleanup()
        del layer


@pytest.mark.qgis
def test_map_tool_click_opens_nearest_panorama_looking_at_the_point(qgis_canvas, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
    from qgis.gui import QgsMapMouseEvent

    from hamm_twin.gui.panorama_dock import PanoramaDock, PanoramaMapTool
    folder = _pano_set(tmp_path)
    layer = _layer(folder)
    QgsProject.instance().addMapLayer(layer)
    canvas = qgis_canvas
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
    canvas.resize(400, 400)
    canvas.show()
    QApplication.processEvents()
    canvas.setLayers([layer])
    canvas.setExtent(QgsRectangle(X0 - 50, Y0 - 100, X0 + 150, Y0 + 100))
    canvas.refresh()
    dock = PanoramaDock(canvas)
    tool = PanoramaMapTool(canvas, dock)
    canvas.setMapTool(tool)
    try:
        target = QgsPointXY(X0 + 60, Y0 + 30)   # nearest: the panorama at X0 + 50
        pixel = canvas.getCoordinateTransform().transform(target)
        pos = QPoint(int(round(pixel.x())), int(round(pixel.y())))
        event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, pos,
                                 Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                                 Qt.KeyboardModifier.NoModifier)
        tool.canvasReleaseEvent(event)
        clicked = event.mapPoint()
        assert dock.position == QgsPointXY(X0 + 50, Y0)
        expected = panorama.bearing(X0 + 50, Y0, clicked.x(), clicked.y())
        assert clicked.distance(target) <= 1.5 * canvas.mapUnitsPerPixel()
        assert 0 < expected < 45  # north-north-east of the panorama
        assert dock.view.yaw == pytest.approx(expected)
        assert _centre_azimuth(dock.view) == pytest.approx(expected, abs=2.0)
        # far away from every panorama: a message, nothing changes
        messages = []
        tool.message = messages.append
        assert not tool.open_at(QgsPointXY(X0 + 5000, Y0))
        assert "No panorama within 500 m" in messages[0]
    finally:
        canvas.unsetMapTool(tool)
        dock.cleanup()
        QgsProject.instance().removeMapLayer(layer.id())


@pytest.mark.qgis
def test_image_behind_authcfg_url(http_server, qgis_app, tmp_path):
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    from servers_http import PASSWORD, USER

    from hamm_core.logic.errors import HammError, NetworkError
    from hamm_twin.adapters import panoramas
    (http_server.root / "private" / "pano.jpg").write_bytes(jpeg_bytes(gradient_image()))
    (http_server.root / "kein_bild.jpg").write_bytes(b"<html>kein Bild</html>")
    url = http_server.url("/private/pano.jpg")
    with pytest.raises(NetworkError, match="authentication configuration"):
        panoramas.load_image(url)
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("hamm-test-master", True)
    cfg = QgsAuthMethodConfig("Basic")
    cfg.setName("hamm-twin-pano")
    cfg.setConfig("username", USER)
    cfg.setConfig("password", PASSWORD)
    manager.storeAuthenticationConfig(cfg)
    try:
        image = panoramas.load_image(url, authcfg=cfg.id())
        assert (image.width(), image.height()) == (720, 360)
        with pytest.raises(HammError, match="not an image"):
            panoramas.load_image(http_server.url("/kein_bild.jpg"))
        with pytest.raises(NetworkError):
            panoramas.load_image(http_server.url("/status/404"))
    finally:
        manager.removeAuthenticationConfig(cfg.id())


@pytest.mark.qgis
def test_plugin_panorama_action(qgis_iface, tmp_path):
    from hamm_twin.plugin import TwinPlugin
    folder = _pano_set(tmp_path)
    layer = _layer(folder)
    QgsProject.instance().addMapLayer(layer)
    plugin = TwinPlugin(qgis_iface)
    plugin.initGui()
    try:
        names = {a.objectName(): a for a in plugin.actions}
        assert {"hamm_twin_panorama_tool", "hamm_twin_import_panoramas",
                "hamm_twin_import_lod2_postgis"} <= set(names)
        names["hamm_twin_panorama_tool"].trigger()
        assert qgis_iface.mapCanvas().mapTool() is plugin.pano_tool
        # selecting a panorama in the layer shows it
        feat = next(f for f in layer.getFeatures() if f["richtung"] == 270.0)
        layer.selectByIds([feat.id()])
        assert plugin.pano_dock.view.source is not None
        assert plugin.pano_dock.view.yaw == pytest.approx(270.0)
    finally:
        plugin.unload()
        QgsProject.instance().removeMapLayer(layer.id())


def test_unreadable_photo_is_named_in_german(tmp_path, qgis_app, root_dir):
    """A photo folder with one broken file: the others are read, the broken one is named
    with the reason in the user's language."""
    from hamm_core.adapters.i18n import install_translator, remove_translator
    from hamm_twin.adapters import panoramas
    folder = tmp_path / "fahrt"
    folder.mkdir()
    write_pano_jpeg(str(folder / "a.jpg"), 90.0, lat=51.68, lon=7.82)
    (folder / "kaputt.jpg").write_bytes(b"GIF89a....")
    try:
        assert install_translator("hamm_twin", str(root_dir / "plugins" / "hamm_twin"),
                                  lang="de")
        index = panoramas.read_source([str(folder)])
    finally:
        remove_translator("hamm_twin")
    assert len(index.panoramas) == 1
    assert index.problems == ["kaputt.jpg: kein lesbares JPEG (kein JPEG (keine SOI-Markierung))."]

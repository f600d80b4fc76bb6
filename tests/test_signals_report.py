"""hamm_signals: the check report as a PDF (QGIS print layout) — page count, the text in
the layout's items (German with the plugin's translation), the map of the junction with the
zones that failed outlined in red, rendered to PNG and inspected pixel by pixel."""

import os
import re
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

pytestmark = pytest.mark.qgis


@pytest.fixture(scope="module")
def pilot_gpkg(tmp_path_factory, qgis_app):
    from signals_pilot import street_layer

    from hamm_signals.adapters import model_gpkg, pilot
    path = str(tmp_path_factory.mktemp("signals_report") / "pilot.gpkg")
    model_gpkg.create_model(path)
    streets = street_layer()
    pilot.fill_junction(path, streets)
    del streets
    return path


@pytest.fixture
def german(root_dir, tmp_path, qgis_app):
    """The plugin's German translation, compiled from i18n/hamm_signals_de.ts."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from hamm_core.logic import i18n
    qm = tmp_path / "hamm_signals_de.qm"
    subprocess.run(["lrelease", str(root_dir / "i18n" / "hamm_signals_de.ts"), "-qm", str(qm)],
                   check=True, capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    i18n.set_translator(QCoreApplication.translate)
    yield
    QCoreApplication.removeTranslator(translator)


def pdf_pages(path) -> int:
    """Distinct page objects of the PDF (QGIS appends an incremental update that rewrites
    the first page with its georeference, so the object number counts, not the text)."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    objects = set()
    for match in re.finditer(rb"(\d+) 0 obj\s*<<", data):
        head = data[match.end():match.end() + 400].split(b">>\nendobj")[0].split(b"stream")[0]
        if re.search(rb"/Type\s*/Page(?![a-zA-Z])", head):
            objects.add(int(match.group(1)))
    return len(objects)


def uri(path, table):
    return "{}|layername={}".format(path, table)


def _records(path):
    from hamm_signals.adapters import layers as lay
    out = {}
    for table in ("detektionszonen", "kameras", "fahrstreifen", "haltlinien"):
        layer = QgsVectorLayer(uri(path, table), table, "ogr")
        if table == "detektionszonen":
            out[table] = lay.zone_records(layer)
        elif table == "kameras":
            out[table] = lay.camera_records(layer)
        else:
            out[table] = [lay.line_points(f.geometry()) for f in layer.getFeatures()]
        del layer
    return out


def _colour_counts(image, box):
    """Pixels in box (x0, y0, x1, y1) that are strong red, and that are not white."""
    red = other = 0
    x0, y0, x1, y1 = box
    for y in range(y0, y1, 2):
        for x in range(x0, x1, 2):
            c = image.pixelColor(x, y)
            if c.red() > 200 and c.green() < 80 and c.blue() < 80:
                red += 1
            if (c.red(), c.green(), c.blue()) != (255, 255, 255):
                other += 1
    return red, other


def test_pdf_report_of_pilot_junction_in_german(pilot_gpkg, provider, german, tmp_path):
    import processing

    from hamm_signals.adapters import report_pdf
    from hamm_signals.logic import checks
    pdf = tmp_path / "pruefbericht.pdf"
    res = processing.run("hamm_signals:check_report_pdf", {
        "ZONES": uri(pilot_gpkg, "detektionszonen"), "CAMERAS": uri(pilot_gpkg, "kameras"),
        "LANES": uri(pilot_gpkg, "fahrstreifen"), "STOP_LINES": uri(pilot_gpkg, "haltlinien"),
        "MIN_PIXELS": 60, "TITLE": "Prüfbericht Heßlerstraße / Marker Allee",
        "OUTPUT": str(pdf)})
    assert res["PAGES"] == 2 and res["ERRORS"] == 12 and res["WARNINGS"] == 0
    assert pdf_pages(pdf) == 2 and pdf.stat().st_size > 20000

    # the same layout, inspected item by item
    rec = _records(pilot_gpkg)
    findings = checks.check_junction(rec["detektionszonen"], rec["kameras"], (),
                                     checks.CheckOptions(min_pixels=60))
    house = [(417950.0, 5725450.0), (417980.0, 5725450.0), (417980.0, 5725480.0),
             (417950.0, 5725480.0)]
    layout, project, items = report_pdf.build_layout(
        "Prüfbericht", rec["detektionszonen"], rec["kameras"], findings, rec["fahrstreifen"],
        rec["haltlinien"], 60.0, [(house, 12.0)])
    try:
        table = items["table"]
        assert [c.heading() for c in table.headers()] == ["Zone", "Kamera", "Regel", "Schwere",
                                                          "Erklärung"]
        rows = [[cell.content() for cell in row] for row in table.tableContents()]
        assert len(rows) == 12
        names = {z["fid"]: z["name"] for z in rec["detektionszonen"]}
        assert {r[0] for r in rows} == {names[f.zone_id] for f in findings}
        assert all(r[2] == "Pixelgröße" and r[3] == "Fehler" for r in rows)
        assert all("nötig sind mindestens 60" in r[4] for r in rows)
        summary = items["summary"].text()
        assert "12 Detektionszonen, 4 Kameras" in summary and "12 Fehler, 0 Warnungen" in summary
        # the map shows every zone and camera
        extent = items["map"].extent()
        for z in rec["detektionszonen"]:
            assert all(extent.contains(x, y) for x, y in z["ring"])
        for c in rec["kameras"]:
            assert extent.contains(c["x"], c["y"])
        assert [lyr.name() for lyr in items["map"].layers()] == [
            "Zonen mit Fehlern", "Kameras", "Detektionszonen", "Haltlinien", "Fahrstreifen",
            "Sichtfelder", "Gebäude"]
        assert "Sichtlinie gegen Gebäudehöhen geprüft" in summary
        # page 1 rendered: the failed zones are outlined in red inside the map frame
        image = report_pdf.page_image(layout, 0, dpi=96)
        shots = Path(os.environ.get("HAMM_SIGNALS_SHOTS", str(tmp_path)))
        image.save(str(shots / "bericht_seite1.png"))
        scale = 96 / 25.4
        x, y, w, h = report_pdf.MAP_RECT
        red, drawn = _colour_counts(image, (int(x * scale) + 3, int(y * scale) + 3,
                                            int((x + w) * scale) - 3, int((y + h) * scale) - 3))
        assert red > 200 and drawn > 2000
        page2 = report_pdf.page_image(layout, 1, dpi=96)
        page2.save(str(shots / "bericht_seite2.png"))
        _red, text_pixels = _colour_counts(page2, (0, 0, page2.width(), page2.height()))
        assert text_pixels > 3000
    finally:
        del items, layout
        project.clear()


def test_many_findings_run_over_several_pages(pilot_gpkg, tmp_path, qgis_app):
    from hamm_signals.adapters import report_pdf
    from hamm_signals.logic import checks
    rec = _records(pilot_gpkg)
    cam = rec["kameras"][0]
    # 60 small zones 150 m behind the first camera: out of range and out of view
    zones = []
    for i in range(60):
        x0, y0 = cam["x"] + (i % 10) * 3.0, cam["y"] + 150.0 + (i // 10) * 3.0
        zones.append({"fid": 100 + i, "name": "W{}".format(i), "kamera_id": cam["fid"],
                      "knoten_id": cam["knoten_id"], "klasse_kfz": True, "funktion": "waiting",
                      "ring": [(x0, y0), (x0 + 2, y0), (x0 + 2, y0 + 2), (x0, y0 + 2),
                               (x0, y0)]})
    findings = checks.check_junction(zones, rec["kameras"], ())
    assert len(findings) >= 120  # range, field of view and size for each
    pdf = tmp_path / "viele.pdf"
    pages = report_pdf.write_report(str(pdf), "Viele Befunde", zones, rec["kameras"], findings)
    assert pages >= 4
    assert pdf_pages(pdf) == pages


def test_no_findings_and_bad_output(pilot_gpkg, tmp_path, qgis_app):
    from hamm_signals.adapters import report_pdf
    from hamm_signals.logic.errors import SignalsError
    rec = _records(pilot_gpkg)
    layout, project, items = report_pdf.build_layout(
        "Ohne Befunde", rec["detektionszonen"], rec["kameras"], [])
    try:
        rows = [[c.content() for c in row] for row in items["table"].tableContents()]
        assert rows == [["–", "–", "–", "–", "No findings: every zone passed every check."]]
        assert "All zones passed every check." in items["summary"].text()
        assert report_pdf.export_pdf(layout, str(tmp_path / "ok.pdf")) == 2
        blocker = tmp_path / "eine_datei"
        blocker.write_text("kein Ordner")
        with pytest.raises(SignalsError, match="cannot be written"):
            report_pdf.export_pdf(layout, str(blocker / "bericht.pdf"))
    finally:
        del items, layout
        project.clear()
    with pytest.raises(SignalsError, match="nothing to show"):
        report_pdf.build_layout("Leer", [], [], [])


@pytest.mark.pure
def test_scale_bar_steps_are_round():
    from hamm_signals.logic.report import nice_step
    assert nice_step(130.0) == 10.0      # 4 x 10 m over a 130 m wide map
    assert nice_step(1000.0) == 50.0     # 83 m per segment -> 50 m
    assert nice_step(60.0) == 5.0
    assert nice_step(7.0) == 0.5


def _write_layer(layer, path, name):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = name
    if path.exists():
        opts.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path),
                                                    QgsCoordinateTransformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError, err


def test_demo_adds_model_report_pdf_and_snapshots(tmp_path, qgis_processing):
    from qgis.core import QgsFeature, QgsGeometry, QgsProject
    from qgis.PyQt.QtGui import QImage
    from signals_pilot import street_layer

    from hamm_signals import demo
    gpkg = tmp_path / "demo.gpkg"
    _write_layer(street_layer(), gpkg, "strassen")
    bld = QgsVectorLayer("Polygon?crs=EPSG:25832&field=hoehe:double", "gebaeude", "memory")
    f = QgsFeature(bld.fields())
    f.setAttributes([12.0])
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((417950 5725450, 417980 5725450, "
                                      "417980 5725480, 417950 5725480, 417950 5725450))"))
    bld.dataProvider().addFeatures([f])
    _write_layer(bld, gpkg, "gebaeude")
    project = QgsProject()
    counts = demo.add_to_project(tmp_path, gpkg, project)
    try:
        assert counts["zones"] == 12 and counts["report_pages"] == 2
        assert counts["snapshots"] == 4
        assert pdf_pages(tmp_path / demo.REPORT_NAME) == 2
        shot = QImage(str(tmp_path / demo.SNAPSHOT_NAME.format(fid=1)))
        assert (shot.width(), shot.height()) == (1920, 1080)
        # the snapshot dialog opens each demo camera with its picture
        from hamm_signals.adapters.snapshot import remembered_snapshot
        from hamm_signals.logic import model
        cams = [lyr for lyr in project.mapLayers().values() if lyr.name() == model.CAMERAS
                or lyr.customProperty("hamm_signals/snapshots")]
        assert len(cams) == 1
        project.setFileName(str(tmp_path / "hamm_demo.qgs"))  # as build_demo_data saves it
        assert {fid: remembered_snapshot(cams[0], fid, project) for fid in range(1, 5)} == {
            fid: str(tmp_path / demo.SNAPSHOT_NAME.format(fid=fid)) for fid in range(1, 5)}
    finally:
        project.clear()


@pytest.mark.slow
def test_pdf_report_in_qgis_process(root_dir, pilot_gpkg, tmp_path):
    import sys
    sys.path.insert(0, str(root_dir / "scripts"))
    from demo_services import clean_env
    profile = tmp_path / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nhamm_core=true\nhamm_signals=true\n")
    env = dict(clean_env(), QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
               QGIS_PLUGINPATH=str(root_dir / "plugins"))
    out = tmp_path / "bericht.pdf"
    proc = subprocess.run(["/usr/bin/qgis_process.bin", "run", "hamm_signals:check_report_pdf",
                           "--", "ZONES={}".format(uri(pilot_gpkg, "detektionszonen")),
                           "CAMERAS={}".format(uri(pilot_gpkg, "kameras")), "MIN_PIXELS=60",
                           "OUTPUT={}".format(out)],
                          env=env, capture_output=True, text=True, check=False, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "PAGES:\t2" in proc.stdout and "ERRORS:\t12" in proc.stdout
    assert pdf_pages(out) == 2

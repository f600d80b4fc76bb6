"""The pilot junction Heßlerstraße / Marker Allee in the Hamm demo (make run).

Called by scripts/build_demo_data.py (see its tool-plugin demo hook): creates the
detection-zone model next to the demo data, lays out the pilot junction from the demo
streets, checks it against the demo buildings and adds model and check report to the
demo project. Next to it: the check report as a PDF and, per camera, a synthetic snapshot
(the lanes and stop lines as the camera sees them) to try the snapshot overlay with.
"""

from pathlib import Path

from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

from .adapters import layers as lay
from .adapters import model_gpkg, pilot
from .adapters.snapshot import remember_snapshot, render_snapshot
from .logic import model
from .logic.camera import camera_from_record
from .logic.i18n import tr

FILE_NAME = "lsa_pilot_hessler_marker.gpkg"
REPORT_NAME = "lsa_pilot_pruefbericht.pdf"
SNAPSHOT_NAME = "lsa_pilot_kamerabild_{fid}.png"


def add_to_project(out_dir: Path, demo_gpkg: Path, project) -> dict:
    import processing

    from hamm_core.processing.base import register_provider

    from .processing.provider import SignalsProvider

    register_provider(SignalsProvider())
    path = Path(out_dir) / FILE_NAME
    path.unlink(missing_ok=True)
    model_gpkg.create_model(str(path))
    streets = QgsVectorLayer("{}|layername=strassen".format(demo_gpkg), "strassen", "ogr")
    counts = pilot.fill_junction(str(path), streets)
    context = QgsProcessingContext()
    result = processing.run("hamm_signals:check_junction", {
        "ZONES": model_gpkg.layer_uri(str(path), model.ZONES),
        "CAMERAS": model_gpkg.layer_uri(str(path), model.CAMERAS),
        "BUILDINGS": "{}|layername=gebaeude".format(demo_gpkg), "HEIGHT_FIELD": "hoehe",
        "MIN_PIXELS": 20.0,
        "OUTPUT": "ogr:dbname='{}' table=\"pruefbericht\"".format(path),
    }, context=context, feedback=QgsProcessingFeedback())
    layers = model_gpkg.load_model(str(path), project,
                                   tr("Detection zones – pilot junction (demo)"))
    report = QgsVectorLayer("{}|layername=pruefbericht".format(path),
                            tr("Check report ({errors} errors, {warnings} warnings)").format(
                                errors=int(result["ERRORS"]), warnings=int(result["WARNINGS"])),
                            "ogr")
    project.addMapLayer(report, False)
    project.layerTreeRoot().findGroup(
        tr("Detection zones – pilot junction (demo)")).addLayer(report)
    pdf = processing.run("hamm_signals:check_report_pdf", {
        "ZONES": layers[model.ZONES], "CAMERAS": layers[model.CAMERAS],
        "LANES": layers[model.LANES], "STOP_LINES": layers[model.STOP_LINES],
        "BUILDINGS": "{}|layername=gebaeude".format(demo_gpkg), "HEIGHT_FIELD": "hoehe",
        "MIN_PIXELS": 20.0, "TITLE": tr("Check report: {name}").format(
            name="{} / {}".format(pilot.PILOT_A, pilot.PILOT_B)),
        "OUTPUT": str(Path(out_dir) / REPORT_NAME)}, context=QgsProcessingContext(),
        feedback=QgsProcessingFeedback())
    snapshots = 0
    for rec in lay.camera_records(layers[model.CAMERAS]):
        image = render_snapshot(camera_from_record(rec), [layers[model.STOP_LINES],
                                                          layers[model.LANES]])
        name = SNAPSHOT_NAME.format(fid=rec["fid"])
        if image.save(str(Path(out_dir) / name)):
            snapshots += 1
            # the snapshot dialog opens each camera with its picture (beside the project
            # file, which is saved into out_dir: the demo folder can move)
            remember_snapshot(layers[model.CAMERAS], rec["fid"], "./" + name, project)
    counts.update(errors=int(result["ERRORS"]), warnings=int(result["WARNINGS"]),
                  layers=len(layers) + 1, report_pages=int(pdf["PAGES"]), snapshots=snapshots)
    return counts

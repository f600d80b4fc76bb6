"""LoRaWAN in the Hamm demo (make run): coverage of two demo gateways and a siting
result over the demo town.

Called by scripts/build_demo_data.py (tool-plugin demo hook). The terrain is a
SYNTHETIC flat model (Hamm lies at about 60 m above sea level with little relief); the
buildings with heights come from the demo GeoPackage, so their radio shadows show.
"""

from pathlib import Path

import numpy as np
from osgeo import gdal, osr
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeedback,
    QgsRasterLayer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from .logic.i18n import tr
from .logic.radio import RadioParams
from .processing.styles import style_power

CELL = 5.0  # m
MARGIN = 400.0  # m around the demo town


def _dem(path: Path, extent) -> None:
    """Synthetic terrain: 60 m with a gentle rise of 5 m to the south-east (labelled)."""
    xmin = float(np.floor((extent.xMinimum() - MARGIN) / CELL) * CELL)
    ymax = float(np.ceil((extent.yMaximum() + MARGIN) / CELL) * CELL)
    cols = int(np.ceil((extent.width() + 2 * MARGIN) / CELL))
    rows = int(np.ceil((extent.height() + 2 * MARGIN) / CELL))
    u = np.linspace(0.0, 1.0, cols)[None, :]
    v = np.linspace(0.0, 1.0, rows)[:, None]
    heights = (60.0 + 2.5 * u + 2.5 * v).astype(np.float32)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float32,
                                              ["COMPRESS=DEFLATE"])
    ds.SetGeoTransform((xmin, CELL, 0.0, ymax, 0.0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    ds.SetProjection(srs.ExportToWkt())
    ds.SetMetadataItem("QUELLE", "synthetisch (Demo)")
    band = ds.GetRasterBand(1)
    band.WriteArray(heights)
    band.SetNoDataValue(-9999.0)
    ds = None


def _points_layer(path: Path, layer_name: str, rows) -> str:
    """Write points (name, hoehe_antenne, x, y) to a GeoPackage layer; returns its URI."""
    fields = QgsFields()
    fields.append(QgsField("name", QVariant.String))
    fields.append(QgsField("antennenhoehe", QVariant.Double))
    mem = QgsVectorLayer("Point?crs=EPSG:25832", layer_name, "memory")
    mem.dataProvider().addAttributes(fields.toList())
    mem.updateFields()
    feats = []
    for name, height, x, y in rows:
        feat = QgsFeature(mem.fields())
        feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feat.setAttributes([name, height])
        feats.append(feat)
    mem.dataProvider().addFeatures(feats)
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.layerName = layer_name
    opts.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer \
        if path.exists() else QgsVectorFileWriter.CreateOrOverwriteFile
    from qgis.core import QgsCoordinateTransformContext
    QgsVectorFileWriter.writeAsVectorFormatV2(mem, str(path), QgsCoordinateTransformContext(),
                                              opts)
    return "{}|layername={}".format(path, layer_name)


def add_to_project(out_dir: Path, demo_gpkg: Path, project) -> dict:
    import processing

    from hamm_core.processing.base import register_provider

    from .processing.provider import LoRaWANProvider

    register_provider(LoRaWANProvider())
    out_dir = Path(out_dir)
    buildings_uri = "{}|layername=gebaeude".format(demo_gpkg)
    buildings = QgsVectorLayer(buildings_uri, "gebaeude", "ogr")
    extent = buildings.extent()
    dem = out_dir / "lorawan_dgm_synthetisch.tif"
    _dem(dem, extent)
    # Candidate sites: the roofs of the eight tallest buildings (mast 3 m above the roof)
    tallest = sorted(buildings.getFeatures(), key=lambda f: -float(f["hoehe"] or 0))[:8]
    rows = []
    for i, feat in enumerate(tallest):
        centre = feat.geometry().pointOnSurface().asPoint()
        rows.append(("{} {}".format(tr("Roof"), i + 1), float(feat["hoehe"]) + 3.0,
                     centre.x(), centre.y()))
    gpkg = out_dir / "lorawan_demo.gpkg"
    gpkg.unlink(missing_ok=True)
    candidates = _points_layer(gpkg, "standortkandidaten", rows)
    gateways = _points_layer(gpkg, "gateways", rows[:2])
    common = {"DEM": str(dem), "BUILDINGS": buildings_uri, "BUILDING_HEIGHT_FIELD": "hoehe",
              "HEIGHT_FIELD": "antennenhoehe", "NAME_FIELD": "name",
              "ENVIRONMENT": 1, "MAX_RANGE": 5000.0}
    feedback = QgsProcessingFeedback()
    cov = processing.run("hamm_lorawan:coverage", dict(
        common, GATEWAYS=gateways, OUTPUT_POWER=str(out_dir / "lorawan_empfangsleistung.tif"),
        OUTPUT_SF=str(out_dir / "lorawan_sf.tif"), OUTPUT_SERVER=str(out_dir / "lorawan_gw.tif"),
        OUTPUT_COUNT=str(out_dir / "lorawan_anzahl.tif")), feedback=feedback)
    demand = processing.run("native:centroids", {"INPUT": buildings_uri, "ALL_PARTS": False,
                                                 "OUTPUT": "memory:"})["OUTPUT"]
    site = processing.run("hamm_lorawan:siting", dict(
        common, CANDIDATES=candidates, DEMAND=demand, MODE=0, K=2, SOLVER=0,
        OUTPUT="ogr:dbname='{}' table=\"gewaehlte_standorte\" (geom)".format(gpkg),
        OUTPUT_DEMAND="ogr:dbname='{}' table=\"bedarf\" (geom)".format(gpkg)),
        feedback=feedback)

    group = project.layerTreeRoot().insertGroup(0, tr("LoRaWAN (demo)"))
    power = QgsRasterLayer(cov["OUTPUT_POWER"], tr("Received power (dBm), indoor"))
    style_power(power, RadioParams(), tr)
    power.renderer().setOpacity(0.6)
    chosen = QgsVectorLayer("{}|layername=gewaehlte_standorte".format(gpkg),
                            tr("Chosen gateway sites ({share:.0%} of buildings covered)")
                            .format(share=float(site["COVERED_SHARE"])), "ogr")
    gws = QgsVectorLayer(gateways, tr("Demo gateways"), "ogr")
    for layer, shape, colour in ((gws, "triangle", "#2c7bb6"), (chosen, "star", "#d7191c")):
        from qgis.core import QgsMarkerSymbol
        layer.renderer().setSymbol(QgsMarkerSymbol.createSimple(
            {"name": shape, "color": colour, "size": "4", "outline_color": "white"}))
    for layer in (chosen, gws, power):
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    group.setExpanded(False)
    group.setItemVisibilityChecked(False)  # one theme at a time: the user switches it on
    return {"gateways": 2, "covered_share": round(float(site["COVERED_SHARE"]), 3),
            "gap": site.get("GAP"), "dem": dem.name}

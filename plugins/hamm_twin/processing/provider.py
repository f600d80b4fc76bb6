"""Processing provider of hamm_twin: LoD2 import, terrain VRT with hillshade, DSM/nDSM
from LAS."""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from hamm_core.logic.errors import HammError
from hamm_core.processing.base import HammAlgorithm, HammProvider

from .. import api
from ..adapters import rasters, store, styles
from ..logic import lod2

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
CRS = QgsCoordinateReferenceSystem("EPSG:25832")


def _fail(err: HammError):
    raise QgsProcessingException(err.user_message) from err


class _Styler(QgsProcessingLayerPostProcessorInterface):
    """Styles a layer once Processing has loaded it into the project."""

    _KEEP = []

    def __init__(self, func):
        super().__init__()
        self.func = func
        _Styler._KEEP.append(self)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - Qt API
        if layer is not None and layer.isValid():
            self.func(layer)


class TwinAlgorithm(HammAlgorithm):
    PLUGIN_ID = "hamm_twin"

    def area(self, parameters, context):
        if parameters.get("EXTENT") in (None, ""):
            return None
        rect = self.parameterAsExtent(parameters, "EXTENT", context, CRS)
        if rect is None or rect.isNull() or rect.isEmpty():
            return None
        return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())

    def files(self, parameters, context, name="INPUT", folder="FOLDER"):
        paths = list(self.parameterAsFileList(parameters, name, context) or [])
        if folder:
            directory = self.parameterAsFile(parameters, folder, context)
            if directory:
                paths.append(directory)
        return paths

    def load_on_completion(self, context, uri, name, styler):
        details = QgsProcessingContext.LayerDetails(name, context.project(), name)
        details.setPostProcessor(_Styler(styler))
        context.addLayerToLoadOnCompletion(uri, details)


class ImportLod2Algorithm(TwinAlgorithm):
    NAME = "import_lod2"
    DISPLAY = "Import LoD2 buildings (CityGML, CityJSON)"
    GROUP_ID = "buildings"
    GROUP = "Buildings"
    HELP = ("Imports LoD2 building models into a GeoPackage: CityGML 1.0 and 2.0 as the state "
            "survey of NRW publishes them (and CityGML 3.0 buildings), CityJSON 1.1/2.0 and "
            "CityJSONSeq. Many tiles at once (files or a folder); only buildings meeting the "
            "chosen extent are imported. The files are streamed, so large tiles need little "
            "memory. Result: the layer 'gebaeude' (footprint, measured height, roof type, "
            "storeys, function with German labels, ground, eaves and ridge heights, source "
            "tile) and the layer 'gebaeude_flaechen' (roof, wall and ground surfaces as 3D "
            "polygons with type, area, tilt and orientation). A building found in several "
            "tiles is imported once (by gml:id); importing into an existing GeoPackage "
            "replaces the buildings imported before instead of duplicating them. The files "
            "must be in EPSG:25832.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "INPUT", self.tr("LoD2 files (CityGML .gml/.xml, CityJSON .json/.jsonl)"),
            QgsProcessing.TypeFile, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "FOLDER", self.tr("Folder with LoD2 tiles (optional)"),
            QgsProcessingParameterFile.Folder, optional=True))
        self.addParameter(QgsProcessingParameterExtent(
            "EXTENT", self.tr("Area (empty = everything)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Building GeoPackage (created or updated)"),
            "GeoPackage (*.gpkg)"))
        self.addOutput(QgsProcessingOutputVectorLayer(
            "BUILDINGS", self.tr("LoD2 buildings"), QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputVectorLayer(
            "SURFACES", self.tr("LoD2 surfaces (3D)"), QgsProcessing.TypeVectorPolygon))
        for name, label in (("BUILDING_COUNT", self.tr("Buildings imported")),
                            ("SURFACE_COUNT", self.tr("Surfaces imported")),
                            ("UPDATED", self.tr("Buildings replaced"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):
        paths = lod2.expand_inputs(self.files(parameters, context))
        if not paths:
            raise QgsProcessingException(self.tr(
                "No LoD2 files were given: choose files or a folder with .gml, .xml, .json "
                "or .jsonl tiles."))
        out = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not out.lower().endswith(".gpkg"):
            out += ".gpkg"
        area = self.area(parameters, context)

        def on_error(path, err):
            feedback.reportError(self.tr("{file}: {error}").format(
                file=os.path.basename(path), error=err.user_message))

        try:
            result = store.import_files(paths, out, area=area, feedback=feedback,
                                        on_error=on_error)
        except HammError as err:
            _fail(err)
        if len(result["failed"]) == len(paths):
            raise QgsProcessingException(self.tr(
                "None of the {n} files could be imported (see the messages above).").format(
                    n=len(paths)))
        for problem in result["problems"][:50]:
            feedback.pushWarning(problem)
        if len(result["problems"]) > 50:
            feedback.pushWarning(self.tr("… and {n} more problems.").format(
                n=len(result["problems"]) - 50))
        feedback.pushInfo(self.tr(
            "{n} buildings with {s} surfaces imported ({new} new, {upd} replaced); {out} "
            "outside the area, {dup} duplicates skipped.").format(
                n=result["buildings"], s=result["surfaces"], new=result["inserted"],
                upd=result["updated"], out=result["outside"], dup=result["duplicates"]))
        styles.save_default_styles(out)
        api.set_buildings_gpkg(out)
        b_uri = store.layer_uri(out, store.BUILDINGS)
        s_uri = store.layer_uri(out, store.SURFACES)
        if context.project() is not None:
            self.load_on_completion(context, b_uri, self.tr("LoD2 buildings"),
                                    styles.style_buildings)
            self.load_on_completion(context, s_uri, self.tr("LoD2 surfaces (3D)"),
                                    styles.style_surfaces)
        return {"OUTPUT": out, "BUILDINGS": b_uri, "SURFACES": s_uri,
                "BUILDING_COUNT": result["buildings"], "SURFACE_COUNT": result["surfaces"],
                "UPDATED": result["updated"]}


class TerrainAlgorithm(TwinAlgorithm):
    NAME = "terrain_vrt"
    DISPLAY = "Terrain from DGM tiles (VRT + hillshade)"
    GROUP_ID = "terrain"
    GROUP = "Terrain and surface models"
    HELP = ("Builds one virtual raster (VRT) over DGM tiles (GeoTIFF or XYZ grids as NRW "
            "publishes DGM1; XYZ tiles are converted to GeoTIFF next to the VRT) and computes "
            "a hillshade. The VRT becomes the terrain of the digital twin.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "INPUT", self.tr("DGM tiles (GeoTIFF, XYZ)"), QgsProcessing.TypeFile,
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "FOLDER", self.tr("Folder with DGM tiles (optional)"),
            QgsProcessingParameterFile.Folder, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Terrain VRT"), "VRT (*.vrt)"))
        self.addParameter(QgsProcessingParameterRasterDestination(
            "HILLSHADE", self.tr("Hillshade"), optional=True))

    def processAlgorithm(self, parameters, context, feedback):
        paths = []
        for path in self.files(parameters, context):
            if os.path.isdir(path):
                paths.extend(os.path.join(path, n) for n in sorted(os.listdir(path))
                             if n.lower().endswith((".tif", ".tiff", ".xyz", ".asc")))
            else:
                paths.append(path)
        out = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        try:
            result = rasters.build_terrain_vrt(paths, out, feedback=feedback)
        except HammError as err:
            _fail(err)
        for problem in result["problems"]:
            feedback.reportError(problem)
        outputs = {"OUTPUT": out}
        shade = self.parameterAsOutputLayer(parameters, "HILLSHADE", context)
        if shade:
            rasters.hillshade(out, shade)
            outputs["HILLSHADE"] = shade
        from hamm_core.adapters.settings import Settings
        Settings(api.SECTION).set_value(api.KEY_TERRAIN, out)
        feedback.pushInfo(self.tr("Terrain VRT over {n} tiles written.").format(
            n=len(result["tiles"])))
        return outputs


class DsmAlgorithm(TwinAlgorithm):
    NAME = "las_dsm"
    DISPLAY = "Surface model (DSM/nDSM) from LAS points"
    GROUP_ID = "terrain"
    GROUP = "Terrain and surface models"
    HELP = ("Computes from airborne or mobile laser-scan points (LAS 1.0–1.4, uncompressed; "
            "LAZ only where a LAZ reader is installed) a digital surface model: the maximum "
            "or mean height of the points per cell of the chosen size, for the chosen area. "
            "Optionally an nDSM (object heights above ground): DSM minus a DGM raster, or "
            "without one minus the mean height of the ground points (class 2) per cell. The "
            "shade and radio tools of the suite can use these rasters.")
    STATS = ["max", "mean"]

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "INPUT", self.tr("LAS files"), QgsProcessing.TypeFile))
        self.addParameter(QgsProcessingParameterNumber(
            "CELL", self.tr("Cell size [m]"), QgsProcessingParameterNumber.Double, 1.0,
            minValue=0.05, maxValue=1000.0))
        self.addParameter(QgsProcessingParameterEnum(
            "STAT", self.tr("Height per cell"), [self.tr("Maximum"), self.tr("Mean")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterExtent(
            "EXTENT", self.tr("Area (empty = extent of the points)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            "DTM", self.tr("Terrain (DGM) for the nDSM (optional)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination("DSM", self.tr("DSM")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            "NDSM", self.tr("nDSM (object heights)"), optional=True,
            createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):
        paths = self.parameterAsFileList(parameters, "INPUT", context)
        if not paths:
            raise QgsProcessingException(self.tr("No LAS files were given."))
        dsm = self.parameterAsOutputLayer(parameters, "DSM", context)
        ndsm = self.parameterAsOutputLayer(parameters, "NDSM", context) \
            if parameters.get("NDSM") else ""
        dtm_layer = self.parameterAsRasterLayer(parameters, "DTM", context)
        stat = self.STATS[self.parameterAsEnum(parameters, "STAT", context)]
        try:
            result = rasters.dsm_from_las(
                paths, self.parameterAsDouble(parameters, "CELL", context), stat, dsm,
                area=self.area(parameters, context), ndsm_path=ndsm or "",
                dtm_path=dtm_layer.source() if dtm_layer is not None else "",
                feedback=feedback)
        except HammError as err:
            _fail(err)
        feedback.pushInfo(self.tr("{n} points gridded into {c} x {r} cells.").format(
            n=result["points"], c=result["cols"], r=result["rows"]))
        outputs = {"DSM": dsm}
        if ndsm:
            outputs["NDSM"] = ndsm
            from hamm_core.adapters.settings import Settings
            Settings(api.SECTION).set_value(api.KEY_NDSM, ndsm)
        return outputs


class TwinProvider(HammProvider):
    PROVIDER_ID = "hamm_twin"
    TITLE = "Digitales Hamm – Digital twin"
    PLUGIN_ID = "hamm_twin"
    ICON = os.path.join(PLUGIN_DIR, "icons", "icon.svg")
    ALGORITHMS = [ImportLod2Algorithm, TerrainAlgorithm, DsmAlgorithm]

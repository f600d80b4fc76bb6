"""Processing provider of hamm_twin: LoD2 import, terrain VRT with hillshade, DSM/nDSM
from LAS."""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from hamm_core.logic.errors import HammError
from hamm_core.processing.base import HammAlgorithm, HammProvider, StyleOnLoad

from .. import api
from ..adapters import rasters, store, styles
from ..logic import lod2
from ..logic.area import AreaFilter

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
CRS = QgsCoordinateReferenceSystem("EPSG:25832")


def area_geometry(source, context, box=None):
    """The union of the source's polygons in EPSG:25832 (clipped to ``box``), or None."""
    from qgis.core import (
        QgsCoordinateTransform,
        QgsFeatureRequest,
        QgsGeometry,
        QgsRectangle,
        QgsWkbTypes,
    )
    transform = QgsCoordinateTransform(source.sourceCrs(), CRS, context.transformContext())
    parts = []
    for feat in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geom = QgsGeometry(feat.geometry())
        if geom.isEmpty() or geom.type() != QgsWkbTypes.PolygonGeometry:
            continue
        geom.transform(transform)
        if not geom.isGeosValid():
            geom = geom.makeValid()
        parts.append(geom)
    if not parts:
        return None
    geom = QgsGeometry.unaryUnion(parts)
    if box is not None:
        geom = geom.intersection(QgsGeometry.fromRect(QgsRectangle(*box)))
    if geom is None or geom.isEmpty():
        return None
    return geom


def polygons_of(geom):
    """Polygons as lists of rings of (x, y) for logic.area.AreaFilter."""
    geom = QgsGeometry(geom)
    if geom.isMultipart():
        polys = geom.asMultiPolygon()
    else:
        polys = [geom.asPolygon()]
    return [[[(p.x(), p.y()) for p in ring] for ring in poly] for poly in polys if poly]


def _fail(err: HammError):
    raise QgsProcessingException(err.user_message) from err


class TwinAlgorithm(HammAlgorithm):
    PLUGIN_ID = "hamm_twin"

    def area(self, parameters, context):
        """None, an (xmin, ymin, xmax, ymax) box in EPSG:25832, or (with the optional
        polygon parameter AREA, e.g. a district) an AreaFilter; extent and polygons
        together mean their intersection."""
        box = None
        if parameters.get("EXTENT") not in (None, ""):
            rect = self.parameterAsExtent(parameters, "EXTENT", context, CRS)
            if rect is not None and not rect.isNull() and not rect.isEmpty():
                box = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        if "AREA" not in [p.name() for p in self.parameterDefinitions()] or \
                parameters.get("AREA") in (None, ""):
            return box
        source = self.parameterAsSource(parameters, "AREA", context)
        if source is None:
            return box
        geom = area_geometry(source, context, box)
        if geom is None:
            raise QgsProcessingException(self.tr(
                "The area layer has no polygons (inside the extent): nothing would be "
                "imported. Choose polygons, e.g. a district."))
        return AreaFilter(polygons_of(geom))

    def files(self, parameters, context, name="INPUT", folder="FOLDER"):
        paths = list(self.parameterAsFileList(parameters, name, context) or []) if name else []
        if folder:
            directory = self.parameterAsFile(parameters, folder, context)
            if directory:
                paths.append(directory)
        return paths

    def load_on_completion(self, context, uri, name, styler):
        details = QgsProcessingContext.LayerDetails(name, context.project(), name)
        details.setPostProcessor(StyleOnLoad(styler))
        context.addLayerToLoadOnCompletion(uri, details)


class _ImportBase(TwinAlgorithm):
    GROUP_ID = "buildings"
    GROUP = "Buildings"

    def add_input_parameters(self):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "INPUT", self.tr("LoD2 files (CityGML .gml/.xml, CityJSON .json/.jsonl)"),
            QgsProcessing.TypeFile, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "FOLDER", self.tr("Folder with LoD2 tiles (optional)"),
            QgsProcessingParameterFile.Folder, optional=True))
        self.addParameter(QgsProcessingParameterExtent(
            "EXTENT", self.tr("Area (empty = everything)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "AREA", self.tr("Only inside these polygons, e.g. a district (optional)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))

    def add_count_outputs(self):
        for name, label in (("BUILDING_COUNT", self.tr("Buildings imported")),
                            ("SURFACE_COUNT", self.tr("Surfaces imported")),
                            ("UPDATED", self.tr("Buildings replaced"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def run_import(self, parameters, context, feedback, out, target=None):
        paths = lod2.expand_inputs(self.files(parameters, context))
        if not paths:
            raise QgsProcessingException(self.tr(
                "No LoD2 files were given: choose files or a folder with .gml, .xml, .json "
                "or .jsonl tiles."))
        area = self.area(parameters, context)

        def on_error(path, err):
            feedback.reportError(self.tr("{file}: {error}").format(
                file=os.path.basename(path), error=err.user_message))

        try:
            if target is not None and callable(target):
                target = target()
            result = store.import_files(paths, out, area=area, feedback=feedback,
                                        on_error=on_error, target=target)
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
        return result


class ImportLod2Algorithm(_ImportBase):
    NAME = "import_lod2"
    DISPLAY = "Import LoD2 buildings (CityGML, CityJSON)"
    HELP = ("Imports LoD2 building models into a GeoPackage: CityGML 1.0 and 2.0 as the state "
            "survey of NRW publishes them (and CityGML 3.0 buildings), CityJSON 1.1/2.0 and "
            "CityJSONSeq. Many tiles at once (files or a folder); only buildings meeting the "
            "chosen extent and, if given, the chosen polygons (e.g. a district) are "
            "imported. The files are streamed, so large tiles need little "
            "memory. Result: the layer 'gebaeude' (footprint, measured height, roof type, "
            "storeys, function with German labels, ground, eaves and ridge heights, source "
            "tile) and the layer 'gebaeude_flaechen' (roof, wall and ground surfaces as 3D "
            "polygons with type, area, tilt and orientation). A building found in several "
            "tiles is imported once (by gml:id); importing into an existing GeoPackage "
            "replaces the buildings imported before instead of duplicating them. The files "
            "must be in EPSG:25832.")

    def initAlgorithm(self, config=None):
        self.add_input_parameters()
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Building GeoPackage (created or updated)"),
            "GeoPackage (*.gpkg)"))
        self.addOutput(QgsProcessingOutputVectorLayer(
            "BUILDINGS", self.tr("LoD2 buildings"), QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputVectorLayer(
            "SURFACES", self.tr("LoD2 surfaces (3D)"), QgsProcessing.TypeVectorPolygon))
        self.add_count_outputs()

    def processAlgorithm(self, parameters, context, feedback):
        out = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not out.lower().endswith(".gpkg"):
            out += ".gpkg"
        result = self.run_import(parameters, context, feedback, out)
        styles.save_default_styles(out)
        api.set_buildings_gpkg(out)
        from ..adapters.twin import remember_import
        remember_import("gpkg")
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


class ImportLod2PostgisAlgorithm(_ImportBase):
    NAME = "import_lod2_postgis"
    DISPLAY = "Import LoD2 buildings into PostGIS"
    HELP = ("Imports LoD2 building models (CityGML 1.0/2.0/3.0, CityJSON 1.1/2.0, "
            "CityJSONSeq) into a PostGIS database: the tables 'gebaeude' (footprint with "
            "heights, roof type, storeys, function, source tile) and 'gebaeude_flaechen' "
            "(roof, wall and ground surfaces as 3D polygons) in the chosen schema, created "
            "if missing. The database is the name of a PostgreSQL connection saved in QGIS "
            "(Browser > PostgreSQL; its authentication comes along) or a connection string "
            "(dbname=... host=... port=... user=...). Only buildings meeting the extent and "
            "the polygons (if given) are imported. Buildings imported before (same gml:id) "
            "are replaced instead of duplicated; each batch of buildings is written in one "
            "transaction.")

    def initAlgorithm(self, config=None):
        self.add_input_parameters()
        self.addParameter(QgsProcessingParameterString(
            "DATABASE", self.tr("PostgreSQL connection (saved name or connection string)")))
        self.addParameter(QgsProcessingParameterString(
            "SCHEMA", self.tr("Schema"), defaultValue="zwilling"))
        self.addOutput(QgsProcessingOutputVectorLayer(
            "BUILDINGS", self.tr("LoD2 buildings"), QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputVectorLayer(
            "SURFACES", self.tr("LoD2 surfaces (3D)"), QgsProcessing.TypeVectorPolygon))
        self.add_count_outputs()

    def processAlgorithm(self, parameters, context, feedback):
        from ..adapters.pg_store import PostgisLod2Store
        database = self.parameterAsString(parameters, "DATABASE", context)
        schema = self.parameterAsString(parameters, "SCHEMA", context) or "zwilling"
        holder = {}

        def target():
            holder["store"] = PostgisLod2Store(database, schema)
            return holder["store"]

        result = self.run_import(parameters, context, feedback, "", target=target)
        pg = holder["store"]
        b_uri, s_uri = pg.layer_uri(store.BUILDINGS), pg.layer_uri(store.SURFACES)
        from ..adapters.twin import remember_import
        remember_import("postgis", b_uri, s_uri)
        if context.project() is not None:
            self.load_on_completion(context, "postgres://" + b_uri,
                                    self.tr("LoD2 buildings"), styles.style_buildings)
            self.load_on_completion(context, "postgres://" + s_uri,
                                    self.tr("LoD2 surfaces (3D)"), styles.style_surfaces)
        return {"BUILDINGS": b_uri, "SURFACES": s_uri,
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


class PointCloudAlgorithm(TwinAlgorithm):
    NAME = "load_point_cloud"
    DISPLAY = "Load point cloud"
    GROUP_ID = "terrain"
    GROUP = "Terrain and surface models"
    HELP = ("Loads a point cloud into the layer group 'Digitaler Zwilling', styled by "
            "classification (ground, vegetation, buildings …) or, without classes, by "
            "height, with a 3D renderer for the 3D view. EPT (Entwine Point Tile: the file "
            "ept.json, on disk or as a URL) loads on every QGIS from 3.18 on. LAS, LAZ "
            "and COPC files load natively only where QGIS was built with PDAL; elsewhere "
            "(e.g. QGIS 3.22 of Debian) the tool says so and, if chosen, derives a DSM and "
            "an nDSM (object heights) from the LAS points instead. A point cloud that is "
            "not in EPSG:25832 is loaded with a warning and reprojected on the fly by QGIS.")
    def flags(self):
        return super().flags() | self.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Point cloud (ept.json or its URL, LAS, LAZ, COPC)"),
            fileFilter=self.tr("Point clouds") + " (ept.json *.las *.laz);;EPT (ept.json)"))
        self.addParameter(QgsProcessingParameterString(
            "NAME", self.tr("Layer name (empty = from the file)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "DERIVE", self.tr("Where QGIS cannot show LAS/LAZ: derive DSM and nDSM instead"),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber(
            "CELL", self.tr("Cell size of the derived DSM/nDSM [m]"),
            QgsProcessingParameterNumber.Double, 1.0, minValue=0.05, maxValue=1000.0))
        self.addOutput(QgsProcessingOutputString("SOURCE", self.tr("Point cloud source")))
        self.addOutput(QgsProcessingOutputNumber("POINTS", self.tr("Points")))
        self.addOutput(QgsProcessingOutputString("CRS", self.tr("CRS of the point cloud")))
        self.addOutput(QgsProcessingOutputString("DSM", self.tr("Derived DSM")))
        self.addOutput(QgsProcessingOutputString("NDSM", self.tr("Derived nDSM")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..adapters import pointcloud
        source = (self.parameterAsFile(parameters, "INPUT", context) or "").strip()
        if not source:
            raise QgsProcessingException(self.tr("No point cloud was given."))
        name = self.parameterAsString(parameters, "NAME", context)
        self._load = None
        try:
            made = pointcloud.make_layer(source, name)
        except pointcloud.PointCloudUnsupported as err:
            if not self.parameterAsBoolean(parameters, "DERIVE", context):
                _fail(err)
            feedback.pushWarning(err.user_message)
            return self._derive(source, parameters, context, feedback)
        except HammError as err:
            _fail(err)
        layer = made["layer"]
        for warning in made["warnings"]:
            feedback.pushWarning(warning)
        outputs = {"SOURCE": layer.source(), "POINTS": int(layer.pointCount()),
                   "CRS": layer.crs().authid(), "DSM": "", "NDSM": ""}
        self._load = (source, layer.name())
        del layer, made
        feedback.pushInfo(self.tr("Point cloud with {n} points ({crs}).").format(
            n=outputs["POINTS"], crs=outputs["CRS"]))
        return outputs

    def _derive(self, source, parameters, context, feedback):
        import tempfile

        import processing
        base = os.path.splitext(os.path.basename(source))[0]
        from qgis.core import QgsProcessingUtils
        folder = tempfile.mkdtemp(prefix="dsm_", dir=QgsProcessingUtils.tempFolder())
        from hamm_core.adapters.settings import Settings
        dtm = Settings(api.SECTION).value(api.KEY_TERRAIN, "", str)
        params = {"INPUT": [source], "CELL": self.parameterAsDouble(parameters, "CELL",
                                                                    context),
                  "STAT": 0, "DSM": os.path.join(folder, base + "_dom.tif"),
                  "NDSM": os.path.join(folder, base + "_ndom.tif")}
        if dtm and os.path.exists(dtm):
            params["DTM"] = dtm
        res = processing.run("hamm_twin:las_dsm", params, context=context, feedback=feedback,
                             is_child_algorithm=True)
        feedback.pushInfo(self.tr("Instead of the points: DSM and nDSM derived ({dsm}, "
                                  "{ndsm}).").format(dsm=res["DSM"], ndsm=res["NDSM"]))
        if context.project() is not None:
            self.load_on_completion(context, res["NDSM"], self.tr("Object heights (nDSM)"),
                                    styles.style_terrain)
        return {"SOURCE": source, "POINTS": 0, "CRS": "", "DSM": res["DSM"],
                "NDSM": res["NDSM"]}

    def postProcessAlgorithm(self, context, feedback):
        load = getattr(self, "_load", None)
        if load is not None and context.project() is not None:
            from ..adapters import pointcloud
            try:
                pointcloud.load_point_cloud(load[0], load[1], context.project(),
                                            remember=True)
            except HammError as err:
                feedback.reportError(err.user_message)
        return {}


class PanoramaAlgorithm(TwinAlgorithm):
    NAME = "import_panoramas"
    DISPLAY = "Import panorama index"
    GROUP_ID = "panoramas"
    GROUP = "Panoramas"
    HELP = ("Makes a point layer of street-level panoramas (equirectangular images) from "
            "an index file or from the images themselves. Index: CSV (separated by comma, "
            "semicolon or tab) or JSON (a list of objects, {\"panoramas\": [...]} or a "
            "GeoJSON FeatureCollection) with the columns image (path relative to the index "
            "or URL), x/y or lon/lat, heading (compass direction of the image centre), "
            "time. Images: a folder of JPEGs whose GPS position (EXIF or XMP) and GPano "
            "heading are read. The CRS of the index is EPSG:25832 unless the file names "
            "one, it has lon/lat columns (EPSG:4326) or you choose one. Images that are "
            "missing are reported and flagged (bild_vorhanden = 0). Open the panoramas "
            "with the panorama viewer of the plugin: a click on the map shows the nearest "
            "panorama looking at the clicked point.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Panorama index (CSV, JSON, GeoJSON)"), optional=True,
            fileFilter="CSV/JSON (*.csv *.txt *.json *.geojson)"))
        self.addParameter(QgsProcessingParameterFile(
            "FOLDER", self.tr("Folder with panorama JPEGs (tags are read)"),
            QgsProcessingParameterFile.Folder, optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            "CRS", self.tr("CRS of the index coordinates (empty = from the file)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Panoramas"), QgsProcessing.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Panoramas")))
        self.addOutput(QgsProcessingOutputNumber("MISSING", self.tr("Images missing")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..adapters import panoramas
        paths = self.files(parameters, context, name=None)
        index_file = self.parameterAsFile(parameters, "INPUT", context)
        if index_file:
            paths.insert(0, index_file)
        epsg = None
        if parameters.get("CRS") not in (None, ""):
            crs = self.parameterAsCrs(parameters, "CRS", context)
            if crs.isValid():
                if not crs.authid().upper().startswith("EPSG:"):
                    raise QgsProcessingException(self.tr(
                        "Choose an EPSG CRS for the index."))
                epsg = int(crs.authid().split(":")[1])
        try:
            index = panoramas.read_source(paths, epsg)
        except HammError as err:
            _fail(err)
        if not index.panoramas:
            raise QgsProcessingException(self.tr(
                "No panorama could be read: {problems}").format(
                    problems=" ".join(index.problems[:5]) or "-"))
        for problem in index.problems[:50]:
            feedback.pushWarning(problem)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, panoramas.fields(),
                                          QgsWkbTypes.Point, CRS)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        for feat in panoramas.features(index):
            sink.addFeature(feat)
        del sink
        missing = len(index.missing)
        feedback.pushInfo(self.tr("{n} panoramas, {m} images missing.").format(
            n=len(index.panoramas), m=missing))
        if context.willLoadLayerOnCompletion(dest):
            details = context.layerToLoadOnCompletionDetails(dest)
            details.setPostProcessor(StyleOnLoad(panoramas.style))
        return {"OUTPUT": dest, "COUNT": len(index.panoramas), "MISSING": missing}


class TwinProvider(HammProvider):
    PROVIDER_ID = "hamm_twin"
    TITLE = "Digitales Hamm – Digital twin"
    PLUGIN_ID = "hamm_twin"
    ICON = os.path.join(PLUGIN_DIR, "icons", "icon.svg")
    ALGORITHMS = [ImportLod2Algorithm, ImportLod2PostgisAlgorithm, TerrainAlgorithm,
                  DsmAlgorithm, PanoramaAlgorithm, PointCloudAlgorithm]

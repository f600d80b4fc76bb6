"""Processing provider of hamm_signals: model, zones, check, camera view, hand-over."""

import json
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from hamm_core.logic.errors import HammError
from hamm_core.processing.base import HammAlgorithm, HammProvider

from ..adapters import layers as lay
from ..adapters import model_gpkg, model_pg, pilot, report_pdf
from ..logic import checks, crossings, handover, model
from ..logic import zones as zlogic
from ..logic.camera import camera_from_record
from ..logic.errors import SignalsError

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
CRS = QgsCoordinateReferenceSystem("EPSG:25832")


def _fail(err: HammError):
    raise QgsProcessingException(err.user_message) from err


class SignalsAlgorithm(HammAlgorithm):
    PLUGIN_ID = "hamm_signals"
    GROUP_ID = "zones"
    GROUP = "Detection zones"

    def source(self, parameters, name, context, label, required=True):
        src = self.parameterAsSource(parameters, name, context)
        if src is None:
            if required:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            return None
        try:
            lay.require_crs(src, label)
        except SignalsError as err:
            _fail(err)
        return src


class CreateModelAlgorithm(SignalsAlgorithm):
    NAME = "create_model"
    DISPLAY = "Create junction model (GeoPackage)"
    HELP = ("Creates in one step a GeoPackage for the detection zones of a junction: junctions, "
            "cameras, signal groups, lanes, stop lines and detection zones in EPSG:25832, with "
            "German forms, styles and rules (a zone belongs to one camera and to that camera's "
            "junction). With a street layer, the junction where the two named streets meet is "
            "laid out: signal groups, two lanes and a stop line per arm, one camera per arm and "
            "waiting zones of the given length before each stop line, plus pedestrian waiting "
            "areas. An existing file is never overwritten.")
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "STREETS", self.tr("Street layer (optional, to lay out the junction)"),
            [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterString(
            "STREET_A", self.tr("First street"), defaultValue=pilot.PILOT_A))
        self.addParameter(QgsProcessingParameterString(
            "STREET_B", self.tr("Second street"), defaultValue=pilot.PILOT_B))
        self.addParameter(QgsProcessingParameterNumber(
            "ZONE_LENGTH", self.tr("Zone length before the stop line [m]"),
            QgsProcessingParameterNumber.Double, 20.0, minValue=1.0, maxValue=500.0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Model GeoPackage"), "GeoPackage (*.gpkg)"))
        self.addParameter(QgsProcessingParameterBoolean(
            "LOAD", self.tr("Load the model into the project (styled, with relations)"),
            defaultValue=True))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        self._load = self.parameterAsBoolean(parameters, "LOAD", context)
        self._path = path
        streets = self.source(parameters, "STREETS", context, self.tr("streets"), required=False)
        try:
            model_gpkg.create_model(path, feedback)
        except HammError as err:
            _fail(err)
        # the file is new (create_model never overwrites): a model that cannot be laid out
        # is removed again rather than left half-filled
        try:
            feedback.setProgress(40)
            if streets is not None:
                pilot.fill_junction(
                    path, streets, self.parameterAsString(parameters, "STREET_A", context),
                    self.parameterAsString(parameters, "STREET_B", context),
                    zone_length=self.parameterAsDouble(parameters, "ZONE_LENGTH", context),
                    feedback=feedback)
        except BaseException as err:
            if not model_gpkg.discard_model(path):
                feedback.reportError(self.tr("The unfinished model {path} could not be removed; "
                                             "delete it before trying again.").format(path=path))
            if isinstance(err, HammError):
                _fail(err)
            raise
        feedback.setProgress(100)
        return {self.OUTPUT: path}

    def postProcessAlgorithm(self, context, feedback):
        # on the main thread, after the model is written: add its layers to the project
        if getattr(self, "_load", False) and context.project() is not None:
            try:
                model_gpkg.load_model(self._path, context.project())
            except HammError as err:
                feedback.reportError(err.user_message)
        return {}


class CreateModelPostgisAlgorithm(SignalsAlgorithm):
    NAME = "create_model_postgis"
    DISPLAY = "Create junction model (PostGIS schema)"
    HELP = ("Creates in one step a new PostGIS schema for the detection zones of a junction: "
            "junctions, cameras, signal groups, lanes, stop lines and detection zones in "
            "EPSG:25832. The database itself enforces the rules with foreign keys and check "
            "constraints (a zone belongs to one camera and to that camera's junction; heading, "
            "tilt, height, range, road-user class and a valid outline). German forms and styles "
            "are stored in the database (table layer_styles) as each layer's default style. "
            "With a street layer, the junction where the two named streets meet is laid out as "
            "in the GeoPackage variant. An existing schema is never changed. The connection is "
            "a PostgreSQL connection saved in QGIS or a connection string.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterProviderConnection(
            "CONNECTION", self.tr("PostgreSQL connection"), "postgres"))
        self.addParameter(QgsProcessingParameterString(
            "SCHEMA", self.tr("New schema"), defaultValue="lsa_knoten"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "STREETS", self.tr("Street layer (optional, to lay out the junction)"),
            [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterString(
            "STREET_A", self.tr("First street"), defaultValue=pilot.PILOT_A))
        self.addParameter(QgsProcessingParameterString(
            "STREET_B", self.tr("Second street"), defaultValue=pilot.PILOT_B))
        self.addParameter(QgsProcessingParameterNumber(
            "ZONE_LENGTH", self.tr("Zone length before the stop line [m]"),
            QgsProcessingParameterNumber.Double, 20.0, minValue=1.0, maxValue=500.0))
        self.addParameter(QgsProcessingParameterBoolean(
            "LOAD", self.tr("Load the model into the project (styled, with relations)"),
            defaultValue=True))
        self.addOutput(QgsProcessingOutputString("SCHEMA", self.tr("Schema")))
        self.addOutput(QgsProcessingOutputNumber("ZONES", self.tr("Zones")))

    def processAlgorithm(self, parameters, context, feedback):
        target = self.parameterAsConnectionName(parameters, "CONNECTION", context) or \
            self.parameterAsString(parameters, "CONNECTION", context)
        schema = self.parameterAsString(parameters, "SCHEMA", context)
        streets = self.source(parameters, "STREETS", context, self.tr("streets"), required=False)
        zones = 0
        try:
            pm = model_pg.create_model(target, schema, feedback)
            feedback.setProgress(40)
            if streets is not None:
                zones = pilot.fill_junction(
                    pm, streets, self.parameterAsString(parameters, "STREET_A", context),
                    self.parameterAsString(parameters, "STREET_B", context),
                    zone_length=self.parameterAsDouble(parameters, "ZONE_LENGTH", context),
                    feedback=feedback)["zones"]
        except HammError as err:
            _fail(err)
        feedback.setProgress(100)
        self._load = self.parameterAsBoolean(parameters, "LOAD", context)
        self._model = pm
        return {"SCHEMA": pm.schema, "ZONES": zones}

    def postProcessAlgorithm(self, context, feedback):
        if getattr(self, "_load", False) and context.project() is not None:
            try:
                model_pg.load_model(self._model.target, self._model.schema, context.project(),
                                    "{} ({})".format(self.tr("Detection zones"),
                                                     self._model.schema))
            except HammError as err:
                feedback.reportError(err.user_message)
        return {}


def _zone_sink_fields() -> QgsFields:
    return lay.model_fields(model.ZONES)


def _zone_sink(alg, parameters, context):
    """(sink, destination, fields) of the OUTPUT detection-zone layer."""
    fields = _zone_sink_fields()
    sink, dest = alg.parameterAsSink(parameters, "OUTPUT", context, fields,
                                     QgsWkbTypes.Polygon, CRS)
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, "OUTPUT"))
    return sink, dest, fields


def _usable_cameras(cams_src, feedback) -> list:
    """The cameras of an optional source; one that cannot be used is reported and skipped."""
    cams = []
    if cams_src is not None:
        for rec in lay.camera_records(cams_src):
            try:
                cams.append(camera_from_record(rec))
            except SignalsError as err:
                feedback.reportError(err.user_message)
    return cams


class GenerateZonesAlgorithm(SignalsAlgorithm):
    NAME = "generate_zones"
    DISPLAY = "Generate zones before stop lines"
    HELP = ("For each lane (a line drawn in the direction of travel) that crosses a stop line, "
            "creates a detection zone of length L and width W right before the stop line. The "
            "zone gets the lane's junction and signal group and the camera of the junction that "
            "sees it best. Layers must be in EPSG:25832.")
    CLASS_VALUES = ["car", "bike", "pedestrian"]
    FUNCTION_VALUES = [v for v, _ in model.FUNCTIONS]

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "LANES", self.tr("Lanes"), [QgsProcessing.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "STOP_LINES", self.tr("Stop lines"), [QgsProcessing.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CAMERAS", self.tr("Cameras"), [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "LENGTH", self.tr("Zone length L [m]"), QgsProcessingParameterNumber.Double, 20.0,
            minValue=0.5, maxValue=500.0))
        self.addParameter(QgsProcessingParameterNumber(
            "WIDTH", self.tr("Zone width W [m]"), QgsProcessingParameterNumber.Double, 3.0,
            minValue=0.5, maxValue=20.0))
        self.addParameter(QgsProcessingParameterEnum(
            "CLASSES", self.tr("Road-user classes"),
            [self.tr("car"), self.tr("bike"), self.tr("pedestrian")], allowMultiple=True,
            defaultValue=[0, 1]))
        self.addParameter(QgsProcessingParameterEnum(
            "FUNCTION", self.tr("Zone function"),
            [self.tr("waiting position"), self.tr("approach/request"), self.tr("counting")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Detection zones"), QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Zones generated")))

    def processAlgorithm(self, parameters, context, feedback):
        lanes = self.source(parameters, "LANES", context, self.tr("lanes"))
        stops = self.source(parameters, "STOP_LINES", context, self.tr("stop lines"))
        cams_src = self.source(parameters, "CAMERAS", context, self.tr("cameras"), required=False)
        length = self.parameterAsDouble(parameters, "LENGTH", context)
        width = self.parameterAsDouble(parameters, "WIDTH", context)
        classes = [self.CLASS_VALUES[i] for i in self.parameterAsEnums(parameters, "CLASSES", context)]
        function = self.FUNCTION_VALUES[self.parameterAsEnum(parameters, "FUNCTION", context)]
        cams = _usable_cameras(cams_src, feedback)
        stop_recs = [(lay.feature_record(f), lay.line_points(f.geometry()))
                     for f in stops.getFeatures()]
        sink, dest, fields = _zone_sink(self, parameters, context)
        lane_feats = list(lanes.getFeatures())
        if not lane_feats:
            raise QgsProcessingException(self.tr("The lane layer is empty: there is nothing to "
                                                 "generate zones for."))
        made = 0
        for i, feat in enumerate(lane_feats):
            if feedback.isCanceled():
                break
            rec = lay.feature_record(feat)
            pts = lay.line_points(feat.geometry())
            label = "{} {}".format(rec.get("zufahrt") or "", rec.get("fahrstreifen_nr") or rec["fid"]).strip()
            # the stop line of this lane: by reference, else the first one the lane crosses
            cands = [s for s in stop_recs if s[0].get("fahrstreifen_id") == rec["fid"]] or \
                [s for s in stop_recs if len(s[1]) >= 2 and zlogic.stop_position(pts, s[1]) is not None]
            if not cands:
                feedback.reportError(self.tr("Lane {lane} crosses no stop line and was skipped.")
                                     .format(lane=label))
                continue
            try:
                ring = zlogic.zone_before_stop(pts, cands[0][1], length, width, label)
            except SignalsError as err:
                feedback.reportError(err.user_message)
                continue
            cam = zlogic.best_camera(ring, cams)
            zone = {"knoten_id": rec.get("knoten_id"), "kamera_id": cam.ident if cam else None,
                    "name": "Z{}".format(rec["fid"]), "funktion": function,
                    "fahrstreifen_id": rec["fid"],
                    "signalgruppe_id": rec.get("signalgruppe_id") or cands[0][0].get("signalgruppe_id"),
                    "prioritaet": 1, "ring": ring}
            for cls, fld in model.CLASS_FIELDS.items():
                zone[fld] = cls in classes
            sink.addFeature(lay.zone_feature(fields, zone), QgsFeatureSink.FastInsert)
            made += 1
            feedback.setProgress(100.0 * (i + 1) / len(lane_feats))
        feedback.pushInfo(self.tr("{n} zones generated.").format(n=made))
        return {"OUTPUT": dest, "COUNT": made}


class CrossingZonesAlgorithm(SignalsAlgorithm):
    NAME = "generate_crossing_zones"
    DISPLAY = "Generate waiting areas at crossings"
    HELP = ("Pedestrian waiting areas: for each crossing line (a crosswalk drawn across the "
            "carriageway from kerb to kerb) a zone on the sidewalk at both ends, of the given "
            "depth beyond the kerb point (after the distance from the kerb) and the given width "
            "centred on the line. Bike waiting areas: for each bike stop line a zone of the "
            "given depth right before it, as wide as the stop line; the approach side is taken "
            "from a bike lane crossing the stop line, else the stop line is expected to be "
            "drawn from left to right as the arriving cyclist sees it. The zones get the "
            "junction and signal group of their line (fields knoten_id, signalgruppe_id) and "
            "the camera that sees them best. Layers must be in EPSG:25832.")
    KINDS = ["pedestrian", "bike"]
    FUNCTION_VALUES = [v for v, _ in model.FUNCTIONS]

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", self.tr("Crossing lines or bike stop lines"),
            [QgsProcessing.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterEnum(
            "KIND", self.tr("Waiting areas for"),
            [self.tr("pedestrians at both ends of each crossing"),
             self.tr("cyclists before each bike stop line")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "DEPTH", self.tr("Depth of the waiting area [m]"),
            QgsProcessingParameterNumber.Double, 2.0, minValue=0.2, maxValue=50.0))
        self.addParameter(QgsProcessingParameterNumber(
            "WIDTH", self.tr("Width of a pedestrian waiting area [m]"),
            QgsProcessingParameterNumber.Double, 4.0, minValue=0.2, maxValue=50.0))
        self.addParameter(QgsProcessingParameterNumber(
            "SETBACK", self.tr("Distance from the kerb or stop line [m]"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0, maxValue=20.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "LANES", self.tr("Bike lanes in the direction of travel (optional)"),
            [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CAMERAS", self.tr("Cameras"), [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "FUNCTION", self.tr("Zone function"),
            [self.tr("waiting position"), self.tr("approach/request"), self.tr("counting")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Waiting areas"), QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Zones generated")))

    def processAlgorithm(self, parameters, context, feedback):
        # a line without length is reported and skipped here, with the line's name
        context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        lines = self.source(parameters, "INPUT", context, self.tr("crossings"))
        lanes_src = self.source(parameters, "LANES", context, self.tr("lanes"), required=False)
        cams_src = self.source(parameters, "CAMERAS", context, self.tr("cameras"), required=False)
        kind = self.KINDS[self.parameterAsEnum(parameters, "KIND", context)]
        depth = self.parameterAsDouble(parameters, "DEPTH", context)
        width = self.parameterAsDouble(parameters, "WIDTH", context)
        setback = self.parameterAsDouble(parameters, "SETBACK", context)
        function = self.FUNCTION_VALUES[self.parameterAsEnum(parameters, "FUNCTION", context)]
        cams = _usable_cameras(cams_src, feedback)
        lanes = []
        if lanes_src is not None:
            lanes = [(lay.feature_record(f), lay.line_points(f.geometry()))
                     for f in lanes_src.getFeatures()]
        sink, dest, fields = _zone_sink(self, parameters, context)
        feats = list(lines.getFeatures())
        if not feats:
            raise QgsProcessingException(self.tr("The input layer is empty: there are no "
                                                 "crossings or stop lines."))
        made = 0
        for i, feat in enumerate(feats):
            if feedback.isCanceled():
                break
            rec = lay.feature_record(feat)
            pts = lay.line_points(feat.geometry())
            base = {"knoten_id": rec.get("knoten_id"), "signalgruppe_id": rec.get("signalgruppe_id"),
                    "funktion": function, "prioritaet": 2 if kind == "pedestrian" else 1,
                    "klasse_kfz": False, "klasse_rad": kind == "bike",
                    "klasse_fuss": kind == "pedestrian"}
            try:
                if kind == "pedestrian":
                    rings = crossings.crossing_waiting_areas(pts, depth, width, setback,
                                                             "F{}".format(rec["fid"]))
                    zones = [dict(base, name="F{}{}".format(rec["fid"], end), ring=ring)
                             for end, ring in zip("ab", rings)]
                else:
                    ring, used = crossings.bike_waiting_area(
                        pts, depth, setback, [lane[1] for lane in lanes],
                        "R{}".format(rec["fid"]))
                    zone = dict(base, name="R{}".format(rec["fid"]), ring=ring)
                    if used is not None:
                        zone["fahrstreifen_id"] = lanes[used][0]["fid"]
                        zone["signalgruppe_id"] = zone["signalgruppe_id"] or \
                            lanes[used][0].get("signalgruppe_id")
                    zones = [zone]
            except SignalsError as err:
                feedback.reportError(err.user_message)
                continue
            for zone in zones:
                cam = zlogic.best_camera(zone["ring"], cams)
                zone["kamera_id"] = cam.ident if cam else None
                sink.addFeature(lay.zone_feature(fields, zone), QgsFeatureSink.FastInsert)
                made += 1
            feedback.setProgress(100.0 * (i + 1) / len(feats))
        feedback.pushInfo(self.tr("{n} zones generated.").format(n=made))
        return {"OUTPUT": dest, "COUNT": made}


class CheckJunctionAlgorithm(SignalsAlgorithm):
    NAME = "check_junction"
    DISPLAY = "Check detection zones"
    HELP = ("Checks every detection zone against its camera: inside the field of view and the "
            "detection range; the smallest road user of the zone's classes at least N pixels "
            "tall and wide at the zone's far edge; no line of sight blocked by buildings (when a "
            "building layer with heights is given); no overlaps within one class and lane; "
            "plausible zone size. The report lists every finding with the zone, the rule and "
            "an explanation.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "ZONES", self.tr("Detection zones"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CAMERAS", self.tr("Cameras"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "BUILDINGS", self.tr("Buildings with heights (optional)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "HEIGHT_FIELD", self.tr("Building height field [m]"), "hoehe", "BUILDINGS",
            QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_PIXELS", self.tr("Minimum size of a road user [pixels]"),
            QgsProcessingParameterNumber.Double, 20.0, minValue=1.0, maxValue=1000.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Check report"), QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", self.tr("Errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", self.tr("Warnings")))

    def processAlgorithm(self, parameters, context, feedback):
        # invalid zones (self-intersections) are findings of the check, not a reason to stop
        context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        zones_src = self.source(parameters, "ZONES", context, self.tr("detection zones"))
        cams_src = self.source(parameters, "CAMERAS", context, self.tr("cameras"))
        buildings = self.source(parameters, "BUILDINGS", context, self.tr("buildings"),
                                required=False)
        height_field = self.parameterAsString(parameters, "HEIGHT_FIELD", context) or "hoehe"
        try:
            rings = lay.building_rings(buildings, height_field) if buildings else []
        except SignalsError as err:
            _fail(err)
        opts = checks.CheckOptions(min_pixels=self.parameterAsDouble(parameters, "MIN_PIXELS",
                                                                     context))
        feedback.setProgress(10)
        findings = checks.check_junction(lay.zone_records(zones_src),
                                         lay.camera_records(cams_src), rings, opts)
        feedback.setProgress(90)
        fields = report_fields()
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                          QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        for f in findings:
            feat = QgsFeature(fields)
            feat.setAttributes(f.as_row())
            sink.addFeature(feat, QgsFeatureSink.FastInsert)
            (feedback.reportError if f.severity == checks.ERROR else feedback.pushWarning)(
                "{}: {}".format(f.zone_name or "-", f.message))
        counts = checks.summary(findings)
        feedback.pushInfo(self.tr("{errors} errors, {warnings} warnings.").format(
            errors=counts[checks.ERROR], warnings=counts[checks.WARNING]))
        return {"OUTPUT": dest, "ERRORS": counts[checks.ERROR],
                "WARNINGS": counts[checks.WARNING]}


class CheckReportAlgorithm(SignalsAlgorithm):
    NAME = "check_report_pdf"
    DISPLAY = "Check report as PDF"
    HELP = ("Runs the check of the detection zones (as 'Check detection zones') and writes a "
            "PDF report from a QGIS print layout: page 1 with the title, a summary, a map of "
            "the junction with the zones, the cameras and their fields of view, lanes and stop "
            "lines, zones with errors outlined in red, legend and scale bar; from page 2 the "
            "table of every finding with the zone, the camera, the rule, the severity and the "
            "explanation.")

    def flags(self):
        # print layouts render on the main thread
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "ZONES", self.tr("Detection zones"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CAMERAS", self.tr("Cameras"), [QgsProcessing.TypeVectorPoint]))
        _add_report_parameters(self)
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("PDF report"), self.tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages")))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", self.tr("Errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", self.tr("Warnings")))

    def processAlgorithm(self, parameters, context, feedback):
        context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        zones_src = self.source(parameters, "ZONES", context, self.tr("detection zones"))
        cams_src = self.source(parameters, "CAMERAS", context, self.tr("cameras"))
        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        return _write_check_report(self, parameters, context, feedback, zones_src, cams_src,
                                   path)


def _add_report_parameters(alg) -> None:
    """The optional inputs of the PDF check report (map content, optics threshold, title)."""
    alg.addParameter(QgsProcessingParameterFeatureSource(
        "LANES", alg.tr("Lanes (optional, for the map)"), [QgsProcessing.TypeVectorLine],
        optional=True))
    alg.addParameter(QgsProcessingParameterFeatureSource(
        "STOP_LINES", alg.tr("Stop lines (optional, for the map)"),
        [QgsProcessing.TypeVectorLine], optional=True))
    alg.addParameter(QgsProcessingParameterFeatureSource(
        "BUILDINGS", alg.tr("Buildings with heights (optional)"),
        [QgsProcessing.TypeVectorPolygon], optional=True))
    alg.addParameter(QgsProcessingParameterField(
        "HEIGHT_FIELD", alg.tr("Building height field [m]"), "hoehe", "BUILDINGS",
        QgsProcessingParameterField.Numeric, optional=True))
    alg.addParameter(QgsProcessingParameterNumber(
        "MIN_PIXELS", alg.tr("Minimum size of a road user [pixels]"),
        QgsProcessingParameterNumber.Double, 20.0, minValue=1.0, maxValue=1000.0))
    alg.addParameter(QgsProcessingParameterString(
        "TITLE", alg.tr("Title"), defaultValue=alg.tr("Check report: detection zones")))


def _write_check_report(alg, parameters, context, feedback, zones_src, cams_src,
                        path: str) -> dict:
    """Check the zones and write the PDF report to ``path``; the outputs of the report."""
    lanes = alg.source(parameters, "LANES", context, alg.tr("lanes"), required=False)
    stops = alg.source(parameters, "STOP_LINES", context, alg.tr("stop lines"),
                       required=False)
    buildings = alg.source(parameters, "BUILDINGS", context, alg.tr("buildings"),
                           required=False)
    height_field = alg.parameterAsString(parameters, "HEIGHT_FIELD", context) or "hoehe"
    min_px = alg.parameterAsDouble(parameters, "MIN_PIXELS", context)
    try:
        rings = lay.building_rings(buildings, height_field) if buildings else []
    except SignalsError as err:
        _fail(err)
    zones = lay.zone_records(zones_src)
    cams = lay.camera_records(cams_src)
    findings = checks.check_junction(zones, cams, rings, checks.CheckOptions(min_pixels=min_px))
    feedback.setProgress(30)
    lines = [lay.line_points(f.geometry()) for f in lanes.getFeatures()] if lanes else []
    stop_lines = [lay.line_points(f.geometry()) for f in stops.getFeatures()] if stops else []
    try:
        pages = report_pdf.write_report(
            path, alg.parameterAsString(parameters, "TITLE", context), zones, cams,
            findings, lines, stop_lines, min_px, rings)
    except HammError as err:
        _fail(err)
    counts = checks.summary(findings)
    feedback.pushInfo(alg.tr("Report with {pages} pages written: {path}").format(
        pages=pages, path=path))
    return {"OUTPUT": path, "PAGES": pages, "ERRORS": counts[checks.ERROR],
            "WARNINGS": counts[checks.WARNING]}


def report_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (("zone_id", QVariant.Int), ("zone", QVariant.String),
                       ("kamera", QVariant.String), ("regel", QVariant.String),
                       ("schwere", QVariant.String), ("erklaerung", QVariant.String),
                       ("wert", QVariant.Double)):
        fields.append(QgsField(name, kind))
    return fields


class CameraViewAlgorithm(SignalsAlgorithm):
    NAME = "camera_view"
    DISPLAY = "Camera field of view on the ground"
    HELP = ("Writes for each camera the ground area it sees within its detection range (the "
            "field-of-view wedge from the pinhole model: position, mounting height, heading, "
            "tilt, field of view, image size).")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CAMERAS", self.tr("Cameras"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Fields of view"), QgsProcessing.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):
        cams_src = self.source(parameters, "CAMERAS", context, self.tr("cameras"))
        fields = QgsFields()
        fields.append(QgsField("kamera_id", QVariant.Int))
        fields.append(QgsField("name", QVariant.String))
        fields.append(QgsField("flaeche_m2", QVariant.Double))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                          QgsWkbTypes.Polygon, CRS)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        for rec in lay.camera_records(cams_src):
            try:
                cam = camera_from_record(rec)
            except SignalsError as err:
                feedback.reportError(err.user_message)
                continue
            poly = cam.footprint()
            if len(poly) < 3:
                continue
            geom = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in poly + poly[:1]]])
            feat = QgsFeature(fields)
            feat.setAttributes([rec["fid"], cam.name, round(geom.area(), 2)])
            feat.setGeometry(geom)
            sink.addFeature(feat, QgsFeatureSink.FastInsert)
        return {"OUTPUT": dest}


class ExportAlgorithm(SignalsAlgorithm):
    NAME = "export_handover"
    DISPLAY = "Export hand-over package"
    HELP = ("Writes per camera a JSON and a CSV file with the camera pose and every zone: "
            "EPSG:25832 coordinates to the centimetre, WGS84 to 1e-8 degree, east/north "
            "offsets from the camera in metres and the zone's corners in the camera image "
            "(pixels, pinhole model). With 'PDF check report' (default) the package also "
            "holds pruefbericht.pdf: the check of the zones with a map of the junction and "
            "every finding (as 'Check report as PDF'; lanes, stop lines and buildings are "
            "optional inputs).")

    def flags(self):
        # the report's print layout renders on the main thread
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CAMERAS", self.tr("Cameras"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "ZONES", self.tr("Detection zones"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "FOLDER", self.tr("Output folder")))
        self.addParameter(QgsProcessingParameterBoolean(
            "REPORT", self.tr("PDF check report"), defaultValue=True))
        _add_report_parameters(self)
        self.addOutput(QgsProcessingOutputNumber("FILES", self.tr("Files written")))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", self.tr("Errors")))

    def processAlgorithm(self, parameters, context, feedback):
        cams_src = self.source(parameters, "CAMERAS", context, self.tr("cameras"))
        zones_src = self.source(parameters, "ZONES", context, self.tr("detection zones"))
        folder = self.parameterAsString(parameters, "FOLDER", context)
        os.makedirs(folder, exist_ok=True)
        zones = lay.zone_records(zones_src)
        to_wgs84 = lay.wgs84_transformer()
        written = 0
        for rec in lay.camera_records(cams_src):
            if feedback.isCanceled():
                break
            try:
                cam = camera_from_record(rec)
            except SignalsError as err:
                _fail(err)
            own = [z for z in zones if z.get("kamera_id") == rec["fid"]]
            pkg = handover.build_package(cam, rec, own, to_wgs84)
            base = os.path.join(folder, handover_name(rec))
            with open(base + ".json", "w", encoding="utf-8") as fh:
                json.dump(pkg, fh, ensure_ascii=False, indent=1)
            with open(base + ".csv", "w", encoding="utf-8", newline="") as fh:
                fh.write(handover.package_csv(pkg))
            written += 2
            feedback.pushInfo(self.tr("Camera {name}: {n} zones written to {path}.").format(
                name=cam.name, n=len(own), path=base + ".json"))
        result = {"FOLDER": folder, "FILES": written}
        if self.parameterAsBool(parameters, "REPORT", context) and not feedback.isCanceled():
            report = _write_check_report(self, parameters, context, feedback, zones_src,
                                         cams_src, os.path.join(folder, "pruefbericht.pdf"))
            result["FILES"] = written + 1
            result["ERRORS"] = report["ERRORS"]
        return result


def handover_name(rec: dict) -> str:
    safe = "".join(ch if ch.isalnum() else "_" for ch in str(rec.get("name") or ""))
    return "kamera_{}_{}".format(rec["fid"], safe.strip("_")[:40])


class ImportAlgorithm(SignalsAlgorithm):
    NAME = "import_handover"
    DISPLAY = "Import hand-over package"
    HELP = ("Reads a hand-over JSON written by 'Export hand-over package' and writes its zones "
            "(EPSG:25832, to the centimetre) with their attributes.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Hand-over package (JSON)"), extension="json"))
        self.addParameter(QgsProcessingParameterBoolean(
            "KEEP_IDS", self.tr("Keep camera and junction ids"), True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Detection zones"), QgsProcessing.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        try:
            with open(path, "rb") as fh:
                pkg = handover.read_package(fh.read(), os.path.basename(path))
        except OSError as err:
            raise QgsProcessingException(self.tr("{path} cannot be read: {error}").format(
                path=path, error=err.strerror)) from err
        except HammError as err:
            _fail(err)
        sink, dest, fields = _zone_sink(self, parameters, context)
        keep = self.parameterAsBoolean(parameters, "KEEP_IDS", context)
        for zone in pkg["zones"]:
            rec = zone if keep else dict(zone, kamera_id=None, knoten_id=None)
            sink.addFeature(lay.zone_feature(fields, rec), QgsFeatureSink.FastInsert)
        feedback.pushInfo(self.tr("{n} zones imported.").format(n=len(pkg["zones"])))
        return {"OUTPUT": dest}


class SignalsProvider(HammProvider):
    PROVIDER_ID = "hamm_signals"
    TITLE = "Digitales Hamm – traffic-light detection zones"
    PLUGIN_ID = "hamm_signals"
    ICON = os.path.join(PLUGIN_DIR, "icons", "icon.svg")
    ALGORITHMS = [CreateModelAlgorithm, CreateModelPostgisAlgorithm, GenerateZonesAlgorithm,
                  CrossingZonesAlgorithm, CheckJunctionAlgorithm, CheckReportAlgorithm,
                  CameraViewAlgorithm, ExportAlgorithm, ImportAlgorithm]

"""Processing: "Maßnahmenwirkung prüfen" – difference in differences of the stations near
a measure against reference stations (see logic/did.py for the method)."""

from datetime import datetime, timezone
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime, QVariant

from hamm_core.logic.errors import HammError
from hamm_core.logic.i18n import tr_noop
from hamm_core.processing.base import HammAlgorithm

from ..adapters.sta import make_client
from ..logic.did import MEASURE, REFERENCE, difference_in_differences, station_change

PLUGIN_ID = "hamm_sensors"
METRIC_CRS = "EPSG:25832"


def _to_utc(value: QDateTime) -> Optional[datetime]:
    if value is None or not value.isValid():
        return None
    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, timezone.utc)


class MeasureEffectAlgorithm(HammAlgorithm):
    PLUGIN_ID = PLUGIN_ID
    NAME = "measure_effect"
    DISPLAY = "Check effect of a measure"
    GROUP_ID = "sensors"
    GROUP = "Sensors"
    HELP = (
        "Compares the stations near a climate adaptation measure (e.g. a green roof, trees, "
        "an unsealed square) with reference stations, before and after the measure, with "
        "the difference-in-differences method: for every station the change of its mean "
        "between the period before and the period after is computed; the effect is the "
        "mean change of the stations within the radius of the measure minus the mean "
        "change of the reference stations (all stations farther away, up to the maximum "
        "distance if one is given). A negative effect on air temperature means the measure "
        "cooled relative to the reference. The uncertainty comes from the spread of the "
        "station changes: standard error after Welch and a confidence interval with "
        "Student's t distribution (Welch-Satterthwaite degrees of freedom). With a single "
        "station on one side its variance is taken from the other side; with a single "
        "station on both sides no uncertainty can be given. Stations are the units: "
        "observations of one station are not independent. Outputs: a table with effect, "
        "standard error, interval and the numbers of stations, and a point layer of the "
        "stations with their group, means and change.")
    URL, AUTHCFG, PROPERTY, MEASURE_LAYER, RADIUS = "URL", "AUTHCFG", "PROPERTY", "MEASURE", \
        "RADIUS"
    MAX_REF, BEFORE_START, BEFORE_END = "MAX_REFERENCE_DISTANCE", "BEFORE_START", "BEFORE_END"
    AFTER_START, AFTER_END, LEVEL = "AFTER_START", "AFTER_END", "LEVEL"
    OUTPUT, STATIONS = "OUTPUT", "STATIONS"

    def initAlgorithm(self, config=None):
        from .provider import default_sta_url
        self.addParameter(QgsProcessingParameterString(
            self.URL, self.tr("SensorThings API (service root, e.g. …/v1.1)"),
            defaultValue=default_sta_url()))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, self.tr("Authentication"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PROPERTY, self.tr("Observed property (name)"), defaultValue="air_temperature"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MEASURE_LAYER, self.tr("Measure (location or area)"),
            [QgsProcessing.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterDistance(
            self.RADIUS, self.tr("Stations of the measure: within (m)"), 300.0,
            self.MEASURE_LAYER, minValue=0.0))
        self.addParameter(QgsProcessingParameterDistance(
            self.MAX_REF, self.tr("Reference stations: at most this far (m, 0 = all others)"),
            0.0, self.MEASURE_LAYER, minValue=0.0))
        for name, label in ((self.BEFORE_START, tr_noop("Before: start")),
                            (self.BEFORE_END, tr_noop("Before: end")),
                            (self.AFTER_START, tr_noop("After: start")),
                            (self.AFTER_END, tr_noop("After: end"))):
            self.addParameter(QgsProcessingParameterDateTime(name, self.tr(label)))
        self.addParameter(QgsProcessingParameterNumber(
            self.LEVEL, self.tr("Confidence level (%)"), QgsProcessingParameterNumber.Double,
            defaultValue=95.0, minValue=50.0, maxValue=99.9))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Effect of the measure"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.STATIONS, self.tr("Stations compared"), QgsProcessing.TypeVectorPoint))
        for name, label in (("EFFECT", tr_noop("Effect")), ("SE", tr_noop("Standard error")),
                            ("CI_LOW", tr_noop("Interval: lower bound")),
                            ("CI_HIGH", tr_noop("Interval: upper bound"))):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def processAlgorithm(self, parameters, context, feedback):
        url = self.parameterAsString(parameters, self.URL, context).strip()
        if not url:
            raise QgsProcessingException(self.tr("No SensorThings API given and the city "
                                                 "profile names none."))
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context) or ""
        prop = self.parameterAsString(parameters, self.PROPERTY, context).strip()
        periods = [_to_utc(self.parameterAsDateTime(parameters, p, context))
                   for p in (self.BEFORE_START, self.BEFORE_END, self.AFTER_START,
                             self.AFTER_END)]
        if any(p is None for p in periods):
            raise QgsProcessingException(self.tr("Both periods need a start and an end."))
        b0, b1, a0, a1 = periods
        if b1 <= b0 or a1 <= a0:
            raise QgsProcessingException(self.tr("A period ends before it starts."))
        if a0 < b1:
            raise QgsProcessingException(self.tr("The period after the measure must start "
                                                 "after the period before it ends."))
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        max_ref = self.parameterAsDouble(parameters, self.MAX_REF, context)
        level = self.parameterAsDouble(parameters, self.LEVEL, context) / 100.0
        source = self.parameterAsSource(parameters, self.MEASURE_LAYER, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters,
                                                                 self.MEASURE_LAYER))
        crs = source.sourceCrs()
        if not crs.isValid() or crs.isGeographic():
            crs = QgsCoordinateReferenceSystem(METRIC_CRS)
        to_metric = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        parts = []
        for feat in source.getFeatures():
            geom = QgsGeometry(feat.geometry())
            if geom.isNull() or geom.isEmpty():
                continue
            if not geom.isGeosValid():
                geom = geom.makeValid()
            geom.transform(to_metric)
            parts.append(geom)
        if not parts:
            raise QgsProcessingException(self.tr("The measure layer has no geometry."))
        measure_geom = QgsGeometry.unaryUnion(parts)
        from_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs,
                                          QgsProject.instance())
        client = make_client(url, authcfg, feedback=feedback)
        stations, points = [], {}
        try:
            datastreams = [d for d in client.datastreams() if d.observed_property == prop]
            if not datastreams:
                raise QgsProcessingException(self.tr("The SensorThings API has no datastream "
                                                     "of '{prop}'.").format(prop=prop))
            unit = datastreams[0].unit_symbol or datastreams[0].unit_name
            for i, ds in enumerate(datastreams):
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * i / len(datastreams))
                pos = ds.thing.position if ds.thing is not None else None
                if pos is None:
                    feedback.pushWarning(self.tr("Datastream {name} has no location and was "
                                                 "left out.").format(name=ds.name))
                    continue
                point = QgsGeometry.fromPointXY(from_wgs.transform(QgsPointXY(*pos)))
                distance = measure_geom.distance(point)
                if distance <= radius:
                    group = MEASURE
                elif max_ref <= 0 or distance <= max_ref:
                    group = REFERENCE
                else:
                    continue
                values = []
                for start, end in ((b0, b1), (a0, a1)):
                    values.append([o.number for o in client.observations(ds.id, start, end)
                                   if o.number is not None])
                change = station_change(str(ds.id), group, values[0], values[1])
                if change.change is None:
                    feedback.pushWarning(self.tr("Station {name} has no observations in one "
                                                 "of the periods and was left out.").format(
                                                     name=ds.thing.name))
                stations.append((ds, change, distance))
                points[str(ds.id)] = point
        except HammError as err:
            raise QgsProcessingException(err.user_message) from err
        for w in client.warnings:
            feedback.pushWarning(w)
        try:
            result = difference_in_differences([c for _d, c, _x in stations], level)
        except ValueError as err:
            raise QgsProcessingException(str(err)) from err
        for note in result.notes:
            feedback.pushWarning(note)

        fields = QgsFields()
        for name, kind in (("property", QVariant.String), ("unit", QVariant.String),
                           ("n_measure", QVariant.Int), ("n_reference", QVariant.Int),
                           ("change_measure", QVariant.Double),
                           ("change_reference", QVariant.Double), ("effect", QVariant.Double),
                           ("std_error", QVariant.Double), ("df", QVariant.Double),
                           ("level", QVariant.Double), ("ci_low", QVariant.Double),
                           ("ci_high", QVariant.Double)):
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        feat = QgsFeature(fields)
        feat.setAttributes([prop, unit, result.n_measure, result.n_reference,
                            result.change_measure, result.change_reference, result.effect,
                            result.se, result.df, level * 100.0, result.ci_low,
                            result.ci_high])
        sink.addFeature(feat, QgsFeatureSink.FastInsert)
        del sink

        sfields = QgsFields()
        for name, kind in (("ds_id", QVariant.String), ("station", QVariant.String),
                           ("group", QVariant.String), ("distance_m", QVariant.Double),
                           ("n_before", QVariant.Int), ("n_after", QVariant.Int),
                           ("mean_before", QVariant.Double), ("mean_after", QVariant.Double),
                           ("change", QVariant.Double)):
            sfields.append(QgsField(name, kind))
        ssink, sdest = self.parameterAsSink(parameters, self.STATIONS, context, sfields,
                                            QgsWkbTypes.Point, crs)
        if ssink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.STATIONS))
        labels = {MEASURE: self.tr("Measure"), REFERENCE: self.tr("Reference")}
        for ds, change, distance in stations:
            f = QgsFeature(sfields)
            f.setAttributes([str(ds.id), ds.thing.name, labels[change.group], distance,
                             change.n_before, change.n_after, change.mean_before,
                             change.mean_after, change.change])
            f.setGeometry(points[str(ds.id)])
            ssink.addFeature(f, QgsFeatureSink.FastInsert)
        del ssink
        if result.se is not None:
            feedback.pushInfo(self.tr("Effect {effect:+.2f} {unit} (standard error {se:.2f}, "
                                      "{level:g}% interval {low:+.2f} to {high:+.2f}).").format(
                effect=result.effect, unit=unit, se=result.se, level=level * 100,
                low=result.ci_low, high=result.ci_high))
        else:
            feedback.pushInfo(self.tr("Effect {effect:+.2f} {unit}.").format(
                effect=result.effect, unit=unit))
        return {self.OUTPUT: dest, self.STATIONS: sdest, "EFFECT": result.effect,
                "SE": result.se, "CI_LOW": result.ci_low, "CI_HIGH": result.ci_high}

"""Processing: sensor statistics per district (toolbox group "Sensors")."""

import os
from datetime import datetime, timezone
from typing import List, Optional

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
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
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
from hamm_core.processing.base import HammAlgorithm, HammProvider

from ..adapters.sta import make_client
from ..logic.aggregate import DAY, HOUR, aggregate

PLUGIN_ID = "hamm_sensors"
INTERVALS = [(HOUR, tr_noop("Hour")), (DAY, tr_noop("Day"))]


def default_sta_url() -> str:
    try:
        from hamm_core.adapters.profile import active_profile
        services = active_profile().services_of_type("STA")
    except HammError:
        return ""
    return services[0].url if services else ""


def _to_utc(value: QDateTime) -> Optional[datetime]:
    if value is None or not value.isValid():
        return None
    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, timezone.utc)


class DistrictStatisticsAlgorithm(HammAlgorithm):
    PLUGIN_ID = PLUGIN_ID
    NAME = "district_statistics"
    DISPLAY = "Sensor data by district"
    GROUP_ID = "sensors"
    GROUP = "Sensors"
    HELP = ("Reads the observations of one observed property (e.g. air_temperature) from a "
            "SensorThings API for a period and aggregates them per district and hour or day: "
            "number of observations, stations, mean, minimum, maximum and the hours whose "
            "district mean reaches the threshold. Districts: a polygon layer or, when empty, "
            "the districts of the city profile. Stations outside every district are left out.")
    URL, AUTHCFG, PROPERTY, START, END = "URL", "AUTHCFG", "PROPERTY", "START", "END"
    INTERVAL, THRESHOLD, DISTRICTS, MAX, OUTPUT = "INTERVAL", "THRESHOLD", "DISTRICTS", "MAX", \
        "OUTPUT"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.URL, self.tr("SensorThings API (service root, e.g. …/v1.1)"),
            defaultValue=default_sta_url()))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, self.tr("Authentication"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PROPERTY, self.tr("Observed property (name)"), defaultValue="air_temperature"))
        self.addParameter(QgsProcessingParameterDateTime(
            self.START, self.tr("Start"), optional=True))
        self.addParameter(QgsProcessingParameterDateTime(
            self.END, self.tr("End"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.INTERVAL, self.tr("Interval"), options=[self.tr(label) for _k, label in INTERVALS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Threshold (hours at or above)"),
            QgsProcessingParameterNumber.Double, defaultValue=30.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DISTRICTS, self.tr("Districts (empty = city profile)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX, self.tr("Maximum observations per datastream"),
            QgsProcessingParameterNumber.Integer, defaultValue=100000, minValue=1))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Statistics per district"), QgsProcessing.TypeVector))

    def _districts(self, parameters, context):
        source = self.parameterAsSource(parameters, self.DISTRICTS, context)
        out = []
        if source is not None:
            names = source.fields().names()
            key = "name" if "name" in names else (names[0] if names else None)
            for feat in source.getFeatures():
                label = str(feat[key]) if key else str(feat.id())
                out.append((label, QgsGeometry(feat.geometry())))
            return out, source.sourceCrs()
        from hamm_core.adapters.profile import active_profile
        profile = active_profile()
        for d in profile.districts:
            if d.wkt:
                out.append((d.name, QgsGeometry.fromWkt(d.wkt)))
        return out, QgsCoordinateReferenceSystem(profile.crs)

    def processAlgorithm(self, parameters, context, feedback):
        url = self.parameterAsString(parameters, self.URL, context).strip()
        if not url:
            raise QgsProcessingException(self.tr("No SensorThings API given and the city "
                                                 "profile names none."))
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context) or ""
        prop = self.parameterAsString(parameters, self.PROPERTY, context).strip()
        start = _to_utc(self.parameterAsDateTime(parameters, self.START, context))
        end = _to_utc(self.parameterAsDateTime(parameters, self.END, context))
        interval = INTERVALS[self.parameterAsEnum(parameters, self.INTERVAL, context)][0]
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        max_obs = self.parameterAsInt(parameters, self.MAX, context)
        districts, crs = self._districts(parameters, context)
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs,
                                           QgsProject.instance())
        client = make_client(url, authcfg, feedback=feedback)
        rows: List[tuple] = []
        try:
            datastreams = [d for d in client.datastreams() if d.observed_property == prop]
            feedback.pushInfo(self.tr("{n} datastreams of '{prop}' found.").format(
                n=len(datastreams), prop=prop))
            for i, ds in enumerate(datastreams):
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * i / max(1, len(datastreams)))
                pos = ds.thing.position if ds.thing is not None else None
                if pos is None:
                    feedback.pushWarning(self.tr("Datastream {name} has no location and was "
                                                 "left out.").format(name=ds.name))
                    continue
                point = QgsGeometry.fromPointXY(transform.transform(QgsPointXY(*pos)))
                district = next((name for name, geom in districts if geom.contains(point)), None)
                if district is None:
                    feedback.pushInfo(self.tr("Station {name} lies outside every district.")
                                      .format(name=ds.thing.name))
                    continue
                skipped: List[str] = []
                for obs in client.observations(ds.id, start, end, max_items=max_obs,
                                               skipped=skipped):
                    if obs.number is not None:
                        rows.append((district, str(ds.thing.id), obs.time, obs.number))
                if skipped:
                    feedback.pushWarning(self.tr("{n} observations of {name} were unreadable "
                                                 "and left out.").format(n=len(skipped),
                                                                         name=ds.name))
        except HammError as err:
            raise QgsProcessingException(err.user_message) from err
        for w in client.warnings:
            feedback.pushWarning(w)
        stats = aggregate(rows, interval, threshold)
        fields = QgsFields()
        for name, kind in (("district", QVariant.String), ("start", QVariant.DateTime),
                           ("count", QVariant.Int), ("stations", QVariant.Int),
                           ("mean", QVariant.Double), ("min", QVariant.Double),
                           ("max", QVariant.Double), ("hours_over", QVariant.Int)):
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for s in stats:
            feat = QgsFeature(fields)
            feat.setAttributes([s.district,
                                QDateTime.fromMSecsSinceEpoch(int(s.start.timestamp() * 1000)),
                                s.count, s.stations, s.mean, s.min, s.max, s.hours_over])
            sink.addFeature(feat, QgsFeatureSink.FastInsert)
        # A GeoPackage sink commits when it is destroyed: release it now, not whenever
        # the garbage collector breaks a cycle that holds this frame (seen in a full run:
        # the table was missing when the algorithm had returned).
        del sink
        feedback.pushInfo(self.tr("{n} rows written.").format(n=len(stats)))
        return {self.OUTPUT: dest}


class SensorsProvider(HammProvider):
    PROVIDER_ID = "hamm_sensors"
    PLUGIN_ID = PLUGIN_ID
    TITLE = "Digitales Hamm – Sensors"
    ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icons", "icon.svg")
    ALGORITHMS = [DistrictStatisticsAlgorithm]

    def loadAlgorithms(self) -> None:
        from .measure_effect import MeasureEffectAlgorithm
        super().loadAlgorithms()
        self.addAlgorithm(MeasureEffectAlgorithm())

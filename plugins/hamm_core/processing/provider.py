"""The core's Processing provider: algorithms every department needs."""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..adapters.profile import active_profile
from ..logic.errors import ProfileError
from ..logic.profile import load_profile
from .base import HammAlgorithm, HammProvider


class DistrictsAlgorithm(HammAlgorithm):
    NAME = "districts"
    DISPLAY = "City districts (from the city profile)"
    GROUP_ID = "cityprofile"
    GROUP = "City profile"
    HELP = ("Writes the districts of the city profile as a polygon layer with their id and "
            "name, in the profile's CRS. Without a profile file the active profile is used "
            "(Hamm by default). Other tools use these districts for statistics per district.")
    PROFILE = "PROFILE"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.PROFILE, self.tr("City profile (JSON); empty = active profile"),
            extension="json", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Districts"), QgsProcessing.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.PROFILE, context)
        try:
            profile = load_profile(path) if path else active_profile()
        except ProfileError as err:
            raise QgsProcessingException(err.user_message) from err
        fields = QgsFields()
        fields.append(QgsField("id", QVariant.String))
        fields.append(QgsField("name", QVariant.String))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          QgsWkbTypes.MultiPolygon,
                                          QgsCoordinateReferenceSystem(profile.crs))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        total = max(1, len(profile.districts))
        for i, district in enumerate(profile.districts):
            if feedback.isCanceled():
                break
            geom = QgsGeometry.fromWkt(district.wkt) if district.wkt else QgsGeometry()
            if district.wkt and geom.isNull():
                feedback.reportError(self.tr("District {name}: the geometry is not valid WKT "
                                             "and was left empty.").format(name=district.name))
            if not geom.isNull():
                geom.convertToMultiType()
            feat = QgsFeature(fields)
            feat.setGeometry(geom)
            feat.setAttributes([district.id, district.name])
            sink.addFeature(feat, QgsFeatureSink.FastInsert)
            feedback.setProgress(100.0 * (i + 1) / total)
        feedback.pushInfo(self.tr("{n} districts of {city} written.").format(
            n=len(profile.districts), city=profile.name))
        return {self.OUTPUT: dest}


class CoreProvider(HammProvider):
    PROVIDER_ID = "hamm_core"
    TITLE = "Digitales Hamm"
    ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icons", "hamm.svg")
    ALGORITHMS = [DistrictsAlgorithm]

"""Sensors: plugin class. The capability itself grows in this package (see README)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin


class SensorsPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_sensors"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Sensors"
    ABOUT = ("Shows the sensors of the urban data platform of Hamm live in QGIS: OGC SensorThings API "
             "and MQTT, time series, district statistics and heat and heavy-rain warnings. This "
             "release provides the plugin frame; the sensor tools follow.")

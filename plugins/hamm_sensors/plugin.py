"""Sensors: plugin class. The capability itself grows in this package (see README)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin
from qgis.PyQt.QtWidgets import QMessageBox


class SensorsPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_sensors"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Sensors"

    def create_actions(self) -> None:
        self.add_action(self.tr("About this plugin"), self.show_about, icon="icon.svg",
                        object_name="hamm_sensors_about")

    def show_about(self) -> None:
        QMessageBox.information(self.iface.mainWindow(), self.tr("Sensors"),
                                self.tr("Shows the sensors of the urban data platform of Hamm live in QGIS: OGC SensorThings API and MQTT, time series, district statistics and heat and heavy-rain warnings. This release provides the plugin frame; the sensor tools follow."))

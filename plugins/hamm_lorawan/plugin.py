"""LoRaWAN: plugin class. The capability itself grows in this package (see README)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin
from qgis.PyQt.QtWidgets import QMessageBox


class LoRaWANPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_lorawan"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "LoRaWAN"

    def create_actions(self) -> None:
        self.add_action(self.tr("About this plugin"), self.show_about, icon="icon.svg",
                        object_name="hamm_lorawan_about")

    def show_about(self) -> None:
        QMessageBox.information(self.iface.mainWindow(), self.tr("LoRaWAN"),
                                self.tr("Processing tools to plan the city-wide LoRaWAN of Hamm: coverage prediction, link budget, gateway site selection and calibration with measurements. This release provides the plugin frame; the algorithms follow."))

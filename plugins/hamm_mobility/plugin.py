"""Mobility: plugin class. The capability itself grows in this package (see README)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin
from qgis.PyQt.QtWidgets import QMessageBox


class MobilityPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_mobility"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Mobility"

    def create_actions(self) -> None:
        self.add_action(self.tr("About this plugin"), self.show_about, icon="icon.svg",
                        object_name="hamm_mobility_about")

    def show_about(self) -> None:
        QMessageBox.information(self.iface.mainWindow(), self.tr("Mobility"),
                                self.tr("Mobility data of Hamm in QGIS: sharing vehicles (GBFS), public transport (GTFS, GTFS-Realtime), parking, charging points, traffic counts and OGC services. This release provides the plugin frame; the mobility layers follow."))

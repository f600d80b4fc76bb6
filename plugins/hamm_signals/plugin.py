"""Traffic-light detection zones: plugin class. The capability itself grows in this package (see README)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin
from qgis.PyQt.QtWidgets import QMessageBox


class SignalsPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_signals"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Traffic-light detection zones"

    def create_actions(self) -> None:
        self.add_action(self.tr("About this plugin"), self.show_about, icon="icon.svg",
                        object_name="hamm_signals_about")

    def show_about(self) -> None:
        QMessageBox.information(self.iface.mainWindow(), self.tr("Traffic-light detection zones"),
                                self.tr("Plan, check and hand over the detection zones of AI cameras at intelligent traffic lights: data model, camera placement with field of view, zone checks and export with precise coordinates. This release provides the plugin frame; the tools follow."))

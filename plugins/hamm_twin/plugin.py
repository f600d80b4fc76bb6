"""Digital twin: plugin class. The capability itself grows in this package (see README)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin
from qgis.PyQt.QtWidgets import QMessageBox


class TwinPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_twin"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Digital twin"

    def create_actions(self) -> None:
        self.add_action(self.tr("About this plugin"), self.show_about, icon="icon.svg",
                        object_name="hamm_twin_about")

    def show_about(self) -> None:
        QMessageBox.information(self.iface.mainWindow(), self.tr("Digital twin"),
                                self.tr("Loads the digital twin of the city of Hamm into QGIS: LoD2 building models (CityGML, CityJSON), terrain (DGM), orthophotos, point clouds and street-level panoramas, in 2D and 3D. This release provides the plugin frame; the loading tools follow."))

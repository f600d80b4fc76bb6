"""Digital twin: plugin class. The capability itself grows in this package (see README)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin


class TwinPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_twin"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Digital twin"
    ABOUT = ("Loads the digital twin of the city of Hamm into QGIS: LoD2 building models (CityGML, "
             "CityJSON), terrain (DGM), orthophotos, point clouds and street-level panoramas, in 2D "
             "and 3D. This release provides the plugin frame; the loading tools follow.")

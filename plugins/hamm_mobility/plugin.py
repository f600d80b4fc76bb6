"""Mobility: plugin class. The capability itself grows in this package (see README)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin


class MobilityPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_mobility"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Mobility"
    ABOUT = ("Mobility data of Hamm in QGIS: sharing vehicles (GBFS), public transport (GTFS, GTFS-"
             "Realtime), parking, charging points, traffic counts and OGC services. This release "
             "provides the plugin frame; the mobility layers follow.")

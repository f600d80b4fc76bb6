"""Cool places: plugin class. The capability itself grows in this package (see README)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin


class CoolPlacesPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_coolplaces"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Cool places"
    ABOUT = ("Processing tools for the heat action plan of Hamm: find cool places, shade maps, walking"
             " access for vulnerable people, supply gaps and a web map of cool places. This release "
             "provides the plugin frame; the algorithms follow.")

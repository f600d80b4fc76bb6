"""Traffic-light detection zones: plugin class. The capability itself grows in this package (see README)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin


class SignalsPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_signals"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Traffic-light detection zones"
    ABOUT = ("Plan, check and hand over the detection zones of AI cameras at intelligent traffic "
             "lights: data model, camera placement with field of view, zone checks and export with "
             "precise coordinates. This release provides the plugin frame; the tools follow.")

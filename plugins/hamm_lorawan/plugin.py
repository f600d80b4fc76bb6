"""LoRaWAN: plugin class. The capability itself grows in this package (see README)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin


class LoRaWANPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_lorawan"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "LoRaWAN"
    ABOUT = ("Processing tools to plan the city-wide LoRaWAN of Hamm: coverage prediction, link "
             "budget, gateway site selection and calibration with measurements. This release provides "
             "the plugin frame; the algorithms follow.")

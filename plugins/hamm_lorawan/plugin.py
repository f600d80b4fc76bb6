"""LoRaWAN: plugin class; the tools are Processing algorithms (see processing/)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin

# Subpackages imported by name, so QGIS's import hook unloads them with the plugin
from . import logic, processing  # noqa: F401
from .processing.provider import LoRaWANProvider


class LoRaWANPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_lorawan"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "LoRaWAN"
    ABOUT = (
        "Processing tools to plan the city-wide LoRaWAN of Hamm (toolbox group 'LoRaWAN'): "
        "radio coverage over terrain and buildings, link budget for sensor locations, gateway "
        "site optimisation and calibration of the propagation model with measured uplinks."
    )
    PROVIDER_CLASS = LoRaWANProvider

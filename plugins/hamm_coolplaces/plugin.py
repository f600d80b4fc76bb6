"""Cool places: plugin class (menu entry and the Processing provider)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin

# Subpackages imported by name, so QGIS's import hook unloads them with the plugin
from . import adapters, logic, processing  # noqa: F401
from .processing.provider import CoolPlacesProvider


class CoolPlacesPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_coolplaces"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Cool places"
    PROVIDER_CLASS = CoolPlacesProvider
    ABOUT = ("Processing tools for the heat action plan of Hamm: find cool places, shade maps, walking"
             " access for vulnerable people, supply gaps and a web map of cool places."
             " All tools are Processing algorithms (toolbox, model designer, qgis_process).")

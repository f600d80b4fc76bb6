"""Mobility: plugin class (menu actions, live GBFS systems, Processing provider)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin

# Subpackages imported by name, so QGIS's import hook unloads them with the plugin
from . import adapters, gui, logic, processing  # noqa: F401
from .processing.provider import MobilityProvider


class MobilityPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_mobility"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Mobility"
    ABOUT = ("Mobility data of Hamm in QGIS: live sharing systems (GBFS 1.x, 2.x and 3.0: "
             "stations, vehicles, geofencing zones, refreshed on the feed's ttl), public "
             "transport from GTFS feeds (stops with departures per day, routes) and "
             "GTFS-Realtime (vehicle positions, delays per stop), grouped as "
             "'Mobilitätsstadtplan'.")
    PROVIDER_CLASS = MobilityProvider

    def create_actions(self) -> None:
        super().create_actions()
        self.add_action(self.tr("Add sharing system (GBFS)…"), self.add_gbfs,
                        icon="icon.svg", object_name="hamm_mobility_add_gbfs")
        self.add_action(self.tr("Load GTFS feed…"), self.open_gtfs,
                        object_name="hamm_mobility_gtfs")
        self.add_action(self.tr("GTFS-Realtime vehicles and delays…"), self.open_gtfsrt,
                        object_name="hamm_mobility_gtfsrt")

    def add_gbfs(self) -> None:
        from .gui.dialogs import add_gbfs_system
        add_gbfs_system(self.iface)

    def open_gtfs(self) -> None:
        from processing import execAlgorithmDialog
        execAlgorithmDialog("hamm_mobility:gtfs_layers", {})

    def open_gtfsrt(self) -> None:
        from processing import execAlgorithmDialog
        execAlgorithmDialog("hamm_mobility:gtfsrt_layers", {})

    def unload(self) -> None:
        from .adapters.gbfs_live import stop_all
        stop_all()
        super().unload()

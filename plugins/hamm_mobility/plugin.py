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
             "GTFS-Realtime (vehicle positions, delays per stop, also as a live layer), "
             "parking with live occupancy (DATEX II v2/v3, JSON), EV charging points (OCPI, "
             "Ladesäulenregister), traffic counts per mode (CSV, SensorThings), the city's "
             "OGC mobility services in one click and the mobility offers near points, "
             "grouped as 'Mobilitätsstadtplan'.")
    PROVIDER_CLASS = MobilityProvider

    def initGui(self) -> None:
        super().initGui()
        from qgis.core import QgsProject
        # live layers saved in a project (the demo's too) are fed again when it opens
        self._read_slot = lambda _doc=None: self.restore_live_layers()
        QgsProject.instance().readProject.connect(self._read_slot)
        self.restore_live_layers()

    def restore_live_layers(self):
        import traceback

        from hamm_core.adapters.messages import log, push_error

        from .adapters.restore import restore_live_layers
        # called from a Qt slot: an exception escaping it would abort QGIS, so log it
        try:
            return restore_live_layers(on_error=lambda err: push_error(self.iface, err))
        except Exception:  # noqa: BLE001 - a broken saved layer must not take QGIS down
            log(traceback.format_exc())
            return []

    def create_actions(self) -> None:
        super().create_actions()
        self.add_action(self.tr("Add sharing system (GBFS)…"), self.add_gbfs,
                        icon="icon.svg", object_name="hamm_mobility_add_gbfs")
        self.add_action(self.tr("Load GTFS feed…"), self.open_gtfs,
                        object_name="hamm_mobility_gtfs")
        self.add_action(self.tr("GTFS-Realtime vehicles and delays…"), self.open_gtfsrt,
                        object_name="hamm_mobility_gtfsrt")
        self.add_action(self.tr("GTFS-Realtime live layer…"), self.add_gtfsrt_live,
                        object_name="hamm_mobility_gtfsrt_live")
        self.add_action(self.tr("Add parking (live)…"), self.add_parking,
                        object_name="hamm_mobility_parking")
        self.add_action(self.tr("Add charging points…"), self.add_charging,
                        object_name="hamm_mobility_charging")
        self.add_action(self.tr("Traffic counting stations…"), self.open_counts,
                        object_name="hamm_mobility_counts")
        self.add_action(self.tr("Mobility services from the city catalog…"),
                        self.open_catalog, object_name="hamm_mobility_catalog")
        self.add_action(self.tr("Mobility offers nearby…"), self.open_nearby,
                        object_name="hamm_mobility_nearby")

    def add_gbfs(self) -> None:
        from .gui.dialogs import add_gbfs_system
        add_gbfs_system(self.iface)

    def open_gtfs(self) -> None:
        from processing import execAlgorithmDialog
        execAlgorithmDialog("hamm_mobility:gtfs_layers", {})

    def open_gtfsrt(self) -> None:
        from processing import execAlgorithmDialog
        execAlgorithmDialog("hamm_mobility:gtfsrt_layers", {})

    def add_parking(self) -> None:
        from .gui.dialogs import add_parking_live
        add_parking_live(self.iface)

    def add_charging(self) -> None:
        from .gui.dialogs import add_charging_live
        add_charging_live(self.iface)

    def add_gtfsrt_live(self) -> None:
        from .gui.dialogs import add_gtfsrt_live
        add_gtfsrt_live(self.iface)

    def open_counts(self) -> None:
        from processing import execAlgorithmDialog
        execAlgorithmDialog("hamm_mobility:traffic_counts", {})

    def open_nearby(self) -> None:
        from processing import execAlgorithmDialog
        execAlgorithmDialog("hamm_mobility:nearby_offers", {})

    def open_catalog(self) -> None:
        from .gui.dialogs import open_catalog
        self._catalog = open_catalog(self.iface)

    def unload(self) -> None:
        from .adapters.gbfs_live import stop_all
        from .adapters.live_feed import stop_all as stop_feeds
        slot = getattr(self, "_read_slot", None)
        if slot is not None:
            import contextlib

            from qgis.core import QgsProject
            with contextlib.suppress(TypeError, RuntimeError):
                QgsProject.instance().readProject.disconnect(slot)
            self._read_slot = None
        stop_all()
        stop_feeds()
        super().unload()

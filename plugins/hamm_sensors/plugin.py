"""Sensors: plugin class (live layer action, Processing provider)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin

# Subpackages imported by name, so QGIS's import hook unloads them with the plugin
from . import adapters, gui, logic, processing  # noqa: F401
from .processing.provider import SensorsProvider


class SensorsPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_sensors"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Sensors"
    ABOUT = ("Shows the sensors of the urban data platform of Hamm live in QGIS: a layer with "
             "the latest value of every datastream of an OGC SensorThings API, refreshed on an "
             "interval and updated over MQTT, heat and heavy-rain warnings, and the Processing "
             "algorithm 'Sensor data by district'.")
    PROVIDER_CLASS = SensorsProvider

    def __init__(self, iface):
        super().__init__(iface)
        self.live_layers = []

    def create_actions(self) -> None:
        super().create_actions()
        self.add_action(self.tr("Add live sensor layer…"), self.add_live_layer,
                        icon="icon.svg", object_name="hamm_sensors_live_layer")
        self.add_action(self.tr("Sensor data by district…"), self.open_statistics,
                        object_name="hamm_sensors_statistics")

    def open_statistics(self) -> None:
        from processing import execAlgorithmDialog
        execAlgorithmDialog("hamm_sensors:district_statistics", {})

    def add_live_layer(self) -> None:
        from .gui.live_dialog import ask_live_settings
        settings = ask_live_settings(self.iface.mainWindow())
        if settings is None:
            return
        self.start_live_layer(**settings)

    def start_live_layer(self, url: str, authcfg: str = "", interval_s: float = 300.0,
                         mqtt_host: str = "", mqtt_port: int = 0, add_to_project: bool = True):
        from qgis.core import Qgis, QgsProject

        from hamm_core.adapters.messages import push, push_error

        from .adapters.live_layer import LiveLayer

        def warn(event):
            push(self.iface, event.message(), Qgis.Warning, 15)

        live = LiveLayer(url, authcfg, interval_s=interval_s, on_warning=warn,
                         on_error=lambda err: push_error(self.iface, err))
        self.live_layers.append(live)
        if add_to_project:
            QgsProject.instance().addMapLayer(live.layer)
            self.connections.connect(live.layer.willBeDeleted,
                                     lambda lv=live: self._forget(lv))
        live.start()
        if mqtt_host and mqtt_port:
            live.connect_mqtt(mqtt_host, mqtt_port)
        return live

    def _forget(self, live) -> None:
        live.stop()
        if live in self.live_layers:
            self.live_layers.remove(live)

    def unload(self) -> None:
        for live in list(self.live_layers):
            live.stop()
        self.live_layers = []
        super().unload()

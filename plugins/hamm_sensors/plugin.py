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
             "interval and updated over MQTT; an entity browser; a time-series dock with CSV "
             "export; a history layer for the temporal controller; heat and heavy-rain "
             "warnings with editable thresholds and a warnings layer; and the Processing "
             "algorithms 'Sensor data by district' and 'Check effect of a measure'.")
    PROVIDER_CLASS = SensorsProvider

    def __init__(self, iface):
        super().__init__(iface)
        self.live_layers = []
        self._watched = {}
        self.timeseries_dock = None
        self.browser_dock = None

    def initGui(self) -> None:
        super().initGui()
        from qgis.core import QgsProject
        # (not in self.connections: that list holds the actions' connections)
        QgsProject.instance().readProject.connect(self._on_read_project)
        self.restore_live_layers()  # a project opened before the plugin was loaded

    def _on_read_project(self, _doc=None) -> None:
        # an exception escaping a Qt slot would abort QGIS: log it instead
        try:
            self.restore_live_layers()
        except Exception as exc:  # noqa: BLE001
            from hamm_core.adapters.messages import log_error
            log_error(exc)

    def create_actions(self) -> None:
        super().create_actions()
        self.add_action(self.tr("Add live sensor layer…"), self.add_live_layer,
                        icon="icon.svg", object_name="hamm_sensors_live_layer")
        self.add_action(self.tr("Browse SensorThings entities"), self.show_browser,
                        object_name="hamm_sensors_browser")
        self.add_action(self.tr("Sensor time series"), self.show_timeseries,
                        object_name="hamm_sensors_timeseries")
        self.add_action(self.tr("Add sensor history layer…"), self.add_history_layer,
                        object_name="hamm_sensors_history")
        self.add_action(self.tr("Warning thresholds…"), self.edit_thresholds,
                        object_name="hamm_sensors_thresholds")
        self.add_action(self.tr("Sensor data by district…"), self.open_statistics,
                        object_name="hamm_sensors_statistics")
        self.add_action(self.tr("Check effect of a measure…"), self.open_measure_effect,
                        object_name="hamm_sensors_measure_effect")

    def open_measure_effect(self) -> None:
        from processing import execAlgorithmDialog
        execAlgorithmDialog("hamm_sensors:measure_effect", {})

    def show_browser(self):
        from .gui.browser_dock import BrowserDock
        if self.browser_dock is None:
            self.browser_dock = self.add_dock(BrowserDock(
                self.iface, self.iface.mainWindow(), on_add_live=self._add_live_from_browser))
        self.browser_dock.show()
        self.browser_dock.raise_()
        return self.browser_dock

    def _add_live_from_browser(self, url: str, authcfg: str, ids, name: str):
        from hamm_core.adapters.settings import Settings
        host, _sep, port = Settings("sensors").value("mqtt", "", str).partition(":")
        return self.start_live_layer(url, authcfg, mqtt_host=host,
                                     mqtt_port=int(port) if port.isdigit() else 0, ids=ids,
                                     name=name)

    def show_timeseries(self):
        from .gui.timeseries_dock import TimeSeriesDock
        if self.timeseries_dock is None:
            self.timeseries_dock = self.add_dock(TimeSeriesDock(self.iface,
                                                                self.iface.mainWindow()))
        self.timeseries_dock.show()
        self.timeseries_dock.raise_()
        return self.timeseries_dock

    def add_history_layer(self) -> None:
        from qgis.core import Qgis, QgsProject
        from qgis.PyQt.QtWidgets import QDialog

        from hamm_core.adapters.messages import push, push_error

        from .adapters.history_layer import HISTORY_PROPERTY, load_history
        from .adapters.live_layer import AUTHCFG_PROPERTY, URL_PROPERTY
        from .gui.history_dialog import HistoryDialog
        from .logic.timeseries import history_spec
        layer = self.iface.activeLayer()
        url = layer.customProperty(URL_PROPERTY, "") if layer is not None else ""
        auth = layer.customProperty(AUTHCFG_PROPERTY, "") if layer is not None else ""
        dialog = HistoryDialog(self.iface.mainWindow(), url or "", auth or "")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()

        def done(layer, warnings):
            layer.setCustomProperty(URL_PROPERTY, values["base_url"])
            layer.setCustomProperty(AUTHCFG_PROPERTY, values["authcfg"])
            # a saved project loads the same period again when it is opened
            layer.setCustomProperty(HISTORY_PROPERTY, history_spec(
                values["props"], values["start"], values["end"]))
            QgsProject.instance().addMapLayer(layer)
            push(self.iface, self.tr("{n} observations loaded; play them with the temporal "
                                     "controller.").format(n=layer.featureCount()))
            for w in warnings:
                push(self.iface, w, Qgis.Warning, 10)

        load_history(values["base_url"], values["authcfg"], values["props"], values["start"],
                     values["end"], on_done=done,
                     on_error=lambda err: push_error(self.iface, err))

    def edit_thresholds(self) -> None:
        from .gui.thresholds_dialog import ThresholdsDialog
        dialog = ThresholdsDialog(self.iface.mainWindow())
        if dialog.exec() and dialog.saved is not None:
            for live in self.live_layers:
                live.set_thresholds(dialog.saved)

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
                         mqtt_host: str = "", mqtt_port: int = 0, add_to_project: bool = True,
                         ids=(), name: str = ""):
        from qgis.core import QgsProject

        from hamm_core.adapters.messages import push_error

        from .adapters.live_layer import LiveLayer

        live = LiveLayer(url, authcfg, interval_s=interval_s, on_warning=self._warn,
                         on_error=lambda err: push_error(self.iface, err), ids=ids, name=name)
        live.remember("{}:{}".format(mqtt_host, mqtt_port) if mqtt_host and mqtt_port else "")
        self.live_layers.append(live)
        if add_to_project:
            QgsProject.instance().addMapLayer(live.layer)
            warnings_layer = live.enable_warnings_layer()
            QgsProject.instance().addMapLayer(warnings_layer.layer)
            self._watch(live)
        live.start()
        if mqtt_host and mqtt_port:
            live.connect_mqtt(mqtt_host, mqtt_port)
        return live

    def _warn(self, event) -> None:
        from qgis.core import Qgis

        from hamm_core.adapters.messages import push
        push(self.iface, event.message(), Qgis.Warning, 15)

    def restore_live_layers(self) -> list:
        """Restart the live layers of the project just opened (see adapters/restore.py)."""
        from qgis.core import QgsProject

        from hamm_core.adapters.messages import push_error

        from .adapters.restore import restore_history_layers, restore_live_layers
        restored = restore_live_layers(QgsProject.instance(), self.live_layers, self._warn,
                                       lambda err: push_error(self.iface, err))
        restore_history_layers(QgsProject.instance(), lambda err: push_error(self.iface, err))
        for live in restored:
            self.live_layers.append(live)
            self._watch(live)
        return restored

    def _watch(self, live) -> None:
        """Stop ``live`` when its layer is removed. Not through self.connections: a
        connection to a layer that is already deleted must not be disconnected later."""
        def slot():
            self._forget(live)
        live.layer.willBeDeleted.connect(slot)
        self._watched[id(live)] = (live, slot)

    def _forget(self, live) -> None:
        self._watched.pop(id(live), None)
        live.stop()
        if live in self.live_layers:
            self.live_layers.remove(live)

    def unload(self) -> None:
        import contextlib

        from qgis.core import QgsProject
        with contextlib.suppress(TypeError, RuntimeError):
            QgsProject.instance().readProject.disconnect(self._on_read_project)
        for live, slot in list(self._watched.values()):  # their layers are still alive
            with contextlib.suppress(TypeError, RuntimeError):
                live.layer.willBeDeleted.disconnect(slot)
        self._watched = {}
        for live in list(self.live_layers):
            live.stop()
        self.live_layers = []
        self.timeseries_dock = None
        self.browser_dock = None
        super().unload()

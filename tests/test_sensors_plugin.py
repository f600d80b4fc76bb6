"""The sensors plugin in QGIS: its actions, docks and algorithms, German help, and live
layers of a saved project restarted when the project is opened."""

import pytest
from qgis.core import QgsApplication, QgsProject

from hamm_core.adapters.i18n import install_translator, remove_translator
from hamm_core.adapters.tasks import wait_for
from hamm_sensors.adapters.restore import restore_live_layers

pytestmark = [pytest.mark.qgis]


@pytest.fixture
def plugin(qgis_iface, qgis_processing):
    import hamm_sensors
    plug = hamm_sensors.classFactory(qgis_iface)
    plug.initGui()
    yield plug
    plug.unload()


def test_actions_docks_and_algorithms(plugin, root_dir):
    names = {a.objectName() for a in plugin.actions}
    assert {"hamm_sensors_live_layer", "hamm_sensors_browser", "hamm_sensors_timeseries",
            "hamm_sensors_history", "hamm_sensors_thresholds", "hamm_sensors_statistics",
            "hamm_sensors_measure_effect"} <= names
    dock = plugin.show_timeseries()
    assert dock is plugin.show_timeseries() and dock in plugin.docks
    browser = plugin.show_browser()
    assert browser in plugin.docks and browser.model.rowCount() == 0
    alg = QgsApplication.processingRegistry().algorithmById("hamm_sensors:measure_effect")
    assert alg is not None and "difference-in-differences" in alg.shortHelpString()
    assert {o.name() for o in alg.outputDefinitions()} >= {"OUTPUT", "STATIONS", "EFFECT",
                                                           "SE", "CI_LOW", "CI_HIGH"}


def test_german_help_names_the_method(plugin, root_dir):
    try:
        assert install_translator("hamm_sensors", str(root_dir / "plugins" / "hamm_sensors"),
                                  lang="de")
        alg = QgsApplication.processingRegistry().algorithmById(
            "hamm_sensors:measure_effect").create()
        assert alg.displayName() == "Maßnahmenwirkung prüfen"
        assert "Differenz-von-Differenzen-Methode" in alg.shortHelpString()
        assert "Standardfehler" in alg.shortHelpString()
        from hamm_sensors.gui.thresholds_dialog import ThresholdsDialog
        dialog = ThresholdsDialog()
        assert dialog.windowTitle() == "Warnschwellen der Sensoren"
        assert dialog.rows()[0][2] in ("Hitze", "Extreme Hitze", "Starkregen",
                                       "Extremer Starkregen")
        dialog.deleteLater()
    finally:
        remove_translator("hamm_sensors")


@pytest.mark.server
def test_saved_live_layer_restarts_when_the_project_opens(plugin, sta_network, tmp_path):
    from hamm_sensors.adapters.live_layer import LiveLayer
    live = LiveLayer(sta_network.base_url, interval_s=0, filter_="name eq 'Station 05'",
                     props=["air_temperature", "wind_speed"])
    live.remember()
    project = QgsProject()
    project.addMapLayer(live.layer)
    path = str(tmp_path / "live.qgs")
    assert project.write(path)
    live.stop()
    project.clear()
    assert QgsProject.instance().read(path)
    try:
        assert len(plugin.live_layers) == 1
        restored = plugin.live_layers[0]
        assert restored.props == ["air_temperature", "wind_speed"]
        assert wait_for(restored.task, 120) and restored.last_error is None
        feats = {f["ds_id"]: f["value"] for f in restored.layer.getFeatures()}
        assert feats == pytest.approx({
            sta_network.datastream(5, p): sta_network.observations[
                sta_network.datastream(5, p)][-1][1] for p in ("air_temperature", "wind_speed")})
    finally:
        QgsProject.instance().clear()
    assert plugin.live_layers == []  # the layer went away with the project: stopped


def _wait_until(predicate, timeout_s: float = 120.0) -> bool:
    import time
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QgsApplication.processEvents()
        if predicate():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.server
def test_history_layer_from_the_menu_comes_back_with_its_period(plugin, sta_network, tmp_path,
                                                                 monkeypatch):
    """A history layer loaded through the menu keeps its period in the saved project and
    is filled with the same observations when the project is opened again."""
    from datetime import timedelta

    from qgis.PyQt.QtWidgets import QDialog

    from hamm_sensors.gui import history_dialog
    end = sta_network.end - timedelta(hours=1)
    start = end - timedelta(hours=2)
    monkeypatch.setattr(history_dialog.HistoryDialog, "exec",
                        lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(history_dialog.HistoryDialog, "values", lambda self: {
        "base_url": sta_network.base_url, "authcfg": "", "props": ["air_temperature"],
        "start": start, "end": end})
    expected = {(ds, int(t.timestamp() * 1000))
                for ds in sta_network.ids_of("air_temperature")
                for t, _v in sta_network.observations[ds] if start <= t <= end}
    assert len(expected) > 30 * 12  # 30 stations, 10-minute values (one goes quiet)

    def keys(layer):
        return {(f["ds_id"], f["time"].toMSecsSinceEpoch()) for f in layer.getFeatures()}

    project = QgsProject.instance()
    try:
        plugin.add_history_layer()
        assert _wait_until(lambda: len(project.mapLayers()) == 1)
        layer = next(iter(project.mapLayers().values()))
        assert keys(layer) == expected
        path = str(tmp_path / "history.qgs")
        assert project.write(path)
        project.clear()
        assert project.read(path)
        reopened = next(iter(project.mapLayers().values()))
        assert _wait_until(lambda: reopened.featureCount() == len(expected))
        assert keys(reopened) == expected  # the same period, not the hours before now
        assert reopened.temporalProperties().isActive()
    finally:
        project.clear()


def test_broken_saved_settings_are_skipped(qgis_app):
    from qgis.core import QgsVectorLayer

    from hamm_sensors.adapters.live_layer import (
        IDS_PROPERTY,
        LIVE_PROPERTY,
        URL_PROPERTY,
        live_layer_uri,
    )
    project = QgsProject()
    layer = QgsVectorLayer(live_layer_uri(), "kaputt", "memory")
    layer.setCustomProperty(LIVE_PROPERTY, True)
    layer.setCustomProperty(URL_PROPERTY, "http://127.0.0.1:1/v1.1")
    layer.setCustomProperty(IDS_PROPERTY, "[kaputt")
    no_url = QgsVectorLayer(live_layer_uri(), "ohne URL", "memory")
    no_url.setCustomProperty(LIVE_PROPERTY, True)
    from hamm_sensors.adapters.history_layer import HISTORY_PROPERTY, history_layer
    history = history_layer([])
    history.setCustomProperty(URL_PROPERTY, "http://127.0.0.1:1/v1.1")
    history.setCustomProperty(HISTORY_PROPERTY, '{"hours": "viele"}')
    project.addMapLayers([layer, no_url, history])
    assert restore_live_layers(project, [], start=False) == []
    from hamm_sensors.adapters.restore import restore_history_layers
    assert restore_history_layers(project) == []
    project.clear()


def test_live_layer_made_permanent_is_never_rewritten(qgis_app, tmp_path):
    """'Make Permanent' keeps a live layer's custom properties on the GeoPackage layer;
    opening the project must not feed (and empty) the user's file."""
    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    from hamm_sensors.adapters.history_layer import HISTORY_PROPERTY
    from hamm_sensors.adapters.live_layer import LIVE_PROPERTY, URL_PROPERTY, live_layer_uri
    from hamm_sensors.adapters.restore import restore_history_layers
    mem = QgsVectorLayer(live_layer_uri(), "live", "memory")
    feat = QgsFeature(mem.fields())
    feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(410000, 5725000)))
    mem.dataProvider().addFeatures([feat, QgsFeature(feat)])
    path = str(tmp_path / "gesichert.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV3(mem, path, QgsCoordinateTransformContext(),
                                                    options)[0]
    assert err == QgsVectorFileWriter.NoError
    saved = QgsVectorLayer(path, "gesichert", "ogr")
    saved.setCustomProperty(LIVE_PROPERTY, True)
    saved.setCustomProperty(URL_PROPERTY, "http://127.0.0.1:1/v1.1")
    saved.setCustomProperty(HISTORY_PROPERTY, '{"hours": 24, "props": []}')
    project = QgsProject()
    project.addMapLayer(saved)
    assert restore_live_layers(project, [], start=False) == []
    assert restore_history_layers(project) == []
    project.clear()
    assert QgsVectorLayer(path, "check", "ogr").featureCount() == 2

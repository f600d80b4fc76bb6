"""hamm_core's QGIS adapters: settings, tasks, OGC layer sources, the Processing provider."""

import os
import subprocess

import pytest
from qgis.core import QgsApplication, QgsProject, QgsSettings, QgsVectorLayer

from hamm_core.adapters import ogc
from hamm_core.adapters.settings import Settings
from hamm_core.adapters.tasks import run_task, wait_for
from hamm_core.logic.errors import HammError

pytestmark = pytest.mark.qgis


def test_settings_live_under_one_prefix(qgis_app):
    s = Settings("network")
    s.set_value("timeout_s", 12.5)
    assert s.value("timeout_s", 30.0, float) == 12.5
    assert QgsSettings().value("plugins/digitales_hamm/network/timeout_s", type=float) == 12.5
    stored = s.keys()
    assert "timeout_s" in stored
    s.set_value("retries", "not a number")
    assert s.value("retries", 2, int) in (2, 0)  # unconvertible -> default, never an exception
    s.remove("timeout_s")
    s.remove("retries")
    assert not s.contains("timeout_s")


def test_task_result_and_progress(qgis_app):
    results = []

    def work(task):
        for i in range(5):
            task.setProgress(i * 25)
        return sum(range(10))

    from hamm_core.adapters import tasks as tasks_module
    from hamm_core.adapters.tasks import HammTask
    progress = []
    task = HammTask("sum", work, on_done=results.append)
    task.progressChanged.connect(progress.append)
    tasks_module._RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)
    assert wait_for(task, 20)
    assert results == [45]
    assert 75.0 in progress


def test_task_error_comes_back_on_main_thread(qgis_app):
    import threading
    seen = {}

    def work(task):
        seen["worker"] = threading.current_thread().name
        raise HammError("Kaputt")

    def on_error(err):
        seen["main"] = threading.current_thread() is threading.main_thread()
        seen["err"] = err

    task = run_task("fail", work, on_error=on_error)
    assert wait_for(task, 20)
    assert seen["main"] is True
    assert seen["worker"] != threading.main_thread().name
    assert str(seen["err"]) == "Kaputt"


def test_failing_callback_does_not_crash(qgis_app):
    task = run_task("cb", lambda t: 1, on_done=lambda r: 1 / 0)
    assert wait_for(task, 20)  # logged, not raised into QGIS


@pytest.mark.parametrize("stype, expected, provider", [
    ("WMS", {"url": "http://h/ows", "layers": "gebaeude", "crs": "EPSG:25832",
             "format": "image/png"}, "wms"),
    ("WMTS", {"url": "http://h/wmts", "layers": "gebaeude", "tileMatrixSet": "EPSG:25832",
              "styles": "default"}, "wms"),
    ("WCS", {"url": "http://h/ows", "identifier": "gebaeude"}, "wcs"),
])
def test_raster_layer_sources(qgis_app, stype, expected, provider):
    from urllib.parse import parse_qs
    source, prov, is_raster = ogc.layer_source(stype, expected["url"], "gebaeude")
    assert prov == provider and is_raster
    parsed = {k: v[0] for k, v in parse_qs(source).items()}
    for key, value in expected.items():
        assert parsed[key] == value


def test_vector_layer_sources(qgis_app):
    source, prov, is_raster = ogc.layer_source("WFS", "http://h/ows", "gebaeude",
                                               authcfg="abc1234")
    assert prov == "WFS" and not is_raster
    from qgis.core import QgsDataSourceUri
    uri = QgsDataSourceUri(source)
    assert uri.authConfigId() == "abc1234"
    assert (uri.param("typename"), uri.param("url"), uri.param("srsname")) == \
        ("gebaeude", "http://h/ows", "EPSG:25832")
    assert uri.param("pagingEnabled") == "true"
    source, prov, _ = ogc.layer_source("OAPIF", "http://h/wfs3/", "stadtbezirke")
    assert prov == "OAPIF" and "url='http://h/wfs3'" in source
    with pytest.raises(HammError, match="cannot be added as a layer"):
        ogc.layer_source("GTFS", "http://h", "x")


def test_invalid_service_layer_raises_clear_error(qgis_app):
    from conftest import free_port
    url = "http://127.0.0.1:{}/ows".format(free_port())
    with pytest.raises(HammError) as info:
        ogc.make_layer("WFS", url, "gebaeude", "Gebäude")
    assert "could not be loaded" in info.value.user_message
    assert "WFS" in info.value.detail  # the provider's own complaint, for the log


def test_add_to_project_in_group(qgis_new_project):
    layer = QgsVectorLayer("Point?crs=EPSG:25832", "Messpunkte", "memory")
    ogc.add_to_project(layer, "Digitales Hamm")
    ogc.add_to_project(QgsVectorLayer("Point?crs=EPSG:25832", "Zwei", "memory"),
                       "Digitales Hamm")
    group = QgsProject.instance().layerTreeRoot().findGroup("Digitales Hamm")
    assert [c.name() for c in group.children()] == ["Messpunkte", "Zwei"]
    assert len(QgsProject.instance().layerTreeRoot().findGroups()) == 1


def test_districts_algorithm(qgis_processing, tmp_path):
    import processing

    from hamm_core.processing.base import register_provider, unregister_provider
    from hamm_core.processing.provider import CoreProvider
    provider = CoreProvider()
    register_provider(provider)
    try:
        out = str(tmp_path / "bezirke.gpkg")
        result = processing.run("hamm_core:districts", {"OUTPUT": out})
        layer = QgsVectorLayer(result["OUTPUT"], "b", "ogr")
        assert layer.featureCount() == 7
        assert layer.crs().authid() == "EPSG:25832"
        names = sorted(f["name"] for f in layer.getFeatures())
        assert names == sorted(["Hamm-Mitte", "Uentrop", "Rhynern", "Pelkum", "Herringen",
                                "Bockum-Hövel", "Heessen"])
        geoms = [f.geometry() for f in layer.getFeatures()]
        assert all(g.isGeosValid() for g in geoms)
        # The synthetic districts tile the profile's extent: no gap, no overlap
        assert sum(g.area() for g in geoms) == pytest.approx(24000 * 17000, rel=1e-6)
        alg = QgsApplication.processingRegistry().algorithmById("hamm_core:districts")
        assert "districts of the city profile" in alg.shortHelpString()
    finally:
        unregister_provider(provider)


def test_districts_algorithm_explains_a_broken_profile(qgis_processing, tmp_path):
    # Its own test: the exception's traceback keeps the test's locals alive, and a
    # QgsVectorLayer that outlives QGIS (3.22) crashes the interpreter at exit.
    import processing
    from qgis.core import QgsProcessingException

    from hamm_core.processing.base import register_provider, unregister_provider
    from hamm_core.processing.provider import CoreProvider
    provider = CoreProvider()
    register_provider(provider)
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    try:
        with pytest.raises(QgsProcessingException, match="broken JSON"):
            processing.run("hamm_core:districts", {"PROFILE": str(bad),
                                                   "OUTPUT": str(tmp_path / "x.gpkg")})
    finally:
        unregister_provider(provider)
    assert not (tmp_path / "x.gpkg").exists()


@pytest.mark.slow
def test_districts_in_qgis_process(root_dir, tmp_path):
    """Planners run algorithms from the command line: qgis_process finds the provider."""
    profile = tmp_path / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nhamm_core=true\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
               QGIS_PLUGINPATH=str(root_dir / "plugins"))
    out = tmp_path / "bezirke.gpkg"
    proc = subprocess.run(["/usr/bin/qgis_process.bin", "run", "hamm_core:districts", "--",
                           "OUTPUT={}".format(out)], env=env, capture_output=True, text=True, check=False,
                          timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "7 districts of Hamm written." in proc.stdout
    assert QgsVectorLayer(str(out), "b", "ogr").featureCount() == 7


def test_options_page_saves_settings_and_refuses_broken_profile(qgis_app, tmp_path):
    from hamm_core.adapters.profile import profile_path
    from hamm_core.gui.options_page import HammOptionsPage
    page = HammOptionsPage()
    page.timeout.setValue(12)
    page.retries.setValue(4)
    page.max_mb.setValue(5)
    bad = tmp_path / "kaputt.json"
    bad.write_text("{")
    before = profile_path()
    page.profile_edit.setText(str(bad))
    page.apply()
    net = Settings("network")
    try:
        assert net.value("timeout_s", 0.0, float) == 12.0
        assert net.value("retries", 0, int) == 4
        assert net.value("max_bytes", 0, int) == 5 * 1024 * 1024
        assert "broken JSON" in page.status.text()
        assert profile_path() == before  # the profile in force stays
        assert page.profile_edit.text() == before
    finally:
        for key in ("timeout_s", "retries", "max_bytes"):
            net.remove(key)


def test_messages_reach_bar_and_log(qgis_iface):
    from qgis.core import Qgis

    from hamm_core.adapters.messages import push, push_error
    from hamm_core.logic.errors import NetworkError
    logged = []

    def collect(message, tag, level):
        logged.append((tag, message))

    QgsApplication.messageLog().messageReceived.connect(collect)
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    try:
        push(qgis_iface, "3 Layer hinzugefügt.", Qgis.Success)
        push_error(qgis_iface, NetworkError("http", "u", "Dienst nicht erreichbar.",
                                            detail="HTTP 502 Bad Gateway"))
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(collect)
    assert any("3 Layer hinzugefügt." in m for m in bar.get_messages(Qgis.Success))
    assert any("Dienst nicht erreichbar." in m for m in bar.get_messages(Qgis.Critical))
    assert ("Digitales Hamm", "Dienst nicht erreichbar. [HTTP 502 Bad Gateway]") in logged

"""Every plugin loads against the real QgisInterface stand-in of pytest-qgis, adds its
actions to the shared "Digitales Hamm" menu, and unloads without leaving anything."""

import importlib

import pytest
from conftest import ALL_PLUGINS
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QMenu, QToolBar

from hamm_core.definitions import MENU_OBJECT_NAME, TOOLBAR_OBJECT_NAME
from hamm_core.gui import menu

pytestmark = pytest.mark.qgis


def _suite_menu(iface):
    return iface.mainWindow().menuBar().findChild(QMenu, MENU_OBJECT_NAME)


def _suite_toolbar(iface):
    return iface.mainWindow().findChild(QToolBar, TOOLBAR_OBJECT_NAME)


def _live_suite_actions(iface):
    """Suite actions still reachable from the menu bar or a toolbar."""
    names = []
    for action in iface.mainWindow().menuBar().actions():
        sub = action.menu()
        stack = [sub] if sub else []
        while stack:
            m = stack.pop()
            for a in m.actions():
                if a.menu():
                    stack.append(a.menu())
                elif a.objectName().startswith("hamm_"):
                    names.append(a.objectName())
    for bar in iface.mainWindow().findChildren(QToolBar):
        names += [a.objectName() for a in bar.actions() if a.objectName().startswith("hamm_")]
    return names


def _providers():
    return sorted(p.id() for p in QgsApplication.processingRegistry().providers()
                  if p.id().startswith("hamm"))


@pytest.mark.parametrize("plugin_id", ALL_PLUGINS)
def test_plugin_loads_and_unloads_cleanly(plugin_id, qgis_iface, qgis_processing):
    module = importlib.import_module(plugin_id)
    plugin = module.classFactory(qgis_iface)
    plugin.initGui()
    try:
        suite_menu = _suite_menu(qgis_iface)
        assert suite_menu is not None and suite_menu.title() == "Digitales Hamm"
        own = [a.objectName() for a in plugin.actions]
        assert own and all(name.startswith(plugin_id) for name in own)
        assert set(own) <= set(_live_suite_actions(qgis_iface))
        assert menu.registered_plugins() == [plugin_id]
        assert len(plugin.connections) == len(plugin.actions)
        if plugin_id == "hamm_core":
            assert _providers() == ["hamm_core"]
            assert _suite_toolbar(qgis_iface) is not None
    finally:
        plugin.unload()
    QgsApplication.processEvents()
    assert _live_suite_actions(qgis_iface) == []
    assert _suite_menu(qgis_iface) is None
    assert _suite_toolbar(qgis_iface) is None
    assert _providers() == []
    assert len(plugin.connections) == 0
    assert menu.registered_plugins() == []


def test_all_plugins_share_one_menu_in_any_order(qgis_iface, qgis_processing):
    plugins = {}
    for plugin_id in reversed(ALL_PLUGINS):  # tool plugins before the core
        plugins[plugin_id] = importlib.import_module(plugin_id).classFactory(qgis_iface)
        plugins[plugin_id].initGui()
    bar = qgis_iface.mainWindow().menuBar()
    assert len(bar.findChildren(QMenu, MENU_OBJECT_NAME)) == 1
    submenus = [a.menu().title() for a in _suite_menu(qgis_iface).actions() if a.menu()]
    assert len(submenus) == 7
    assert "Core" in submenus and "LoRaWAN" in submenus
    assert len(_live_suite_actions(qgis_iface)) == sum(len(p.actions) for p in plugins.values()) \
        + 1  # the catalog action is also on the toolbar
    plugins.pop("hamm_core").unload()  # the core goes first: the menu stays for the rest
    assert _suite_menu(qgis_iface) is not None
    for plugin in plugins.values():
        plugin.unload()
    QgsApplication.processEvents()
    assert _suite_menu(qgis_iface) is None and _live_suite_actions(qgis_iface) == []


def test_unload_disconnects_and_deletes_actions(qgis_iface, qgis_processing):
    from qgis.PyQt import sip
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    plugin = importlib.import_module("hamm_twin").classFactory(qgis_iface)
    calls = []
    plugin.show_about = lambda: calls.append(1)
    plugin.initGui()
    action = plugin.actions[0]
    action.trigger()
    assert calls == [1]
    plugin.unload()
    action.trigger()  # still alive until deferred deletion: but no longer connected
    assert calls == [1]
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert sip.isdeleted(action)


def test_core_catalog_dialog_lists_profile_services(qgis_iface, qgis_processing, monkeypatch):
    from hamm_core.adapters import profile as profile_adapter
    from hamm_core.logic.profile import shipped_profile_path
    monkeypatch.setenv("DIGITALES_HAMM_PROFILE", shipped_profile_path("hamm_demo"))
    profile_adapter.active_profile(reload=True)
    plugin = importlib.import_module("hamm_core").classFactory(qgis_iface)
    plugin.initGui()
    try:
        catalog = next(a for a in plugin.actions if a.objectName() == "hamm_core_catalog")
        catalog.trigger()
        dialog = plugin.dialog
        titles = [dialog.tree.topLevelItem(i).text(0)
                  for i in range(dialog.tree.topLevelItemCount())]
        # English UI in tests: the English titles of the demo profile's layer services
        assert "Hamm demo map (WMS)" in titles and "Digital orthophotos NRW" in titles
        # download services (LoD2) are not layer services and are not listed
        assert all("LoD2" not in t for t in titles)
        assert len(list(dialog.checked_layers())) == 0
    finally:
        plugin.unload()
    assert plugin.dialog is None
    profile_adapter.active_profile(reload=True)


def test_no_direct_pyqt5_imports(root_dir):
    offenders = []
    for path in (root_dir / "plugins").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import PyQt5", "from PyQt5", "import PyQt6", "from PyQt6",
                                    "import requests", "from requests",
                                    "import urllib.request", "from urllib.request")):
                offenders.append("{}: {}".format(path.relative_to(root_dir), stripped))
    assert offenders == []


@pytest.mark.server
def test_catalog_adds_checked_layers_from_a_real_server(qgis_iface, qgis_new_project,
                                                        demo_server, demo_data):
    """The catalog dialog, driven as a user would: tick layers, press 'Add layers'."""
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import Qt

    from hamm_core.gui.catalog_dialog import CatalogDialog
    from hamm_core.logic.profile import from_dict
    profile = from_dict({
        "id": "t", "name": "Hamm (Test)", "crs": "EPSG:25832",
        "extent": [407000, 5717000, 431000, 5734000],
        "services": [
            {"id": "wfs", "type": "WFS", "url": demo_server.ows_url, "layers": ["gebaeude"],
             "title": {"de": "Gebäude", "en": "Buildings"}, "group": "Demo-Dienste"},
            {"id": "oapif", "type": "OAPIF", "url": demo_server.oapif_url,
             "layers": ["stadtbezirke"], "title": "Bezirke", "group": "Demo-Dienste"},
            {"id": "broken", "type": "WFS", "url": demo_server.ows_url, "layers": ["gibtsnicht"],
             "title": "Kaputt", "group": "Demo-Dienste"}]})
    dialog = CatalogDialog(qgis_iface, profile)
    for i in range(dialog.tree.topLevelItemCount()):
        dialog.tree.topLevelItem(i).child(0).setCheckState(0, Qt.CheckState.Checked)
    qgis_iface.messageBar().clear_messages()
    dialog.add_button.click()
    group = QgsProject.instance().layerTreeRoot().findGroup("Demo-Dienste")
    layers = {node.layer().name(): node.layer() for node in group.findLayers()}
    assert set(layers) == {"gebaeude", "stadtbezirke"}  # the broken one was not added
    gpkg_buildings = QgsVectorLayer("{}|layername=gebaeude".format(demo_data.gpkg), "g", "ogr")
    assert layers["gebaeude"].featureCount() == gpkg_buildings.featureCount() > 100
    assert layers["stadtbezirke"].featureCount() == 7
    from qgis.core import Qgis
    assert any("gibtsnicht" in m for m in qgis_iface.messageBar().get_messages(Qgis.Critical))
    assert any("2 layers added." in m for m in qgis_iface.messageBar().get_messages(Qgis.Success))
    dialog.deleteLater()

"""The UI speaks German: every string is translated, and QGIS with a German locale
shows German messages, menus and algorithm names."""

import importlib
import sys

import pytest
from qgis.core import QgsSettings

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "scripts"))
import i18n as i18n_tool  # noqa: E402

pytestmark = pytest.mark.qgis


def test_every_string_is_translated():
    assert i18n_tool.problems() == []


def test_check_catches_missing_unfinished_and_placeholder_errors(tmp_path, monkeypatch):
    plugin = tmp_path / "plugins" / "hamm_demo"
    plugin.mkdir(parents=True)
    (plugin / "metadata.txt").write_text("[general]\nname=x\n")
    (plugin / "a.py").write_text(
        'from x import tr\n\nclass A:\n    TITLE = "Title"\n\n'
        'LABELS = [tr_noop("Label")]\n\n'
        'def f():\n    return tr("Hello {name}"), tr("New"), translate("other", "Ctx")\n')
    monkeypatch.setattr(i18n_tool, "PLUGINS", tmp_path / "plugins")
    monkeypatch.setattr(i18n_tool, "I18N", tmp_path / "i18n")
    monkeypatch.setattr(i18n_tool, "ROOT", tmp_path)
    assert i18n_tool.problems() == ["hamm_demo_de.ts: missing"]
    assert i18n_tool.cmd_update(None) == 0
    found = i18n_tool.problems()
    assert len(found) == 5 and all("untranslated" in p for p in found)
    path = i18n_tool.ts_path("hamm_demo", "de")
    messages = i18n_tool.extract("hamm_demo")
    assert set(messages) == {("hamm_demo", "Title"), ("hamm_demo", "Hello {name}"),
                             ("hamm_demo", "New"), ("other", "Ctx"), ("hamm_demo", "Label")}
    i18n_tool.write_ts(path, "de", messages, {
        ("hamm_demo", "Title"): ("Titel", ""), ("hamm_demo", "Hello {name}"): ("Hallo {nme}", ""),
        ("hamm_demo", "New"): ("Neu", "unfinished"), ("other", "Ctx"): ("Kontext", ""),
        ("hamm_demo", "Label"): ("Beschriftung", ""),
        ("hamm_demo", "Gone"): ("Weg", "")})
    found = i18n_tool.problems()
    assert any("placeholders differ" in p and "Hello" in p for p in found)
    assert any("untranslated" in p and "New" in p for p in found)
    assert len(found) == 2  # the stale 'Gone' was not written back: write_ts keeps code keys


@pytest.fixture
def german(qgis_app, tmp_path):
    assert i18n_tool.main(["compile"]) == 0
    settings = QgsSettings()
    old = (settings.value("locale/userLocale", ""), settings.value("locale/overrideFlag", False))
    settings.setValue("locale/userLocale", "de")
    settings.setValue("locale/overrideFlag", True)
    yield
    settings.setValue("locale/userLocale", old[0])
    settings.setValue("locale/overrideFlag", old[1])
    from hamm_core.adapters.i18n import remove_translator
    for pid in ("hamm_core", "hamm_twin"):
        remove_translator(pid)


def test_german_ui(german, qgis_iface, qgis_processing, http_server):
    from qgis.PyQt.QtWidgets import QMenu

    from hamm_core.adapters import network
    from hamm_core.definitions import MENU_OBJECT_NAME
    from hamm_core.logic.errors import NetworkError
    core = importlib.import_module("hamm_core").classFactory(qgis_iface)
    twin = importlib.import_module("hamm_twin").classFactory(qgis_iface)
    core.initGui()
    twin.initGui()
    try:
        menu = qgis_iface.mainWindow().menuBar().findChild(QMenu, MENU_OBJECT_NAME)
        titles = [a.menu().title() for a in menu.actions() if a.menu()]
        assert titles == ["Kern", "Digitaler Zwilling"]
        assert [a.text() for a in core.actions] == [
            "Dienst aus dem Katalog hinzufügen…", "Stadtprofil…", "Über Digitales Hamm"]
        assert twin.actions[0].text() == "Über dieses Plugin"
        from qgis.core import QgsApplication
        alg = QgsApplication.processingRegistry().algorithmById("hamm_core:districts")
        assert alg.displayName() == "Stadtbezirke (aus dem Stadtprofil)"
        assert alg.group() == "Stadtprofil"
        with pytest.raises(NetworkError) as info:
            network.fetch(http_server.url("/status/404"))
        assert info.value.user_message.endswith(
            "wurde nicht gefunden (HTTP 404). Prüfen Sie die Adresse des Dienstes.")
    finally:
        twin.unload()
        core.unload()

"""Install a plugin of the suite from a plugin repository with QGIS's own plugin installer.

Run in its own process (tests/test_plugin_installer.py does it):

    QT_QPA_PLATFORM=offscreen python3 tests/helpers/install_from_repo.py \
        --repo-url http://127.0.0.1:PORT/plugins.xml --profile /tmp/x/profile \
        --plugin hamm_lorawan

What happens is what the plugin manager does when a user adds the repository and clicks
"Install": QgsPluginInstaller.fetchAvailablePlugins() reads plugins.xml over QGIS's network
stack, QgsPluginInstaller.installPlugin() downloads and unzips the plugin into the
profile's python/plugins, processDependencies() finds the missing core plugin by its name
and, once its dialog (QgsPluginDependenciesDialog) is accepted, installs it too; then the
installer loads and starts the plugins. The only stand-ins are the user's click on "OK" in
that dialog (a timer accepts it) and the QGIS main window (pytest-qgis's QgisInterface).

Afterwards the plugins are unloaded, started again the way QGIS does at start-up
(dependencies first) and unloaded again; after each unload no QAction named 'hamm_*'
may remain in the main window's menus or toolbars and no Processing provider 'hamm*'.

The profile is a fresh folder: QGIS settings (QSettings) live in <profile>/QGIS/QGIS3.ini,
never in the developer's profile. The last line on stdout is a JSON object.
"""

import argparse
import configparser
import json
import os
import sys
import time
import traceback

SYSTEM_PLUGINS = "/usr/share/qgis/python/plugins"
REPO_NAME = "Digitales Hamm (test)"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo-url", required=True, help="URL of plugins.xml")
    parser.add_argument("--profile", required=True, help="empty folder for the QGIS profile")
    parser.add_argument("--plugin", default="hamm_lorawan", help="plugin id to install")
    parser.add_argument("--core", default="hamm_core", help="id of the core plugin")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds for everything")
    return parser.parse_args()


def main() -> dict:
    args = parse_args()
    result = {"ok": False, "errors": [], "python_errors": [], "dialogs": [], "steps": []}
    profile = os.path.abspath(args.profile)
    os.makedirs(profile, exist_ok=True)

    # pytest-qgis's stand-in iface must be imported before the QgsApplication exists: its
    # slot signature "QList<QgsMapLayer*>" is resolved at import and fails afterwards.
    from pytest_qgis.mock_qgis_classes import MockMessageBar
    from pytest_qgis.qgis_interface import QgisInterface

    # Settings as QGIS desktop keeps them: INI file inside the profile folder.
    from qgis.PyQt.QtCore import QCoreApplication, QSettings
    QCoreApplication.setOrganizationName("QGIS")
    QCoreApplication.setOrganizationDomain("qgis.org")
    QCoreApplication.setApplicationName("QGIS3")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, profile)

    from qgis.core import QgsApplication, QgsSettings
    app = QgsApplication([], True, profile)
    app.initQgis()
    result["settings_file"] = QgsSettings().fileName()
    result["settings_dir"] = QgsApplication.qgisSettingsDirPath()

    log = []

    def on_log(message, tag, level):
        log.append({"tag": tag, "level": int(level), "message": message[:2000]})
    QgsApplication.messageLog().messageReceived.connect(on_log)

    # The main window and iface; plugins and the installer read qgis.utils.iface.
    import qgis.utils
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox

    class PluginManagerStandIn:
        """What the installer calls on iface.pluginManagerInterface(); keeps messages."""

        def __init__(self):
            self.messages = []
            self.metadata = {}

        def pushMessage(self, text, level=0, duration=-1):
            self.messages.append({"level": int(level), "text": text})

        def addPluginMetadata(self, metadata):
            self.metadata[metadata.get("id")] = metadata

        def clearPythonPluginMetadata(self):
            self.metadata = {}

        def reloadModel(self):
            pass

        def clearRepositoryList(self):
            pass

        def addToRepositoryList(self, repository):
            pass

        def showPluginManager(self, tab_index=-1):
            pass

    class Interface(QgisInterface):
        def __init__(self, *args):
            super().__init__(*args)
            self.plugin_manager = PluginManagerStandIn()

        def pluginManagerInterface(self):
            return self.plugin_manager

    main_window = QMainWindow()
    main_window.setObjectName("QgisApp")
    canvas = QgsMapCanvas(main_window)
    iface = Interface(canvas, MockMessageBar(), main_window)
    qgis.utils.iface = iface

    # What QGIS's Python start-up (QgsPythonUtilsImpl) sets for the user's profile.
    home_plugins = os.path.join(profile, "python", "plugins")
    os.makedirs(home_plugins, exist_ok=True)
    qgis.utils.home_plugin_path = home_plugins
    python_dir = os.path.join(QgsApplication.pkgDataPath(), "python")
    system_plugins = os.path.join(python_dir, "plugins")
    if not os.path.isdir(system_plugins):
        python_dir, system_plugins = os.path.dirname(SYSTEM_PLUGINS), SYSTEM_PLUGINS
    qgis.utils.plugin_paths[:] = [home_plugins, system_plugins]  # same list object
    sys.path.insert(0, home_plugins)
    for path in (python_dir, system_plugins):  # pyplugin_installer, processing
        if path not in sys.path:
            sys.path.append(path)

    # Record Python errors that QGIS would show in a dialog or the message bar.
    def record_exception(type_, value, tb, msg, messagebar=False, level=None):
        result["python_errors"].append({
            "message": str(msg),
            "traceback": "".join(traceback.format_exception(type_, value, tb))[-4000:]})
    qgis.utils.showException = record_exception

    from processing.core.Processing import Processing
    Processing.initialize()

    # Repositories as a city administrator would set them: the official one disabled (no
    # internet here), ours enabled; experimental plugins shown (the suite is 0.x).
    from pyplugin_installer import installer_data
    settings = QgsSettings()
    official_name, official_url = installer_data.officialRepo
    settings.setValue(installer_data.reposGroup + "/" + official_name + "/url", official_url)
    settings.setValue(installer_data.reposGroup + "/" + official_name + "/enabled", False)
    settings.setValue(installer_data.reposGroup + "/" + REPO_NAME + "/url", args.repo_url)
    settings.setValue(installer_data.reposGroup + "/" + REPO_NAME + "/enabled", True)
    settings.setValue(installer_data.settingsGroup + "/allowExperimental", True)
    settings.setValue(installer_data.settingsGroup + "/checkOnStart", False)
    settings.sync()

    # The user's clicks: accept the dependencies dialog; close anything else that would
    # block (and record it, so the test shows what it was). Also a deadline.
    from pyplugin_installer.qgsplugindependenciesdialog import QgsPluginDependenciesDialog
    from qgis.PyQt.QtCore import QTimer
    deadline = time.monotonic() + args.timeout

    def dialog_rows(dlg):
        rows = []
        table = dlg.pluginList
        for row in range(table.rowCount()):
            label = table.cellWidget(row, 0)
            rows.append({"name": label.text() if label else "",
                         "id": getattr(label, "p_id", None),
                         "action": getattr(label, "action", None),
                         "required": table.item(row, 2).text() if table.item(row, 2) else "",
                         "available": table.item(row, 3).text() if table.item(row, 3) else ""})
        return rows

    def click():
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if isinstance(widget, QgsPluginDependenciesDialog):
                result["dialogs"].append({"kind": "dependencies", "rows": dialog_rows(widget)})
                widget.accept()
            elif isinstance(widget, QMessageBox):
                result["dialogs"].append({"kind": "message", "text": widget.text()})
                widget.reject()
            elif isinstance(widget, QDialog) and time.monotonic() > deadline:
                result["dialogs"].append({"kind": "timeout", "class": type(widget).__name__})
                widget.reject()
    clicker = QTimer()
    clicker.setInterval(50)
    clicker.timeout.connect(click)
    clicker.start()

    import pyplugin_installer
    installer = pyplugin_installer.instance()

    # 1. Fetch the repository, as the plugin manager does when it opens.
    installer.fetchAvailablePlugins(reloadMode=True)
    repo = installer_data.repositories.all().get(REPO_NAME, {})
    result["repository_state"] = repo.get("state")
    result["repository_error"] = repo.get("error", "")
    available = installer_data.plugins.all()
    result["available"] = {
        key: {"name": p["name"], "version": p["version_available"],
              "experimental": p["experimental"], "status": p["status"],
              "status_exp": p["status_exp"], "download_url": p["download_url"],
              "plugin_dependencies": p.get("plugin_dependencies", "")}
        for key, p in available.items() if key.startswith("hamm_")}
    result["steps"].append("fetched")
    if args.plugin not in available:
        result["errors"].append("{} is not offered by {}".format(args.plugin, args.repo_url))
        return result

    # 2. Install like the "Install plugin" / "Install experimental plugin" button.
    plugin = available[args.plugin]
    stable = bool(plugin["version_available_stable"])
    installer.installPlugin(args.plugin, stable=stable)
    result["steps"].append("installed")
    result["installer_messages"] = iface.plugin_manager.messages
    result["installed_folders"] = sorted(
        name for name in os.listdir(home_plugins)
        if os.path.isdir(os.path.join(home_plugins, name)))
    installed = {}
    for plugin_id in (args.plugin, args.core):
        meta_path = os.path.join(home_plugins, plugin_id, "metadata.txt")
        if os.path.isfile(meta_path):
            parser = configparser.ConfigParser()  # as qgis.utils reads it
            with open(meta_path, encoding="utf-8") as handle:
                parser.read_file(handle)
            installed[plugin_id] = {key: parser.get("general", key)
                                    for key in ("name", "version", "plugin_dependencies",
                                                "hasProcessingProvider")
                                    if parser.has_option("general", key)}
    result["installed"] = installed
    for plugin_id in (args.plugin, args.core):
        if plugin_id not in installed:
            result["errors"].append("{} was not installed into {}".format(plugin_id, home_plugins))
    result["settings_enabled"] = {
        pid: settings.value("/PythonPlugins/" + pid, False, type=bool)
        for pid in (args.plugin, args.core)}

    ids = [args.core, args.plugin]
    result["after_install"] = snapshot(main_window, ids)

    # 3. Unload (dependants first), 4. start again as QGIS does at start-up, 5. unload.
    result["unload_1"] = unload(ids[::-1], main_window, ids)
    qgis.utils.updateAvailablePlugins(sort_by_dependencies=True)
    order = [p for p in qgis.utils.available_plugins if p in ids]
    result["start_order"] = order
    loaded = {}
    for plugin_id in order:
        loaded[plugin_id] = {"load": qgis.utils.loadPlugin(plugin_id),
                             "start": qgis.utils.startPlugin(plugin_id)}
    result["restart"] = loaded
    result["after_restart"] = snapshot(main_window, ids)
    result["unload_2"] = unload(order[::-1], main_window, ids)

    clicker.stop()
    result["log"] = [entry for entry in log
                     if entry["level"] >= 1 or "Hamm" in entry["tag"]][-50:]
    result["ok"] = not result["errors"]
    return result


def hamm_actions(main_window):
    """objectNames of QActions named hamm_* in the main window's menus and toolbars."""
    from qgis.PyQt.QtWidgets import QMenu, QToolBar

    found = []

    def walk(actions, seen):
        for action in actions:
            if id(action) in seen:
                continue
            seen.add(id(action))
            if action.objectName().startswith("hamm_"):
                found.append(action.objectName())
            if action.menu() is not None:
                walk(action.menu().actions(), seen)
    seen = set()
    walk(main_window.menuBar().actions(), seen)
    for bar in main_window.findChildren(QToolBar):
        walk(bar.actions(), seen)
    for menu in main_window.findChildren(QMenu):
        walk(menu.actions(), seen)
    return sorted(set(found))


def hamm_providers():
    from qgis.core import QgsApplication
    return sorted(p.id() for p in QgsApplication.processingRegistry().providers()
                  if p.id().lower().startswith("hamm"))


def snapshot(main_window, ids):
    import qgis.utils
    return {"active": sorted(p for p in qgis.utils.active_plugins if p in ids),
            "loaded": {p: qgis.utils.isPluginLoaded(p) for p in ids},
            "actions": hamm_actions(main_window),
            "providers": hamm_providers(),
            "modules": {m: getattr(sys.modules[m], "__file__", None) or ""
                        for m in sorted(sys.modules) if m.split(".")[0] in ids}}


def unload(order, main_window, ids):
    import qgis.utils
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    results = {p: qgis.utils.unloadPlugin(p) for p in order}
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    state = snapshot(main_window, ids)
    state["results"] = results
    return state


if __name__ == "__main__":
    started = time.monotonic()
    try:
        outcome = main()
    except Exception:  # report, do not hang or die silently
        outcome = {"ok": False, "errors": [traceback.format_exc()]}
    outcome["seconds"] = round(time.monotonic() - started, 2)
    sys.stdout.write("\n" + json.dumps(outcome, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    os._exit(0 if outcome.get("ok") else 1)

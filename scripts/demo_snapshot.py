"""Snapshots of the running QGIS demo; QGIS runs this file with ``--code`` (run_demo.py).

After QGIS has loaded the plugins and the demo project, and a few seconds for the canvas
to draw, it writes to $DEMO_OUT_DIR (default: the project's folder):
  qgis_window.png   the QGIS main window (with the "Digitales Hamm" menu in the menu bar)
  qgis_menu.png     the screen with the "Digitales Hamm" menu opened
  demo_map.png      the project's visible layers rendered at 1600x1200 over the districts
  snapshot.json     loaded plugins (qgis.utils.active_plugins), load errors, layers and
                    their validity, canvas extent, locale, the suite's menu entries
then quits QGIS. A watchdog ends QGIS if anything hangs.
"""

import json
import os
import threading
import traceback

from qgis import utils as qgis_utils
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMetaObject, QSize, Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QApplication, QMenu

SNAP = {
    "out": os.environ.get("DEMO_OUT_DIR") or QgsProject.instance().absolutePath()
    or os.getcwd(),
    "delay_ms": int(os.environ.get("DEMO_SNAPSHOT_DELAY_MS", "6000")),
    "suite": ("hamm_core", "hamm_twin", "hamm_sensors", "hamm_mobility", "hamm_coolplaces",
              "hamm_signals", "hamm_lorawan"),
    "messages": [],
    "timers": [],
}


def _snap_watchdog() -> None:
    print("demo_snapshot: watchdog fired, ending QGIS", flush=True)
    os._exit(3)


_SNAP_WATCHDOG = threading.Timer(float(os.environ.get("DEMO_SNAPSHOT_WATCHDOG_S", "90")),
                                 _snap_watchdog)
_SNAP_WATCHDOG.daemon = True
_SNAP_WATCHDOG.start()


def _snap_on_message(message, tag, level) -> None:
    if level >= Qgis.Warning or tag in ("Digitales Hamm", "Python error"):
        SNAP["messages"].append({"tag": tag, "level": int(level), "text": message[:2000]})


QgsApplication.messageLog().messageReceived.connect(_snap_on_message)


def _snap_later(ms: int, func) -> None:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(func)
    timer.start(ms)
    SNAP["timers"].append(timer)


def _snap_plugin_report() -> dict:
    """Per suite plugin: enabled in the profile, loaded, and why not (traceback)."""
    settings = QgsSettings()
    report = {}
    for pid in SNAP["suite"]:
        enabled = settings.value("PythonPlugins/" + pid, False, type=bool)
        active = pid in qgis_utils.active_plugins
        error = ""
        if enabled and not active:
            try:
                __import__(pid)
                error = "imports fine but is not active (see messages)"
            except Exception:  # the traceback is what we want to report
                error = traceback.format_exc()
        report[pid] = {"available": pid in qgis_utils.available_plugins, "enabled": enabled,
                       "active": active, "error": error}
    return report


def _snap_suite_menu():
    from hamm_core.definitions import MENU_OBJECT_NAME
    return qgis_utils.iface.mainWindow().findChild(QMenu, MENU_OBJECT_NAME)


def _snap_menu_entries(menu) -> list:
    entries = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        item = {"text": action.text()}
        if action.menu() is not None:
            item["actions"] = [a.text() for a in action.menu().actions() if not a.isSeparator()]
        entries.append(item)
    return entries


def _snap_layers() -> list:
    root = QgsProject.instance().layerTreeRoot()
    out = []
    for node in root.findLayers():
        layer = node.layer()
        item = {"name": node.name(), "group": node.parent().name() if node.parent() else "",
                "visible": node.isVisible(), "valid": bool(layer and layer.isValid())}
        if layer is not None:
            item.update({"provider": layer.providerType(), "crs": layer.crs().authid(),
                         "source": layer.publicSource()})
            if isinstance(layer, QgsVectorLayer) and layer.isValid():
                item["features"] = layer.featureCount()
        out.append(item)
    return out


# Close-ups of what the tool plugins add to the demo: file name -> (x, y, half height in
# EPSG:25832, the tool's layer group shown over the base demo layers)
DETAIL_VIEWS = {
    "demo_junction.png": (417901.0, 5725392.0, 70.0, "Detektionszonen"),
    "demo_lorawan.png": (417980.0, 5725900.0, 1000.0, "LoRaWAN"),
    "demo_coolplaces.png": (417980.0, 5725900.0, 800.0, "Kühle Orte"),
}
BASE_GROUP = "Digitales Hamm (Demo)"


def _group_layers(prefix: str) -> list:
    """Layers of the top-level group whose name starts with prefix, top first."""
    root = QgsProject.instance().layerTreeRoot()
    for group in root.children():
        if group.name().startswith(prefix) and hasattr(group, "findLayers"):
            return [node.layer() for node in group.findLayers() if node.layer() is not None]
    return []


def _snap_render_map(path: str, extent=None, layers=None) -> dict:
    project = QgsProject.instance()
    canvas = qgis_utils.iface.mapCanvas()
    if extent is None:
        districts = next((lyr for lyr in project.mapLayers().values()
                          if "layername=stadtbezirke" in lyr.source()), None)
        extent = districts.extent() if districts is not None else canvas.fullExtent()
        extent = extent.buffered(extent.width() * 0.03)
    settings = QgsMapSettings()
    # the visible layers, top first, as in the canvas (or the ones asked for)
    settings.setLayers(layers if layers is not None else canvas.layers())
    settings.setDestinationCrs(project.crs())
    settings.setTransformContext(project.transformContext())
    settings.setOutputSize(QSize(1600, 1200))
    settings.setOutputDpi(96)
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    settings.setFlag(QgsMapSettings.DrawLabeling, True)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(path, "PNG")
    return {"layers": [lyr.name() for lyr in settings.layers()],
            "extent": settings.visibleExtent().toString(1),
            "errors": [e.message for e in job.errors()]}


def _snap_take() -> None:
    out = SNAP["out"]
    os.makedirs(out, exist_ok=True)
    iface = qgis_utils.iface
    canvas = iface.mapCanvas()
    canvas.waitWhileRendering()
    QApplication.processEvents()
    window_png = os.path.join(out, "qgis_window.png")
    result = {
        "qgis_version": Qgis.QGIS_VERSION,
        "locale": QgsSettings().value("locale/userLocale", ""),
        "city_profile_setting": QgsSettings().value("plugins/digitales_hamm/profile_path", ""),
        "settings_dir": QgsApplication.qgisSettingsDirPath(),
        "project": QgsProject.instance().fileName(),
        "active_plugins": list(qgis_utils.active_plugins),
        "suite_plugins": _snap_plugin_report(),
        "layers": _snap_layers(),
        "canvas_extent": canvas.extent().toString(1),
        "canvas_crs": canvas.mapSettings().destinationCrs().authid(),
        "files": {"window": window_png},
    }
    menu = None
    try:
        menu = _snap_suite_menu()
    except Exception:  # hamm_core not importable: reported under suite_plugins
        result["menu_error"] = traceback.format_exc()
    result["menu"] = {"title": menu.title(), "entries": _snap_menu_entries(menu)} \
        if menu is not None else None
    try:
        result["map"] = _snap_render_map(os.path.join(out, "demo_map.png"))
        result["files"]["map"] = os.path.join(out, "demo_map.png")
        base = _group_layers(BASE_GROUP)
        for name, (x, y, half, group) in DETAIL_VIEWS.items():
            result[name] = _snap_render_map(os.path.join(out, name), QgsRectangle(
                x - half * 4 / 3, y - half, x + half * 4 / 3, y + half),
                _group_layers(group) + base)
            result["files"][name] = os.path.join(out, name)
    except Exception:
        result["map_error"] = traceback.format_exc()
    SNAP["result"] = result
    SNAP["menu"] = menu
    # the window from the screen, not from the widgets: the 3D view is an OpenGL window
    # that QWidget.grab() leaves blank; its scene needs a moment to load
    _snap_later(2500, _snap_grab_window)


def _snap_grab_window() -> None:
    window_png = SNAP["result"]["files"]["window"]
    screen = QApplication.primaryScreen()
    shot = screen.grabWindow(0) if screen is not None else None
    if shot is None or shot.isNull():
        shot = qgis_utils.iface.mainWindow().grab()
    shot.save(window_png, "PNG")
    menu = SNAP["menu"]
    if menu is not None:  # open the menu and grab the screen with it
        bar = qgis_utils.iface.mainWindow().menuBar()
        rect = bar.actionGeometry(menu.menuAction())
        menu.popup(bar.mapToGlobal(rect.bottomLeft()))
        _snap_later(800, _snap_grab_menu)
    else:
        _snap_finish()


def _snap_grab_menu() -> None:
    path = os.path.join(SNAP["out"], "qgis_menu.png")
    try:
        screen = QApplication.primaryScreen()
        screen.grabWindow(0).save(path, "PNG")
        SNAP["result"]["files"]["menu"] = path
    finally:
        menu = _snap_suite_menu()
        if menu is not None:
            menu.hide()
        _snap_finish()


def _snap_finish() -> None:
    result = SNAP["result"]
    result["messages"] = SNAP["messages"]
    path = os.path.join(SNAP["out"], "snapshot.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(result, fh, ensure_ascii=False, indent=1)
    for name in ("window", "map", "menu"):
        if name in result["files"]:
            print("demo_snapshot: {}".format(result["files"][name]), flush=True)
    print("demo_snapshot: {}".format(path), flush=True)
    loaded = [p for p, r in result["suite_plugins"].items() if r["active"]]
    print("demo_snapshot: suite plugins loaded: {}".format(", ".join(loaded) or "none"),
          flush=True)
    for pid, rep in result["suite_plugins"].items():
        if rep["error"]:
            print("demo_snapshot: {} failed:\n{}".format(pid, rep["error"]), flush=True)
    QgsProject.instance().setDirty(False)
    _snap_later(15000, lambda: os._exit(0))  # if the normal exit hangs
    # Queued, so QGIS closes from its own event loop with no Python frame on the stack:
    # closing inside this Python call would hold the GIL while QGIS waits for the worker
    # threads of the live layers (which need the GIL to finish), and hang.
    QMetaObject.invokeMethod(qgis_utils.iface.actionExit(), "trigger", Qt.QueuedConnection)


def _snap_start() -> None:
    window = qgis_utils.iface.mainWindow()
    window.setGeometry(0, 0, 1600, 1000)
    window.showMaximized()
    _snap_later(SNAP["delay_ms"], _snap_take)


_snap_later(200, _snap_start)

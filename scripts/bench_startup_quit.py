"""Run inside the QGIS desktop by scripts/bench_startup.py:

    qgis --profiles-path ... --profile ... --nologo --noversioncheck --code bench_startup_quit.py

QGIS executes a --code script once its main window is built and the enabled plugins are
loaded, just before it enters the event loop. This script records that moment, records the
first turn of the event loop (the window is up and responsive), writes what it saw as JSON
to the file named by $HAMM_BENCH_OUT and quits QGIS.

It must never raise: an exception in a --code script opens a modal error dialog and QGIS
would wait for a click forever. Everything is wrapped; the harness also has a time-out.

Not a benchmark itself (scripts/bench.py skips files that declare BENCH_HELPER).
"""

BENCH_HELPER = True


def _hamm_bench_main():
    import json
    import os
    import sys
    import time

    t_code = time.time()
    cpu_code = time.process_time()  # CPU seconds of the whole QGIS process so far
    t0 = float(os.environ.get("HAMM_BENCH_T0", "0") or 0)
    out_path = os.environ.get("HAMM_BENCH_OUT", "")
    info = {"t0": t0, "t_code": t_code, "cpu_code": cpu_code, "errors": []}

    def note_error(where):
        import traceback
        info["errors"].append("{}: {}".format(where, traceback.format_exc(limit=3)))

    try:
        import qgis.utils
        info["active_plugins"] = list(qgis.utils.active_plugins)
        # CPU seconds of classFactory()+initGui() per plugin, as QGIS measures them
        info["plugin_times"] = dict(qgis.utils.plugin_times)
    except Exception:  # must not raise inside QGIS
        note_error("plugins")

    try:
        heavy = ("numpy", "scipy", "shapely", "osgeo", "owslib", "pandas", "matplotlib",
                 "lxml", "requests", "urllib3", "paho", "google.protobuf", "laspy",
                 "sqlite3", "xml.dom.minidom", "processing", "unittest")
        info["heavy_loaded"] = sorted(m for m in heavy if m in sys.modules)
        info["hamm_modules"] = sorted(m for m in sys.modules if m.startswith("hamm_"))
        info["n_modules"] = len(sys.modules)
    except Exception:
        note_error("modules")

    try:
        from qgis.core import QgsApplication

        profiler = QgsApplication.profiler()
        tree = []

        def walk(path, depth):
            if depth > 3:
                return
            for child in profiler.childGroups(path, "startup"):
                full = "{}/{}".format(path, child) if path else child
                # keep only the lines about Python and plugins, and the top level
                tree.append([depth, child, round(profiler.profileTime(full, "startup"), 4)])
                walk(full, depth + 1)

        walk("", 0)
        info["profiler_startup"] = tree
        info["profiler_total"] = round(profiler.totalTime("startup"), 4)
    except Exception:
        note_error("profiler")

    def finish():
        try:
            info["t_loop"] = time.time()
            if out_path:
                with open(out_path, "w", encoding="utf-8") as fh:
                    json.dump(info, fh)
        except Exception:
            pass
        try:
            # time each plugin's unload at exit (QGIS calls qgis.utils.unloadPlugin by
            # name, so a wrapper sees every call); one JSON line per plugin
            original = qgis.utils.unloadPlugin

            def timed_unload(name, _original=original):
                t = time.perf_counter()
                try:
                    return _original(name)
                finally:
                    with open(out_path + ".unload", "a", encoding="utf-8") as fh:
                        fh.write(json.dumps([name, time.perf_counter() - t]) + "\n")

            if out_path:
                qgis.utils.unloadPlugin = timed_unload
        except Exception:
            pass
        try:
            # close the main window the normal way (unloads plugins, saves nothing:
            # the project is new and clean)
            qgis.utils.iface.actionExit().trigger()
        except Exception:
            from qgis.core import QgsApplication
            QgsApplication.instance().exit(0)

    try:
        from qgis.PyQt.QtCore import QTimer

        # runs at the first turn of the event loop, after the main window is shown
        QTimer.singleShot(0, finish)
    except Exception:
        note_error("timer")
        finish()


# never let an exception reach QGIS (it would show a modal dialog); the harness times out
with __import__("contextlib").suppress(Exception):
    _hamm_bench_main()

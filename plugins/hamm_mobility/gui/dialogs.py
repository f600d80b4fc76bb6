"""Asking for a GBFS URL and starting the live system (no logic here)."""

from qgis.core import Qgis
from qgis.PyQt.QtWidgets import QInputDialog, QLineEdit

from hamm_core.adapters.messages import push, push_error

from ..adapters.gbfs_live import GbfsLive
from ..logic.i18n import tr


def add_gbfs_system(iface, url: str = ""):
    if not url:
        url, ok = QInputDialog.getText(
            iface.mainWindow(), tr("Add sharing system (GBFS)"),
            tr("Auto-discovery URL of the system (gbfs.json):"), QLineEdit.EchoMode.Normal, "")
        if not ok or not url.strip():
            return None
    live = GbfsLive(url.strip(),
                    on_update=lambda sys_: _first_update(iface, sys_),
                    on_error=lambda err: push_error(iface, err))
    live.start()
    return live


def _first_update(iface, live) -> None:
    if live.refreshes == 1:
        snap = live.snapshot
        push(iface, tr("{name}: {stations} stations, {vehicles} vehicles; refreshed every "
                       "{seconds} s.").format(name=snap.name, stations=len(snap.stations),
                                              vehicles=len(snap.vehicles),
                                              seconds=live.next_interval_s()), Qgis.Success)

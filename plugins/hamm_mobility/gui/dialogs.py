"""Asking for URLs and starting live layers (GBFS, parking, charging, GTFS-RT); the
catalog of mobility services (no logic here)."""

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

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


def _report_first(iface, what: str):
    def on_update(live) -> None:
        if live.refreshes == 1:
            push(iface, tr("{what}: {n} features; refreshed every {seconds} s.").format(
                what=what, n=len(live.records), seconds=live.interval_s), Qgis.Success)
            for text in live.warnings[:3]:
                push(iface, text, Qgis.Warning)
    return on_update


def add_parking_live(iface, urls=None):
    """DATEX II table + status URLs (or one JSON URL), one per line."""
    from ..adapters.feeds import parking_live
    if urls is None:
        text, ok = QInputDialog.getMultiLineText(
            iface.mainWindow(), tr("Add parking (live)"),
            tr("Addresses of the DATEX II publications (table and status; v2 or v3) or of "
               "the JSON document, one per line:"), "")
        if not ok:
            return None
        urls = text.split()
    if not urls:
        return None
    live = parking_live(urls, group=tr("Parking"),
                        on_update=_report_first(iface, tr("Parking")),
                        on_error=lambda err: push_error(iface, err))
    live.start()
    return live


def add_charging_live(iface, url: str = ""):
    from ..adapters.feeds import charging_live
    if not url:
        url, ok = QInputDialog.getText(
            iface.mainWindow(), tr("Add charging points"),
            tr("Address of the OCPI locations (JSON) or of the Ladesäulenregister (CSV):"),
            QLineEdit.EchoMode.Normal, "")
        if not ok or not url.strip():
            return None
    live = charging_live(url.strip(), group=tr("Charging"),
                         on_update=_report_first(iface, tr("Charging points")),
                         on_error=lambda err: push_error(iface, err))
    live.start()
    return live


def add_gtfsrt_live(iface, rt_urls=None, gtfs_source: str = ""):
    from ..adapters.feeds import gtfsrt_live
    if rt_urls is None:
        text, ok = QInputDialog.getMultiLineText(
            iface.mainWindow(), tr("GTFS-Realtime live layer"),
            tr("Addresses of the GTFS-Realtime feeds (VehiclePositions, TripUpdates), one "
               "per line:"), "")
        if not ok or not text.split():
            return None
        rt_urls = text.split()
        gtfs_source, ok = QInputDialog.getText(
            iface.mainWindow(), tr("GTFS-Realtime live layer"),
            tr("Static GTFS feed (zip file or URL) for line names and stops (optional):"),
            QLineEdit.EchoMode.Normal, "")
        if not ok:
            return None
    live = gtfsrt_live(rt_urls, gtfs_source.strip(), group=tr("Public transport"),
                       on_update=_report_first(iface, tr("Vehicles")),
                       on_error=lambda err: push_error(iface, err))
    live.start()
    return live


class MobilityCatalogDialog(QDialog):
    """The city profile's OGC services (mobility first); checked layers added styled to
    the Mobilitätsstadtplan in one click."""

    def __init__(self, iface, profile, parent=None):
        super().__init__(parent or iface.mainWindow())
        from ..adapters import catalog
        self.iface = iface
        self.profile = profile
        self.setWindowTitle(tr("Mobility services from the city catalog"))
        self.setObjectName("HammMobilityCatalogDialog")
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Service / layer"), tr("Type")])
        layout.addWidget(self.tree)
        for svc in catalog.catalog_services(profile):
            item = QTreeWidgetItem([svc.title_for("de"), svc.type])
            item.setData(0, Qt.ItemDataRole.UserRole, svc.id)
            for name in svc.layers:
                child = QTreeWidgetItem([name, ""])
                child.setData(0, Qt.ItemDataRole.UserRole, name)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Checked if catalog.is_mobility(svc)
                                    else Qt.CheckState.Unchecked)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = buttons.addButton(tr("Add layers"),
                                            QDialogButtonBox.ButtonRole.ApplyRole)
        self.add_button.clicked.connect(self.add_checked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def checked(self):
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            for j in range(item.childCount()):
                child = item.child(j)
                if child.checkState(0) == Qt.CheckState.Checked:
                    out.append((item.data(0, Qt.ItemDataRole.UserRole),
                                child.data(0, Qt.ItemDataRole.UserRole)))
        return out

    def add_checked(self):
        from ..adapters import catalog
        layers, errors = catalog.add_services(self.profile, self.checked())
        for err in errors:
            push_error(self.iface, err)
        if layers:
            push(self.iface, tr("{n} layers added to the mobility map.").format(
                n=len(layers)), Qgis.Success)
        return layers


def open_catalog(iface):
    from hamm_core.adapters.profile import active_profile
    from hamm_core.logic.errors import HammError
    try:
        profile = active_profile()
    except HammError as err:
        push_error(iface, err)
        return None
    dialog = MobilityCatalogDialog(iface, profile)
    dialog.show()
    return dialog

"""Dialog "Dienst aus dem Katalog hinzufügen": the city profile's services, their layers
(configured, or fetched from the capabilities in a background task), added with one click."""

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..adapters import ogc
from ..adapters.i18n import user_language
from ..adapters.messages import push, push_error
from ..adapters.tasks import run_task
from ..logic.errors import HammError
from ..logic.i18n import tr
from ..logic.profile import CityProfile

ROLE_SERVICE = Qt.ItemDataRole.UserRole
ROLE_LAYER = Qt.ItemDataRole.UserRole + 1


class CatalogDialog(QDialog):
    def __init__(self, iface, profile: CityProfile, parent=None):
        super().__init__(parent or iface.mainWindow())
        self.iface = iface
        self.profile = profile
        self.lang = user_language()
        self.task = None
        self.setWindowTitle(tr("Add a service from the catalog"))
        self.setObjectName("HammCatalogDialog")
        layout = QVBoxLayout(self)
        self.info = QLabel(tr("City profile: {name} ({crs})").format(
            name=profile.name, crs=profile.crs))
        layout.addWidget(self.info)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Service / layer"), tr("Type")])
        layout.addWidget(self.tree)
        self.fetch_button = QPushButton(tr("Fetch layer list"))
        self.fetch_button.clicked.connect(self.fetch_selected)
        layout.addWidget(self.fetch_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = buttons.addButton(tr("Add layers"),
                                            QDialogButtonBox.ButtonRole.ApplyRole)
        self.add_button.clicked.connect(self.add_checked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.populate()
        self.resize(560, 420)

    def populate(self) -> None:
        self.tree.clear()
        for svc in self.profile.services_of_type(*ogc.RASTER_TYPES, *ogc.VECTOR_TYPES):
            item = QTreeWidgetItem([svc.title_for(self.lang), svc.type])
            item.setData(0, ROLE_SERVICE, svc.id)
            for name in svc.layers:
                self._add_layer_item(item, name, name)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)

    @staticmethod
    def _add_layer_item(parent: QTreeWidgetItem, name: str, title: str) -> QTreeWidgetItem:
        child = QTreeWidgetItem([title or name, ""])
        child.setData(0, ROLE_LAYER, name)
        child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        child.setCheckState(0, Qt.CheckState.Unchecked)
        parent.addChild(child)
        return child

    def _service_item(self):
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item

    def fetch_selected(self) -> None:
        item = self._service_item()
        if item is None:
            push(self.iface, tr("Select a service first."), Qgis.Warning)
            return
        svc = self.profile.service(item.data(0, ROLE_SERVICE))

        def work(task):
            return ogc.fetch_capabilities(svc.type, svc.url, svc.authcfg, feedback=task)

        def done(caps):
            known = {item.child(i).data(0, ROLE_LAYER) for i in range(item.childCount())}
            for lyr in caps.layers:
                if lyr.name not in known:
                    self._add_layer_item(item, lyr.name, lyr.title or lyr.name)
            item.setExpanded(True)
            push(self.iface, tr("{n} layers found in {service}.").format(
                n=len(caps.layers), service=svc.title_for(self.lang)))

        self.task = run_task(tr("Fetching capabilities of {service}").format(
            service=svc.title_for(self.lang)), work, done,
            lambda err: push_error(self.iface, err))

    def checked_layers(self):
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            svc = self.profile.service(item.data(0, ROLE_SERVICE))
            for j in range(item.childCount()):
                child = item.child(j)
                if child.checkState(0) == Qt.CheckState.Checked:
                    yield svc, child.data(0, ROLE_LAYER), child.text(0)

    def add_checked(self) -> int:
        added = 0
        for svc, name, title in self.checked_layers():
            try:
                layer = ogc.service_layer(svc, name, title, self.profile.crs)
            except HammError as err:
                push_error(self.iface, err)
                continue
            ogc.add_to_project(layer, svc.group or tr("Digitales Hamm"))
            added += 1
        if added:
            push(self.iface, tr("{n} layers added.").format(n=added), Qgis.Success)
        return added

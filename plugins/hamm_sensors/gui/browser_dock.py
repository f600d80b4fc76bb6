"""Entity browser: the Things, Locations, Datastreams, ObservedProperties and Sensors of a
SensorThings API, filtered by observed property, area (map extent or a district) and text;
the selection becomes a live layer."""

from typing import Callable, List, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtGui import QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hamm_core.adapters.settings import Settings
from hamm_core.adapters.tasks import run_task
from hamm_core.logic.errors import HammError
from hamm_core.logic.i18n import tr_noop

from ..adapters.sta import make_client
from ..logic.browser import (
    DATASTREAMS,
    KINDS,
    Catalog,
    EntityRow,
    datastream_positions,
    datastreams_of,
    filter_rows,
    load_catalog,
)
from ..logic.i18n import tr

COLUMNS = [tr_noop("Name"), tr_noop("Observed properties"), tr_noop("Details"),
           tr_noop("Description"), tr_noop("Id")]
AREA_ALL, AREA_EXTENT = "all", "extent"


class BrowserDock(QDockWidget):
    def __init__(self, iface=None, parent=None,
                 on_add_live: Optional[Callable[..., object]] = None):
        super().__init__(tr("SensorThings entities"), parent)
        self.setObjectName("hamm_sensors_browser")
        self.iface = iface
        self.on_add_live = on_add_live
        self.catalog: Optional[Catalog] = None
        self.visible: List[EntityRow] = []
        self.task = None
        self.error: Optional[BaseException] = None
        self.extent: Optional[QgsRectangle] = None  # map extent when there is no canvas
        self.extent_crs = QgsCoordinateReferenceSystem("EPSG:25832")
        self._districts = []
        settings = Settings("sensors")
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        row = QHBoxLayout()
        from ..processing.provider import default_sta_url
        self.url = QLineEdit(settings.value("url", default_sta_url(), str))
        self.connect_button = QPushButton(tr("Connect"))
        self.connect_button.clicked.connect(lambda _c=False: self.connect_api())
        row.addWidget(self.url, 1)
        row.addWidget(self.connect_button)
        form.addRow(tr("SensorThings API"), row)
        self.auth = QgsAuthConfigSelect(body)
        self.auth.setConfigId(settings.value("authcfg", "", str))
        form.addRow(tr("Authentication"), self.auth)
        self.kind = QComboBox()
        for key, label in KINDS:
            self.kind.addItem(tr(label), key)
        form.addRow(tr("Show"), self.kind)
        self.prop = QComboBox()
        self.prop.addItem(tr("All observed properties"), "")
        form.addRow(tr("Observed property"), self.prop)
        self.area = QComboBox()
        self.area.addItem(tr("Everywhere"), AREA_ALL)
        self.area.addItem(tr("Map extent"), AREA_EXTENT)
        self._add_districts()
        form.addRow(tr("Area"), self.area)
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("Search in names and descriptions"))
        form.addRow(tr("Text"), self.text)
        layout.addLayout(form)
        self.model = QStandardItemModel(0, len(COLUMNS))
        self.model.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.status = QLabel(tr("Connect to a SensorThings API to browse its entities."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.add_button = QPushButton(tr("Add selected as live layer"))
        self.add_button.clicked.connect(lambda _c=False: self.add_live())
        layout.addWidget(self.add_button)
        self.setWidget(body)
        for combo in (self.kind, self.prop, self.area):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.text.textChanged.connect(lambda _t: self.apply_filter())

    def _add_districts(self) -> None:
        try:
            from hamm_core.adapters.profile import active_profile
            profile = active_profile()
        except HammError:
            return
        crs = QgsCoordinateReferenceSystem(profile.crs)
        for d in profile.districts:
            if d.wkt:
                self._districts.append((d.name, QgsGeometry.fromWkt(d.wkt), crs))
                self.area.addItem(tr("District {name}").format(name=d.name),
                                  len(self._districts) - 1)

    # -- loading ---------------------------------------------------------------------------
    def connect_api(self):
        url = self.url.text().strip()
        if not url:
            self.status.setText(tr("Enter the address of a SensorThings API."))
            return None
        if self.task is not None and not self.task.done:
            return None
        authcfg = self.auth.configId()
        self.error = None
        self.connect_button.setEnabled(False)
        self.status.setText(tr("Reading the entities of {url}…").format(url=url))

        def work(task):
            return load_catalog(make_client(url, authcfg, feedback=task))

        self.task = run_task(tr("Read SensorThings entities"), work, self._loaded,
                             self._failed)
        return self.task

    def _failed(self, err: BaseException) -> None:
        self.error = err
        self.connect_button.setEnabled(True)
        self.status.setText(err.user_message if isinstance(err, HammError) else str(err))

    def _loaded(self, catalog: Catalog) -> None:
        self.connect_button.setEnabled(True)
        self.catalog = catalog
        current = self.prop.currentData()
        self.prop.blockSignals(True)
        self.prop.clear()
        self.prop.addItem(tr("All observed properties"), "")
        for name in catalog.properties():
            self.prop.addItem(name, name)
        index = self.prop.findData(current)
        self.prop.setCurrentIndex(max(0, index))
        self.prop.blockSignals(False)
        self.apply_filter()

    # -- filtering -------------------------------------------------------------------------
    def set_filters(self, kind: str = DATASTREAMS, prop: str = "", area=AREA_ALL,
                    text: str = "") -> None:
        for combo, value in ((self.kind, kind), (self.prop, prop), (self.area, area)):
            index = combo.findData(value)
            if index < 0:
                raise ValueError("unknown filter value {!r}".format(value))
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.text.blockSignals(True)
        self.text.setText(text)
        self.text.blockSignals(False)
        self.apply_filter()

    def _inside(self):
        area = self.area.currentData()
        if area == AREA_ALL or area is None:
            return None
        if area == AREA_EXTENT:
            extent, crs = self.extent, self.extent_crs
            if self.iface is not None and extent is None:
                canvas = self.iface.mapCanvas()
                extent, crs = canvas.extent(), canvas.mapSettings().destinationCrs()
            if extent is None:
                return None
            geom, target = QgsGeometry.fromRect(extent), crs
        else:
            _name, geom, target = self._districts[int(area)]
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), target,
                                           QgsProject.instance())
        engine = QgsGeometry(geom)

        def inside(lon: float, lat: float) -> bool:
            try:
                point = transform.transform(QgsPointXY(lon, lat))
            except Exception:  # QgsCsException: outside the CRS' area
                return False
            return engine.contains(QgsGeometry.fromPointXY(point))
        return inside

    def apply_filter(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.visible = []
        if self.catalog is None:
            return
        rows = self.catalog.rows.get(self.kind.currentData(), [])
        self.visible = filter_rows(rows, self.prop.currentData() or "", self.text.text(),
                                   self._inside(), datastream_positions(self.catalog))
        for row in self.visible:
            items = [QStandardItem(v) for v in (row.name, ", ".join(sorted(row.props)),
                                                row.detail, row.description, str(row.id))]
            self.model.appendRow(items)
        self.status.setText(tr("{n} of {m} {kind} shown.").format(
            n=len(self.visible), m=len(rows), kind=self.kind.currentText()))

    def selected_rows(self) -> List[EntityRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.visible[r] for r in rows if r < len(self.visible)]

    def add_live(self):
        selected = self.selected_rows()
        ids = datastreams_of(selected)
        if not ids:
            self.status.setText(tr("Select entities with datastreams first."))
            return None
        if self.on_add_live is None:
            return None
        name = tr("Sensors (live): {names}").format(
            names=", ".join(r.name for r in selected[:3]) + ("…" if len(selected) > 3 else ""))
        return self.on_add_live(url=self.url.text().strip(), authcfg=self.auth.configId(),
                                ids=ids, name=name)

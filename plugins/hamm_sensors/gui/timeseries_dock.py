"""Time-series dock: the observations of the selected sensor features over a period as a
chart (units on the axes), a table of the series, export to CSV."""

from datetime import datetime, timedelta, timezone
from typing import Callable, List, Optional

from qgis.PyQt.QtCore import QDateTime, Qt
from qgis.PyQt.QtGui import QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import (
    QDateTimeEdit,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hamm_core.adapters.tasks import run_task
from hamm_core.logic.errors import HammError
from hamm_core.logic.i18n import tr_noop

from ..adapters.live_layer import AUTHCFG_PROPERTY, URL_PROPERTY
from ..adapters.sta import make_client
from ..logic.i18n import tr
from ..logic.live import parse_id_literal
from ..logic.timeseries import Series, write_csv
from .chart import ChartWidget

COLUMNS = [tr_noop("Station"), tr_noop("Property"), tr_noop("Unit"), tr_noop("Observations"),
           tr_noop("Minimum"), tr_noop("Maximum"), tr_noop("Mean")]


def to_utc(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, timezone.utc)


def from_utc(value: datetime) -> QDateTime:
    """A QDateTime in UTC (the period edits and the chart speak UTC)."""
    return QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000), Qt.TimeSpec.UTC)


def series_of_features(features) -> List[Series]:
    """One Series per Datastream among the features (fields ds_id, station, property,
    unit of the live or history layer), in the order of the features."""
    out, seen = [], set()
    for feat in features:
        names = feat.fields().names()
        if "ds_id" not in names:
            continue
        ds_id = str(feat["ds_id"])
        if ds_id in seen:
            continue
        seen.add(ds_id)

        def text(name):
            return str(feat[name]) if name in names and feat[name] is not None else ""
        out.append(Series(parse_id_literal(ds_id), text("name") or ds_id, text("station"),
                          text("property"), text("unit")))
    return out


class TimeSeriesDock(QDockWidget):
    def __init__(self, iface=None, parent=None,
                 message: Optional[Callable[[str], None]] = None):
        super().__init__(tr("Sensor time series"), parent)
        self.setObjectName("hamm_sensors_timeseries")
        self.iface = iface
        self.message = message
        self.series: List[Series] = []
        self.warnings: List[str] = []
        self.task = None
        self.error: Optional[BaseException] = None
        body = QWidget()
        layout = QVBoxLayout(body)
        row = QHBoxLayout()
        now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
        self.start_edit = QDateTimeEdit(from_utc(now - timedelta(hours=24)))
        self.end_edit = QDateTimeEdit(from_utc(now))
        for edit in (self.start_edit, self.end_edit):
            edit.setTimeSpec(Qt.TimeSpec.UTC)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        row.addWidget(QLabel(tr("From (UTC)")))
        row.addWidget(self.start_edit)
        row.addWidget(QLabel(tr("to")))
        row.addWidget(self.end_edit)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.load_button = QPushButton(tr("Show selected sensors"))
        self.load_button.clicked.connect(lambda _c=False: self.load_selection())
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.clicked.connect(lambda _c=False: self.ask_export())
        self.export_button.setEnabled(False)
        row.addWidget(self.load_button)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.status = QLabel(tr("Select features of a live or history sensor layer."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Vertical)
        self.chart = ChartWidget()
        split.addWidget(self.chart)
        self.model = QStandardItemModel(0, len(COLUMNS))
        self.model.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        split.addWidget(self.table)
        layout.addWidget(split, 1)
        self.setWidget(body)

    # -- actions ---------------------------------------------------------------------------
    def period(self):
        return to_utc(self.start_edit.dateTime()), to_utc(self.end_edit.dateTime())

    def set_period(self, start: datetime, end: datetime) -> None:
        self.start_edit.setDateTime(from_utc(start))
        self.end_edit.setDateTime(from_utc(end))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        if self.message is not None:
            self.message(text)

    def load_selection(self, layer=None):
        """Load the observations of the selected features of ``layer`` (default: the
        active layer); returns the task or None with a message."""
        if layer is None and self.iface is not None:
            layer = self.iface.activeLayer()
        url = layer.customProperty(URL_PROPERTY, "") if layer is not None else ""
        if not url:
            self._say(tr("The active layer is not a sensor layer of this plugin."))
            return None
        series = series_of_features(layer.selectedFeatures())
        if not series:
            self._say(tr("Select one or more sensors on the map first."))
            return None
        start, end = self.period()
        if end <= start:
            self._say(tr("The end of the period must be after its start."))
            return None
        return self.load(url, layer.customProperty(AUTHCFG_PROPERTY, "") or "", series,
                         start, end)

    def load(self, url: str, authcfg: str, series: List[Series], start: datetime,
             end: datetime):
        if self.task is not None and not self.task.done:
            self._say(tr("Still loading the previous selection."))
            return None
        self.error = None

        def work(task):
            client = make_client(url, authcfg, feedback=task)
            for i, s in enumerate(series):
                if task.isCanceled():
                    break
                task.setProgress(100.0 * i / max(1, len(series)))
                skipped: List[str] = []
                for obs in client.observations(s.datastream_id, start, end, skipped=skipped):
                    if obs.number is None:
                        s.skipped += 1
                    else:
                        s.points.append((obs.time, obs.number))
                s.skipped += len(skipped)
            return series, client.warnings

        self.load_button.setEnabled(False)
        self._say(tr("Loading observations of {n} datastreams…").format(n=len(series)))
        self.task = run_task(tr("Load sensor time series"), work,
                             lambda result: self._loaded(result, start, end), self._failed)
        return self.task

    def _failed(self, err: BaseException) -> None:
        self.error = err
        self.load_button.setEnabled(True)
        self._say(err.user_message if isinstance(err, HammError) else str(err))

    def _loaded(self, result, start: datetime, end: datetime) -> None:
        series, warnings = result
        self.load_button.setEnabled(True)
        self.series = series
        self.warnings = list(warnings)
        self.chart.set_series(series, start, end)
        self.model.removeRows(0, self.model.rowCount())
        for s in series:
            values = [v for _t, v in s.points]
            cells = [s.station or s.name, s.prop, s.unit, str(len(values))]
            if values:
                cells += ["{:.2f}".format(min(values)), "{:.2f}".format(max(values)),
                          "{:.2f}".format(sum(values) / len(values))]
            else:
                cells += ["", "", ""]
            items = [QStandardItem(c) for c in cells]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        self.export_button.setEnabled(any(s.points for s in series))
        total = sum(len(s.points) for s in series)
        text = tr("{n} observations of {m} datastreams.").format(n=total, m=len(series))
        skipped = sum(s.skipped for s in series)
        if skipped:
            text += " " + tr("{n} observations without a numeric result were left out.").format(
                n=skipped)
        if len(self.chart.panels()) > 1:
            text += " " + tr("More than two units: the chart shows one panel per unit.")
        self.status.setText(text)

    def export_csv(self, path: str) -> int:
        rows = write_csv(path, self.series)
        self._say(tr("{n} observations written to {path}.").format(n=rows, path=path))
        return rows

    def ask_export(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, tr("Export time series"), "",
                                               tr("CSV files (*.csv)"))
        if path:
            self.save_csv(path)

    def save_csv(self, path: str) -> bool:
        """export_csv with the error as a message instead of an exception."""
        try:
            self.export_csv(path)
        except OSError as err:
            self._say(tr("Could not write {path}: {error}").format(path=path,
                                                                   error=err.strerror or err))
            return False
        return True

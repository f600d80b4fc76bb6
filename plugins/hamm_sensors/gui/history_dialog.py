"""The small dialog that asks what history layer to load: API, properties, period."""

from datetime import datetime, timedelta, timezone
from typing import Optional

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from hamm_core.adapters.settings import Settings

from ..logic.i18n import tr
from ..processing.provider import default_sta_url
from .timeseries_dock import from_utc, to_utc


class HistoryDialog(QDialog):
    def __init__(self, parent=None, url: str = "", authcfg: str = ""):
        super().__init__(parent)
        settings = Settings("sensors")
        self.setWindowTitle(tr("Add sensor history layer"))
        form = QFormLayout(self)
        self.url = QLineEdit(url or settings.value("url", default_sta_url(), str))
        self.auth = QgsAuthConfigSelect(self)
        self.auth.setConfigId(authcfg or settings.value("authcfg", "", str))
        self.props = QLineEdit(settings.value("history_props", "air_temperature", str))
        self.props.setToolTip(tr("Names of observed properties, separated by commas; empty "
                                 "for all."))
        now = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
        self.start = QDateTimeEdit(from_utc(now - timedelta(hours=24)))
        self.end = QDateTimeEdit(from_utc(now + timedelta(hours=1)))
        for edit in (self.start, self.end):
            edit.setTimeSpec(Qt.TimeSpec.UTC)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        form.addRow(tr("SensorThings API"), self.url)
        form.addRow(tr("Authentication"), self.auth)
        form.addRow(tr("Observed properties"), self.props)
        form.addRow(tr("From (UTC)"), self.start)
        form.addRow(tr("to"), self.end)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00000")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> Optional[dict]:
        url = self.url.text().strip()
        start, end = to_utc(self.start.dateTime()), to_utc(self.end.dateTime())
        if not url:
            self.error.setText(tr("Enter the address of a SensorThings API."))
            return None
        if end <= start:
            self.error.setText(tr("The end of the period must be after its start."))
            return None
        props = [p.strip() for p in self.props.text().split(",") if p.strip()]
        return {"base_url": url, "authcfg": self.auth.configId(), "props": props,
                "start": start, "end": end}

    def accept(self) -> None:
        values = self.values()
        if values is None:
            return
        settings = Settings("sensors")
        settings.set_value("history_props", self.props.text().strip())
        super().accept()

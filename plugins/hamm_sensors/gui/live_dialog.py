"""The small dialog that asks for a SensorThings API (and optionally an MQTT broker)."""

from typing import Optional

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
)

from hamm_core.adapters.settings import Settings

from ..logic.i18n import tr
from ..processing.provider import default_sta_url


def ask_live_settings(parent=None) -> Optional[dict]:
    settings = Settings("sensors")
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Add live sensor layer"))
    form = QFormLayout(dialog)
    url = QLineEdit(settings.value("url", default_sta_url(), str))
    auth = QgsAuthConfigSelect(dialog)
    auth.setConfigId(settings.value("authcfg", "", str))
    interval = QSpinBox()
    interval.setRange(10, 86400)
    interval.setValue(settings.value("interval_s", 300, int))
    interval.setSuffix(" s")
    mqtt = QLineEdit(settings.value("mqtt", "", str))
    mqtt.setPlaceholderText("host:port")
    form.addRow(tr("SensorThings API"), url)
    form.addRow(tr("Authentication"), auth)
    form.addRow(tr("Refresh every"), interval)
    form.addRow(tr("MQTT broker (optional)"), mqtt)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted or not url.text().strip():
        return None
    host, _sep, port = mqtt.text().strip().partition(":")
    settings.set_value("url", url.text().strip())
    settings.set_value("authcfg", auth.configId())
    settings.set_value("interval_s", interval.value())
    settings.set_value("mqtt", mqtt.text().strip())
    return {"url": url.text().strip(), "authcfg": auth.configId(),
            "interval_s": float(interval.value()), "mqtt_host": host,
            "mqtt_port": int(port) if port.isdigit() else 0}

"""Page "Digitales Hamm" in QGIS's options dialog: the city profile and network limits."""

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from ..adapters.network import defaults
from ..adapters.profile import active_profile, profile_path, set_profile_path
from ..adapters.settings import Settings
from ..logic.errors import HammError
from ..logic.i18n import tr


class HammOptionsPage(QgsOptionsPageWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("HammOptionsPage")
        timeout_s, retries, max_bytes = defaults()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.profile_edit = QLineEdit(profile_path())
        self.profile_edit.setToolTip(tr("Path of the city profile (JSON). Empty: the shipped "
                                        "Hamm profile or the administrator's profile.json."))
        form.addRow(tr("City profile"), self.profile_edit)
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(1, 3600)
        self.timeout.setSuffix(" s")
        self.timeout.setValue(timeout_s)
        form.addRow(tr("Network timeout"), self.timeout)
        self.retries = QSpinBox()
        self.retries.setRange(0, 10)
        self.retries.setValue(retries)
        form.addRow(tr("Retries for GET requests"), self.retries)
        self.max_mb = QSpinBox()
        self.max_mb.setRange(1, 100000)
        self.max_mb.setSuffix(" MB")
        self.max_mb.setValue(max(1, max_bytes // (1024 * 1024)))
        form.addRow(tr("Largest response"), self.max_mb)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch()

    def apply(self) -> None:
        settings = Settings("network")
        settings.set_value("timeout_s", float(self.timeout.value()))
        settings.set_value("retries", int(self.retries.value()))
        settings.set_value("max_bytes", int(self.max_mb.value()) * 1024 * 1024)
        path = self.profile_edit.text().strip()
        if path == profile_path():
            return
        try:
            profile = set_profile_path(path or None)
            self.status.setText(tr("City profile {name} is now active.").format(name=profile.name))
        except HammError as err:  # keep the profile in force, say why
            self.status.setText(err.user_message)
            self.profile_edit.setText(profile_path())
        active_profile(reload=True)


class HammOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self, icon_path: str):
        super().__init__()
        self.icon_path = icon_path
        self.setTitle(tr("Digitales Hamm"))

    def icon(self) -> QIcon:
        return QIcon(self.icon_path)

    def createWidget(self, parent):
        return HammOptionsPage(parent)

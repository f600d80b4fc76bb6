"""hamm_core as a QGIS plugin: the suite's menu, the service catalog, the city profile and
the core Processing provider. Other plugins of the suite import hamm_core as a library."""

import os

from qgis.core import Qgis
from qgis.PyQt.QtWidgets import QFileDialog, QMessageBox

# Import the subpackages by name so QGIS's import hook tracks them and unloads them
# with the plugin (it only sees modules imported by name, not parents of submodules).
from . import adapters, processing  # noqa: F401
from .adapters.messages import push, push_error
from .adapters.profile import active_profile, profile_path, set_profile_path
from .gui.plugin_base import SuitePlugin
from .logic.errors import HammError
from .processing.provider import CoreProvider


class HammCorePlugin(SuitePlugin):
    PLUGIN_ID = "hamm_core"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Core"
    PROVIDER_CLASS = CoreProvider

    def create_actions(self) -> None:
        self.add_action(self.tr("Add service from catalog…"), self.show_catalog,
                        icon="catalog.svg", in_toolbar=True, object_name="hamm_core_catalog")
        self.add_action(self.tr("City profile…"), self.choose_profile,
                        object_name="hamm_core_profile")
        self.add_action(self.tr("About Digitales Hamm"), self.show_about,
                        icon="hamm.svg", object_name="hamm_core_about")
        self.dialog = None
        from .gui.options_page import HammOptionsFactory
        self.options_factory = HammOptionsFactory(self.icon_path("hamm.svg"))
        self.iface.registerOptionsWidgetFactory(self.options_factory)

    def show_catalog(self) -> None:
        from .gui.catalog_dialog import CatalogDialog  # deferred: only when used
        try:
            profile = active_profile()
        except HammError as err:
            push_error(self.iface, err)
            return
        self.dialog = CatalogDialog(self.iface, profile)
        self.dialog.show()

    def choose_profile(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.iface.mainWindow(), self.tr("Choose a city profile"), profile_path(),
            self.tr("City profile (*.json)"))
        if not path:
            return
        try:
            profile = set_profile_path(path)
        except HammError as err:
            push_error(self.iface, err)
            return
        push(self.iface, self.tr("City profile {name} is now active.").format(
            name=profile.name), Qgis.Success)

    def show_about(self) -> None:
        try:
            profile = active_profile()
            city = "{} ({}, {} {})".format(profile.name, profile.crs, len(profile.services),
                                          self.tr("services"))
        except HammError as err:
            city = err.user_message
        QMessageBox.information(
            self.iface.mainWindow(), self.tr("About Digitales Hamm"),
            self.tr("QGIS plugin suite for the digital city of Hamm: digital twin, sensors, "
                    "mobility, cool places, traffic-light detection zones and LoRaWAN.\n\n"
                    "City profile: {city}\nProfile file: {path}").format(
                city=city, path=profile_path()))

    def unload(self) -> None:
        if getattr(self, "dialog", None) is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if getattr(self, "options_factory", None) is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        super().unload()

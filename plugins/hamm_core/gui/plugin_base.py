"""What every plugin of the suite does on load and unload, in one place.

A plugin subclasses SuitePlugin, sets PLUGIN_ID, PLUGIN_DIR, TITLE and ABOUT (English
source texts, translated through tr()) and optionally PROVIDER_CLASS, and adds its actions
in create_actions() (by default: one "About this plugin" action). Unload removes
actions, docks, the Processing provider, signal connections and the translator.
"""

import os
from typing import Callable, List

from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QDockWidget

from ..adapters.connections import Connections
from ..adapters.i18n import has_translator, install_translator, remove_translator
from ..definitions import PLUGIN_ID as CORE_ID
from ..logic.i18n import tr, translate
from ..processing.base import register_provider, unregister_provider
from . import menu

CORE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class SuitePlugin:
    PLUGIN_ID = ""
    PLUGIN_DIR = ""
    TITLE = ""
    ABOUT = ""
    PROVIDER_CLASS = None

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions: List[QAction] = []
        self.docks: List[QDockWidget] = []
        self.connections = Connections()
        # The core's strings (shared actions, errors) need the core's translator too,
        # whichever plugin of the suite QGIS happens to load first.
        if not has_translator(CORE_ID):
            install_translator(CORE_ID, CORE_DIR)
        install_translator(self.PLUGIN_ID, self.PLUGIN_DIR)

    def tr(self, text: str) -> str:
        return translate(self.PLUGIN_ID, text)

    # QGIS calls initProcessing() (when hasProcessingProvider=yes) and initGui()
    def initProcessing(self) -> None:
        if self.PROVIDER_CLASS is not None and self.provider is None:
            self.provider = self.PROVIDER_CLASS()
            register_provider(self.provider)

    def initGui(self) -> None:
        self.initProcessing()
        self.create_actions()

    def create_actions(self) -> None:
        """Subclasses add their actions here with add_action()."""
        self.add_action(tr("About this plugin"), self.show_about, icon="icon.svg",
                        object_name=self.PLUGIN_ID + "_about")

    def show_about(self) -> None:
        from qgis.PyQt.QtWidgets import QMessageBox
        QMessageBox.information(self.iface.mainWindow(), self.tr(self.TITLE),
                                self.tr(self.ABOUT))

    def icon_path(self, name: str) -> str:
        return os.path.join(self.PLUGIN_DIR, "icons", name)

    def add_action(self, text: str, callback: Callable[[], None], icon: str = "",
                   in_toolbar: bool = False, object_name: str = "") -> QAction:
        action = QAction(QIcon(self.icon_path(icon)) if icon else QIcon(), text,
                         self.iface.mainWindow())
        action.setObjectName(object_name or "{}_{}".format(self.PLUGIN_ID, len(self.actions)))
        self.connections.connect(action.triggered, lambda _checked=False: callback())
        menu.add_action(self.iface, self.PLUGIN_ID, action, self.tr(self.TITLE), in_toolbar)
        self.actions.append(action)
        return action

    def add_dock(self, dock: QDockWidget, area=None) -> QDockWidget:
        from qgis.PyQt.QtCore import Qt
        self.iface.addDockWidget(area or Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.docks.append(dock)
        return dock

    def unload(self) -> None:
        self.connections.disconnect_all()
        menu.remove_actions(self.iface, self.PLUGIN_ID)
        self.actions = []
        for dock in self.docks:
            self.iface.removeDockWidget(dock)
            dock.setParent(None)
            dock.deleteLater()
        self.docks = []
        unregister_provider(self.provider)
        self.provider = None
        remove_translator(self.PLUGIN_ID)

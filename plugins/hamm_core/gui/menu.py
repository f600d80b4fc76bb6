"""The suite's menu and toolbar "Digitales Hamm", shared by every installed plugin.

Each plugin adds its actions under its own id; the menu and toolbar exist while at least
one plugin has actions in them and disappear with the last one, so the order in which
plugins load or unload does not matter.
"""

from typing import Dict, List

from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolBar

from ..definitions import MENU_OBJECT_NAME, TOOLBAR_OBJECT_NAME
from ..logic.i18n import tr

_ACTIONS: Dict[str, List[QAction]] = {}
_SUBMENUS: Dict[str, QMenu] = {}
# The toolbar is remembered: QMainWindow.findChild searches QGIS's whole widget tree,
# 25-35 ms a call in the desktop (scripts/bench_startup.py), once per action and unload.
_TOOLBAR: Dict[int, QToolBar] = {}


def _main_window(iface):
    return iface.mainWindow()


def menu(iface, create: bool = True):
    """The "Digitales Hamm" menu in the main menu bar."""
    bar = _main_window(iface).menuBar()
    found = bar.findChild(QMenu, MENU_OBJECT_NAME)
    if found is not None or not create:
        return found
    found = QMenu(tr("Digitales Hamm"), bar)
    found.setObjectName(MENU_OBJECT_NAME)
    before = None
    try:
        before = iface.firstRightStandardMenu()
    except (AttributeError, TypeError):
        before = None
    if isinstance(before, QMenu):
        bar.insertMenu(before.menuAction(), found)
    else:
        bar.addMenu(found)
    return found


def toolbar(iface, create: bool = True):
    """The "Digitales Hamm" toolbar (None when it does not exist and create is False)."""
    window = _main_window(iface)
    found = _TOOLBAR.get(id(window))
    if found is not None and not sip.isdeleted(found):
        return found
    if not create:
        return None
    # once per creation: reuse a toolbar an earlier load of the suite left behind
    found = window.findChild(QToolBar, TOOLBAR_OBJECT_NAME)
    if found is None:
        found = iface.addToolBar(tr("Digitales Hamm"))
        found.setObjectName(TOOLBAR_OBJECT_NAME)
    _TOOLBAR[id(window)] = found
    return found


def add_action(iface, plugin_id: str, action: QAction, submenu_title: str = "",
               in_toolbar: bool = True) -> QAction:
    """Add ``action`` of plugin ``plugin_id`` to the menu (in the plugin's submenu when a
    title is given) and, optionally, to the toolbar."""
    main_menu = menu(iface)
    if submenu_title:
        sub = _SUBMENUS.get(plugin_id)
        if sub is None:
            sub = main_menu.addMenu(submenu_title)
            sub.setObjectName("mDigitalesHamm_" + plugin_id)
            _SUBMENUS[plugin_id] = sub
        sub.addAction(action)
    else:
        main_menu.addAction(action)
    if in_toolbar:
        toolbar(iface).addAction(action)
    _ACTIONS.setdefault(plugin_id, []).append(action)
    return action


def remove_actions(iface, plugin_id: str) -> None:
    """Remove every action of ``plugin_id``; drop menu and toolbar once they are empty."""
    main_menu = menu(iface, create=False)
    bar = toolbar(iface, create=False)
    for action in _ACTIONS.pop(plugin_id, []):
        if main_menu is not None:
            main_menu.removeAction(action)
        if bar is not None:
            bar.removeAction(action)
        action.deleteLater()
    sub = _SUBMENUS.pop(plugin_id, None)
    if sub is not None and main_menu is not None:
        main_menu.removeAction(sub.menuAction())
        sub.deleteLater()
    if not _ACTIONS:
        if main_menu is not None:
            main_menu.menuAction().setVisible(False)
            _main_window(iface).menuBar().removeAction(main_menu.menuAction())
            main_menu.setParent(None)
            main_menu.deleteLater()
        if bar is not None:
            _main_window(iface).removeToolBar(bar)
            bar.setParent(None)
            bar.deleteLater()
        _TOOLBAR.pop(id(_main_window(iface)), None)


def registered_plugins() -> List[str]:
    return sorted(_ACTIONS)

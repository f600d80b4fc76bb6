"""Digitales Hamm – Traffic-light detection zones (hamm_signals). Depends on the core plugin hamm_core."""


def classFactory(iface):  # noqa: N802 - QGIS entry point
    from .plugin import SignalsPlugin
    return SignalsPlugin(iface)

"""Digitales Hamm – Digital twin (hamm_twin). Depends on the core plugin hamm_core."""


def classFactory(iface):  # noqa: N802 - QGIS entry point
    from .plugin import TwinPlugin
    return TwinPlugin(iface)

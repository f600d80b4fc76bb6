"""Digitales Hamm – Mobility (hamm_mobility). Depends on the core plugin hamm_core."""


def classFactory(iface):  # noqa: N802 - QGIS entry point
    from .plugin import MobilityPlugin
    return MobilityPlugin(iface)

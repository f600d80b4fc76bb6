"""Digitales Hamm – Sensors (hamm_sensors). Depends on the core plugin hamm_core."""


def classFactory(iface):  # noqa: N802 - QGIS entry point
    from .plugin import SensorsPlugin
    return SensorsPlugin(iface)

"""Digitales Hamm – LoRaWAN (hamm_lorawan). Depends on the core plugin hamm_core."""


def classFactory(iface):  # noqa: N802 - QGIS entry point
    from .plugin import LoRaWANPlugin

    return LoRaWANPlugin(iface)

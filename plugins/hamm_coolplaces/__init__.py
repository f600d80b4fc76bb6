"""Digitales Hamm – Cool places (hamm_coolplaces). Depends on the core plugin hamm_core."""


def classFactory(iface):  # noqa: N802 - QGIS entry point
    from .plugin import CoolPlacesPlugin
    return CoolPlacesPlugin(iface)

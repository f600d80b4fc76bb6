"""Digitales Hamm – core library plugin (hamm_core).

Other plugins of the suite import it: ``from hamm_core.adapters import network``.
Nothing heavy is imported here, so QGIS start-up stays fast.
"""


def classFactory(iface):  # noqa: N802 - QGIS entry point
    from .plugin import HammCorePlugin
    return HammCorePlugin(iface)

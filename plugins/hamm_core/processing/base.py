"""Processing base classes the tool plugins share.

An algorithm sets NAME, DISPLAY (English source text, translated through tr()), GROUP_ID,
GROUP and HELP, and PLUGIN_ID (the translation context: the plugin that owns it).
"""

from typing import List, Type

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingProvider,
)
from qgis.PyQt.QtGui import QIcon

from ..logic.i18n import translate


class StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Calls ``func(layer)`` once Processing has loaded an output into the project."""

    _KEEP = []  # Processing does not own its post-processors: keep the last ones alive

    def __init__(self, func):
        super().__init__()
        self.func = func
        StyleOnLoad._KEEP.append(self)
        del StyleOnLoad._KEEP[:-100]

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if layer is not None and layer.isValid():
            self.func(layer)


class HammAlgorithm(QgsProcessingAlgorithm):
    PLUGIN_ID = "hamm_core"
    NAME = ""
    DISPLAY = ""
    GROUP_ID = ""
    GROUP = ""
    HELP = ""

    def tr(self, text: str) -> str:
        return translate(self.PLUGIN_ID, text)

    def createInstance(self):
        return type(self)()

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:
        return self.tr(self.DISPLAY)

    def group(self) -> str:
        return self.tr(self.GROUP) if self.GROUP else ""

    def groupId(self) -> str:
        return self.GROUP_ID

    def shortHelpString(self) -> str:
        return self.tr(self.HELP) if self.HELP else ""

    @staticmethod
    def style_on_load(context, dest: str, func) -> None:
        """Style the output ``dest`` with ``func(layer)`` when Processing loads it."""
        if dest and context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(StyleOnLoad(func))


class HammProvider(QgsProcessingProvider):
    """One provider per plugin; subclasses set PROVIDER_ID, TITLE (English, translated),
    PLUGIN_ID, ICON, ALGORITHMS."""

    PROVIDER_ID = ""
    TITLE = ""
    PLUGIN_ID = "hamm_core"
    ICON = ""
    ALGORITHMS: List[Type[HammAlgorithm]] = []

    def id(self) -> str:
        return self.PROVIDER_ID

    def name(self) -> str:
        return translate(self.PLUGIN_ID, self.TITLE)

    def longName(self) -> str:
        return self.name()

    def icon(self) -> QIcon:
        return QIcon(self.ICON) if self.ICON else super().icon()

    def loadAlgorithms(self) -> None:
        for cls in self.ALGORITHMS:
            self.addAlgorithm(cls())


# Registered providers are referenced here: a provider registered from a script without a
# reference of its own would be collected by Python and its algorithms "not found".
_REGISTERED = {}


def register_provider(provider: HammProvider) -> bool:
    registry = QgsApplication.processingRegistry()
    if registry.providerById(provider.id()) is not None:
        return False
    if registry.addProvider(provider):
        _REGISTERED[provider.id()] = provider
        return True
    return False


def unregister_provider(provider: HammProvider) -> None:
    registry = QgsApplication.processingRegistry()
    if provider is not None and registry.providerById(provider.id()) is not None:
        _REGISTERED.pop(provider.id(), None)
        registry.removeProvider(provider)

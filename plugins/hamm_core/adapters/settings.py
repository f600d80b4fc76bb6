"""The suite's settings: QgsSettings under one prefix (plugins/digitales_hamm/...)."""

from typing import Any, List

from qgis.core import QgsSettings

from ..definitions import SETTINGS_PREFIX


class Settings:
    """Settings of one part of the suite, e.g. ``Settings("network")``.

    Credentials never go here: they belong in the QGIS authentication manager, and
    settings hold only the authcfg id.
    """

    def __init__(self, section: str = ""):
        self.prefix = SETTINGS_PREFIX + ("/" + section.strip("/") if section else "")

    def _key(self, key: str) -> str:
        return self.prefix + "/" + key

    def value(self, key: str, default: Any = None, type_: type = None) -> Any:
        settings = QgsSettings()
        if type_ is None:
            return settings.value(self._key(key), default, section=QgsSettings.Plugins)
        try:
            return settings.value(self._key(key), default, type=type_,
                                  section=QgsSettings.Plugins)
        except TypeError:  # stored value cannot be converted: use the default
            return default

    def set_value(self, key: str, value: Any) -> None:
        QgsSettings().setValue(self._key(key), value, section=QgsSettings.Plugins)

    def remove(self, key: str) -> None:
        QgsSettings().remove(self._key(key), section=QgsSettings.Plugins)

    def contains(self, key: str) -> bool:
        return QgsSettings().contains(self._key(key), section=QgsSettings.Plugins)

    def keys(self) -> List[str]:
        settings = QgsSettings()
        settings.beginGroup(self.prefix, section=QgsSettings.Plugins)
        try:
            return list(settings.allKeys())
        finally:
            settings.endGroup()

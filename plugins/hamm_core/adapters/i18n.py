"""Translations: a QTranslator per plugin, chosen from the QGIS user locale."""

import os
from typing import Dict

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from ..logic import i18n as pure_i18n

_TRANSLATORS: Dict[str, QTranslator] = {}


def user_language() -> str:
    """Two-letter language of the QGIS user interface (e.g. 'de')."""
    settings = QgsSettings()
    locale = ""
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str)
    if not locale:
        locale = settings.value("locale/userLocale", "", type=str) or QLocale().name()
    return (locale or "en")[:2].lower()


def install_translator(plugin_id: str, plugin_dir: str, lang: str = "") -> bool:
    """Load ``<plugin_dir>/i18n/<plugin_id>_<lang>.qm`` (lang: the QGIS user language
    unless given); True if a translation is active."""
    pure_i18n.set_translator(QCoreApplication.translate)
    remove_translator(plugin_id)
    lang = lang or user_language()
    path = os.path.join(plugin_dir, "i18n", "{}_{}.qm".format(plugin_id, lang))
    if lang == "en" or not os.path.exists(path):
        return False
    translator = QTranslator()
    if not translator.load(path):
        return False
    QCoreApplication.installTranslator(translator)
    _TRANSLATORS[plugin_id] = translator
    return True


def has_translator(plugin_id: str) -> bool:
    return plugin_id in _TRANSLATORS


def remove_translator(plugin_id: str) -> None:
    translator = _TRANSLATORS.pop(plugin_id, None)
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)

"""Translation hook for Qt-free modules.

Pure modules call ``tr("text")``; outside QGIS it returns the English source text, inside
QGIS the core installs ``QCoreApplication.translate`` so the same call returns German.
The context is the plugin that owns the module, so one .ts file per plugin holds every
string (see scripts/i18n.py, which extracts ``tr()`` calls).
"""

from typing import Callable, Optional

_translate: Optional[Callable[[str, str], str]] = None


def set_translator(func: Optional[Callable[[str, str], str]]) -> None:
    """Install (or remove, with None) the function ``func(context, text) -> text``."""
    global _translate
    _translate = func


def translate(context: str, text: str) -> str:
    if _translate is None:
        return text
    return _translate(context, text)


def tr(text: str) -> str:
    """Translate a user-visible string of hamm_core."""
    return translate("hamm_core", text)


def tr_noop(text: str) -> str:
    """Mark a constant for translation without translating it now (Qt's QT_TR_NOOP):
    lists of labels that are translated later with ``self.tr(label)``. The extractor
    files the string under the plugin whose folder holds the call."""
    return text

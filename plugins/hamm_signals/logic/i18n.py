"""Translation hook of hamm_signals for Qt-free modules."""

from hamm_core.logic.i18n import translate

PLUGIN_ID = "hamm_signals"


def tr(text: str) -> str:
    return translate(PLUGIN_ID, text)

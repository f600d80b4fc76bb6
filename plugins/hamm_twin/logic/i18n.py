"""Translation hook of hamm_twin for Qt-free modules."""

from hamm_core.logic.i18n import translate

PLUGIN_ID = "hamm_twin"


def tr(text: str) -> str:
    return translate(PLUGIN_ID, text)

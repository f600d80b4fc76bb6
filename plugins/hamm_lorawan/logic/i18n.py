"""tr() for the pure modules of hamm_lorawan (context: the plugin id)."""

from hamm_core.logic.i18n import translate

PLUGIN_ID = "hamm_lorawan"


def tr(text: str) -> str:
    return translate(PLUGIN_ID, text)

"""tr() for the pure modules of this plugin (context: the plugin id)."""

from hamm_core.logic.i18n import translate

PLUGIN_ID = "hamm_coolplaces"


def tr(text: str) -> str:
    return translate(PLUGIN_ID, text)

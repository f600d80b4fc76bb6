"""tr() for the pure modules of hamm_mobility (context: the plugin id)."""

from hamm_core.logic.i18n import translate

PLUGIN_ID = "hamm_mobility"


def tr(text: str) -> str:
    return translate(PLUGIN_ID, text)


def tr_noop(text: str) -> str:
    """Mark a label for translation later (see hamm_core.logic.i18n.tr_noop)."""
    return text

"""Translation helper of hamm_sensors' pure modules."""

from hamm_core.logic.i18n import translate


def tr(text: str) -> str:
    return translate("hamm_sensors", text)

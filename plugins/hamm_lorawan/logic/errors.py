"""Errors of hamm_lorawan: a translated message a planner can act on."""

from hamm_core.logic.errors import HammError


class LoRaError(HammError):
    """Bad input or an impossible request in the LoRaWAN tools."""

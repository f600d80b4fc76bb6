"""The error this plugin's logic raises for bad input (message already translated)."""

from hamm_core.logic.errors import HammError


class CoolPlacesError(HammError):
    """Bad input for a cool places computation: the message says what to do."""

"""Errors of hamm_signals; the message is translated and says what to do."""

from hamm_core.logic.errors import HammError


class SignalsError(HammError):
    """Bad input to a camera, zone or junction operation."""

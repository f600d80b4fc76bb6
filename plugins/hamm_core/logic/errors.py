"""Typed errors that carry a message a user can read (translated through tr())."""

from typing import Optional


class HammError(Exception):
    """Base of every error the suite reports to a user.

    ``user_message`` is already translated and says what went wrong and, where possible,
    what to do; ``detail`` is technical text for the log.
    """

    def __init__(self, user_message: str, detail: str = ""):
        super().__init__(user_message)
        self.user_message = user_message
        self.detail = detail

    def __str__(self) -> str:
        return self.user_message


class NetworkError(HammError):
    """A request failed. ``kind`` is one of the KIND_* constants."""

    KIND_HTTP = "http"
    KIND_TIMEOUT = "timeout"
    KIND_CONNECTION = "connection"
    KIND_TOO_LARGE = "too_large"
    KIND_CANCELLED = "cancelled"
    KIND_AUTH = "auth"
    KIND_SSL = "ssl"
    KIND_REDIRECT = "redirect"

    def __init__(
        self,
        kind: str,
        url: str,
        user_message: str,
        detail: str = "",
        status: Optional[int] = None,
    ):
        super().__init__(user_message, detail)
        self.kind = kind
        self.url = url
        self.status = status


class ParseError(HammError):
    """Content could not be read (broken JSON/XML, forbidden XML constructs, wrong shape)."""

    def __init__(self, user_message: str, detail: str = "", source: str = ""):
        super().__init__(user_message, detail)
        self.source = source


class ProfileError(HammError):
    """A city profile is missing, unreadable or incomplete."""

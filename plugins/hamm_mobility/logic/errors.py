"""Errors of hamm_mobility: a translated message a user can act on."""

from hamm_core.logic.errors import ParseError


class FeedError(ParseError):
    """A mobility feed is missing a required part, has the wrong version or shape."""

"""JSON parsing with user-readable errors."""

import json
from typing import Any

from .errors import ParseError
from .i18n import tr


def parse_json(data, source: str = "") -> Any:
    """Parse bytes or text as JSON; ParseError says where the document is broken."""
    try:
        if isinstance(data, (bytes, bytearray)):
            text = bytes(data).decode("utf-8-sig")
        else:
            text = str(data)
    except UnicodeDecodeError as exc:
        raise ParseError(
            tr("The document from {source} is not UTF-8 text and cannot be read as JSON.")
            .format(source=source or "?"),
            detail=str(exc), source=source) from exc
    if not text.strip():
        raise ParseError(
            tr("The document from {source} is empty; JSON was expected.").format(
                source=source or "?"),
            source=source)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(
            tr("The document from {source} is not valid JSON (line {line}, column {col}: "
               "{error}).").format(source=source or "?", line=exc.lineno, col=exc.colno,
                                   error=exc.msg),
            detail=str(exc), source=source) from exc


def require(obj: Any, key: str, kind: type = object, source: str = "") -> Any:
    """Return ``obj[key]``; ParseError naming the field when it is missing or of wrong type."""
    if not isinstance(obj, dict) or key not in obj:
        raise ParseError(
            tr("The field '{key}' is missing in the document from {source}.").format(
                key=key, source=source or "?"),
            source=source)
    value = obj[key]
    if kind is not object and not isinstance(value, kind):
        raise ParseError(
            tr("The field '{key}' in the document from {source} has the wrong type "
               "(expected {kind}).").format(key=key, source=source or "?",
                                            kind=kind.__name__),
            source=source)
    return value

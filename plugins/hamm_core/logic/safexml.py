"""XML parsing that refuses entity declarations and external entities.

The Python standard library expands internal entities ("billion laughs") and lxml, which
owslib may use, resolves entities by default. Every XML document the suite receives is
first checked here: the prolog (everything before the root element, the only place a
DTD can stand) is scanned with expat; an entity declaration or external entity reference
is refused. A DOCTYPE with only an external DTD reference (old WMS 1.1.1 capabilities
carry one) is allowed; the DTD itself is never fetched.
Approach after defusedxml's defaults (forbid_entities, forbid_external), written here to
stay within what QGIS ships on every platform.
"""

import xml.etree.ElementTree as ET
from xml.parsers import expat

from .errors import ParseError
from .i18n import tr


class _PrologDone(Exception):
    pass


def _forbidden(what: str, source: str) -> ParseError:
    return ParseError(
        tr("The XML document from {source} was refused: it declares entities ({what}), "
           "which can be used to attack the computer. Ask the provider for a plain document.")
        .format(source=source or "?", what=what),
        detail=what,
        source=source,
    )


def check_xml_safe(data: bytes, source: str = "") -> None:
    """Raise ParseError if the document's prolog declares or references entities."""
    parser = expat.ParserCreate()

    def entity_decl(name, *args):
        raise _forbidden("ENTITY " + str(name), source)

    def unparsed_entity_decl(name, *args):
        raise _forbidden("unparsed ENTITY " + str(name), source)

    def external_entity_ref(context, base, system_id, public_id):
        raise _forbidden("external entity " + str(system_id), source)

    def start_element(name, attrs):
        raise _PrologDone()

    parser.EntityDeclHandler = entity_decl
    parser.UnparsedEntityDeclHandler = unparsed_entity_decl
    parser.ExternalEntityRefHandler = external_entity_ref
    parser.StartElementHandler = start_element
    try:
        parser.Parse(data, True)
    except _PrologDone:
        return
    except expat.ExpatError as exc:
        raise ParseError(
            tr("The document from {source} is not valid XML ({error}).").format(
                source=source or "?", error=exc),
            detail=str(exc), source=source) from exc
    # Parse ended without any element
    raise ParseError(
        tr("The document from {source} is empty or contains no XML element.").format(
            source=source or "?"),
        source=source)


def parse_xml(data: bytes, source: str = "") -> ET.Element:
    """Parse bytes to an ElementTree element after the safety check.

    Raises ParseError with a user-readable message for broken or forbidden XML.
    """
    if not isinstance(data, (bytes, bytearray)):
        data = str(data).encode("utf-8")
    check_xml_safe(bytes(data), source)
    try:
        return ET.fromstring(bytes(data))
    except ET.ParseError as exc:
        raise ParseError(
            tr("The document from {source} is not valid XML ({error}).").format(
                source=source or "?", error=exc),
            detail=str(exc), source=source) from exc


def local_name(tag: str) -> str:
    """'{namespace}Name' -> 'Name'."""
    return tag.rsplit("}", 1)[-1]

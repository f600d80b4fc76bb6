"""OGC service capabilities, parsed from bytes the network module fetched.

WMS, WMTS, WFS and WCS capabilities go through owslib (QGIS ships it with MetaSearch);
owslib gets the bytes, never the URL, so it makes no request of its own. OGC API Features
is JSON: its /collections document is read with the suite's JSON helper.
Every XML document passes safexml.check_xml_safe first (owslib may use lxml, which
resolves entities by default).
"""

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from .errors import ParseError
from .i18n import tr
from .jsonutil import parse_json
from .safexml import parse_xml

SERVICE_VERSIONS = {"WMS": "1.3.0", "WMTS": "1.0.0", "WFS": "2.0.0", "WCS": "1.0.0"}


@dataclass
class LayerInfo:
    name: str
    title: str = ""
    abstract: str = ""
    crs: List[str] = field(default_factory=list)
    bbox_wgs84: Optional[Tuple[float, float, float, float]] = None
    styles: List[str] = field(default_factory=list)
    formats: List[str] = field(default_factory=list)
    tile_matrix_sets: List[str] = field(default_factory=list)


@dataclass
class Capabilities:
    service_type: str
    version: str
    title: str
    abstract: str
    layers: List[LayerInfo]
    formats: List[str] = field(default_factory=list)

    def layer(self, name: str) -> Optional[LayerInfo]:
        for lyr in self.layers:
            if lyr.name == name:
                return lyr
        return None


def capabilities_params(service_type: str) -> Dict[str, str]:
    """Query parameters of a GetCapabilities request for a service type."""
    service_type = service_type.upper()
    if service_type == "OAPIF":
        return {"f": "json"}
    return {"SERVICE": service_type, "REQUEST": "GetCapabilities",
            "VERSION": SERVICE_VERSIONS[service_type]} if service_type != "WMTS" else \
        {"SERVICE": "WMTS", "REQUEST": "GetCapabilities"}


def _bad(service_type: str, source: str, exc: Exception) -> ParseError:
    return ParseError(
        tr("The {type} capabilities from {source} could not be read ({error}). Is the "
           "address really a {type} service?").format(type=service_type, source=source or "?",
                                                       error=exc),
        detail=repr(exc), source=source)


def _service_exception(data: bytes) -> Optional[str]:
    head = data[:4096]
    if b"ServiceException" in head or b"ExceptionReport" in head:
        match = re.search(rb"<(?:\w+:)?(?:ServiceException|ExceptionText)[^>]*>(.*?)</", data,
                          re.S)
        return (match.group(1).decode("utf-8", "replace").strip() if match else "exception")
    return None


def parse_capabilities(service_type: str, data: bytes, url: str = "") -> Capabilities:
    """Parse GetCapabilities (or /collections JSON for OAPIF) into plain data."""
    service_type = service_type.upper()
    if service_type == "OAPIF":
        return _parse_oapif(data, url)
    if service_type not in SERVICE_VERSIONS:
        raise ParseError(tr("Unknown service type {type}.").format(type=service_type))
    parse_xml(data, url)  # refuses entities, reports broken XML in plain words
    exc_text = _service_exception(data)
    if exc_text:
        raise ParseError(
            tr("The service at {source} answered with an error: {text}").format(
                source=url or "?", text=exc_text), source=url)
    try:
        if service_type == "WMS":
            return _parse_wms(data, url)
        if service_type == "WMTS":
            return _parse_wmts(data, url)
        if service_type == "WFS":
            return _parse_wfs(data, url)
        return _parse_wcs(data, url)
    except ParseError:
        raise
    except ImportError as exc:
        raise ParseError(tr("The Python package owslib is missing; QGIS normally ships it. "
                            "Reinstall QGIS or install owslib.")) from exc
    except Exception as exc:  # owslib raises many kinds on bad documents
        raise _bad(service_type, url, exc) from exc


def _bbox(value) -> Optional[Tuple[float, float, float, float]]:
    if not value:
        return None
    try:
        return tuple(float(v) for v in list(value)[:4])  # type: ignore[return-value]
    except (TypeError, ValueError):
        return None


def _ident(svc) -> Tuple[str, str]:
    ident = getattr(svc, "identification", None)
    return (getattr(ident, "title", "") or "", getattr(ident, "abstract", "") or "")


def _parse_wms(data: bytes, url: str) -> Capabilities:
    from owslib.wms import WebMapService
    version = "1.3.0" if b'version="1.3.0"' in data[:2048] else "1.1.1"
    svc = WebMapService(url or "http://localhost/", version=version, xml=data)
    layers = []
    for name, lyr in svc.contents.items():
        layers.append(LayerInfo(
            name=name, title=lyr.title or "", abstract=getattr(lyr, "abstract", "") or "",
            crs=list(getattr(lyr, "crsOptions", None) or []),
            bbox_wgs84=_bbox(getattr(lyr, "boundingBoxWGS84", None)),
            styles=list((lyr.styles or {}).keys())))
    formats = []
    with contextlib.suppress(KeyError, AttributeError):
        formats = list(svc.getOperationByName("GetMap").formatOptions)
    title, abstract = _ident(svc)
    return Capabilities("WMS", version, title, abstract, layers, formats)


def _parse_wmts(data: bytes, url: str) -> Capabilities:
    from owslib.wmts import WebMapTileService
    svc = WebMapTileService(url or "http://localhost/", xml=data)
    layers = []
    for name, lyr in svc.contents.items():
        layers.append(LayerInfo(
            name=name, title=lyr.title or "", abstract=getattr(lyr, "abstract", "") or "",
            bbox_wgs84=_bbox(getattr(lyr, "boundingBoxWGS84", None)),
            styles=list((lyr.styles or {}).keys()), formats=list(lyr.formats or []),
            tile_matrix_sets=list((lyr.tilematrixsetlinks or {}).keys())))
    title, abstract = _ident(svc)
    return Capabilities("WMTS", "1.0.0", title, abstract, layers)


def _parse_wfs(data: bytes, url: str) -> Capabilities:
    from owslib.wfs import WebFeatureService
    head = data[:4096]
    version = "2.0.0" if b'"2.0' in head else ("1.1.0" if b'"1.1' in head else "1.0.0")
    svc = WebFeatureService(url or "http://localhost/", version=version, xml=data)
    layers = []
    for name, lyr in svc.contents.items():
        crs = [str(getattr(c, "getcode", lambda: c)()) for c in (lyr.crsOptions or [])]
        layers.append(LayerInfo(
            name=name, title=lyr.title or "", abstract=getattr(lyr, "abstract", "") or "",
            crs=crs, bbox_wgs84=_bbox(getattr(lyr, "boundingBoxWGS84", None))))
    title, abstract = _ident(svc)
    return Capabilities("WFS", version, title, abstract, layers)


def _parse_wcs(data: bytes, url: str) -> Capabilities:
    from owslib.wcs import WebCoverageService
    head = data[:4096]
    version = "1.0.0"
    for cand in ("2.0.1", "2.0.0", "1.1.1", "1.1.0"):
        if cand.encode() in head:
            version = cand
            break
    svc = WebCoverageService(url or "http://localhost/", xml=data, version=version)
    layers = []
    for name, cov in svc.contents.items():
        # Only what GetCapabilities holds: owslib answers supportedCRS/supportedFormats
        # with a DescribeCoverage request of its own, outside QGIS's network stack.
        layers.append(LayerInfo(
            name=name, title=getattr(cov, "title", "") or "",
            bbox_wgs84=_bbox(getattr(cov, "boundingBoxWGS84", None))))
    title, abstract = _ident(svc)
    return Capabilities("WCS", version, title, abstract, layers)


def _parse_oapif(data: bytes, url: str) -> Capabilities:
    doc: Any = parse_json(data, url)
    if not isinstance(doc, dict) or not isinstance(doc.get("collections"), list):
        raise ParseError(
            tr("The document from {source} is not an OGC API Features collections list "
               "(the field 'collections' is missing).").format(source=url or "?"), source=url)
    layers = []
    for coll in doc["collections"]:
        if not isinstance(coll, dict) or "id" not in coll:
            continue
        bbox = None
        spatial = (coll.get("extent") or {}).get("spatial") or {}
        boxes = spatial.get("bbox") or []
        if boxes and isinstance(boxes[0], list):
            bbox = _bbox(boxes[0])
        layers.append(LayerInfo(name=str(coll["id"]), title=str(coll.get("title", "")),
                                abstract=str(coll.get("description", "")),
                                crs=[str(c) for c in coll.get("crs", [])], bbox_wgs84=bbox))
    return Capabilities("OAPIF", "1.0", str(doc.get("title", "")),
                        str(doc.get("description", "")), layers)

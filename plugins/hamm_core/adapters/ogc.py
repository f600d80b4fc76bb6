"""OGC services in QGIS: capabilities through the network module and owslib, layers
through QGIS's native providers (wms, WFS, OAPIF, wcs) with the right data source URI."""

from typing import Optional

from qgis.core import (
    QgsApplication,
    QgsDataSourceUri,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ..definitions import DEFAULT_CRS
from ..logic import http
from ..logic.capabilities import Capabilities, capabilities_params, parse_capabilities
from ..logic.errors import HammError
from ..logic.i18n import tr
from ..logic.profile import Service
from . import network

RASTER_TYPES = ("WMS", "WMTS", "XYZ", "WCS")
VECTOR_TYPES = ("WFS", "OAPIF")


def capabilities_url(service_type: str, url: str) -> str:
    service_type = service_type.upper()
    if service_type == "OAPIF":
        return url.rstrip("/") + "/collections?f=json"
    if service_type == "WMTS" and "GetCapabilities" not in url and url.endswith(".xml"):
        return url  # RESTful WMTSCapabilities.xml
    return http.with_params(url, capabilities_params(service_type))


def fetch_capabilities(service_type: str, url: str, authcfg: str = "",
                       feedback=None) -> Capabilities:
    """Fetch and parse capabilities; NetworkError or ParseError with a clear message."""
    cap_url = capabilities_url(service_type, url)
    response = network.fetch(cap_url, authcfg=authcfg, feedback=feedback)
    return parse_capabilities(service_type, response.content, http.redact(response.url))


def layer_source(service_type: str, url: str, layer: str, *, crs: str = DEFAULT_CRS,
                 authcfg: str = "", style: str = "", image_format: str = "image/png",
                 tile_matrix_set: str = "", version: str = "auto"):
    """(data source URI, provider key, is_raster) for a layer of a service."""
    service_type = service_type.upper()
    uri = QgsDataSourceUri()
    if authcfg:
        uri.setAuthConfigId(authcfg)
    if service_type in ("WMS", "WMTS"):
        uri.setParam("url", url)
        uri.setParam("layers", layer)
        uri.setParam("styles", style or ("default" if service_type == "WMTS" else ""))
        uri.setParam("format", image_format)
        uri.setParam("crs", crs)
        if service_type == "WMTS":
            uri.setParam("tileMatrixSet", tile_matrix_set or crs)
        return bytes(uri.encodedUri()).decode(), "wms", True
    if service_type == "XYZ":
        uri.setParam("type", "xyz")
        uri.setParam("url", url)
        return bytes(uri.encodedUri()).decode(), "wms", True
    if service_type == "WCS":
        uri.setParam("url", url)
        uri.setParam("identifier", layer)
        uri.setParam("crs", crs)
        return bytes(uri.encodedUri()).decode(), "wcs", True
    if service_type == "WFS":
        uri.setParam("url", url)
        uri.setParam("typename", layer)
        uri.setParam("version", version)
        uri.setParam("srsname", crs)
        uri.setParam("pagingEnabled", "true")
        return uri.uri(False), "WFS", False
    if service_type == "OAPIF":
        uri.setParam("url", url.rstrip("/"))
        uri.setParam("typename", layer)
        return uri.uri(False), "OAPIF", False
    raise HammError(tr("The service type {type} cannot be added as a layer.").format(
        type=service_type))


def make_layer(service_type: str, url: str, layer: str, name: str = "", **kwargs) -> QgsMapLayer:
    """Create a valid layer or raise HammError with the provider's complaint."""
    source, provider, is_raster = layer_source(service_type, url, layer, **kwargs)
    name = name or layer
    # The providers say why a layer is invalid only in the message log (and in 3.22
    # QgsMapLayer.error() of an invalid WFS layer crashes), so listen while it loads.
    messages = []

    def collect(message, tag, _level):
        if tag in ("WFS", "OAPIF", "WMS", "WCS", "Network"):
            messages.append("{}: {}".format(tag, message))

    log = QgsApplication.messageLog()
    log.messageReceived.connect(collect)
    try:
        lyr = QgsRasterLayer(source, name, provider) if is_raster else \
            QgsVectorLayer(source, name, provider)
    finally:
        log.messageReceived.disconnect(collect)
    if not lyr.isValid():
        detail = " | ".join(messages)[:2000]
        raise HammError(
            tr("The layer '{layer}' of the {type} service {url} could not be loaded. Check "
               "the address, the layer name and the authentication.").format(
                layer=layer, type=service_type.upper(), url=http.redact(url)),
            detail=detail)
    return lyr


LAYER_OPTIONS = ("style", "image_format", "tile_matrix_set", "version")


def service_layer(service: Service, layer: str, title: str = "",
                  crs: str = DEFAULT_CRS) -> QgsMapLayer:
    """One layer of a catalog service, with the service's options from the profile."""
    opts = {k: v for k, v in service.options.items() if k in LAYER_OPTIONS}
    return make_layer(service.type, service.url, layer, title, authcfg=service.authcfg,
                      crs=service.options.get("crs", crs), **opts)


def service_layers(service: Service, lang: str = "de", crs: str = DEFAULT_CRS):
    """Layers of a catalog service as configured in the city profile."""
    names = service.layers or []
    return [service_layer(service, name, service.title_for(lang) if len(names) == 1 else
                          "{} – {}".format(service.title_for(lang), name), crs)
            for name in names]


def group_for(name: str, project: Optional[QgsProject] = None) -> QgsLayerTreeGroup:
    """The top-level layer tree group ``name``, created at the top when missing."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.findGroup(name)
    if group is None:
        group = root.insertGroup(0, name)
    return group


def add_to_project(layer: QgsMapLayer, group: str = "",
                   project: Optional[QgsProject] = None) -> QgsMapLayer:
    """Add a layer to the project, inside ``group`` when given."""
    project = project or QgsProject.instance()
    if not group:
        project.addMapLayer(layer)
        return layer
    project.addMapLayer(layer, False)
    group_for(group, project).addLayer(layer)
    return layer

"""OGC services of the city profile's catalog (WMS/WMTS, WFS 2.0, OGC API Features) as
styled layers of the Mobilitätsstadtplan, in one step; through hamm_core.adapters.ogc.

A service's options in the profile may carry ``"qml": "file.qml"`` (a path relative to the
profile file or absolute) for a vector style, ``"color"`` for the default symbol and
``"opacity"``; without them, vector layers get a clear single symbol of the mobility map
and raster layers 85 % opacity. Mobility services (group or id mentioning mobility,
traffic, parking, charging, sharing) are listed first.
"""

import os
from typing import List, Optional, Sequence, Tuple

from qgis.core import (
    QgsMapLayer,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from hamm_core.adapters import ogc
from hamm_core.logic.errors import HammError
from hamm_core.logic.profile import CityProfile, Service

from ..logic.i18n import tr
from .gbfs_live import group_name

OGC_TYPES = ("WMS", "WMTS", "WFS", "OAPIF")
MOBILITY_WORDS = ("mobil", "verkehr", "traffic", "park", "lade", "charg", "sharing", "bus",
                  "bahn", "rad", "bike", "oepnv", "öpnv", "transit", "zaehl", "zähl", "count")
DEFAULT_COLORS = {QgsWkbTypes.PointGeometry: "#a3007c", QgsWkbTypes.LineGeometry: "#0064ad",
                  QgsWkbTypes.PolygonGeometry: "#e6a100"}


def is_mobility(service: Service) -> bool:
    text = " ".join([service.id, service.group] + list(service.title.values())).lower()
    return any(w in text for w in MOBILITY_WORDS)


def catalog_services(profile: CityProfile) -> List[Service]:
    """The profile's OGC services, mobility services first (stable order otherwise)."""
    services = profile.services_of_type(*OGC_TYPES)
    return sorted(services, key=lambda s: 0 if is_mobility(s) else 1)


def style_layer(layer: QgsMapLayer, service: Service, profile_dir: str = "") -> str:
    """Apply the service's style; returns what was applied ('qml', 'symbol', 'opacity')."""
    opts = service.options or {}
    if isinstance(layer, QgsVectorLayer):
        qml = opts.get("qml")
        if qml:
            path = qml if os.path.isabs(qml) else os.path.join(profile_dir, qml)
            _msg, ok = layer.loadNamedStyle(path)
            if ok:
                return "qml"
        gtype = layer.geometryType()
        symbol = QgsSymbol.defaultSymbol(gtype)
        if symbol is None:
            return ""
        color = QColor(opts.get("color") or DEFAULT_COLORS.get(gtype, "#555555"))
        if gtype == QgsWkbTypes.PolygonGeometry:
            fill = QColor(color)
            fill.setAlpha(70)
            symbol.setColor(fill)
            symbol.symbolLayer(0).setStrokeColor(color)
            symbol.symbolLayer(0).setStrokeWidth(0.5)
        else:
            symbol.setColor(color)
            if gtype == QgsWkbTypes.PointGeometry:
                symbol.setSize(2.8)
            else:
                symbol.setWidth(0.7)
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        if "opacity" in opts:
            layer.setOpacity(float(opts["opacity"]))
        return "symbol"
    layer.setOpacity(float(opts.get("opacity", 0.85)))
    return "opacity"


def add_services(profile: CityProfile, wanted: Optional[Sequence[Tuple[str, str]]] = None,
                 project: Optional[QgsProject] = None, lang: str = "de",
                 ) -> Tuple[List[QgsMapLayer], List[HammError]]:
    """Add layers of the catalog to the project's Mobilitätsstadtplan group, styled.

    ``wanted``: (service id, layer name) pairs; None = every configured layer of every
    mobility service. Returns (added layers, errors); one failing layer does not stop the
    others and changes nothing in the project.
    """
    project = project or QgsProject.instance()
    profile_dir = os.path.dirname(profile.source) if profile.source else ""
    if wanted is None:
        wanted = [(s.id, name) for s in catalog_services(profile) if is_mobility(s)
                  for name in s.layers]
    added, errors = [], []
    for service_id, name in wanted:
        service = profile.service(service_id)
        if service is None or service.type.upper() not in OGC_TYPES:
            errors.append(HammError(tr("The service '{id}' is not an OGC service of the city "
                                       "profile.").format(id=service_id)))
            continue
        title = service.title_for(lang)
        if len(service.layers) > 1 or name not in service.layers:
            title = "{} – {}".format(title, name)
        try:
            layer = ogc.service_layer(service, name, title, profile.crs)
        except HammError as err:
            errors.append(err)
            continue
        style_layer(layer, service, profile_dir)
        layer.setCustomProperty("hamm_mobility/catalog_service", service.id)
        project.addMapLayer(layer, False)
        top = ogc.group_for(group_name(), project)
        sub_name = service.group or tr("Services")
        sub = top.findGroup(sub_name) or top.addGroup(sub_name)
        sub.addLayer(layer)
        added.append(layer)
    return added, errors

"""'Load point cloud': EPT (ept.json, local or URL) through QGIS's provider "ept";
LAS/LAZ/COPC through the provider "pdal" where this QGIS has it (3.18+ built with PDAL;
Debian's 3.22 has "ept" but not "pdal"). Styled by classification (when the data has a
Classification dimension) or by an elevation ramp on Z, with a 3D renderer where
qgis._3d is available, added to the twin's layer group."""

import os
from typing import Dict, List, Optional

from qgis.core import (
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsPointCloudAttributeByRampRenderer,
    QgsPointCloudClassifiedRenderer,
    QgsPointCloudLayer,
    QgsProject,
    QgsProviderRegistry,
    QgsStyle,
    QgsUnitTypes,
)

from hamm_core.logic.errors import HammError, ParseError

from ..logic import ept
from ..logic.i18n import tr

CRS = "EPSG:25832"
LAS_SUFFIXES = (".las", ".laz", ".copc.laz")
ROLE_POINTCLOUD = "pointcloud"


class PointCloudUnsupported(HammError):
    """This QGIS cannot show the point cloud natively (no PDAL provider); the DSM/nDSM
    derivation (hamm_twin:las_dsm) is the way offered instead."""

    def __init__(self, path: str):
        super().__init__(tr(
            "This QGIS ({version}) cannot show LAS/LAZ/COPC point clouds natively: it was "
            "built without PDAL (point cloud provider 'pdal' missing). Derive a surface "
            "model instead: 'Surface model from LAS' computes a DSM and an nDSM (object "
            "heights) from {file}; or convert the points to EPT, which this QGIS can "
            "show.").format(version=_qgis_version(), file=os.path.basename(path)),
            detail=path)
        self.path = path


def _qgis_version() -> str:
    from qgis.core import Qgis
    return Qgis.QGIS_VERSION.split("-")[0]


def providers() -> List[str]:
    return list(QgsProviderRegistry.instance().providerList())


def has_pdal() -> bool:
    return "pdal" in providers()


def has_ept() -> bool:
    return "ept" in providers()


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def kind_of(source: str) -> str:
    """"ept", "las" or "" (unknown) from the path or URL."""
    low = source.lower().split("?")[0].rstrip("/")
    if low.endswith("ept.json"):
        return "ept"
    if low.endswith(LAS_SUFFIXES):
        return "las"
    if not is_url(source) and os.path.isdir(source) and \
            os.path.isfile(os.path.join(source, "ept.json")):
        return "ept"
    return ""


def make_layer(source: str, name: str = "") -> Dict:
    """A styled QgsPointCloudLayer for ``source`` (not yet in a project). Returns
    {"layer", "warnings", "meta"}; raises HammError (ParseError, PointCloudUnsupported)
    with a translated message when nothing can be shown."""
    source = source.strip()
    kind = kind_of(source)
    if not is_url(source) and not os.path.exists(source):
        raise ParseError(tr("The point cloud {path} does not exist.").format(path=source),
                         source=source)
    if kind == "":
        raise HammError(tr("{file} is no point cloud this tool knows: choose an EPT "
                           "dataset (ept.json) or a LAS, LAZ or COPC file.").format(
                               file=os.path.basename(source) or source))
    warnings, meta = [], None
    if kind == "ept":
        if not is_url(source) and os.path.isdir(source):
            source = os.path.join(source, "ept.json")
        if not has_ept():
            raise HammError(tr("This QGIS has no EPT point cloud provider (QGIS 3.18 or "
                               "newer is needed)."))
        if not is_url(source):
            meta = ept.check_metadata(source)
        provider = "ept"
        default_name = os.path.basename(os.path.dirname(source.rstrip("/"))) or "EPT"
    else:
        if not has_pdal():
            raise PointCloudUnsupported(source)
        provider = "pdal"
        default_name = os.path.basename(source)
    layer = QgsPointCloudLayer(source, name or default_name, provider)
    if not layer.isValid():
        del layer
        raise HammError(tr("QGIS cannot open the point cloud {source}: the data is "
                           "damaged, incomplete or not reachable.").format(source=source))
    crs = layer.crs()
    code = ept.srs_code(meta) if meta is not None else None
    if not crs.isValid() and code:  # QGIS 3.22 reads srs.wkt only
        crs = QgsCoordinateReferenceSystem(code)
        if crs.isValid():
            layer.setCrs(crs)
    if not crs.isValid():
        warnings.append(tr("The point cloud {name} names no coordinate reference system: "
                           "it is assumed to be in EPSG:25832.").format(name=layer.name()))
        layer.setCrs(QgsCoordinateReferenceSystem(CRS))
    elif crs.authid() != CRS:
        warnings.append(tr("The point cloud {name} is in {crs}, not in EPSG:25832: QGIS "
                           "reprojects it on the fly for the map; measurements and the "
                           "DSM derivation expect EPSG:25832.").format(
                               name=layer.name(), crs=crs.authid() or crs.description()))
    style(layer, meta)
    layer.setCustomProperty("hamm_twin/role", ROLE_POINTCLOUD)
    return {"layer": layer, "warnings": warnings, "meta": meta}


def attribute_names(layer) -> List[str]:
    return [a.name() for a in layer.attributes().attributes()]


def z_range(layer, meta: Optional[Dict] = None):
    """(zmin, zmax) of the data: boundsConforming of ept.json, else the provider's
    statistics, else (0, 100)."""
    if meta is not None:
        b = meta["boundsConforming"]
        return float(b[2]), float(b[5])
    from qgis.core import QgsStatisticalSummary
    try:
        prov = layer.dataProvider()
        return (float(prov.metadataStatistic("Z", QgsStatisticalSummary.Min)),
                float(prov.metadataStatistic("Z", QgsStatisticalSummary.Max)))
    except (ValueError, TypeError):
        return 0.0, 100.0


def class_labels() -> Dict[int, str]:
    """Names of the standard point classes of ASPRS LAS 1.4 (R15, table 17), translated.
    QGIS's own default categories carry the names of the language QGIS was in when the
    layer was styled, which is English in scripts; ours follow the suite's language."""
    return {1: tr("Unclassified"), 2: tr("Ground"), 3: tr("Low vegetation"),
            4: tr("Medium vegetation"), 5: tr("High vegetation"), 6: tr("Building"),
            7: tr("Low point (noise)"), 9: tr("Water"), 10: tr("Rail"),
            11: tr("Road surface"), 13: tr("Wire – guard (shield)"),
            14: tr("Wire – conductor (phase)"), 15: tr("Transmission tower"),
            16: tr("Wire-structure connector (insulator)"), 17: tr("Bridge deck"),
            18: tr("High noise")}


# ASPRS class 2 (ground) is not drawn in the 3D view: the terrain (DGM) shows the ground
# there, and a carpet of ground points would hide the draped orthophoto. The class can be
# switched on in the layer's 3D properties; the 2D renderer shows every class.
HIDDEN_IN_3D = {2}


def categories() -> list:
    """QGIS's default class colours with the suite's translated names."""
    labels = class_labels()
    out = []
    for cat in QgsPointCloudClassifiedRenderer.defaultCategories():
        if cat.value() in labels:
            cat.setLabel(labels[cat.value()])
        out.append(cat)
    return out


def style(layer, meta: Optional[Dict] = None) -> str:
    """Classification renderer when the data has Classification, else a height ramp on
    Z; returns "classified" or "ramp". The 3D renderer follows the same choice."""
    zmin, zmax = z_range(layer, meta)
    if zmax <= zmin:
        zmax = zmin + 1.0
    if "Classification" in attribute_names(layer):
        renderer = QgsPointCloudClassifiedRenderer()
        renderer.setAttribute("Classification")
        renderer.setCategories(categories())
        kind = "classified"
    else:
        renderer = QgsPointCloudAttributeByRampRenderer()
        renderer.setAttribute("Z")
        renderer.setMinimum(zmin)
        renderer.setMaximum(zmax)
        renderer.setColorRampShader(_ramp_shader(zmin, zmax))
        kind = "ramp"
    renderer.setPointSize(2.0)
    renderer.setPointSizeUnit(QgsUnitTypes.RenderPixels)
    layer.setRenderer(renderer)
    _style_3d(layer, kind, zmin, zmax)
    return kind


def _ramp_shader(zmin: float, zmax: float) -> QgsColorRampShader:
    ramp = QgsStyle.defaultStyle().colorRamp("Spectral")
    ramp.invert()  # low = blue, high = red
    shader = QgsColorRampShader(zmin, zmax, ramp)
    shader.classifyColorRamp(8, -1)
    return shader


def _style_3d(layer, kind: str, zmin: float, zmax: float) -> bool:
    try:
        from qgis._3d import (
            QgsClassificationPointCloud3DSymbol,
            QgsColorRampPointCloud3DSymbol,
            QgsPointCloudLayer3DRenderer,
        )
    except ImportError:
        return False
    if kind == "classified":
        symbol = QgsClassificationPointCloud3DSymbol()
        symbol.setAttribute("Classification")
        cats = categories()
        for cat in cats:
            if cat.value() in HIDDEN_IN_3D:
                cat.setRenderState(False)
        symbol.setCategoriesList(cats)
    else:
        symbol = QgsColorRampPointCloud3DSymbol()
        symbol.setAttribute("Z")
        symbol.setColorRampShaderMinMax(zmin, zmax)
        symbol.setColorRampShader(_ramp_shader(zmin, zmax))
    symbol.setPointSize(3.0)
    renderer = QgsPointCloudLayer3DRenderer()
    renderer.setSymbol(symbol)
    renderer.setLayer(layer)
    layer.setRenderer3D(renderer)
    return True


def load_point_cloud(source: str, name: str = "", project: Optional[QgsProject] = None,
                     group: str = "", remember: bool = False) -> Dict:
    """Add the point cloud to ``group`` (default: the twin's group) of ``project``.
    Returns {"layer", "warnings"}; raises HammError when nothing was added.
    ``remember``: 'Load digital twin' offers this point cloud from now on."""
    from hamm_core.adapters import ogc

    from .twin import GROUP, configure_3d, set_pointcloud_source
    project = project or QgsProject.instance()
    result = make_layer(source, name)
    ogc.add_to_project(result["layer"], group or GROUP, project)
    if remember:
        set_pointcloud_source(result["layer"].source())
    if not group or group == GROUP:
        configure_3d(project)  # the point cloud joins the twin's 3D view
    return {"layer": result["layer"], "warnings": result["warnings"]}

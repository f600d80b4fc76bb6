"""The project's 3D view of the twin: terrain from the DGM, 2D layers (orthophoto) draped
on it, buildings with their 3D renderers, a camera looking at the area.

QGIS 3.22 keeps 3D views per map view dock and offers no Python API to create one or to
write Qgs3DMapSettings headless (its terrain generators are not exposed to Python and
writeXml() crashes without one). So the view is written as the XML QGIS itself writes for
a 3D map dock: ``<mapViewDocks3D><view name=...><qgis3d>...</qgis3d><camera/></view>``,
the schema read by Qgs3DMapSettings::readXml (origin, camera, color, crs, terrain with
``<layers>`` and ``<generator type="dem" layer=...>``) and by the 3D dock (camera pose).
The XML is kept in the project (entry hamm_twin/scene3d), and added to the project file
each time it is written, so opening the project in QGIS Desktop opens the 3D view.
QGIS >= 3.24 registers it with the project's views manager as well; QGIS >= 3.26 also
gets the DGM as the project's terrain (elevation properties).
"""

import contextlib
import weakref
from typing import List, Optional

from qgis.core import QgsProject, QgsRectangle
from qgis.PyQt.QtXml import QDomDocument

from hamm_core.logic.i18n import tr_noop

from ..logic.i18n import tr

SCOPE = "hamm_twin"
KEY = "scene3d"
VIEW_NAME = tr_noop("Digital twin 3D")  # translated when used: view_name()
HOOK_PROPERTY = "hamm_twin_scene3d_hook"


def view_name() -> str:
    return tr(VIEW_NAME)


def view_element(doc: QDomDocument, crs, extent: QgsRectangle, dem_layer=None,
                 drape_layers: Optional[List] = None, layers_3d: Optional[List] = None,
                 name: str = "",
                 dem_resolution: int = 16, skirt_height: float = 10.0,
                 texture_size: int = 1024):
    """The <view> element of a 3D map view dock for the twin."""
    view = doc.createElement("view")
    view.setAttribute("name", name or view_name())
    view.setAttribute("isOpen", "1")
    view.setAttribute("isDocked", "1")
    q3d = doc.createElement("qgis3d")
    centre = extent.center()
    origin = doc.createElement("origin")
    for key, value in (("x", centre.x()), ("y", centre.y()), ("z", 0.0)):
        origin.setAttribute(key, repr(float(value)))
    q3d.appendChild(origin)
    camera = doc.createElement("camera")
    camera.setAttribute("field-of-view", "45")
    camera.setAttribute("projection-type", "1")
    camera.setAttribute("camera-navigation-mode", "basic-navigation")
    camera.setAttribute("camera-movement-speed", "5")
    q3d.appendChild(camera)
    color = doc.createElement("color")
    color.setAttribute("background", "235,240,245,255")
    color.setAttribute("selection", "255,255,0,255")
    q3d.appendChild(color)
    crs_elem = doc.createElement("crs")
    crs.writeXml(crs_elem, doc)
    q3d.appendChild(crs_elem)
    terrain = doc.createElement("terrain")
    for key, value in (("exaggeration", "1"), ("texture-size", str(texture_size)),
                       ("max-terrain-error", "3"), ("max-ground-error", "1"),
                       ("shading-enabled", "0"), ("elevation-offset", "0"),
                       ("show-labels", "0")):
        terrain.setAttribute(key, value)
    # <layers>: everything in the scene (3D renderers and draped); <terrainLayers>: the
    # layers rendered into the terrain's texture
    for tag, members in (("layers", list(drape_layers or []) + list(layers_3d or [])),
                         ("terrainLayers", list(drape_layers or []))):
        layers = doc.createElement(tag)
        for layer in members:
            elem = doc.createElement("layer")
            elem.setAttribute("id", layer.id())
            layers.appendChild(elem)
        terrain.appendChild(layers)
    generator = doc.createElement("generator")
    if dem_layer is not None:
        generator.setAttribute("type", "dem")
        generator.setAttribute("layer", dem_layer.id())
        generator.setAttribute("resolution", str(dem_resolution))
        generator.setAttribute("skirt-height", repr(float(skirt_height)))
    else:
        generator.setAttribute("type", "flat")
        generator.setAttribute("extent-xmin", repr(extent.xMinimum()))
        generator.setAttribute("extent-ymin", repr(extent.yMinimum()))
        generator.setAttribute("extent-xmax", repr(extent.xMaximum()))
        generator.setAttribute("extent-ymax", repr(extent.yMaximum()))
    terrain.appendChild(generator)
    q3d.appendChild(terrain)
    lights = doc.createElement("directional-lights")
    light = doc.createElement("directional-light")
    for key, value in (("x", "-0.5"), ("y", "-1"), ("z", "-0.5"), ("color", "255,255,255,255"),
                       ("intensity", "0.8")):
        light.setAttribute(key, value)
    lights.appendChild(light)
    q3d.appendChild(lights)
    points = doc.createElement("point-lights")
    q3d.appendChild(points)
    view.appendChild(q3d)
    pose = doc.createElement("camera")
    size = max(extent.width(), extent.height(), 100.0)
    for key, value in (("x", "0"), ("y", "0"), ("elev", "0"), ("dist", repr(size * 1.2)),
                       ("pitch", "45"), ("yaw", "0")):
        pose.setAttribute(key, value)
    view.appendChild(pose)
    return view


def configure(project: QgsProject, extent: QgsRectangle, dem_layer=None,
              drape_layers: Optional[List] = None, layers_3d: Optional[List] = None,
              name: str = "") -> str:
    """Store the twin's 3D view in ``project``; returns its XML."""
    doc = QDomDocument("qgis")
    view = view_element(doc, project.crs() if project.crs().isValid() else
                        _crs(), extent, dem_layer, drape_layers, layers_3d, name)
    doc.appendChild(view)
    xml = doc.toString()
    project.writeEntry(SCOPE, KEY, xml)
    project.setDirty(True)
    _hook(project)
    _register_view(project, name or view_name(), view)
    _set_terrain(project, dem_layer)
    return xml


def stored_view(project: QgsProject) -> str:
    return project.readEntry(SCOPE, KEY, "")[0]


def settings_from_project(project: QgsProject):
    """The stored view read back by QGIS's own Qgs3DMapSettings (None without qgis._3d
    or without a stored view)."""
    try:
        from qgis._3d import Qgs3DMapSettings
    except ImportError:
        return None
    xml = stored_view(project)
    if not xml:
        return None
    from qgis.core import QgsReadWriteContext
    doc = QDomDocument()
    doc.setContent(xml)
    settings = Qgs3DMapSettings()
    context = QgsReadWriteContext()
    context.setPathResolver(project.pathResolver())
    settings.readXml(doc.documentElement().firstChildElement("qgis3d"), context)
    settings.resolveReferences(project)
    return settings


def _crs():
    from qgis.core import QgsCoordinateReferenceSystem
    return QgsCoordinateReferenceSystem("EPSG:25832")


def _hook(project: QgsProject) -> None:
    """Add the view whenever the project is written (once per project). The slot holds
    the project weakly: a Python reference kept by a signal would keep a project built
    in a script alive until interpreter exit, where QGIS objects must be gone."""
    if project.property(HOOK_PROPERTY):
        return
    project.setProperty(HOOK_PROPERTY, True)
    ref = weakref.ref(project)

    def on_write(doc):
        target = ref()
        if target is not None:
            add_to_document(target, doc)

    project.writeProject.connect(on_write)


def add_to_document(project: QgsProject, doc: QDomDocument) -> bool:
    """Add the stored view to a project document being written (unless QGIS wrote a
    view of that name already, e.g. because the user has it open)."""
    xml = stored_view(project)
    if not xml:
        return False
    stored = QDomDocument()
    if not stored.setContent(xml):
        return False
    view = stored.documentElement()
    root = doc.documentElement()
    docks = root.firstChildElement("mapViewDocks3D")
    if docks.isNull():
        docks = doc.createElement("mapViewDocks3D")
        root.appendChild(docks)
    existing = docks.firstChildElement("view")
    while not existing.isNull():
        if existing.attribute("name") == view.attribute("name"):
            return False
        existing = existing.nextSiblingElement("view")
    docks.appendChild(doc.importNode(view, True))
    return True


def _register_view(project, name, view) -> None:
    manager = getattr(project, "viewsManager", None)
    if manager is None:  # QGIS < 3.24
        return
    with contextlib.suppress(AttributeError, TypeError):
        manager().register3DViewSettings(name, view)


def _set_terrain(project, dem_layer) -> bool:
    props = getattr(project, "elevationProperties", None)
    if props is None or dem_layer is None:
        return False
    try:
        from qgis.core import QgsRasterDemTerrainProvider
    except ImportError:
        return False
    provider = QgsRasterDemTerrainProvider()
    provider.setLayer(dem_layer)
    props().setTerrainProvider(provider)
    return True

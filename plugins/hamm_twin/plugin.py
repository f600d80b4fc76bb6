"""Digital twin: plugin class (menu actions, Processing provider)."""

import os

from hamm_core.gui.plugin_base import SuitePlugin

# Subpackages imported by name, so QGIS's import hook unloads them with the plugin
from . import adapters, gui, logic, processing  # noqa: F401
from .processing.provider import TwinProvider


class TwinPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_twin"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Digital twin"
    ABOUT = ("Loads the digital twin of the city of Hamm into QGIS: LoD2 building models "
             "(CityGML 1.0/2.0, CityJSON) imported streamed into a GeoPackage or PostGIS "
             "with heights, roof types and 3D surfaces; terrain from DGM tiles with hillshade; surface "
             "models (DSM/nDSM) from LAS point clouds; point clouds (EPT, LAS/LAZ where QGIS "
             "has PDAL) in 2D and 3D; orthophotos from the city profile; "
             "street-level panoramas with an interactive viewer; all in one layer group, in "
             "2D and with 3D renderers.")
    PROVIDER_CLASS = TwinProvider

    def create_actions(self) -> None:
        super().create_actions()
        self.add_action(self.tr("Load digital twin…"), self.open_load_twin, icon="icon.svg",
                        object_name="hamm_twin_load")
        self.add_action(self.tr("Import LoD2 buildings…"),
                        lambda: self._open_algorithm("import_lod2"),
                        object_name="hamm_twin_import_lod2")
        self.add_action(self.tr("Terrain from DGM tiles…"),
                        lambda: self._open_algorithm("terrain_vrt"),
                        object_name="hamm_twin_terrain")
        self.add_action(self.tr("Surface model from LAS…"),
                        lambda: self._open_algorithm("las_dsm"),
                        object_name="hamm_twin_dsm")
        self.add_action(self.tr("Load point cloud…"),
                        lambda: self._open_algorithm("load_point_cloud"),
                        object_name="hamm_twin_pointcloud")
        self.add_action(self.tr("Import LoD2 buildings into PostGIS…"),
                        lambda: self._open_algorithm("import_lod2_postgis"),
                        object_name="hamm_twin_import_lod2_postgis")
        self.add_action(self.tr("Import panorama index…"),
                        lambda: self._open_algorithm("import_panoramas"),
                        object_name="hamm_twin_import_panoramas")
        self.add_action(self.tr("Panorama viewer (click on the map)"), self.start_panorama_tool,
                        object_name="hamm_twin_panorama_tool")

    def start_panorama_tool(self) -> None:
        """Show the panorama dock and make a click on the map open the nearest panorama."""
        from hamm_core.adapters.messages import push

        from .adapters import panoramas
        from .gui.panorama_dock import PanoramaDock, PanoramaMapTool
        canvas = self.iface.mapCanvas()
        if getattr(self, "pano_dock", None) is None:
            self.pano_dock = self.add_dock(PanoramaDock(canvas, self.iface.mainWindow()))
            self.pano_tool = PanoramaMapTool(canvas, self.pano_dock,
                                             message=lambda text: push(self.iface, text))
        layers = panoramas.panorama_layers()
        if not layers:
            push(self.iface, self.tr("No panorama layer in the project: import a panorama "
                                     "index first."))
        else:
            self.pano_dock.watch_selection(layers[0])
        self.pano_dock.show()
        canvas.setMapTool(self.pano_tool)

    def unload(self) -> None:
        tool = getattr(self, "_extent_tool", None)
        if tool is not None:
            if self.iface.mapCanvas().mapTool() is tool:
                self.iface.mapCanvas().unsetMapTool(tool)
            self._extent_tool = None
        if getattr(self, "pano_dock", None) is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.pano_tool:
                canvas.unsetMapTool(self.pano_tool)
            self.pano_dock.cleanup()
            self.pano_dock = self.pano_tool = None
        super().unload()

    def _open_algorithm(self, name: str) -> None:
        from processing import execAlgorithmDialog
        execAlgorithmDialog("hamm_twin:" + name, {})

    def open_load_twin(self) -> None:
        from hamm_core.adapters.messages import push

        from .adapters.twin import polygon_area
        from .gui.load_dialog import LoadTwinDialog
        dialog = LoadTwinDialog(self.iface.mainWindow())
        if not dialog.exec():
            return
        canvas = self.iface.mapCanvas()
        area = canvas.extent() if dialog.use_canvas_extent() else None
        polygon = None
        chosen = dialog.area_layer()
        if chosen is not None:
            polygon = polygon_area(*chosen)
            if polygon is None:
                push(self.iface, self.tr("The chosen layer has no polygons: nothing to "
                                         "load."))
                return
        components = dialog.components()
        if dialog.use_drawn_rectangle():
            self._draw_area(components)
            return
        self._load_twin(components, area, polygon)

    def _draw_area(self, components) -> None:
        """Let the user drag a rectangle on the map (QgsMapToolExtent), then load."""
        from qgis.gui import QgsMapToolExtent

        from hamm_core.adapters.messages import push
        canvas = self.iface.mapCanvas()
        previous = canvas.mapTool()
        tool = QgsMapToolExtent(canvas)
        self._extent_tool = tool  # kept alive while drawing

        def drawn(rect):
            canvas.unsetMapTool(tool)
            if previous is not None:
                canvas.setMapTool(previous)
            self._extent_tool = None
            if rect.isEmpty():
                push(self.iface, self.tr("The rectangle is empty: nothing loaded."))
                return
            self._load_twin(components, rect, None)

        tool.extentChanged.connect(drawn)
        canvas.setMapTool(tool)
        push(self.iface, self.tr("Drag a rectangle on the map: the digital twin of that "
                                 "area is loaded."), duration=8)

    def _load_twin(self, components, area, polygon) -> None:
        """Load the chosen components for ``area`` (a rectangle in the canvas CRS) or
        ``polygon`` (in EPSG:25832), or everything when both are None."""
        from hamm_core.adapters.messages import push, push_error
        from hamm_core.adapters.profile import active_profile
        from hamm_core.logic.errors import HammError

        from .adapters.twin import load_twin
        if area is not None:  # the canvas may show another CRS
            from qgis.core import (
                QgsCoordinateReferenceSystem,
                QgsCoordinateTransform,
                QgsProject,
            )
            area = QgsCoordinateTransform(
                self.iface.mapCanvas().mapSettings().destinationCrs(),
                QgsCoordinateReferenceSystem("EPSG:25832"),
                QgsProject.instance()).transformBoundingBox(area)
        ortho = None
        try:
            services = active_profile().services
            ortho = next((s for s in services if s.type in ("WMS", "WMTS") and
                          "dop" in s.id), None)
        except HammError as err:
            push_error(self.iface, err)
        result = load_twin(components, area, ortho_service=ortho, area_polygon=polygon)
        for message in result["missing"]:
            push(self.iface, message, duration=8)
        push(self.iface, self.tr("Digital twin: {n} layers loaded.").format(
            n=len(result["layers"])))

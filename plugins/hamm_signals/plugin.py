"""Traffic-light detection zones: plugin class (menu actions, map tool, Processing)."""

import os

from qgis.core import QgsProject

from hamm_core.gui.plugin_base import SuitePlugin

# Subpackages imported by name, so QGIS's import hook unloads them with the plugin
from . import adapters, gui, logic, processing  # noqa: F401
from .processing.provider import SignalsProvider


class SignalsPlugin(SuitePlugin):
    PLUGIN_ID = "hamm_signals"
    PLUGIN_DIR = os.path.dirname(__file__)
    TITLE = "Traffic-light detection zones"
    ABOUT = ("Plan, check and hand over the detection zones of AI cameras at intelligent traffic "
             "lights: a junction model in a GeoPackage or a PostGIS schema, a map tool that places "
             "a camera and shows its field of view, zones generated before stop lines and waiting "
             "areas at crossings, a check of every zone against its camera's optics and the "
             "buildings with a PDF report, the zones over a camera snapshot (camera model or "
             "control points), and a hand-over package with precise coordinates (EPSG:25832, "
             "WGS84, camera image).")
    PROVIDER_CLASS = SignalsProvider

    def __init__(self, iface):
        super().__init__(iface)
        self.camera_tool = None
        self.snapshot_dialog = None

    def create_actions(self) -> None:
        super().create_actions()
        self.add_action(self.tr("Place camera (field of view)…"), self.activate_camera_tool,
                        icon="icon.svg", object_name="hamm_signals_camera_tool")
        self.add_action(self.tr("Check detection zones…"), self.open_check,
                        object_name="hamm_signals_check")
        self.add_action(self.tr("Check report as PDF…"), self.open_report,
                        object_name="hamm_signals_report")
        self.add_action(self.tr("Camera snapshot with zones…"), self.open_snapshot,
                        object_name="hamm_signals_snapshot")
        self.add_action(self.tr("Create junction model…"), self.open_create_model,
                        object_name="hamm_signals_create_model")
        self.add_action(self.tr("Create junction model in PostGIS…"),
                        self.open_create_model_postgis,
                        object_name="hamm_signals_create_model_postgis")
        self.add_action(self.tr("Generate waiting areas at crossings…"), self.open_crossings,
                        object_name="hamm_signals_crossings")

    def _open_algorithm(self, name: str) -> None:
        from processing import execAlgorithmDialog
        execAlgorithmDialog("hamm_signals:" + name, {})

    def open_check(self) -> None:
        self._open_algorithm("check_junction")

    def open_create_model(self) -> None:
        self._open_algorithm("create_model")

    def open_create_model_postgis(self) -> None:
        self._open_algorithm("create_model_postgis")

    def open_report(self) -> None:
        self._open_algorithm("check_report_pdf")

    def open_crossings(self) -> None:
        self._open_algorithm("generate_crossing_zones")

    def open_snapshot(self) -> None:
        """The snapshot dialog on the model's camera and zone layers of the project."""
        from hamm_core.adapters.messages import push_error

        from .gui.snapshot_dialog import SnapshotOverlayDialog, find_model_layers
        from .logic.errors import SignalsError
        try:
            cameras, zones = find_model_layers(QgsProject.instance())
            if self.snapshot_dialog is None:
                self.snapshot_dialog = SnapshotOverlayDialog(self.iface.mapCanvas(), self.iface,
                                                             self.iface.mainWindow())
            self.snapshot_dialog.set_layers(cameras, zones)
        except SignalsError as err:
            push_error(self.iface, err)
            return
        self.snapshot_dialog.show()
        self.snapshot_dialog.raise_()

    def activate_camera_tool(self) -> None:
        from .gui.camera_tool import CameraPlacementTool
        canvas = self.iface.mapCanvas()
        if self.camera_tool is None:
            self.camera_tool = CameraPlacementTool(canvas, self.iface)
        canvas.setMapTool(self.camera_tool)

    def unload(self) -> None:
        if self.camera_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.camera_tool:
                canvas.unsetMapTool(self.camera_tool)
            self.camera_tool.clear()
            self.camera_tool.deleteLater()
            self.camera_tool = None
        if self.snapshot_dialog is not None:
            self.snapshot_dialog.cleanup()
            self.snapshot_dialog.close()
            self.snapshot_dialog.deleteLater()
            self.snapshot_dialog = None
        super().unload()

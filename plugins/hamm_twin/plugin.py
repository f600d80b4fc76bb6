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
             "(CityGML 1.0/2.0, CityJSON) imported streamed into a GeoPackage with heights, "
             "roof types and 3D surfaces; terrain from DGM tiles with hillshade; surface "
             "models (DSM/nDSM) from LAS point clouds; orthophotos from the city profile; "
             "all in one layer group, in 2D and with 3D renderers.")
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

    def _open_algorithm(self, name: str) -> None:
        from processing import execAlgorithmDialog
        execAlgorithmDialog("hamm_twin:" + name, {})

    def open_load_twin(self) -> None:
        from hamm_core.adapters.messages import push, push_error
        from hamm_core.adapters.profile import active_profile
        from hamm_core.logic.errors import HammError

        from .adapters.twin import load_twin
        from .gui.load_dialog import LoadTwinDialog
        dialog = LoadTwinDialog(self.iface.mainWindow())
        if not dialog.exec():
            return
        area = self.iface.mapCanvas().extent() if dialog.use_canvas_extent() else None
        ortho = None
        try:
            services = active_profile().services
            ortho = next((s for s in services if s.type in ("WMS", "WMTS") and
                          "dop" in s.id), None)
        except HammError as err:
            push_error(self.iface, err)
        result = load_twin(dialog.components(), area, ortho_service=ortho)
        for message in result["missing"]:
            push(self.iface, message, duration=8)
        push(self.iface, self.tr("Digital twin: {n} layers loaded.").format(
            n=len(result["layers"])))

"""Building heights and roof data for the other plugins of the suite.

The registry and the layer schema live in the core (hamm_core.adapters.twin_data), so
tools read them without importing this plugin; this module keeps the names hamm_twin's
own code uses.
"""

from hamm_core.adapters.twin_data import (  # noqa: F401 - re-exported
    BUILDINGS_LAYER,
    KEY_BUILDINGS,
    KEY_NDSM,
    KEY_TERRAIN,
    SECTION,
    SURFACES_LAYER,
    building_heights,
    buildings_gpkg,
    buildings_layer_uri,
    set_buildings_gpkg,
)

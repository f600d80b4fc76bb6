"""Constants shared by the whole suite (no imports, nothing imports upwards from here)."""

PLUGIN_ID = "hamm_core"
SUITE_NAME = "Digitales Hamm"
LOG_TAG = "Digitales Hamm"
SETTINGS_PREFIX = "digitales_hamm"
MENU_OBJECT_NAME = "mDigitalesHammMenu"
TOOLBAR_OBJECT_NAME = "mDigitalesHammToolBar"
DEFAULT_CRS = "EPSG:25832"

# Network defaults (overridable per call and in the settings)
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_RETRIES = 2
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
USER_AGENT = "DigitalesHamm-QGIS"

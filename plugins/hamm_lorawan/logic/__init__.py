"""Pure logic of hamm_lorawan (no qgis import): radio formulas, coverage, siting, calibration."""

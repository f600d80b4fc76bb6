"""Pure logic of hamm_signals (no qgis import): camera geometry, homography, checks, export."""

"""QGIS/GDAL adapters of hamm_twin: GeoPackage store, styles, rasters, layers."""

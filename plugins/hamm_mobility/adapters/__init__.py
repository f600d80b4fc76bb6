"""Thin QGIS adapters of hamm_mobility: layers, styles, live GBFS systems, GTFS(-RT)."""

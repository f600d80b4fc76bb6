"""Thin QGIS adapters of the cool places plugin."""

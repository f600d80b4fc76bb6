"""Fixtures that start QGIS Server (qgis_mapserver) on 127.0.0.1 with the demo project."""

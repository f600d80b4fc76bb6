"""Pure logic of the cool places plugin (no qgis import): sun, shade, routing, scores,
gaps and the web map writer."""

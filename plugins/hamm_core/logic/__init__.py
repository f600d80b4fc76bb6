"""Pure logic of the core: no qgis imports, usable from scripts and plain unit tests."""

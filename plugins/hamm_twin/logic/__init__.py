"""Pure logic of hamm_twin (no qgis import): CityGML/CityJSON streaming parsers, the
building model, code lists, LAS reading and gridding."""

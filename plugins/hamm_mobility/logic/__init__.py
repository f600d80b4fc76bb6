"""Pure logic of hamm_mobility (no qgis import): GBFS, GTFS, GTFS-Realtime (own protobuf
wire-format decoder), DATEX II parking and OCPI charging parsers."""

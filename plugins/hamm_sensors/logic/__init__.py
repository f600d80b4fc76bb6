"""Pure logic of hamm_sensors (no QGIS import): SensorThings client, parsers, MQTT, statistics."""

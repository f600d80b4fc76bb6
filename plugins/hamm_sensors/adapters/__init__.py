"""QGIS adapters of hamm_sensors: network client, live layer, MQTT transport."""

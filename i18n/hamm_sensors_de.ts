<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_sensors</name>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="11" />
      <source>Sensors</source>
      <translation>Sensoren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="12" />
      <source>Shows the sensors of the urban data platform of Hamm live in QGIS: OGC SensorThings API and MQTT, time series, district statistics and heat and heavy-rain warnings. This release provides the plugin frame; the sensor tools follow.</source>
      <translation>Zeigt die Sensoren der Urbanen Datenplattform Hamm live in QGIS: OGC SensorThings API und MQTT, Zeitreihen, Auswertungen je Bezirk sowie Hitze- und Starkregenwarnungen. Diese Version stellt den Plugin-Rahmen bereit; die Sensorwerkzeuge folgen.</translation>
    </message>
  </context>
</TS>

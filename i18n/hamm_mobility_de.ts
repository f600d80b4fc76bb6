<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_mobility</name>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="11" />
      <source>Mobility</source>
      <translation>Mobilität</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="12" />
      <source>Mobility data of Hamm in QGIS: sharing vehicles (GBFS), public transport (GTFS, GTFS-Realtime), parking, charging points, traffic counts and OGC services. This release provides the plugin frame; the mobility layers follow.</source>
      <translation>Mobilitätsdaten der Stadt Hamm in QGIS: Sharing-Fahrzeuge (GBFS), ÖPNV (GTFS, GTFS-Realtime), Parken, Ladepunkte, Verkehrszählungen und OGC-Dienste. Diese Version stellt den Plugin-Rahmen bereit; die Mobilitätslayer folgen.</translation>
    </message>
  </context>
</TS>

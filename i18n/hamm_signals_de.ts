<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_signals</name>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="12" />
      <source>Plan, check and hand over the detection zones of AI cameras at intelligent traffic lights: data model, camera placement with field of view, zone checks and export with precise coordinates. This release provides the plugin frame; the tools follow.</source>
      <translation>Detektionszonen von KI-Kameras an intelligenten Lichtsignalanlagen planen, prüfen und übergeben: Datenmodell, Kameraplatzierung mit Sichtfeld, Zonenprüfung und Export mit genauen Koordinaten. Diese Version stellt den Plugin-Rahmen bereit; die Werkzeuge folgen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="11" />
      <source>Traffic-light detection zones</source>
      <translation>Detektionszonen an Lichtsignalanlagen</translation>
    </message>
  </context>
</TS>

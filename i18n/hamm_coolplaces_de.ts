<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_coolplaces</name>
    <message>
      <location filename="../plugins/hamm_coolplaces/plugin.py" line="11" />
      <source>Cool places</source>
      <translation>Kühle Orte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/plugin.py" line="12" />
      <source>Processing tools for the heat action plan of Hamm: find cool places, shade maps, walking access for vulnerable people, supply gaps and a web map of cool places. This release provides the plugin frame; the algorithms follow.</source>
      <translation>Processing-Werkzeuge für den Hitzeaktionsplan der Stadt Hamm: kühle Orte ermitteln, Schattenkarten, fußläufige Erreichbarkeit für vulnerable Menschen, Versorgungslücken und eine Webkarte der kühlen Orte. Diese Version stellt den Plugin-Rahmen bereit; die Algorithmen folgen.</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_lorawan</name>
    <message>
      <location filename="../plugins/hamm_lorawan/plugin.py" line="11" />
      <source>LoRaWAN</source>
      <translation>LoRaWAN</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/plugin.py" line="12" />
      <source>Processing tools to plan the city-wide LoRaWAN of Hamm: coverage prediction, link budget, gateway site selection and calibration with measurements. This release provides the plugin frame; the algorithms follow.</source>
      <translation>Processing-Werkzeuge zur Planung des stadtweiten LoRaWAN in Hamm: Abdeckungsprognose, Linkbudget, Auswahl von Gateway-Standorten und Kalibrierung mit Messungen. Diese Version stellt den Plugin-Rahmen bereit; die Algorithmen folgen.</translation>
    </message>
  </context>
</TS>

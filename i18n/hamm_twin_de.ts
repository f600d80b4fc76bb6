<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_twin</name>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="11" />
      <source>Digital twin</source>
      <translation>Digitaler Zwilling</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="12" />
      <source>Loads the digital twin of the city of Hamm into QGIS: LoD2 building models (CityGML, CityJSON), terrain (DGM), orthophotos, point clouds and street-level panoramas, in 2D and 3D. This release provides the plugin frame; the loading tools follow.</source>
      <translation>Lädt den Digitalen Zwilling der Stadt Hamm in QGIS: LoD2-Gebäudemodelle (CityGML, CityJSON), Gelände (DGM), Orthophotos, Punktwolken und Straßenpanoramen, in 2D und 3D. Diese Version stellt den Plugin-Rahmen bereit; die Ladewerkzeuge folgen.</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_signals</name>
    <message>
      <location filename="../plugins/hamm_signals/logic/homography.py" line="36" />
      <source>A control point has an empty or invalid coordinate.</source>
      <translation>Ein Passpunkt hat eine leere oder ungültige Koordinate.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/zones.py" line="62" />
      <source>A lane has no length.</source>
      <translation>Ein Fahrstreifen hat keine Länge.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/homography.py" line="33" />
      <source>At least 4 control points are needed to estimate the homography; {n} were given.</source>
      <translation>Für die Homographie werden mindestens 4 Passpunkte benötigt; angegeben wurden {n}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="136" />
      <source>At the far edge of zone {zone} ({dist:.1f} m from the camera) a {cls} appears only {h:.0f} x {w:.0f} pixels (height x width); at least {n:.0f} are needed. Use a longer focal length, a closer camera or a shorter zone.</source>
      <translation>Am fernen Rand der Zone {zone} ({dist:.1f} m von der Kamera) erscheint ein {cls} nur {h:.0f} x {w:.0f} Pixel groß (Höhe x Breite); nötig sind mindestens {n:.0f}. Längere Brennweite, näher stehende Kamera oder kürzere Zone wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="230" />
      <source>Building height field [m]</source>
      <translation>Feld Gebäudehöhe [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="161" />
      <source>Buildings block the line of sight from camera {camera} to {n} of {m} points of zone {zone}.</source>
      <translation>Gebäude verdecken die Sichtlinie von Kamera {camera} zu {n} von {m} Punkten der Zone {zone}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="227" />
      <source>Buildings with heights (optional)</source>
      <translation>Gebäude mit Höhen (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="288" />
      <source>Camera field of view on the ground</source>
      <translation>Kamerasichtfeld am Boden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/camera.py" line="65" />
      <source>Camera {name} has no heading (azimuth). Enter the direction the camera looks in, in degrees clockwise from north.</source>
      <translation>Kamera {name} hat keine Blickrichtung (Azimut). Die Blickrichtung in Grad im Uhrzeigersinn ab Nord eintragen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/camera.py" line="69" />
      <source>Camera {name} has no tilt. Enter the angle of the optical axis below the horizon in degrees.</source>
      <translation>Kamera {name} hat keine Neigung. Den Winkel der optischen Achse unter dem Horizont in Grad eintragen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/camera.py" line="91" />
      <source>Camera {name}: the horizontal field of view must lie between 0 and 180 degrees.</source>
      <translation>Kamera {name}: Der horizontale Öffnungswinkel muss zwischen 0 und 180 Grad liegen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/camera.py" line="79" />
      <source>Camera {name}: the image resolution is missing.</source>
      <translation>Kamera {name}: Die Bildauflösung fehlt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/camera.py" line="82" />
      <source>Camera {name}: the maximum detection range must be greater than 0 m.</source>
      <translation>Kamera {name}: Die maximale Detektionsreichweite muss größer als 0 m sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/camera.py" line="76" />
      <source>Camera {name}: the mounting height must be greater than 0 m.</source>
      <translation>Kamera {name}: Die Montagehöhe muss größer als 0 m sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/camera.py" line="106" />
      <source>Camera {name}: the optics are missing. Enter the horizontal field of view, or the focal length and the sensor width.</source>
      <translation>Kamera {name}: Die Optik fehlt. Den horizontalen Öffnungswinkel oder Brennweite und Sensorbreite eintragen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/camera.py" line="72" />
      <source>Camera {name}: the tilt must lie between 0 and 90 degrees below the horizon, not {tilt}.</source>
      <translation>Kamera {name}: Die Neigung muss zwischen 0 und 90 Grad unter dem Horizont liegen, nicht {tilt}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/camera.py" line="96" />
      <source>Camera {name}: the vertical field of view must lie between 0 and 180 degrees.</source>
      <translation>Kamera {name}: Der vertikale Öffnungswinkel muss zwischen 0 und 180 Grad liegen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="366" />
      <source>Camera {name}: {n} zones written to {path}.</source>
      <translation>Kamera {name}: {n} Zonen nach {path} geschrieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="132" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="225" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="295" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="336" />
      <source>Cameras</source>
      <translation>Kameras</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="213" />
      <source>Check detection zones</source>
      <translation>Detektionszonen prüfen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="29" />
      <source>Check detection zones…</source>
      <translation>Detektionszonen prüfen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="236" />
      <source>Check report</source>
      <translation>Prüfbericht</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/demo.py" line="43" />
      <source>Check report ({errors} errors, {warnings} warnings)</source>
      <translation>Prüfbericht ({errors} Fehler, {warnings} Warnungen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="214" />
      <source>Checks every detection zone against its camera: inside the field of view and the detection range; the smallest road user of the zone's classes at least N pixels tall and wide at the zone's far edge; no line of sight blocked by buildings (when a building layer with heights is given); no overlaps within one class and lane; plausible zone size. The report lists every finding with the zone, the rule and an explanation.</source>
      <translation>Prüft jede Detektionszone gegen ihre Kamera: innerhalb von Sichtfeld und Detektionsreichweite; der kleinste Verkehrsteilnehmer der Verkehrsarten der Zone ist am fernen Rand mindestens N Pixel hoch und breit; keine durch Gebäude verdeckte Sichtlinie (wenn ein Gebäudelayer mit Höhen angegeben ist); keine Überlappungen innerhalb einer Verkehrsart und eines Fahrstreifens; plausible Zonengröße. Der Bericht listet jeden Befund mit Zone, Regel und Erklärung.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/homography.py" line="30" />
      <source>Control points must come in pairs of image and map coordinates (x, y).</source>
      <translation>Passpunkte müssen als Paare aus Bild- und Kartenkoordinaten (x, y) angegeben werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="70" />
      <source>Create junction model (GeoPackage)</source>
      <translation>Knotenpunktmodell anlegen (GeoPackage)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="31" />
      <source>Create junction model…</source>
      <translation>Knotenpunktmodell anlegen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="71" />
      <source>Creates in one step a GeoPackage for the detection zones of a junction: junctions, cameras, signal groups, lanes, stop lines and detection zones in EPSG:25832, with German forms, styles and rules (a zone belongs to one camera and to that camera's junction). With a street layer, the junction where the two named streets meet is laid out: signal groups, two lanes and a stop line per arm, one camera per arm and waiting zones of the given length before each stop line, plus pedestrian waiting areas. An existing file is never overwritten.</source>
      <translation>Legt in einem Schritt ein GeoPackage für die Detektionszonen eines Knotenpunkts an: Knotenpunkte, Kameras, Signalgruppen, Fahrstreifen, Haltlinien und Detektionszonen in EPSG:25832, mit deutschen Formularen, Stilen und Regeln (eine Zone gehört zu genau einer Kamera und zu deren Knotenpunkt). Mit einem Straßenlayer wird der Knoten angelegt, an dem sich die beiden genannten Straßen treffen: Signalgruppen, zwei Fahrstreifen und eine Haltlinie je Zufahrt, eine Kamera je Zufahrt und Wartezonen der angegebenen Länge vor jeder Haltlinie sowie Warteflächen für den Fußverkehr. Eine vorhandene Datei wird nie überschrieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="248" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="53" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="148" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="223" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="338" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="388" />
      <source>Detection zones</source>
      <translation>Detektionszonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/demo.py" line="41" />
      <location filename="../plugins/hamm_signals/demo.py" line="48" />
      <source>Detection zones – pilot junction (demo)</source>
      <translation>Detektionszonen – Pilotknoten (Demo)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="415" />
      <source>Digitales Hamm – traffic-light detection zones</source>
      <translation>Digitales Hamm – Detektionszonen an Lichtsignalanlagen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="237" />
      <source>Errors</source>
      <translation>Fehler</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="328" />
      <source>Export hand-over package</source>
      <translation>Übergabepaket exportieren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="297" />
      <source>Fields of view</source>
      <translation>Sichtfelder</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="341" />
      <source>Files written</source>
      <translation>Geschriebene Dateien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="85" />
      <source>First street</source>
      <translation>Erste Straße</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="119" />
      <source>For each lane (a line drawn in the direction of travel) that crosses a stop line, creates a detection zone of length L and width W right before the stop line. The zone gets the lane's junction and signal group and the camera of the junction that sees it best. Layers must be in EPSG:25832.</source>
      <translation>Erzeugt für jeden Fahrstreifen (eine in Fahrtrichtung gezeichnete Linie), der eine Haltlinie kreuzt, eine Detektionszone der Länge L und Breite W direkt vor der Haltlinie. Die Zone erhält Knotenpunkt und Signalgruppe des Fahrstreifens und die Kamera des Knotens, die sie am besten sieht. Die Layer müssen in EPSG:25832 vorliegen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="118" />
      <source>Generate zones before stop lines</source>
      <translation>Zonen vor Haltlinien erzeugen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="384" />
      <source>Hand-over package (JSON)</source>
      <translation>Übergabepaket (JSON)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="378" />
      <source>Import hand-over package</source>
      <translation>Übergabepaket importieren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/pilot.py" line="76" />
      <source>Junction {name}: {cameras} cameras, {lanes} lanes, {zones} zones.</source>
      <translation>Knotenpunkt {name}: {cameras} Kameras, {lanes} Fahrstreifen, {zones} Zonen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="386" />
      <source>Keep camera and junction ids</source>
      <translation>Kamera- und Knotenpunkt-IDs übernehmen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="188" />
      <source>Lane {lane} crosses no stop line and was skipped.</source>
      <translation>Fahrstreifen {lane} kreuzt keine Haltlinie und wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/zones.py" line="81" />
      <source>Lane {lane} does not cross a stop line. Extend the lane up to its stop line or draw the stop line across it.</source>
      <translation>Fahrstreifen {lane} kreuzt keine Haltlinie. Den Fahrstreifen bis zur Haltlinie verlängern oder die Haltlinie quer darüber zeichnen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/zones.py" line="78" />
      <source>Lane {lane} has no length.</source>
      <translation>Fahrstreifen {lane} hat keine Länge.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/zones.py" line="86" />
      <source>Lane {lane} is only {have:.1f} m long before its stop line; a zone of {length:.1f} m does not fit.</source>
      <translation>Fahrstreifen {lane} ist vor seiner Haltlinie nur {have:.1f} m lang; eine Zone von {length:.1f} m passt nicht.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="128" />
      <source>Lanes</source>
      <translation>Fahrstreifen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/layers.py" line="35" />
      <source>Layer {layer} is in {crs}; the detection zone tools need EPSG:25832 (ETRS89 / UTM 32N, metres). Reproject the layer first (Processing: Reproject layer).</source>
      <translation>Layer {layer} liegt in {crs} vor; die Werkzeuge für Detektionszonen benötigen EPSG:25832 (ETRS89 / UTM 32N, Meter). Den Layer zuerst umprojizieren (Processing: Layer reprojizieren).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="233" />
      <source>Minimum size of a road user [pixels]</source>
      <translation>Mindestgröße eines Verkehrsteilnehmers [Pixel]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="92" />
      <source>Model GeoPackage</source>
      <translation>Modell-GeoPackage</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="107" />
      <source>Model created: {path}</source>
      <translation>Modell angelegt: {path}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="340" />
      <source>Output folder</source>
      <translation>Ausgabeordner</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/pilot.py" line="42" />
      <source>Pilot junction</source>
      <translation>Pilotknoten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="27" />
      <source>Place camera (field of view)…</source>
      <translation>Kamera platzieren (Sichtfeld)…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="14" />
      <source>Plan, check and hand over the detection zones of AI cameras at intelligent traffic lights: a junction model in a GeoPackage, a map tool that places a camera and shows its field of view, zones generated before stop lines, a check of every zone against its camera's optics and the buildings, and a hand-over package with precise coordinates (EPSG:25832, WGS84, camera image).</source>
      <translation>Detektionszonen von KI-Kameras an intelligenten Lichtsignalanlagen planen, prüfen und übergeben: ein Knotenpunktmodell im GeoPackage, ein Kartenwerkzeug, das eine Kamera platziert und ihr Sichtfeld zeigt, Zonen vor Haltlinien erzeugen, jede Zone gegen Optik der Kamera und Gebäude prüfen und ein Übergabepaket mit genauen Koordinaten (EPSG:25832, WGS84, Kamerabild).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="379" />
      <source>Reads a hand-over JSON written by 'Export hand-over package' and writes its zones (EPSG:25832, to the centimetre) with their attributes.</source>
      <translation>Liest ein mit 'Übergabepaket exportieren' geschriebenes JSON und schreibt seine Zonen (EPSG:25832, auf den Zentimeter) mit ihren Attributen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="140" />
      <source>Road-user classes</source>
      <translation>Verkehrsarten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="87" />
      <source>Second street</source>
      <translation>Zweite Straße</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="130" />
      <source>Stop lines</source>
      <translation>Haltlinien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="82" />
      <source>Street layer (optional, to lay out the junction)</source>
      <translation>Straßenlayer (optional, um den Knoten anzulegen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="85" />
      <source>The GeoPackage {path} cannot be created: {error}</source>
      <translation>Das GeoPackage {path} kann nicht angelegt werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/layers.py" line="106" />
      <source>The building layer has no field '{field}' with the building height in metres.</source>
      <translation>Der Gebäudelayer hat kein Feld '{field}' mit der Gebäudehöhe in Metern.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/homography.py" line="18" />
      <source>The control points all lie on one spot; spread them over the image and the map.</source>
      <translation>Die Passpunkte liegen alle an einer Stelle; sie über Bild und Karte verteilen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/homography.py" line="48" />
      <source>The control points are degenerate (three or more on one line); choose points spread over the area.</source>
      <translation>Die Passpunkte sind entartet (drei oder mehr auf einer Linie); über die Fläche verteilte Punkte wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/homography.py" line="53" />
      <source>The homography cannot be normalised; choose other control points.</source>
      <translation>Die Homographie lässt sich nicht normieren; andere Passpunkte wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/zones.py" line="178" />
      <source>The junction has no arms: no street ends at it.</source>
      <translation>Der Knotenpunkt hat keine Zufahrten: keine Straße endet an ihm.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="61" />
      <source>The junction has no detection zones. Draw zones or generate them from lanes and stop lines, then run the check again.</source>
      <translation>Der Knotenpunkt hat keine Detektionszonen. Zonen zeichnen oder aus Fahrstreifen und Haltlinien erzeugen, dann erneut prüfen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="175" />
      <source>The lane layer is empty: there is nothing to generate zones for.</source>
      <translation>Der Fahrstreifenlayer ist leer: es gibt nichts, wofür Zonen erzeugt werden könnten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="239" />
      <source>The records were refused by the model's rules: {error}</source>
      <translation>Die Datensätze wurden von den Regeln des Modells abgelehnt: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/pilot.py" line="20" />
      <source>The street layer has no field '{field}' with street names.</source>
      <translation>Der Straßenlayer hat kein Feld '{field}' mit Straßennamen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/zones.py" line="166" />
      <source>The streets {a} and {b} do not meet in the street layer.</source>
      <translation>Die Straßen {a} und {b} treffen sich im Straßenlayer nicht.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="13" />
      <source>Traffic-light detection zones</source>
      <translation>Detektionszonen an Lichtsignalanlagen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="238" />
      <source>Warnings</source>
      <translation>Warnungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="289" />
      <source>Writes for each camera the ground area it sees within its detection range (the field-of-view wedge from the pinhole model: position, mounting height, heading, tilt, field of view, image size).</source>
      <translation>Schreibt für jede Kamera die Bodenfläche, die sie innerhalb ihrer Detektionsreichweite sieht (den Sichtfeldkeil aus dem Lochkameramodell: Position, Montagehöhe, Blickrichtung, Neigung, Öffnungswinkel, Bildgröße).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="329" />
      <source>Writes per camera a JSON and a CSV file with the camera pose and every zone: EPSG:25832 coordinates to the centimetre, WGS84 to 1e-8 degree, east/north offsets from the camera in metres and the zone's corners in the camera image (pixels, pinhole model).</source>
      <translation>Schreibt je Kamera eine JSON- und eine CSV-Datei mit der Kamerapose und jeder Zone: EPSG:25832-Koordinaten auf den Zentimeter, WGS84 auf 1e-8 Grad, Ost-/Nord-Abstände von der Kamera in Metern und die Ecken der Zone im Kamerabild (Pixel, Lochkameramodell).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="144" />
      <source>Zone function</source>
      <translation>Zonenfunktion</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="134" />
      <source>Zone length L [m]</source>
      <translation>Zonenlänge L [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/zones.py" line="75" />
      <source>Zone length and width must be greater than 0 m.</source>
      <translation>Zonenlänge und -breite müssen größer als 0 m sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="89" />
      <source>Zone length before the stop line [m]</source>
      <translation>Zonenlänge vor der Haltlinie [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="137" />
      <source>Zone width W [m]</source>
      <translation>Zonenbreite W [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/handover.py" line="109" />
      <source>Zone {n} in {source} has an invalid coordinate.</source>
      <translation>Zone {n} in {source} hat eine ungültige Koordinate.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/handover.py" line="112" />
      <source>Zone {n} in {source} has fewer than three corners.</source>
      <translation>Zone {n} in {source} hat weniger als drei Ecken.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="110" />
      <source>Zone {zone} belongs to junction {zj}, but its camera {camera} to junction {cj}.</source>
      <translation>Zone {zone} gehört zu Knotenpunkt {zj}, ihre Kamera {camera} aber zu Knotenpunkt {cj}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="149" />
      <source>Zone {zone} covers {area:.1f} m²; for its classes {lo:.0f} to {hi:.0f} m² are plausible. Check the outline.</source>
      <translation>Zone {zone} umfasst {area:.1f} m²; für ihre Verkehrsarten sind {lo:.0f} bis {hi:.0f} m² plausibel. Den Umriss prüfen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="87" />
      <source>Zone {zone} has no area. Redraw it as a polygon with at least three corners.</source>
      <translation>Zone {zone} hat keine Fläche. Sie als Polygon mit mindestens drei Ecken neu zeichnen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="105" />
      <source>Zone {zone} has no camera, or its camera does not exist. Every zone belongs to exactly one camera.</source>
      <translation>Zone {zone} hat keine Kamera, oder ihre Kamera existiert nicht. Jede Zone gehört zu genau einer Kamera.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="99" />
      <source>Zone {zone} has no road-user class. Tick car, bike or pedestrian.</source>
      <translation>Zone {zone} hat keine Verkehrsart. Kfz, Rad oder Fußverkehr ankreuzen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="93" />
      <source>Zone {zone} intersects itself near ({x:.2f}, {y:.2f}). Redraw the outline so its edges do not cross.</source>
      <translation>Zone {zone} schneidet sich selbst bei ({x:.2f}, {y:.2f}). Den Umriss so neu zeichnen, dass sich seine Kanten nicht kreuzen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="118" />
      <source>Zone {zone} reaches {dist:.1f} m from camera {camera}, beyond its detection range of {range:.1f} m.</source>
      <translation>Zone {zone} reicht {dist:.1f} m von Kamera {camera} weg, über deren Detektionsreichweite von {range:.1f} m hinaus.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="149" />
      <source>Zones generated</source>
      <translation>Erzeugte Zonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="181" />
      <source>Zones {a} and {b} overlap by {area:.2f} m² for the class {cls} on the same lane; a road user would be detected twice.</source>
      <translation>Die Zonen {a} und {b} überlappen sich um {area:.2f} m² für die Verkehrsart {cls} auf demselben Fahrstreifen; ein Verkehrsteilnehmer würde doppelt erkannt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="145" />
      <source>approach/request</source>
      <translation>Anforderung/Annäherung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model.py" line="114" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="141" />
      <source>bike</source>
      <translation>Rad</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="245" />
      <source>buildings</source>
      <translation>Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="154" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="244" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="300" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="344" />
      <source>cameras</source>
      <translation>Kameras</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model.py" line="114" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="141" />
      <source>car</source>
      <translation>Kfz</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="145" />
      <source>counting</source>
      <translation>Zählung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="243" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="345" />
      <source>detection zones</source>
      <translation>Detektionszonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="152" />
      <source>lanes</source>
      <translation>Fahrstreifen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/camera_tool.py" line="72" />
      <source>new camera</source>
      <translation>neue Kamera</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model.py" line="114" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="141" />
      <source>pedestrian</source>
      <translation>Fußgänger</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="153" />
      <source>stop lines</source>
      <translation>Haltlinien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/pilot.py" line="35" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="96" />
      <source>streets</source>
      <translation>Straßen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="145" />
      <source>waiting position</source>
      <translation>Warteposition</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="270" />
      <source>{errors} errors, {warnings} warnings.</source>
      <translation>{errors} Fehler, {warnings} Warnungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="123" />
      <source>{n} of {m} corners of zone {zone} lie outside the field of view of camera {camera}. Turn the camera or move the zone.</source>
      <translation>{n} von {m} Ecken der Zone {zone} liegen außerhalb des Sichtfelds von Kamera {camera}. Kamera drehen oder Zone verschieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="207" />
      <source>{n} zones generated.</source>
      <translation>{n} Zonen erzeugt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="409" />
      <source>{n} zones imported.</source>
      <translation>{n} Zonen importiert.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="396" />
      <source>{path} cannot be read: {error}</source>
      <translation>{path} kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="80" />
      <source>{path} exists already. Choose a new file name; an existing file is never overwritten.</source>
      <translation>{path} existiert bereits. Einen neuen Dateinamen wählen; eine vorhandene Datei wird nie überschrieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="253" />
      <source>{path} holds no table {table}; it is not a detection zone model.</source>
      <translation>{path} enthält keine Tabelle {table}; es ist kein Detektionszonenmodell.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/handover.py" line="95" />
      <source>{source} is not a hand-over package of the detection zones (format '{fmt}' expected).</source>
      <translation>{source} ist kein Übergabepaket der Detektionszonen (Format '{fmt}' erwartet).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/handover.py" line="99" />
      <source>{source} uses the CRS {crs}; EPSG:25832 is expected.</source>
      <translation>{source} verwendet das KBS {crs}; erwartet wird EPSG:25832.</translation>
    </message>
  </context>
</TS>

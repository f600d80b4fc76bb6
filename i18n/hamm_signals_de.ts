<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_signals</name>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="100" />
      <source>'{schema}' is not a usable schema name: use lower-case letters, digits and _ (starting with a letter), at most 63 characters.</source>
      <translation>„{schema}“ ist kein verwendbarer Schemaname: Kleinbuchstaben, Ziffern und _ verwenden (mit einem Buchstaben beginnend), höchstens 63 Zeichen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/homography.py" line="36" />
      <source>A control point has an empty or invalid coordinate.</source>
      <translation>Ein Passpunkt hat eine leere oder ungültige Koordinate.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="77" />
      <source>A detection zone needs at least one road-user class (car, bike or pedestrian).</source>
      <translation>Eine Detektionszone braucht mindestens eine Verkehrsart (Kfz, Rad oder Fußverkehr).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/zones.py" line="62" />
      <source>A lane has no length.</source>
      <translation>Ein Fahrstreifen hat keine Länge.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/overlay.py" line="87" />
      <source>A point drawn on the image lies above the horizon; it does not meet the ground. Draw the zone on the road surface.</source>
      <translation>Ein auf dem Bild gezeichneter Punkt liegt über dem Horizont und trifft den Boden nicht. Die Zone auf der Fahrbahn zeichnen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="386" />
      <source>A zone needs at least three corners.</source>
      <translation>Eine Zone braucht mindestens drei Ecken.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="76" />
      <source>All zones passed every check.</source>
      <translation>Alle Zonen haben jede Prüfung bestanden.</translation>
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
      <location filename="../plugins/hamm_signals/processing/provider.py" line="350" />
      <source>Bike lanes in the direction of travel (optional)</source>
      <translation>Radfahrstreifen in Fahrtrichtung (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="534" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="441" />
      <source>Building height field [m]</source>
      <translation>Feld Gebäudehöhe [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/report_pdf.py" line="128" />
      <source>Buildings</source>
      <translation>Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="161" />
      <source>Buildings block the line of sight from camera {camera} to {n} of {m} points of zone {zone}.</source>
      <translation>Gebäude verdecken die Sichtlinie von Kamera {camera} zu {n} von {m} Punkten der Zone {zone}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="531" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="438" />
      <source>Buildings with heights (optional)</source>
      <translation>Gebäude mit Höhen (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="186" />
      <location filename="../plugins/hamm_signals/logic/report.py" line="15" />
      <location filename="../plugins/hamm_signals/logic/report.py" line="25" />
      <source>Camera</source>
      <translation>Kamera</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="588" />
      <source>Camera field of view on the ground</source>
      <translation>Kamerasichtfeld am Boden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="158" />
      <source>Camera model (pose and optics)</source>
      <translation>Kameramodell (Pose und Optik)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="244" />
      <source>Camera snapshot</source>
      <translation>Kamerabild</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="124" />
      <source>Camera snapshot with detection zones</source>
      <translation>Kamerabild mit Detektionszonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="40" />
      <source>Camera snapshot with zones…</source>
      <translation>Kamerabild mit Zonen…</translation>
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
      <location filename="../plugins/hamm_signals/adapters/snapshot.py" line="44" />
      <source>Camera {name} sees no ground within its range.</source>
      <translation>Kamera {name} sieht innerhalb ihrer Reichweite keinen Boden.</translation>
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
      <location filename="../plugins/hamm_signals/processing/provider.py" line="677" />
      <source>Camera {name}: {n} zones written to {path}.</source>
      <translation>Kamera {name}: {n} Zonen nach {path} geschrieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="248" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="353" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="436" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="505" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="595" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="643" />
      <source>Cameras</source>
      <translation>Kameras</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="424" />
      <source>Check detection zones</source>
      <translation>Detektionszonen prüfen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="36" />
      <source>Check detection zones…</source>
      <translation>Detektionszonen prüfen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/report_pdf.py" line="203" />
      <source>Check of the detection zones – {date} – coordinates EPSG:25832</source>
      <translation>Prüfung der Detektionszonen – {date} – Koordinaten EPSG:25832</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="447" />
      <source>Check report</source>
      <translation>Prüfbericht</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/demo.py" line="50" />
      <source>Check report ({errors} errors, {warnings} warnings)</source>
      <translation>Prüfbericht ({errors} Fehler, {warnings} Warnungen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="489" />
      <source>Check report as PDF</source>
      <translation>Prüfbericht als PDF</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="38" />
      <source>Check report as PDF…</source>
      <translation>Prüfbericht als PDF…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="540" />
      <source>Check report: detection zones</source>
      <translation>Prüfbericht Detektionszonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/demo.py" line="60" />
      <source>Check report: {name}</source>
      <translation>Prüfbericht: {name}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="425" />
      <source>Checks every detection zone against its camera: inside the field of view and the detection range; the smallest road user of the zone's classes at least N pixels tall and wide at the zone's far edge; no line of sight blocked by buildings (when a building layer with heights is given); no overlaps within one class and lane; plausible zone size. The report lists every finding with the zone, the rule and an explanation.</source>
      <translation>Prüft jede Detektionszone gegen ihre Kamera: innerhalb von Sichtfeld und Detektionsreichweite; der kleinste Verkehrsteilnehmer der Verkehrsarten der Zone ist am fernen Rand mindestens N Pixel hoch und breit; keine durch Gebäude verdeckte Sichtlinie (wenn ein Gebäudelayer mit Höhen angegeben ist); keine Überlappungen innerhalb einer Verkehrsart und eines Fahrstreifens; plausible Zonengröße. Der Bericht listet jeden Befund mit Zone, Regel und Erklärung.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/overlay.py" line="84" />
      <source>Choose a camera or estimate the homography from control points first.</source>
      <translation>Zuerst eine Kamera wählen oder die Homographie aus Passpunkten schätzen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="170" />
      <source>Clear control points</source>
      <translation>Passpunkte löschen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="299" />
      <source>Click a point on the image and the same point on the map.</source>
      <translation>Einen Punkt im Bild und denselben Punkt in der Karte anklicken.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="304" />
      <source>Click the corners of the zone on the image; right click finishes.</source>
      <translation>Die Ecken der Zone im Bild anklicken; Rechtsklick schließt ab.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="159" />
      <source>Control points (homography)</source>
      <translation>Passpunkte (Homographie)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/homography.py" line="30" />
      <source>Control points must come in pairs of image and map coordinates (x, y).</source>
      <translation>Passpunkte müssen als Paare aus Bild- und Kartenkoordinaten (x, y) angegeben werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="61" />
      <source>Counting</source>
      <translation>Zählung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="73" />
      <source>Create junction model (GeoPackage)</source>
      <translation>Knotenpunktmodell anlegen (GeoPackage)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="141" />
      <source>Create junction model (PostGIS schema)</source>
      <translation>Knotenpunktmodell anlegen (PostGIS-Schema)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="44" />
      <source>Create junction model in PostGIS…</source>
      <translation>Knotenpunktmodell in PostGIS anlegen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="42" />
      <source>Create junction model…</source>
      <translation>Knotenpunktmodell anlegen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="74" />
      <source>Creates in one step a GeoPackage for the detection zones of a junction: junctions, cameras, signal groups, lanes, stop lines and detection zones in EPSG:25832, with German forms, styles and rules (a zone belongs to one camera and to that camera's junction). With a street layer, the junction where the two named streets meet is laid out: signal groups, two lanes and a stop line per arm, one camera per arm and waiting zones of the given length before each stop line, plus pedestrian waiting areas. An existing file is never overwritten.</source>
      <translation>Legt in einem Schritt ein GeoPackage für die Detektionszonen eines Knotenpunkts an: Knotenpunkte, Kameras, Signalgruppen, Fahrstreifen, Haltlinien und Detektionszonen in EPSG:25832, mit deutschen Formularen, Stilen und Regeln (eine Zone gehört zu genau einer Kamera und zu deren Knotenpunkt). Mit einem Straßenlayer wird der Knoten angelegt, an dem sich die beiden genannten Straßen treffen: Signalgruppen, zwei Fahrstreifen und eine Haltlinie je Zufahrt, eine Kamera je Zufahrt und Wartezonen der angegebenen Länge vor jeder Haltlinie sowie Warteflächen für den Fußverkehr. Eine vorhandene Datei wird nie überschrieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="142" />
      <source>Creates in one step a new PostGIS schema for the detection zones of a junction: junctions, cameras, signal groups, lanes, stop lines and detection zones in EPSG:25832. The database itself enforces the rules with foreign keys and check constraints (a zone belongs to one camera and to that camera's junction; heading, tilt, height, range, road-user class and a valid outline). German forms and styles are stored in the database (table layer_styles) as each layer's default style. With a street layer, the junction where the two named streets meet is laid out as in the GeoPackage variant. An existing schema is never changed. The connection is a PostgreSQL connection saved in QGIS or a connection string.</source>
      <translation>Legt in einem Schritt ein neues PostGIS-Schema für die Detektionszonen eines Knotenpunkts an: Knotenpunkte, Kameras, Signalgruppen, Fahrstreifen, Haltlinien und Detektionszonen in EPSG:25832. Die Datenbank selbst setzt die Regeln mit Fremdschlüsseln und Check-Constraints durch (eine Zone gehört zu genau einer Kamera und zu deren Knotenpunkt; Blickrichtung, Neigung, Höhe, Reichweite, Verkehrsart und ein gültiger Umriss). Deutsche Formulare und Stile werden in der Datenbank (Tabelle layer_styles) als Standardstil jedes Layers gespeichert. Mit einem Straßenlayer wird der Knoten, an dem sich die beiden genannten Straßen treffen, wie in der GeoPackage-Variante angelegt. Ein vorhandenes Schema wird nie verändert. Die Verbindung ist eine in QGIS gespeicherte PostgreSQL-Verbindung oder eine Verbindungszeichenkette.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="334" />
      <source>Crossing lines or bike stop lines</source>
      <translation>Querungslinien oder Rad-Haltlinien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/crossings.py" line="72" />
      <source>Crossing {name} has no length; draw it from kerb to kerb.</source>
      <translation>Die Querung {name} hat keine Länge; sie von Bordstein zu Bordstein zeichnen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/crossings.py" line="59" />
      <source>Depth and width of a waiting area must be greater than 0 m.</source>
      <translation>Tiefe und Breite einer Wartefläche müssen größer als 0 m sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="341" />
      <source>Depth of the waiting area [m]</source>
      <translation>Tiefe der Wartefläche [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="17" />
      <source>Detection range</source>
      <translation>Detektionsreichweite</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="286" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="56" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="264" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="434" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="503" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="645" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="705" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="199" />
      <source>Detection zones</source>
      <translation>Detektionszonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/demo.py" line="48" />
      <location filename="../plugins/hamm_signals/demo.py" line="55" />
      <source>Detection zones – pilot junction (demo)</source>
      <translation>Detektionszonen – Pilotknoten (Demo)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="728" />
      <source>Digitales Hamm – traffic-light detection zones</source>
      <translation>Digitales Hamm – Detektionszonen an Lichtsignalanlagen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="347" />
      <source>Distance from the kerb or stop line [m]</source>
      <translation>Abstand vom Bordstein bzw. von der Haltlinie [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="172" />
      <source>Draw zone on image</source>
      <translation>Zone im Bild zeichnen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="182" />
      <source>East [m]</source>
      <translation>Ost [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="12" />
      <source>Empty junction</source>
      <translation>Leerer Knotenpunkt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="24" />
      <source>Error</source>
      <translation>Fehler</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="448" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="510" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="652" />
      <source>Errors</source>
      <translation>Fehler</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="168" />
      <source>Estimate homography</source>
      <translation>Homographie schätzen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="26" />
      <source>Explanation</source>
      <translation>Erklärung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="628" />
      <source>Export hand-over package</source>
      <translation>Übergabepaket exportieren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="18" />
      <source>Field of view</source>
      <translation>Sichtfeld</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/report_pdf.py" line="123" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="597" />
      <source>Fields of view</source>
      <translation>Sichtfelder</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="651" />
      <source>Files written</source>
      <translation>Geschriebene Dateien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/report_pdf.py" line="249" />
      <source>Findings</source>
      <translation>Befunde</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="88" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="161" />
      <source>First street</source>
      <translation>Erste Straße</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="235" />
      <source>For each lane (a line drawn in the direction of travel) that crosses a stop line, creates a detection zone of length L and width W right before the stop line. The zone gets the lane's junction and signal group and the camera of the junction that sees it best. Layers must be in EPSG:25832.</source>
      <translation>Erzeugt für jeden Fahrstreifen (eine in Fahrtrichtung gezeichnete Linie), der eine Haltlinie kreuzt, eine Detektionszone der Länge L und Breite W direkt vor der Haltlinie. Die Zone erhält Knotenpunkt und Signalgruppe des Fahrstreifens und die Kamera des Knotens, die sie am besten sieht. Die Layer müssen in EPSG:25832 vorliegen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="193" />
      <source>Function of drawn zones</source>
      <translation>Funktion gezeichneter Zonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="319" />
      <source>Generate waiting areas at crossings</source>
      <translation>Warteflächen an Querungen erzeugen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="47" />
      <source>Generate waiting areas at crossings…</source>
      <translation>Warteflächen an Querungen erzeugen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="234" />
      <source>Generate zones before stop lines</source>
      <translation>Zonen vor Haltlinien erzeugen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="701" />
      <source>Hand-over package (JSON)</source>
      <translation>Übergabepaket (JSON)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="378" />
      <source>Homography from {n} control points; residual {rms:.2f} m on the ground.</source>
      <translation>Homographie aus {n} Passpunkten; Restfehler {rms:.2f} m am Boden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="181" />
      <source>Image u [px]</source>
      <translation>Bild u [px]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="181" />
      <source>Image v [px]</source>
      <translation>Bild v [px]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="245" />
      <source>Images (*.png *.jpg *.jpeg *.bmp *.tif)</source>
      <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.tif)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="695" />
      <source>Import hand-over package</source>
      <translation>Übergabepaket importieren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="16" />
      <source>Junction</source>
      <translation>Knotenpunkt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/pilot.py" line="76" />
      <source>Junction {name}: {cameras} cameras, {lanes} lanes, {zones} zones.</source>
      <translation>Knotenpunkt {name}: {cameras} Kameras, {lanes} Fahrstreifen, {zones} Zonen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="703" />
      <source>Keep camera and junction ids</source>
      <translation>Kamera- und Knotenpunkt-IDs übernehmen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="294" />
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
      <location filename="../plugins/hamm_signals/processing/provider.py" line="244" />
      <source>Lanes</source>
      <translation>Fahrstreifen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="525" />
      <source>Lanes (optional, for the map)</source>
      <translation>Fahrstreifen (optional, für die Karte)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/layers.py" line="35" />
      <source>Layer {layer} is in {crs}; the detection zone tools need EPSG:25832 (ETRS89 / UTM 32N, metres). Reproject the layer first (Processing: Reproject layer).</source>
      <translation>Layer {layer} liegt in {crs} vor; die Werkzeuge für Detektionszonen benötigen EPSG:25832 (ETRS89 / UTM 32N, Meter). Den Layer zuerst umprojizieren (Processing: Layer reprojizieren).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/report_pdf.py" line="238" />
      <source>Legend</source>
      <translation>Legende</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="21" />
      <source>Line of sight</source>
      <translation>Sichtlinie</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="72" />
      <source>Line of sight checked against building heights</source>
      <translation>Sichtlinie gegen Gebäudehöhen geprüft</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="73" />
      <source>Line of sight not checked (no building heights given)</source>
      <translation>Sichtlinie nicht geprüft (keine Gebäudehöhen angegeben)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="162" />
      <source>Load snapshot…</source>
      <translation>Kamerabild laden…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="97" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="168" />
      <source>Load the model into the project (styled, with relations)</source>
      <translation>Modell ins Projekt laden (mit Stilen und Beziehungen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="537" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="444" />
      <source>Minimum size of a road user [pixels]</source>
      <translation>Mindestgröße eines Verkehrsteilnehmers [Pixel]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="71" />
      <source>Minimum size of a road user: {n:.0f} pixels</source>
      <translation>Mindestgröße eines Verkehrsteilnehmers: {n:.0f} Pixel</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="95" />
      <source>Model GeoPackage</source>
      <translation>Modell-GeoPackage</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_pg.py" line="94" />
      <source>Model created in schema {schema}.</source>
      <translation>Modell im Schema {schema} angelegt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="107" />
      <source>Model created: {path}</source>
      <translation>Modell angelegt: {path}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="156" />
      <source>New schema</source>
      <translation>Neues Schema</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/report_pdf.py" line="252" />
      <source>No findings: every zone passed every check.</source>
      <translation>Keine Befunde: Jede Zone hat jede Prüfung bestanden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="182" />
      <source>North [m]</source>
      <translation>Nord [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="359" />
      <source>Now click the same point on the image.</source>
      <translation>Jetzt denselben Punkt im Bild anklicken.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="357" />
      <source>Now click the same point on the map.</source>
      <translation>Jetzt denselben Punkt in der Karte anklicken.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="13" />
      <source>Outline</source>
      <translation>Umriss</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="647" />
      <source>Output folder</source>
      <translation>Ausgabeordner</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="22" />
      <source>Overlap</source>
      <translation>Überlappung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="649" />
      <source>PDF check report</source>
      <translation>PDF-Prüfbericht</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="508" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="508" />
      <source>PDF report</source>
      <translation>PDF-Bericht</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="509" />
      <source>Pages</source>
      <translation>Seiten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="320" />
      <source>Pedestrian waiting areas: for each crossing line (a crosswalk drawn across the carriageway from kerb to kerb) a zone on the sidewalk at both ends, of the given depth beyond the kerb point (after the distance from the kerb) and the given width centred on the line. Bike waiting areas: for each bike stop line a zone of the given depth right before it, as wide as the stop line; the approach side is taken from a bike lane crossing the stop line, else the stop line is expected to be drawn from left to right as the arriving cyclist sees it. The zones get the junction and signal group of their line (fields knoten_id, signalgruppe_id) and the camera that sees them best. Layers must be in EPSG:25832.</source>
      <translation>Warteflächen für den Fußverkehr: für jede Querungslinie (ein über die Fahrbahn von Bordstein zu Bordstein gezeichneter Überweg) an beiden Enden eine Zone auf dem Gehweg, mit der angegebenen Tiefe hinter dem Bordsteinpunkt (nach dem Abstand vom Bordstein) und der angegebenen Breite mittig zur Linie. Warteflächen für den Radverkehr: für jede Rad-Haltlinie eine Zone der angegebenen Tiefe direkt davor, so breit wie die Haltlinie; die Zufahrtsseite ergibt sich aus einem Radfahrstreifen, der die Haltlinie kreuzt, sonst muss die Haltlinie von links nach rechts gezeichnet sein, wie sie der ankommende Radfahrende sieht. Die Zonen erhalten Knotenpunkt und Signalgruppe ihrer Linie (Felder knoten_id, signalgruppe_id) und die Kamera, die sie am besten sieht. Die Layer müssen in EPSG:25832 vorliegen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="164" />
      <source>Pick control points</source>
      <translation>Passpunkte setzen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/pilot.py" line="42" />
      <source>Pilot junction</source>
      <translation>Pilotknoten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="19" />
      <source>Pixel size</source>
      <translation>Pixelgröße</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="34" />
      <source>Place camera (field of view)…</source>
      <translation>Kamera platzieren (Sichtfeld)…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="18" />
      <source>Plan, check and hand over the detection zones of AI cameras at intelligent traffic lights: a junction model in a GeoPackage or a PostGIS schema, a map tool that places a camera and shows its field of view, zones generated before stop lines and waiting areas at crossings, a check of every zone against its camera's optics and the buildings with a PDF report, the zones over a camera snapshot (camera model or control points), and a hand-over package with precise coordinates (EPSG:25832, WGS84, camera image).</source>
      <translation>Detektionszonen von KI-Kameras an intelligenten Lichtsignalanlagen planen, prüfen und übergeben: ein Knotenpunktmodell als GeoPackage oder PostGIS-Schema, ein Kartenwerkzeug, das eine Kamera platziert und ihr Sichtfeld zeigt, Zonen vor Haltlinien und Warteflächen an Querungen erzeugen, jede Zone gegen Optik der Kamera und Gebäude prüfen, mit PDF-Bericht, die Zonen über einem Kamerabild (Kameramodell oder Passpunkte) und ein Übergabepaket mit genauen Koordinaten (EPSG:25832, WGS84, Kamerabild).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="154" />
      <source>PostgreSQL connection</source>
      <translation>PostgreSQL-Verbindung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="696" />
      <source>Reads a hand-over JSON written by 'Export hand-over package' and writes its zones (EPSG:25832, to the centimetre) with their attributes.</source>
      <translation>Liest ein mit 'Übergabepaket exportieren' geschriebenes JSON und schreibt seine Zonen (EPSG:25832, auf den Zentimeter) mit ihren Attributen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="570" />
      <source>Report with {pages} pages written: {path}</source>
      <translation>Bericht mit {pages} Seiten geschrieben: {path}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="60" />
      <source>Request/approach</source>
      <translation>Anforderung/Annäherung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="14" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="256" />
      <source>Road-user classes</source>
      <translation>Verkehrsarten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="25" />
      <source>Rule</source>
      <translation>Regel</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="490" />
      <source>Runs the check of the detection zones (as 'Check detection zones') and writes a PDF report from a QGIS print layout: page 1 with the title, a summary, a map of the junction with the zones, the cameras and their fields of view, lanes and stop lines, zones with errors outlined in red, legend and scale bar; from page 2 the table of every finding with the zone, the camera, the rule, the severity and the explanation.</source>
      <translation>Führt die Prüfung der Detektionszonen aus (wie „Detektionszonen prüfen“) und schreibt einen PDF-Bericht aus einem QGIS-Drucklayout: Seite 1 mit Titel, Zusammenfassung, einer Karte des Knotens mit den Zonen, den Kameras und ihren Sichtfeldern, Fahrstreifen und Haltlinien, fehlerhafte Zonen rot umrandet, Legende und Maßstabsleiste; ab Seite 2 die Tabelle aller Befunde mit Zone, Kamera, Regel, Schwere und Erklärung.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="170" />
      <source>Schema</source>
      <translation>Schema</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="90" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="163" />
      <source>Second street</source>
      <translation>Zweite Straße</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="25" />
      <source>Severity</source>
      <translation>Schwere</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/crossings.py" line="98" />
      <location filename="../plugins/hamm_signals/logic/crossings.py" line="102" />
      <source>Stop line {name} has no length.</source>
      <translation>Die Haltlinie {name} hat keine Länge.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/crossings.py" line="122" />
      <source>Stop line {name} runs along the direction of travel of its lane; no waiting area can be laid out.</source>
      <translation>Die Haltlinie {name} verläuft in Fahrtrichtung ihres Fahrstreifens; es kann keine Wartefläche angelegt werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="246" />
      <source>Stop lines</source>
      <translation>Haltlinien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="528" />
      <source>Stop lines (optional, for the map)</source>
      <translation>Haltlinien (optional, für die Karte)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="85" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="158" />
      <source>Street layer (optional, to lay out the junction)</source>
      <translation>Straßenlayer (optional, um den Knoten anzulegen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/report_pdf.py" line="235" />
      <source>Summary</source>
      <translation>Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="85" />
      <source>The GeoPackage {path} cannot be created: {error}</source>
      <translation>Das GeoPackage {path} kann nicht angelegt werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/report_pdf.py" line="291" />
      <source>The PDF report {path} cannot be written: the folder does not exist or is not writable.</source>
      <translation>Der PDF-Bericht {path} kann nicht geschrieben werden: Der Ordner existiert nicht oder ist nicht beschreibbar.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/report_pdf.py" line="294" />
      <source>The PDF report {path} could not be rendered (error {code}).</source>
      <translation>Der PDF-Bericht {path} konnte nicht erzeugt werden (Fehler {code}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/layers.py" line="106" />
      <source>The building layer has no field '{field}' with the building height in metres.</source>
      <translation>Der Gebäudelayer hat kein Feld '{field}' mit der Gebäudehöhe in Metern.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="63" />
      <source>The camera heading must lie between 0 and less than 360 degrees (clockwise from north).</source>
      <translation>Die Blickrichtung der Kamera muss zwischen 0 und unter 360 Grad liegen (im Uhrzeigersinn ab Nord).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="72" />
      <source>The camera needs optics: a horizontal field of view between 0 and 180 degrees, or a focal length and a sensor width.</source>
      <translation>Die Kamera braucht eine Optik: einen horizontalen Öffnungswinkel zwischen 0 und 180 Grad oder Brennweite und Sensorbreite.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="65" />
      <source>The camera tilt must lie between 0 and 90 degrees below the horizon.</source>
      <translation>Die Neigung der Kamera muss zwischen 0 und 90 Grad unter dem Horizont liegen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="89" />
      <source>The camera {value} referenced in {table}.{field} does not exist. Every zone belongs to exactly one existing camera.</source>
      <translation>Die in {table}.{field} angegebene Kamera {value} existiert nicht. Jede Zone gehört zu genau einer vorhandenen Kamera.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="70" />
      <source>The camera's image width and height must be greater than 0 pixels.</source>
      <translation>Bildbreite und Bildhöhe der Kamera müssen größer als 0 Pixel sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="68" />
      <source>The camera's maximum detection range must be greater than 0 m.</source>
      <translation>Die maximale Detektionsreichweite der Kamera muss größer als 0 m sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="67" />
      <source>The camera's mounting height must be greater than 0 m.</source>
      <translation>Die Montagehöhe der Kamera muss größer als 0 m sein.</translation>
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
      <location filename="../plugins/hamm_signals/logic/crossings.py" line="61" />
      <source>The distance from the kerb or stop line must not be negative.</source>
      <translation>Der Abstand vom Bordstein bzw. von der Haltlinie darf nicht negativ sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="166" />
      <source>The field {alias} ({field}) of {table} must not be empty.</source>
      <translation>Das Feld {alias} ({field}) von {table} darf nicht leer sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/homography.py" line="53" />
      <source>The homography cannot be normalised; choose other control points.</source>
      <translation>Die Homographie lässt sich nicht normieren; andere Passpunkte wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="381" />
      <source>The input layer is empty: there are no crossings or stop lines.</source>
      <translation>Der Eingabelayer ist leer: Es gibt keine Querungen oder Haltlinien.</translation>
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
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="87" />
      <source>The junction {value} referenced in {table}.{field} does not exist.</source>
      <translation>Der in {table}.{field} angegebene Knotenpunkt {value} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="61" />
      <source>The kind of a signal group must be car, bike or pedestrian.</source>
      <translation>Die Verkehrsart einer Signalgruppe muss Kfz, Rad oder Fußverkehr sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="76" />
      <source>The lane direction is not one of the known values.</source>
      <translation>Die Fahrtrichtung des Fahrstreifens ist keiner der bekannten Werte.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="281" />
      <source>The lane layer is empty: there is nothing to generate zones for.</source>
      <translation>Der Fahrstreifenlayer ist leer: es gibt nichts, wofür Zonen erzeugt werden könnten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="74" />
      <source>The lane number must be 1 or more (counted from the right).</source>
      <translation>Die Fahrstreifennummer muss 1 oder größer sein (von rechts gezählt).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="93" />
      <source>The lane {value} referenced in {table}.{field} does not exist.</source>
      <translation>Der in {table}.{field} angegebene Fahrstreifen {value} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="82" />
      <source>The project has no camera layer and zone layer of the detection zone model. Create or load a junction model first.</source>
      <translation>Das Projekt enthält keinen Kamera- und Zonenlayer des Detektionszonenmodells. Zuerst ein Knotenpunktmodell anlegen oder laden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="266" />
      <location filename="../plugins/hamm_signals/adapters/model_pg.py" line="51" />
      <source>The records were refused by the model's rules: {error}</source>
      <translation>Die Datensätze wurden von den Regeln des Modells abgelehnt: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_pg.py" line="82" />
      <source>The schema {schema} could not be created: {error}</source>
      <translation>Das Schema {schema} konnte nicht angelegt werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_pg.py" line="71" />
      <source>The schema {schema} exists already. Choose a new schema name; an existing schema is never changed.</source>
      <translation>Das Schema {schema} existiert bereits. Einen neuen Schemanamen wählen; ein vorhandenes Schema wird nie verändert.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_pg.py" line="36" />
      <source>The schema {schema} holds no table {table}; it is not a detection zone model.</source>
      <translation>Das Schema {schema} enthält keine Tabelle {table}; es ist kein Detektionszonenmodell.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="91" />
      <source>The signal group {value} referenced in {table}.{field} does not exist.</source>
      <translation>Die in {table}.{field} angegebene Signalgruppe {value} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="272" />
      <source>The snapshot has {w} x {h} pixels, camera {name} {cw} x {ch}: the camera model does not fit this image; use control points.</source>
      <translation>Das Kamerabild hat {w} x {h} Pixel, Kamera {name} {cw} x {ch}: Das Kameramodell passt nicht zu diesem Bild; Passpunkte verwenden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="235" />
      <source>The snapshot last used for this camera is missing: {path}. Choose it again.</source>
      <translation>Das zuletzt für diese Kamera verwendete Bild fehlt: {path}. Bitte wählen Sie es erneut.</translation>
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
      <location filename="../plugins/hamm_signals/adapters/model_pg.py" line="91" />
      <source>The styles of {table} could not be stored in the database: {error}</source>
      <translation>Die Stile von {table} konnten nicht in der Datenbank gespeichert werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="121" />
      <source>The unfinished model {path} could not be removed; delete it before trying again.</source>
      <translation>Das unfertige Modell {path} konnte nicht entfernt werden; löschen Sie es, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="79" />
      <source>The zone function must be waiting position, approach/request or counting.</source>
      <translation>Die Zonenfunktion muss Warteposition, Anforderung/Annäherung oder Zählung sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="81" />
      <source>The zone outline is invalid (it intersects itself or has no area). Redraw it.</source>
      <translation>Der Umriss der Zone ist ungültig (er schneidet sich selbst oder hat keine Fläche). Ihn neu zeichnen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="83" />
      <source>The zone's camera belongs to another junction. A zone belongs to one camera and to that camera's junction.</source>
      <translation>Die Kamera der Zone gehört zu einem anderen Knotenpunkt. Eine Zone gehört zu genau einer Kamera und zu deren Knotenpunkt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/report_pdf.py" line="171" />
      <source>There is nothing to show on the report's map: no zones and no cameras.</source>
      <translation>Auf der Karte des Berichts gibt es nichts zu zeigen: keine Zonen und keine Kameras.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="540" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/plugin.py" line="17" />
      <source>Traffic-light detection zones</source>
      <translation>Detektionszonen an Lichtsignalanlagen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="359" />
      <source>Waiting areas</source>
      <translation>Warteflächen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="337" />
      <source>Waiting areas for</source>
      <translation>Warteflächen für</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="60" />
      <source>Waiting position</source>
      <translation>Warteposition</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="24" />
      <source>Warning</source>
      <translation>Warnung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="449" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="511" />
      <source>Warnings</source>
      <translation>Warnungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="344" />
      <source>Width of a pedestrian waiting area [m]</source>
      <translation>Breite einer Wartefläche für den Fußverkehr [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="589" />
      <source>Writes for each camera the ground area it sees within its detection range (the field-of-view wedge from the pinhole model: position, mounting height, heading, tilt, field of view, image size).</source>
      <translation>Schreibt für jede Kamera die Bodenfläche, die sie innerhalb ihrer Detektionsreichweite sieht (den Sichtfeldkeil aus dem Lochkameramodell: Position, Montagehöhe, Blickrichtung, Neigung, Öffnungswinkel, Bildgröße).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="629" />
      <source>Writes per camera a JSON and a CSV file with the camera pose and every zone: EPSG:25832 coordinates to the centimetre, WGS84 to 1e-8 degree, east/north offsets from the camera in metres and the zone's corners in the camera image (pixels, pinhole model). With 'PDF check report' (default) the package also holds pruefbericht.pdf: the check of the zones with a map of the junction and every finding (as 'Check report as PDF'; lanes, stop lines and buildings are optional inputs).</source>
      <translation>Schreibt je Kamera eine JSON- und eine CSV-Datei mit der Kamerapose und jeder Zone: EPSG:25832-Koordinaten auf den Zentimeter, WGS84 auf 1e-8 Grad, Ost-/Nord-Abstände von der Kamera in Metern und die Ecken der Zone im Kamerabild (Pixel, Lochkameramodell). Mit „PDF-Prüfbericht“ (Standard) enthält das Paket außerdem pruefbericht.pdf: die Prüfung der Zonen mit einer Karte des Knotens und jedem Befund (wie „Prüfbericht als PDF“; Fahrstreifen, Haltlinien und Gebäude sind optionale Eingaben).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="25" />
      <source>Zone</source>
      <translation>Zone</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="401" />
      <source>Zone drawn: {area:.1f} m² on the ground, added to the zone layer.</source>
      <translation>Zone gezeichnet: {area:.1f} m² am Boden, in den Zonenlayer übernommen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="402" />
      <source>Zone drawn: {area:.1f} m² on the ground.</source>
      <translation>Zone gezeichnet: {area:.1f} m² am Boden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="260" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="355" />
      <source>Zone function</source>
      <translation>Zonenfunktion</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="250" />
      <source>Zone length L [m]</source>
      <translation>Zonenlänge L [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/zones.py" line="75" />
      <source>Zone length and width must be greater than 0 m.</source>
      <translation>Zonenlänge und -breite müssen größer als 0 m sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="92" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="165" />
      <source>Zone length before the stop line [m]</source>
      <translation>Zonenlänge vor der Haltlinie [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="20" />
      <source>Zone size</source>
      <translation>Zonengröße</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="253" />
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
      <location filename="../plugins/hamm_signals/processing/provider.py" line="171" />
      <source>Zones</source>
      <translation>Zonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="188" />
      <source>Zones drawn by</source>
      <translation>Zonen zeichnen nach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="265" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="360" />
      <source>Zones generated</source>
      <translation>Erzeugte Zonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/report_pdf.py" line="85" />
      <source>Zones with errors</source>
      <translation>Zonen mit Fehlern</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="181" />
      <source>Zones {a} and {b} overlap by {area:.2f} m² for the class {cls} on the same lane; a road user would be detected twice.</source>
      <translation>Die Zonen {a} und {b} überlappen sich um {area:.2f} m² für die Verkehrsart {cls} auf demselben Fahrstreifen; ein Verkehrsteilnehmer würde doppelt erkannt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="261" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="356" />
      <source>approach/request</source>
      <translation>Anforderung/Annäherung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model.py" line="114" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="257" />
      <source>bike</source>
      <translation>Rad</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="549" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="456" />
      <source>buildings</source>
      <translation>Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="206" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="270" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="367" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="455" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="516" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="600" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="655" />
      <source>cameras</source>
      <translation>Kameras</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model.py" line="114" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="257" />
      <source>car</source>
      <translation>Kfz</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="261" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="356" />
      <source>counting</source>
      <translation>Zählung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="365" />
      <source>crossings</source>
      <translation>Querungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="339" />
      <source>cyclists before each bike stop line</source>
      <translation>Radverkehr vor jeder Rad-Haltlinie</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="206" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="454" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="515" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="656" />
      <source>detection zones</source>
      <translation>Detektionszonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="546" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="268" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="366" />
      <source>lanes</source>
      <translation>Fahrstreifen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/camera_tool.py" line="72" />
      <source>new camera</source>
      <translation>neue Kamera</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="414" />
      <source>new zone</source>
      <translation>neue Zone</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model.py" line="114" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="257" />
      <source>pedestrian</source>
      <translation>Fußgänger</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="338" />
      <source>pedestrians at both ends of each crossing</source>
      <translation>Fußverkehr an beiden Enden jeder Querung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="547" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="269" />
      <source>stop lines</source>
      <translation>Haltlinien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/pilot.py" line="35" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="104" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="177" />
      <source>streets</source>
      <translation>Straßen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="261" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="356" />
      <source>waiting position</source>
      <translation>Warteposition</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="68" />
      <source>{errors} errors, {warnings} warnings</source>
      <translation>{errors} Fehler, {warnings} Warnungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="481" />
      <source>{errors} errors, {warnings} warnings.</source>
      <translation>{errors} Fehler, {warnings} Warnungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="361" />
      <source>{n} control points.</source>
      <translation>{n} Passpunkte.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/checks.py" line="123" />
      <source>{n} of {m} corners of zone {zone} lie outside the field of view of camera {camera}. Turn the camera or move the zone.</source>
      <translation>{n} von {m} Ecken der Zone {zone} liegen außerhalb des Sichtfelds von Kamera {camera}. Kamera drehen oder Zone verschieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="313" />
      <location filename="../plugins/hamm_signals/processing/provider.py" line="418" />
      <source>{n} zones generated.</source>
      <translation>{n} Zonen erzeugt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="722" />
      <source>{n} zones imported.</source>
      <translation>{n} Zonen importiert.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="70" />
      <source>{n} zones with findings</source>
      <translation>{n} Zonen mit Befunden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/logic/model_sql.py" line="179" />
      <source>{parent} {value} is still used by {table} and cannot be deleted.</source>
      <translation>{parent}: Eintrag {value} wird noch von {table} verwendet und kann nicht gelöscht werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/processing/provider.py" line="713" />
      <source>{path} cannot be read: {error}</source>
      <translation>{path} kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="80" />
      <source>{path} exists already. Choose a new file name; an existing file is never overwritten.</source>
      <translation>{path} existiert bereits. Einen neuen Dateinamen wählen; eine vorhandene Datei wird nie überschrieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/adapters/model_gpkg.py" line="276" />
      <source>{path} holds no table {table}; it is not a detection zone model.</source>
      <translation>{path} enthält keine Tabelle {table}; es ist kein Detektionszonenmodell.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_signals/gui/snapshot_dialog.py" line="252" />
      <source>{path} is not an image that can be read (PNG, JPEG, BMP, TIFF).</source>
      <translation>{path} ist kein lesbares Bild (PNG, JPEG, BMP, TIFF).</translation>
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
    <message>
      <location filename="../plugins/hamm_signals/logic/report.py" line="67" />
      <source>{zones} detection zones, {cameras} cameras</source>
      <translation>{zones} Detektionszonen, {cameras} Kameras</translation>
    </message>
  </context>
</TS>
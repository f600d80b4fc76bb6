<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_coolplaces</name>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/solar.py" line="117" />
      <source>'{text}' is not a date; write it as YYYY-MM-DD, for example 2024-07-15.</source>
      <translation>„{text}“ ist kein Datum; bitte als JJJJ-MM-TT schreiben, zum Beispiel 2024-07-15.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/solar.py" line="125" />
      <source>'{text}' is not a time of day; write it as HH:MM, for example 15:00.</source>
      <translation>„{text}“ ist keine Uhrzeit; bitte als HH:MM schreiben, zum Beispiel 15:00.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="623" />
      <source>Access per district</source>
      <translation>Erreichbarkeit je Stadtbezirk</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="763" />
      <source>Add a print layout for the heat action plan to the project</source>
      <translation>Drucklayout für den Hitzeaktionsplan zum Projekt hinzufügen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="163" />
      <source>Area</source>
      <translation>Gebiet</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="124" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="188" />
      <source>Buildings</source>
      <translation>Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="156" />
      <source>Buildings with heights</source>
      <translation>Gebäude mit Höhen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="259" />
      <source>Buildings with heights (for shade)</source>
      <translation>Gebäude mit Höhen (für den Schatten)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="627" />
      <source>Candidate places</source>
      <translation>Standortvorschläge</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="123" />
      <source>Candidate places for a new cool place</source>
      <translation>Kandidaten für einen neuen kühlen Ort</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="165" />
      <source>Cell size (m)</source>
      <translation>Zellgröße (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="620" />
      <source>Cell size for point origins (m)</source>
      <translation>Zellgröße für punktförmige Startorte (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="275" />
      <source>Cell size of the shade computation (m)</source>
      <translation>Zellgröße der Schattenberechnung (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="470" />
      <source>Choose at least one layer of cool places.</source>
      <translation>Bitte mindestens einen Layer mit kühlen Orten wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/coolness.py" line="87" />
      <source>Church</source>
      <translation>Kirche</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="40" />
      <source>Church (cool room)</source>
      <translation>Kirche (kühler Raum)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="129" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="279" />
      <source>Cool areas</source>
      <translation>Kühle Flächen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/plugin.py" line="15" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="443" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="844" />
      <source>Cool places</source>
      <translation>Kühle Orte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="121" />
      <source>Cool places (demo)</source>
      <translation>Kühle Orte (Demo)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="753" />
      <source>Cool places and drinking fountains</source>
      <translation>Kühle Orte und Trinkbrunnen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="759" />
      <source>Cool places in Hamm</source>
      <translation>Kühle Orte in Hamm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="233" />
      <source>Cool places with a coolness score (0-100) and its parts. Areas (parks, woods, water, squares; the kind is read from the type field, German or English words or OpenStreetMap tags): score = 35% shade share from buildings + 30% tree canopy + 20% water + 15% size. Points: cool rooms (church, library, museum, public office) with a fixed score by kind, and drinking fountains. With a surface temperature or climate-function raster the score becomes 30% shade + 25% canopy + 15% water + 10% size + 20% temperature; the temperature part is 1 where the area's mean value is at or below the raster's 10th percentile and 0 at or above its 90th percentile (reversed when higher values are cooler); areas outside the raster keep the score without temperature. Opening hours come from a field 'oeffnungszeiten' or 'opening_hours' where present. The sun position follows NOAA's solar position equations for the centre of the area; the default is a hot July afternoon, 15:00 local time (CEST) in Hamm.</source>
      <translation>Kühle Orte mit einem Kühlewert (0–100) und seinen Anteilen. Flächen (Parks, Wald, Gewässer, Plätze; die Art stammt aus dem Artfeld, deutsche oder englische Begriffe oder OpenStreetMap-Tags): Wert = 35 % Schattenanteil durch Gebäude + 30 % Baumkronen + 20 % Wasser + 15 % Größe. Punkte: kühle Räume (Kirche, Bibliothek, Museum, Amt) mit festem Wert je Art sowie Trinkbrunnen. Mit einem Raster der Oberflächentemperatur oder Klimafunktion wird der Wert zu 30 % Schatten + 25 % Baumkronen + 15 % Wasser + 10 % Größe + 20 % Temperatur; der Temperaturanteil ist 1, wo der Mittelwert der Fläche höchstens beim 10. Perzentil des Rasters liegt, und 0 ab dem 90. Perzentil (umgekehrt, wenn höhere Werte kühler sind); Flächen außerhalb des Rasters behalten den Wert ohne Temperatur. Öffnungszeiten stammen aus einem Feld „oeffnungszeiten“ oder „opening_hours“, wo vorhanden. Der Sonnenstand folgt den Sonnenstandsgleichungen der NOAA für die Mitte des Gebiets; Standard ist ein heißer Julinachmittag, 15:00 Uhr Ortszeit (MESZ) in Hamm.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="128" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="281" />
      <source>Cool rooms and drinking fountains</source>
      <translation>Kühle Räume und Trinkbrunnen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="451" />
      <source>Count drinking fountains as cool places</source>
      <translation>Trinkbrunnen als kühle Orte zählen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="81" />
      <source>Date (YYYY-MM-DD)</source>
      <translation>Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="863" />
      <source>Digitales Hamm – Cool places</source>
      <translation>Digitales Hamm – Kühle Orte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="613" />
      <source>District name field</source>
      <translation>Feld mit dem Bezirksnamen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="611" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="642" />
      <source>Districts</source>
      <translation>Stadtbezirke</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="39" />
      <location filename="../plugins/hamm_coolplaces/logic/coolness.py" line="89" />
      <source>Drinking fountain</source>
      <translation>Trinkbrunnen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="540" />
      <source>Extra cost of walking in the sun (0 = none, 1 = a sunny metre counts double)</source>
      <translation>Aufschlag für Wege in der Sonne (0 = keiner, 1 = ein sonniger Meter zählt doppelt)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="232" />
      <source>Find cool places</source>
      <translation>Kühle Orte ermitteln</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="461" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="497" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="441" />
      <source>Footway network</source>
      <translation>Fußwegenetz</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="83" />
      <source>From (local time, HH:MM)</source>
      <translation>Von (Ortszeit, HH:MM)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="175" />
      <source>Give either buildings with heights or a surface model (DSM).</source>
      <translation>Bitte entweder Gebäude mit Höhen oder ein Oberflächenmodell (DOM) angeben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="288" />
      <source>Give land use areas, points of public buildings and fountains, or both.</source>
      <translation>Bitte Flächennutzung, Punkte öffentlicher Gebäude und Trinkbrunnen oder beides angeben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="78" />
      <source>Heat action plan</source>
      <translation>Hitzeaktionsplan</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="159" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="262" />
      <source>Height field (m)</source>
      <translation>Höhenfeld (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="271" />
      <source>Higher raster values are cooler (e.g. a cooling-function rating)</source>
      <translation>Höhere Rasterwerte sind kühler (z. B. eine Bewertung der Kühlfunktion)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="319" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="291" />
      <source>Land use</source>
      <translation>Flächennutzung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="249" />
      <source>Land use: parks, woods, water, squares</source>
      <translation>Flächennutzung: Parks, Wald, Gewässer, Plätze</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="448" />
      <source>Largest distance to the network (m)</source>
      <translation>Größter Abstand zum Wegenetz (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/layout.py" line="134" />
      <source>Legend</source>
      <translation>Legende</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/coolness.py" line="87" />
      <source>Library</source>
      <translation>Bibliothek</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="41" />
      <source>Library (cool room)</source>
      <translation>Bibliothek (kühler Raum)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="588" />
      <source>Median walking time {m} min; {p}% of the origins reach a cool place within 10 minutes.</source>
      <translation>Mittlere Gehzeit (Median) {m} min; {p} % der Startorte erreichen einen kühlen Ort in 10 Minuten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="453" />
      <source>Minimum coolness score</source>
      <translation>Mindest-Kühlewert</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/coolness.py" line="88" />
      <source>Museum</source>
      <translation>Museum</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="772" />
      <source>Name of the print layout</source>
      <translation>Name des Drucklayouts</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="138" />
      <source>No building has a height above 0 in the field '{field}'. Choose the height field (metres above ground).</source>
      <translation>Kein Gebäude hat im Feld „{field}“ eine Höhe über 0. Bitte das Höhenfeld (Meter über Grund) wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/graph.py" line="540" />
      <source>No cool place lies within {d} m of the footway network. Check that the cool places and the network cover the same area and use the same CRS.</source>
      <translation>Kein kühler Ort liegt näher als {d} m am Fußwegenetz. Bitte prüfen, ob kühle Orte und Wegenetz dasselbe Gebiet abdecken und dasselbe KBS verwenden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/shade.py" line="78" />
      <source>No time step lies in the chosen time span.</source>
      <translation>Im gewählten Zeitraum liegt kein Zeitschritt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="618" />
      <source>Number of candidate places</source>
      <translation>Anzahl der Standortvorschläge</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="434" />
      <source>Origins (addresses, population grid, sites of vulnerable people)</source>
      <translation>Startorte (Adressen, Bevölkerungsraster, Einrichtungen für gefährdete Menschen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="770" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/coolness.py" line="85" />
      <source>Park or green space</source>
      <translation>Park oder Grünfläche</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="598" />
      <source>Per district and for the whole city: the population share that reaches a cool place within 5, 10 and 15 minutes on foot; the worst-served areas (origins beyond 15 minutes or without access, merged into polygons, largest population first); and a ranked list of network places where one new cool place would bring the most people within the target time (candidates keep a minimum distance apart). Optionally shaded streets are preferred as in 'Walking access to cool places': people then walk the way of the lowest cost, and the shares, the worst-served areas and the candidates use that way's real walking time.</source>
      <translation>Je Stadtbezirk und für die gesamte Stadt: der Anteil der Bevölkerung, der einen kühlen Ort in 5, 10 und 15 Minuten zu Fuß erreicht; die am schlechtesten versorgten Gebiete (Startorte über 15 Minuten oder ohne Zugang, zu Polygonen zusammengefasst, die mit den meisten Menschen zuerst); und eine Rangliste von Orten im Wegenetz, an denen ein neuer kühler Ort die meisten Menschen in die Ziel-Gehzeit brächte (die Vorschläge halten einen Mindestabstand). Wahlweise werden schattige Straßen bevorzugt wie in „Erreichbarkeit kühler Orte“: Die Menschen gehen dann den Weg mit den geringsten Kosten, und Anteile, am schlechtesten versorgte Gebiete und Vorschläge rechnen mit der tatsächlichen Gehzeit dieses Weges.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="416" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="291" />
      <source>Points</source>
      <translation>Punkte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="438" />
      <source>Population field</source>
      <translation>Feld mit der Einwohnerzahl</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="854" />
      <source>Print layout '{name}' added to the project.</source>
      <translation>Drucklayout „{name}“ wurde zum Projekt hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="770" />
      <source>Print layout as PDF (optional)</source>
      <translation>Drucklayout als PDF (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="850" />
      <source>Print layout exported: {path}</source>
      <translation>Drucklayout exportiert: {path}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/plugin.py" line="17" />
      <source>Processing tools for the heat action plan of Hamm: find cool places, shade maps, walking access for vulnerable people, supply gaps and a web map of cool places. All tools are Processing algorithms (toolbox, model designer, qgis_process).</source>
      <translation>Processing-Werkzeuge für den Hitzeaktionsplan der Stadt Hamm: kühle Orte ermitteln, Schattenkarten, Erreichbarkeit zu Fuß für gefährdete Menschen, Versorgungslücken und eine Webkarte der kühlen Orte. Alle Werkzeuge sind Processing-Algorithmen (Werkzeugkiste, Modellierer, qgis_process).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/coolness.py" line="88" />
      <source>Public building</source>
      <translation>Öffentliches Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="254" />
      <source>Public buildings and drinking fountains (points)</source>
      <translation>Öffentliche Gebäude und Trinkbrunnen (Punkte)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="735" />
      <source>Publish the map of cool places</source>
      <translation>Karte der kühlen Orte veröffentlichen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="147" />
      <source>Shade map</source>
      <translation>Schattenkarte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="537" />
      <source>Shade raster for preferring shaded streets (share 0..1, optional)</source>
      <translation>Schattenraster, um schattige Straßen zu bevorzugen (Anteil 0..1, optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="169" />
      <source>Shade share</source>
      <translation>Schattenanteil</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="130" />
      <source>Shade share 14-16 h</source>
      <translation>Schattenanteil 14–16 Uhr</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/coolness.py" line="86" />
      <source>Shaded square</source>
      <translation>Schattiger Platz</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="505" />
      <source>Shaded streets preferred: {p}% of the network length lies in shade; a metre in full sun costs {f} metres.</source>
      <translation>Schattige Straßen werden bevorzugt: {p} % der Netzlänge liegen im Schatten; ein Meter in voller Sonne kostet {f} Meter.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="148" />
      <source>Share of the time span (0..1) in which each cell lies in the shade of buildings (or of a surface model), as a GeoTIFF. Give buildings with a height field (metres above ground) or a surface model (DSM). Cells inside buildings are left empty. The sun position follows NOAA's solar position equations for the centre of the area; the default is a hot July afternoon, 15:00 local time (CEST) in Hamm.</source>
      <translation>Anteil des Zeitraums (0..1), in dem jede Zelle im Schatten von Gebäuden (oder eines Oberflächenmodells) liegt, als GeoTIFF. Gebäude mit Höhenfeld (Meter über Grund) oder ein Oberflächenmodell (DOM) angeben. Zellen innerhalb von Gebäuden bleiben leer. Der Sonnenstand folgt den Sonnenstandsgleichungen der NOAA für die Mitte des Gebiets; Standard ist ein heißer Julinachmittag, 15:00 Uhr Ortszeit (MESZ) in Hamm.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="766" />
      <source>Source line of the print layout</source>
      <translation>Quellenangabe des Drucklayouts</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="767" />
      <source>Source: City of Hamm, heat action plan – map of cool places</source>
      <translation>Quelle: Stadt Hamm, Hitzeaktionsplan – Karte der kühlen Orte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="756" />
      <source>Streets for orientation (optional)</source>
      <translation>Straßen zur Orientierung (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="597" />
      <source>Supply gaps</source>
      <translation>Versorgungslücken</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="162" />
      <source>Surface model (DSM), instead of buildings</source>
      <translation>Oberflächenmodell (DOM), statt Gebäuden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="268" />
      <source>Surface temperature or climate-function raster (optional)</source>
      <translation>Raster der Oberflächentemperatur oder Klimafunktion (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="615" />
      <source>Target walking time for new places (minutes)</source>
      <translation>Ziel-Gehzeit für neue Orte (Minuten)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="399" />
      <source>Temperature part: 1 at {cool} or cooler, 0 at {hot} or hotter (10th and 90th percentile of the raster).</source>
      <translation>Temperaturanteil: 1 bei {cool} oder kühler, 0 bei {hot} oder wärmer (10. und 90. Perzentil des Rasters).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/layout.py" line="187" />
      <source>The PDF could not be written: {path}. Check that the file is not open in another program and the folder is writable.</source>
      <translation>Das PDF konnte nicht geschrieben werden: {path}. Bitte prüfen, dass die Datei nicht in einem anderen Programm geöffnet ist und der Ordner beschreibbar ist.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="191" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="339" />
      <source>The buildings have no field '{field}'. Choose the field with the building height in metres.</source>
      <translation>Die Gebäude haben kein Feld „{field}“. Bitte das Feld mit der Gebäudehöhe in Metern wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/raster.py" line="19" />
      <location filename="../plugins/hamm_coolplaces/logic/shade.py" line="28" />
      <source>The cell size must be larger than 0 metres.</source>
      <translation>Die Zellgröße muss größer als 0 Meter sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/compute.py" line="70" />
      <source>The cool place layers hold no cool places (after leaving out drinking fountains and places below the minimum score). Run 'Find cool places' or choose other layers.</source>
      <translation>Die Layer enthalten keine kühlen Orte (ohne Trinkbrunnen und Orte unter dem Mindestwert). Bitte „Kühle Orte ermitteln“ ausführen oder andere Layer wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="640" />
      <source>The districts have no field '{field}'.</source>
      <translation>Die Stadtbezirke haben kein Feld „{field}“.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/solar.py" line="135" />
      <source>The end time {end} lies before the start time {start}.</source>
      <translation>Die Endzeit {end} liegt vor der Startzeit {start}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/layout.py" line="181" />
      <source>The folder of the PDF does not exist: {path}</source>
      <translation>Der Ordner für das PDF existiert nicht: {path}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/webmap.py" line="59" />
      <source>The folder {folder} already holds other files ({files}); choose an empty or new folder so nothing is overwritten.</source>
      <translation>Der Ordner {folder} enthält bereits andere Dateien ({files}); bitte einen leeren oder neuen Ordner wählen, damit nichts überschrieben wird.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="511" />
      <source>The footway network falls into {n} parts that are not connected; origins in a part without a cool place get no walking time.</source>
      <translation>Das Fußwegenetz zerfällt in {n} nicht verbundene Teile; Startorte in einem Teil ohne kühlen Ort erhalten keine Gehzeit.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/graph.py" line="119" />
      <source>The footway network has no line segments. Choose a line layer with streets or footways.</source>
      <translation>Das Fußwegenetz enthält keine Liniensegmente. Bitte einen Linienlayer mit Straßen oder Fußwegen wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/raster.py" line="25" />
      <source>The grid would have {n} million cells; choose a smaller extent or a larger cell size.</source>
      <translation>Das Raster hätte {n} Millionen Zellen; bitte ein kleineres Gebiet oder eine größere Zellgröße wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/shade.py" line="25" />
      <source>The height grid is empty; choose an extent that holds buildings or surface heights.</source>
      <translation>Das Höhenraster ist leer; bitte ein Gebiet mit Gebäuden oder Oberflächenhöhen wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="314" />
      <source>The land use layer has no field '{field}'. Choose the field that names the kind (park, wood, water ...).</source>
      <translation>Der Flächennutzungslayer hat kein Feld „{field}“. Bitte das Feld mit der Art (Park, Wald, Gewässer …) wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/layers.py" line="24" />
      <location filename="../plugins/hamm_coolplaces/adapters/layers.py" line="45" />
      <source>The layer '{name}' has no valid coordinate reference system. Set its CRS (in Hamm: EPSG:25832).</source>
      <translation>Der Layer „{name}“ hat kein gültiges Koordinatenbezugssystem. Bitte das KBS setzen (in Hamm: EPSG:25832).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/layers.py" line="27" />
      <source>The layer '{name}' is in geographic coordinates ({crs}); distances need metres. Reproject it to a projected CRS such as EPSG:25832 (ETRS89 / UTM 32N).</source>
      <translation>Der Layer „{name}“ liegt in geographischen Koordinaten ({crs}); Entfernungen brauchen Meter. Bitte in ein projiziertes KBS wie EPSG:25832 (ETRS89 / UTM 32N) umprojizieren.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="834" />
      <source>The layer '{name}' is not part of the project: the print layout shows it only in this session. Add it to the project to keep it in the layout.</source>
      <translation>Der Layer „{name}“ gehört nicht zum Projekt: Das Drucklayout zeigt ihn nur in dieser Sitzung. Bitte zum Projekt hinzufügen, damit er im Layout bleibt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/layout.py" line="72" />
      <source>The layers of the print layout hold no features.</source>
      <translation>Die Layer des Drucklayouts enthalten keine Objekte.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/webmap.py" line="42" />
      <source>The map data is not a GeoJSON FeatureCollection.</source>
      <translation>Die Kartendaten sind keine GeoJSON-FeatureCollection.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="496" />
      <source>The origin layer is empty.</source>
      <translation>Der Layer der Startorte ist leer.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="466" />
      <source>The origins have no field '{field}'.</source>
      <translation>Die Startorte haben kein Feld „{field}“.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="411" />
      <source>The point layer has no field '{field}'. Choose the field that names the kind (church, library, drinking fountain ...).</source>
      <translation>Der Punktlayer hat kein Feld „{field}“. Bitte das Feld mit der Art (Kirche, Bibliothek, Trinkbrunnen …) wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/raster.py" line="81" />
      <source>The raster {path} cannot be read: {error}</source>
      <translation>Das Raster {path} kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/raster.py" line="91" />
      <source>The raster {path} must be north-up with square cells; warp it first (Raster &gt; Projections &gt; Warp).</source>
      <translation>Das Raster {path} muss nordausgerichtet sein und quadratische Zellen haben; bitte zuerst transformieren (Raster &gt; Projektionen &gt; Transformieren).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/shade.py" line="134" />
      <source>The shade raster holds values outside 0..1. Give a shade share raster such as the output of 'Shade map'.</source>
      <translation>Das Schattenraster enthält Werte außerhalb von 0..1. Bitte ein Raster mit Schattenanteilen angeben, etwa die Ausgabe von „Schattenkarte“.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/shade.py" line="131" />
      <source>The shade raster is empty.</source>
      <translation>Das Schattenraster ist leer.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="179" />
      <source>The surface model is in geographic coordinates; reproject it to a projected CRS in metres such as EPSG:25832.</source>
      <translation>Das Oberflächenmodell liegt in geographischen Koordinaten; bitte in ein metrisches projiziertes KBS wie EPSG:25832 umprojizieren.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/coolness.py" line="121" />
      <source>The temperature raster holds no values (only nodata).</source>
      <translation>Das Temperaturraster enthält keine Werte (nur NoData).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/solar.py" line="138" />
      <source>The time step must be longer than 0 minutes.</source>
      <translation>Der Zeitschritt muss länger als 0 Minuten sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/graph.py" line="526" />
      <source>The walking speed must be above 0 km/h (seniors: about 3.6 km/h).</source>
      <translation>Die Gehgeschwindigkeit muss über 0 km/h liegen (Seniorinnen und Senioren: etwa 3,6 km/h).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/shade.py" line="162" />
      <source>The weight of sunny ways must be 0 or more.</source>
      <translation>Der Aufschlag für sonnige Wege muss 0 oder größer sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/webmap.py" line="54" />
      <source>There are no cool places to publish. Run 'Find cool places' first or choose layers that hold cool places.</source>
      <translation>Es gibt keine kühlen Orte zu veröffentlichen. Bitte zuerst „Kühle Orte ermitteln“ ausführen oder Layer mit kühlen Orten wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="88" />
      <source>Time step (minutes)</source>
      <translation>Zeitschritt (Minuten)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="90" />
      <source>Time zone</source>
      <translation>Zeitzone</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="759" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="85" />
      <source>To (local time, HH:MM)</source>
      <translation>Bis (Ortszeit, HH:MM)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="353" />
      <source>Tree canopy</source>
      <translation>Baumkronen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="265" />
      <source>Tree canopy (polygons)</source>
      <translation>Baumkronen (Polygone)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="252" />
      <source>Type field of the areas</source>
      <translation>Feld mit der Art der Flächen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="257" />
      <source>Type field of the points</source>
      <translation>Feld mit der Art der Punkte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/solar.py" line="109" />
      <source>Unknown time zone '{name}'. Use a name such as Europe/Berlin or a fixed offset such as UTC+2.</source>
      <translation>Unbekannte Zeitzone „{name}“. Bitte einen Namen wie Europe/Berlin oder einen festen Versatz wie UTC+2 angeben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="563" />
      <source>Walking access</source>
      <translation>Erreichbarkeit zu Fuß</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="547" />
      <source>Walking access to cool places</source>
      <translation>Erreichbarkeit kühler Orte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="445" />
      <source>Walking speed (km/h; seniors about 3.6)</source>
      <translation>Gehgeschwindigkeit (km/h; Senioren etwa 3,6)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="548" />
      <source>Walking time over the footway network from every origin to the nearest cool place, in one multi-source search. Origins and cool places are snapped to the nearest footway (the straight way to it counts); areas are reached at their outline. Default speed 3.6 km/h for seniors. The output keeps the origins' fields and adds gehzeit_min, weg_m, ziel, ziel_art, band and status (ok, outside: too far from the network, unreachable: no cool place in its part of the network). Optionally shaded streets are preferred: give a shade raster (share 0..1, e.g. the output of 'Shade map'); each street piece then costs its length x (1 + weight x (1 - shade share along it)), so with weight 1 a metre in full sun counts as two metres in shade. The way with the lowest cost is chosen; walking time and distance are those of that way in real minutes and metres.</source>
      <translation>Gehzeit über das Fußwegenetz von jedem Startort zum nächsten kühlen Ort, in einer einzigen Mehrquellen-Suche. Startorte und kühle Orte werden auf den nächsten Fußweg gefangen (der gerade Weg dorthin zählt mit); Flächen erreicht man an ihrem Rand. Standardgeschwindigkeit 3,6 km/h für Senioren. Die Ausgabe behält die Felder der Startorte und ergänzt gehzeit_min, weg_m, ziel, ziel_art, band und status (ok; outside: zu weit vom Wegenetz; unreachable: kein kühler Ort in diesem Teil des Netzes). Optional werden schattige Straßen bevorzugt: Mit einem Schattenraster (Anteil 0..1, z. B. die Ausgabe von „Schattenkarte“) kostet jedes Straßenstück seine Länge × (1 + Aufschlag × (1 − Schattenanteil entlang des Stücks)); mit Aufschlag 1 zählt ein Meter in voller Sonne wie zwei Meter im Schatten. Gewählt wird der Weg mit den geringsten Kosten; Gehzeit und Weglänge sind die dieses Weges in echten Minuten und Metern.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="125" />
      <source>Walking time to the nearest cool place (seniors)</source>
      <translation>Gehzeit zum nächsten kühlen Ort (Seniorinnen und Senioren)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/coolness.py" line="86" />
      <source>Water</source>
      <translation>Gewässer</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="761" />
      <source>Web map folder</source>
      <translation>Ordner der Webkarte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="813" />
      <source>Web map written: {path}</source>
      <translation>Webkarte geschrieben: {path}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="656" />
      <source>Whole city</source>
      <translation>Gesamte Stadt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="670" />
      <source>Whole city: {p5}% within 5, {p10}% within 10, {p15}% within 15 minutes.</source>
      <translation>Gesamte Stadt: {p5} % in 5, {p10} % in 10, {p15} % in 15 Minuten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/logic/coolness.py" line="85" />
      <source>Wood</source>
      <translation>Wald</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="127" />
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="625" />
      <source>Worst-served areas</source>
      <translation>Am schlechtesten versorgte Gebiete</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="736" />
      <source>Writes a self-contained web map into a folder: index.html, our own small map script, the data as GeoJSON (WGS84). It works offline (also from a USB stick or file://), on phones and desktops, in German, shows the cool places with kind, coolness and opening hours, the drinking fountains and, on request, the user's location with the nearest cool places. Copy the folder to any web server. For the heat action plan it also adds a print layout (A4 landscape: title, map of the cool places and streets, zoomed to the cool places, legend, scale bar, north arrow, source line in German) to the project and, when a file is given, exports it to PDF. An existing layout of the same name is kept; the new one gets a number.</source>
      <translation>Schreibt eine eigenständige Webkarte in einen Ordner: index.html, ein eigenes kleines Kartenskript und die Daten als GeoJSON (WGS84). Sie funktioniert offline (auch vom USB-Stick oder über file://), auf Smartphones und am PC, auf Deutsch, zeigt die kühlen Orte mit Art, Kühlewert und Öffnungszeiten, die Trinkbrunnen und auf Wunsch den eigenen Standort mit den nächsten kühlen Orten. Den Ordner auf einen beliebigen Webserver kopieren. Für den Hitzeaktionsplan fügt der Algorithmus außerdem ein Drucklayout (A4 quer: Titel, Karte der kühlen Orte und Straßen, auf die kühlen Orte gezoomt, Legende, Maßstabsleiste, Nordpfeil, Quellenangabe auf Deutsch) zum Projekt hinzu und exportiert es als PDF, wenn eine Datei angegeben ist. Ein vorhandenes Layout gleichen Namens bleibt erhalten; das neue bekommt eine Nummer.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/adapters/compute.py" line="118" />
      <source>not reachable</source>
      <translation>nicht erreichbar</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="69" />
      <source>shade all the time</source>
      <translation>durchgehend Schatten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/demo.py" line="68" />
      <source>sun</source>
      <translation>Sonne</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="307" />
      <source>{a} cool areas and {p} cool rooms or drinking fountains found.</source>
      <translation>{a} kühle Flächen und {p} kühle Räume oder Trinkbrunnen gefunden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="403" />
      <source>{n} areas lie outside the temperature raster; their score leaves the temperature out.</source>
      <translation>{n} Flächen liegen außerhalb des Temperaturrasters; ihr Wert lässt die Temperatur weg.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="135" />
      <source>{n} buildings have no height in the field '{field}' and cast no shade.</source>
      <translation>{n} Gebäude haben keine Höhe im Feld „{field}“ und werfen keinen Schatten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="305" />
      <source>{n} features are of no cool kind (or have no type) and were left out.</source>
      <translation>{n} Objekte sind keine kühle Art (oder haben keine Art) und wurden ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="524" />
      <source>{n} origins lie farther than {d} m from the footway network and get no walking time.</source>
      <translation>{n} Startorte liegen weiter als {d} m vom Fußwegenetz entfernt und erhalten keine Gehzeit.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="527" />
      <source>{n} origins reach no cool place over the network.</source>
      <translation>{n} Startorte erreichen über das Wegenetz keinen kühlen Ort.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="209" />
      <source>{n} time steps, {rows} x {cols} cells of {cell} m.</source>
      <translation>{n} Zeitschritte, {rows} × {cols} Zellen zu {cell} m.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_coolplaces/processing/provider.py" line="840" />
      <source>{source}
As of {date} · coordinate system {crs} · made with QGIS (Digitales Hamm)</source>
      <translation>{source}
Stand: {date} · Koordinatensystem: {crs} · erstellt mit QGIS (Digitales Hamm)</translation>
    </message>
  </context>
</TS>
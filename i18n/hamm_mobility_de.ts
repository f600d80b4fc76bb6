<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_mobility</name>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="51" />
      <source>'{value}' is not a date: write it as 2024-10-02 or 02.10.2024.</source>
      <translation>'{value}' ist kein Datum: Schreiben Sie es als 2024-10-02 oder 02.10.2024.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="15" />
      <source>Add sharing system (GBFS)</source>
      <translation>Sharing-System hinzufügen (GBFS)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="25" />
      <source>Add sharing system (GBFS)…</source>
      <translation>Sharing-System hinzufügen (GBFS)…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="33" />
      <source>Aerial lift</source>
      <translation>Seilbahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="16" />
      <source>Auto-discovery URL of the system (gbfs.json):</source>
      <translation>Auto-Discovery-URL des Systems (gbfs.json):</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="38" />
      <source>Available</source>
      <translation>Verfügbar</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="30" />
      <source>Bus</source>
      <translation>Bus</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="32" />
      <source>Cable tram</source>
      <translation>Kabelstraßenbahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="88" />
      <source>Choose a GTFS zip file or enter its URL.</source>
      <translation>Wählen Sie eine GTFS-Zip-Datei oder geben Sie ihre URL ein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="116" />
      <source>Day (YYYY-MM-DD; empty = today)</source>
      <translation>Tag (JJJJ-MM-TT; leer = heute)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="254" />
      <source>Delays per stop</source>
      <translation>Verspätungen je Haltestelle</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="40" />
      <source>Disabled</source>
      <translation>Defekt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="31" />
      <source>Empty</source>
      <translation>Leer</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="269" />
      <source>Enter the URL of a GTFS-Realtime feed or choose a file.</source>
      <translation>Geben Sie die URL eines GTFS-Realtime-Feeds ein oder wählen Sie eine Datei.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="31" />
      <source>Ferry</source>
      <translation>Fähre</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="30" />
      <source>Few vehicles (1-2)</source>
      <translation>Wenige Fahrzeuge (1-2)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="118" />
      <source>From hour</source>
      <translation>Ab Stunde</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="34" />
      <source>Funicular</source>
      <translation>Standseilbahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="189" />
      <source>GBFS auto-discovery URL (gbfs.json)</source>
      <translation>GBFS-Auto-Discovery-URL (gbfs.json)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="175" />
      <source>GBFS sharing system snapshot</source>
      <translation>GBFS-Sharing-System (Momentaufnahme)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/gbfs_live.py" line="93" />
      <source>GBFS: {url}</source>
      <translation>GBFS: {url}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="112" />
      <source>GTFS feed (zip)</source>
      <translation>GTFS-Feed (Zip)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="94" />
      <source>GTFS feed to stops and routes</source>
      <translation>GTFS-Feed zu Haltestellen und Linien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="245" />
      <source>GTFS-Realtime feed URL</source>
      <translation>URL des GTFS-Realtime-Feeds</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="230" />
      <source>GTFS-Realtime vehicles and delays</source>
      <translation>GTFS-Realtime: Fahrzeuge und Verspätungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="29" />
      <source>GTFS-Realtime vehicles and delays…</source>
      <translation>GTFS-Realtime: Fahrzeuge und Verspätungen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="195" />
      <source>Geofencing zones</source>
      <translation>Geofencing-Zonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/gbfs_live.py" line="142" />
      <source>Geofencing zones – {system}</source>
      <translation>Geofencing-Zonen – {system}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="27" />
      <source>Load GTFS feed…</source>
      <translation>GTFS-Feed laden…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="15" />
      <location filename="../plugins/hamm_mobility/processing/provider.py" line="12" />
      <source>Mobility</source>
      <translation>Mobilität</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="16" />
      <source>Mobility data of Hamm in QGIS: live sharing systems (GBFS 1.x, 2.x and 3.0: stations, vehicles, geofencing zones, refreshed on the feed's ttl), public transport from GTFS feeds (stops with departures per day, routes) and GTFS-Realtime (vehicle positions, delays per stop), grouped as 'Mobilitätsstadtplan'.</source>
      <translation>Mobilitätsdaten von Hamm in QGIS: Sharing-Systeme live (GBFS 1.x, 2.x und 3.0: Stationen, Fahrzeuge, Geofencing-Zonen, aktualisiert nach der ttl des Feeds), ÖPNV aus GTFS-Feeds (Haltestellen mit Abfahrten je Tag, Linien) und GTFS-Realtime (Fahrzeugpositionen, Verspätungen je Haltestelle), gruppiert als „Mobilitätsstadtplan“.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/gbfs_live.py" line="28" />
      <source>Mobility map</source>
      <translation>Mobilitätsstadtplan</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="36" />
      <source>Monorail</source>
      <translation>Einschienenbahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="48" />
      <source>No parking</source>
      <translation>Parkverbot</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="49" />
      <source>No riding</source>
      <translation>Fahrverbot</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="391" />
      <source>Optional GBFS file {name} could not be read: {error}</source>
      <translation>Die optionale GBFS-Datei {name} konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="32" />
      <source>Out of service</source>
      <translation>Außer Betrieb</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="96" />
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="232" />
      <source>Public transport</source>
      <translation>ÖPNV</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="29" />
      <source>Rail</source>
      <translation>Bahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="136" />
      <source>Reading {path} for {day}, {h0}-{h1} h …</source>
      <translation>Lese {path} für {day}, {h0}-{h1} Uhr …</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="97" />
      <source>Reads a GTFS feed (zip file or URL) as a stream and writes its stops, with the number of departures on the chosen day and hour range, and its routes as lines (from shapes.txt, or along the stops where shapes are missing). calendar.txt, calendar_dates.txt and frequencies.txt are honoured; departures at platforms also count for their parent station. Output in EPSG:25832.</source>
      <translation>Liest einen GTFS-Feed (Zip-Datei oder URL) als Datenstrom und schreibt seine Haltestellen mit der Zahl der Abfahrten am gewählten Tag und Stundenbereich sowie seine Linien als Linien (aus shapes.txt, oder entlang der Haltestellen, wo Shapes fehlen). calendar.txt, calendar_dates.txt und frequencies.txt werden beachtet; Abfahrten an Steigen zählen auch für ihre übergeordnete Station. Ausgabe in EPSG:25832.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="233" />
      <source>Reads a GTFS-Realtime feed (protobuf; VehiclePositions and/or TripUpdates, by URL or file) and writes the vehicle positions and, with the static GTFS feed for stop locations and line names, the delays per stop (number of predictions, mean and maximum delay in seconds, skipped stops). No extra Python package is needed.</source>
      <translation>Liest einen GTFS-Realtime-Feed (Protobuf; VehiclePositions und/oder TripUpdates, per URL oder Datei) und schreibt die Fahrzeugpositionen und, mit dem statischen GTFS-Feed für Haltestellenlagen und Liniennamen, die Verspätungen je Haltestelle (Zahl der Prognosen, mittlere und größte Verspätung in Sekunden, ausgelassene Halte). Es wird kein zusätzliches Python-Paket benötigt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="178" />
      <source>Reads a bike, scooter or car sharing system from its GBFS auto-discovery URL (gbfs.json, versions 1.x, 2.x and 3.0) and writes its stations with live status, its free-floating vehicles and its geofencing zones, in EPSG:25832. For a layer that refreshes itself use Digitales Hamm &gt; Mobility &gt; Add sharing system.</source>
      <translation>Liest ein Rad-, Roller- oder Carsharing-System über seine GBFS-Auto-Discovery-URL (gbfs.json, Versionen 1.x, 2.x und 3.0) und schreibt seine Stationen mit Live-Status, seine frei abgestellten Fahrzeuge und seine Geofencing-Zonen in EPSG:25832. Für einen Layer, der sich selbst aktualisiert: Digitales Hamm &gt; Mobilität &gt; Sharing-System hinzufügen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="39" />
      <source>Reserved</source>
      <translation>Reserviert</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="47" />
      <source>Riding and parking allowed</source>
      <translation>Fahren und Parken erlaubt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="126" />
      <source>Routes</source>
      <translation>Linien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="380" />
      <source>Row {row} of stop_times.txt in GTFS feed {source} has too few columns.</source>
      <translation>Zeile {row} von stop_times.txt im GTFS-Feed {source} hat zu wenige Spalten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="177" />
      <source>Sharing</source>
      <translation>Sharing</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="249" />
      <source>Static GTFS feed (zip) for stops and line names</source>
      <translation>Statischer GTFS-Feed (Zip) für Haltestellen und Liniennamen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="191" />
      <source>Stations</source>
      <translation>Stationen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/gbfs_live.py" line="134" />
      <source>Stations – {system}</source>
      <translation>Stationen – {system}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="124" />
      <source>Stops</source>
      <translation>Haltestellen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="28" />
      <source>Subway</source>
      <translation>U-Bahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="145" />
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="134" />
      <source>The GBFS auto-discovery file {source} lists no feeds.</source>
      <translation>Die GBFS-Auto-Discovery-Datei {source} nennt keine Feeds.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="115" />
      <source>The GBFS feed {source} has version {version}; supported are 1.x, 2.x and 3.0.</source>
      <translation>Der GBFS-Feed {source} hat die Version {version}; unterstützt werden 1.x, 2.x und 3.0.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="402" />
      <source>The GBFS feed {source} lacks the required file system_information.</source>
      <translation>Dem GBFS-Feed {source} fehlt die Pflichtdatei system_information.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="408" />
      <source>The GBFS feed {source} lists neither stations (station_information) nor vehicles (free_bike_status / vehicle_status).</source>
      <translation>Der GBFS-Feed {source} nennt weder Stationen (station_information) noch Fahrzeuge (free_bike_status / vehicle_status).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="412" />
      <source>The GBFS feed {source} lists station_information but not the required station_status.</source>
      <translation>Der GBFS-Feed {source} nennt station_information, aber nicht die erforderliche Datei station_status.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="343" />
      <source>The GBFS file {source} has no GeoJSON FeatureCollection 'data.geofencing_zones'.</source>
      <translation>Die GBFS-Datei {source} enthält keine GeoJSON-FeatureCollection 'data.geofencing_zones'.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="158" />
      <source>The GBFS file {source} has no list 'data.{key}'.</source>
      <translation>Die GBFS-Datei {source} enthält keine Liste 'data.{key}'.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="329" />
      <source>The GBFS file {source} has no system_id in system_information.</source>
      <translation>Die GBFS-Datei {source} enthält keine system_id in system_information.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="98" />
      <source>The GTFS feed {source} lacks the required file(s) {files}.</source>
      <translation>Dem GTFS-Feed {source} fehlen die Pflichtdatei(en) {files}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfsrt.py" line="304" />
      <source>The GTFS-Realtime feed from {source} is empty.</source>
      <translation>Der GTFS-Realtime-Feed von {source} ist leer.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfsrt.py" line="309" />
      <source>The GTFS-Realtime feed from {source} is text (JSON or HTML), not protobuf. Check the URL.</source>
      <translation>Der GTFS-Realtime-Feed von {source} ist Text (JSON oder HTML), kein Protobuf. Prüfen Sie die URL.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfsrt.py" line="328" />
      <source>The document from {source} is not a GTFS-Realtime feed: the header with gtfs_realtime_version is missing.</source>
      <translation>Das Dokument von {source} ist kein GTFS-Realtime-Feed: Der Header mit gtfs_realtime_version fehlt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="211" />
      <source>The feed has neither calendar.txt nor calendar_dates.txt: every trip is counted as running.</source>
      <translation>Der Feed hat weder calendar.txt noch calendar_dates.txt: Jede Fahrt wird als verkehrend gezählt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="453" />
      <source>The feed has no shapes.txt: routes are drawn along their stops.</source>
      <translation>Der Feed hat keine shapes.txt: Linien werden entlang ihrer Haltestellen gezeichnet.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="131" />
      <source>The file {file} of GTFS feed {source} cannot be read ({error}).</source>
      <translation>Die Datei {file} des GTFS-Feeds {source} kann nicht gelesen werden ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="326" />
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="124" />
      <source>The file {file} of GTFS feed {source} lacks the column(s) {columns}.</source>
      <translation>Der Datei {file} des GTFS-Feeds {source} fehlen die Spalte(n) {columns}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="275" />
      <source>The file {path} cannot be read: {error}</source>
      <translation>Die Datei {path} kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="133" />
      <source>The hour range is empty: 'to hour' must be after 'from hour'.</source>
      <translation>Der Stundenbereich ist leer: 'Bis Stunde' muss nach 'Ab Stunde' liegen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/protobuf.py" line="26" />
      <source>The protobuf document from {source} is broken or truncated ({detail}). Check the feed URL: a GTFS-Realtime feed is binary protobuf, not JSON or HTML.</source>
      <translation>Das Protobuf-Dokument von {source} ist beschädigt oder abgeschnitten ({detail}). Prüfen Sie die Feed-URL: Ein GTFS-Realtime-Feed ist binäres Protobuf, kein JSON oder HTML.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="121" />
      <source>To hour (exclusive; up to 48 for trips after midnight)</source>
      <translation>Bis Stunde (ausschließlich; bis 48 für Fahrten nach Mitternacht)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="27" />
      <source>Tram</source>
      <translation>Straßenbahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="35" />
      <source>Trolleybus</source>
      <translation>Oberleitungsbus</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="193" />
      <source>Vehicles</source>
      <translation>Fahrzeuge</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="252" />
      <source>Vehicles (real time)</source>
      <translation>Fahrzeuge (Echtzeit)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="29" />
      <source>Vehicles available</source>
      <translation>Fahrzeuge verfügbar</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/gbfs_live.py" line="138" />
      <source>Vehicles – {system}</source>
      <translation>Fahrzeuge – {system}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="114" />
      <source>or GTFS feed URL</source>
      <translation>oder URL des GTFS-Feeds</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="247" />
      <source>or GTFS-Realtime file (.pb)</source>
      <translation>oder GTFS-Realtime-Datei (.pb)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="418" />
      <source>stop_times.txt refers to {n} stops that stops.txt does not contain (or that have no coordinates).</source>
      <translation>stop_times.txt verweist auf {n} Haltestellen, die stops.txt nicht enthält (oder die keine Koordinaten haben).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="415" />
      <source>stop_times.txt refers to {n} trips that trips.txt does not contain.</source>
      <translation>stop_times.txt verweist auf {n} Fahrten, die trips.txt nicht enthält.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="219" />
      <source>{name} (GBFS {version}): {stations} stations, {vehicles} vehicles, {zones} zones.</source>
      <translation>{name} (GBFS {version}): {stations} Stationen, {vehicles} Fahrzeuge, {zones} Zonen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="29" />
      <source>{name}: {stations} stations, {vehicles} vehicles; refreshed every {seconds} s.</source>
      <translation>{name}: {stations} Stationen, {vehicles} Fahrzeuge; Aktualisierung alle {seconds} s.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="261" />
      <source>{n} stations have no status in station_status.</source>
      <translation>{n} Stationen haben keinen Status in station_status.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="257" />
      <source>{n} stations without valid coordinates or id were skipped.</source>
      <translation>{n} Stationen ohne gültige Koordinaten oder ID wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="340" />
      <source>{n} stops of the real-time feed are not in the static GTFS feed (or no static feed was given); they have no location.</source>
      <translation>{n} Haltestellen des Echtzeit-Feeds sind nicht im statischen GTFS-Feed (oder es wurde kein statischer Feed angegeben); sie haben keine Lage.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="186" />
      <source>{n} stops without valid coordinates were skipped.</source>
      <translation>{n} Haltestellen ohne gültige Koordinaten wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="315" />
      <source>{n} trips refer to a route that routes.txt does not contain.</source>
      <translation>{n} Fahrten verweisen auf eine Linie, die routes.txt nicht enthält.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="308" />
      <source>{n} vehicles without valid coordinates or id were skipped.</source>
      <translation>{n} Fahrzeuge ohne gültige Koordinaten oder ID wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="319" />
      <source>{n} vehicles without valid position were skipped.</source>
      <translation>{n} Fahrzeuge ohne gültige Position wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="123" />
      <source>{source} is not a GBFS auto-discovery file (gbfs.json): the object 'data' is missing.</source>
      <translation>{source} ist keine GBFS-Auto-Discovery-Datei (gbfs.json): Das Objekt 'data' fehlt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="88" />
      <source>{source} is not a readable GTFS zip file ({error}).</source>
      <translation>{source} ist keine lesbare GTFS-Zip-Datei ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="164" />
      <source>{stops} stops, {routes} route lines, {deps} departures of {trips} trips on {day} ({rows} stop times read).</source>
      <translation>{stops} Haltestellen, {routes} Linienverläufe, {deps} Abfahrten von {trips} Fahrten am {day} ({rows} Haltezeiten gelesen).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="345" />
      <source>{vehicles} vehicles, {trips} trip updates, {alerts} alerts (feed time {time}).</source>
      <translation>{vehicles} Fahrzeuge, {trips} Fahrtprognosen, {alerts} Meldungen (Feed-Zeit {time}).</translation>
    </message>
  </context>
</TS>

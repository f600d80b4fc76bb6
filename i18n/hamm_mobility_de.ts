<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_mobility</name>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="236" />
      <source>'{value}' is not a date and time: write it as 2024-06-03T07:00 (UTC unless an offset is given).</source>
      <translation>'{value}' ist kein Zeitpunkt: Schreiben Sie ihn als 2024-06-03T07:00 (UTC, sofern kein Versatz angegeben ist).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="51" />
      <source>'{value}' is not a date: write it as 2024-10-02 or 02.10.2024.</source>
      <translation>'{value}' ist kein Datum: Schreiben Sie es als 2024-10-02 oder 02.10.2024.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/feeds.py" line="94" />
      <source>1 to 5 min late</source>
      <translation>1 bis 5 min verspätet</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="238" />
      <source>A status record in {source} has no parkingFacilityReference and was skipped.</source>
      <translation>Ein Statuseintrag in {source} hat keine parkingFacilityReference und wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="273" />
      <source>A status record in {source} has no parkingRecordReference and was skipped.</source>
      <translation>Ein Statuseintrag in {source} hat keine parkingRecordReference und wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="79" />
      <source>Add charging points</source>
      <translation>Ladepunkte hinzufügen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="59" />
      <source>Add charging points…</source>
      <translation>Ladepunkte hinzufügen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="142" />
      <source>Add layers</source>
      <translation>Layer hinzufügen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="60" />
      <source>Add parking (live)</source>
      <translation>Parken hinzufügen (live)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="57" />
      <source>Add parking (live)…</source>
      <translation>Parken hinzufügen (live)…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="25" />
      <source>Add sharing system (GBFS)</source>
      <translation>Sharing-System hinzufügen (GBFS)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="49" />
      <source>Add sharing system (GBFS)…</source>
      <translation>Sharing-System hinzufügen (GBFS)…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="136" />
      <source>Address (URL) of the OCPI locations or the CSV</source>
      <translation>Adresse (URL) der OCPI-Standorte oder der CSV-Datei</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="80" />
      <source>Address of the OCPI locations (JSON) or of the Ladesäulenregister (CSV):</source>
      <translation>Adresse der OCPI-Standorte (JSON) oder des Ladesäulenregisters (CSV):</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="92" />
      <source>Addresses (URL) of the publications, separated by spaces</source>
      <translation>Adressen (URL) der Publikationen, durch Leerzeichen getrennt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="61" />
      <source>Addresses of the DATEX II publications (table and status; v2 or v3) or of the JSON document, one per line:</source>
      <translation>Adressen der DATEX-II-Publikationen (Tabelle und Status; v2 oder v3) oder des JSON-Dokuments, eine je Zeile:</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="96" />
      <source>Addresses of the GTFS-Realtime feeds (VehiclePositions, TripUpdates), one per line:</source>
      <translation>Adressen der GTFS-Realtime-Feeds (VehiclePositions, TripUpdates), eine je Zeile:</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="38" />
      <source>Aerial lift</source>
      <translation>Seilbahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/charging.py" line="37" />
      <source>All charging points in use</source>
      <translation>Alle Ladepunkte belegt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="44" />
      <source>Almost full (90 % or more)</source>
      <translation>Fast voll (90 % oder mehr)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="294" />
      <source>Analysis</source>
      <translation>Analyse</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="26" />
      <source>Auto-discovery URL of the system (gbfs.json):</source>
      <translation>Auto-Discovery-URL des Systems (gbfs.json):</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="38" />
      <source>Available</source>
      <translation>Verfügbar</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="35" />
      <source>Bus</source>
      <translation>Bus</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/demo.py" line="390" />
      <source>Bus (demo)</source>
      <translation>Bus (Demo)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/feeds.py" line="256" />
      <location filename="../plugins/hamm_mobility/demo.py" line="391" />
      <source>Buses and trains (real time)</source>
      <translation>Busse und Bahnen (Echtzeit)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="37" />
      <source>Cable tram</source>
      <translation>Kabelstraßenbahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="84" />
      <source>Charging</source>
      <translation>Laden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/charging.py" line="36" />
      <source>Charging point free</source>
      <translation>Ladepunkt frei</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/feeds.py" line="141" />
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="85" />
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="285" />
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="141" />
      <source>Charging points</source>
      <translation>Ladepunkte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="91" />
      <source>Choose a GTFS zip file or enter its URL.</source>
      <translation>Wählen Sie eine GTFS-Zip-Datei oder geben Sie ihre URL ein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="45" />
      <source>Closed</source>
      <translation>Geschlossen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="190" />
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="265" />
      <source>Counting stations</source>
      <translation>Zählstellen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="186" />
      <source>Counts (CSV)</source>
      <translation>Zählungen (CSV)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/sta_counts.py" line="24" />
      <source>Counts from SensorThings need the plugin 'Digitales Hamm Sensoren' (hamm_sensors). Install it with the plugin manager, or load the counts from a CSV file.</source>
      <translation>Zählungen aus SensorThings benötigen die Erweiterung „Digitales Hamm Sensoren“ (hamm_sensors). Installieren Sie sie über die Erweiterungsverwaltung oder laden Sie die Zählungen aus einer CSV-Datei.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="192" />
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="267" />
      <source>Counts per interval</source>
      <translation>Zählwerte je Intervall</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="119" />
      <source>Day (YYYY-MM-DD; empty = today)</source>
      <translation>Tag (JJJJ-MM-TT; leer = heute)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="257" />
      <source>Delays per stop</source>
      <translation>Verspätungen je Haltestelle</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="40" />
      <source>Disabled</source>
      <translation>Defekt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="121" />
      <source>EV charging points</source>
      <translation>Ladepunkte für Elektrofahrzeuge</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="31" />
      <source>Empty</source>
      <translation>Leer</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="263" />
      <source>End</source>
      <translation>Ende</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="63" />
      <source>Enter an address (URL) or choose a file.</source>
      <translation>Geben Sie eine Adresse (URL) ein oder wählen Sie eine Datei.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="272" />
      <source>Enter the URL of a GTFS-Realtime feed or choose a file.</source>
      <translation>Geben Sie die URL eines GTFS-Realtime-Feeds ein oder wählen Sie eine Datei.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="36" />
      <source>Ferry</source>
      <translation>Fähre</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="30" />
      <source>Few vehicles (1-2)</source>
      <translation>Wenige Fahrzeuge (1-2)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="259" />
      <source>Filter on the Things ($filter, optional)</source>
      <translation>Filter auf die Things ($filter, optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="328" />
      <source>Footway network (optional: walking distance along it instead of a straight line)</source>
      <translation>Fußwegenetz (optional: Gehentfernung entlang des Netzes statt Luftlinie)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="489" />
      <source>Footway network: {edges} segments, {nodes} nodes; distances along the network.</source>
      <translation>Fußwegenetz: {edges} Segmente, {nodes} Knoten; Entfernungen entlang des Netzes.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="295" />
      <source>For each input point (addresses, stops …) counts and lists the sharing stations, sharing vehicles, charging points, parking facilities and public transport stops within the walking distance (in metres; 400 m is about 5 minutes on foot): in a straight line, or along the footway network when a line layer of footways is given. Along the network, each point and each offer is joined to the nearest footway by a straight piece that counts as walking too; line ends closer than 1 cm count as connected, offers on separate parts of the network are not reached. Each offer layer is optional. Charging points count the field 'ladepunkte' when present (else one per feature), sharing stations also add up 'fahrzeuge' (available vehicles).
Outputs: the points with one count and one list of names per kind of offer, and a summary table (per kind: offers reached, points with at least one, points without, mean per point).</source>
      <translation>Zählt und listet für jeden Eingabepunkt (Adressen, Haltestellen …) die Sharing-Stationen, Sharing-Fahrzeuge, Ladepunkte, Parkeinrichtungen und ÖPNV-Haltestellen innerhalb der Gehentfernung (in Metern; 400 m sind etwa 5 Minuten zu Fuß): in Luftlinie oder, wenn ein Linienlayer der Fußwege angegeben ist, entlang des Fußwegenetzes. Entlang des Netzes wird jeder Punkt und jedes Angebot über ein gerades Stück, das ebenfalls als Gehweg zählt, mit dem nächsten Fußweg verbunden; Linienenden, die weniger als 1 cm auseinanderliegen, gelten als verbunden, Angebote auf getrennten Teilen des Netzes werden nicht erreicht. Jeder Angebotslayer ist optional. Ladepunkte zählen das Feld „ladepunkte“, wenn vorhanden (sonst einer je Objekt); bei Sharing-Stationen wird zusätzlich „fahrzeuge“ (verfügbare Fahrzeuge) aufsummiert.
Ausgaben: die Punkte mit je einer Anzahl und einer Namensliste je Angebotsart sowie eine Übersichtstabelle (je Art: erreichbare Angebote, Punkte mit mindestens einem, Punkte ohne, Mittelwert je Punkt).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="121" />
      <source>From hour</source>
      <translation>Ab Stunde</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="45" />
      <source>Full</source>
      <translation>Voll</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="39" />
      <source>Funicular</source>
      <translation>Standseilbahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="192" />
      <source>GBFS auto-discovery URL (gbfs.json)</source>
      <translation>GBFS-Auto-Discovery-URL (gbfs.json)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="178" />
      <source>GBFS sharing system snapshot</source>
      <translation>GBFS-Sharing-System (Momentaufnahme)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/gbfs_live.py" line="69" />
      <source>GBFS: {url}</source>
      <translation>GBFS: {url}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="115" />
      <source>GTFS feed (zip)</source>
      <translation>GTFS-Feed (Zip)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="97" />
      <source>GTFS feed to stops and routes</source>
      <translation>GTFS-Feed zu Haltestellen und Linien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="248" />
      <source>GTFS-Realtime feed URL</source>
      <translation>URL des GTFS-Realtime-Feeds</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="95" />
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="102" />
      <source>GTFS-Realtime live layer</source>
      <translation>GTFS-Realtime-Live-Layer</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="55" />
      <source>GTFS-Realtime live layer…</source>
      <translation>GTFS-Realtime-Live-Layer…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="233" />
      <source>GTFS-Realtime vehicles and delays</source>
      <translation>GTFS-Realtime: Fahrzeuge und Verspätungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="53" />
      <source>GTFS-Realtime vehicles and delays…</source>
      <translation>GTFS-Realtime: Fahrzeuge und Verspätungen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="198" />
      <source>Geofencing zones</source>
      <translation>Geofencing-Zonen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/gbfs_live.py" line="107" />
      <source>Geofencing zones – {system}</source>
      <translation>Geofencing-Zonen – {system}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/live_feed.py" line="83" />
      <source>Live layer: {title}</source>
      <translation>Live-Layer: {title}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="51" />
      <source>Load GTFS feed…</source>
      <translation>GTFS-Feed laden…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/charging.py" line="117" />
      <source>Location {n} in {source} has no 'id' and was skipped.</source>
      <translation>Standort {n} in {source} hat keine „id“ und wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="15" />
      <location filename="../plugins/hamm_mobility/processing/provider.py" line="19" />
      <source>Mobility</source>
      <translation>Mobilität</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="16" />
      <source>Mobility data of Hamm in QGIS: live sharing systems (GBFS 1.x, 2.x and 3.0: stations, vehicles, geofencing zones, refreshed on the feed's ttl), public transport from GTFS feeds (stops with departures per day, routes) and GTFS-Realtime (vehicle positions, delays per stop, also as a live layer), parking with live occupancy (DATEX II v2/v3, JSON), EV charging points (OCPI, Ladesäulenregister), traffic counts per mode (CSV, SensorThings), the city's OGC mobility services in one click and the mobility offers near points, grouped as 'Mobilitätsstadtplan'.</source>
      <translation>Mobilitätsdaten Hamms in QGIS: Sharing-Systeme live (GBFS 1.x, 2.x und 3.0: Stationen, Fahrzeuge, Geofencing-Zonen, aktualisiert nach der ttl des Feeds), ÖPNV aus GTFS-Feeds (Haltestellen mit Abfahrten je Tag, Linien) und GTFS-Realtime (Fahrzeugpositionen, Verspätungen je Haltestelle, auch als Live-Layer), Parken mit Live-Belegung (DATEX II v2/v3, JSON), Ladepunkte für Elektrofahrzeuge (OCPI, Ladesäulenregister), Verkehrszählungen je Verkehrsart (CSV, SensorThings), die OGC-Mobilitätsdienste der Stadt mit einem Klick und die Mobilitätsangebote im Umkreis von Punkten, gruppiert als „Mobilitätsstadtplan“.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/gbfs_live.py" line="28" />
      <source>Mobility map</source>
      <translation>Mobilitätsstadtplan</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="292" />
      <source>Mobility offers nearby</source>
      <translation>Mobilitätsangebote im Umkreis</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="65" />
      <source>Mobility offers nearby…</source>
      <translation>Mobilitätsangebote im Umkreis…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="123" />
      <source>Mobility services from the city catalog</source>
      <translation>Mobilitätsdienste aus dem städtischen Katalog</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="63" />
      <source>Mobility services from the city catalog…</source>
      <translation>Mobilitätsdienste aus dem städtischen Katalog…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="41" />
      <source>Monorail</source>
      <translation>Einschienenbahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/feeds.py" line="95" />
      <source>More than 5 min late</source>
      <translation>Mehr als 5 min verspätet</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="325" />
      <source>Name field of the offers (default: name)</source>
      <translation>Namensfeld der Angebote (Standard: name)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/counts.py" line="210" />
      <source>No counts were found in {source}.</source>
      <translation>In {source} wurden keine Zählwerte gefunden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="46" />
      <source>No live data</source>
      <translation>Keine Live-Daten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="465" />
      <source>No offer layer was chosen: all counts are 0.</source>
      <translation>Es wurde kein Angebotslayer gewählt: Alle Anzahlen sind 0.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="48" />
      <source>No parking</source>
      <translation>Parkverbot</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="368" />
      <source>No parking facility with a location was found. DATEX II status publications need the table publication (the static part) as well; give both addresses.</source>
      <translation>Es wurde keine Parkeinrichtung mit Lage gefunden. DATEX-II-Statuspublikationen brauchen zusätzlich die Tabellenpublikation (den statischen Teil); geben Sie beide Adressen an.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="49" />
      <source>No riding</source>
      <translation>Fahrverbot</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/feeds.py" line="93" />
      <source>On time (up to 1 min)</source>
      <translation>Pünktlich (bis 1 min)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="404" />
      <source>Optional GBFS file {name} could not be read: {error}</source>
      <translation>Die optionale GBFS-Datei {name} konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/charging.py" line="38" />
      <source>Out of order</source>
      <translation>Außer Betrieb</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="32" />
      <source>Out of service</source>
      <translation>Außer Betrieb</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/demo.py" line="409" />
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="68" />
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="69" />
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="286" />
      <source>Parking</source>
      <translation>Parken</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/feeds.py" line="125" />
      <location filename="../plugins/hamm_mobility/demo.py" line="405" />
      <source>Parking (live)</source>
      <translation>Parken (live)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="71" />
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="123" />
      <source>Parking and charging</source>
      <translation>Parken und Laden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="338" />
      <source>Parking entry {n} in {source} has no 'id' and was skipped.</source>
      <translation>Parkeintrag {n} in {source} hat keine „id“ und wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="97" />
      <source>Parking facilities</source>
      <translation>Parkeinrichtungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="69" />
      <source>Parking facilities with occupancy</source>
      <translation>Parkeinrichtungen mit Belegung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="317" />
      <source>Points (addresses, stops …)</source>
      <translation>Punkte (Adressen, Haltestellen …)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="332" />
      <source>Points with mobility offers</source>
      <translation>Punkte mit Mobilitätsangeboten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="107" />
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="99" />
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="235" />
      <source>Public transport</source>
      <translation>ÖPNV</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="34" />
      <source>Rail</source>
      <translation>Bahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="139" />
      <source>Reading {path} for {day}, {h0}-{h1} h …</source>
      <translation>Lese {path} für {day}, {h0}-{h1} Uhr …</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="100" />
      <source>Reads a GTFS feed (zip file or URL) as a stream and writes its stops, with the number of departures on the chosen day and hour range, and its routes as lines (from shapes.txt, or along the stops where shapes are missing). calendar.txt, calendar_dates.txt and frequencies.txt are honoured; departures at platforms also count for their parent station. Output in EPSG:25832.</source>
      <translation>Liest einen GTFS-Feed (Zip-Datei oder URL) als Datenstrom und schreibt seine Haltestellen mit der Zahl der Abfahrten am gewählten Tag und Stundenbereich sowie seine Linien als Linien (aus shapes.txt, oder entlang der Haltestellen, wo Shapes fehlen). calendar.txt, calendar_dates.txt und frequencies.txt werden beachtet; Abfahrten an Steigen zählen auch für ihre übergeordnete Station. Ausgabe in EPSG:25832.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="236" />
      <source>Reads a GTFS-Realtime feed (protobuf; VehiclePositions and/or TripUpdates, by URL or file) and writes the vehicle positions and, with the static GTFS feed for stop locations and line names, the delays per stop (number of predictions, mean and maximum delay in seconds, skipped stops). No extra Python package is needed.</source>
      <translation>Liest einen GTFS-Realtime-Feed (Protobuf; VehiclePositions und/oder TripUpdates, per URL oder Datei) und schreibt die Fahrzeugpositionen und, mit dem statischen GTFS-Feed für Haltestellenlagen und Liniennamen, die Verspätungen je Haltestelle (Zahl der Prognosen, mittlere und größte Verspätung in Sekunden, ausgelassene Halte). Es wird kein zusätzliches Python-Paket benötigt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="181" />
      <source>Reads a bike, scooter or car sharing system from its GBFS auto-discovery URL (gbfs.json, versions 1.x, 2.x and 3.0) and writes its stations with live status, its free-floating vehicles and its geofencing zones, in EPSG:25832. For a layer that refreshes itself use Digitales Hamm &gt; Mobility &gt; Add sharing system.</source>
      <translation>Liest ein Rad-, Roller- oder Carsharing-System über seine GBFS-Auto-Discovery-URL (gbfs.json, Versionen 1.x, 2.x und 3.0) und schreibt seine Stationen mit Live-Status, seine frei abgestellten Fahrzeuge und seine Geofencing-Zonen in EPSG:25832. Für einen Layer, der sich selbst aktualisiert: Digitales Hamm &gt; Mobilität &gt; Sharing-System hinzufügen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="124" />
      <source>Reads charging stations for electric vehicles and writes them as points in EPSG:25832: number of charging points, free / in use / out of order, plug types, maximum power in kW, fast charger (50 kW or more).
Formats: OCPI 2.2.1 locations (JSON, with EVSEs, connectors and status) or the Ladesäulenregister of the Bundesnetzagentur (CSV, semicolon separated, with the title lines before the table as downloaded; no live status).</source>
      <translation>Liest Ladestationen für Elektrofahrzeuge und schreibt sie als Punkte in EPSG:25832: Anzahl der Ladepunkte, frei / belegt / außer Betrieb, Steckertypen, Höchstleistung in kW, Schnelllader (50 kW oder mehr).
Formate: OCPI-2.2.1-Standorte (JSON, mit EVSEs, Anschlüssen und Status) oder das Ladesäulenregister der Bundesnetzagentur (CSV, durch Semikolon getrennt, mit den Titelzeilen vor der Tabelle wie heruntergeladen; ohne Live-Status).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="245" />
      <source>Reads counts of counting stations from a SensorThings API: every Datastream whose ObservedProperty (or name) is Kfz/car, Rad/bike or Fuß/pedestrian, with its observations between start and end, one interval per observation. Writes the stations with totals per mode, bike share and peak interval, and one point per station and interval. Needs the plugin Digitales Hamm Sensoren (hamm_sensors) for the SensorThings client.</source>
      <translation>Liest Zählwerte von Zählstellen aus einer SensorThings API: jeden Datastream, dessen ObservedProperty (oder Name) Kfz/car, Rad/bike oder Fuß/pedestrian ist, mit seinen Beobachtungen zwischen Beginn und Ende, ein Intervall je Beobachtung. Schreibt die Zählstellen mit Summen je Verkehrsart, Radanteil und Spitzenintervall sowie einen Punkt je Zählstelle und Intervall. Benötigt die Erweiterung Digitales Hamm Sensoren (hamm_sensors) für den SensorThings-Client.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="170" />
      <source>Reads counts of counting stations per interval and mode (cars, bikes, pedestrians) from a CSV file and writes the stations with their totals per mode, the bike share and the peak interval, and one point per station and interval (for the temporal controller and charts).
Columns (German or English names, comma or semicolon, decimal comma allowed): station_id, name, lat, lon (or x, y in EPSG:25832), zeit, and either modus (kfz/car, rad/bike, fuss/pedestrian) + anzahl, or one column per mode (kfz, rad, fuss). For counts from a SensorThings API use the algorithm 'Traffic counting stations (SensorThings)'.</source>
      <translation>Liest Zählwerte von Zählstellen je Intervall und Verkehrsart (Kfz, Rad, Fußgänger) aus einer CSV-Datei und schreibt die Zählstellen mit ihren Summen je Verkehrsart, dem Radanteil und dem Spitzenintervall sowie einen Punkt je Zählstelle und Intervall (für die Zeitsteuerung und Diagramme).
Spalten (deutsche oder englische Namen, Komma oder Semikolon, Dezimalkomma erlaubt): station_id, name, lat, lon (oder x, y in EPSG:25832), zeit und entweder modus (kfz/car, rad/bike, fuss/pedestrian) + anzahl oder eine Spalte je Verkehrsart (kfz, rad, fuss). Für Zählwerte aus einer SensorThings API nutzen Sie den Algorithmus „Verkehrszählstellen (SensorThings)“.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="72" />
      <source>Reads parking facilities and their current occupancy and writes them as points in EPSG:25832 (capacity, occupied, free, occupancy in %, state).
Formats: DATEX II v2 (d2LogicalModel with ParkingFacilityTablePublication for the facilities and ParkingFacilityTableStatusPublication for the occupancy) and DATEX II v3 (ParkingTablePublication and ParkingStatusPublication): give the address of the table and of the status publication, separated by a space. Or a simple JSON document:
{"parkings": [{"id": "P1", "name": "Parkhaus Mitte", "lat": 51.68, "lon": 7.82, "capacity": 420, "free": 97, "status": "open", "updated": "2024-06-01T12:00:00+02:00"}]}
(status: open, closed or full; instead of 'free' the number 'occupied' may be given). For a layer that refreshes itself use Digitales Hamm &gt; Mobility &gt; Add parking (live).</source>
      <translation>Liest Parkeinrichtungen und ihre aktuelle Belegung und schreibt sie als Punkte in EPSG:25832 (Kapazität, belegt, frei, Belegung in %, Zustand).
Formate: DATEX II v2 (d2LogicalModel mit ParkingFacilityTablePublication für die Einrichtungen und ParkingFacilityTableStatusPublication für die Belegung) und DATEX II v3 (ParkingTablePublication und ParkingStatusPublication): Geben Sie die Adresse der Tabellen- und der Statuspublikation an, durch ein Leerzeichen getrennt. Oder ein einfaches JSON-Dokument:
{"parkings": [{"id": "P1", "name": "Parkhaus Mitte", "lat": 51.68, "lon": 7.82, "capacity": 420, "free": 97, "status": "open", "updated": "2024-06-01T12:00:00+02:00"}]}
(status: open, closed oder full; statt „free“ darf die Zahl „occupied“ angegeben werden). Für einen Layer, der sich selbst aktualisiert: Digitales Hamm &gt; Mobilität &gt; Parken hinzufügen (live).</translation>
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
      <location filename="../plugins/hamm_mobility/demo.py" line="397" />
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="129" />
      <source>Routes</source>
      <translation>Linien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="424" />
      <source>Row {row} of stop_times.txt in GTFS feed {source} has too few columns.</source>
      <translation>Zeile {row} von stop_times.txt im GTFS-Feed {source} hat zu wenige Spalten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="257" />
      <source>SensorThings API (e.g. https://…/v1.1)</source>
      <translation>SensorThings API (z. B. https://…/v1.1)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="127" />
      <source>Service / layer</source>
      <translation>Dienst / Layer</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/catalog.py" line="117" />
      <source>Services</source>
      <translation>Dienste</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="180" />
      <source>Sharing</source>
      <translation>Sharing</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="283" />
      <source>Sharing stations</source>
      <translation>Sharing-Stationen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="284" />
      <source>Sharing vehicles</source>
      <translation>Sharing-Fahrzeuge</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/demo.py" line="381" />
      <source>Sharing – {system}</source>
      <translation>Sharing – {system}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="43" />
      <source>Spaces free</source>
      <translation>Plätze frei</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="261" />
      <source>Start (e.g. 2024-06-03T00:00)</source>
      <translation>Beginn (z. B. 2024-06-03T00:00)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="103" />
      <source>Static GTFS feed (zip file or URL) for line names and stops (optional):</source>
      <translation>Statischer GTFS-Feed (Zip-Datei oder URL) für Liniennamen und Haltestellen (optional):</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="252" />
      <source>Static GTFS feed (zip) for stops and line names</source>
      <translation>Statischer GTFS-Feed (Zip) für Haltestellen und Liniennamen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="194" />
      <source>Stations</source>
      <translation>Stationen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/gbfs_live.py" line="101" />
      <location filename="../plugins/hamm_mobility/demo.py" line="382" />
      <source>Stations – {system}</source>
      <translation>Stationen – {system}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/charging.py" line="39" />
      <source>Status unknown</source>
      <translation>Status unbekannt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/demo.py" line="396" />
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="127" />
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="287" />
      <source>Stops</source>
      <translation>Haltestellen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="33" />
      <source>Subway</source>
      <translation>U-Bahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="334" />
      <source>Summary</source>
      <translation>Übersicht</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="146" />
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="135" />
      <source>The GBFS auto-discovery file {source} lists no feeds.</source>
      <translation>Die GBFS-Auto-Discovery-Datei {source} nennt keine Feeds.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="116" />
      <source>The GBFS feed {source} has version {version}; supported are 1.x, 2.x and 3.0.</source>
      <translation>Der GBFS-Feed {source} hat die Version {version}; unterstützt werden 1.x, 2.x und 3.0.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="415" />
      <source>The GBFS feed {source} lacks the required file system_information.</source>
      <translation>Dem GBFS-Feed {source} fehlt die Pflichtdatei system_information.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="421" />
      <source>The GBFS feed {source} lists neither stations (station_information) nor vehicles (free_bike_status / vehicle_status).</source>
      <translation>Der GBFS-Feed {source} nennt weder Stationen (station_information) noch Fahrzeuge (free_bike_status / vehicle_status).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="425" />
      <source>The GBFS feed {source} lists station_information but not the required station_status.</source>
      <translation>Der GBFS-Feed {source} nennt station_information, aber nicht die erforderliche Datei station_status.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="356" />
      <source>The GBFS file {source} has no GeoJSON FeatureCollection 'data.geofencing_zones'.</source>
      <translation>Die GBFS-Datei {source} enthält keine GeoJSON-FeatureCollection 'data.geofencing_zones'.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="159" />
      <source>The GBFS file {source} has no list 'data.{key}'.</source>
      <translation>Die GBFS-Datei {source} enthält keine Liste 'data.{key}'.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="342" />
      <source>The GBFS file {source} has no system_id in system_information.</source>
      <translation>Die GBFS-Datei {source} enthält keine system_id in system_information.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="103" />
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
      <location filename="../plugins/hamm_mobility/logic/charging.py" line="104" />
      <source>The OCPI server {source} answered with error {code}: {message}</source>
      <translation>Der OCPI-Server {source} antwortete mit Fehler {code}: {message}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/charging.py" line="124" />
      <source>The charging location '{id}' in {source} has no valid coordinates and was skipped.</source>
      <translation>Der Ladestandort „{id}“ in {source} hat keine gültigen Koordinaten und wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/counts.py" line="171" />
      <source>The counts file {source} contains no usable row.</source>
      <translation>Die Zähldatei {source} enthält keine verwertbare Zeile.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/counts.py" line="94" />
      <source>The counts file {source} is empty.</source>
      <translation>Die Zähldatei {source} ist leer.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/counts.py" line="107" />
      <source>The counts file {source} lacks the column(s) {columns}. Expected station_id, lat, lon (or x, y), zeit and either modus + anzahl or one column per mode (kfz, rad, fuss).</source>
      <translation>Der Zähldatei {source} fehlen die Spalte(n) {columns}. Erwartet werden station_id, lat, lon (oder x, y), zeit und entweder modus + anzahl oder eine Spalte je Verkehrsart (kfz, rad, fuss).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="320" />
      <source>The document from {source} is not a DATEX II parking publication (expected ParkingFacilityTablePublication, ParkingFacilityTableStatusPublication, ParkingTablePublication or ParkingStatusPublication).</source>
      <translation>Das Dokument von {source} ist keine DATEX-II-Parkpublikation (erwartet: ParkingFacilityTablePublication, ParkingFacilityTableStatusPublication, ParkingTablePublication oder ParkingStatusPublication).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfsrt.py" line="328" />
      <source>The document from {source} is not a GTFS-Realtime feed: the header with gtfs_realtime_version is missing.</source>
      <translation>Das Dokument von {source} ist kein GTFS-Realtime-Feed: Der Header mit gtfs_realtime_version fehlt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/charging.py" line="111" />
      <source>The document from {source} is not an OCPI locations list ('data' must be a list of locations).</source>
      <translation>Das Dokument von {source} ist keine OCPI-Standortliste („data“ muss eine Liste von Standorten sein).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="230" />
      <source>The feed has neither calendar.txt nor calendar_dates.txt: every trip is counted as running.</source>
      <translation>Der Feed hat weder calendar.txt noch calendar_dates.txt: Jede Fahrt wird als verkehrend gezählt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="496" />
      <source>The feed has no shapes.txt: routes are drawn along their stops.</source>
      <translation>Der Feed hat keine shapes.txt: Linien werden entlang ihrer Haltestellen gezeichnet.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="136" />
      <source>The file {file} of GTFS feed {source} cannot be read ({error}).</source>
      <translation>Die Datei {file} des GTFS-Feeds {source} kann nicht gelesen werden ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="349" />
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="129" />
      <source>The file {file} of GTFS feed {source} lacks the column(s) {columns}.</source>
      <translation>Der Datei {file} des GTFS-Feeds {source} fehlen die Spalte(n) {columns}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="278" />
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="60" />
      <source>The file {path} cannot be read: {error}</source>
      <translation>Die Datei {path} kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/charging.py" line="235" />
      <source>The file {source} is not the Ladesäulenregister CSV of the Bundesnetzagentur: no header row with 'Breitengrad' and 'Längengrad' (semicolon separated) was found.</source>
      <translation>Die Datei {source} ist nicht die CSV des Ladesäulenregisters der Bundesnetzagentur: Es wurde keine Kopfzeile mit „Breitengrad“ und „Längengrad“ (durch Semikolon getrennt) gefunden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="487" />
      <source>The footway layer holds no lines: walking distances along it cannot be computed.</source>
      <translation>Der Fußwegelayer enthält keine Linien: Gehentfernungen entlang des Netzes können nicht berechnet werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="136" />
      <source>The hour range is empty: 'to hour' must be after 'from hour'.</source>
      <translation>Der Stundenbereich ist leer: 'Bis Stunde' muss nach 'Ab Stunde' liegen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="334" />
      <source>The parking document from {source} has no list 'parkings'.</source>
      <translation>Das Parkdokument von {source} hat keine Liste „parkings“.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="210" />
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="344" />
      <source>The parking facility '{id}' in {source} has no valid coordinates and was skipped.</source>
      <translation>Die Parkeinrichtung „{id}“ in {source} hat keine gültigen Koordinaten und wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="342" />
      <source>The points are in a geographic CRS ({crs}); distances in metres need a projected CRS such as EPSG:25832. Reproject the layer first.</source>
      <translation>Die Punkte liegen in einem geographischen KBS ({crs}); Entfernungen in Metern brauchen ein projiziertes KBS wie EPSG:25832. Projizieren Sie den Layer zuerst um.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/protobuf.py" line="26" />
      <source>The protobuf document from {source} is broken or truncated ({detail}). Check the feed URL: a GTFS-Realtime feed is binary protobuf, not JSON or HTML.</source>
      <translation>Das Protobuf-Dokument von {source} ist beschädigt oder abgeschnitten ({detail}). Prüfen Sie die Feed-URL: Ein GTFS-Realtime-Feed ist binäres Protobuf, kein JSON oder HTML.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/catalog.py" line="102" />
      <source>The service '{id}' is not an OGC service of the city profile.</source>
      <translation>Der Dienst „{id}“ ist kein OGC-Dienst des Stadtprofils.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/feeds.py" line="243" />
      <source>The static GTFS feed {source} could not be read ({error}); vehicles are shown without line names. Next try in {minutes} minutes.</source>
      <translation>Der statische GTFS-Feed {source} konnte nicht gelesen werden ({error}); die Fahrzeuge werden ohne Liniennamen gezeigt. Nächster Versuch in {minutes} Minuten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="124" />
      <source>To hour (exclusive; up to 48 for trips after midnight)</source>
      <translation>Bis Stunde (ausschließlich; bis 48 für Fahrten nach Mitternacht)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="167" />
      <source>Traffic counting stations</source>
      <translation>Verkehrszählstellen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="244" />
      <source>Traffic counting stations (SensorThings)</source>
      <translation>Verkehrszählstellen (SensorThings)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/plugin.py" line="61" />
      <source>Traffic counting stations…</source>
      <translation>Verkehrszählstellen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="169" />
      <source>Traffic counts</source>
      <translation>Verkehrszählungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="32" />
      <source>Tram</source>
      <translation>Straßenbahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="40" />
      <source>Trolleybus</source>
      <translation>Oberleitungsbus</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="127" />
      <source>Type</source>
      <translation>Typ</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/counts.py" line="167" />
      <source>Unknown modes in {source} were skipped: {modes}. Known: kfz/car, rad/bike, fuss/pedestrian.</source>
      <translation>Unbekannte Verkehrsarten in {source} wurden übersprungen: {modes}. Bekannt: kfz/car, rad/bike, fuss/pedestrian.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="108" />
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="196" />
      <source>Vehicles</source>
      <translation>Fahrzeuge</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="255" />
      <source>Vehicles (real time)</source>
      <translation>Fahrzeuge (Echtzeit)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="29" />
      <source>Vehicles available</source>
      <translation>Fahrzeuge verfügbar</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/gbfs_live.py" line="104" />
      <location filename="../plugins/hamm_mobility/demo.py" line="385" />
      <source>Vehicles – {system}</source>
      <translation>Fahrzeuge – {system}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="320" />
      <source>Walking distance</source>
      <translation>Gehentfernung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="117" />
      <source>or GTFS feed URL</source>
      <translation>oder URL des GTFS-Feeds</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="250" />
      <source>or GTFS-Realtime file (.pb)</source>
      <translation>oder GTFS-Realtime-Datei (.pb)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="188" />
      <source>or address (URL) of the CSV</source>
      <translation>oder Adresse (URL) der CSV-Datei</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="139" />
      <source>or file (JSON or CSV)</source>
      <translation>oder Datei (JSON oder CSV)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="95" />
      <source>or file(s), separated by ;</source>
      <translation>oder Datei(en), durch ; getrennt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="461" />
      <source>stop_times.txt refers to {n} stops that stops.txt does not contain (or that have no coordinates).</source>
      <translation>stop_times.txt verweist auf {n} Haltestellen, die stops.txt nicht enthält (oder die keine Koordinaten haben).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="458" />
      <source>stop_times.txt refers to {n} trips that trips.txt does not contain.</source>
      <translation>stop_times.txt verweist auf {n} Fahrten, die trips.txt nicht enthält.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="460" />
      <source>{label}: {reached} reached, {with_} of {n} points have at least one.</source>
      <translation>{label}: {reached} erreichbar, {with_} von {n} Punkten haben mindestens eines.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="222" />
      <source>{name} (GBFS {version}): {stations} stations, {vehicles} vehicles, {zones} zones.</source>
      <translation>{name} (GBFS {version}): {stations} Stationen, {vehicles} Fahrzeuge, {zones} Zonen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="39" />
      <source>{name}: {stations} stations, {vehicles} vehicles; refreshed every {seconds} s.</source>
      <translation>{name}: {stations} Stationen, {vehicles} Fahrzeuge; Aktualisierung alle {seconds} s.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/sta_counts.py" line="56" />
      <source>{n} Datastreams are not counts of cars, bikes or pedestrians and were left out.</source>
      <translation>{n} Datastreams sind keine Zählungen von Kfz, Rad oder Fußgängern und wurden ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/sta_counts.py" line="59" />
      <source>{n} Datastreams belong to Things without a Location and were left out.</source>
      <translation>{n} Datastreams gehören zu Things ohne Location und wurden ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="158" />
      <source>{n} charging stations with {points} charging points.</source>
      <translation>{n} Ladestationen mit {points} Ladepunkten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="166" />
      <source>{n} layers added to the mobility map.</source>
      <translation>{n} Layer zum Mobilitätsstadtplan hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="113" />
      <source>{n} parking facilities, {free} free spaces.</source>
      <translation>{n} Parkeinrichtungen, {free} freie Plätze.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/counts.py" line="163" />
      <source>{n} rows of {source} were skipped (no station, time or position, or a negative count).</source>
      <translation>{n} Zeilen von {source} wurden übersprungen (keine Zählstelle, Zeit oder Lage, oder ein negativer Zählwert).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/charging.py" line="240" />
      <source>{n} rows of {source} without valid coordinates were skipped.</source>
      <translation>{n} Zeilen von {source} ohne gültige Koordinaten wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="262" />
      <source>{n} stations have no status in station_status.</source>
      <translation>{n} Stationen haben keinen Status in station_status.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="258" />
      <source>{n} stations without valid coordinates or id were skipped.</source>
      <translation>{n} Stationen ohne gültige Koordinaten oder ID wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/parking.py" line="190" />
      <source>{n} status records refer to parking facilities that are not in the table publication (e.g. '{id}'); they have no location and were skipped.</source>
      <translation>{n} Statuseinträge beziehen sich auf Parkeinrichtungen, die nicht in der Tabellenpublikation stehen (z. B. „{id}“); sie haben keine Lage und wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="343" />
      <source>{n} stops of the real-time feed are not in the static GTFS feed (or no static feed was given); they have no location.</source>
      <translation>{n} Haltestellen des Echtzeit-Feeds sind nicht im statischen GTFS-Feed (oder es wurde kein statischer Feed angegeben); sie haben keine Lage.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="205" />
      <source>{n} stops without valid coordinates were skipped.</source>
      <translation>{n} Haltestellen ohne gültige Koordinaten wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="338" />
      <source>{n} trips refer to a route that routes.txt does not contain.</source>
      <translation>{n} Fahrten verweisen auf eine Linie, die routes.txt nicht enthält.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="321" />
      <source>{n} vehicles without valid coordinates or id were skipped.</source>
      <translation>{n} Fahrzeuge ohne gültige Koordinaten oder ID wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/adapters/feeds.py" line="209" />
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="322" />
      <source>{n} vehicles without valid position were skipped.</source>
      <translation>{n} Fahrzeuge ohne gültige Position wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gbfs.py" line="124" />
      <source>{source} is not a GBFS auto-discovery file (gbfs.json): the object 'data' is missing.</source>
      <translation>{source} ist keine GBFS-Auto-Discovery-Datei (gbfs.json): Das Objekt 'data' fehlt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/logic/gtfs.py" line="93" />
      <source>{source} is not a readable GTFS zip file ({error}).</source>
      <translation>{source} ist keine lesbare GTFS-Zip-Datei ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/offers.py" line="219" />
      <source>{stations} counting stations, {intervals} intervals: {car} cars, {bike} bikes, {foot} pedestrians.</source>
      <translation>{stations} Zählstellen, {intervals} Intervalle: {car} Kfz, {bike} Räder, {foot} Fußgänger.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="167" />
      <source>{stops} stops, {routes} route lines, {deps} departures of {trips} trips on {day} ({rows} stop times read).</source>
      <translation>{stops} Haltestellen, {routes} Linienverläufe, {deps} Abfahrten von {trips} Fahrten am {day} ({rows} Haltezeiten gelesen).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/processing/algorithms.py" line="348" />
      <source>{vehicles} vehicles, {trips} trip updates, {alerts} alerts (feed time {time}).</source>
      <translation>{vehicles} Fahrzeuge, {trips} Fahrtprognosen, {alerts} Meldungen (Feed-Zeit {time}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_mobility/gui/dialogs.py" line="48" />
      <source>{what}: {n} features; refreshed every {seconds} s.</source>
      <translation>{what}: {n} Objekte; aktualisiert alle {seconds} s.</translation>
    </message>
  </context>
</TS>
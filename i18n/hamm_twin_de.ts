<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_twin</name>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pg_store.py" line="69" />
      <source>'{schema}' is not a usable schema name.</source>
      <translation>„{schema}“ ist kein verwendbarer Schemaname.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/citygml.py" line="405" />
      <source>A building without gml:id in {file} was skipped.</source>
      <translation>Ein Gebäude ohne gml:id in {file} wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="51" />
      <source>A rectangle drawn on the map (after OK)</source>
      <translation>Ein auf der Karte gezogenes Rechteck (nach OK)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/jpegmeta.py" line="266" />
      <source>APP1 payload too large</source>
      <translation>APP1-Nutzdaten zu groß</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="154" />
      <source>Abschluss</source>
      <translation>Abschluss</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="66" />
      <source>Allgemein bildende Schule</source>
      <translation>Allgemein bildende Schule</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="48" />
      <source>Area</source>
      <translation>Gebiet</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="153" />
      <source>Area (empty = everything)</source>
      <translation>Gebiet (leer = alles)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="370" />
      <source>Area (empty = extent of the points)</source>
      <translation>Gebiet (leer = Ausdehnung der Punkte)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="92" />
      <source>Aussichtsturm</source>
      <translation>Aussichtsturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="50" />
      <source>Betriebsgebäude</source>
      <translation>Betriebsgebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="69" />
      <source>Bibliothek, Bücherei</source>
      <translation>Bibliothek, Bücherei</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="107" />
      <source>Biogasanlage</source>
      <translation>Biogasanlage</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="153" />
      <source>Boden</source>
      <translation>Boden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="156" />
      <source>Bodenfläche außen</source>
      <translation>Bodenfläche außen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="27" />
      <source>Bogendach</source>
      <translation>Bogendach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="100" />
      <source>Bohrturm</source>
      <translation>Bohrturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="163" />
      <source>Bridge deck</source>
      <translation>Brückenfahrbahn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="144" />
      <source>Brunnen</source>
      <translation>Brunnen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="159" />
      <source>Building</source>
      <translation>Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="219" />
      <source>Building GeoPackage (created or updated)</source>
      <translation>Gebäude-GeoPackage (neu oder aktualisiert)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/citygml.py" line="408" />
      <location filename="../plugins/hamm_twin/logic/cityjson.py" line="169" />
      <source>Building {id} has no usable geometry and was skipped.</source>
      <translation>Gebäude {id} hat keine verwendbare Geometrie und wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="143" />
      <source>Buildings</source>
      <translation>Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="159" />
      <source>Buildings imported</source>
      <translation>Importierte Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="161" />
      <source>Buildings replaced</source>
      <translation>Ersetzte Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="304" />
      <source>Builds one virtual raster (VRT) over DGM tiles (GeoTIFF or XYZ grids as NRW publishes DGM1; XYZ tiles are converted to GeoTIFF next to the VRT) and computes a hillshade. The VRT becomes the terrain of the digital twin.</source>
      <translation>Erstellt ein virtuelles Raster (VRT) über DGM-Kacheln (GeoTIFF oder XYZ-Gitter, wie NRW das DGM1 veröffentlicht; XYZ-Kacheln werden neben dem VRT in GeoTIFF umgewandelt) und berechnet eine Schummerung. Das VRT wird das Gelände des digitalen Zwillings.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="121" />
      <source>Bunker</source>
      <translation>Bunker</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="44" />
      <source>Bürogebäude</source>
      <translation>Bürogebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="528" />
      <source>CRS of the index coordinates (empty = from the file)</source>
      <translation>KBS der Index-Koordinaten (leer = aus der Datei)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="435" />
      <source>CRS of the point cloud</source>
      <translation>KBS der Punktwolke</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="137" />
      <source>Carport</source>
      <translation>Carport</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="364" />
      <source>Cell size [m]</source>
      <translation>Zellengröße [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="431" />
      <source>Cell size of the derived DSM/nDSM [m]</source>
      <translation>Zellengröße des abgeleiteten DOM/nDOM [m]</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="546" />
      <source>Choose an EPSG CRS for the index.</source>
      <translation>Wählen Sie ein EPSG-Koordinatenbezugssystem für den Index.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="31" />
      <source>Components</source>
      <translation>Bestandteile</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="352" />
      <source>Computes from airborne or mobile laser-scan points (LAS 1.0–1.4, uncompressed; LAZ only where a LAZ reader is installed) a digital surface model: the maximum or mean height of the points per cell of the chosen size, for the chosen area. Optionally an nDSM (object heights above ground): DSM minus a DGM raster, or without one minus the mean height of the ground points (class 2) per cell. The shade and radio tools of the suite can use these rasters.</source>
      <translation>Berechnet aus Punkten des Airborne- oder Mobile-Laserscannings (LAS 1.0–1.4, unkomprimiert; LAZ nur, wo ein LAZ-Leser installiert ist) ein digitales Oberflächenmodell: die größte oder mittlere Höhe der Punkte je Zelle der gewählten Größe, im gewählten Gebiet. Optional ein nDOM (Objekthöhen über Grund): DOM minus ein DGM-Raster oder, ohne dieses, minus die mittlere Höhe der Bodenpunkte (Klasse 2) je Zelle. Die Schatten- und Funkwerkzeuge der Suite können diese Raster nutzen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="50" />
      <source>Current map extent</source>
      <translation>Aktueller Kartenausschnitt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="310" />
      <source>DGM tiles (GeoTIFF, XYZ)</source>
      <translation>DGM-Kacheln (GeoTIFF, XYZ)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="373" />
      <source>DSM</source>
      <translation>DOM</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="151" />
      <source>Dach</source>
      <translation>Dach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="155" />
      <source>Deckenfläche außen</source>
      <translation>Deckenfläche außen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="436" />
      <source>Derived DSM</source>
      <translation>Abgeleitetes DOM</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="437" />
      <source>Derived nDSM</source>
      <translation>Abgeleitetes nDOM</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="15" />
      <source>Digital twin</source>
      <translation>Digitaler Zwilling</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/scene3d.py" line="29" />
      <source>Digital twin 3D</source>
      <translation>Digitaler Zwilling 3D</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="165" />
      <source>Digital twin: {n} layers loaded.</source>
      <translation>Digitaler Zwilling: {n} Layer geladen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="577" />
      <source>Digitales Hamm – Digital twin</source>
      <translation>Digitales Hamm – Digitaler Zwilling</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="134" />
      <source>Drag a rectangle on the map: the digital twin of that area is loaded.</source>
      <translation>Ziehen Sie ein Rechteck auf der Karte auf: der digitale Zwilling dieses Gebiets wird geladen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/panorama_dock.py" line="80" />
      <source>Drag to look around, wheel to zoom.</source>
      <translation>Ziehen zum Umsehen, Mausrad zum Zoomen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/panorama_view.py" line="105" />
      <source>E</source>
      <translation>O</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/jpegmeta.py" line="117" />
      <source>EXIF without TIFF header</source>
      <translation>EXIF ohne TIFF-Kopf</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="52" />
      <source>Everything imported</source>
      <translation>Alles Importierte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="96" />
      <source>Feuerwachturm</source>
      <translation>Feuerwachturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="78" />
      <source>Feuerwehr</source>
      <translation>Feuerwehr</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/store.py" line="748" />
      <source>Finishing the GeoPackage {path} failed ({error}).</source>
      <translation>Der Abschluss des GeoPackages {path} ist fehlgeschlagen ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="16" />
      <source>Flachdach</source>
      <translation>Flachdach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="313" />
      <source>Folder with DGM tiles (optional)</source>
      <translation>Ordner mit DGM-Kacheln (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="150" />
      <source>Folder with LoD2 tiles (optional)</source>
      <translation>Ordner mit LoD2-Kacheln (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="525" />
      <source>Folder with panorama JPEGs (tags are read)</source>
      <translation>Ordner mit Panorama-JPEGs (Metadaten werden gelesen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="99" />
      <source>Förderturm</source>
      <translation>Förderturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="120" />
      <source>Fülltrichter</source>
      <translation>Fülltrichter</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="56" />
      <source>Garage</source>
      <translation>Garage</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="41" />
      <source>Gartenhaus</source>
      <translation>Gartenhaus</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="124" />
      <source>Gasometer</source>
      <translation>Gasometer</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="47" />
      <source>Gaststätte, Restaurant</source>
      <translation>Gaststätte, Restaurant</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="65" />
      <source>Gebäude für Bildung und Forschung</source>
      <translation>Gebäude für Bildung und Forschung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="79" />
      <source>Gebäude für Erholungszwecke</source>
      <translation>Gebäude für Erholungszwecke</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="72" />
      <source>Gebäude für Gesundheitswesen</source>
      <translation>Gebäude für Gesundheitswesen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="48" />
      <source>Gebäude für Gewerbe und Industrie</source>
      <translation>Gebäude für Gewerbe und Industrie</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="43" />
      <source>Gebäude für Handel und Dienstleistungen</source>
      <translation>Gebäude für Handel und Dienstleistungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="60" />
      <source>Gebäude für Land- und Forstwirtschaft</source>
      <translation>Gebäude für Land- und Forstwirtschaft</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="76" />
      <source>Gebäude für Sicherheit und Ordnung</source>
      <translation>Gebäude für Sicherheit und Ordnung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="52" />
      <source>Gebäude für Vorratshaltung</source>
      <translation>Gebäude für Vorratshaltung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="42" />
      <source>Gebäude für Wirtschaft oder Gewerbe</source>
      <translation>Gebäude für Wirtschaft oder Gewerbe</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="67" />
      <source>Gebäude für kulturelle Zwecke</source>
      <translation>Gebäude für kulturelle Zwecke</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="70" />
      <source>Gebäude für religiöse Zwecke</source>
      <translation>Gebäude für religiöse Zwecke</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="74" />
      <source>Gebäude für soziale Zwecke</source>
      <translation>Gebäude für soziale Zwecke</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="63" />
      <source>Gebäude für öffentliche Zwecke</source>
      <translation>Gebäude für öffentliche Zwecke</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="54" />
      <source>Gebäude zum Parken</source>
      <translation>Gebäude zum Parken</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="40" />
      <source>Gebäude zum Wohnen</source>
      <translation>Gebäude zum Wohnen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="58" />
      <source>Gebäude zur Versorgung</source>
      <translation>Gebäude zur Versorgung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="143" />
      <source>Gedenkstätte, Denkmal, Denkstein, Standbild</source>
      <translation>Gedenkstätte, Denkmal, Denkstein, Standbild</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="37" />
      <source>Gemischt genutztes Gebäude mit Wohnen</source>
      <translation>Gemischt genutztes Gebäude mit Wohnen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="45" />
      <source>Geschäftsgebäude</source>
      <translation>Geschäftsgebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="122" />
      <source>Getreideheber</source>
      <translation>Getreideheber</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="132" />
      <source>Gradierwerk</source>
      <translation>Gradierwerk</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="158" />
      <location filename="../plugins/hamm_twin/adapters/styles.py" line="42" />
      <source>Ground</source>
      <translation>Boden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="367" />
      <source>Height per cell</source>
      <translation>Höhe je Zelle</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="164" />
      <source>High noise</source>
      <translation>Hohes Rauschen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="159" />
      <source>High vegetation</source>
      <translation>Hohe Vegetation</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="318" />
      <source>Hillshade</source>
      <translation>Schummerung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/demo.py" line="360" />
      <source>Hillshade (DGM)</source>
      <translation>Schummerung (DGM)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="113" />
      <source>Hochofen</source>
      <translation>Hochofen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="46" />
      <source>Hotel, Motel, Pension</source>
      <translation>Hotel, Motel, Pension</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="533" />
      <source>Images missing</source>
      <translation>Fehlende Bilder</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="202" />
      <source>Import LoD2 buildings (CityGML, CityJSON)</source>
      <translation>LoD2-Gebäude importieren (CityGML, CityJSON)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="250" />
      <source>Import LoD2 buildings into PostGIS</source>
      <translation>LoD2-Gebäude in PostGIS importieren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="41" />
      <source>Import LoD2 buildings into PostGIS…</source>
      <translation>LoD2-Gebäude in PostGIS importieren…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="29" />
      <source>Import LoD2 buildings…</source>
      <translation>LoD2-Gebäude importieren…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="505" />
      <source>Import panorama index</source>
      <translation>Panorama-Index importieren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="44" />
      <source>Import panorama index…</source>
      <translation>Panorama-Index importieren…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="251" />
      <source>Imports LoD2 building models (CityGML 1.0/2.0/3.0, CityJSON 1.1/2.0, CityJSONSeq) into a PostGIS database: the tables 'gebaeude' (footprint with heights, roof type, storeys, function, source tile) and 'gebaeude_flaechen' (roof, wall and ground surfaces as 3D polygons) in the chosen schema, created if missing. The database is the name of a PostgreSQL connection saved in QGIS (Browser &gt; PostgreSQL; its authentication comes along) or a connection string (dbname=... host=... port=... user=...). Only buildings meeting the extent and the polygons (if given) are imported. Buildings imported before (same gml:id) are replaced instead of duplicated; each batch of buildings is written in one transaction.</source>
      <translation>Importiert LoD2-Gebäudemodelle (CityGML 1.0/2.0/3.0, CityJSON 1.1/2.0, CityJSONSeq) in eine PostGIS-Datenbank: die Tabellen „gebaeude“ (Grundriss mit Höhen, Dachform, Geschossen, Funktion, Quellkachel) und „gebaeude_flaechen“ (Dach-, Wand- und Bodenflächen als 3D-Polygone) im gewählten Schema, die bei Bedarf angelegt werden. Die Datenbank ist der Name einer in QGIS gespeicherten PostgreSQL-Verbindung (Browser &gt; PostgreSQL; ihre Authentifizierung wird übernommen) oder eine Verbindungszeichenkette (dbname=... host=... port=... user=...). Nur Gebäude, die den Ausschnitt und (falls angegeben) die Polygone berühren, werden importiert. Bereits importierte Gebäude (gleiche gml:id) werden ersetzt statt verdoppelt; jeder Stapel von Gebäuden wird in einer Transaktion geschrieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="203" />
      <source>Imports LoD2 building models into a GeoPackage: CityGML 1.0 and 2.0 as the state survey of NRW publishes them (and CityGML 3.0 buildings), CityJSON 1.1/2.0 and CityJSONSeq. Many tiles at once (files or a folder); only buildings meeting the chosen extent and, if given, the chosen polygons (e.g. a district) are imported. The files are streamed, so large tiles need little memory. Result: the layer 'gebaeude' (footprint, measured height, roof type, storeys, function with German labels, ground, eaves and ridge heights, source tile) and the layer 'gebaeude_flaechen' (roof, wall and ground surfaces as 3D polygons with type, area, tilt and orientation). A building found in several tiles is imported once (by gml:id); importing into an existing GeoPackage replaces the buildings imported before instead of duplicating them. The files must be in EPSG:25832.</source>
      <translation>Importiert LoD2-Gebäudemodelle in ein GeoPackage: CityGML 1.0 und 2.0, wie die Landesvermessung NRW sie veröffentlicht (und Gebäude aus CityGML 3.0), CityJSON 1.1/2.0 und CityJSONSeq. Viele Kacheln auf einmal (Dateien oder ein Ordner); nur Gebäude, die den gewählten Ausschnitt und, falls angegeben, die gewählten Polygone (z. B. einen Stadtbezirk) berühren, werden importiert. Die Dateien werden gestreamt gelesen, große Kacheln brauchen also wenig Speicher. Ergebnis: der Layer „gebaeude“ (Grundriss, gemessene Höhe, Dachform, Geschosse, Funktion mit deutschen Bezeichnungen, Boden-, Trauf- und Firsthöhe, Quellkachel) und der Layer „gebaeude_flaechen“ (Dach-, Wand- und Bodenflächen als 3D-Polygone mit Typ, Fläche, Neigung und Ausrichtung). Ein Gebäude, das in mehreren Kacheln vorkommt, wird einmal importiert (nach gml:id); ein Import in ein vorhandenes GeoPackage ersetzt die zuvor importierten Gebäude, statt sie zu verdoppeln. Die Dateien müssen in EPSG:25832 vorliegen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="53" />
      <source>Inside the polygons of a layer (e.g. a district)</source>
      <translation>Innerhalb der Polygone eines Layers (z. B. eines Stadtbezirks)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="483" />
      <source>Instead of the points: DSM and nDSM derived ({dsm}, {ndsm}).</source>
      <translation>Statt der Punkte: DOM und nDOM abgeleitet ({dsm}, {ndsm}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="24" />
      <source>Kegeldach</source>
      <translation>Kegeldach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="139" />
      <source>Kellereingang</source>
      <translation>Kellereingang</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="75" />
      <source>Kinderkrippe, Kindergarten, Kindertagesstätte</source>
      <translation>Kinderkrippe, Kindergarten, Kindertagesstätte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="71" />
      <source>Kirche</source>
      <translation>Kirche</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="91" />
      <source>Kirchturm, Glockenturm</source>
      <translation>Kirchturm, Glockenturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="106" />
      <source>Klärbecken</source>
      <translation>Klärbecken</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="93" />
      <source>Kontrollturm</source>
      <translation>Kontrollturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="115" />
      <source>Kraftwerk</source>
      <translation>Kraftwerk</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="112" />
      <source>Kran</source>
      <translation>Kran</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="73" />
      <source>Krankenhaus</source>
      <translation>Krankenhaus</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="21" />
      <source>Krüppelwalmdach</source>
      <translation>Krüppelwalmdach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="25" />
      <source>Kuppeldach</source>
      <translation>Kuppeldach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="94" />
      <source>Kühlturm</source>
      <translation>Kühlturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="362" />
      <source>LAS files</source>
      <translation>LAS-Dateien</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="53" />
      <source>Lagerhalle, Lagerschuppen, Lagerhaus</source>
      <translation>Lagerhalle, Lagerschuppen, Lagerhaus</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="61" />
      <source>Land- und forstwirtschaftliches Betriebsgebäude</source>
      <translation>Land- und forstwirtschaftliches Betriebsgebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="426" />
      <source>Layer name (empty = from the file)</source>
      <translation>Layername (leer = aus der Datei)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="95" />
      <source>Leuchtturm</source>
      <translation>Leuchtturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="126" />
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="147" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="222" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="239" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="269" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="291" />
      <source>LoD2 buildings</source>
      <translation>LoD2-Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="17" />
      <source>LoD2 buildings (extruded in 3D)</source>
      <translation>LoD2-Gebäude (in 3D extrudiert)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="147" />
      <source>LoD2 files (CityGML .gml/.xml, CityJSON .json/.jsonl)</source>
      <translation>LoD2-Dateien (CityGML .gml/.xml, CityJSON .json/.jsonl)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="127" />
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="157" />
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="18" />
      <source>LoD2 roof and wall surfaces (3D)</source>
      <translation>LoD2-Dach- und Wandflächen (3D)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="224" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="241" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="271" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="293" />
      <source>LoD2 surfaces (3D)</source>
      <translation>LoD2-Flächen (3D)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="29" />
      <source>Load digital twin</source>
      <translation>Digitalen Zwilling laden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="27" />
      <source>Load digital twin…</source>
      <translation>Digitalen Zwilling laden…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="407" />
      <source>Load point cloud</source>
      <translation>Punktwolke laden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="38" />
      <source>Load point cloud…</source>
      <translation>Punktwolke laden…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="410" />
      <source>Loads a point cloud into the layer group 'Digitaler Zwilling', styled by classification (ground, vegetation, buildings …) or, without classes, by height, with a 3D renderer for the 3D view. EPT (Entwine Point Tile: the file ept.json, on disk or as a URL) loads on every QGIS from 3.18 on. LAS, LAZ and COPC files load natively only where QGIS was built with PDAL; elsewhere (e.g. QGIS 3.22 of Debian) the tool says so and, if chosen, derives a DSM and an nDSM (object heights) from the LAS points instead. A point cloud that is not in EPSG:25832 is loaded with a warning and reprojected on the fly by QGIS.</source>
      <translation>Lädt eine Punktwolke in die Layergruppe „Digitaler Zwilling“, dargestellt nach Klassifizierung (Boden, Vegetation, Gebäude …) oder, ohne Klassen, nach Höhe, mit einer 3D-Darstellung für die 3D-Ansicht. EPT (Entwine Point Tile: die Datei ept.json, auf der Festplatte oder als URL) lädt jedes QGIS ab 3.18. LAS-, LAZ- und COPC-Dateien lädt QGIS nur dann direkt, wenn es mit PDAL gebaut wurde; sonst (z. B. QGIS 3.22 von Debian) sagt das Werkzeug das und leitet, falls gewählt, stattdessen aus den LAS-Punkten ein DOM und ein nDOM (Objekthöhen) ab. Eine Punktwolke, die nicht in EPSG:25832 vorliegt, wird mit einer Warnung geladen und von QGIS beim Zeichnen umprojiziert.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="16" />
      <source>Loads the digital twin of the city of Hamm into QGIS: LoD2 building models (CityGML 1.0/2.0, CityJSON) imported streamed into a GeoPackage or PostGIS with heights, roof types and 3D surfaces; terrain from DGM tiles with hillshade; surface models (DSM/nDSM) from LAS point clouds; point clouds (EPT, LAS/LAZ where QGIS has PDAL) in 2D and 3D; orthophotos from the city profile; street-level panoramas with an interactive viewer; all in one layer group, in 2D and with 3D renderers.</source>
      <translation>Lädt den digitalen Zwilling der Stadt Hamm in QGIS: LoD2-Gebäudemodelle (CityGML 1.0/2.0, CityJSON), gestreamt in ein GeoPackage oder nach PostGIS importiert, mit Höhen, Dachformen und 3D-Flächen; Gelände aus DGM-Kacheln mit Schummerung; Oberflächenmodelle (DOM/nDOM) aus LAS-Punktwolken; Punktwolken (EPT, LAS/LAZ wo QGIS PDAL hat) in 2D und 3D; Orthophotos aus dem Stadtprofil; Straßenpanoramen mit interaktivem Betrachter; alles in einer Layergruppe, in 2D und mit 3D-Darstellung.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="160" />
      <source>Low point (noise)</source>
      <translation>Tiefpunkt (Rauschen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="158" />
      <source>Low vegetation</source>
      <translation>Niedrige Vegetation</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="508" />
      <source>Makes a point layer of street-level panoramas (equirectangular images) from an index file or from the images themselves. Index: CSV (separated by comma, semicolon or tab) or JSON (a list of objects, {"panoramas": [...]} or a GeoJSON FeatureCollection) with the columns image (path relative to the index or URL), x/y or lon/lat, heading (compass direction of the image centre), time. Images: a folder of JPEGs whose GPS position (EXIF or XMP) and GPano heading are read. The CRS of the index is EPSG:25832 unless the file names one, it has lon/lat columns (EPSG:4326) or you choose one. Images that are missing are reported and flagged (bild_vorhanden = 0). Open the panoramas with the panorama viewer of the plugin: a click on the map shows the nearest panorama looking at the clicked point.</source>
      <translation>Erzeugt einen Punktlayer mit Straßenpanoramen (equirektangulare Bilder) aus einer Indexdatei oder aus den Bildern selbst. Index: CSV (getrennt durch Komma, Semikolon oder Tabulator) oder JSON (eine Liste von Objekten, {"panoramas": [...]} oder eine GeoJSON-FeatureCollection) mit den Spalten image (Pfad relativ zum Index oder URL), x/y oder lon/lat, heading (Kompassrichtung der Bildmitte), time. Bilder: ein Ordner mit JPEGs, deren GPS-Position (EXIF oder XMP) und GPano-Blickrichtung gelesen werden. Das KBS des Index ist EPSG:25832, sofern die Datei keines nennt, keine lon/lat-Spalten hat (dann EPSG:4326) oder Sie keines wählen. Fehlende Bilder werden gemeldet und markiert (bild_vorhanden = 0). Öffnen Sie die Panoramen mit dem Panorama-Betrachter des Plugins: Ein Klick in die Karte zeigt das nächstgelegene Panorama mit Blick auf den angeklickten Punkt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="22" />
      <source>Mansardendach</source>
      <translation>Mansardendach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="110" />
      <source>Mast</source>
      <translation>Mast</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="142" />
      <source>Mauer</source>
      <translation>Mauer</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="367" />
      <source>Maximum</source>
      <translation>Maximum</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="367" />
      <source>Mean</source>
      <translation>Mittelwert</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="159" />
      <source>Medium vegetation</source>
      <translation>Mittlere Vegetation</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="29" />
      <source>Mischform</source>
      <translation>Mischform</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="68" />
      <source>Museum</source>
      <translation>Museum</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/panorama_view.py" line="105" />
      <source>N</source>
      <translation>N</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="81" />
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="102" />
      <source>Nach Quellenlage nicht zu spezifizieren</source>
      <translation>Nach Quellenlage nicht zu spezifizieren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/rasters.py" line="45" />
      <source>No DGM tiles were given.</source>
      <translation>Es wurden keine DGM-Kacheln angegeben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="381" />
      <source>No LAS files were given.</source>
      <translation>Es wurden keine LAS-Dateien angegeben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="143" />
      <source>No LoD2 buildings imported yet: run 'Import LoD2 buildings' first.</source>
      <translation>Noch keine LoD2-Gebäude importiert: zuerst 'LoD2-Gebäude importieren' ausführen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="167" />
      <source>No LoD2 files were given: choose files or a folder with .gml, .xml, .json or .jsonl tiles.</source>
      <translation>Es wurden keine LoD2-Dateien angegeben: Dateien oder einen Ordner mit .gml-, .xml-, .json- oder .jsonl-Kacheln wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="554" />
      <source>No panorama could be read: {problems}</source>
      <translation>Kein Panorama konnte gelesen werden: {problems}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/panoramas.py" line="58" />
      <source>No panorama index and no JPEG images were given.</source>
      <translation>Weder ein Panorama-Index noch JPEG-Bilder wurden angegeben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/panorama_dock.py" line="151" />
      <location filename="../plugins/hamm_twin/plugin.py" line="63" />
      <source>No panorama layer in the project: import a panorama index first.</source>
      <translation>Kein Panorama-Layer im Projekt: Importieren Sie zuerst einen Panorama-Index.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/panorama_view.py" line="48" />
      <source>No panorama selected: click on the map near a panorama point.</source>
      <translation>Kein Panorama gewählt: Klicken Sie in der Karte in die Nähe eines Panoramapunkts.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/panorama_dock.py" line="161" />
      <source>No panorama within 500 m of the clicked point.</source>
      <translation>Kein Panorama im Umkreis von 500 m um den angeklickten Punkt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="180" />
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="42" />
      <source>No point cloud configured: load one with 'Load point cloud' or name an EPT service in the city profile.</source>
      <translation>Keine Punktwolke eingerichtet: Laden Sie eine mit „Punktwolke laden“ oder tragen Sie einen EPT-Dienst in das Stadtprofil ein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="443" />
      <source>No point cloud was given.</source>
      <translation>Es wurde keine Punktwolke angegeben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/rasters.py" line="74" />
      <source>None of the DGM tiles could be read: {problems}</source>
      <translation>Keine der DGM-Kacheln konnte gelesen werden: {problems}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="184" />
      <source>None of the {n} files could be imported (see the messages above).</source>
      <translation>Keine der {n} Dateien konnte importiert werden (siehe die Meldungen oben).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="163" />
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="21" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="486" />
      <source>Object heights (nDSM)</source>
      <translation>Objekthöhen (nDOM)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="157" />
      <source>Ohne Klasse</source>
      <translation>Ohne Klasse</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="155" />
      <source>Only inside these polygons, e.g. a district (optional)</source>
      <translation>Nur innerhalb dieser Polygone, z. B. eines Stadtbezirks (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="63" />
      <source>Only the selected polygons</source>
      <translation>Nur die ausgewählten Polygone</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/demo.py" line="301" />
      <source>Orthophoto (demo WMS)</source>
      <translation>Orthophoto (Demo-WMS)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="20" />
      <source>Orthophoto (from the city profile)</source>
      <translation>Orthophoto (aus dem Stadtprofil)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/styles.py" line="45" />
      <source>Other</source>
      <translation>Sonstige</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/panorama_dock.py" line="34" />
      <location filename="../plugins/hamm_twin/gui/panorama_dock.py" line="41" />
      <source>Panorama</source>
      <translation>Panorama</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="522" />
      <source>Panorama index (CSV, JSON, GeoJSON)</source>
      <translation>Panorama-Index (CSV, JSON, GeoJSON)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="47" />
      <source>Panorama viewer (click on the map)</source>
      <translation>Panorama-Betrachter (Klick in die Karte)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/panorama_dock.py" line="72" />
      <source>Panorama {name} ({time})</source>
      <translation>Panorama {name} ({time})</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/panoramas.py" line="96" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="507" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="531" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="532" />
      <source>Panoramas</source>
      <translation>Panoramen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/demo.py" line="365" />
      <source>Panoramas (demo)</source>
      <translation>Panoramen (Demo)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="55" />
      <source>Parkhaus</source>
      <translation>Parkhaus</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="184" />
      <source>Point cloud</source>
      <translation>Punktwolke</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="22" />
      <source>Point cloud (EPT; LAS/LAZ where QGIS has PDAL)</source>
      <translation>Punktwolke (EPT; LAS/LAZ wo QGIS PDAL hat)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="423" />
      <source>Point cloud (ept.json or its URL, LAS, LAZ, COPC)</source>
      <translation>Punktwolke (ept.json oder deren URL, LAS, LAZ, COPC)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="433" />
      <source>Point cloud source</source>
      <translation>Quelle der Punktwolke</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="462" />
      <source>Point cloud with {n} points ({crs}).</source>
      <translation>Punktwolke mit {n} Punkten ({crs}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="424" />
      <source>Point clouds</source>
      <translation>Punktwolken</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="434" />
      <source>Points</source>
      <translation>Punkte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="77" />
      <source>Polizei</source>
      <translation>Polizei</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="265" />
      <source>PostgreSQL connection (saved name or connection string)</source>
      <translation>PostgreSQL-Verbindung (gespeicherter Name oder Verbindungszeichenkette)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="49" />
      <source>Produktionsgebäude</source>
      <translation>Produktionsgebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="17" />
      <source>Pultdach</source>
      <translation>Pultdach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="113" />
      <source>QGIS cannot open the point cloud {source}: the data is damaged, incomplete or not reachable.</source>
      <translation>QGIS kann die Punktwolke {source} nicht öffnen: Die Daten sind beschädigt, unvollständig oder nicht erreichbar.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="160" />
      <source>Rail</source>
      <translation>Schiene</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="140" />
      <source>Rampe</source>
      <translation>Rampe</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="161" />
      <source>Road surface</source>
      <translation>Straßenoberfläche</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/styles.py" line="41" />
      <source>Roof</source>
      <translation>Dach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/panorama_view.py" line="105" />
      <source>S</source>
      <translation>S</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="19" />
      <source>Satteldach</source>
      <translation>Satteldach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="267" />
      <source>Schema</source>
      <translation>Schema</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="101" />
      <source>Schloss-, Burgturm</source>
      <translation>Schloss-, Burgturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="111" />
      <source>Schornstein</source>
      <translation>Schornstein</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="62" />
      <source>Schuppen</source>
      <translation>Schuppen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="131" />
      <source>Schwimmbecken</source>
      <translation>Schwimmbecken</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="97" />
      <source>Sende-, Funkturm, Fernmeldeturm</source>
      <translation>Sende-, Funkturm, Fernmeldeturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="26" />
      <source>Sheddach</source>
      <translation>Sheddach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="119" />
      <source>Silo</source>
      <translation>Silo</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="109" />
      <source>Solarzellen</source>
      <translation>Solarzellen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="30" />
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="103" />
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="116" />
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="125" />
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="133" />
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="145" />
      <source>Sonstiges</source>
      <translation>Sonstiges</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="80" />
      <source>Sport-, Turnhalle</source>
      <translation>Sport-, Turnhalle</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="130" />
      <source>Stadion</source>
      <translation>Stadion</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="98" />
      <source>Stadt-, Torturm</source>
      <translation>Stadt-, Torturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="349" />
      <source>Surface model (DSM/nDSM) from LAS points</source>
      <translation>Oberflächenmodell (DOM/nDOM) aus LAS-Punkten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="35" />
      <source>Surface model from LAS…</source>
      <translation>Oberflächenmodell aus LAS…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="160" />
      <source>Surfaces imported</source>
      <translation>Importierte Flächen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="123" />
      <source>Tank</source>
      <translation>Tank</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="51" />
      <source>Tankstelle</source>
      <translation>Tankstelle</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="162" />
      <location filename="../plugins/hamm_twin/gui/load_dialog.py" line="19" />
      <source>Terrain (DGM)</source>
      <translation>Gelände (DGM)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="372" />
      <source>Terrain (DGM) for the nDSM (optional)</source>
      <translation>Gelände (DGM) für das nDOM (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="316" />
      <source>Terrain VRT</source>
      <translation>Gelände-VRT</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="342" />
      <source>Terrain VRT over {n} tiles written.</source>
      <translation>Gelände-VRT über {n} Kacheln geschrieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="303" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="351" />
      <location filename="../plugins/hamm_twin/processing/provider.py" line="409" />
      <source>Terrain and surface models</source>
      <translation>Gelände- und Oberflächenmodelle</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="301" />
      <source>Terrain from DGM tiles (VRT + hillshade)</source>
      <translation>Gelände aus DGM-Kacheln (VRT + Schummerung)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="32" />
      <source>Terrain from DGM tiles…</source>
      <translation>Gelände aus DGM-Kacheln…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="141" />
      <source>Terrasse</source>
      <translation>Terrasse</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/panoramas.py" line="73" />
      <source>The CRS EPSG:{epsg} of the panorama index is unknown.</source>
      <translation>Das KBS EPSG:{epsg} des Panorama-Index ist unbekannt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/store.py" line="731" />
      <location filename="../plugins/hamm_twin/adapters/store.py" line="403" />
      <source>The GeoPackage {path} cannot be opened for writing ({error}).</source>
      <translation>Das GeoPackage {path} kann nicht zum Schreiben geöffnet werden ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/store.py" line="734" />
      <source>The GeoPackage {path} cannot be opened for writing.</source>
      <translation>Das GeoPackage {path} kann nicht zum Schreiben geöffnet werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/store.py" line="986" />
      <source>The LoD2 import was started again inside one of its own worker processes: a Python script must call it under 'if __name__ == "__main__":' (the workers run the script once more).</source>
      <translation>Der LoD2-Import wurde in einem seiner eigenen Arbeitsprozesse erneut gestartet: Ein Python-Skript muss ihn unter 'if __name__ == "__main__":' aufrufen (die Arbeitsprozesse führen das Skript noch einmal aus).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="133" />
      <source>The PostGIS table of the last import cannot be read: is the database reachable?</source>
      <translation>Die PostGIS-Tabelle des letzten Imports kann nicht gelesen werden: Ist die Datenbank erreichbar?</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/store.py" line="957" />
      <source>The SQLite of this Python has no R-tree module: the GeoPackage is written through GDAL instead (slower, same result).</source>
      <translation>Das SQLite dieses Python hat kein R-Baum-Modul: Das GeoPackage wird stattdessen über GDAL geschrieben (langsamer, gleiches Ergebnis).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/rasters.py" line="78" />
      <source>The VRT {path} could not be built.</source>
      <translation>Das VRT {path} konnte nicht erstellt werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="122" />
      <source>The area layer has no polygons (inside the extent): nothing would be imported. Choose polygons, e.g. a district.</source>
      <translation>Der Gebietslayer enthält (im Ausschnitt) keine Polygone: Es würde nichts importiert. Wählen Sie Polygone, z. B. einen Stadtbezirk.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="153" />
      <source>The building layer in {path} cannot be read.</source>
      <translation>Der Gebäudelayer in {path} kann nicht gelesen werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/rasters.py" line="132" />
      <source>The cell size must be greater than 0.</source>
      <translation>Die Zellengröße muss größer als 0 sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="103" />
      <source>The chosen layer has no polygons: nothing to load.</source>
      <translation>Der gewählte Layer enthält keine Polygone: Es wird nichts geladen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/citygml.py" line="330" />
      <location filename="../plugins/hamm_twin/logic/cityjson.py" line="192" />
      <location filename="../plugins/hamm_twin/logic/las.py" line="37" />
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="277" />
      <source>The file {path} cannot be read ({error}).</source>
      <translation>Die Datei {path} kann nicht gelesen werden ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/citygml.py" line="333" />
      <location filename="../plugins/hamm_twin/logic/citygml.py" line="579" />
      <location filename="../plugins/hamm_twin/logic/cityjson.py" line="195" />
      <source>The file {path} is empty.</source>
      <translation>Die Datei {path} ist leer.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/rasters.py" line="88" />
      <source>The hillshade of {path} could not be computed.</source>
      <translation>Die Schummerung von {path} konnte nicht berechnet werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/store.py" line="466" />
      <source>The layer {layer} in {path} has another coordinate system or geometry type than this plugin writes (EPSG:{epsg}). Choose another GeoPackage.</source>
      <translation>Der Layer {layer} in {path} hat ein anderes Koordinatensystem oder einen anderen Geometrietyp, als diese Erweiterung schreibt (EPSG:{epsg}). Bitte ein anderes GeoPackage wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/store.py" line="457" />
      <source>The layer {layer} in {path} is not a building layer of this plugin (fields missing: {fields}). Choose another GeoPackage.</source>
      <translation>Der Layer {layer} in {path} ist kein Gebäudelayer dieses Plugins (fehlende Felder: {fields}). Bitte ein anderes GeoPackage wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/panoramas.py" line="130" />
      <source>The panorama has no image.</source>
      <translation>Das Panorama hat kein Bild.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/panoramas.py" line="140" />
      <source>The panorama image at {url} is not an image QGIS can read.</source>
      <translation>Das Panoramabild unter {url} ist kein Bild, das QGIS lesen kann.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/panoramas.py" line="145" />
      <source>The panorama image {path} does not exist (moved or not copied?).</source>
      <translation>Das Panoramabild {path} existiert nicht (verschoben oder nicht kopiert?).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/panoramas.py" line="149" />
      <source>The panorama image {path} is not an image QGIS can read.</source>
      <translation>Das Panoramabild {path} ist kein Bild, das QGIS lesen kann.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="126" />
      <source>The point cloud {name} is in {crs}, not in EPSG:25832: QGIS reprojects it on the fly for the map; measurements and the DSM derivation expect EPSG:25832.</source>
      <translation>Die Punktwolke {name} liegt in {crs} vor, nicht in EPSG:25832: QGIS projiziert sie für die Karte beim Zeichnen um; Messungen und die DOM-Ableitung erwarten EPSG:25832.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="122" />
      <source>The point cloud {name} names no coordinate reference system: it is assumed to be in EPSG:25832.</source>
      <translation>Die Punktwolke {name} nennt kein Koordinatenbezugssystem: Es wird EPSG:25832 angenommen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="88" />
      <location filename="../plugins/hamm_twin/logic/ept.py" line="190" />
      <source>The point cloud {path} does not exist.</source>
      <translation>Die Punktwolke {path} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/rasters.py" line="140" />
      <source>The raster would have {n} cells; choose a larger cell size or a smaller area.</source>
      <translation>Das Raster hätte {n} Zellen; eine größere Zellengröße oder ein kleineres Gebiet wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/plugin.py" line="128" />
      <source>The rectangle is empty: nothing loaded.</source>
      <translation>Das Rechteck ist leer: nichts geladen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pg_store.py" line="108" />
      <source>The table {table} in the schema {schema} is not a building table of this plugin (columns missing: {fields}). Choose another schema.</source>
      <translation>Die Tabelle {table} im Schema {schema} ist keine Gebäudetabelle dieses Plugins (fehlende Spalten: {fields}). Wählen Sie ein anderes Schema.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="37" />
      <source>This QGIS ({version}) cannot show LAS/LAZ/COPC point clouds natively: it was built without PDAL (point cloud provider 'pdal' missing). Derive a surface model instead: 'Surface model from LAS' computes a DSM and an nDSM (object heights) from {file}; or convert the points to EPT, which this QGIS can show.</source>
      <translation>Dieses QGIS ({version}) kann LAS/LAZ/COPC-Punktwolken nicht direkt anzeigen: Es wurde ohne PDAL gebaut (der Punktwolken-Datenanbieter „pdal“ fehlt). Leiten Sie stattdessen ein Oberflächenmodell ab: „Oberflächenmodell aus LAS“ berechnet aus {file} ein DOM und ein nDOM (Objekthöhen); oder wandeln Sie die Punkte in EPT um, das dieses QGIS anzeigen kann.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="99" />
      <source>This QGIS has no EPT point cloud provider (QGIS 3.18 or newer is needed).</source>
      <translation>Dieses QGIS hat keinen EPT-Punktwolken-Datenanbieter (QGIS 3.18 oder neuer wird benötigt).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="57" />
      <source>Tiefgarage</source>
      <translation>Tiefgarage</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="162" />
      <source>Transmission tower</source>
      <translation>Freileitungsmast</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="138" />
      <source>Treppe</source>
      <translation>Treppe</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="28" />
      <source>Turmdach</source>
      <translation>Turmdach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="59" />
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="114" />
      <source>Umformer</source>
      <translation>Umformer</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="158" />
      <source>Unclassified</source>
      <translation>Nicht klassifiziert</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="18" />
      <source>Versetztes Pultdach</source>
      <translation>Versetztes Pultdach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="64" />
      <source>Verwaltungsgebäude</source>
      <translation>Verwaltungsgebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/gui/panorama_view.py" line="105" />
      <source>W</source>
      <translation>W</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/styles.py" line="41" />
      <source>Wall</source>
      <translation>Wand</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="20" />
      <source>Walmdach</source>
      <translation>Walmdach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="152" />
      <source>Wand</source>
      <translation>Wand</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="90" />
      <source>Wasserturm</source>
      <translation>Wasserturm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="160" />
      <source>Water</source>
      <translation>Wasser</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="428" />
      <source>Where QGIS cannot show LAS/LAZ: derive DSM and nDSM instead</source>
      <translation>Wo QGIS LAS/LAZ nicht anzeigen kann: stattdessen DOM und nDOM ableiten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="108" />
      <source>Windrad</source>
      <translation>Windrad</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="162" />
      <source>Wire – conductor (phase)</source>
      <translation>Leitung – Leiterseil (Phase)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="161" />
      <source>Wire – guard (shield)</source>
      <translation>Leitung – Erdseil</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="163" />
      <source>Wire-structure connector (insulator)</source>
      <translation>Leitungsverbinder (Isolator)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="34" />
      <source>Wohngebäude</source>
      <translation>Wohngebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="39" />
      <source>Wohngebäude mit Gewerbe und Industrie</source>
      <translation>Wohngebäude mit Gewerbe und Industrie</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="38" />
      <source>Wohngebäude mit Handel und Dienstleistungen</source>
      <translation>Wohngebäude mit Handel und Dienstleistungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="35" />
      <source>Wohnhaus</source>
      <translation>Wohnhaus</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="36" />
      <source>Wohnheim</source>
      <translation>Wohnheim</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/store.py" line="601" />
      <location filename="../plugins/hamm_twin/adapters/store.py" line="930" />
      <source>Writing to the GeoPackage {path} failed ({error}).</source>
      <translation>Das Schreiben in das GeoPackage {path} ist fehlgeschlagen ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="23" />
      <source>Zeltdach</source>
      <translation>Zeltdach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="129" />
      <source>Zuschauertribüne, nicht überdacht</source>
      <translation>Zuschauertribüne, nicht überdacht</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="128" />
      <source>Zuschauertribüne, überdacht</source>
      <translation>Zuschauertribüne, überdacht</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/jpegmeta.py" line="42" />
      <source>broken marker at byte {pos}</source>
      <translation>defekte Markierung bei Byte {pos}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="266" />
      <source>entry {n}</source>
      <translation>Eintrag {n}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="146" />
      <source>image (path or URL)</source>
      <translation>Bild (Pfad oder URL)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="375" />
      <source>nDSM (object heights)</source>
      <translation>nDOM (Objekthöhen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/jpegmeta.py" line="37" />
      <location filename="../plugins/hamm_twin/logic/jpegmeta.py" line="264" />
      <location filename="../plugins/hamm_twin/logic/jpegmeta.py" line="219" />
      <source>not a JPEG (no SOI marker)</source>
      <translation>kein JPEG (keine SOI-Markierung)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="148" />
      <source>position (x/y or lon/lat)</source>
      <translation>Position (x/y oder lon/lat)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="205" />
      <source>row {n}</source>
      <translation>Zeile {n}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="202" />
      <source>row {n}: wrong number of fields; row skipped.</source>
      <translation>Zeile {n}: falsche Anzahl von Feldern; Zeile übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/jpegmeta.py" line="54" />
      <source>segment at byte {pos} runs past the end</source>
      <translation>Segment bei Byte {pos} reicht über das Ende hinaus</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/jpegmeta.py" line="227" />
      <source>segment runs past the end of the file</source>
      <translation>Segment reicht über das Dateiende hinaus</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="199" />
      <source>{file} has more than {n} rows.</source>
      <translation>{file} hat mehr als {n} Zeilen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/xyz.py" line="24" />
      <location filename="../plugins/hamm_twin/logic/xyz.py" line="29" />
      <source>{file} holds too few points for a grid.</source>
      <translation>{file} enthält zu wenige Punkte für ein Gitter.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/rasters.py" line="113" />
      <source>{file} is LAZ (compressed). This QGIS has no LAZ reader: convert the file to LAS (e.g. with las2las or PDAL) or install laspy with lazrs.</source>
      <translation>{file} ist LAZ (komprimiert). Dieses QGIS hat keinen LAZ-Leser: die Datei in LAS umwandeln (z. B. mit las2las oder PDAL) oder laspy mit lazrs installieren.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/las.py" line="46" />
      <source>{file} is compressed (LAZ). Install a LAZ reader (laspy with lazrs) or convert it to LAS.</source>
      <translation>{file} ist komprimiert (LAZ). Einen LAZ-Leser installieren (laspy mit lazrs) oder die Datei in LAS umwandeln.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="190" />
      <source>{file} is empty.</source>
      <translation>{file} ist leer.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/citygml.py" line="352" />
      <location filename="../plugins/hamm_twin/logic/cityjson.py" line="142" />
      <source>{file} is in the CRS {crs} (EPSG:{code}); the import expects EPSG:{expected}. Reproject the file first or choose the matching tiles.</source>
      <translation>{file} liegt im KBS {crs} (EPSG:{code}); der Import erwartet EPSG:{expected}. Die Datei zuerst umprojizieren oder die passenden Kacheln wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="280" />
      <source>{file} is larger than 200 MB.</source>
      <translation>{file} ist größer als 200 MB.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/pointcloud.py" line="91" />
      <source>{file} is no point cloud this tool knows: choose an EPT dataset (ept.json) or a LAS, LAZ or COPC file.</source>
      <translation>{file} ist keine Punktwolke, die dieses Werkzeug kennt: Wählen Sie einen EPT-Datensatz (ept.json) oder eine LAS-, LAZ- oder COPC-Datei.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/citygml.py" line="342" />
      <source>{file} is not a CityGML document (root element {tag}). Choose CityGML 1.0, 2.0 or 3.0 files (CityModel).</source>
      <translation>{file} ist kein CityGML-Dokument (Wurzelelement {tag}). CityGML-1.0-, -2.0- oder -3.0-Dateien (CityModel) wählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/cityjson.py" line="223" />
      <source>{file} is not a CityJSON document ("type": "CityJSON" is missing).</source>
      <translation>{file} ist kein CityJSON-Dokument ("type": "CityJSON" fehlt).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/las.py" line="40" />
      <source>{file} is not a LAS file (the signature LASF is missing or the header is incomplete).</source>
      <translation>{file} ist keine LAS-Datei (die Kennung LASF fehlt oder der Kopf ist unvollständig).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/rasters.py" line="66" />
      <source>{file} is not a raster GDAL can read.</source>
      <translation>{file} ist kein Raster, das GDAL lesen kann.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="207" />
      <source>{file} is not a readable CSV file ({error}).</source>
      <translation>{file} ist keine lesbare CSV-Datei ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/xyz.py" line="33" />
      <source>{file} is not a regular grid with square cells.</source>
      <translation>{file} ist kein regelmäßiges Gitter mit quadratischen Zellen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/xyz.py" line="21" />
      <source>{file} is not an XYZ grid (x y z per line): {error}</source>
      <translation>{file} ist kein XYZ-Gitter (x y z je Zeile): {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/cityjson.py" line="152" />
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="219" />
      <source>{file} is not valid JSON ({error}).</source>
      <translation>{file} ist kein gültiges JSON ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/citygml.py" line="538" />
      <source>{file} is not valid XML or is truncated ({error}); {n} buildings read before the error were kept.</source>
      <translation>{file} ist kein gültiges XML oder abgeschnitten ({error}); {n} vor dem Fehler gelesene Gebäude wurden behalten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/las.py" line="64" />
      <source>{file} is truncated: the header announces {n} points, the file holds {m}.</source>
      <translation>{file} ist abgeschnitten: der Kopf kündigt {n} Punkte an, die Datei enthält {m}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/ept.py" line="212" />
      <source>{file}: '{key}' must be six numbers xmin, ymin, zmin, xmax, ymax, zmax.</source>
      <translation>{file}: „{key}“ muss aus sechs Zahlen xmin, ymin, zmin, xmax, ymax, zmax bestehen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/cityjson.py" line="159" />
      <source>{file}: CityObjects is not an object.</source>
      <translation>{file}: CityObjects ist kein Objekt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/ept.py" line="196" />
      <source>{file}: ept.json is not valid JSON ({error}).</source>
      <translation>{file}: ept.json ist kein gültiges JSON ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/ept.py" line="204" />
      <source>{file}: ept.json lacks the entries {keys} required by the EPT specification.</source>
      <translation>{file}: In ept.json fehlen die von der EPT-Spezifikation verlangten Einträge {keys}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/ept.py" line="199" />
      <source>{file}: ept.json must hold a JSON object.</source>
      <translation>{file}: ept.json muss ein JSON-Objekt enthalten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="299" />
      <source>{file}: no GPS position in the image tags; skipped.</source>
      <translation>{file}: keine GPS-Position in den Bildmetadaten; übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="248" />
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="254" />
      <source>{file}: no list of panoramas found (expected a list, {{"panoramas": [...]}} or a GeoJSON FeatureCollection).</source>
      <translation>{file}: keine Liste von Panoramen gefunden (erwartet: eine Liste, {{"panoramas": [...]}} oder eine GeoJSON-FeatureCollection).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/panoramas.py" line="67" />
      <source>{file}: not a readable JPEG ({error}).</source>
      <translation>{file}: kein lesbares JPEG ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="303" />
      <source>{file}: projection {p} is not equirectangular; skipped.</source>
      <translation>{file}: Die Projektion {p} ist nicht equirektangular; übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="244" />
      <source>{file}: the CRS {crs} is unknown.</source>
      <translation>{file}: Das KBS {crs} ist unbekannt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/las.py" line="58" />
      <source>{file}: the LAS header is invalid (point format {fmt}, record length {length}).</source>
      <translation>{file}: der LAS-Kopf ist ungültig (Punktformat {fmt}, Satzlänge {length}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/ept.py" line="232" />
      <source>{file}: the hierarchy ept-hierarchy/0-0-0-0.json is missing.</source>
      <translation>{file}: Die Hierarchie ept-hierarchy/0-0-0-0.json fehlt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/ept.py" line="238" />
      <source>{file}: the hierarchy ept-hierarchy/0-0-0-0.json is not valid JSON ({error}).</source>
      <translation>{file}: Die Hierarchie ept-hierarchy/0-0-0-0.json ist kein gültiges JSON ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="150" />
      <source>{file}: the panorama index lacks the columns {columns} (found: {found}).</source>
      <translation>{file}: Dem Panorama-Index fehlen die Spalten {columns} (gefunden: {found}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/ept.py" line="250" />
      <source>{file}: the point data ept-data/0-0-0-0.bin is truncated ({size} of {need} bytes).</source>
      <translation>{file}: Die Punktdaten ept-data/0-0-0-0.bin sind abgeschnitten ({size} von {need} Bytes).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/ept.py" line="245" />
      <source>{file}: the point data ept-data/0-0-0-0{suffix} is missing.</source>
      <translation>{file}: Die Punktdaten ept-data/0-0-0-0{suffix} fehlen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/ept.py" line="223" />
      <source>{file}: the schema of ept.json needs the dimensions X, Y and Z with a type and size of the EPT specification.</source>
      <translation>{file}: Das Schema in ept.json braucht die Dimensionen X, Y und Z mit einem Typ und einer Größe nach der EPT-Spezifikation.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/cityjson.py" line="32" />
      <source>{file}: the vertices are not a list of x, y, z triples.</source>
      <translation>{file}: die Stützpunkte sind keine Liste von x-, y-, z-Tripeln.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/ept.py" line="227" />
      <source>{file}: unknown dataType '{type}' (binary, laszip or zstandard).</source>
      <translation>{file}: unbekannter dataType „{type}“ (binary, laszip oder zstandard).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="173" />
      <source>{file}: {error}</source>
      <translation>{file}: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="168" />
      <source>{file}: {where} has the position {x}, {y}, impossible in EPSG:{epsg}. Is the CRS of the index right?</source>
      <translation>{file}: {where} hat die Position {x}, {y}, die in EPSG:{epsg} unmöglich ist. Stimmt das KBS des Index?</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/adapters/twin.py" line="170" />
      <source>{name}: no raster available yet.</source>
      <translation>{name}: noch kein Raster vorhanden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="192" />
      <source>{n} buildings with {s} surfaces imported ({new} new, {upd} replaced); {out} outside the area, {dup} duplicates skipped.</source>
      <translation>{n} Gebäude mit {s} Flächen importiert ({new} neu, {upd} ersetzt); {out} außerhalb des Gebiets, {dup} Duplikate übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="263" />
      <source>{n} entries are not objects and were skipped.</source>
      <translation>{n} Einträge sind keine Objekte und wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="567" />
      <source>{n} panoramas, {m} images missing.</source>
      <translation>{n} Panoramen, {m} Bilder fehlen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="395" />
      <source>{n} points gridded into {c} x {r} cells.</source>
      <translation>{n} Punkte in {c} x {r} Zellen gerastert.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/citygml.py" line="139" />
      <source>{where}: a polygon has no usable coordinates (missing or broken posList) and was skipped.</source>
      <translation>{where}: ein Polygon hat keine verwendbaren Koordinaten (posList fehlt oder ist defekt) und wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/cityjson.py" line="88" />
      <source>{where}: a ring refers to missing vertices and was skipped.</source>
      <translation>{where}: ein Ring verweist auf fehlende Stützpunkte und wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="161" />
      <source>{where}: no image given; row skipped.</source>
      <translation>{where}: kein Bild angegeben; übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="173" />
      <source>{where}: the heading is not a number; 0° (north) is used.</source>
      <translation>{where}: Die Blickrichtung ist keine Zahl; 0° (Norden) wird verwendet.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="178" />
      <source>{where}: the image {image} does not exist.</source>
      <translation>{where}: Das Bild {image} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/panorama.py" line="164" />
      <source>{where}: the position is missing or not a number; row skipped.</source>
      <translation>{where}: Die Position fehlt oder ist keine Zahl; übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/logic/codelists.py" line="136" />
      <source>Überdachung</source>
      <translation>Überdachung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_twin/processing/provider.py" line="190" />
      <source>… and {n} more problems.</source>
      <translation>… und {n} weitere Probleme.</translation>
    </message>
  </context>
</TS>

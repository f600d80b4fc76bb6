<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_core</name>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="143" />
      <source>'crs' must be an EPSG code such as EPSG:25832.</source>
      <translation>'crs' muss ein EPSG-Code wie EPSG:25832 sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="128" />
      <source>'extends' nests too deeply (a loop?).</source>
      <translation>'extends' ist zu tief verschachtelt (eine Schleife?).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="150" />
      <source>'extent' is empty or inverted.</source>
      <translation>'extent' ist leer oder vertauscht.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="148" />
      <source>'extent' must be four numbers: xmin, ymin, xmax, ymax.</source>
      <translation>'extent' muss aus vier Zahlen bestehen: xmin, ymin, xmax, ymax.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/tasks.py" line="25" />
      <source>'{task}' was cancelled.</source>
      <translation>'{task}' wurde abgebrochen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/postgis.py" line="55" />
      <source>'{}' is neither a saved PostgreSQL connection nor a connection string (dbname=... host=...).</source>
      <translation>„{}“ ist weder eine gespeicherte PostgreSQL-Verbindung noch eine Verbindungszeichenkette (dbname=... host=...).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/plugin.py" line="30" />
      <location filename="../plugins/hamm_core/plugin.py" line="69" />
      <source>About Digitales Hamm</source>
      <translation>Über Digitales Hamm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/plugin_base.py" line="59" />
      <source>About this plugin</source>
      <translation>Über dieses Plugin</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/http.py" line="73" />
      <source>Access to {url} was denied (HTTP {status}). Check the authentication configuration (authcfg) for this service in the QGIS settings.</source>
      <translation>Der Zugriff auf {url} wurde verweigert (HTTP {status}). Prüfen Sie die Authentifizierungskonfiguration (authcfg) für diesen Dienst in den QGIS-Einstellungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/catalog_dialog.py" line="35" />
      <source>Add a service from the catalog</source>
      <translation>Dienst aus dem Katalog hinzufügen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/catalog_dialog.py" line="48" />
      <source>Add layers</source>
      <translation>Layer hinzufügen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/plugin.py" line="26" />
      <source>Add service from catalog…</source>
      <translation>Dienst aus dem Katalog hinzufügen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/plugin.py" line="49" />
      <source>Choose a city profile</source>
      <translation>Stadtprofil auswählen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/processing/provider.py" line="28" />
      <source>City districts (from the city profile)</source>
      <translation>Stadtbezirke (aus dem Stadtprofil)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/options_page.py" line="24" />
      <location filename="../plugins/hamm_core/processing/provider.py" line="30" />
      <source>City profile</source>
      <translation>Stadtprofil</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/plugin.py" line="50" />
      <source>City profile (*.json)</source>
      <translation>Stadtprofil (*.json)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/processing/provider.py" line="39" />
      <source>City profile (JSON); empty = active profile</source>
      <translation>Stadtprofil (JSON); leer = aktives Profil</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/options_page.py" line="55" />
      <location filename="../plugins/hamm_core/plugin.py" line="58" />
      <source>City profile {name} is now active.</source>
      <translation>Das Stadtprofil {name} ist jetzt aktiv.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/catalog_dialog.py" line="38" />
      <source>City profile: {name} ({crs})</source>
      <translation>Stadtprofil: {name} ({crs})</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/plugin.py" line="28" />
      <source>City profile…</source>
      <translation>Stadtprofil…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/plugin.py" line="22" />
      <source>Core</source>
      <translation>Kern</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/postgis.py" line="65" />
      <location filename="../plugins/hamm_core/adapters/postgis.py" line="77" />
      <source>Could not connect to PostgreSQL: {}</source>
      <translation>Keine Verbindung zu PostgreSQL: {}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/http.py" line="122" />
      <source>Could not connect to {url} ({detail}). Check the address, the network and the proxy settings.</source>
      <translation>Keine Verbindung zu {url} ({detail}). Prüfen Sie die Adresse, das Netzwerk und die Proxy-Einstellungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/postgis.py" line="100" />
      <source>Could not create the schema {}: {}</source>
      <translation>Das Schema {} konnte nicht angelegt werden: {}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/catalog_dialog.py" line="121" />
      <location filename="../plugins/hamm_core/gui/menu.py" line="33" />
      <location filename="../plugins/hamm_core/gui/menu.py" line="58" />
      <location filename="../plugins/hamm_core/gui/options_page.py" line="66" />
      <location filename="../plugins/hamm_core/processing/provider.py" line="80" />
      <source>Digitales Hamm</source>
      <translation>Digitales Hamm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/processing/provider.py" line="64" />
      <source>District {name}: the geometry is not valid WKT and was left empty.</source>
      <translation>Bezirk {name}: Die Geometrie ist kein gültiges WKT und wurde leer gelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/processing/provider.py" line="42" />
      <source>Districts</source>
      <translation>Stadtbezirke</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/catalog_dialog.py" line="44" />
      <source>Fetch layer list</source>
      <translation>Layerliste abrufen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/catalog_dialog.py" line="100" />
      <source>Fetching capabilities of {service}</source>
      <translation>Capabilities von {service} werden abgerufen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/options_page.py" line="38" />
      <source>Largest response</source>
      <translation>Größte erlaubte Antwort</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/options_page.py" line="29" />
      <source>Network timeout</source>
      <translation>Zeitlimit für Netzwerkanfragen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/postgis.py" line="50" />
      <source>No PostgreSQL connection given.</source>
      <translation>Keine PostgreSQL-Verbindung angegeben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/options_page.py" line="22" />
      <source>Path of the city profile (JSON). Empty: the shipped Hamm profile or the administrator's profile.json.</source>
      <translation>Pfad des Stadtprofils (JSON). Leer: das mitgelieferte Hamm-Profil oder die profile.json der Administration.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/plugin.py" line="70" />
      <source>QGIS plugin suite for the digital city of Hamm: digital twin, sensors, mobility, cool places, traffic-light detection zones and LoRaWAN.

City profile: {city}
Profile file: {path}</source>
      <translation>QGIS-Plugin-Suite für die digitale Stadt Hamm: Digitaler Zwilling, Sensoren, Mobilität, kühle Orte, Detektionszonen an Lichtsignalanlagen und LoRaWAN.

Stadtprofil: {city}
Profildatei: {path}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/options_page.py" line="33" />
      <source>Retries for GET requests</source>
      <translation>Wiederholungen bei GET-Anfragen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/catalog_dialog.py" line="84" />
      <source>Select a service first.</source>
      <translation>Wählen Sie zuerst einen Dienst aus.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/catalog_dialog.py" line="42" />
      <source>Service / layer</source>
      <translation>Dienst / Layer</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/capabilities.py" line="102" />
      <source>The Python package owslib is missing; QGIS normally ships it. Reinstall QGIS or install owslib.</source>
      <translation>Das Python-Paket owslib fehlt; QGIS bringt es normalerweise mit. Installieren Sie QGIS neu oder installieren Sie owslib.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/safexml.py" line="26" />
      <source>The XML document from {source} was refused: it declares entities ({what}), which can be used to attack the computer. Ask the provider for a plain document.</source>
      <translation>Das XML-Dokument von {source} wurde abgelehnt: Es deklariert Entitäten ({what}), mit denen der Rechner angegriffen werden kann. Bitten Sie den Anbieter um ein einfaches Dokument.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/network.py" line="135" />
      <source>The authentication configuration '{id}' could not be applied. Is the master password set?</source>
      <translation>Die Authentifizierungskonfiguration '{id}' konnte nicht angewendet werden. Ist das Master-Passwort gesetzt?</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/network.py" line="127" />
      <source>The authentication configuration '{id}' does not exist in this QGIS profile. Create it under Settings &gt; Options &gt; Authentication.</source>
      <translation>Die Authentifizierungskonfiguration '{id}' gibt es in diesem QGIS-Profil nicht. Legen Sie sie unter Einstellungen &gt; Optionen &gt; Authentifizierung an.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="78" />
      <source>The city profile {source} is not usable: {what}</source>
      <translation>Das Stadtprofil {source} ist nicht verwendbar: {what}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/postgis.py" line="88" />
      <source>The database has no PostGIS extension: run CREATE EXTENSION postgis; as its owner.</source>
      <translation>Die Datenbank hat keine PostGIS-Erweiterung: als Eigentümer CREATE EXTENSION postgis; ausführen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/postgis.py" line="78" />
      <source>The database refused the request: {}</source>
      <translation>Die Datenbank hat die Anfrage abgelehnt: {}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/safexml.py" line="65" />
      <source>The document from {source} is empty or contains no XML element.</source>
      <translation>Das Dokument von {source} ist leer oder enthält kein XML-Element.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/jsonutil.py" line="24" />
      <source>The document from {source} is empty; JSON was expected.</source>
      <translation>Das Dokument von {source} ist leer; JSON wurde erwartet.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/jsonutil.py" line="19" />
      <source>The document from {source} is not UTF-8 text and cannot be read as JSON.</source>
      <translation>Das Dokument von {source} ist kein UTF-8-Text und kann nicht als JSON gelesen werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/capabilities.py" line="193" />
      <source>The document from {source} is not an OGC API Features collections list (the field 'collections' is missing).</source>
      <translation>Das Dokument von {source} ist keine Collection-Liste von OGC API Features (das Feld 'collections' fehlt).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/jsonutil.py" line="31" />
      <source>The document from {source} is not valid JSON (line {line}, column {col}: {error}).</source>
      <translation>Das Dokument von {source} ist kein gültiges JSON (Zeile {line}, Spalte {col}: {error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/safexml.py" line="60" />
      <location filename="../plugins/hamm_core/logic/safexml.py" line="82" />
      <source>The document from {source} is not valid XML ({error}).</source>
      <translation>Das Dokument von {source} ist kein gültiges XML ({error}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/jsonutil.py" line="47" />
      <source>The field '{key}' in the document from {source} has the wrong type (expected {kind}).</source>
      <translation>Das Feld '{key}' im Dokument von {source} hat den falschen Typ (erwartet: {kind}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/jsonutil.py" line="41" />
      <source>The field '{key}' is missing in the document from {source}.</source>
      <translation>Das Feld '{key}' fehlt im Dokument von {source}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/ogc.py" line="108" />
      <source>The layer '{layer}' of the {type} service {url} could not be loaded. Check the address, the layer name and the authentication.</source>
      <translation>Der Layer '{layer}' des {type}-Dienstes {url} konnte nicht geladen werden. Prüfen Sie Adresse, Layername und Authentifizierung.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/http.py" line="87" />
      <source>The request to {url} failed with HTTP {status}.</source>
      <translation>Die Anfrage an {url} ist mit HTTP {status} fehlgeschlagen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/http.py" line="115" />
      <source>The request to {url} was cancelled.</source>
      <translation>Die Anfrage an {url} wurde abgebrochen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/http.py" line="140" />
      <source>The request to {url} was redirected too often or to an unsafe address.</source>
      <translation>Die Anfrage an {url} wurde zu oft oder an eine unsichere Adresse umgeleitet.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/http.py" line="106" />
      <source>The response from {url} is larger than the allowed {mb} MB and was stopped. Choose a smaller area or raise the limit in the settings.</source>
      <translation>Die Antwort von {url} ist größer als die erlaubten {mb} MB und wurde abgebrochen. Wählen Sie ein kleineres Gebiet oder erhöhen Sie die Grenze in den Einstellungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/http.py" line="131" />
      <source>The secure connection to {url} failed ({detail}). Check the certificate settings in QGIS.</source>
      <translation>Die gesicherte Verbindung zu {url} ist fehlgeschlagen ({detail}). Prüfen Sie die Zertifikatseinstellungen in QGIS.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/http.py" line="97" />
      <source>The server at {url} did not answer within {seconds} s. Check the network or proxy settings, or try again later.</source>
      <translation>Der Server unter {url} hat nicht innerhalb von {seconds} s geantwortet. Prüfen Sie die Netzwerk- oder Proxy-Einstellungen oder versuchen Sie es später erneut.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/http.py" line="83" />
      <source>The server at {url} reported an internal error (HTTP {status}). Try again later or contact the service operator.</source>
      <translation>Der Server unter {url} hat einen internen Fehler gemeldet (HTTP {status}). Versuchen Sie es später erneut oder wenden Sie sich an den Betreiber des Dienstes.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/http.py" line="80" />
      <source>The server at {url} reports too many requests (HTTP 429). Try again later.</source>
      <translation>Der Server unter {url} meldet zu viele Anfragen (HTTP 429). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/capabilities.py" line="89" />
      <source>The service at {source} answered with an error: {text}</source>
      <translation>Der Dienst unter {source} hat mit einem Fehler geantwortet: {text}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/ogc.py" line="82" />
      <source>The service type {type} cannot be added as a layer.</source>
      <translation>Der Diensttyp {type} kann nicht als Layer hinzugefügt werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/postgis.py" line="117" />
      <source>The table {}.{} could not be opened as a layer.</source>
      <translation>Die Tabelle {}.{} konnte nicht als Layer geöffnet werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/postgis.py" line="137" />
      <source>The table {}.{} exists already; choose another name or allow replacing it.</source>
      <translation>Die Tabelle {}.{} existiert bereits; einen anderen Namen wählen oder das Ersetzen erlauben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/capabilities.py" line="63" />
      <source>The {type} capabilities from {source} could not be read ({error}). Is the address really a {type} service?</source>
      <translation>Die {type}-Capabilities von {source} konnten nicht gelesen werden ({error}). Ist die Adresse wirklich ein {type}-Dienst?</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/postgis.py" line="37" />
      <source>This QGIS has no PostgreSQL provider; PostGIS is not available.</source>
      <translation>Dieses QGIS hat keinen PostgreSQL-Provider; PostGIS ist nicht verfügbar.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/catalog_dialog.py" line="42" />
      <source>Type</source>
      <translation>Typ</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/capabilities.py" line="84" />
      <source>Unknown service type {type}.</source>
      <translation>Unbekannter Diensttyp {type}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/processing/provider.py" line="31" />
      <source>Writes the districts of the city profile as a polygon layer with their id and name, in the profile's CRS. Without a profile file the active profile is used (Hamm by default). Other tools use these districts for statistics per district.</source>
      <translation>Schreibt die Stadtbezirke des Stadtprofils als Polygonlayer mit ID und Name im KBS des Profils. Ohne Profildatei wird das aktive Profil verwendet (standardmäßig Hamm). Andere Werkzeuge nutzen diese Bezirke für Auswertungen je Bezirk.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/adapters/postgis.py" line="146" />
      <source>Writing {}.{} to PostGIS failed: {}</source>
      <translation>Schreiben von {}.{} nach PostGIS fehlgeschlagen: {}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="90" />
      <source>broken JSON at line {line}, column {col}.</source>
      <translation>fehlerhaftes JSON in Zeile {line}, Spalte {col}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="175" />
      <source>district no. {n} needs 'id' and 'name'.</source>
      <translation>Bezirk Nr. {n} braucht 'id' und 'name'.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="156" />
      <source>service no. {n} needs 'id', 'type' and 'url'.</source>
      <translation>Dienst Nr. {n} braucht 'id', 'type' und 'url'.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/plugin.py" line="65" />
      <source>services</source>
      <translation>Dienste</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="93" />
      <source>the document is not a JSON object.</source>
      <translation>das Dokument ist kein JSON-Objekt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="86" />
      <source>the file does not exist.</source>
      <translation>die Datei existiert nicht.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="140" />
      <source>the key '{key}' is missing.</source>
      <translation>der Schlüssel '{key}' fehlt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/profile.py" line="158" />
      <source>the service id '{id}' occurs twice.</source>
      <translation>die Dienst-ID '{id}' kommt doppelt vor.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/processing/provider.py" line="73" />
      <source>{n} districts of {city} written.</source>
      <translation>{n} Stadtbezirke von {city} geschrieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/catalog_dialog.py" line="124" />
      <source>{n} layers added.</source>
      <translation>{n} Layer hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/gui/catalog_dialog.py" line="97" />
      <source>{n} layers found in {service}.</source>
      <translation>{n} Layer in {service} gefunden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_core/logic/http.py" line="77" />
      <source>{url} was not found (HTTP 404). Check the address of the service.</source>
      <translation>{url} wurde nicht gefunden (HTTP 404). Prüfen Sie die Adresse des Dienstes.</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_sensors</name>
    <message>
      <location filename="../plugins/hamm_sensors/gui/live_dialog.py" line="23" />
      <source>Add live sensor layer</source>
      <translation>Live-Sensorlayer hinzufügen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="28" />
      <source>Add live sensor layer…</source>
      <translation>Live-Sensorlayer hinzufügen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/model.py" line="82" />
      <source>An entity from {source} has an id of an unknown type.</source>
      <translation>Ein Objekt von {source} hat eine ID unbekannten Typs.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/model.py" line="78" />
      <source>An entity from {source} has no @iot.id.</source>
      <translation>Ein Objekt von {source} hat keine @iot.id.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/model.py" line="90" />
      <source>An observation from {source} has no phenomenonTime.</source>
      <translation>Eine Beobachtung von {source} hat keine phenomenonTime.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/model.py" line="243" />
      <source>An observation from {source} has no result.</source>
      <translation>Eine Beobachtung von {source} hat kein Ergebnis.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/model.py" line="223" />
      <source>An observation from {source} is not a JSON object.</source>
      <translation>Eine Beobachtung von {source} ist kein JSON-Objekt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/live_dialog.py" line="35" />
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="76" />
      <source>Authentication</source>
      <translation>Authentifizierung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="142" />
      <source>Datastream {name} has no location and was left out.</source>
      <translation>Der Datenstrom {name} hat keinen Standort und wurde ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="38" />
      <source>Day</source>
      <translation>Tag</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="188" />
      <source>Digitales Hamm – Sensors</source>
      <translation>Digitales Hamm – Sensoren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="90" />
      <source>Districts (empty = city profile)</source>
      <translation>Bezirke (leer = Stadtprofil)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="82" />
      <source>End</source>
      <translation>Ende</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="15" />
      <source>Extreme heat</source>
      <translation>Extreme Hitze</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="16" />
      <source>Extreme heavy rain</source>
      <translation>Extremer Starkregen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="15" />
      <source>Heat</source>
      <translation>Hitze</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="16" />
      <source>Heavy rain</source>
      <translation>Starkregen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="38" />
      <source>Hour</source>
      <translation>Stunde</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="84" />
      <source>Interval</source>
      <translation>Intervall</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/live_dialog.py" line="37" />
      <source>MQTT broker (optional)</source>
      <translation>MQTT-Broker (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="93" />
      <source>Maximum observations per datastream</source>
      <translation>Höchstzahl Beobachtungen je Datenstrom</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="118" />
      <source>No SensorThings API given and the city profile names none.</source>
      <translation>Keine SensorThings API angegeben, und das Stadtprofil nennt keine.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="78" />
      <source>Observed property (name)</source>
      <translation>Beobachtete Größe (Name)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/client.py" line="169" />
      <source>Only the first {n} entities of {path} were read (the maximum set).</source>
      <translation>Nur die ersten {n} Objekte von {path} wurden gelesen (das eingestellte Maximum).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="62" />
      <source>Reads the observations of one observed property (e.g. air_temperature) from a SensorThings API for a period and aggregates them per district and hour or day: number of observations, stations, mean, minimum, maximum and the hours whose district mean reaches the threshold. Districts: a polygon layer or, when empty, the districts of the city profile. Stations outside every district are left out.</source>
      <translation>Liest die Beobachtungen einer beobachteten Größe (z. B. air_temperature) für einen Zeitraum aus einer SensorThings API und fasst sie je Bezirk und Stunde oder Tag zusammen: Anzahl der Beobachtungen, Stationen, Mittelwert, Minimum, Maximum und die Stunden, deren Bezirksmittel den Schwellenwert erreicht. Bezirke: ein Polygonlayer oder, wenn leer, die Bezirke des Stadtprofils. Stationen außerhalb aller Bezirke werden ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/live_dialog.py" line="36" />
      <source>Refresh every</source>
      <translation>Aktualisieren alle</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/adapters/live_layer.py" line="121" />
      <source>Refresh live sensor layer</source>
      <translation>Live-Sensorlayer aktualisieren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="59" />
      <source>Sensor data by district</source>
      <translation>Sensordaten nach Bezirken</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="30" />
      <source>Sensor data by district…</source>
      <translation>Sensordaten nach Bezirken…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/live_dialog.py" line="34" />
      <source>SensorThings API</source>
      <translation>SensorThings API</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="73" />
      <source>SensorThings API (service root, e.g. …/v1.1)</source>
      <translation>SensorThings API (Dienstwurzel, z. B. …/v1.1)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="15" />
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="61" />
      <source>Sensors</source>
      <translation>Sensoren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/adapters/live_layer.py" line="94" />
      <source>Sensors (live)</source>
      <translation>Sensoren (live)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="16" />
      <source>Shows the sensors of the urban data platform of Hamm live in QGIS: a layer with the latest value of every datastream of an OGC SensorThings API, refreshed on an interval and updated over MQTT, heat and heavy-rain warnings, and the Processing algorithm 'Sensor data by district'.</source>
      <translation>Zeigt die Sensoren der urbanen Datenplattform Hamm live in QGIS: ein Layer mit dem neuesten Wert jedes Datenstroms einer OGC SensorThings API, im Intervall aktualisiert und über MQTT nachgeführt, Hitze- und Starkregenwarnungen sowie der Processing-Algorithmus „Sensordaten nach Bezirken“.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="80" />
      <source>Start</source>
      <translation>Beginn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="148" />
      <source>Station {name} lies outside every district.</source>
      <translation>Die Station {name} liegt außerhalb aller Bezirke.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="96" />
      <source>Statistics per district</source>
      <translation>Statistik je Bezirk</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/live.py" line="92" />
      <source>The MQTT message on '{topic}' has no result.</source>
      <translation>Die MQTT-Nachricht auf „{topic}“ hat kein Ergebnis.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/live.py" line="88" />
      <source>The MQTT message on '{topic}' is not JSON.</source>
      <translation>Die MQTT-Nachricht auf „{topic}“ ist kein JSON.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/live.py" line="83" />
      <source>The MQTT topic '{topic}' is not a Datastream's Observations topic.</source>
      <translation>Das MQTT-Topic „{topic}“ ist kein Beobachtungs-Topic eines Datenstroms.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/client.py" line="56" />
      <source>The answer from {url} is not a SensorThings collection (no 'value' list).</source>
      <translation>Die Antwort von {url} ist keine SensorThings-Sammlung (keine Liste „value“).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/client.py" line="124" />
      <source>The next link of an expanded {nav} collection is unusable and the entity has no selfLink; the list stays incomplete.</source>
      <translation>Der Folgelink einer eingebetteten {nav}-Sammlung ist unbrauchbar und das Objekt hat keinen selfLink; die Liste bleibt unvollständig.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/client.py" line="84" />
      <source>The server repeats entities already read from {url}; paging stopped.</source>
      <translation>Der Server wiederholt bereits gelesene Objekte von {url}; das Blättern wurde beendet.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/client.py" line="73" />
      <source>The server's next link for {url} points back to a page already read; paging stopped.</source>
      <translation>Der Folgelink des Servers für {url} zeigt auf eine schon gelesene Seite zurück; das Blättern wurde beendet.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/model.py" line="94" />
      <location filename="../plugins/hamm_sensors/logic/model.py" line="111" />
      <source>The time '{text}' from {source} is not an ISO 8601 instant or interval.</source>
      <translation>Die Zeit „{text}“ von {source} ist kein ISO-8601-Zeitpunkt und kein Intervall.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="87" />
      <source>Threshold (hours at or above)</source>
      <translation>Schwellenwert (Stunden auf oder über)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="32" />
      <source>{label} at {station}: {value} (threshold {threshold})</source>
      <translation>{label} an {station}: {value} (Schwelle {threshold})</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="134" />
      <source>{n} datastreams of '{prop}' found.</source>
      <translation>{n} Datenströme von „{prop}“ gefunden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="157" />
      <source>{n} observations of {name} were unreadable and left out.</source>
      <translation>{n} Beobachtungen von {name} waren unlesbar und wurden ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="181" />
      <source>{n} rows written.</source>
      <translation>{n} Zeilen geschrieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/client.py" line="177" />
      <source>{url} is not the root of a SensorThings API (no list of entity sets).</source>
      <translation>{url} ist nicht die Wurzel einer SensorThings API (keine Liste der Objektmengen).</translation>
    </message>
  </context>
</TS>

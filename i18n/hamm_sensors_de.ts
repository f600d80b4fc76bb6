<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_sensors</name>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="125" />
      <source>A period ends before it starts.</source>
      <translation>Ein Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="109" />
      <source>A stored warning threshold of {prop} is not a number with a label.</source>
      <translation>Ein gespeicherter Warnschwellenwert für {prop} ist keine Zahl mit Bezeichnung.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/thresholds_dialog.py" line="30" />
      <source>A warning is shown once when a sensor's value reaches a threshold (value ≥ threshold); it ends when the value falls back below it.</source>
      <translation>Eine Warnung erscheint einmal, wenn der Wert eines Sensors einen Schwellenwert erreicht (Wert ≥ Schwellenwert); sie endet, wenn der Wert wieder darunter fällt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/live_dialog.py" line="23" />
      <source>Add live sensor layer</source>
      <translation>Live-Sensorlayer hinzufügen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="48" />
      <source>Add live sensor layer…</source>
      <translation>Live-Sensorlayer hinzufügen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/thresholds_dialog.py" line="40" />
      <source>Add row</source>
      <translation>Zeile hinzufügen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="112" />
      <source>Add selected as live layer</source>
      <translation>Auswahl als Live-Layer hinzufügen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/history_dialog.py" line="28" />
      <source>Add sensor history layer</source>
      <translation>Sensor-Verlaufslayer hinzufügen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="54" />
      <source>Add sensor history layer…</source>
      <translation>Sensor-Verlaufslayer hinzufügen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="97" />
      <source>After: end</source>
      <translation>Nachher: Ende</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="96" />
      <source>After: start</source>
      <translation>Nachher: Beginn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/demo.py" line="83" />
      <source>Air temperature (live)</source>
      <translation>Lufttemperatur (live)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/demo.py" line="89" />
      <source>Air temperature, last 24 hours</source>
      <translation>Lufttemperatur, letzte 24 Stunden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="89" />
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="164" />
      <source>All observed properties</source>
      <translation>Alle beobachteten Größen</translation>
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
      <location filename="../plugins/hamm_sensors/logic/model.py" line="99" />
      <source>An observation from {source} has no phenomenonTime.</source>
      <translation>Eine Beobachtung von {source} hat keine phenomenonTime.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/model.py" line="257" />
      <source>An observation from {source} has no result.</source>
      <translation>Eine Beobachtung von {source} hat kein Ergebnis.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/model.py" line="237" />
      <source>An observation from {source} is not a JSON object.</source>
      <translation>Eine Beobachtung von {source} ist kein JSON-Objekt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="95" />
      <source>Area</source>
      <translation>Gebiet</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="83" />
      <location filename="../plugins/hamm_sensors/gui/history_dialog.py" line="44" />
      <location filename="../plugins/hamm_sensors/gui/live_dialog.py" line="35" />
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="82" />
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="76" />
      <source>Authentication</source>
      <translation>Authentifizierung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="95" />
      <source>Before: end</source>
      <translation>Vorher: Ende</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="94" />
      <source>Before: start</source>
      <translation>Vorher: Beginn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="122" />
      <source>Both periods need a start and an end.</source>
      <translation>Beide Zeiträume brauchen einen Beginn und ein Ende.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="50" />
      <source>Browse SensorThings entities</source>
      <translation>SensorThings-Entitäten durchsuchen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="220" />
      <source>CSV files (*.csv)</source>
      <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="51" />
      <source>Check effect of a measure</source>
      <translation>Maßnahmenwirkung prüfen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="60" />
      <source>Check effect of a measure…</source>
      <translation>Maßnahmenwirkung prüfen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="54" />
      <source>Compares the stations near a climate adaptation measure (e.g. a green roof, trees, an unsealed square) with reference stations, before and after the measure, with the difference-in-differences method: for every station the change of its mean between the period before and the period after is computed; the effect is the mean change of the stations within the radius of the measure minus the mean change of the reference stations (all stations farther away, up to the maximum distance if one is given). A negative effect on air temperature means the measure cooled relative to the reference. The uncertainty comes from the spread of the station changes: standard error after Welch and a confidence interval with Student's t distribution (Welch-Satterthwaite degrees of freedom). With a single station on one side its variance is taken from the other side; with a single station on both sides no uncertainty can be given. Stations are the units: observations of one station are not independent. Outputs: a table with effect, standard error, interval and the numbers of stations, and a point layer of the stations with their group, means and change.</source>
      <translation>Vergleicht die Stationen in der Nähe einer Klimaanpassungsmaßnahme (z. B. Gründach, Bäume, entsiegelter Platz) vor und nach der Maßnahme mit Referenzstationen, nach der Differenz-von-Differenzen-Methode (Difference-in-Differences): Für jede Station wird die Änderung ihres Mittelwerts zwischen dem Zeitraum vorher und dem Zeitraum nachher berechnet; die Wirkung ist die mittlere Änderung der Stationen im Umkreis der Maßnahme minus die mittlere Änderung der Referenzstationen (alle weiter entfernten Stationen, bis zur Höchstentfernung, falls angegeben). Eine negative Wirkung auf die Lufttemperatur bedeutet, dass die Maßnahme gegenüber der Referenz gekühlt hat. Die Unsicherheit ergibt sich aus der Streuung der Stationsänderungen: Standardfehler nach Welch und ein Konfidenzintervall mit der t-Verteilung nach Student (Freiheitsgrade nach Welch-Satterthwaite). Gibt es auf einer Seite nur eine Station, wird ihre Varianz von der anderen Seite übernommen; mit je nur einer Station auf beiden Seiten lässt sich keine Unsicherheit angeben. Die Stationen sind die Einheiten: Beobachtungen derselben Station sind nicht unabhängig. Ausgaben: eine Tabelle mit Wirkung, Standardfehler, Intervall und Anzahl der Stationen sowie ein Punktlayer der Stationen mit Gruppe, Mittelwerten und Änderung.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="100" />
      <source>Confidence level (%)</source>
      <translation>Konfidenzniveau (%)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="76" />
      <source>Connect</source>
      <translation>Verbinden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="109" />
      <source>Connect to a SensorThings API to browse its entities.</source>
      <translation>Mit einer SensorThings API verbinden, um ihre Entitäten zu durchsuchen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="229" />
      <source>Could not write {path}: {error}</source>
      <translation>{path} konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="168" />
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="142" />
      <source>Datastream {name} has no location and was left out.</source>
      <translation>Der Datenstrom {name} hat keinen Standort und wurde ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/browser.py" line="15" />
      <source>Datastreams</source>
      <translation>Datenströme</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="38" />
      <source>Day</source>
      <translation>Tag</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="51" />
      <source>Description</source>
      <translation>Beschreibung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="50" />
      <source>Details</source>
      <translation>Details</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="192" />
      <source>Digitales Hamm – Sensors</source>
      <translation>Digitales Hamm – Sensoren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="130" />
      <source>District {name}</source>
      <translation>Stadtbezirk {name}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="90" />
      <source>Districts (empty = city profile)</source>
      <translation>Bezirke (leer = Stadtprofil)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="106" />
      <source>Effect</source>
      <translation>Wirkung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="103" />
      <source>Effect of the measure</source>
      <translation>Wirkung der Maßnahme</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="243" />
      <source>Effect {effect:+.2f} {unit} (standard error {se:.2f}, {level:g}% interval {low:+.2f} to {high:+.2f}).</source>
      <translation>Wirkung {effect:+.2f} {unit} (Standardfehler {se:.2f}, {level:g}-%-Intervall {low:+.2f} bis {high:+.2f}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="248" />
      <source>Effect {effect:+.2f} {unit}.</source>
      <translation>Wirkung {effect:+.2f} {unit}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="82" />
      <source>End</source>
      <translation>Ende</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="137" />
      <location filename="../plugins/hamm_sensors/gui/history_dialog.py" line="61" />
      <source>Enter the address of a SensorThings API.</source>
      <translation>Bitte die Adresse einer SensorThings API eingeben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="92" />
      <source>Everywhere</source>
      <translation>Überall</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="96" />
      <source>Export CSV…</source>
      <translation>CSV exportieren…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="219" />
      <source>Export time series</source>
      <translation>Zeitreihen exportieren</translation>
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
      <location filename="../plugins/hamm_sensors/gui/history_dialog.py" line="46" />
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="88" />
      <source>From (UTC)</source>
      <translation>Von (UTC)</translation>
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
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="51" />
      <source>Id</source>
      <translation>ID</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="84" />
      <source>Interval</source>
      <translation>Intervall</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="107" />
      <source>Interval: lower bound</source>
      <translation>Intervall: untere Grenze</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="108" />
      <source>Interval: upper bound</source>
      <translation>Intervall: obere Grenze</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/thresholds_dialog.py" line="36" />
      <source>Label</source>
      <translation>Bezeichnung</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/adapters/history_layer.py" line="116" />
      <source>Load sensor history</source>
      <translation>Sensorverlauf laden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="174" />
      <source>Load sensor time series</source>
      <translation>Sensor-Zeitreihen laden</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="173" />
      <source>Loading observations of {n} datastreams…</source>
      <translation>Beobachtungen von {n} Datenströmen werden geladen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/browser.py" line="16" />
      <source>Locations</source>
      <translation>Standorte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/live_dialog.py" line="37" />
      <source>MQTT broker (optional)</source>
      <translation>MQTT-Broker (optional)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="93" />
      <source>Map extent</source>
      <translation>Kartenausschnitt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="35" />
      <source>Maximum</source>
      <translation>Maximum</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="93" />
      <source>Maximum observations per datastream</source>
      <translation>Höchstzahl Beobachtungen je Datenstrom</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="35" />
      <source>Mean</source>
      <translation>Mittelwert</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="233" />
      <source>Measure</source>
      <translation>Maßnahme</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="86" />
      <source>Measure (location or area)</source>
      <translation>Maßnahme (Ort oder Fläche)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="35" />
      <source>Minimum</source>
      <translation>Minimum</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="210" />
      <source>More than two units: the chart shows one panel per unit.</source>
      <translation>Mehr als zwei Einheiten: Das Diagramm zeigt je Einheit ein eigenes Feld.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="50" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/history_dialog.py" line="34" />
      <source>Names of observed properties, separated by commas; empty for all.</source>
      <translation>Namen beobachteter Größen, durch Kommas getrennt; leer für alle.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="114" />
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="118" />
      <source>No SensorThings API given and the city profile names none.</source>
      <translation>Keine SensorThings API angegeben, und das Stadtprofil nennt keine.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/did.py" line="129" />
      <source>No reference station has observations in both periods.</source>
      <translation>Keine Referenzstation hat Beobachtungen in beiden Zeiträumen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/did.py" line="127" />
      <source>No station near the measure has observations in both periods.</source>
      <translation>Keine Station in der Nähe der Maßnahme hat Beobachtungen in beiden Zeiträumen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="34" />
      <source>Observations</source>
      <translation>Beobachtungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="50" />
      <location filename="../plugins/hamm_sensors/gui/history_dialog.py" line="45" />
      <location filename="../plugins/hamm_sensors/logic/browser.py" line="16" />
      <source>Observed properties</source>
      <translation>Beobachtete Größen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="90" />
      <location filename="../plugins/hamm_sensors/gui/thresholds_dialog.py" line="35" />
      <source>Observed property</source>
      <translation>Beobachtete Größe</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="84" />
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="78" />
      <source>Observed property (name)</source>
      <translation>Beobachtete Größe (Name)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/did.py" line="150" />
      <source>One station on each side: the uncertainty cannot be estimated.</source>
      <translation>Je nur eine Station auf beiden Seiten: Die Unsicherheit lässt sich nicht schätzen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/did.py" line="147" />
      <source>Only one reference station: its variance is taken from the stations near the measure.</source>
      <translation>Nur eine Referenzstation: Ihre Varianz wird von den Stationen an der Maßnahme übernommen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/did.py" line="142" />
      <source>Only one station near the measure: its variance is taken from the reference stations.</source>
      <translation>Nur eine Station an der Maßnahme: Ihre Varianz wird von den Referenzstationen übernommen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/client.py" line="169" />
      <source>Only the first {n} entities of {path} were read (the maximum set).</source>
      <translation>Nur die ersten {n} Objekte von {path} wurden gelesen (das eingestellte Maximum).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/demo.py" line="84" />
      <source>Precipitation (live)</source>
      <translation>Niederschlag (live)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="34" />
      <source>Property</source>
      <translation>Größe</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="149" />
      <source>Read SensorThings entities</source>
      <translation>SensorThings-Entitäten lesen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="144" />
      <source>Reading the entities of {url}…</source>
      <translation>Die Entitäten von {url} werden gelesen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="62" />
      <source>Reads the observations of one observed property (e.g. air_temperature) from a SensorThings API for a period and aggregates them per district and hour or day: number of observations, stations, mean, minimum, maximum and the hours whose district mean reaches the threshold. Districts: a polygon layer or, when empty, the districts of the city profile. Stations outside every district are left out.</source>
      <translation>Liest die Beobachtungen einer beobachteten Größe (z. B. air_temperature) für einen Zeitraum aus einer SensorThings API und fasst sie je Bezirk und Stunde oder Tag zusammen: Anzahl der Beobachtungen, Stationen, Mittelwert, Minimum, Maximum und die Stunden, deren Bezirksmittel den Schwellenwert erreicht. Bezirke: ein Polygonlayer oder, wenn leer, die Bezirke des Stadtprofils. Stationen außerhalb aller Bezirke werden ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="233" />
      <source>Reference</source>
      <translation>Referenz</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="92" />
      <source>Reference stations: at most this far (m, 0 = all others)</source>
      <translation>Referenzstationen: höchstens so weit entfernt (m, 0 = alle anderen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/live_dialog.py" line="36" />
      <source>Refresh every</source>
      <translation>Aktualisieren alle</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/adapters/live_layer.py" line="164" />
      <source>Refresh live sensor layer</source>
      <translation>Live-Sensorlayer aktualisieren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/thresholds_dialog.py" line="42" />
      <source>Remove row</source>
      <translation>Zeile entfernen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/thresholds_dialog.py" line="44" />
      <source>Restore defaults</source>
      <translation>Voreinstellungen wiederherstellen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="132" />
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="129" />
      <source>Row {n}: '{value}' is not a number.</source>
      <translation>Zeile {n}: '{value}' ist keine Zahl.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="125" />
      <source>Row {n}: the observed property is missing.</source>
      <translation>Zeile {n}: Die beobachtete Größe fehlt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="134" />
      <source>Row {n}: {prop} already has the threshold {value}.</source>
      <translation>Zeile {n}: {prop} hat den Schwellenwert {value} bereits.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="97" />
      <source>Search in names and descriptions</source>
      <translation>In Namen und Beschreibungen suchen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="236" />
      <source>Select entities with datastreams first.</source>
      <translation>Bitte zuerst Entitäten mit Datenströmen auswählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="102" />
      <source>Select features of a live or history sensor layer.</source>
      <translation>Objekte eines Live- oder Verlaufs-Sensorlayers auswählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="141" />
      <source>Select one or more sensors on the map first.</source>
      <translation>Bitte zuerst einen oder mehrere Sensoren in der Karte auswählen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/chart.py" line="121" />
      <source>Select sensors on the map and load their observations.</source>
      <translation>Sensoren in der Karte auswählen und ihre Beobachtungen laden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="59" />
      <source>Sensor data by district</source>
      <translation>Sensordaten nach Bezirken</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="58" />
      <source>Sensor data by district…</source>
      <translation>Sensordaten nach Bezirken…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="70" />
      <location filename="../plugins/hamm_sensors/plugin.py" line="52" />
      <source>Sensor time series</source>
      <translation>Sensor-Zeitreihen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/thresholds_dialog.py" line="27" />
      <source>Sensor warning thresholds</source>
      <translation>Warnschwellen der Sensoren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/adapters/warnings_layer.py" line="63" />
      <location filename="../plugins/hamm_sensors/demo.py" line="86" />
      <source>Sensor warnings</source>
      <translation>Sensorwarnungen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="80" />
      <location filename="../plugins/hamm_sensors/gui/history_dialog.py" line="43" />
      <location filename="../plugins/hamm_sensors/gui/live_dialog.py" line="34" />
      <source>SensorThings API</source>
      <translation>SensorThings API</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="79" />
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="73" />
      <source>SensorThings API (service root, e.g. …/v1.1)</source>
      <translation>SensorThings API (Dienstwurzel, z. B. …/v1.1)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="58" />
      <source>SensorThings entities</source>
      <translation>SensorThings-Entitäten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/browser.py" line="17" />
      <location filename="../plugins/hamm_sensors/plugin.py" line="15" />
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="53" />
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="61" />
      <source>Sensors</source>
      <translation>Sensoren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/adapters/history_layer.py" line="46" />
      <source>Sensors (history)</source>
      <translation>Sensoren (Verlauf)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/adapters/live_layer.py" line="124" />
      <source>Sensors (live)</source>
      <translation>Sensoren (live)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="240" />
      <source>Sensors (live): {names}</source>
      <translation>Sensoren (live): {names}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/demo.py" line="82" />
      <source>Sensors (live, demo)</source>
      <translation>Sensoren (live, Demo)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="87" />
      <source>Show</source>
      <translation>Anzeigen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="94" />
      <source>Show selected sensors</source>
      <translation>Ausgewählte Sensoren anzeigen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="16" />
      <source>Shows the sensors of the urban data platform of Hamm live in QGIS: a layer with the latest value of every datastream of an OGC SensorThings API, refreshed on an interval and updated over MQTT; an entity browser; a time-series dock with CSV export; a history layer for the temporal controller; heat and heavy-rain warnings with editable thresholds and a warnings layer; and the Processing algorithms 'Sensor data by district' and 'Check effect of a measure'.</source>
      <translation>Zeigt die Sensoren der urbanen Datenplattform Hamm live in QGIS: ein Layer mit dem neuesten Wert jedes Datenstroms einer OGC SensorThings API, in einem Intervall aktualisiert und über MQTT fortgeschrieben; ein Entitäten-Browser; ein Zeitreihen-Fenster mit CSV-Export; ein Verlaufslayer für die Zeitsteuerung; Hitze- und Starkregenwarnungen mit einstellbaren Schwellenwerten und einem Warnungslayer; sowie die Processing-Algorithmen „Sensordaten nach Bezirken“ und „Maßnahmenwirkung prüfen“.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="106" />
      <source>Standard error</source>
      <translation>Standardfehler</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="80" />
      <source>Start</source>
      <translation>Beginn</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="34" />
      <source>Station</source>
      <translation>Station</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="185" />
      <source>Station {name} has no observations in one of the periods and was left out.</source>
      <translation>Die Station {name} hat in einem der Zeiträume keine Beobachtungen und wurde ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="148" />
      <source>Station {name} lies outside every district.</source>
      <translation>Die Station {name} liegt außerhalb aller Bezirke.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="105" />
      <source>Stations compared</source>
      <translation>Verglichene Stationen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="89" />
      <source>Stations of the measure: within (m)</source>
      <translation>Stationen der Maßnahme: im Umkreis von (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="96" />
      <source>Statistics per district</source>
      <translation>Statistik je Bezirk</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="153" />
      <source>Still loading the previous selection.</source>
      <translation>Die vorherige Auswahl wird noch geladen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="98" />
      <source>Text</source>
      <translation>Text</translation>
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
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="159" />
      <source>The SensorThings API has no datastream of '{prop}'.</source>
      <translation>Die SensorThings API hat keinen Datenstrom zu '{prop}'.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="137" />
      <source>The active layer is not a sensor layer of this plugin.</source>
      <translation>Der aktive Layer ist kein Sensorlayer dieses Plugins.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/client.py" line="56" />
      <source>The answer from {url} is not a SensorThings collection (no 'value' list).</source>
      <translation>Die Antwort von {url} ist keine SensorThings-Sammlung (keine Liste „value“).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/adapters/warnings_layer.py" line="41" />
      <source>The default thresholds are used.</source>
      <translation>Die voreingestellten Schwellenwerte werden verwendet.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/history_dialog.py" line="64" />
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="145" />
      <source>The end of the period must be after its start.</source>
      <translation>Das Ende des Zeitraums muss nach seinem Beginn liegen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/adapters/restore.py" line="94" />
      <source>The history layer {name} has broken settings and was not reloaded.</source>
      <translation>Der Verlaufslayer {name} hat fehlerhafte Einstellungen und wurde nicht neu geladen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/adapters/restore.py" line="54" />
      <source>The live sensor layer {name} has broken settings and was not restarted.</source>
      <translation>Der Live-Sensorlayer {name} hat fehlerhafte Einstellungen und wurde nicht neu gestartet.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="150" />
      <source>The measure layer has no geometry.</source>
      <translation>Der Maßnahmen-Layer hat keine Geometrie.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/client.py" line="124" />
      <source>The next link of an expanded {nav} collection is unusable and the entity has no selfLink; the list stays incomplete.</source>
      <translation>Der Folgelink einer eingebetteten {nav}-Sammlung ist unbrauchbar und das Objekt hat keinen selfLink; die Liste bleibt unvollständig.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/measure_effect.py" line="127" />
      <source>The period after the measure must start after the period before it ends.</source>
      <translation>Der Zeitraum nach der Maßnahme muss nach dem Ende des Zeitraums davor beginnen.</translation>
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
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="98" />
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="103" />
      <source>The stored warning thresholds are not a list per observed property.</source>
      <translation>Die gespeicherten Warnschwellen sind keine Liste je beobachteter Größe.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="95" />
      <source>The stored warning thresholds are not valid JSON.</source>
      <translation>Die gespeicherten Warnschwellen sind kein gültiges JSON.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/model.py" line="103" />
      <location filename="../plugins/hamm_sensors/logic/model.py" line="125" />
      <source>The time '{text}' from {source} is not an ISO 8601 instant or interval.</source>
      <translation>Die Zeit „{text}“ von {source} ist kein ISO-8601-Zeitpunkt und kein Intervall.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/browser.py" line="15" />
      <source>Things</source>
      <translation>Things (Messstationen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/thresholds_dialog.py" line="35" />
      <source>Threshold</source>
      <translation>Schwellenwert</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="87" />
      <source>Threshold (hours at or above)</source>
      <translation>Schwellenwert (Stunden auf oder über)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/chart.py" line="156" />
      <source>Time (UTC)</source>
      <translation>Zeit (UTC)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="34" />
      <source>Unit</source>
      <translation>Einheit</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="56" />
      <source>Warning thresholds…</source>
      <translation>Warnschwellen…</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/demo.py" line="85" />
      <source>Wind direction (live)</source>
      <translation>Windrichtung (live)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/chart.py" line="82" />
      <source>left axis</source>
      <translation>linke Achse</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/chart.py" line="80" />
      <source>panel {n}</source>
      <translation>Feld {n}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/chart.py" line="82" />
      <source>right axis</source>
      <translation>rechte Achse</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/history_dialog.py" line="47" />
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="90" />
      <source>to</source>
      <translation>bis</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="37" />
      <source>{label} at {station}: {value} (threshold {threshold})</source>
      <translation>{label} an {station}: {value} (Schwelle {threshold})</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/warnings.py" line="34" />
      <source>{label} at {station}: {value} {unit} (threshold {threshold} {unit})</source>
      <translation>{label} an {station}: {value} {unit} (Schwelle {threshold} {unit})</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="134" />
      <source>{n} datastreams of '{prop}' found.</source>
      <translation>{n} Datenströme von „{prop}“ gefunden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/plugin.py" line="117" />
      <source>{n} observations loaded; play them with the temporal controller.</source>
      <translation>{n} Beobachtungen geladen; mit der Zeitsteuerung abspielen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="204" />
      <source>{n} observations of {m} datastreams.</source>
      <translation>{n} Beobachtungen von {m} Datenströmen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/logic/timeseries.py" line="66" />
      <source>{n} observations of {name} have no numeric result and were left out.</source>
      <translation>{n} Beobachtungen von {name} haben kein numerisches Ergebnis und wurden ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="157" />
      <source>{n} observations of {name} were unreadable and left out.</source>
      <translation>{n} Beobachtungen von {name} waren unlesbar und wurden ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="207" />
      <source>{n} observations without a numeric result were left out.</source>
      <translation>{n} Beobachtungen ohne numerisches Ergebnis wurden ausgelassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/timeseries_dock.py" line="215" />
      <source>{n} observations written to {path}.</source>
      <translation>{n} Beobachtungen in {path} geschrieben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/gui/browser_dock.py" line="225" />
      <source>{n} of {m} {kind} shown.</source>
      <translation>{n} von {m} {kind} angezeigt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_sensors/processing/provider.py" line="185" />
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
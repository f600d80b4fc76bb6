<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>hamm_lorawan</name>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/calibration.py" line="207" />
      <source>A measurement lies on the gateway position (distance 0).</source>
      <translation>Eine Messung liegt auf der Gateway-Position (Entfernung 0).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="279" />
      <source>A terrain model (DEM) is needed.</source>
      <translation>Ein Geländemodell (DGM) wird benötigt.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="95" />
      <source>Antenna height above ground when no field is set (m)</source>
      <translation>Antennenhöhe über Grund, wenn kein Feld gewählt ist (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="179" />
      <source>Application payload (bytes)</source>
      <translation>Nutzdaten der Anwendung (Bytes)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/calibration.py" line="205" />
      <source>At least 3 measurements are needed for a fit, got {n}.</source>
      <translation>Für eine Anpassung sind mindestens 3 Messungen nötig, vorhanden: {n}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="364" />
      <source>Automatic</source>
      <translation>Automatisch</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="186" />
      <source>Bandwidth (kHz)</source>
      <translation>Bandbreite (kHz)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="45" />
      <source>Basement (+25 dB)</source>
      <translation>Keller (+25 dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="81" />
      <source>Best gateway</source>
      <translation>Bestes Gateway</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="77" />
      <source>Best spreading factor</source>
      <translation>Bester Spreizfaktor</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="723" />
      <source>Bias after the fit (dB)</source>
      <translation>Bias nach der Anpassung (dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="722" />
      <source>Bias before the fit (dB)</source>
      <translation>Bias vor der Anpassung (dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="462" />
      <source>Bound (most weight k sites can serve, or least cost of the target)</source>
      <translation>Schranke (höchstes Gewicht, das k Standorte abdecken können, oder geringste Kosten des Ziels)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="73" />
      <source>Building height above ground (m)</source>
      <translation>Gebäudehöhe über Grund (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="67" />
      <source>Buildings (polygons with a height)</source>
      <translation>Gebäude (Polygone mit Höhe)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="41" />
      <source>Bullington (ITU-R P.526)</source>
      <translation>Bullington (ITU-R P.526)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="37" />
      <source>COST-231 Hata</source>
      <translation>COST-231 Hata</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="683" />
      <source>CRS of x/y columns (lat/lon columns are always WGS 84)</source>
      <translation>KBS der x/y-Spalten (lat/lon-Spalten sind immer WGS 84)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="112" />
      <source>Cable loss when no field is set (dB)</source>
      <translation>Kabeldämpfung, wenn kein Feld gewählt ist (dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="661" />
      <source>Calibrate model</source>
      <translation>Modell kalibrieren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="136" />
      <source>Calibrated model (JSON from 'Calibrate model'; overrides the model)</source>
      <translation>Kalibriertes Modell (JSON aus „Modell kalibrieren“; ersetzt das Modell)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="707" />
      <source>Calibrated model (JSON)</source>
      <translation>Kalibriertes Modell (JSON)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="243" />
      <source>Calibrated model: PL0 = {pl0:.1f} dB, n = {n:.2f}, obstruction factor {b:.2f}.</source>
      <translation>Kalibriertes Modell: PL0 = {pl0:.1f} dB, n = {n:.2f}, Hindernisfaktor {b:.2f}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/coverage.py" line="663" />
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="622" />
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="765" />
      <source>Cancelled.</source>
      <translation>Abgebrochen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="367" />
      <source>Candidate sites (points)</source>
      <translation>Kandidatenstandorte (Punkte)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="339" />
      <source>Chooses gateway sites from candidates (rooftops, masts; with antenna height and cost). Mode 'maximum coverage': k new sites that cover the most demand weight. Mode 'fewest sites': the cheapest set of sites that covers the target share of the demand. A demand point counts as covered when at least r gateways hear it (SF12 with the fade margin). Candidates marked as existing are always kept. Maximum coverage is presolved first (demand an existing gateway hears, candidates that reach only what another one reaches, demand with identical sets of candidates merged). The exact integer program is solved with HiGHS (scipy) where the size allows; lazy greedy followed by an iterated swap search is used otherwise (above 300,000 candidate-demand links after presolve, or without scipy; the bound then comes from a decomposition into clusters of neighbouring candidates, exact within each cluster) and whenever its result is already within the gap of the bound. With r of 2 or more, and for the fewest sites, the search is lazy greedy and an iterated swap search (for the fewest sites: unneeded sites dropped; with equal costs, maximum coverage with one site less while it still reaches the target), bounded by a Lagrangian relaxation (with equal costs and r = 1 also: no k sites whose best coverage bound stays below the target suffice); HiGHS runs there when the instance is small enough. The time limit holds for the whole search (HiGHS, when chosen as the solver, may overrun it on large instances). The bound and the optimality gap (bound minus solution, relative to the bound; for the fewest sites: cost minus lower bound, relative to the cost) are reported. Outputs: the chosen sites with their marginal gain (weight added in greedy order within the solution) and the loss if removed, and the demand points with the number of chosen gateways that hear them.</source>
      <translation>Wählt Gateway-Standorte aus Kandidaten (Dächer, Masten; mit Antennenhöhe und Kosten). Modus „maximale Abdeckung“: k neue Standorte, die das größte Bedarfsgewicht abdecken. Modus „wenigste Standorte“: die günstigste Standortmenge, die den Zielanteil des Bedarfs abdeckt. Ein Bedarfspunkt gilt als abgedeckt, wenn ihn mindestens r Gateways hören (SF12 mit Schwundreserve). Als bestehend markierte Kandidaten bleiben immer erhalten. Die maximale Abdeckung wird zuerst vorgelöst (Bedarf, den ein bestehendes Gateway hört; Kandidaten, die nur erreichen, was auch ein anderer erreicht; Bedarf mit gleichen Kandidatenmengen wird zusammengefasst). Das exakte ganzzahlige Programm wird mit HiGHS (scipy) gelöst, wo die Größe es erlaubt; sonst (über 300.000 Verbindungen zwischen Kandidaten und Bedarfspunkten nach der Vorlösung oder ohne scipy; die Schranke stammt dann aus einer Zerlegung in Cluster benachbarter Kandidaten, innerhalb jedes Clusters exakt) und immer dann, wenn sein Ergebnis schon innerhalb der Lücke zur Schranke liegt, wird Lazy Greedy mit anschließender iterierter Tauschsuche verwendet. Bei r ab 2 und für die wenigsten Standorte sucht Lazy Greedy mit iterierter Tauschsuche (für die wenigsten Standorte: nicht benötigte Standorte werden entfernt; bei gleichen Kosten maximale Abdeckung mit einem Standort weniger, solange sie das Ziel noch erreicht); die Schranke stammt aus einer Lagrange-Relaxation (bei gleichen Kosten und r = 1 zusätzlich: keine k Standorte reichen, deren Schranke der besten Abdeckung unter dem Ziel bleibt); HiGHS läuft dort, wenn die Instanz klein genug ist. Das Zeitlimit gilt für die ganze Suche (HiGHS kann es, als Löser gewählt, bei großen Instanzen überschreiten). Schranke und Optimalitätslücke (Schranke minus Lösung, bezogen auf die Schranke; für die wenigsten Standorte: Kosten minus untere Schranke, bezogen auf die Kosten) werden ausgegeben. Ausgaben: die gewählten Standorte mit ihrem Grenzgewinn (hinzugefügtes Gewicht in Greedy-Reihenfolge innerhalb der Lösung) und dem Verlust beim Entfernen sowie die Bedarfspunkte mit der Zahl der gewählten Gateways, die sie hören.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/demo.py" line="127" />
      <source>Chosen gateway sites ({share:.0%} of buildings covered)</source>
      <translation>Gewählte Gateway-Standorte ({share:.0%} der Gebäude versorgt)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="446" />
      <source>Chosen sites</source>
      <translation>Gewählte Standorte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="57" />
      <source>Compute radio coverage</source>
      <translation>Funkabdeckung berechnen</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="465" />
      <source>Cost of the new sites</source>
      <translation>Kosten der neuen Standorte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="458" />
      <source>Covered share</source>
      <translation>Abgedeckter Anteil</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="387" />
      <source>Demand (sensor locations, buildings or grid cells)</source>
      <translation>Bedarf (Sensorstandorte, Gebäude oder Rasterzellen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="452" />
      <source>Demand served</source>
      <translation>Versorgter Bedarf</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="64" />
      <source>Demand weights must be finite and not negative.</source>
      <translation>Bedarfsgewichte müssen endlich und nicht negativ sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/demo.py" line="129" />
      <source>Demo gateways</source>
      <translation>Demo-Gateways</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="163" />
      <source>Device antenna gain (dBi)</source>
      <translation>Antennengewinn des Endgeräts (dBi)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="169" />
      <source>Device height above ground (m)</source>
      <translation>Höhe des Endgeräts über Grund (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="177" />
      <source>Device location</source>
      <translation>Lage des Endgeräts</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="153" />
      <source>Device transmit power (dBm)</source>
      <translation>Sendeleistung des Endgeräts (dBm)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="41" />
      <source>Deygout (ITU-R P.526)</source>
      <translation>Deygout (ITU-R P.526)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="216" />
      <source>Edges closer than this form one obstacle (m)</source>
      <translation>Kanten mit geringerem Abstand bilden ein Hindernis (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="364" />
      <source>Exact (MILP, HiGHS)</source>
      <translation>Exakt (MILP, HiGHS)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="195" />
      <source>Fade margin (dB)</source>
      <translation>Schwundreserve (dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="189" />
      <source>Feature id for the profile chart (-1 = first feature)</source>
      <translation>Objekt-ID für das Profildiagramm (-1 = erstes Objekt)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="249" />
      <source>Feature {fid} has no geometry and was skipped.</source>
      <translation>Objekt {fid} hat keine Geometrie und wurde übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="333" />
      <source>Feature {fid} of the gateway layer is a multi-point with several points; one feature must be one gateway. Split it first (Vector &gt; Geometry Tools &gt; Multipart to Singleparts).</source>
      <translation>Objekt {fid} des Gateway-Layers ist ein Multipunkt mit mehreren Punkten; ein Objekt muss ein Gateway sein. Teilen Sie es zuerst auf (Vektor &gt; Geometrie-Werkzeuge &gt; Mehrteilig zu einteilig).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="363" />
      <source>Fewest sites for a target share</source>
      <translation>Wenigste Standorte für einen Zielanteil</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="85" />
      <source>Field: antenna gain (dBi)</source>
      <translation>Feld: Antennengewinn (dBi)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="84" />
      <source>Field: antenna height above ground (m)</source>
      <translation>Feld: Antennenhöhe über Grund (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="86" />
      <source>Field: cable loss (dB)</source>
      <translation>Feld: Kabeldämpfung (dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="394" />
      <source>Field: demand weight</source>
      <translation>Feld: Bedarfsgewicht</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="379" />
      <source>Field: existing gateway (1/true = keep)</source>
      <translation>Feld: bestehendes Gateway (1/true = behalten)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="693" />
      <source>Field: gateway id as in the CSV</source>
      <translation>Feld: Gateway-ID wie in der CSV</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="87" />
      <source>Field: gateway name</source>
      <translation>Feld: Gateway-Name</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="371" />
      <source>Field: site cost</source>
      <translation>Feld: Standortkosten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="702" />
      <source>Fit an obstruction factor (needs the terrain model)</source>
      <translation>Hindernisfaktor anpassen (benötigt das Geländemodell)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="713" />
      <source>Fit statistics per gateway</source>
      <translation>Anpassungsstatistik je Gateway</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="662" />
      <source>Fits the log-distance model PL = PL0 + 10 n log10(d / 1 m) (+ b x obstruction loss when a terrain model is given) by least squares to measured uplinks (CSV such as a TTN Mapper export: device lat/lon or x/y, gateway id, RSSI, optional SNR and gateway lat/lon; or the gateway positions from a gateway layer). Comma, semicolon or tab separated; with semicolons or tabs decimal commas are read too, and a file that is not UTF-8 is read as Windows-1252 (Excel). Positions of exactly 0/0 count as missing. The signal power is the RSSI corrected by the SNR. Without a terrain model the average obstruction ends up in PL0 and n, and the saved model adds no diffraction (factor 0); with one, the factor b is fitted or, when fitting is switched off, the prior model's factor is kept. Reports RMSE and bias before (with the chosen prior model) and after the fit, per gateway and overall, and saves the model as JSON for 'Compute radio coverage'.</source>
      <translation>Passt das Log-Distance-Modell PL = PL0 + 10 n log10(d / 1 m) (+ b x Hindernisdämpfung, wenn ein Geländemodell gegeben ist) mit kleinsten Quadraten an gemessene Uplinks an (CSV wie ein TTN-Mapper-Export: Gerät lat/lon oder x/y, Gateway-ID, RSSI, optional SNR und Gateway lat/lon; oder die Gateway-Positionen aus einem Gateway-Layer). Getrennt durch Komma, Semikolon oder Tabulator; bei Semikolon oder Tabulator werden auch Dezimalkommas gelesen, und eine Datei, die kein UTF-8 ist, wird als Windows-1252 gelesen (Excel). Positionen von genau 0/0 gelten als fehlend. Die Signalleistung ist der um den SNR korrigierte RSSI. Ohne Geländemodell landet die mittlere Abschattung in PL0 und n, und das gespeicherte Modell rechnet keine Beugung hinzu (Faktor 0); mit Geländemodell wird der Faktor b angepasst oder, wenn die Anpassung abgeschaltet ist, der Faktor des Ausgangsmodells übernommen. Gibt RMSE und Bias vor (mit dem gewählten Ausgangsmodell) und nach der Anpassung aus, je Gateway und insgesamt, und speichert das Modell als JSON für „Funkabdeckung berechnen“.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="724" />
      <source>Fitted PL0 (dB)</source>
      <translation>Angepasstes PL0 (dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="725" />
      <source>Fitted path loss exponent n</source>
      <translation>Angepasster Ausbreitungsexponent n</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="886" />
      <source>Fitted: PL0 = {pl0:.2f} dB, n = {n:.3f}, obstruction factor {b:.2f}, sigma {s:.1f} dB.</source>
      <translation>Angepasst: PL0 = {pl0:.2f} dB, n = {n:.3f}, Hindernisfaktor {b:.2f}, Sigma {s:.1f} dB.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="75" />
      <source>Fixed site index out of range: {idx}.</source>
      <translation>Index eines festen Standorts außerhalb des Bereichs: {idx}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="158" />
      <source>For each sensor or meter location: the best gateway, received power, SNR, the lowest spreading factor with the fade margin (0 = no link), the time on air of one uplink with the given payload (LoRaWAN adds 13 bytes of header), the smallest clearance of the first Fresnel zone (1 = clear, below 0 = blocked) and the number of gateways in reach (redundancy). The path profile of the best link of the first point (or of the chosen feature id) can be written as an SVG chart.</source>
      <translation>Für jeden Sensor- oder Zählerstandort: das beste Gateway, Empfangsleistung, SNR, der niedrigste Spreizfaktor mit Schwundreserve (0 = keine Verbindung), die Sendezeit eines Uplinks mit den angegebenen Nutzdaten (LoRaWAN fügt 13 Byte Header hinzu), die kleinste Freiheit der ersten Fresnelzone (1 = frei, unter 0 = verdeckt) und die Zahl der erreichbaren Gateways (Redundanz). Das Pfadprofil der besten Verbindung des ersten Punkts (oder der gewählten Objekt-ID) kann als SVG-Diagramm geschrieben werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="33" />
      <source>Free space</source>
      <translation>Freiraum</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="144" />
      <source>Frequency (MHz)</source>
      <translation>Frequenz (MHz)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="182" />
      <source>Further loss (dB)</source>
      <translation>Weitere Dämpfung (dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="104" />
      <source>Gateway antenna gain when no field is set (dBi)</source>
      <translation>Antennengewinn des Gateways, wenn kein Feld gewählt ist (dBi)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="192" />
      <source>Gateway noise figure (dB)</source>
      <translation>Rauschzahl des Gateways (dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/coverage.py" line="558" />
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="216" />
      <source>Gateway {name} at ({x:.1f}, {y:.1f}) lies outside the terrain raster.</source>
      <translation>Gateway {name} bei ({x:.1f}, {y:.1f}) liegt außerhalb des Geländerasters.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/coverage.py" line="566" />
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="222" />
      <source>Gateway {name} stands on a no-data cell of the terrain raster.</source>
      <translation>Gateway {name} steht auf einer NoData-Zelle des Geländerasters.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="82" />
      <source>Gateways (points)</source>
      <translation>Gateways (Punkte)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="689" />
      <source>Gateways (points; for positions not in the CSV)</source>
      <translation>Gateways (Punkte; für Positionen, die nicht in der CSV stehen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="424" />
      <source>Gateways per demand point (r)</source>
      <translation>Gateways je Bedarfspunkt (r)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="604" />
      <source>Give either the number of sites or the target share.</source>
      <translation>Entweder die Zahl der Standorte oder den Zielanteil angeben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="403" />
      <source>Goal</source>
      <translation>Ziel</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="44" />
      <source>Indoor (+15 dB)</source>
      <translation>Im Gebäude (+15 dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="707" />
      <source>JSON files (*.json)</source>
      <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="364" />
      <source>Lazy greedy only</source>
      <translation>Nur Lazy Greedy</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="195" />
      <source>Link budget</source>
      <translation>Link-Budget</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="157" />
      <source>Link budget for points</source>
      <translation>Link-Budget für Punkte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/plugin.py" line="15" />
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="51" />
      <location filename="../plugins/hamm_lorawan/processing/provider.py" line="12" />
      <source>LoRaWAN</source>
      <translation>LoRaWAN</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/demo.py" line="122" />
      <source>LoRaWAN (demo)</source>
      <translation>LoRaWAN (Demo)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="38" />
      <source>Log-distance</source>
      <translation>Log-Distanz</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="202" />
      <source>Log-distance: exponent n</source>
      <translation>Log-Distance: Exponent n</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="198" />
      <source>Log-distance: loss at 1 m (dB)</source>
      <translation>Log-Distance: Dämpfung bei 1 m (dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="363" />
      <source>Maximum coverage with k sites</source>
      <translation>Größte Abdeckung mit k Standorten</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="209" />
      <source>Maximum range per gateway (m)</source>
      <translation>Maximale Reichweite je Gateway (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="678" />
      <source>Measured uplinks (CSV)</source>
      <translation>Gemessene Uplinks (CSV)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="466" />
      <source>Method used</source>
      <translation>Verwendete Methode</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="303" />
      <source>Neither a surface model nor buildings given: only the terrain obstructs, buildings cast no radio shadow.</source>
      <translation>Weder Oberflächenmodell noch Gebäude angegeben: nur das Gelände verdeckt, Gebäude werfen keinen Funkschatten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="59" />
      <source>No candidate sites given: the candidate layer is empty.</source>
      <translation>Keine Kandidatenstandorte: der Kandidaten-Layer ist leer.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="999" />
      <source>No choice of candidate sites covers {share:.0%} of the demand with redundancy {r}.</source>
      <translation>Keine Auswahl der Kandidatenstandorte deckt {share:.0%} des Bedarfs mit Redundanz {r} ab.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="62" />
      <source>No demand given: the demand layer is empty.</source>
      <translation>Kein Bedarf: der Bedarfs-Layer ist leer.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="636" />
      <source>No further site adds coverage: the target share cannot be reached.</source>
      <translation>Kein weiterer Standort erhöht die Abdeckung: der Zielanteil ist nicht erreichbar.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/coverage.py" line="709" />
      <source>No gateways given: the gateway layer is empty.</source>
      <translation>Keine Gateways: der Gateway-Layer ist leer.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="330" />
      <source>No link for the profile chart was found.</source>
      <translation>Für das Profildiagramm wurde keine Verbindung gefunden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="42" />
      <source>No obstruction (not recommended)</source>
      <translation>Ohne Hindernisse (nicht empfohlen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="848" />
      <source>No position for gateway(s) {ids}: their rows were skipped. Add gateway lat/lon columns or a gateway layer.</source>
      <translation>Keine Position für Gateway(s) {ids}: ihre Zeilen wurden übersprungen. Gateway-lat/lon-Spalten oder einen Gateway-Layer angeben.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="86" />
      <source>Number of gateways in reach</source>
      <translation>Zahl der erreichbaren Gateways</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="408" />
      <source>Number of new sites (k)</source>
      <translation>Zahl neuer Standorte (k)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="128" />
      <source>Obstruction by terrain and buildings</source>
      <translation>Verdeckung durch Gelände und Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="36" />
      <source>Okumura-Hata open area</source>
      <translation>Okumura-Hata offenes Gelände</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="35" />
      <source>Okumura-Hata suburban</source>
      <translation>Okumura-Hata vorstädtisch</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="34" />
      <source>Okumura-Hata urban</source>
      <translation>Okumura-Hata städtisch</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="459" />
      <source>Optimality gap</source>
      <translation>Optimalitätslücke</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="338" />
      <source>Optimise gateway sites</source>
      <translation>Gateway-Standorte optimieren</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="200" />
      <source>Path profile chart</source>
      <translation>Pfadprofil-Diagramm</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/chart.py" line="41" />
      <source>Path profile {gw} -&gt; device: {d:.0f} m, {pl:.1f} dB path loss ({diff:.1f} dB obstruction), {rx:.1f} dBm, SF{sf}</source>
      <translation>Pfadprofil {gw} -&gt; Gerät: {d:.0f} m, {pl:.1f} dB Streckendämpfung ({diff:.1f} dB Verdeckung), {rx:.1f} dBm, SF{sf}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="58" />
      <source>Predicts LoRaWAN uplink coverage of one or more gateways over a terrain model (DEM) and a surface model (DSM) or buildings with heights. The path loss of the chosen model (free space, Okumura-Hata, COST-231 Hata, log-distance or a calibrated model) is combined with knife-edge diffraction over terrain and buildings along each path (ITU-R P.526, Deygout or Bullington, with Earth curvature and Fresnel-zone clearance), so buildings cast radio shadows. Outputs: received power (dBm) of the best gateway, the lowest spreading factor that closes the link with the fade margin (0 = no coverage), the best gateway (number from 0 in the order of the gateway layer) and the number of gateways that hear each cell.</source>
      <translation>Berechnet die LoRaWAN-Uplink-Abdeckung eines oder mehrerer Gateways über einem Geländemodell (DGM) und einem Oberflächenmodell (DOM) oder Gebäuden mit Höhen. Die Streckendämpfung des gewählten Modells (Freiraum, Okumura-Hata, COST-231 Hata, Log-Distance oder ein kalibriertes Modell) wird mit Beugung an Kanten (Knife-Edge) über Gelände und Gebäude entlang jedes Pfads kombiniert (ITU-R P.526, Deygout oder Bullington, mit Erdkrümmung und Fresnelzonen-Freiheit), sodass Gebäude Funkschatten werfen. Ausgaben: Empfangsleistung (dBm) des besten Gateways, der niedrigste Spreizfaktor, der die Verbindung mit Schwundreserve schließt (0 = keine Abdeckung), das beste Gateway (Nummer ab 0 in der Reihenfolge des Gateway-Layers) und die Zahl der Gateways, die jede Zelle hören.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1075" />
      <source>Presolve: {n} candidate sites reach only demand that another candidate also reaches.</source>
      <translation>Vorlösung: {n} Kandidatenstandorte erreichen nur Bedarf, den auch ein anderer Kandidat erreicht.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/plugin.py" line="16" />
      <source>Processing tools to plan the city-wide LoRaWAN of Hamm (toolbox group 'LoRaWAN'): radio coverage over terrain and buildings, link budget for sensor locations, gateway site optimisation and calibration of the propagation model with measured uplinks.</source>
      <translation>Processing-Werkzeuge zur Planung des stadtweiten LoRaWAN in Hamm (Werkzeuggruppe „LoRaWAN“): Funkabdeckung über Gelände und Gebäuden, Link-Budget für Sensorstandorte, Optimierung von Gateway-Standorten und Kalibrierung des Ausbreitungsmodells mit gemessenen Uplinks.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="122" />
      <source>Propagation model</source>
      <translation>Ausbreitungsmodell</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="721" />
      <source>RMSE after the fit (dB)</source>
      <translation>RMSE nach der Anpassung (dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="720" />
      <source>RMSE before the fit (dB)</source>
      <translation>RMSE vor der Anpassung (dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="891" />
      <source>RMSE {rb:.1f} dB -&gt; {ra:.1f} dB, bias {bb:+.1f} dB -&gt; {ba:+.1f} dB ({n} uplinks).</source>
      <translation>RMSE {rb:.1f} dB -&gt; {ra:.1f} dB, Bias {bb:+.1f} dB -&gt; {ba:+.1f} dB ({n} Uplinks).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="74" />
      <source>Received power (dBm)</source>
      <translation>Empfangsleistung (dBm)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/demo.py" line="123" />
      <source>Received power (dBm), indoor</source>
      <translation>Empfangsleistung (dBm), im Gebäude</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/demo.py" line="100" />
      <source>Roof</source>
      <translation>Dach</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/styles.py" line="50" />
      <source>SF{sf}</source>
      <translation>SF{sf}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="201" />
      <source>SVG files (*.svg)</source>
      <translation>SVG-Dateien (*.svg)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="170" />
      <source>Sensor locations</source>
      <translation>Sensorstandorte</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="70" />
      <source>Site costs must be greater than 0.</source>
      <translation>Standortkosten müssen größer als 0 sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="432" />
      <source>Solver</source>
      <translation>Löser</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/radio.py" line="360" />
      <source>Spreading factor must be 7 to 12, not {sf}.</source>
      <translation>Der Spreizfaktor muss 7 bis 12 sein, nicht {sf}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="44" />
      <source>Street level (outdoor)</source>
      <translation>Straßenniveau (im Freien)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="62" />
      <source>Surface model (DSM with buildings and trees)</source>
      <translation>Oberflächenmodell (DOM mit Gebäuden und Bäumen)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="414" />
      <source>Target share of demand (%)</source>
      <translation>Zielanteil des Bedarfs (%)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="57" />
      <source>Terrain model (DEM, projected CRS in metres)</source>
      <translation>Geländemodell (DGM, projiziertes KBS in Metern)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1109" />
      <source>The bound combines the exact coverage within clusters of neighbouring candidates with a Lagrangian relaxation between the clusters.</source>
      <translation>Die Schranke verbindet die exakte Abdeckung innerhalb von Clustern benachbarter Kandidaten mit einer Lagrange-Relaxation zwischen den Clustern.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="298" />
      <source>The building layer has no height field '{f}'.</source>
      <translation>Der Gebäude-Layer hat kein Höhenfeld „{f}“.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="474" />
      <source>The candidate layer has no point features: there is nothing to choose from.</source>
      <translation>Der Kandidaten-Layer hat keine Punktobjekte: es gibt nichts zur Auswahl.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="512" />
      <source>The demand layer has no features.</source>
      <translation>Der Bedarfs-Layer hat keine Objekte.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="775" />
      <source>The device x/y columns hold values like degrees (at most 180/90), but the CRS of the CSV is {crs}. Choose EPSG:4326 as the CRS of the CSV, or name the columns lat and lon.</source>
      <translation>Die x/y-Spalten der Geräte enthalten Werte wie Grad (höchstens 180/90), das KBS der CSV ist aber {crs}. Wählen Sie EPSG:4326 als KBS der CSV oder benennen Sie die Spalten lat und lon.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1003" />
      <source>The exact solver found no solution in time ({msg}).</source>
      <translation>Der exakte Löser hat in der Zeit keine Lösung gefunden ({msg}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="907" />
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1148" />
      <source>The exact solver needs scipy (1.9 or newer), which is not installed; use the greedy method.</source>
      <translation>Der exakte Löser benötigt scipy (1.9 oder neuer), das nicht installiert ist; bitte die Greedy-Methode verwenden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1025" />
      <source>The exact solver stopped early ({msg}).</source>
      <translation>Der exakte Löser hat vorzeitig angehalten ({msg}).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="876" />
      <source>The fitted exponent n = {n:.2f} lies outside the usual 1.5 to 6: check the device and gateway positions (e.g. 0/0 or swapped coordinates) and the CRS of the CSV.</source>
      <translation>Der angepasste Exponent n = {n:.2f} liegt außerhalb der üblichen 1,5 bis 6: Prüfen Sie die Positionen von Geräten und Gateways (z. B. 0/0 oder vertauschte Koordinaten) und das KBS der CSV.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="95" />
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="212" />
      <source>The gateway layer has no point features.</source>
      <translation>Der Gateway-Layer hat keine Punktobjekte.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1153" />
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1256" />
      <source>The heuristic solution is within {gap:.2%} of the bound; the exact solver was not needed.</source>
      <translation>Die heuristische Lösung liegt innerhalb von {gap:.2%} der Schranke; der exakte Löser war nicht nötig.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1119" />
      <source>The instance is large ({n} links after presolve): the local search result is reported with the bound of the relaxation; choose the exact solver to try HiGHS anyway.</source>
      <translation>Die Instanz ist groß ({n} Verbindungen nach der Vorlösung): Das Ergebnis der lokalen Suche wird mit der Schranke der Relaxierung ausgegeben; wählen Sie den exakten Löser, um HiGHS trotzdem zu versuchen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1272" />
      <source>The instance is large ({n} links): the local search result is reported with the bound of the Lagrangian relaxation; choose the exact solver to try HiGHS anyway.</source>
      <translation>Die Instanz ist groß ({n} Verbindungen): Ausgegeben wird das Ergebnis der lokalen Suche mit der Schranke der Lagrange-Relaxation; mit dem exakten Löser lässt sich HiGHS trotzdem versuchen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="957" />
      <source>The instance is too large for the exact solver ({n} links).</source>
      <translation>Die Instanz ist zu groß für den exakten Löser ({n} Verbindungen).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="737" />
      <source>The measurement file cannot be read: {err}</source>
      <translation>Die Messdatei kann nicht gelesen werden: {err}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/calibration.py" line="131" />
      <source>The measurement file has no usable rows ({n} skipped).</source>
      <translation>Die Messdatei hat keine verwendbaren Zeilen ({n} übersprungen).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/calibration.py" line="72" />
      <source>The measurement file is empty.</source>
      <translation>Die Messdatei ist leer.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="744" />
      <source>The measurement file is not UTF-8; it was read as Windows-1252.</source>
      <translation>Die Messdatei ist kein UTF-8; sie wurde als Windows-1252 gelesen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/calibration.py" line="96" />
      <source>The measurement file lacks the column(s) {cols}. Found: {found}.</source>
      <translation>Der Messdatei fehlen die Spalte(n) {cols}. Gefunden: {found}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/calibration.py" line="211" />
      <source>The measurements all have about the same distance; the exponent cannot be fitted. Measure nearer and farther from the gateways.</source>
      <translation>Die Messungen haben alle etwa dieselbe Entfernung; der Exponent lässt sich nicht anpassen. Bitte näher an und weiter entfernt von den Gateways messen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="237" />
      <source>The model file cannot be read: {err}</source>
      <translation>Die Modelldatei kann nicht gelesen werden: {err}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/radio.py" line="152" />
      <source>The model file has a value that is not a number.</source>
      <translation>Die Modelldatei enthält einen Wert, der keine Zahl ist.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/calibration.py" line="259" />
      <source>The model file must hold a JSON object.</source>
      <translation>Die Modelldatei muss ein JSON-Objekt enthalten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1315" />
      <source>The number of sites must not be negative.</source>
      <translation>Die Zahl der Standorte darf nicht negativ sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="72" />
      <source>The redundancy must be at least 1.</source>
      <translation>Die Redundanz muss mindestens 1 sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="414" />
      <source>The surface model cannot be opened as a raster file: {err}</source>
      <translation>Das Oberflächenmodell lässt sich nicht als Rasterdatei öffnen: {err}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="433" />
      <source>The surface model has no CRS; it cannot be matched to the terrain model.</source>
      <translation>Das Oberflächenmodell hat kein KBS; es kann nicht an das Geländemodell angepasst werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="425" />
      <source>The surface model has no CRS; it lies on the grid of the terrain model and is taken in its CRS.</source>
      <translation>Das Oberflächenmodell hat kein KBS; es liegt auf dem Raster des Geländemodells und wird in dessen KBS übernommen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="435" />
      <source>The surface model is resampled onto the grid of the terrain model.</source>
      <translation>Das Oberflächenmodell wird auf das Raster des Geländemodells umgerechnet.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1317" />
      <source>The target share must lie between 0 and 100 %.</source>
      <translation>Der Zielanteil muss zwischen 0 und 100 % liegen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="388" />
      <source>The terrain model cannot be opened: {err}</source>
      <translation>Das Geländemodell kann nicht geöffnet werden: {err}</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="404" />
      <source>The terrain model has {n} no-data cells: they get no value and do not obstruct.</source>
      <translation>Das Geländemodell hat {n} NoData-Zellen: sie erhalten keinen Wert und verdecken nicht.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="399" />
      <source>The terrain model must be a north-up raster without rotation.</source>
      <translation>Das Geländemodell muss ein nordorientiertes Raster ohne Drehung sein.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="392" />
      <source>The terrain model must be in a projected CRS in metres (e.g. EPSG:25832), not in geographic degrees or without a CRS.</source>
      <translation>Das Geländemodell muss in einem projizierten KBS in Metern vorliegen (z. B. EPSG:25832), nicht in geographischen Grad oder ohne KBS.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="438" />
      <source>Time limit of the search (s)</source>
      <translation>Zeitlimit der Suche (s)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="158" />
      <source>Transmit power is ERP (EIRP = ERP + 2.15 dB)</source>
      <translation>Sendeleistung ist ERP (EIRP = ERP + 2,15 dB)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/radio.py" line="79" />
      <source>Unknown Hata environment: {name}.</source>
      <translation>Unbekannte Hata-Umgebung: {name}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/radio.py" line="309" />
      <source>Unknown device environment: {name}.</source>
      <translation>Unbekannte Lage des Endgeräts: {name}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/radio.py" line="154" />
      <location filename="../plugins/hamm_lorawan/logic/radio.py" line="126" />
      <source>Unknown propagation model: {name}.</source>
      <translation>Unbekanntes Ausbreitungsmodell: {name}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="856" />
      <source>Without a terrain model the fit has no obstruction term: the average obstruction of the measured paths is inside PL0 and n, and the saved model adds no diffraction (obstruction factor 0). Give the terrain (and surface) model to fit the obstruction.</source>
      <translation>Ohne Geländemodell hat die Anpassung keinen Hindernisterm: Die mittlere Abschattung der gemessenen Wege steckt in PL0 und n, und das gespeicherte Modell rechnet keine Beugung hinzu (Hindernisfaktor 0). Geben Sie das Gelände- (und Oberflächen-)modell an, um die Abschattung anzupassen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="923" />
      <source>all</source>
      <translation>alle</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/chart.py" line="70" />
      <source>distance (m)</source>
      <translation>Entfernung (m)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/styles.py" line="59" />
      <source>no gateway</source>
      <translation>kein Gateway</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/calibration.py" line="90" />
      <source>or</source>
      <translation>oder</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/logic/siting.py" line="1262" />
      <source>scipy is not installed: the local search result is reported with its bound (no exact solver).</source>
      <translation>scipy ist nicht installiert: das Ergebnis der lokalen Suche wird mit seiner Schranke ausgegeben (kein exakter Löser).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="581" />
      <source>unknown</source>
      <translation>unbekannt</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="505" />
      <source>{n} buildings raised the surface model ({s} without a usable height skipped).</source>
      <translation>{n} Gebäude haben das Oberflächenmodell angehoben ({s} ohne verwendbare Höhe übersprungen).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="552" />
      <source>{n} candidates lie outside the terrain raster or on its no-data cells and reach no demand here: {names}.</source>
      <translation>{n} Kandidaten liegen außerhalb des Geländerasters oder auf seinen NoData-Zellen und erreichen hier keinen Bedarf: {names}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="515" />
      <source>{n} demand features have no number in the field '{field}': they count with weight 0.</source>
      <translation>{n} Bedarfsobjekte haben keine Zahl im Feld „{field}“: Sie zählen mit dem Gewicht 0.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="525" />
      <source>{n} demand features lie outside the terrain raster and can never be covered.</source>
      <translation>{n} Bedarfsobjekte liegen außerhalb des Geländerasters und können nie abgedeckt werden.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/common.py" line="368" />
      <source>{n} features have no number in the field '{field}': they got {value}.</source>
      <translation>{n} Objekte haben keine Zahl im Feld „{field}“: Sie erhielten {value}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/styles.py" line="63" />
      <source>{n} gateway(s)</source>
      <translation>{n} Gateway(s)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="133" />
      <source>{n} gateways; {c} of {v} cells covered ({p:.1f} %).</source>
      <translation>{n} Gateways; {c} von {v} Zellen abgedeckt ({p:.1f} %).</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="323" />
      <source>{n} points lie outside the terrain raster or on its no-data cells: they got no link.</source>
      <translation>{n} Punkte liegen außerhalb des Geländerasters oder auf seinen NoData-Zellen: Sie haben keine Verbindung erhalten.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="751" />
      <source>{n} rows without a usable position, gateway or RSSI were skipped.</source>
      <translation>{n} Zeilen ohne verwendbare Position, Gateway oder RSSI wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="588" />
      <source>{n} sites chosen ({m}): {share:.1%} of the demand covered for a cost of {c:.1f}; no choice costs less than {b}, gap {g}.</source>
      <translation>{n} Standorte gewählt ({m}): {share:.1%} des Bedarfs abgedeckt für Kosten von {c:.1f}; keine Auswahl kostet weniger als {b}, Lücke {g}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/algorithms.py" line="584" />
      <source>{n} sites chosen ({m}): {share:.1%} of the demand covered, bound {b}, gap {g}.</source>
      <translation>{n} Standorte gewählt ({m}): {share:.1%} des Bedarfs abgedeckt, Schranke {b}, Lücke {g}.</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/styles.py" line="29" />
      <source>{v:.0f} dBm (SF12)</source>
      <translation>{v:.0f} dBm (SF12)</translation>
    </message>
    <message>
      <location filename="../plugins/hamm_lorawan/processing/styles.py" line="30" />
      <source>{v:.0f} dBm (SF7)</source>
      <translation>{v:.0f} dBm (SF7)</translation>
    </message>
  </context>
</TS>

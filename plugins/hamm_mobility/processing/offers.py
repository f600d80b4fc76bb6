"""Algorithms: parking occupancy (DATEX II / JSON), charging points (OCPI / BNetzA CSV),
traffic counts (CSV), and "Mobilitätsangebote im Umkreis" (mobility offers near points)."""

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsSpatialIndex,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from hamm_core.adapters import network
from hamm_core.logic.errors import HammError

from ..adapters import feeds
from ..adapters import layers as lyr
from ..adapters.live_feed import record_geometry
from ..logic import charging, counts, parking, walknet
from ..logic.i18n import tr_noop
from .algorithms import sink_for, write
from .common import MobilityAlgorithm

COUNT_STATION_FIELDS = [("station_id", "str"), ("name", "str"), ("intervalle", "int"),
                        ("kfz", "int"), ("rad", "int"), ("fuss", "int"), ("gesamt", "int"),
                        ("anteil_rad_pct", "real"), ("spitze", "int"), ("spitze_zeit", "str"),
                        ("erste", "str"), ("letzte", "str")]
COUNT_INTERVAL_FIELDS = [("station_id", "str"), ("zeit", "str"), ("kfz", "int"),
                         ("rad", "int"), ("fuss", "int"), ("gesamt", "int")]


def _read(alg, parameters, context, feedback, url_key, file_key):
    """[(bytes, source)] from the URL(s) (space or line separated) or the file(s)."""
    urls = alg.parameterAsString(parameters, url_key, context).split()
    path = alg.parameterAsFile(parameters, file_key, context)
    docs = []
    try:
        for url in urls:
            docs.append((network.fetch(url, feedback=feedback, cache=False).content, url))
    except HammError as err:
        raise QgsProcessingException(err.user_message) from err
    for p in [p for p in (path or "").split(";") if p]:
        try:
            with open(p, "rb") as handle:
                docs.append((handle.read(), p))
        except OSError as err:
            raise QgsProcessingException(alg.tr("The file {path} cannot be read: {error}")
                                         .format(path=p, error=err)) from err
    if not docs:
        raise QgsProcessingException(alg.tr("Enter an address (URL) or choose a file."))
    return docs


class ParkingAlgorithm(MobilityAlgorithm):
    NAME = "parking_occupancy"
    DISPLAY = "Parking facilities with occupancy"
    GROUP_ID = "parking_charging"
    GROUP = "Parking and charging"
    HELP = ("Reads parking facilities and their current occupancy and writes them as points "
            "in EPSG:25832 (capacity, occupied, free, occupancy in %, state).\n"
            "Formats: DATEX II v2 (d2LogicalModel with ParkingFacilityTablePublication for the "
            "facilities and ParkingFacilityTableStatusPublication for the occupancy) and "
            "DATEX II v3 (ParkingTablePublication and ParkingStatusPublication): give the "
            "address of the table and of the status publication, separated by a space. "
            "Or a simple JSON document:\n"
            "{\"parkings\": [{\"id\": \"P1\", \"name\": \"Parkhaus Mitte\", \"lat\": 51.68, "
            "\"lon\": 7.82, \"capacity\": 420, \"free\": 97, \"status\": \"open\", "
            "\"updated\": \"2024-06-01T12:00:00+02:00\"}]}\n"
            "(status: open, closed or full; instead of 'free' the number 'occupied' may be "
            "given). "
            "For a layer that refreshes itself use Digitales Hamm > Mobility > Add parking "
            "(live).")
    URLS = "URLS"
    FILES = "FILES"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.URLS, self.tr("Addresses (URL) of the publications, separated by spaces"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.FILES, self.tr("or file(s), separated by ;"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Parking facilities"), QgsProcessing.TypeVectorPoint))

    def processAlgorithm(self, parameters, context, feedback):
        docs = _read(self, parameters, context, feedback, self.URLS, self.FILES)
        try:
            data = parking.read_any(docs)
        except HammError as err:
            raise QgsProcessingException(err.user_message) from err
        records = data.records()
        for text in data.warnings:
            feedback.reportError(text)
        ct = lyr.to_crs()
        sink, dest, fields = sink_for(self, parameters, self.OUTPUT, context,
                                      feeds.PARKING_FIELDS, QgsWkbTypes.Point)
        write(sink, fields, records, lambda r: lyr.point_geometry(r, ct), feedback)
        free = sum(r["frei"] or 0 for r in records)
        feedback.pushInfo(self.tr("{n} parking facilities, {free} free spaces.").format(
            n=len(records), free=free))
        self._style = {dest: ("parking", 0)}
        return {self.OUTPUT: dest}


class ChargingAlgorithm(MobilityAlgorithm):
    NAME = "charging_points"
    DISPLAY = "EV charging points"
    GROUP_ID = "parking_charging"
    GROUP = "Parking and charging"
    HELP = ("Reads charging stations for electric vehicles and writes them as points in "
            "EPSG:25832: number of charging points, free / in use / out of order, plug "
            "types, maximum power in kW, fast charger (50 kW or more).\n"
            "Formats: OCPI 2.2.1 locations (JSON, with EVSEs, connectors and status) or the "
            "Ladesäulenregister of the Bundesnetzagentur (CSV, semicolon separated, with "
            "the title lines before the table as downloaded; no live status).")
    URL = "URL"
    FILE = "FILE"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.URL, self.tr("Address (URL) of the OCPI locations or the CSV"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.FILE, self.tr("or file (JSON or CSV)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Charging points"), QgsProcessing.TypeVectorPoint))

    def processAlgorithm(self, parameters, context, feedback):
        docs = _read(self, parameters, context, feedback, self.URL, self.FILE)
        warnings = []
        records = []
        try:
            for content, source in docs:
                records.extend(charging.parse_any(content, source, warnings))
        except HammError as err:
            raise QgsProcessingException(err.user_message) from err
        for text in warnings:
            feedback.reportError(text)
        ct = lyr.to_crs()
        sink, dest, fields = sink_for(self, parameters, self.OUTPUT, context,
                                      charging.CHARGING_FIELDS, QgsWkbTypes.Point)
        write(sink, fields, records, lambda r: lyr.point_geometry(r, ct), feedback)
        feedback.pushInfo(self.tr("{n} charging stations with {points} charging points.")
                          .format(n=len(records),
                                  points=sum(r["ladepunkte"] or 0 for r in records)))
        self._style = {dest: ("charging", 0)}
        return {self.OUTPUT: dest}


class TrafficCountsAlgorithm(MobilityAlgorithm):
    NAME = "traffic_counts"
    DISPLAY = "Traffic counting stations"
    GROUP_ID = "counts"
    GROUP = "Traffic counts"
    HELP = ("Reads counts of counting stations per interval and mode (cars, bikes, "
            "pedestrians) from a CSV file and writes the stations with their totals per "
            "mode, the bike share and the peak interval, and one point per station and "
            "interval (for the temporal controller and charts).\n"
            "Columns (German or English names, comma or semicolon, decimal comma allowed): "
            "station_id, name, lat, lon (or x, y in EPSG:25832), zeit, and either modus "
            "(kfz/car, rad/bike, fuss/pedestrian) + anzahl, or one column per mode (kfz, rad, "
            "fuss). For counts from a SensorThings API use the algorithm 'Traffic counting "
            "stations (SensorThings)'.")
    INPUT = "INPUT"
    URL = "URL"
    STATIONS = "STATIONS"
    INTERVALS = "INTERVALS"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Counts (CSV)"), extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.URL, self.tr("or address (URL) of the CSV"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.STATIONS, self.tr("Counting stations"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.INTERVALS, self.tr("Counts per interval"), QgsProcessing.TypeVectorPoint,
            optional=True))

    def load(self, parameters, context, feedback):
        docs = _read(self, parameters, context, feedback, self.URL, self.INPUT)
        content, source = docs[0]
        try:
            return counts.parse_counts_csv(content, source)
        except HammError as err:
            raise QgsProcessingException(err.user_message) from err

    def processAlgorithm(self, parameters, context, feedback):
        res = self.load(parameters, context, feedback)
        for text in res.warnings:
            feedback.reportError(text)
        ct = lyr.to_crs()
        sink, sdest, fields = sink_for(self, parameters, self.STATIONS, context,
                                       COUNT_STATION_FIELDS, QgsWkbTypes.Point)
        stations = list(res.stations.values())
        write(sink, fields, stations, lambda r: record_geometry(r, ct), feedback)
        out = {self.STATIONS: sdest}
        if parameters.get(self.INTERVALS) is not None:
            sink, idest, fields = sink_for(self, parameters, self.INTERVALS, context,
                                           COUNT_INTERVAL_FIELDS, QgsWkbTypes.Point)
            write(sink, fields, res.intervals,
                  lambda r: record_geometry(res.stations[r["station_id"]], ct), feedback)
            out[self.INTERVALS] = idest
        feedback.pushInfo(self.tr("{stations} counting stations, {intervals} intervals: "
                                  "{car} cars, {bike} bikes, {foot} pedestrians.").format(
            stations=len(stations), intervals=len(res.intervals),
            car=sum(s["kfz"] for s in stations), bike=sum(s["rad"] for s in stations),
            foot=sum(s["fuss"] for s in stations)))
        self._style = {sdest: ("counts", max([s["gesamt"] for s in stations] or [1]))}
        return out


def _parse_time(alg, text: str):
    from datetime import datetime, timezone
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as err:
        raise QgsProcessingException(alg.tr("'{value}' is not a date and time: write it as "
                                            "2024-06-03T07:00 (UTC unless an offset is "
                                            "given).").format(value=text)) from err
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class TrafficCountsStaAlgorithm(TrafficCountsAlgorithm):
    NAME = "traffic_counts_sta"
    DISPLAY = "Traffic counting stations (SensorThings)"
    HELP = ("Reads counts of counting stations from a SensorThings API: every Datastream "
            "whose ObservedProperty (or name) is Kfz/car, Rad/bike or Fuß/pedestrian, with "
            "its observations between start and end, one interval per observation. Writes "
            "the stations with totals per mode, bike share and peak interval, and one point "
            "per station and interval. Needs the plugin Digitales Hamm Sensoren "
            "(hamm_sensors) for the SensorThings client.")
    FILTER = "FILTER"
    START = "START"
    END = "END"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.URL, self.tr("SensorThings API (e.g. https://…/v1.1)")))
        self.addParameter(QgsProcessingParameterString(
            self.FILTER, self.tr("Filter on the Things ($filter, optional)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.START, self.tr("Start (e.g. 2024-06-03T00:00)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.END, self.tr("End"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.STATIONS, self.tr("Counting stations"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.INTERVALS, self.tr("Counts per interval"), QgsProcessing.TypeVectorPoint,
            optional=True))

    def load(self, parameters, context, feedback):
        from ..adapters.sta_counts import load_sta_counts
        url = self.parameterAsString(parameters, self.URL, context).strip()
        start = _parse_time(self, self.parameterAsString(parameters, self.START, context))
        end = _parse_time(self, self.parameterAsString(parameters, self.END, context))
        try:
            return load_sta_counts(url, start, end, self.parameterAsString(
                parameters, self.FILTER, context).strip(), feedback=feedback)
        except HammError as err:
            raise QgsProcessingException(err.user_message) from err


# (parameter, output field prefix, English label) of the offer layers
OFFERS = (("SHARING_STATIONS", "sharing", tr_noop("Sharing stations")),
          ("VEHICLES", "fahrzeuge", tr_noop("Sharing vehicles")),
          ("CHARGING", "laden", tr_noop("Charging points")),
          ("PARKING", "parken", tr_noop("Parking")),
          ("STOPS", "halte", tr_noop("Stops")))


class NearbyOffersAlgorithm(MobilityAlgorithm):
    NAME = "nearby_offers"
    DISPLAY = "Mobility offers nearby"
    GROUP_ID = "analysis"
    GROUP = "Analysis"
    HELP = ("For each input point (addresses, stops …) counts and lists the sharing "
            "stations, sharing vehicles, charging points, parking facilities and public "
            "transport stops within the walking distance (in metres; 400 m is about 5 "
            "minutes on foot): in a straight line, or along the footway network when a line "
            "layer of footways is given. Along the network, each point and each offer is "
            "joined to the nearest footway by a straight piece that counts as walking too; "
            "line ends closer than 1 cm count as connected, offers on separate parts of the "
            "network are not reached. Each offer layer is optional. Charging points count "
            "the field 'ladepunkte' when present (else one per feature), sharing stations "
            "also add up 'fahrzeuge' (available vehicles).\n"
            "Outputs: the points with one count and one list of names per kind of offer, and "
            "a summary table (per kind: offers reached, points with at least one, points "
            "without, mean per point).")
    INPUT = "INPUT"
    DISTANCE = "DISTANCE"
    NAME_FIELD = "NAME_FIELD"
    FOOTWAYS = "FOOTWAYS"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Points (addresses, stops …)"),
            [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterDistance(
            self.DISTANCE, self.tr("Walking distance"), 400.0, self.INPUT, minValue=1.0))
        for key, _prefix, label in OFFERS:
            self.addParameter(QgsProcessingParameterFeatureSource(
                key, self.tr(label), [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Name field of the offers (default: name)"),
            "name", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FOOTWAYS, self.tr("Footway network (optional: walking distance along it "
                                   "instead of a straight line)"),
            [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Points with mobility offers"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SUMMARY, self.tr("Summary"), QgsProcessing.TypeVector))

    def processAlgorithm(self, parameters, context, feedback):
        points = self.parameterAsSource(parameters, self.INPUT, context)
        if points is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        crs = points.sourceCrs()
        if crs.isGeographic():
            raise QgsProcessingException(self.tr(
                "The points are in a geographic CRS ({crs}); distances in metres need a "
                "projected CRS such as EPSG:25832. Reproject the layer first.").format(
                crs=crs.authid()))
        dist = self.parameterAsDouble(parameters, self.DISTANCE, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or "name"
        offers = []
        for key, prefix, label in OFFERS:
            src = self.parameterAsSource(parameters, key, context)
            if src is None:
                continue
            ct = QgsCoordinateTransform(src.sourceCrs(), crs, context.transformContext())
            index = QgsSpatialIndex()
            items = {}
            names = src.fields().names()
            for feat in src.getFeatures():
                if feedback.isCanceled():
                    break
                geom = feat.geometry()
                if geom is None or geom.isEmpty():
                    continue
                geom = QgsGeometry(geom)
                geom.transform(ct)
                pt = geom.centroid().asPoint()
                weight = 1
                if prefix == "laden" and "ladepunkte" in names:
                    weight = feat["ladepunkte"] if isinstance(feat["ladepunkte"], int) else 1
                vehicles = feat["fahrzeuge"] if prefix == "sharing" and "fahrzeuge" in names \
                    and isinstance(feat["fahrzeuge"], int) else 0
                label_text = str(feat[name_field]) if name_field in names and \
                    feat[name_field] not in (None, "") else str(feat.id())
                f = QgsFeature(feat.id())
                f.setGeometry(QgsGeometry.fromPointXY(pt))
                index.addFeature(f)
                items[feat.id()] = (pt, weight, vehicles, label_text)
            offers.append((prefix, label, index, items))
        net = self._network(parameters, context, feedback, crs)
        snaps = {}  # (prefix, fid) -> Snap of an offer on the network

        def walking(prefix, fid, pt, start, reach):
            key = (prefix, fid)
            if key not in snaps:
                snaps[key] = net.snap(pt.x(), pt.y())
            return net.walk(start, reach, snaps[key])

        fields = QgsFields(points.fields())
        for prefix, _label, _i, _items in offers:
            fields.append(QgsField("anz_" + prefix, QVariant.Int))
            fields.append(QgsField("liste_" + prefix, QVariant.String))
            if prefix == "sharing":
                fields.append(QgsField("anz_sharing_fahrzeuge", QVariant.Int))
        fields.append(QgsField("anz_gesamt", QVariant.Int))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          points.wkbType(), crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        stats = {prefix: {"reached": set(), "with": 0, "sum": 0} for prefix, *_ in offers}
        total_points = points.featureCount() or 1
        n_points = 0
        for n, feat in enumerate(points.getFeatures(QgsFeatureRequest())):
            if feedback.isCanceled():
                break
            geom = feat.geometry()
            attrs = list(feat.attributes())
            grand = 0
            centre = geom.centroid().asPoint() if geom is not None and not geom.isEmpty() \
                else None
            start = reach = None
            if net is not None and centre is not None:
                start = net.snap(centre.x(), centre.y())
                reach = net.node_distances(start, max(0.0, dist - start.offset))
            for prefix, _label, index, items in offers:
                hits = []
                if centre is not None:
                    # the walk is never shorter than the straight line: candidates first
                    for fid in index.intersects(QgsGeometry.fromPointXY(centre).buffer(
                            dist, 8).boundingBox()):
                        pt, weight, vehicles, text = items[fid]
                        d = QgsPointXY(pt).distance(centre)
                        if d <= dist and start is not None:
                            d = walking(prefix, fid, pt, start, reach)
                        if d <= dist:
                            hits.append((d, fid, weight, vehicles, text))
                hits.sort()
                count = sum(h[2] for h in hits)
                attrs.append(count)
                attrs.append("; ".join(h[4] for h in hits))
                if prefix == "sharing":
                    attrs.append(sum(h[3] for h in hits))
                grand += count
                st = stats[prefix]
                st["reached"].update(h[1] for h in hits)
                st["sum"] += count
                st["with"] += 1 if hits else 0
            attrs.append(grand)
            out = QgsFeature(fields)
            out.setGeometry(geom)
            out.setAttributes(attrs)
            sink.addFeature(out, QgsFeatureSink.FastInsert)
            n_points += 1
            feedback.setProgress(100.0 * (n + 1) / total_points)
        del sink
        sfields = QgsFields()
        for name, kind in (("angebot", QVariant.String), ("erreichbar", QVariant.Int),
                           ("punkte_mit", QVariant.Int), ("punkte_ohne", QVariant.Int),
                           ("mittel_je_punkt", QVariant.Double)):
            sfields.append(QgsField(name, kind))
        ssink, sdest = self.parameterAsSink(parameters, self.SUMMARY, context, sfields,
                                            QgsWkbTypes.NoGeometry)
        if ssink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.SUMMARY))
        for prefix, label, _index, items in offers:
            st = stats[prefix]
            reached = sum(items[fid][1] for fid in st["reached"])
            row = QgsFeature(sfields)
            row.setAttributes([self.tr(label), reached, st["with"], n_points - st["with"],
                               round(st["sum"] / n_points, 2) if n_points else 0.0])
            ssink.addFeature(row, QgsFeatureSink.FastInsert)
            feedback.pushInfo(self.tr("{label}: {reached} reached, {with_} of {n} points "
                                      "have at least one.").format(
                label=self.tr(label), reached=reached, with_=st["with"], n=n_points))
        del ssink
        if not offers:
            feedback.reportError(self.tr("No offer layer was chosen: all counts are 0."))
        return {self.OUTPUT: dest, self.SUMMARY: sdest}

    def _network(self, parameters, context, feedback, crs):
        """The footway network in the points' CRS, or None without footways."""
        src = self.parameterAsSource(parameters, self.FOOTWAYS, context)
        if src is None:
            return None
        ct = QgsCoordinateTransform(src.sourceCrs(), crs, context.transformContext())
        lines = []
        for feat in src.getFeatures():
            if feedback.isCanceled():
                break
            geom = feat.geometry()
            if geom is None or geom.isEmpty():
                continue
            geom = QgsGeometry(geom)
            geom.transform(ct)
            parts = geom.asMultiPolyline() if geom.isMultipart() else [geom.asPolyline()]
            lines.extend([(p.x(), p.y()) for p in part] for part in parts if len(part) > 1)
        net = walknet.FootwayNetwork(lines)
        if not net.n_edges:
            raise QgsProcessingException(self.tr("The footway layer holds no lines: walking "
                                                 "distances along it cannot be computed."))
        feedback.pushInfo(self.tr("Footway network: {edges} segments, {nodes} nodes; "
                                  "distances along the network.").format(
            edges=net.n_edges, nodes=net.n_nodes))
        return net

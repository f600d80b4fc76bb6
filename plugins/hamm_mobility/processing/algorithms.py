"""Algorithms: GTFS feed to stop and route layers (departures per stop for a day and hour
range), a GBFS system snapshot, GTFS-Realtime vehicle positions and delays per stop."""

import os
import tempfile
from datetime import date, datetime

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from hamm_core.adapters import network
from hamm_core.logic.errors import HammError

from ..adapters import layers as lyr
from ..logic import gbfs, gtfs, gtfsrt
from .common import MobilityAlgorithm

STOP_FIELDS = [("stop_id", "str"), ("name", "str"), ("code", "str"), ("typ", "int"),
               ("station", "str"), ("abfahrten", "int"), ("tag", "str"), ("von_h", "int"),
               ("bis_h", "int")]
ROUTE_FIELDS = [("route_id", "str"), ("linie", "str"), ("name", "str"), ("route_type", "int"),
                ("verkehrsmittel", "str"), ("farbe", "str"), ("fahrten", "int"),
                ("geometrie_aus", "str")]
RT_VEHICLE_FIELDS = [("fahrzeug_id", "str"), ("bezeichnung", "str"), ("trip_id", "str"),
                     ("route_id", "str"), ("linie", "str"), ("richtung_grad", "real"),
                     ("geschw_kmh", "real"), ("halt_id", "str"), ("status", "str"),
                     ("zeitstempel", "long"), ("verspaetung_s", "int")]
DELAY_FIELDS = [("stop_id", "str"), ("name", "str"), ("prognosen", "int"),
                ("verspaetung_mittel_s", "real"), ("verspaetung_max_s", "int"),
                ("ausfaelle", "int"), ("fahrten", "int")]


def parse_day(text: str, tr) -> date:
    text = (text or "").strip()
    if not text:
        return date.today()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%Y%m%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise QgsProcessingException(tr("'{value}' is not a date: write it as 2024-10-02 or "
                                    "02.10.2024.").format(value=text))


def sink_for(alg, parameters, name, context, spec, wkb):
    fields = lyr.fields_of(spec)
    sink, dest = alg.parameterAsSink(parameters, name, context, fields, wkb, lyr.CRS)
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    return sink, dest, fields


def write(sink, fields, records, geometry, feedback=None):
    """Records into a sink; ``geometry``: a function of a record, or one geometry per
    record (a list)."""
    names = fields.names()
    geoms = None if callable(geometry) else geometry
    for k, rec in enumerate(records):
        if feedback is not None and feedback.isCanceled():
            break
        feat = QgsFeature(fields)
        feat.setGeometry(geoms[k] if geoms is not None else geometry(rec))
        feat.setAttributes([rec.get(n) for n in names])
        sink.addFeature(feat, QgsFeatureSink.FastInsert)


def gtfs_source(alg, parameters, context, feedback) -> str:
    """The GTFS zip: a local file, or downloaded from the URL into a temporary file."""
    path = alg.parameterAsFile(parameters, alg.INPUT, context)
    url = alg.parameterAsString(parameters, alg.URL, context).strip()
    if url:
        try:
            response = network.fetch(url, feedback=feedback, max_bytes=500 * 1024 * 1024)
        except HammError as err:
            raise QgsProcessingException(err.user_message) from err
        handle, path = tempfile.mkstemp(suffix=".zip", prefix="hamm_gtfs_")
        with os.fdopen(handle, "wb") as out:
            out.write(response.content)
        context.temporaryLayerStore()  # keep context alive for the run
    if not path:
        raise QgsProcessingException(alg.tr("Choose a GTFS zip file or enter its URL."))
    return path


class GtfsLayersAlgorithm(MobilityAlgorithm):
    NAME = "gtfs_layers"
    DISPLAY = "GTFS feed to stops and routes"
    GROUP_ID = "transit"
    GROUP = "Public transport"
    HELP = ("Reads a GTFS feed (zip file or URL) as a stream and writes its stops, with the "
            "number of departures on the chosen day and hour range, and its routes as lines "
            "(from shapes.txt, or along the stops where shapes are missing). calendar.txt, "
            "calendar_dates.txt and frequencies.txt are honoured; departures at platforms "
            "also count for their parent station. Output in EPSG:25832.")
    INPUT = "INPUT"
    URL = "URL"
    DAY = "DAY"
    HOUR_FROM = "HOUR_FROM"
    HOUR_TO = "HOUR_TO"
    STOPS = "STOPS"
    ROUTES = "ROUTES"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("GTFS feed (zip)"), extension="zip", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.URL, self.tr("or GTFS feed URL"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DAY, self.tr("Day (YYYY-MM-DD; empty = today)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.HOUR_FROM, self.tr("From hour"), QgsProcessingParameterNumber.Integer, 0,
            minValue=0, maxValue=47))
        self.addParameter(QgsProcessingParameterNumber(
            self.HOUR_TO, self.tr("To hour (exclusive; up to 48 for trips after midnight)"),
            QgsProcessingParameterNumber.Integer, 24, minValue=1, maxValue=48))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.STOPS, self.tr("Stops"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ROUTES, self.tr("Routes"), QgsProcessing.TypeVectorLine))

    def processAlgorithm(self, parameters, context, feedback):
        day = parse_day(self.parameterAsString(parameters, self.DAY, context), self.tr)
        h0 = self.parameterAsInt(parameters, self.HOUR_FROM, context)
        h1 = self.parameterAsInt(parameters, self.HOUR_TO, context)
        if h1 <= h0:
            raise QgsProcessingException(self.tr("The hour range is empty: 'to hour' must be "
                                                 "after 'from hour'."))
        path = gtfs_source(self, parameters, context, feedback)
        feedback.pushInfo(self.tr("Reading {path} for {day}, {h0}-{h1} h …").format(
            path=path, day=day.isoformat(), h0=h0, h1=h1))
        try:
            res = gtfs.load_path(path, day, h0, h1,
                                 feedback=lambda n: feedback.isCanceled())
        except HammError as err:
            raise QgsProcessingException(err.user_message) from err
        for text in res.warnings:
            feedback.reportError(text)
        feedback.setProgress(60)
        ct = lyr.to_crs()
        sink, stops_dest, fields = sink_for(self, parameters, self.STOPS, context, STOP_FIELDS,
                                            QgsWkbTypes.Point)
        for rec in res.stops:
            rec.update({"typ": rec["location_type"], "station": rec["parent_station"],
                        "abfahrten": rec["departures"], "tag": day.isoformat(),
                        "von_h": h0, "bis_h": h1})
        write(sink, fields, res.stops, lyr.point_geometries(res.stops, ct), feedback)
        feedback.setProgress(80)
        sink, routes_dest, fields = sink_for(self, parameters, self.ROUTES, context,
                                             ROUTE_FIELDS, QgsWkbTypes.LineString)
        for rec in res.routes:
            label = gtfs.ROUTE_TYPES.get(rec["type_group"], (None, ""))[0]
            rec.update({"linie": rec["short_name"], "name": rec["long_name"],
                        "verkehrsmittel": self.tr(label) if label else str(rec["route_type"]),
                        "farbe": rec["color"], "fahrten": rec["trips"],
                        "geometrie_aus": rec["origin"]})
        write(sink, fields, res.routes, lambda r: lyr.line_geometry(r["coords"], ct), feedback)
        feedback.pushInfo(self.tr("{stops} stops, {routes} route lines, {deps} departures of "
                                  "{trips} trips on {day} ({rows} stop times read).").format(
            stops=len(res.stops), routes=len(res.routes), deps=res.departures,
            trips=res.trips_active, day=day.isoformat(), rows=res.stop_times_read))
        self._style = {stops_dest: ("stops", max([s["departures"] for s in res.stops] or [1])),
                       routes_dest: ("routes", 0)}
        return {self.STOPS: stops_dest, self.ROUTES: routes_dest}


class GbfsSnapshotAlgorithm(MobilityAlgorithm):
    NAME = "gbfs_snapshot"
    DISPLAY = "GBFS sharing system snapshot"
    GROUP_ID = "sharing"
    GROUP = "Sharing"
    HELP = ("Reads a bike, scooter or car sharing system from its GBFS auto-discovery URL "
            "(gbfs.json, versions 1.x, 2.x and 3.0) and writes its stations with live status, "
            "its free-floating vehicles and its geofencing zones, in EPSG:25832. For a layer "
            "that refreshes itself use Digitales Hamm > Mobility > Add sharing system.")
    URL = "URL"
    STATIONS = "STATIONS"
    VEHICLES = "VEHICLES"
    ZONES = "ZONES"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.URL, self.tr("GBFS auto-discovery URL (gbfs.json)")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.STATIONS, self.tr("Stations"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.VEHICLES, self.tr("Vehicles"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ZONES, self.tr("Geofencing zones"), QgsProcessing.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):
        url = self.parameterAsString(parameters, self.URL, context).strip()
        try:
            snap = gbfs.load_system(url, lambda u: network.fetch_json(u, feedback=feedback))
        except HammError as err:
            raise QgsProcessingException(err.user_message) from err
        for text in snap.warnings:
            feedback.reportError(text)
        ct = lyr.to_crs()
        out = {}
        for key, spec, records, wkb, geom in (
                (self.STATIONS, lyr.STATION_FIELDS, snap.stations, QgsWkbTypes.Point,
                 lambda r: lyr.point_geometry(r, ct)),
                (self.VEHICLES, lyr.VEHICLE_FIELDS, snap.vehicles, QgsWkbTypes.Point,
                 lambda r: lyr.point_geometry(r, ct)),
                (self.ZONES, lyr.ZONE_FIELDS, snap.zones, QgsWkbTypes.MultiPolygon,
                 lambda r: lyr.geojson_polygon(r["geometry"], ct))):
            sink, dest, fields = sink_for(self, parameters, key, context, spec, wkb)
            for rec in records:
                rec["system"] = snap.name
            write(sink, fields, records, geom, feedback)
            out[key] = dest
        feedback.pushInfo(self.tr("{name} (GBFS {version}): {stations} stations, {vehicles} "
                                  "vehicles, {zones} zones.").format(
            name=snap.name, version=snap.version, stations=len(snap.stations),
            vehicles=len(snap.vehicles), zones=len(snap.zones)))
        self._style = {out[self.STATIONS]: ("stations", 0), out[self.VEHICLES]: ("vehicles", 0),
                       out[self.ZONES]: ("zones", 0)}
        return out


class GtfsRealtimeAlgorithm(MobilityAlgorithm):
    NAME = "gtfsrt_layers"
    DISPLAY = "GTFS-Realtime vehicles and delays"
    GROUP_ID = "transit"
    GROUP = "Public transport"
    HELP = ("Reads a GTFS-Realtime feed (protobuf; VehiclePositions and/or TripUpdates, by URL "
            "or file) and writes the vehicle positions and, with the static GTFS feed for stop "
            "locations and line names, the delays per stop (number of predictions, mean and "
            "maximum delay in seconds, skipped stops). No extra Python package is needed.")
    RT_URL = "RT_URL"
    RT_FILE = "RT_FILE"
    GTFS = "GTFS"
    VEHICLES = "VEHICLES"
    DELAYS = "DELAYS"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.RT_URL, self.tr("GTFS-Realtime feed URL"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.RT_FILE, self.tr("or GTFS-Realtime file (.pb)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.GTFS, self.tr("Static GTFS feed (zip) for stops and line names"),
            extension="zip", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.VEHICLES, self.tr("Vehicles (real time)"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.DELAYS, self.tr("Delays per stop"), QgsProcessing.TypeVectorPoint,
            optional=True))

    def processAlgorithm(self, parameters, context, feedback):
        url = self.parameterAsString(parameters, self.RT_URL, context).strip()
        path = self.parameterAsFile(parameters, self.RT_FILE, context)
        try:
            if url:
                data = network.fetch(url, feedback=feedback).content
                source = url
            elif path:
                with open(path, "rb") as handle:
                    data = handle.read()
                source = path
            else:
                raise QgsProcessingException(self.tr("Enter the URL of a GTFS-Realtime feed "
                                                     "or choose a file."))
            feed = gtfsrt.decode_feed(data, source)
        except HammError as err:
            raise QgsProcessingException(err.user_message) from err
        except OSError as err:
            raise QgsProcessingException(self.tr("The file {path} cannot be read: {error}")
                                         .format(path=path, error=err)) from err
        stops, routes, trip_routes = {}, {}, {}
        static = self.parameterAsFile(parameters, self.GTFS, context)
        if static:
            try:
                zf = gtfs.GtfsZip(static)
                try:
                    stops = gtfs.read_stops(zf, [])
                    routes = gtfs.read_routes(zf)
                    trip_routes = gtfs.read_trip_routes(zf)
                finally:
                    zf.close()
            except HammError as err:
                raise QgsProcessingException(err.user_message) from err
        delays_by_trip = {tu.trip.trip_id: tu for tu in feed.trip_updates}
        ct = lyr.to_crs()
        sink, vdest, fields = sink_for(self, parameters, self.VEHICLES, context,
                                       RT_VEHICLE_FIELDS, QgsWkbTypes.Point)
        records = []
        skipped = 0
        for v in feed.vehicles:
            if not gbfs.valid_lonlat(v.longitude, v.latitude):
                skipped += 1
                continue
            route_id = v.trip.route_id or trip_routes.get(v.trip.trip_id, "")
            tu = delays_by_trip.get(v.trip.trip_id)
            delay = None
            if tu is not None:
                delay = tu.delay
                for u in tu.stop_time_updates:
                    if u.delay is not None:
                        delay = u.delay
                        break
            records.append({
                "lon": v.longitude, "lat": v.latitude, "fahrzeug_id": v.vehicle_id or
                v.entity_id, "bezeichnung": v.vehicle_label, "trip_id": v.trip.trip_id,
                "route_id": route_id,
                "linie": routes.get(route_id, {}).get("short_name", ""),
                "richtung_grad": v.bearing,
                "geschw_kmh": v.speed * 3.6 if v.speed is not None else None,
                "halt_id": v.stop_id, "status": v.current_status, "zeitstempel": v.timestamp,
                "verspaetung_s": delay})
        if skipped:
            feedback.reportError(self.tr("{n} vehicles without valid position were skipped.")
                                 .format(n=skipped))
        write(sink, fields, records, lambda r: lyr.point_geometry(r, ct), feedback)
        out = {self.VEHICLES: vdest}
        per_stop = gtfsrt.delays_per_stop(feed)
        if parameters.get(self.DELAYS) is not None:
            sink, ddest, fields = sink_for(self, parameters, self.DELAYS, context,
                                           DELAY_FIELDS, QgsWkbTypes.Point)
            drecs = []
            missing = 0
            for sid, rec in per_stop.items():
                stop = stops.get(sid)
                if stop is None:
                    missing += 1
                    continue
                drecs.append({"lon": stop["lon"], "lat": stop["lat"], "stop_id": sid,
                              "name": stop["name"], "prognosen": rec["n"],
                              "verspaetung_mittel_s": rec["mean"],
                              "verspaetung_max_s": rec["max"], "ausfaelle": rec["skipped"],
                              "fahrten": rec["trips"]})
            if missing:
                feedback.reportError(self.tr("{n} stops of the real-time feed are not in the "
                                             "static GTFS feed (or no static feed was given); "
                                             "they have no location.").format(n=missing))
            write(sink, fields, drecs, lambda r: lyr.point_geometry(r, ct), feedback)
            out[self.DELAYS] = ddest
        feedback.pushInfo(self.tr("{vehicles} vehicles, {trips} trip updates, {alerts} alerts "
                                  "(feed time {time}).").format(
            vehicles=len(records), trips=len(feed.trip_updates), alerts=len(feed.alerts),
            time=feed.timestamp))
        self._style = {vdest: ("rt_vehicles", 0)}
        return out

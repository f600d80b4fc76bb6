"""Parking, charging and counts documents for the hamm_mobility tests, the benchmark and
the live demo, written after the published specifications (no copied examples):

- DATEX II v2.3 parking (namespace http://datex2.eu/schema/2/2_0): d2LogicalModel with
  payloadPublication xsi:type ParkingFacilityTablePublication / ParkingFacilityTable-
  StatusPublication, as the German MDM/Mobilithek parking profiles publish them.
- DATEX II v3 parking (namespaces http://datex2.eu/schema/3/{parking,common,
  locationReferencing}): ParkingTablePublication / ParkingStatusPublication.
- OCPI 2.2.1 locations (module Locations: Location, EVSE, Connector, response envelope).
- Ladesäulenregister CSV of the Bundesnetzagentur (title lines, semicolons, decimal comma,
  Windows-1252), older column layout.
- traffic counts CSV (long and wide layout, see hamm_mobility.logic.counts).
"""

from typing import Dict, List, Sequence

# Parking garages in Hamm (synthetic): id, name, lat, lon, capacity
GARAGES = [("PH1", "Parkhaus Allee-Center", 51.6797, 7.8167, 400),
           ("PH2", "Parkhaus Hauptbahnhof", 51.6775, 7.8072, 250),
           ("PH3", "Tiefgarage Santa-Monica-Platz", 51.6818, 7.8210, 120)]


def datex2_v2_table(garages=GARAGES) -> bytes:
    facs = "".join("""
      <parkingFacility id="{id}" version="1">
        <parkingFacilityName>{name}</parkingFacilityName>
        <totalParkingCapacity>{cap}</totalParkingCapacity>
        <facilityLocation xsi:type="Point">
          <locationForDisplay><latitude>{lat}</latitude><longitude>{lon}</longitude>
          </locationForDisplay>
        </facilityLocation>
      </parkingFacility>""".format(id=g[0], name=g[1], lat=g[2], lon=g[3], cap=g[4])
                   for g in garages)
    return """<?xml version="1.0" encoding="UTF-8"?>
<d2LogicalModel xmlns="http://datex2.eu/schema/2/2_0"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" modelBaseVersion="2">
  <exchange><supplierIdentification><country>de</country>
    <nationalIdentifier>Stadt Hamm</nationalIdentifier></supplierIdentification></exchange>
  <payloadPublication xsi:type="ParkingFacilityTablePublication" lang="de">
    <publicationTime>2024-06-01T12:00:00+02:00</publicationTime>
    <publicationCreator><country>de</country>
      <nationalIdentifier>Stadt Hamm</nationalIdentifier></publicationCreator>
    <headerInformation><confidentiality>noRestriction</confidentiality>
      <informationStatus>real</informationStatus></headerInformation>
    <parkingFacilityTable id="hamm_parken" version="1">{facs}
    </parkingFacilityTable>
  </payloadPublication>
</d2LogicalModel>""".format(facs=facs).encode("utf-8")


def datex2_v2_status(occupied: Dict[str, int], status: Dict[str, str] = None,
                     garages=GARAGES) -> bytes:
    status = status or {}
    parts = []
    for g in garages:
        if g[0] not in occupied:
            continue
        occ = occupied[g[0]]
        parts.append("""
    <parkingFacilityStatus>
      <parkingFacilityOccupancy>{pct}</parkingFacilityOccupancy>
      <parkingFacilityReference targetClass="ParkingFacility" id="{id}" version="1"/>
      <parkingFacilityStatus>{st}</parkingFacilityStatus>
      <parkingFacilityStatusTime>2024-06-01T12:05:00+02:00</parkingFacilityStatusTime>
      <totalNumberOfOccupiedParkingSpaces>{occ}</totalNumberOfOccupiedParkingSpaces>
      <totalNumberOfVacantParkingSpaces>{free}</totalNumberOfVacantParkingSpaces>
    </parkingFacilityStatus>""".format(id=g[0], occ=occ, free=g[4] - occ,
                                       pct=round(100.0 * occ / g[4], 1),
                                       st=status.get(g[0], "open")))
    return """<?xml version="1.0" encoding="UTF-8"?>
<d2LogicalModel xmlns="http://datex2.eu/schema/2/2_0"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" modelBaseVersion="2">
  <exchange><supplierIdentification><country>de</country>
    <nationalIdentifier>Stadt Hamm</nationalIdentifier></supplierIdentification></exchange>
  <payloadPublication xsi:type="ParkingFacilityTableStatusPublication" lang="de">
    <publicationTime>2024-06-01T12:05:00+02:00</publicationTime>
    <publicationCreator><country>de</country>
      <nationalIdentifier>Stadt Hamm</nationalIdentifier></publicationCreator>
    <headerInformation><confidentiality>noRestriction</confidentiality>
      <informationStatus>real</informationStatus></headerInformation>{parts}
  </payloadPublication>
</d2LogicalModel>""".format(parts="".join(parts)).encode("utf-8")


V3_NS = ('xmlns:prk="http://datex2.eu/schema/3/parking" '
         'xmlns:com="http://datex2.eu/schema/3/common" '
         'xmlns:loc="http://datex2.eu/schema/3/locationReferencing" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')


def datex2_v3_table(garages=GARAGES) -> bytes:
    recs = "".join("""
    <prk:parkingRecord xsi:type="prk:UrbanParkingSite" id="{id}" version="1">
      <prk:parkingName><com:values><com:value lang="de">{name}</com:value></com:values>
      </prk:parkingName>
      <prk:parkingRecordVersionTime>2024-06-01T08:00:00+02:00</prk:parkingRecordVersionTime>
      <prk:parkingNumberOfSpaces>{cap}</prk:parkingNumberOfSpaces>
      <prk:parkingLocation xsi:type="loc:PointLocation">
        <loc:pointByCoordinates><loc:pointCoordinates>
          <loc:latitude>{lat}</loc:latitude><loc:longitude>{lon}</loc:longitude>
        </loc:pointCoordinates></loc:pointByCoordinates>
      </prk:parkingLocation>
      <prk:urbanParkingSiteType>offStreetParking</prk:urbanParkingSiteType>
    </prk:parkingRecord>""".format(id=g[0], name=g[1], lat=g[2], lon=g[3], cap=g[4])
                   for g in garages)
    # inside a v3 message container, as exchanged (the status below stands alone)
    return """<?xml version="1.0" encoding="UTF-8"?>
<d2:messageContainer xmlns:d2="http://datex2.eu/schema/3/d2Payload" {ns}
    modelBaseVersion="3">
<d2:payload xsi:type="prk:ParkingTablePublication" lang="de" modelBaseVersion="3">
  <com:publicationTime>2024-06-01T12:00:00+02:00</com:publicationTime>
  <com:publicationCreator><com:country>DE</com:country>
    <com:nationalIdentifier>Stadt Hamm</com:nationalIdentifier></com:publicationCreator>
  <prk:parkingTable id="hamm_parken" version="1">{recs}
  </prk:parkingTable>
</d2:payload>
</d2:messageContainer>""".format(ns=V3_NS, recs=recs).encode("utf-8")


def datex2_v3_status(occupied: Dict[str, int], site_status: Dict[str, str] = None,
                     garages=GARAGES) -> bytes:
    site_status = site_status or {}
    parts = []
    for g in garages:
        if g[0] not in occupied:
            continue
        occ = occupied[g[0]]
        parts.append("""
  <prk:parkingRecordStatus xsi:type="prk:ParkingSiteStatus">
    <prk:parkingRecordReference targetClass="prk:ParkingRecord" id="{id}" version="1"/>
    <prk:parkingStatusOriginTime>2024-06-01T12:05:00+02:00</prk:parkingStatusOriginTime>
    <prk:parkingOccupancy>
      <prk:parkingNumberOfVacantSpaces>{free}</prk:parkingNumberOfVacantSpaces>
      <prk:parkingNumberOfOccupiedSpaces>{occ}</prk:parkingNumberOfOccupiedSpaces>
      <prk:parkingOccupancy>{pct}</prk:parkingOccupancy>
    </prk:parkingOccupancy>
    <prk:parkingSiteStatus>{st}</prk:parkingSiteStatus>
  </prk:parkingRecordStatus>""".format(id=g[0], occ=occ, free=g[4] - occ,
                                       pct=round(100.0 * occ / g[4], 1),
                                       st=site_status.get(g[0], "spacesAvailable")))
    return """<?xml version="1.0" encoding="UTF-8"?>
<prk:parkingStatusPublication {ns} lang="de" modelBaseVersion="3">
  <com:publicationTime>2024-06-01T12:05:00+02:00</com:publicationTime>
  <com:publicationCreator><com:country>DE</com:country>
    <com:nationalIdentifier>Stadt Hamm</com:nationalIdentifier></com:publicationCreator>
  <prk:parkingTableReference targetClass="prk:ParkingTable" id="hamm_parken" version="1"/>
  {parts}
</prk:parkingStatusPublication>""".format(ns=V3_NS, parts="".join(parts)).encode("utf-8")


def parking_json(free: Dict[str, int], garages=GARAGES) -> bytes:
    import json
    return json.dumps({"parkings": [
        {"id": g[0], "name": g[1], "lat": g[2], "lon": g[3], "capacity": g[4],
         "free": free.get(g[0]), "status": "open", "updated": "2024-06-01T12:05:00+02:00"}
        for g in garages]}, ensure_ascii=False).encode("utf-8")


# ------------------------------------------------------------------------------ OCPI
def ocpi_locations(statuses: Dict[str, Sequence[str]] = None) -> bytes:
    """Two locations; ``statuses`` maps location id to the status of each EVSE."""
    import json
    statuses = statuses or {"LOC1": ("AVAILABLE", "CHARGING"), "LOC2": ("OUTOFORDER",)}

    def evse(loc, i, status, kw):
        return {"uid": "{}-{}".format(loc, i), "evse_id": "DE*HAM*E{}{}".format(loc[-1], i),
                "status": status, "last_updated": "2024-06-01T10:00:00Z",
                "connectors": [{"id": "1", "standard": "IEC_62196_T2_COMBO" if kw >= 50 else
                                "IEC_62196_T2", "format": "CABLE" if kw >= 50 else "SOCKET",
                                "power_type": "DC" if kw >= 50 else "AC_3_PHASE",
                                "max_voltage": 400, "max_amperage": 32 if kw < 50 else 375,
                                "max_electric_power": int(kw * 1000),
                                "last_updated": "2024-06-01T10:00:00Z"}]}
    data = [
        {"country_code": "DE", "party_id": "HAM", "id": "LOC1", "publish": True,
         "name": "Ladepark Marktplatz", "address": "Marktplatz 1", "city": "Hamm",
         "postal_code": "59065", "country": "DEU",
         "coordinates": {"latitude": "51.680700", "longitude": "7.818600"},
         "operator": {"name": "Stadtwerke Hamm"}, "time_zone": "Europe/Berlin",
         "last_updated": "2024-06-01T10:00:00Z",
         "evses": [evse("LOC1", i + 1, s, 150 if i == 0 else 22)
                   for i, s in enumerate(statuses.get("LOC1", ()))]},
        {"country_code": "DE", "party_id": "HAM", "id": "LOC2", "publish": True,
         "name": "Laden am Kurpark", "address": "Ostenallee 1", "city": "Hamm",
         "postal_code": "59071", "country": "DEU",
         "coordinates": {"latitude": "51.676000", "longitude": "7.860000"},
         "operator": {"name": "Stadtwerke Hamm"}, "time_zone": "Europe/Berlin",
         "last_updated": "2024-06-01T10:00:00Z",
         "evses": [evse("LOC2", i + 1, s, 11) for i, s in enumerate(statuses.get("LOC2", ()))]},
        {"country_code": "DE", "party_id": "HAM", "id": "LOC_BAD", "publish": True,
         "name": "ohne Koordinaten", "address": "?", "city": "Hamm", "country": "DEU",
         "coordinates": {"latitude": "abc", "longitude": "7.8"}, "evses": []},
    ]
    return json.dumps({"data": data, "status_code": 1000, "status_message": "Success",
                       "timestamp": "2024-06-01T10:00:00Z"}).encode("utf-8")


BNETZA_ROWS = [
    # Betreiber, Straße, Nr, PLZ, Ort, lat, lon, date, kW, Art, n, plugs1, p1, plugs2, p2
    ("Stadtwerke Hamm GmbH", "Südring", "1", "59065", "Hamm", "51,677900", "7,815500",
     "01.03.2021", "22", "Normalladeeinrichtung", "2", "AC Typ 2 Steckdose", "11",
     "AC Typ 2 Steckdose", "11"),
    ("Schnell-Lade AG", "Werler Straße", "110", "59063", "Hamm", "51,668200", "7,835100",
     "15.07.2023", "300", "Schnellladeeinrichtung", "2", "DC Kupplung Combo, AC Kupplung "
     "Typ 2", "150", "DC Kupplung Combo", "150"),
    ("Kaputt GmbH", "Nirgendwo", "0", "59000", "Hamm", "", "", "01.01.2020", "11",
     "Normalladeeinrichtung", "1", "AC Typ 2 Steckdose", "11", "", ""),
]


def bnetza_csv(rows=BNETZA_ROWS) -> bytes:
    n = 25
    lines = ["Ladesäulenregister Bundesnetzagentur" + ";" * (n - 1), ";" * (n - 1),
             "Stand: 01.06.2024" + ";" * (n - 1), ";" * (n - 1),
             "Allgemeine Informationen" + ";" * 14 + "1. Ladepunkt;;;2. Ladepunkt;;;"
             "3. Ladepunkt;;;4. Ladepunkt;;",
             "Betreiber;Straße;Hausnummer;Adresszusatz;Postleitzahl;Ort;Bundesland;"
             "Kreis/kreisfreie Stadt;Breitengrad;Längengrad;Inbetriebnahmedatum;"
             "Nennleistung Ladeeinrichtung [kW];Art der Ladeeinrichung;Anzahl Ladepunkte;"
             "Steckertypen1;P1 [kW];Public Key1;Steckertypen2;P2 [kW];Public Key2;"
             "Steckertypen3;P3 [kW];Public Key3;Steckertypen4;P4 [kW];Public Key4"]
    for r in rows:
        lines.append(";".join([r[0], r[1], r[2], "", r[3], r[4], "Nordrhein-Westfalen",
                               "Kreisfreie Stadt Hamm", r[5], r[6], r[7], r[8], r[9], r[10],
                               r[11], r[12], "", r[13], r[14], "", "", "", "", "", "", ""]))
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


# ------------------------------------------------------------------------------ counts
COUNT_STATIONS = [("Z1", "Ostring", 51.6790, 7.8260), ("Z2", "Bahnhofsvorplatz", 51.6780,
                                                      7.8085)]


def counts_long_csv() -> bytes:
    """Z1: 3 quarter hours with cars, bikes, pedestrians; Z2: 2 with bikes only."""
    rows: List[str] = ["station_id;name;lat;lon;zeit;modus;anzahl"]
    data = {("Z1", "2024-06-03T07:00"): {"kfz": 120, "rad": 30, "fuss": 12},
            ("Z1", "2024-06-03T07:15"): {"kfz": 150, "rad": 25, "fuss": 8},
            ("Z1", "2024-06-03T07:30"): {"kfz": 90, "rad": 40, "fuss": 20},
            ("Z2", "2024-06-03T07:00"): {"rad": 55},
            ("Z2", "2024-06-03T07:15"): {"rad": 61}}
    names = {s[0]: s for s in COUNT_STATIONS}
    for (sid, when), modes in data.items():
        s = names[sid]
        for mode, value in modes.items():
            rows.append("{};{};{};{};{};{};{}".format(
                sid, s[1], str(s[2]).replace(".", ","), str(s[3]).replace(".", ","), when,
                {"kfz": "Kfz", "rad": "Rad", "fuss": "Fuß"}[mode], value))
    return ("\n".join(rows) + "\n").encode("utf-8")

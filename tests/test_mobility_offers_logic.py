"""Pure logic of parking (DATEX II v2/v3, JSON), charging (OCPI, BNetzA CSV) and traffic
counts, with bad input of every kind."""

import json

import mobility_feeds as mf
import pytest

from hamm_core.logic.errors import ParseError
from hamm_mobility.logic import charging, counts, parking
from hamm_mobility.logic.errors import FeedError

pytestmark = pytest.mark.pure
OCC = {"PH1": 380, "PH2": 100, "PH3": 120}


def _by_id(records, key="park_id"):
    return {r[key]: r for r in records}


@pytest.mark.parametrize("table, status, version", [
    (mf.datex2_v2_table, mf.datex2_v2_status, "DATEX II 2"),
    (mf.datex2_v3_table, mf.datex2_v3_status, "DATEX II 3"),
])
def test_datex_table_and_status_merged(table, status, version):
    data = parking.read_any([(status(OCC), "status.xml"), (table(), "table.xml")])
    recs = _by_id(data.records())
    assert set(recs) == {"PH1", "PH2", "PH3"}
    ph1 = recs["PH1"]
    assert ph1["name"] == "Parkhaus Allee-Center" and ph1["quelle"] == version
    assert (ph1["kapazitaet"], ph1["belegt"], ph1["frei"]) == (400, 380, 20)
    assert ph1["belegung_pct"] == pytest.approx(95.0)
    assert ph1["lat"] == pytest.approx(51.6797) and ph1["lon"] == pytest.approx(7.8167)
    # 95 % -> almost full, 40 % -> free, 120 of 120 -> full
    assert {k: r["zustand"] for k, r in recs.items()} == {
        "PH1": "fast_voll", "PH2": "frei", "PH3": "voll"}
    assert ph1["status_zeit"] == "2024-06-01T12:05:00+02:00"
    assert data.warnings == []


def test_datex_table_without_status_has_no_live_data():
    recs = parking.read_any([(mf.datex2_v3_table(), "t")]).records()
    assert {r["zustand"] for r in recs} == {"unbekannt"}
    assert _by_id(recs)["PH2"]["kapazitaet"] == 250 and _by_id(recs)["PH2"]["frei"] is None


def test_datex_closed_status_and_unknown_reference():
    status = mf.datex2_v2_status({"PH1": 10, "PH2": 0}, {"PH2": "closed"})
    status = status.replace(b'id="PH1"', b'id="PH9"')
    data = parking.read_any([(mf.datex2_v2_table(), "t"), (status, "s")])
    recs = _by_id(data.records())
    assert recs["PH2"]["zustand"] == "geschlossen"
    assert recs["PH1"]["zustand"] == "unbekannt"  # its status refers to PH9
    assert any("PH9" in w for w in data.warnings)


def test_parking_json_form():
    content = mf.parking_json({"PH1": 20, "PH2": 0, "PH3": 60})
    recs = _by_id(parking.read_any([(content, "p.json")]).records())
    assert (recs["PH1"]["belegt"], recs["PH1"]["frei"]) == (380, 20)
    assert recs["PH2"]["zustand"] == "voll" and recs["PH3"]["belegung_pct"] == 50.0


def test_parking_json_missing_fields():
    doc = {"parkings": [{"name": "ohne id", "lat": 51.6, "lon": 7.8},
                        {"id": "X", "lat": "abc", "lon": 7.8},
                        {"id": "OK", "lat": 51.68, "lon": 7.81, "capacity": 10}]}
    data = parking.read_any([(json.dumps(doc).encode(), "p.json")])
    assert [r["park_id"] for r in data.records()] == ["OK"]
    assert len(data.warnings) == 2
    with pytest.raises(FeedError, match="no list 'parkings'"):
        parking.read_any([(b'{"parking": []}', "p.json")])


def test_datex_broken_xml():
    with pytest.raises(ParseError, match="not valid XML"):
        parking.read_any([(mf.datex2_v2_status(OCC)[:400], "broken.xml")])


def test_datex_entities_refused():
    doc = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "x">]>'
           b'<d2LogicalModel>&a;</d2LogicalModel>')
    with pytest.raises(ParseError, match="declares entities"):
        parking.read_any([(doc, "evil.xml")])


def test_datex_not_a_parking_publication():
    with pytest.raises(FeedError, match="not a DATEX II parking publication"):
        parking.read_any([(b"<d2LogicalModel><payloadPublication/></d2LogicalModel>", "x")])


def test_datex_status_without_table():
    with pytest.raises(FeedError, match="table publication"):
        parking.read_any([(mf.datex2_v3_status(OCC), "s")])


def test_datex_facility_without_coordinates_skipped():
    table = mf.datex2_v2_table(mf.GARAGES + [("PHX", "Ohne Ort", "", "", 10)])
    data = parking.read_any([(table, "t")])
    assert "PHX" not in _by_id(data.records())
    assert any("PHX" in w for w in data.warnings)


# ------------------------------------------------------------------------------ charging
def test_ocpi_locations():
    warnings = []
    recs = _by_id(charging.parse_ocpi_locations(mf.ocpi_locations(), "ocpi", warnings),
                  "ladestation_id")
    assert set(recs) == {"LOC1", "LOC2"}
    assert any("LOC_BAD" in w for w in warnings)
    loc1 = recs["LOC1"]
    assert (loc1["ladepunkte"], loc1["frei"], loc1["belegt"], loc1["gestoert"]) == (2, 1, 1, 0)
    assert loc1["max_kw"] == 150.0 and loc1["schnelllader"] is True
    assert loc1["steckertypen"] == "IEC_62196_T2_COMBO, IEC_62196_T2"
    assert loc1["zustand"] == "frei" and loc1["betreiber"] == "Stadtwerke Hamm"
    assert loc1["adresse"] == "Marktplatz 1, 59065 Hamm"
    assert loc1["lat"] == pytest.approx(51.6807)
    assert recs["LOC2"]["zustand"] == "gestoert" and recs["LOC2"]["max_kw"] == 11.0
    busy = charging.parse_ocpi_locations(mf.ocpi_locations(
        {"LOC1": ("CHARGING", "RESERVED"), "LOC2": ("UNKNOWN",)}))
    assert {r["ladestation_id"]: r["zustand"] for r in busy} == {
        "LOC1": "belegt", "LOC2": "unbekannt"}


def test_ocpi_power_from_voltage_and_current():
    assert charging._connector_kw({"max_voltage": 230, "max_amperage": 16,
                                   "power_type": "AC_3_PHASE"}) == pytest.approx(11.04)
    assert charging._connector_kw({"max_voltage": 230, "max_amperage": 16,
                                   "power_type": "AC_1_PHASE"}) == pytest.approx(3.68)


def test_ocpi_bad_input():
    with pytest.raises(FeedError, match="error 2001"):
        charging.parse_ocpi_locations(b'{"data": null, "status_code": 2001, '
                                      b'"status_message": "Invalid"}', "ocpi")
    with pytest.raises(FeedError, match="not an OCPI locations list"):
        charging.parse_ocpi_locations(b'{"data": "x", "status_code": 1000}', "ocpi")
    with pytest.raises(ParseError, match="not valid JSON"):
        charging.parse_any(b'{"data": [', "ocpi")


def test_bnetza_csv_with_title_lines_and_decimal_comma():
    warnings = []
    recs = charging.parse_bnetza_csv(mf.bnetza_csv(), "register.csv", warnings)
    assert len(recs) == 2 and len(warnings) == 1 and "1 rows" in warnings[0]
    first, fast = recs
    assert first["lat"] == pytest.approx(51.6779) and first["lon"] == pytest.approx(7.8155)
    assert first["betreiber"] == "Stadtwerke Hamm GmbH"
    assert first["adresse"] == "Südring 1, 59065 Hamm"  # Windows-1252 decoded
    assert first["ladepunkte"] == 2 and first["max_kw"] == 22.0
    assert first["schnelllader"] is False and first["zustand"] == "unbekannt"
    assert first["inbetriebnahme"] == "01.03.2021"
    assert fast["max_kw"] == 300.0 and fast["schnelllader"] is True
    assert fast["steckertypen"] == "DC Kupplung Combo, AC Kupplung Typ 2"


def test_bnetza_csv_without_header():
    with pytest.raises(FeedError, match="Breitengrad"):
        charging.parse_bnetza_csv("Betreiber;Ort\nA;Hamm\n".encode("cp1252"), "x.csv")


def test_de_float():
    assert charging.de_float("51,6779") == pytest.approx(51.6779)
    assert charging.de_float("1.234,5") == pytest.approx(1234.5)
    assert charging.de_float("") is None and charging.de_float("abc") is None


# ------------------------------------------------------------------------------ counts
def test_counts_long_layout():
    res = counts.parse_counts_csv(mf.counts_long_csv(), "z.csv")
    z1, z2 = res.stations["Z1"], res.stations["Z2"]
    assert (z1["kfz"], z1["rad"], z1["fuss"]) == (120 + 150 + 90, 30 + 25 + 40, 12 + 8 + 20)
    assert z1["gesamt"] == 495 and z1["intervalle"] == 3
    assert z1["spitze"] == 183 and z1["spitze_zeit"] == "2024-06-03T07:15"
    assert z1["anteil_rad_pct"] == pytest.approx(round(100 * 95 / 495, 1))
    assert z1["lat"] == pytest.approx(51.679)
    assert (z2["rad"], z2["kfz"], z2["intervalle"]) == (116, 0, 2)
    assert len(res.intervals) == 5
    first = res.intervals[0]
    assert (first["kfz"], first["rad"], first["fuss"], first["gesamt"]) == (120, 30, 12, 162)


def test_counts_wide_layout_with_xy():
    text = ("Zählstelle,Name,x,y,Zeit,Kfz,Rad,Fuß\n"
            "A,Nord,412000.5,5726000.25,2024-06-03 07:00,10,2,1\n"
            "A,Nord,412000.5,5726000.25,2024-06-03 07:15,12,,3\n")
    res = counts.parse_counts_csv(text.encode(), "w.csv")
    a = res.stations["A"]
    assert (a["x"], a["y"], a["kfz"], a["rad"], a["fuss"]) == (412000.5, 5726000.25, 22, 2, 4)


def test_counts_bad_input():
    with pytest.raises(FeedError, match="lacks the column"):
        counts.parse_counts_csv(b"station;zeit\nZ1;2024\n", "m.csv")
    with pytest.raises(FeedError, match="empty"):
        counts.parse_counts_csv(b"", "e.csv")
    res = counts.parse_counts_csv(
        b"station_id;lat;lon;zeit;modus;anzahl\nZ;51,6;7,8;t1;Kfz;5\nZ;51,6;7,8;t1;Tram;5\n"
        b"Z;51,6;7,8;t2;Rad;-3\n", "b.csv")
    assert res.stations["Z"]["kfz"] == 5 and res.stations["Z"]["rad"] == 0
    assert any("Tram" in w for w in res.warnings)
    assert any("negative" in w for w in res.warnings)

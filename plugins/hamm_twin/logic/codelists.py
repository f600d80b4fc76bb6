"""Code lists of the German LoD2 building models (AdV / NRW profile) with German labels.

roofType: AdV code list "Dachform"; function: ALKIS "Gebäudefunktion" of buildings
(AX_Gebaeude, written as ``31001_<code>`` in the NRW CityGML files) and
"Bauwerksfunktion" of the structures the LoD2 tiles hold as well (canopies, carports,
silos, towers...: ``51009_1610``, ``51003_1201``). A structure's code is kept with its
object type, because the same four digits mean something else there (51001_1010 is a
headframe, 1010 a dwelling house). Labels are German source text (marked with
tr_noop) because the code lists are German; the English .ts carries nothing else.
``label()`` returns the German label or the code itself when unknown.
"""

from hamm_core.logic.i18n import tr_noop

ROOF_TYPES = {
    "1000": tr_noop("Flachdach"),
    "2100": tr_noop("Pultdach"),
    "2200": tr_noop("Versetztes Pultdach"),
    "3100": tr_noop("Satteldach"),
    "3200": tr_noop("Walmdach"),
    "3300": tr_noop("Krüppelwalmdach"),
    "3400": tr_noop("Mansardendach"),
    "3500": tr_noop("Zeltdach"),
    "3600": tr_noop("Kegeldach"),
    "3700": tr_noop("Kuppeldach"),
    "3800": tr_noop("Sheddach"),
    "3900": tr_noop("Bogendach"),
    "4000": tr_noop("Turmdach"),
    "5000": tr_noop("Mischform"),
    "9999": tr_noop("Sonstiges"),
}

FUNCTIONS = {
    "1000": tr_noop("Wohngebäude"),
    "1010": tr_noop("Wohnhaus"),
    "1020": tr_noop("Wohnheim"),
    "1100": tr_noop("Gemischt genutztes Gebäude mit Wohnen"),
    "1120": tr_noop("Wohngebäude mit Handel und Dienstleistungen"),
    "1130": tr_noop("Wohngebäude mit Gewerbe und Industrie"),
    "1310": tr_noop("Gebäude zum Wohnen"),
    "1313": tr_noop("Gartenhaus"),
    "2000": tr_noop("Gebäude für Wirtschaft oder Gewerbe"),
    "2010": tr_noop("Gebäude für Handel und Dienstleistungen"),
    "2020": tr_noop("Bürogebäude"),
    "2050": tr_noop("Geschäftsgebäude"),
    "2070": tr_noop("Hotel, Motel, Pension"),
    "2081": tr_noop("Gaststätte, Restaurant"),
    "2100": tr_noop("Gebäude für Gewerbe und Industrie"),
    "2110": tr_noop("Produktionsgebäude"),
    "2112": tr_noop("Betriebsgebäude"),
    "2130": tr_noop("Tankstelle"),
    "2140": tr_noop("Gebäude für Vorratshaltung"),
    "2143": tr_noop("Lagerhalle, Lagerschuppen, Lagerhaus"),
    "2460": tr_noop("Gebäude zum Parken"),
    "2461": tr_noop("Parkhaus"),
    "2463": tr_noop("Garage"),
    "2465": tr_noop("Tiefgarage"),
    "2500": tr_noop("Gebäude zur Versorgung"),
    "2523": tr_noop("Umformer"),
    "2700": tr_noop("Gebäude für Land- und Forstwirtschaft"),
    "2720": tr_noop("Land- und forstwirtschaftliches Betriebsgebäude"),
    "2723": tr_noop("Schuppen"),
    "3000": tr_noop("Gebäude für öffentliche Zwecke"),
    "3010": tr_noop("Verwaltungsgebäude"),
    "3020": tr_noop("Gebäude für Bildung und Forschung"),
    "3021": tr_noop("Allgemein bildende Schule"),
    "3030": tr_noop("Gebäude für kulturelle Zwecke"),
    "3034": tr_noop("Museum"),
    "3036": tr_noop("Bibliothek, Bücherei"),
    "3040": tr_noop("Gebäude für religiöse Zwecke"),
    "3041": tr_noop("Kirche"),
    "3050": tr_noop("Gebäude für Gesundheitswesen"),
    "3051": tr_noop("Krankenhaus"),
    "3060": tr_noop("Gebäude für soziale Zwecke"),
    "3065": tr_noop("Kinderkrippe, Kindergarten, Kindertagesstätte"),
    "3070": tr_noop("Gebäude für Sicherheit und Ordnung"),
    "3071": tr_noop("Polizei"),
    "3072": tr_noop("Feuerwehr"),
    "3200": tr_noop("Gebäude für Erholungszwecke"),
    "3211": tr_noop("Sport-, Turnhalle"),
    "9998": tr_noop("Nach Quellenlage nicht zu spezifizieren"),
}

# Bauwerksfunktion by ALKIS object type, from the AdV's GeoInfoDok (ALKIS object type
# catalogue): 51001 AX_Turm, 51002 AX_BauwerkOderAnlageFuerIndustrieUndGewerbe, 51003
# AX_VorratsbehaelterSpeicherbauwerk, 51006 AX_BauwerkOderAnlageFuerSportFreizeitUnd-
# Erholung, 51009 AX_SonstigesBauwerkOderSonstigeEinrichtung
STRUCTURE_FUNCTIONS = {
    "51001": {
        "1001": tr_noop("Wasserturm"),
        "1002": tr_noop("Kirchturm, Glockenturm"),
        "1003": tr_noop("Aussichtsturm"),
        "1004": tr_noop("Kontrollturm"),
        "1005": tr_noop("Kühlturm"),
        "1006": tr_noop("Leuchtturm"),
        "1007": tr_noop("Feuerwachturm"),
        "1008": tr_noop("Sende-, Funkturm, Fernmeldeturm"),
        "1009": tr_noop("Stadt-, Torturm"),
        "1010": tr_noop("Förderturm"),
        "1011": tr_noop("Bohrturm"),
        "1012": tr_noop("Schloss-, Burgturm"),
        "9998": tr_noop("Nach Quellenlage nicht zu spezifizieren"),
        "9999": tr_noop("Sonstiges"),
    },
    "51002": {
        "1210": tr_noop("Klärbecken"),
        "1215": tr_noop("Biogasanlage"),
        "1220": tr_noop("Windrad"),
        "1230": tr_noop("Solarzellen"),
        "1250": tr_noop("Mast"),
        "1290": tr_noop("Schornstein"),
        "1330": tr_noop("Kran"),
        "1350": tr_noop("Hochofen"),
        "1400": tr_noop("Umformer"),
        "2530": tr_noop("Kraftwerk"),
        "9999": tr_noop("Sonstiges"),
    },
    "51003": {
        "1201": tr_noop("Silo"),
        "1202": tr_noop("Fülltrichter"),
        "1203": tr_noop("Bunker"),
        "1204": tr_noop("Getreideheber"),
        "1205": tr_noop("Tank"),
        "1206": tr_noop("Gasometer"),
        "9999": tr_noop("Sonstiges"),
    },
    "51006": {
        "1431": tr_noop("Zuschauertribüne, überdacht"),
        "1432": tr_noop("Zuschauertribüne, nicht überdacht"),
        "1440": tr_noop("Stadion"),
        "1450": tr_noop("Schwimmbecken"),
        "1490": tr_noop("Gradierwerk"),
        "9999": tr_noop("Sonstiges"),
    },
    "51009": {
        "1610": tr_noop("Überdachung"),
        "1611": tr_noop("Carport"),
        "1620": tr_noop("Treppe"),
        "1640": tr_noop("Kellereingang"),
        "1650": tr_noop("Rampe"),
        "1670": tr_noop("Terrasse"),
        "1700": tr_noop("Mauer"),
        "1750": tr_noop("Gedenkstätte, Denkmal, Denkstein, Standbild"),
        "1780": tr_noop("Brunnen"),
        "9999": tr_noop("Sonstiges"),
    },
}
BUILDING_TYPE = "31001"  # AX_Gebaeude: its functions are FUNCTIONS

SURFACE_TYPES = {
    "RoofSurface": tr_noop("Dach"),
    "WallSurface": tr_noop("Wand"),
    "GroundSurface": tr_noop("Boden"),
    "ClosureSurface": tr_noop("Abschluss"),
    "OuterCeilingSurface": tr_noop("Deckenfläche außen"),
    "OuterFloorSurface": tr_noop("Bodenfläche außen"),
    "Unclassified": tr_noop("Ohne Klasse"),
}


def normalize_code(value) -> str:
    """'31001_1010' -> '1010'; ' 3100 ' -> '3100'; None -> ''."""
    if value is None:
        return ""
    text = str(value).strip()
    if "_" in text:
        text = text.rsplit("_", 1)[-1]
    return text


def label(table, code: str, translate=None) -> str:
    code = normalize_code(code)
    text = table.get(code)
    if text is None:
        return code
    return translate(text) if translate else text


def function_code(value) -> str:
    """The function as the building layer keeps it: a building's code alone
    ('31001_1010' -> '1010', as before), a structure's with its object type
    ('51009_1610' stays; its four digits alone would name a building function)."""
    if value is None:
        return ""
    text = str(value).strip()
    kind, sep, code = text.rpartition("_")
    if not sep or kind == BUILDING_TYPE or not kind.isdigit():
        return normalize_code(text)
    return kind + "_" + code


def function_label(code: str, translate=None) -> str:
    """The German label of a code from function_code (the code itself when unknown)."""
    kind, sep, number = code.rpartition("_")
    if not sep:
        return label(FUNCTIONS, code, translate)
    table = STRUCTURE_FUNCTIONS.get(kind, {})
    return label(table, number, translate) if number in table else code

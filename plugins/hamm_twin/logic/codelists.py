"""Code lists of the German LoD2 building models (AdV / NRW profile) with German labels.

roofType: AdV code list "Dachform"; function: ALKIS "Gebäudefunktion" (AX_Gebaeude,
written as ``31001_<code>`` in the NRW CityGML files). Labels are German source text
(marked with tr_noop) because the code lists are German; the English .ts carries
nothing else. ``label()`` returns the German label or the code itself when unknown.
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

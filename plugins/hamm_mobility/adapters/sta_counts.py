"""Counts per interval and mode from a SensorThings API, through the client of the plugin
Digitales Hamm Sensoren (hamm_sensors) when it is installed (an optional import: without
it this says so clearly and the rest of hamm_mobility works).

Each Datastream whose ObservedProperty (or own name) names a mode (Kfz/car, Rad/bike,
Fuß/pedestrian) contributes its observations in the time window: one interval per
phenomenonTime (start), counted at its Thing's Location.
"""

from datetime import datetime
from typing import Optional

from hamm_core.logic.errors import HammError

from ..logic import counts
from ..logic.i18n import tr


def sensors_client():
    """hamm_sensors' make_client, or HammError saying how to get it."""
    try:
        from hamm_sensors.adapters.sta import make_client
    except ImportError as err:
        raise HammError(tr("Counts from SensorThings need the plugin 'Digitales Hamm "
                           "Sensoren' (hamm_sensors). Install it with the plugin manager, or "
                           "load the counts from a CSV file."), detail=str(err)) from err
    return make_client


def load_sta_counts(url: str, start: Optional[datetime] = None,
                    end: Optional[datetime] = None, filter_: str = "", authcfg: str = "",
                    feedback=None) -> counts.CountsResult:
    make_client = sensors_client()
    client = make_client(url, authcfg=authcfg, feedback=feedback)
    rows = []
    skipped_streams = 0
    no_position = 0
    for ds in client.datastreams(filter_):
        if feedback is not None and feedback.isCanceled():
            break
        mode = counts.mode_of(ds.observed_property, ds.name)
        if mode is None:
            skipped_streams += 1
            continue
        thing = ds.thing
        pos = thing.position if thing is not None else None
        if pos is None:
            no_position += 1
            continue
        for obs in client.observations(ds.id, start, end):
            rows.append((str(thing.id), thing.name, pos[0], pos[1],
                         obs.start.isoformat(), mode, obs.number))
    res = counts.from_rows(rows, url)
    res.warnings.extend(client.warnings)
    if skipped_streams:
        res.warnings.append(tr("{n} Datastreams are not counts of cars, bikes or "
                               "pedestrians and were left out.").format(n=skipped_streams))
    if no_position:
        res.warnings.append(tr("{n} Datastreams belong to Things without a Location and "
                               "were left out.").format(n=no_position))
    return res

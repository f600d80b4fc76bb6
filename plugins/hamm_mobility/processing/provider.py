"""The Processing provider of hamm_mobility."""

import os

from hamm_core.processing.base import HammProvider

from .algorithms import GbfsSnapshotAlgorithm, GtfsLayersAlgorithm, GtfsRealtimeAlgorithm
from .offers import (
    ChargingAlgorithm,
    NearbyOffersAlgorithm,
    ParkingAlgorithm,
    TrafficCountsAlgorithm,
    TrafficCountsStaAlgorithm,
)


class MobilityProvider(HammProvider):
    PROVIDER_ID = "hamm_mobility"
    TITLE = "Mobility"
    PLUGIN_ID = "hamm_mobility"
    ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icons", "icon.svg")
    ALGORITHMS = [GtfsLayersAlgorithm, GbfsSnapshotAlgorithm, GtfsRealtimeAlgorithm,
                  ParkingAlgorithm, ChargingAlgorithm, TrafficCountsAlgorithm,
                  TrafficCountsStaAlgorithm, NearbyOffersAlgorithm]

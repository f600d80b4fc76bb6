"""The pure STA client on QGIS's network stack (proxy, authcfg, timeouts, retries)."""

from datetime import datetime
from typing import Dict, List, Optional

from hamm_core.adapters import network

from ..logic.client import StaClient
from ..logic.model import Datastream, EntityId, Observation


def make_client(base_url: str, authcfg: str = "", feedback=None, max_items: Optional[int] = None,
                timeout_s: Optional[float] = None, retries: Optional[int] = None) -> StaClient:
    def get(url: str):
        return network.fetch_json(url, authcfg=authcfg, feedback=feedback, timeout_s=timeout_s,
                                  retries=retries)
    return StaClient(base_url, get, max_items=max_items, feedback=feedback)


def fetch_live(client: StaClient, filter_: str = "", now: Optional[datetime] = None,
               feedback=None, ids=(), props=()):
    """Datastreams (with Things, Locations) and each one's latest observation; ``ids``
    restricts them to those Datastreams (e.g. chosen in the entity browser), ``props`` to
    those observed properties."""
    datastreams: List[Datastream] = client.datastreams(filter_)
    if ids:
        wanted = {str(i) for i in ids}
        datastreams = [d for d in datastreams if str(d.id) in wanted]
    if props:
        datastreams = [d for d in datastreams if d.observed_property in props]
    latest: Dict[EntityId, Optional[Observation]] = client.latest_many(
        [d.id for d in datastreams], now=now, feedback=feedback)
    return datastreams, latest

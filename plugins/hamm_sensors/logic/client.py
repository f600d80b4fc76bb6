"""A SensorThings API client that copes with real servers.

The HTTP GET is injected (``get(url) -> parsed JSON``, raising hamm_core's NetworkError or
ParseError), so this module stays pure: inside QGIS the adapters pass
hamm_core.adapters.network.fetch_json (proxy, authcfg, timeouts, retries).

- Paging through ``@iot.nextLink`` for top-level and expanded collections, with loop
  detection (a link seen before, a page that repeats the ids of earlier pages) and a user
  maximum of entities.
- An expanded collection's nextLink that does not point at that collection (some servers
  repeat the parent's URL) is replaced by a separate request on the entity's navigation
  path with $skip.
- Capability fallbacks, remembered per client: ``$orderby`` that fails -> sort on the
  client; nested ``$expand`` with options that fails -> separate requests joined here.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List, Optional, Sequence

from hamm_core.logic.errors import NetworkError, ParseError

from .i18n import tr
from .model import (
    Datastream,
    EntityId,
    Observation,
    parse_datastream,
    parse_observations,
    parse_thing,
)
from .sta_url import Expand, Query, build_url, entity_path, nav_name_of, time_literal

Getter = Callable[[str], Any]
# Answers that mean "this server does not implement that option" rather than "down"
UNSUPPORTED_STATUS = {400, 404, 405, 406, 500, 501}


def is_unsupported(err: BaseException) -> bool:
    return (isinstance(err, NetworkError) and err.kind == NetworkError.KIND_HTTP
            and err.status in UNSUPPORTED_STATUS)


@dataclass
class Collected:
    items: List[Dict[str, Any]] = field(default_factory=list)
    pages: int = 0
    truncated: bool = False  # stopped at the user's maximum
    loop: bool = False  # the server's nextLink went round in circles
    duplicates: int = 0  # entities a later page repeated (dropped)
    warnings: List[str] = field(default_factory=list)


def _values(doc: Any, url: str) -> List[Dict[str, Any]]:
    if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
        raise ParseError(tr("The answer from {url} is not a SensorThings collection (no "
                            "'value' list).").format(url=url), source=url)
    return doc["value"]


def collect(get: Getter, url: str, max_items: Optional[int] = None, max_pages: int = 100000,
            feedback=None) -> Collected:
    """All entities of a collection, following @iot.nextLink."""
    out = Collected()
    seen_urls = set()
    seen_ids = set()
    next_url: Optional[str] = url
    while next_url:
        if feedback is not None and feedback.isCanceled():
            break
        if next_url in seen_urls:
            out.loop = True
            out.warnings.append(tr("The server's next link for {url} points back to a page "
                                   "already read; paging stopped.").format(url=url))
            break
        seen_urls.add(next_url)
        doc = get(next_url)
        page = _values(doc, next_url)
        out.pages += 1
        ids = [item.get("@iot.id") for item in page if isinstance(item, dict)]
        fresh = [i for i in ids if i is not None and i not in seen_ids]
        if ids and not fresh and all(i is not None for i in ids):
            out.loop = True
            out.warnings.append(tr("The server repeats entities already read from {url}; "
                                   "paging stopped.").format(url=url))
            break
        for item in page:
            item_id = item.get("@iot.id") if isinstance(item, dict) else None
            if item_id is not None:
                if item_id in seen_ids:
                    out.duplicates += 1  # unstable server ordering between pages
                    continue
                seen_ids.add(item_id)
            if max_items is not None and len(out.items) >= max_items:
                out.truncated = True
                return out
            out.items.append(item)
        if max_items is not None and len(out.items) >= max_items and doc.get("@iot.nextLink"):
            out.truncated = True
            return out
        if out.pages >= max_pages:
            out.truncated = bool(doc.get("@iot.nextLink"))
            break
        link = doc.get("@iot.nextLink")
        next_url = link if isinstance(link, str) and link else None
    return out


def complete_expanded(get: Getter, entity: Dict[str, Any], nav: str,
                      query: Optional[Query] = None, max_items: Optional[int] = None,
                      feedback=None) -> List[str]:
    """Fetch the remaining pages of ``entity[nav]`` in place; returns warnings."""
    link = entity.get(nav + "@iot.nextLink")
    items = entity.get(nav)
    if not isinstance(items, list) or not isinstance(link, str) or not link:
        return []
    remaining = None if max_items is None else max(0, max_items - len(items))
    if remaining == 0:
        return []
    if nav_name_of(link) != nav:
        # The link does not address the expanded collection: ask for it separately
        self_link = entity.get("@iot.selfLink")
        if not isinstance(self_link, str) or not self_link:
            return [tr("The next link of an expanded {nav} collection is unusable and the "
                       "entity has no selfLink; the list stays incomplete.").format(nav=nav)]
        q = Query(**dict(vars(query))) if query is not None else Query()
        q.skip = len(items)
        q.top = None if q.top is None else q.top
        link = build_url(self_link, nav, q)
    more = collect(get, link, max_items=remaining, feedback=feedback)
    known = {i.get("@iot.id") for i in items if isinstance(i, dict)}
    items.extend(i for i in more.items if i.get("@iot.id") is None or i.get("@iot.id") not in known)
    entity.pop(nav + "@iot.nextLink", None)
    return more.warnings


@dataclass
class Capabilities:
    conformance: List[str] = field(default_factory=list)
    orderby: Optional[bool] = None  # None: not tried yet
    nested_expand: Optional[bool] = None
    log: List[str] = field(default_factory=list)


class StaClient:
    def __init__(self, base_url: str, get: Getter, max_items: Optional[int] = None,
                 page_size: Optional[int] = None, feedback=None):
        self.base = base_url.rstrip("/")
        self.get = get
        self.max_items = max_items
        self.page_size = page_size
        self.feedback = feedback
        self.caps = Capabilities()
        self.warnings: List[str] = []

    def url(self, path: str, query: Optional[Query] = None) -> str:
        return build_url(self.base, path, query)

    def collect(self, path: str, query: Optional[Query] = None,
                max_items: Optional[int] = None) -> List[Dict[str, Any]]:
        q = query or Query()
        if self.page_size and q.top is None:
            q.top = self.page_size
        res = collect(self.get, self.url(path, q),
                      max_items=max_items if max_items is not None else self.max_items,
                      feedback=self.feedback)
        self.warnings.extend(res.warnings)
        if res.truncated:
            self.warnings.append(tr("Only the first {n} entities of {path} were read (the "
                                    "maximum set).").format(n=len(res.items), path=path))
        return res.items

    # -- service ----------------------------------------------------------------------
    def conformance(self) -> List[str]:
        doc = self.get(self.base + "/")
        if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
            raise ParseError(tr("{url} is not the root of a SensorThings API (no list of "
                                "entity sets).").format(url=self.base), source=self.base)
        settings = doc.get("serverSettings") if isinstance(doc.get("serverSettings"), dict) else {}
        conf = settings.get("conformance") if isinstance(settings.get("conformance"), list) else []
        self.caps.conformance = [str(c) for c in conf]
        return self.caps.conformance

    # -- entities -----------------------------------------------------------------------
    def things(self, filter_: str = "") -> list:
        items = self.collect("Things", Query(filter=filter_, expand=["Locations"]))
        for item in items:
            self.warnings.extend(complete_expanded(self.get, item, "Locations",
                                                   feedback=self.feedback))
        return [parse_thing(i, self.base) for i in items]

    def datastreams(self, filter_: str = "") -> List[Datastream]:
        """Datastreams with their Thing (with Locations) and ObservedProperty name.

        Read from the to-many side (Things?$expand=Locations,Datastreams and
        ObservedProperties?$expand=Datastreams) and joined here: expanding to-one relations
        of a collection (Datastreams?$expand=Thing) is wrong on some servers
        (django-ogc-sensorthings 1.2 repeats the first row's Thing for every row).
        ``filter_`` filters the Things.
        """
        items = self.collect("Things", Query(filter=filter_,
                                             expand=["Locations", "Datastreams"]))
        out: List[Datastream] = []
        seen: Dict[Any, Datastream] = {}
        for item in items:
            for nav in ("Locations", "Datastreams"):
                self.warnings.extend(complete_expanded(self.get, item, nav,
                                                       feedback=self.feedback))
            thing = parse_thing(item, self.base)
            for ds_item in item.get("Datastreams") or []:
                ds = parse_datastream(ds_item, self.base)
                ds.thing = thing
                if ds.id in seen:
                    continue
                seen[ds.id] = ds
                out.append(ds)
        for prop_name, ds_ids in self._property_index().items():
            for ds_id in ds_ids:
                if ds_id in seen:
                    seen[ds_id].observed_property = prop_name
        return out

    def _property_index(self) -> Dict[str, List[Any]]:
        """ObservedProperty name -> ids of its Datastreams."""
        items = None
        if self.caps.nested_expand is not False:
            try:
                q = Query(expand=[Expand("Datastreams", Query(select=["@iot.id"]))])
                items = self.collect("ObservedProperties", q)
                self.caps.nested_expand = True
            except (NetworkError, ParseError) as err:
                if isinstance(err, NetworkError) and not is_unsupported(err):
                    raise
                self.caps.nested_expand = False
                self.caps.log.append("$expand with options failed: {}".format(
                    err.user_message))
        if items is None:
            items = self.collect("ObservedProperties", Query(expand=["Datastreams"]))
        index: Dict[str, List[Any]] = {}
        for item in items:
            if not isinstance(item, dict):
                continue
            self.warnings.extend(complete_expanded(self.get, item, "Datastreams",
                                                   feedback=self.feedback))
            index.setdefault(str(item.get("name", "")), []).extend(
                d.get("@iot.id") for d in item.get("Datastreams") or [] if isinstance(d, dict))
        return index

    # -- observations --------------------------------------------------------------------
    def observations(self, datastream_id: EntityId, start: Optional[datetime] = None,
                     end: Optional[datetime] = None, select_min: bool = True,
                     max_items: Optional[int] = None, skipped: Optional[List[str]] = None
                     ) -> List[Observation]:
        """Observations of one Datastream in [start, end], ascending by time."""
        conds = []
        if start is not None:
            conds.append("phenomenonTime ge " + time_literal(start))
        if end is not None:
            conds.append("phenomenonTime le " + time_literal(end))
        select = ("@iot.id", "phenomenonTime", "result") if select_min else ()
        path = entity_path("Datastreams", datastream_id, "Observations")
        query = Query(filter=" and ".join(conds), select=select)
        items = self._ordered(path, query, "phenomenonTime asc", max_items)
        obs = parse_observations(items, self.base, skipped)
        obs.sort(key=lambda o: (o.start, o.end))
        return obs

    def _ordered(self, path: str, query: Query, orderby: str,
                 max_items: Optional[int] = None) -> List[Dict[str, Any]]:
        if self.caps.orderby is not False:
            q = Query(**vars(query))
            q.orderby = orderby
            try:
                items = self.collect(path, q, max_items)
                self.caps.orderby = True
                return items
            except NetworkError as err:
                if not is_unsupported(err):
                    raise
                self.caps.orderby = False
                self.caps.log.append("$orderby failed: {}".format(err.user_message))
        return self.collect(path, Query(**vars(query)), max_items)

    def latest(self, datastream_id: EntityId, now: Optional[datetime] = None,
               windows_h: Sequence[float] = (2.0, 48.0)) -> Optional[Observation]:
        """The newest observation of a Datastream (None if it has none)."""
        path = entity_path("Datastreams", datastream_id, "Observations")
        select = ("@iot.id", "phenomenonTime", "result")
        if self.caps.orderby is not False:
            try:
                items = collect(self.get, self.url(path, Query(
                    select=select, orderby="phenomenonTime desc", top=1)),
                    max_items=1).items
                self.caps.orderby = True
                obs = parse_observations(items, self.base)
                return obs[0] if obs else None
            except NetworkError as err:
                if not is_unsupported(err):
                    raise
                self.caps.orderby = False
                self.caps.log.append("$orderby failed: {}".format(err.user_message))
        # Without $orderby: look back in growing windows, take the newest on the client
        now = now or datetime.now(timezone.utc)
        for hours in windows_h:
            since = now - timedelta(hours=hours)
            items = self.collect(path, Query(filter="phenomenonTime ge " + time_literal(since),
                                             select=select), max_items=100000)
            obs = parse_observations(items, self.base)
            if obs:
                return max(obs, key=lambda o: o.time)
        items = self.collect(path, Query(select=select), max_items=100000)
        obs = parse_observations(items, self.base)
        return max(obs, key=lambda o: o.time) if obs else None

    def latest_many(self, ids: Sequence[EntityId], now: Optional[datetime] = None,
                    feedback=None) -> Dict[EntityId, Optional[Observation]]:
        """The newest observation of each Datastream: one request where the server
        supports $orderby inside $expand, else one request per Datastream."""
        wanted = set(ids)
        out: Dict[EntityId, Optional[Observation]] = {}
        if self.caps.orderby is not False and self.caps.nested_expand is not False:
            q = Query(select=["@iot.id"], expand=[Expand("Observations", Query(
                select=["@iot.id", "phenomenonTime", "result"],
                orderby="phenomenonTime desc", top=1))])
            try:
                items = self.collect("Datastreams", q, max_items=10 ** 7)
                for item in items:
                    if item.get("@iot.id") in wanted:
                        obs = parse_observations(item.get("Observations") or [], self.base)
                        out[item["@iot.id"]] = max(obs, key=lambda o: o.time) if obs else None
                if len(out) == len(wanted):
                    return out
            except NetworkError as err:
                if not is_unsupported(err):
                    raise
                self.caps.log.append("$orderby inside $expand failed: {}".format(
                    err.user_message))
        for i, ds_id in enumerate(ids):
            if ds_id in out:
                continue
            if feedback is not None:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * i / max(1, len(ids)))
            out[ds_id] = self.latest(ds_id, now=now)
        return out

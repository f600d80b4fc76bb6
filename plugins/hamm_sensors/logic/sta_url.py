"""SensorThings API URLs: entity paths, query options, OData literals.

Options are written in the order $filter, $expand, $select, $orderby, $top, $skip,
$count; spaces are percent-encoded, the characters OData needs ($ ( ) ' , / ; = :) stay
readable, as real servers expect.
"""

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import List, Optional, Sequence, Union
from urllib.parse import quote, urlsplit, urlunsplit

EntityId = Union[int, str]
_SAFE = "$()',/;=:@!*"


def id_literal(entity_id: EntityId) -> str:
    """Integer ids stand bare, string ids in single quotes with quotes doubled."""
    if isinstance(entity_id, bool):
        raise TypeError("boolean is not an id")
    if isinstance(entity_id, int):
        return str(entity_id)
    return "'" + str(entity_id).replace("'", "''") + "'"


def entity_path(collection: str, entity_id: EntityId, nav: str = "") -> str:
    path = "{}({})".format(collection, id_literal(entity_id))
    return path + ("/" + nav if nav else "")


def string_literal(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def time_literal(value: datetime) -> str:
    """An ISO 8601 instant in UTC as OData wants it in $filter (no quotes)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Query:
    """Query options of one request; ``expand`` holds Expand objects or plain strings."""

    filter: str = ""
    expand: List[Union["Expand", str]] = field(default_factory=list)
    select: Sequence[str] = ()
    orderby: str = ""
    top: Optional[int] = None
    skip: Optional[int] = None
    count: bool = False

    def options(self, separator: str = "&") -> str:
        parts = []
        if self.filter:
            parts.append("$filter=" + self.filter)
        if self.expand:
            parts.append("$expand=" + ",".join(str(e) for e in self.expand))
        if self.select:
            parts.append("$select=" + ",".join(self.select))
        if self.orderby:
            parts.append("$orderby=" + self.orderby)
        if self.top is not None:
            parts.append("$top={}".format(int(self.top)))
        if self.skip:
            parts.append("$skip={}".format(int(self.skip)))
        if self.count:
            parts.append("$count=true")
        return separator.join(parts)


@dataclass
class Expand:
    """``Observations($top=1;$orderby=phenomenonTime desc)`` or ``Thing/Locations``."""

    path: str
    query: Optional[Query] = None

    def __str__(self) -> str:
        inner = self.query.options(";") if self.query is not None else ""
        return "{}({})".format(self.path, inner) if inner else self.path


def build_url(base: str, path: str = "", query: Optional[Query] = None) -> str:
    """``base`` (service root, e.g. .../v1.1) + ``path`` + encoded query options."""
    url = base.rstrip("/") + ("/" + path.lstrip("/") if path else "")
    opts = query.options() if query is not None else ""
    if not opts:
        return url
    return url + ("&" if "?" in url else "?") + quote(opts, safe=_SAFE + "&?")


def service_root(url: str) -> str:
    """The service root of any STA URL (up to and including the /v1.x segment)."""
    parts = urlsplit(url.strip())
    segs = parts.path.rstrip("/").split("/")
    for i, seg in enumerate(segs):
        if seg.startswith("v1."):
            segs = segs[:i + 1]
            break
    return urlunsplit((parts.scheme, parts.netloc, "/".join(segs), "", ""))


def nav_name_of(url: str) -> str:
    """The last path segment of a URL without key: 'Datastreams('x')/Observations' -> 'Observations'."""
    path = urlsplit(url).path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    return last.split("(", 1)[0]

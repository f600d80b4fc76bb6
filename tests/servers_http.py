"""A real nginx on 127.0.0.1, started once per test session, for the network tests.

nginx serves static documents (valid, broken, oversized, XML bombs), answers with
HTTP errors, redirects, sends slowly (limit_rate) and protects a folder with basic auth.
"""

import json
from pathlib import Path

import nginx_server
import pytest
from conftest import free_port
from nginx_server import HttpServer  # noqa: F401 - the fixture's type, for tests

USER = "hamm"
PASSWORD = "s3cret-Hamm!"

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<WMS_Capabilities version="1.3.0"><Service><Title>&lol9;</Title></Service></WMS_Capabilities>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<root>&xxe;</root>
"""

OK_XML = """<?xml version="1.0" encoding="UTF-8"?>
<messstationen stadt="Hamm"><station id="1" name="Heßlerstraße"/>
<station id="2" name="Marker Allee"/></messstationen>
""".encode()

WMS111_DOCTYPE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE WMT_MS_Capabilities SYSTEM
 "http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd">
<WMT_MS_Capabilities version="1.1.1"><Service><Name>OGC:WMS</Name><Title>Alt</Title></Service>
</WMT_MS_Capabilities>
"""


def _write_site(www: Path) -> None:
    (www / "private").mkdir(parents=True)
    (www / "slow").mkdir()
    (www / "ok.json").write_text(json.dumps(
        {"stadt": "Hamm", "bezirke": 7, "name": "Heßlerstraße"}, ensure_ascii=False),
        encoding="utf-8")
    (www / "broken.json").write_text('{"stadt": "Hamm", "bezirke": ', encoding="utf-8")
    (www / "empty.json").write_text("", encoding="utf-8")
    (www / "ok.xml").write_bytes(OK_XML)
    (www / "broken.xml").write_bytes(b"<root><a></root>")
    (www / "bomb.xml").write_bytes(BOMB)
    (www / "xxe.xml").write_bytes(XXE)
    (www / "wms111.xml").write_bytes(WMS111_DOCTYPE)
    (www / "big.bin").write_bytes(b"x" * (3 * 1024 * 1024))
    (www / "slow" / "data.json").write_bytes(b"[" + b"1," * 50000 + b"1]")
    (www / "private" / "secret.json").write_text('{"geheim": true}', encoding="utf-8")


def _server_lines(work: Path) -> str:
    return f"""    location = /status/404 {{ return 404 "nicht gefunden"; }}
    location = /status/500 {{ return 500 "interner Fehler"; }}
    location = /status/503 {{ return 503; }}
    location = /redirect {{ return 302 /ok.json; }}
    location = /redirect-loop {{ return 302 /redirect-loop; }}
    location /slow/ {{ limit_rate 1k; }}
    location /private/ {{
      auth_basic "Digitales Hamm Test";
      auth_basic_user_file {work}/htpasswd;
    }}"""


@pytest.fixture(scope="session")
def http_server(tmp_path_factory):
    work = tmp_path_factory.mktemp("nginx")
    _write_site(work / "www")
    (work / "htpasswd").write_text("{}:{{PLAIN}}{}\n".format(USER, PASSWORD))
    port = free_port()
    conf = nginx_server.config(
        work, port, "application/json json; application/xml xml; application/octet-stream bin;",
        _server_lines(work))
    try:
        proc, base = nginx_server.start(work, port, conf, "/ok.json")
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield HttpServer(base, work / "www", work / "access.log")
    nginx_server.stop(proc)

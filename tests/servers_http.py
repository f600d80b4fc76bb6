"""A real nginx on 127.0.0.1, started once per test session, for the network tests.

nginx serves static documents (valid, broken, oversized, XML bombs), answers with
HTTP errors, redirects, sends slowly (limit_rate) and protects a folder with basic auth.
"""

import json
import os
import shutil
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
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


@dataclass
class HttpServer:
    base_url: str
    root: Path
    log_path: Path

    def url(self, path: str) -> str:
        return self.base_url + path

    def hits(self, path: str) -> int:
        """How many requests for ``path`` nginx has logged so far."""
        time.sleep(0.05)
        text = self.log_path.read_text() if self.log_path.exists() else ""
        return sum(1 for line in text.splitlines() if ' "GET {} '.format(path) in line)


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


def _config(work: Path, port: int) -> str:
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
  access_log {work}/access.log;
  client_body_temp_path {work}/tmp_body;
  proxy_temp_path {work}/tmp_proxy;
  fastcgi_temp_path {work}/tmp_fcgi;
  uwsgi_temp_path {work}/tmp_uwsgi;
  scgi_temp_path {work}/tmp_scgi;
  types {{ application/json json; application/xml xml; application/octet-stream bin; }}
  server {{
    listen 127.0.0.1:{port};
    root {work}/www;
    location = /status/404 {{ return 404 "nicht gefunden"; }}
    location = /status/500 {{ return 500 "interner Fehler"; }}
    location = /status/503 {{ return 503; }}
    location = /redirect {{ return 302 /ok.json; }}
    location = /redirect-loop {{ return 302 /redirect-loop; }}
    location /slow/ {{ limit_rate 1k; }}
    location /private/ {{
      auth_basic "Digitales Hamm Test";
      auth_basic_user_file {work}/htpasswd;
    }}
  }}
}}
"""


@pytest.fixture(scope="session")
def http_server(tmp_path_factory):
    if not os.path.exists(NGINX):
        pytest.fail("nginx is not installed: run `make test` (scripts/setup.sh installs it)")
    work = tmp_path_factory.mktemp("nginx")
    _write_site(work / "www")
    (work / "htpasswd").write_text("{}:{{PLAIN}}{}\n".format(USER, PASSWORD))
    port = free_port()
    conf = work / "nginx.conf"
    conf.write_text(_config(work, port))
    proc = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(work)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = "http://127.0.0.1:{}".format(port)
    deadline = time.monotonic() + 15
    while True:
        try:
            urllib.request.urlopen(base + "/ok.json", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.poll() is not None else ""
                proc.kill()
                pytest.fail("nginx did not start: " + err)
            time.sleep(0.1)
    yield HttpServer(base, work / "www", work / "access.log")
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()

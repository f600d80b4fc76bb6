"""A real nginx on 127.0.0.1 for tests: configuration, start, wait, stop.

Shared by the network tests (servers_http.py) and the mobility feed tests
(mobility_servers.py); free of pytest so benchmark scripts can import its neighbours.
"""

import os
import shutil
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@dataclass
class HttpServer:
    base_url: str
    root: Path
    log_path: Path

    def url(self, path: str) -> str:
        return self.base_url + "/" + path.lstrip("/")

    def hits(self, path: str) -> int:
        """How many GET requests for ``path`` nginx has logged so far."""
        time.sleep(0.05)
        text = self.log_path.read_text() if self.log_path.exists() else ""
        wanted = ' "GET /{} '.format(path.lstrip("/"))
        return sum(1 for line in text.splitlines() if wanted in line)


def config(work: Path, port: int, types: str, server_lines: str) -> str:
    """nginx.conf serving ``work/www`` on 127.0.0.1:port, logging to ``work``;
    ``types`` is the inside of the types block, ``server_lines`` go into the server."""
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
  types {{ {types} }}
  server {{
    listen 127.0.0.1:{port};
    root {work}/www;
{server_lines}
  }}
}}
"""


def start(work: Path, port: int, conf_text: str, probe: str, timeout_s: float = 15.0):
    """Start nginx with ``conf_text`` and wait until ``probe`` answers; returns
    (process, base URL). RuntimeError with nginx's own words when it does not start."""
    if not os.path.exists(NGINX):
        raise RuntimeError("nginx is not installed: run `make test` (scripts/setup.sh "
                           "installs it)")
    conf = work / "nginx.conf"
    conf.write_text(conf_text)
    proc = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(work)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = "http://127.0.0.1:{}".format(port)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            urllib.request.urlopen(base + probe, timeout=1).read()
            return proc, base
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.poll() is not None else ""
                proc.kill()
                raise RuntimeError("nginx did not start: " + err) from None
            time.sleep(0.1)


def stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()

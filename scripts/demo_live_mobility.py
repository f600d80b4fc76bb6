#!/usr/bin/env python3
"""Live mobility feeds for the Hamm demo (make run): a GBFS sharing system, GTFS +
GTFS-Realtime buses and DATEX II parking occupancy, served on http://127.0.0.1:8652/ and
changed every few seconds until SIGTERM.

  demo_live_mobility.py --out build/demo [--port 8652] [--interval 5]

Writes the feeds (built by hamm_mobility.demo, synthetic data around the demo's city
centre) to OUT/mobility_live/, serves that folder with a stdlib HTTP server thread,
prints READY once they can be read, then rewrites the changing files atomically every
INTERVAL seconds. SIGTERM or Ctrl+C stops the server and exits.
"""

import argparse
import functools
import os
import signal
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from hamm_mobility import demo  # noqa: E402  (after the path above)

TYPES = {".json": "application/json", ".pb": "application/x-protobuf",
         ".xml": "application/xml", ".zip": "application/zip"}


class Handler(SimpleHTTPRequestHandler):
    def log_message(self, fmt, *args):  # keep the demo log short
        pass

    def guess_type(self, path):
        return TYPES.get(os.path.splitext(str(path))[1], "application/octet-stream")

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def write(root: Path, files) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(content)
        os.replace(tmp, path)  # atomic: a reader never sees half a file


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "demo"))
    parser.add_argument("--port", type=int, default=8652)
    parser.add_argument("--interval", type=float, default=5.0)
    parser.add_argument("--steps", type=int, default=0, help="stop after N updates (tests)")
    args = parser.parse_args(argv)
    www = Path(args.out) / "mobility_live"
    base = "http://127.0.0.1:{}".format(args.port)
    step = 0
    write(www, demo.static_files())
    write(www, demo.live_files(step, int(time.time()), base))
    server = ThreadingHTTPServer(("127.0.0.1", args.port),
                                 functools.partial(Handler, directory=str(www)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print("serving mobility demo feeds from {} on {}/".format(www, base), flush=True)
    print("READY", flush=True)
    try:
        while not stop.wait(args.interval):
            step += 1
            write(www, demo.live_files(step, int(time.time()), base))
            if args.steps and step >= args.steps:
                break
    finally:
        server.shutdown()
        server.server_close()
        print("stopped after {} updates".format(step), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

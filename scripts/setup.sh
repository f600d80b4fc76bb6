#!/usr/bin/env bash
# Idempotent set-up for a Debian 12 machine: installs the Debian packages the suite,
# its tests and its demo need, and a venv over /usr/bin/python3 (with the system's
# site-packages, so PyQGIS is importable) for the PyPI-only test tools.
# Re-running it costs a few dpkg queries when nothing is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  qgis python3-qgis qgis-server qgis-providers   # QGIS 3.22 desktop, PyQGIS, qgis_mapserver
  xvfb xauth x11-utils imagemagick               # headless demo + screenshots
  python3-venv python3-owslib python3-numpy      # venv, OGC capabilities parsing
  python3-scipy python3-shapely python3-pyproj   # optional at run time; tests use them
  splat                                          # reference tool of the LoRaWAN benchmark
  chromium                                       # headless browser for the web map test
  mosquitto mosquitto-clients                    # MQTT broker for the sensor tests
  gdal-bin                                       # ogr2ogr/gdalinfo for the demo data
  qttools5-dev-tools                             # lrelease (German .ts -> .qm)
  nginx-light                                    # real HTTP server for the network tests
  postgresql-15-postgis-3                        # PostGIS for the twin and signals import tests
  make
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  # nginx must not start a system-wide server on port 80 when it is installed;
  # the tests start their own on 127.0.0.1.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

VENV=.venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import qgis.core" 2>/dev/null; then
  rm -rf "$VENV"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
stamp="$VENV/.requirements.sha"
want=$(sha256sum requirements-dev.txt | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  echo "$want" > "$stamp"
fi

# A real SensorThings API server (django-ogc-sensorthings) in a venv of its own, for the
# sensor tests, their benchmark and the demo
bash scripts/setup_sta_server.sh

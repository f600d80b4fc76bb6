#!/usr/bin/env bash
# Idempotent: a separate venv build/sta-venv with django-ogc-sensorthings 1.2.* (a real
# OGC SensorThings API 1.1 server, used by the sensor tests, the benchmark and the demo)
# and a minimal Django project under build/sta-server (SQLite).
# Start it with:
#   build/sta-venv/bin/python build/sta-server/manage.py migrate
#   build/sta-venv/bin/python build/sta-server/manage.py runserver 127.0.0.1:PORT --noreload
# STA_DB=/path/db.sqlite3 chooses the database file (default build/sta-server/db.sqlite3).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=build/sta-venv
PROJ=build/sta-server
PY=/usr/bin/python3
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import sensorthings, django" 2>/dev/null; then
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "django-ogc-sensorthings==1.2.*"
fi
mkdir -p "$PROJ/sta_project"
cat > "$PROJ/sta_project/__init__.py" <<'PYEOF'
PYEOF
cat > "$PROJ/sta_project/settings.py" <<'PYEOF'
"""Minimal Django project serving OGC SensorThings API 1.1 (django-ogc-sensorthings)."""
import os
from pathlib import Path
from uuid import UUID

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "hamm-sensors-test-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "sensorthings.versions.v1_1",
    "sensorthings.versions.v1_1.backends.django",
    "sensorthings.versions.v1_1.extensions.dataarray",
]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "sta_project.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": os.environ.get("STA_DB", str(BASE_DIR / "db.sqlite3"))}}
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SENSORTHINGS_V1_1_SERVICE_URL = os.environ.get("STA_SERVICE_URL", "http://127.0.0.1:8000/sensorthings")
# The Django backend stores UUID primary keys: ids are strings in URLs, Things('...')
SENSORTHINGS_V1_1_MAX_TOP = int(os.environ.get("STA_MAX_TOP", "100"))
SENSORTHINGS_V1_1_ID_TYPE = UUID
SENSORTHINGS_V1_1_ID_DELIMITER = "'"
SENSORTHINGS_V1_1_BACKEND_ADAPTER = (
    "sensorthings.versions.v1_1.backends.django.adapter.DjangoBackendAdapter")
PYEOF
cat > "$PROJ/manage.py" <<'PYEOF'
#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sta_project.settings")
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
PYEOF
cat > "$PROJ/sta_project/urls.py" <<'PYEOF'
from django.urls import include, path

urlpatterns = [path("sensorthings/", include("sensorthings.versions.v1_1.urls"))]
PYEOF
echo "setup_sta_server: ready ($VENV, $PROJ)"
